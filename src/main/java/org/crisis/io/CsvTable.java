package org.crisis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A CSV file of a results directory, read whole into memory: a header and rows of text cells,
 * with numbers parsed on request (an empty or non-numeric cell is NaN; readers check the
 * columns they use with {@link #check}). Quoted cells may hold commas, quotes and line breaks
 * (RFC 4180). Extra columns are kept and ignored by readers. A row with fewer cells than the
 * header, or a last line without its line end, is refused with the file and line: the file
 * was cut short. The one reader of the CSV files crisis writes ({@link Csv} writes them).
 *
 * <p>Problems are reported as the caller's own exception, made from a message that names the
 * file and line ({@code results/x/runs.csv:12: ...}):
 *
 * <pre>{@code
 * CsvTable<ReportException> t = CsvTable.read(Path.of("results/x/runs.csv"), ReportException::new);
 * double[] severed = t.numbers(t.column("severed_per_mex"));
 * }</pre>
 *
 * @param <E> the exception a problem of the file is reported as
 */
public final class CsvTable<E extends Exception> {
    private final Function<String, E> invalid;
    private final String name;
    private final String source;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<String[]> rows;
    private final int[] lines;
    private final double[][] parsed;

    private CsvTable(Function<String, E> invalid, String name, String source, List<String> columns, List<String[]> rows,
            int[] lines) {
        this.invalid = invalid;
        this.name = name;
        this.source = source;
        this.lines = lines;
        this.columns = List.copyOf(columns);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.putIfAbsent(columns.get(i), i);
        }
        this.index = m;
        this.rows = Collections.unmodifiableList(rows);
        this.parsed = new double[columns.size()][];
    }

    /** A table made in memory; {@code name} stands for the file in messages. */
    public static <E extends Exception> CsvTable<E> of(String name, List<String> columns, List<String[]> rows,
            Function<String, E> invalid) {
        return new CsvTable<>(invalid, name, name, columns, new ArrayList<>(rows), new int[rows.size()]);
    }

    /** Reads every row; a problem is thrown as {@code invalid} makes it from the message. */
    public static <E extends Exception> CsvTable<E> read(Path file, Function<String, E> invalid) throws E {
        return read(file, null, null, invalid);
    }

    /**
     * Reads the rows whose cell in {@code filterColumn} passes {@code keep}; all rows if
     * {@code filterColumn} is null.
     */
    public static <E extends Exception> CsvTable<E> read(Path file, String filterColumn, Predicate<String> keep,
            Function<String, E> invalid) throws E {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Cells cells = new Cells(in);
            List<String> header = cells.next();
            if (header == null || header.isEmpty() || header.size() == 1 && header.get(0).isEmpty()) {
                throw invalid.apply(file + ": empty file, expected a CSV header");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            int filter = filterColumn == null ? -1 : header.indexOf(filterColumn);
            if (filterColumn != null && filter < 0) {
                throw invalid.apply(file + ": no column '" + filterColumn + "'");
            }
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (List<String> row = cells.next(filter, keep); row != null; row = cells.next(filter, keep)) {
                if (row == Cells.SKIPPED) {
                    continue;
                }
                if (row.size() == 1 && row.get(0).isEmpty() && !cells.cutOff) {
                    continue; // blank line
                }
                if (cells.cutOff) {
                    throw invalid.apply(file + ":" + cells.recordLine + ": the last line is cut off (no line end):"
                            + " the file is truncated");
                }
                if (row.size() < header.size()) {
                    throw invalid.apply(file + ":" + cells.recordLine + ": " + row.size() + " cell"
                            + (row.size() == 1 ? "" : "s") + ", expected " + header.size() + " as in the header:"
                            + " the file is truncated or damaged");
                }
                String[] r = row.toArray(new String[header.size()]);
                if (r.length > header.size()) {
                    r = java.util.Arrays.copyOf(r, header.size());
                }
                for (int i = 0; i < r.length; i++) {
                    if (r[i] == null) {
                        r[i] = "";
                    }
                }
                rows.add(r);
                lines.add(cells.recordLine);
            }
            if (cells.cutOff) {
                throw invalid.apply(file + ":" + cells.recordLine + ": the last line is cut off (no line end):"
                        + " the file is truncated");
            }
            return new CsvTable<>(invalid, file.getFileName().toString(), file.toString(), header, rows,
                    lines.stream().mapToInt(Integer::intValue).toArray());
        } catch (NoSuchFileException e) {
            throw invalid.apply(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            E x = invalid.apply(file + ": cannot read (" + e.getMessage() + ")");
            if (x.getCause() == null) {
                x.initCause(e);
            }
            throw x;
        }
    }

    private E fail(String message) {
        return invalid.apply(message);
    }

    public String name() {
        return name;
    }

    /** The rows whose cell in {@code column} is {@code value}, as a table of their own (same file, same lines). */
    public CsvTable<E> rowsWhere(int column, String value) {
        List<String[]> kept = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r)[column].equals(value)) {
                kept.add(rows.get(r));
                at.add(lines[r]);
            }
        }
        return new CsvTable<>(invalid, name, source, columns, kept, at.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The file and line of the last row (line 1, the header, if there is none). */
    public String whereLast() {
        return rows.isEmpty() ? source + ":1" : where(rows.size() - 1);
    }

    /** The line of the file on which a row starts (0 for a table made in memory). */
    public int line(int row) {
        return lines[row];
    }

    /** The file and line of a row, for messages: {@code results/x/runs.csv:12}. */
    public String where(int row) {
        return lines[row] > 0 ? source + ":" + lines[row] : source;
    }

    /**
     * Checks every cell of a column: a number in [min, max] (a whole number if {@code whole}), or
     * empty where {@code emptyAllowed}; the first bad cell is refused with its file, line and
     * column.
     */
    public void check(int column, double min, double max, boolean whole, boolean emptyAllowed) throws E {
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[column];
            if (cell.isEmpty()) {
                if (!emptyAllowed) {
                    throw fail(where(r) + ": " + columns.get(column) + ": empty, expected "
                            + expected(min, max, whole));
                }
                continue;
            }
            double x = parse(cell);
            if (Double.isNaN(x) || x < min || x > max || whole && x != Math.rint(x) || isSpecial(cell)) {
                throw fail(where(r) + ": " + columns.get(column) + ": expected " + expected(min, max, whole)
                        + ", found '" + abbreviate(cell) + "'");
            }
        }
    }

    /** Checks a column of 64-bit whole numbers written as text (seeds). */
    public void checkLong(int column) throws E {
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r)[column];
            try {
                Long.parseLong(cell);
            } catch (NumberFormatException e) {
                throw fail(where(r) + ": " + columns.get(column) + ": expected a whole number of 64 bits, found '"
                        + abbreviate(cell) + "'");
            }
        }
    }

    /** Java parses "NaN", "Infinity", "1f" and "0x1p3": none of them is a number crisis writes. */
    private static boolean isSpecial(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return true;
            }
        }
        return false;
    }

    private static String expected(double min, double max, boolean whole) {
        String what = whole ? "a whole number" : "a number";
        if (min == -Double.MAX_VALUE && max == Double.MAX_VALUE) {
            return what;
        }
        return what + " in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** A cell for a message: its first 40 characters. */
    public static String abbreviate(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** The index of a column that must be there. */
    public int column(String column) throws E {
        Integer i = index.get(column);
        if (i == null) {
            throw fail(name + ": no column '" + column + "'");
        }
        return i;
    }

    /** The index of a column, or -1. */
    public int find(String column) {
        return index.getOrDefault(column, -1);
    }

    public int size() {
        return rows.size();
    }

    public String text(int row, int column) {
        return column < 0 ? "" : rows.get(row)[column];
    }

    public double number(int row, int column) {
        return column < 0 ? Double.NaN : parse(rows.get(row)[column]);
    }

    /** A whole column as numbers; NaN where empty. Parsed once; callers get a copy. */
    public double[] numbers(int column) {
        if (parsed[column] == null) {
            double[] x = new double[rows.size()];
            for (int r = 0; r < x.length; r++) {
                x[r] = parse(rows.get(r)[column]);
            }
            parsed[column] = x;
        }
        return parsed[column].clone();
    }

    /** A cell as a number: NaN if empty or not a number. */
    public static double parse(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** RFC 4180 records from a reader. */
    private static final class Cells {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int len;
        private boolean eof;
        /** Line of the next character (1-based). */
        private int line = 1;
        /** Line on which the last record returned starts. */
        int recordLine;
        /** The last record ended at the end of the file without a line end (or inside quotes). */
        boolean cutOff;

        Cells(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pos == len) {
                if (eof) {
                    return -1;
                }
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    eof = true;
                    len = 0;
                    return -1;
                }
            }
            char c = buf[pos++];
            if (c == '\n') {
                line++;
            }
            return c;
        }

        /** Marks a record left out by the filter. */
        static final List<String> SKIPPED = List.of();

        List<String> next() throws IOException {
            return next(-1, null);
        }

        /**
         * The next record, or null at the end; {@link #SKIPPED} if cell {@code filter} fails
         * {@code keep} (the rest of the record is then skipped unparsed).
         */
        List<String> next(int filter, Predicate<String> keep) throws IOException {
            recordLine = line;
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        cutOff = true;
                        row.add(cell.toString());
                        return row;
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c < 0 || c == '\n') {
                    cutOff |= c < 0;
                    row.add(cell.toString());
                    return row;
                } else if (c == '\r') {
                    // ignored; '\n' ends the record
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    if (row.size() == filter + 1 && !keep.test(row.get(filter))) {
                        skipRecord();
                        return SKIPPED;
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else {
                    cell.append((char) c);
                }
                c = read();
            }
        }

        /** Reads to the end of the current record, minding quoted line breaks. */
        private void skipRecord() throws IOException {
            boolean quoted = false;
            for (int c = read(); c >= 0; c = read()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && !quoted) {
                    return;
                }
            }
            cutOff = true;
        }
    }
}

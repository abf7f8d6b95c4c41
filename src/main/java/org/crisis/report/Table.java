package org.crisis.report;

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
import java.util.function.Predicate;

/**
 * A CSV file of a results directory, read whole into memory: a header and rows of text cells,
 * with numbers parsed on request (an empty or non-numeric cell is NaN). Quoted cells may hold
 * commas, quotes and line breaks (RFC 4180). Extra columns are kept and ignored by readers.
 */
final class Table {
    private final String name;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<String[]> rows;
    private final double[][] parsed;

    private Table(String name, List<String> columns, List<String[]> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.putIfAbsent(columns.get(i), i);
        }
        this.index = m;
        this.rows = Collections.unmodifiableList(rows);
        this.parsed = new double[columns.size()][];
    }

    static Table of(String name, List<String> columns, List<String[]> rows) {
        return new Table(name, columns, new ArrayList<>(rows));
    }

    /** Reads every row. */
    static Table read(Path file) throws ReportException {
        return read(file, null, null);
    }

    /**
     * Reads the rows whose cell in {@code filterColumn} passes {@code keep}; all rows if
     * {@code filterColumn} is null.
     */
    static Table read(Path file, String filterColumn, Predicate<String> keep) throws ReportException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Cells cells = new Cells(in);
            List<String> header = cells.next();
            if (header == null || header.isEmpty() || header.size() == 1 && header.get(0).isEmpty()) {
                throw new ReportException(file + ": empty file, expected a CSV header");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            int filter = filterColumn == null ? -1 : header.indexOf(filterColumn);
            if (filterColumn != null && filter < 0) {
                throw new ReportException(file + ": no column '" + filterColumn + "'");
            }
            List<String[]> rows = new ArrayList<>();
            for (List<String> row = cells.next(filter, keep); row != null; row = cells.next(filter, keep)) {
                if (row == Cells.SKIPPED) {
                    continue;
                }
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // blank line
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
            }
            return new Table(file.getFileName().toString(), header, rows);
        } catch (NoSuchFileException e) {
            throw new ReportException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReportException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    String name() {
        return name;
    }

    List<String> columns() {
        return columns;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The index of a column that must be there. */
    int column(String column) throws ReportException {
        Integer i = index.get(column);
        if (i == null) {
            throw new ReportException(name + ": no column '" + column + "'");
        }
        return i;
    }

    /** The index of a column, or -1. */
    int find(String column) {
        return index.getOrDefault(column, -1);
    }

    int size() {
        return rows.size();
    }

    String text(int row, int column) {
        return column < 0 ? "" : rows.get(row)[column];
    }

    double number(int row, int column) {
        return column < 0 ? Double.NaN : parse(rows.get(row)[column]);
    }

    /** A whole column as numbers; NaN where empty. Parsed once; callers get a copy. */
    double[] numbers(int column) {
        if (parsed[column] == null) {
            double[] x = new double[rows.size()];
            for (int r = 0; r < x.length; r++) {
                x[r] = parse(rows.get(r)[column]);
            }
            parsed[column] = x;
        }
        return parsed[column].clone();
    }

    static double parse(String s) {
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
            return buf[pos++];
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
        }
    }
}

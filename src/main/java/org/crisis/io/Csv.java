package org.crisis.io;

import java.util.List;

/**
 * Writing the CSV files crisis writes: locale-independent cells ('.' decimals, empty for NaN,
 * quoting as in RFC 4180 only where needed), and whole small tables built in memory
 * ({@link Rows}). {@link CsvTable} reads them back.
 */
public final class Csv {
    private Csv() {}

    /**
     * A CSV table built in memory: a snake_case header, then rows of cells.
     *
     * <pre>{@code
     * String text = new Csv.Rows("pair", "share").row("PER-MEX", 0.25).row("PER-COL", Double.NaN).toString();
     * }</pre>
     */
    public static final class Rows {
        private final StringBuilder b = new StringBuilder();
        private final int columns;

        public Rows(String... header) {
            columns = header.length;
            for (int i = 0; i < header.length; i++) {
                b.append(i == 0 ? "" : ",").append(header[i]);
            }
            b.append('\n');
        }

        public Rows(List<String> header) {
            this(header.toArray(String[]::new));
        }

        /**
         * A row of cells: a Double or Float as a number of up to 6 decimals (NaN empty), another
         * Number as a whole number, a Boolean as 1 or 0, null as empty, anything else as text.
         */
        public Rows row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object c = cells[i];
                if (c instanceof Double d) {
                    number(b, d, 6);
                } else if (c instanceof Number n) {
                    if (n instanceof Float || n instanceof java.math.BigDecimal) {
                        number(b, n.doubleValue(), 6);
                    } else {
                        b.append(n.longValue());
                    }
                } else if (c instanceof Boolean x) {
                    b.append(x ? 1 : 0);
                } else if (c != null) {
                    text(b, c.toString());
                }
            }
            b.append('\n');
            return this;
        }

        /** Columns of the header. */
        public int columns() {
            return columns;
        }

        /** The table as CSV text, header first. */
        @Override
        public String toString() {
            return b.toString();
        }
    }

    /**
     * {@code text} with the typographic signs the report's words use (dashes, arrows, ±, ≤, curly
     * quotes, thin spaces) in their ASCII spelling, so that a cell the report composes reads the same
     * in a spreadsheet that guesses a legacy encoding; letters, such as a country's accented name, are
     * kept. For composed text only: a user's label is written as given, so that tables join on it.
     */
    public static String plain(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            String r = switch (ch) {
                case '\u2013', '\u2014', '\u2212' -> "-";
                case '\u2192' -> "->";
                case '\u21d2' -> "=>";
                case '\u2264' -> "<=";
                case '\u2265' -> ">=";
                case '\u00b1' -> "+/-";
                case '\u2026' -> "...";
                case '\u201c', '\u201d' -> "\"";
                case '\u2018', '\u2019' -> "'";
                case '\u00d7' -> "x";
                case '\u00a0', '\u2009', '\u202f' -> " ";
                default -> null;
            };
            if (r != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(ch);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** A number: integers without decimals, others with up to {@code decimals} places. */
    public static StringBuilder number(StringBuilder s, double x, int decimals) {
        if (Double.isNaN(x)) {
            return s;
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return s.append((long) x);
        }
        if (Math.abs(x) >= 1e15 || Double.isInfinite(x)) {
            return s.append(x);
        }
        long scale = 1;
        for (int k = 0; k < decimals; k++) {
            scale *= 10;
        }
        long v = Math.round(Math.abs(x) * scale);
        if (v == 0) {
            return s.append('0');
        }
        if (x < 0) {
            s.append('-');
        }
        s.append(v / scale);
        long frac = v % scale;
        if (frac != 0) {
            s.append('.');
            String digits = Long.toString(frac);
            for (int k = digits.length(); k < decimals; k++) {
                s.append('0');
            }
            int end = digits.length();
            while (end > 0 && digits.charAt(end - 1) == '0') {
                end--;
            }
            s.append(digits, 0, end);
        }
        return s;
    }

    public static String number(double x) {
        return number(new StringBuilder(), x, 6).toString();
    }

    /**
     * A probability (a p-value) as a cell for {@link Rows#row}: a number of up to 6 decimals from
     * 0.0001 up, below that 4 significant digits ({@code 5.421e-20}), so that a small p-value is
     * never rounded to 0; null (empty) for NaN. R, pandas and spreadsheets read both forms as
     * numbers.
     */
    public static Object probability(double p) {
        if (Double.isNaN(p)) {
            return null;
        }
        return p >= 1e-4 || p == 0 ? (Object) p : String.format(java.util.Locale.ROOT, "%.4g", p);
    }

    /** A text cell, quoted if it holds a comma, quote or line break. */
    public static StringBuilder text(StringBuilder s, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return s.append(value);
        }
        return s.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}

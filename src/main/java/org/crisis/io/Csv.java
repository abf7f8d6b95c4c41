package org.crisis.io;

/** Locale-independent CSV cells: '.' decimals, empty for NaN, quoting only where needed. */
public final class Csv {
    private Csv() {}

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

    /** A text cell, quoted if it holds a comma, quote or line break. */
    public static StringBuilder text(StringBuilder s, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return s.append(value);
        }
        return s.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}

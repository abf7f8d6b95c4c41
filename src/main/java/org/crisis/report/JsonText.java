package org.crisis.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * JSON written into the page for its script (the replay's data, the values a chart shows on
 * hover). Safe inside HTML: every {@code <}, {@code >} and {@code &} in a string is written as
 * a {@code \\u} escape, as are the line and paragraph separators, so no scenario text can close
 * the {@code <script type="application/json">} element it sits in (a country named
 * {@code </script>} stays a string) or open a comment. Numbers are rounded to a few
 * significant digits; NaN and infinities are written as null.
 */
final class JsonText {
    private final StringBuilder b = new StringBuilder(1 << 12);
    /** Per open array or object (innermost last): its closing bracket, and whether a value was written in it. */
    private char[] closers = new char[16];
    private boolean[] comma = new boolean[16];
    private int depth;

    private void separate() {
        if (depth > 0) {
            if (comma[depth - 1]) {
                b.append(',');
            }
            comma[depth - 1] = true;
        }
    }

    private JsonText open(char opening, char closing) {
        separate();
        b.append(opening);
        if (depth == closers.length) {
            closers = java.util.Arrays.copyOf(closers, depth * 2);
            comma = java.util.Arrays.copyOf(comma, depth * 2);
        }
        closers[depth] = closing;
        comma[depth] = false;
        depth++;
        return this;
    }

    JsonText array() {
        return open('[', ']');
    }

    JsonText object() {
        return open('{', '}');
    }

    /** Closes the innermost open array or object. */
    JsonText end() {
        if (depth == 0) {
            throw new IllegalStateException("nothing to close");
        }
        b.append(closers[--depth]);
        return this;
    }

    /** A key of the object being written; its value follows. */
    JsonText key(String name) {
        separate();
        quote(name);
        b.append(':');
        comma[depth - 1] = false;
        return this;
    }

    JsonText string(String s) {
        separate();
        quote(s == null ? "" : s);
        return this;
    }

    JsonText number(long v) {
        separate();
        b.append(v);
        return this;
    }

    /** A number to {@code digits} significant digits, or null. */
    JsonText number(double v, int digits) {
        separate();
        b.append(format(v, digits));
        return this;
    }

    JsonText bool(boolean v) {
        separate();
        b.append(v);
        return this;
    }

    JsonText numbers(double[] v, int digits) {
        array();
        if (v != null) {
            for (double x : v) {
                number(x, digits);
            }
        }
        return end();
    }

    /** Plain JSON text of a number: {@code 0.5748}, {@code 12}, {@code 1.2E-7}; null for NaN and infinities. */
    static String format(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return d.scale() > 12 || d.precision() - d.scale() > 15 ? d.toString() : d.toPlainString();
    }

    private void quote(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    @Override
    public String toString() {
        return b.toString();
    }
}

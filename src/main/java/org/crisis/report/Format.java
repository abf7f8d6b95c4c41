package org.crisis.report;

import java.util.Locale;

/** Numbers as the report shows them: few significant digits, '.' decimals, '–' for none. */
final class Format {
    static final String NONE = "\u2013";

    private Format() {}

    /** 3 significant digits (whole numbers as they are); NONE for NaN. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return NONE;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : "-\u221e";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (a >= 0.001) {
            return strip(String.format(Locale.ROOT, "%.3f", x));
        }
        return String.format(Locale.ROOT, "%.2g", x);
    }

    /** A share as a percentage with one decimal, e.g. 24.0 %. */
    static String percent(double p) {
        return Double.isNaN(p) ? NONE : tenths(p) + "\u00a0%";
    }

    /**
     * A share in percent to one decimal, rounded half up from its shortest decimal form, so that one
     * share computed two ways (207/400, and 1 − 193/400 from a survival curve) prints alike: 51.8, where
     * the binary nearest 0.5175 times 100 would print 51.7 and its complement 51.8.
     */
    static String tenths(double p) {
        if (Double.isNaN(p)) {
            return NONE;
        }
        if (Double.isInfinite(p)) {
            return p > 0 ? "\u221e" : "-\u221e";
        }
        return new java.math.BigDecimal(Double.toString(p)).movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A signed difference of shares in percentage points. */
    static String points(double d) {
        return Double.isNaN(d) ? NONE : String.format(Locale.ROOT, "%+.1f\u00a0pp", d * 100);
    }

    static String signed(double d) {
        return Double.isNaN(d) ? NONE : (d > 0 ? "+" : "") + number(d);
    }

    /** A p-value: 3 significant digits, or "< 0.0001". */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return NONE;
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return String.format(Locale.ROOT, "%.2g", p);
    }

    /** {@code [low, high]} in the form of the value. */
    static String interval(double low, double high, boolean share) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return NONE;
        }
        if (share) {
            return tenths(low) + "\u2013" + tenths(high) + "\u00a0%";
        }
        int d = decimals((high - low) / 2);
        return d < 0 ? number(low) + " to " + number(high) : fixed(low, d) + " to " + fixed(high, d);
    }

    /** A mean shown to the precision its interval supports: two significant digits of the half-width. */
    static String estimate(double mean, double low, double high) {
        int d = decimals((high - low) / 2);
        return d < 0 ? number(mean) : fixed(mean, d);
    }

    /** Decimals that show two significant digits of {@code halfWidth} (0 to 4), or -1 if it is 0 or NaN. */
    static int decimals(double halfWidth) {
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            return -1;
        }
        return Math.max(0, Math.min(4, 1 - (int) Math.floor(Math.log10(halfWidth))));
    }

    static String fixed(double x, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.startsWith("-") && s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A quantile range {@code median (q05 to q95)}. */
    static String spread(double median, double q05, double q95) {
        if (Double.isNaN(median)) {
            return NONE;
        }
        return number(median) + " (" + number(q05) + " to " + number(q95) + ")";
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * For a share near 0 or 1 whose absolute precision is met but whose interval is wide beside the
     * share itself (6 % \u00b1 3.4 points is \u00b1 56 % of it): what it means and what would narrow it to a
     * quarter of the share; "" otherwise.
     */
    static String rare(org.crisis.stats.Convergence c) {
        double p = c.finalMean();
        double side = Math.min(p, 1 - p);
        if (!c.share() || !(side > 0) || side >= 0.1 || c.halfWidth() <= side / 2) {
            return "";
        }
        double needed = org.crisis.stats.Convergence.wilsonNeeded(p, side / 4);
        String beside = p < 0.5 ? "beside a share of " + percent(p) : "beside the " + percent(1 - p) + " of runs without it";
        return String.format(Locale.ROOT, " But %s that is \u00b1%.0f %% of it: where the size of a rare outcome matters, about "
                + "%,d replications would give \u00b125 %% of it.", beside, 100 * c.halfWidth() / side, (long) needed);
    }

    /** A plain sentence on whether the replications of a convergence sufficed. */
    static String verdict(org.crisis.stats.Convergence c) {
        if (c.n() < 2 || Double.isNaN(c.halfWidth())) {
            return String.format(Locale.ROOT, "Only %d replication%s with a value: too few to judge.", c.n(), c.n() == 1 ? "" : "s");
        }
        String stated = c.share() ? String.format(Locale.ROOT, "\u00b1%s", number(c.target()))
                : String.format(Locale.ROOT, "\u00b1%s %% of %s (\u00b1%s)", number(c.target() * 100),
                        Double.isNaN(c.scale()) ? "the mean" : "the scale's range " + number(c.scale()), number(c.targetHalfWidth()));
        String now = String.format(Locale.ROOT, "with %d replications the 95 %% interval is \u00b1%s", c.n(),
                number(c.halfWidth()));
        if (c.enough()) {
            return "Enough: " + now + ", within the stated precision " + stated + "." + rare(c);
        }
        String more = Double.isNaN(c.needed()) || Double.isInfinite(c.needed()) ? "" : String.format(Locale.ROOT,
                "; about %,d replications would reach it", (long) Math.max(c.needed(), c.n() + 1));
        return "Not enough: " + now + ", wider than the stated precision " + stated + more + ".";
    }
}

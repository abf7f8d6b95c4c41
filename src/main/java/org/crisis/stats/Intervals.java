package org.crisis.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** 95 % intervals for a share (Wilson score) and for a mean (Student's t). */
public final class Intervals {
    public static final double Z95 = 1.959963984540054;

    private Intervals() {}

    /** Wilson score interval of {@code successes} out of {@code n} at 95 %: {low, high}. */
    public static double[] wilson(long successes, long n) {
        return wilson((double) successes, n);
    }

    /** As {@link #wilson(long, long)}, for a share whose count need not be whole (a mean share times n). */
    public static double[] wilson(double successes, long n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Student-t interval of a mean at 95 %: {low, high}; NaN below two observations. */
    public static double[] mean(double mean, double sd, long n) {
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    /**
     * An interval of a mean cut at what the values can take, by the kind and unit result files give
     * the measure (kind {@code share}, {@code day}, {@code count}, {@code level} or {@code number}):
     * a share from 0 to 1, a day or a count not below 0, a level from 0 to 4, a number as it is
     * unless its unit is a share (polarisation, a share of triads), from 0 to 1. Student's t is
     * symmetric and reaches past an end for a skewed value near it.
     */
    public static double[] within(String kind, String unit, double[] ci) {
        boolean ofShares = kind.equals("share") || unit.startsWith("share");
        double floor = kind.equals("number") && !ofShares ? Double.NEGATIVE_INFINITY : 0;
        double top = kind.equals("level") ? 4 : ofShares ? 1 : Double.POSITIVE_INFINITY;
        return new double[] {Math.max(floor, ci[0]), Math.min(top, ci[1])};
    }
}

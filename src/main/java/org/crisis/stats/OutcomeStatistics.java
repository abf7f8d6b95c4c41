package org.crisis.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The values of one outcome over runs, and their summary: n, mean, standard deviation, 95 %
 * interval (Wilson score for a share, whose values are 0 or 1; Student's t otherwise) and
 * quantiles (R's and numpy's default definition, type 7). Runs without a value (NaN, e.g. days
 * to rupture without a rupture) are counted apart as {@code missing}.
 *
 * <pre>{@code
 * OutcomeStatistics s = OutcomeStatistics.of(new double[] {1, 0, 1, Double.NaN}, true);
 * s.mean();      // 2/3
 * s.interval();  // Wilson, 2 of 3
 * }</pre>
 */
public final class OutcomeStatistics {
    /** The quantiles summaries give, in percent. */
    public static final double[] QUANTILES = {5, 25, 50, 75, 95};
    private final boolean share;
    private double[] values = new double[64];
    private int n;
    private int missing;
    private double mean = Double.NaN;
    private double sd = Double.NaN;
    private boolean computed;

    /** An empty summary of a share ({@code share}, values 0 or 1) or of a number. */
    public OutcomeStatistics(boolean share) {
        this.share = share;
    }

    /** The summary of {@code values} (NaN counted as missing). */
    public static OutcomeStatistics of(double[] values, boolean share) {
        OutcomeStatistics s = new OutcomeStatistics(share);
        for (double x : values) {
            s.add(x);
        }
        return s;
    }

    public void add(double x) {
        if (Double.isNaN(x)) {
            missing++;
            return;
        }
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = x;
        computed = false;
    }

    /**
     * How much of the values' spread the parameter sets explain ({@link VarianceComponents}), value r (in the order
     * added) having come from a run that drew set {@code set[r]}; the test's shufflings drawn from {@code seed}.
     */
    public VarianceComponents split(int[] set, long seed) {
        return VarianceComponents.of(set, values, n, seed);
    }

    /** Whether the values are a share's (0 or 1), summarised with a Wilson interval. */
    public boolean share() {
        return share;
    }

    /** Values present. */
    public int n() {
        return n;
    }

    /** Values absent (NaN). */
    public int missing() {
        return missing;
    }

    private void compute() {
        if (computed) {
            return;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += values[k];
        }
        mean = n == 0 ? Double.NaN : s / n;
        if (n < 2) {
            sd = Double.NaN;
        } else {
            double ss = 0;
            for (int k = 0; k < n; k++) {
                double d = values[k] - mean;
                ss += d * d;
            }
            sd = Math.sqrt(ss / (n - 1));
        }
        computed = true;
    }

    public double mean() {
        compute();
        return mean;
    }

    /** Sample standard deviation (n − 1); NaN below two values. */
    public double sd() {
        compute();
        return sd;
    }

    /** Values other than 0: the successes of a share. */
    public int successes() {
        int c = 0;
        for (int k = 0; k < n; k++) {
            c += values[k] != 0 ? 1 : 0;
        }
        return c;
    }

    /** The 95 % interval {low, high}: Wilson for a share, Student's t for a mean. */
    public double[] interval() {
        return share ? Intervals.wilson(successes(), n) : Intervals.mean(mean(), sd(), n);
    }

    public double low() {
        return interval()[0];
    }

    public double high() {
        return interval()[1];
    }

    /** Half the width of the 95 % interval. */
    public double halfWidth() {
        double[] ci = interval();
        return (ci[1] - ci[0]) / 2;
    }

    /** The quantile at {@code percent} (0 to 100), type 7; NaN without values. */
    public double quantile(double percent) {
        if (n == 0) {
            return Double.NaN;
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return p.evaluate(values, 0, n, percent);
    }

    /** Share of the values at or below {@code x}; NaN without values. */
    public double shareAtMost(double x) {
        int c = 0;
        for (int k = 0; k < n; k++) {
            c += values[k] <= x ? 1 : 0;
        }
        return n == 0 ? Double.NaN : c / (double) n;
    }
}

package org.crisis.experiment;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;

/**
 * Sobol sensitivity indices from model values on Saltelli's sampling scheme
 * ({@link Designs#saltelli}). First order: the estimator of Saltelli et al. (2010, table 2
 * (b)), S1_i = mean((f(B) − f̄)·(f(A_B^i) − f(A))) / V; total order: Jansen's (1999),
 * ST_i = mean((f(A) − f(A_B^i))²) / (2V); V and f̄ are the variance and mean of f over the
 * rows of A and B together. Centring f(B) on f̄ leaves the expectation unchanged (the mean of
 * f(A_B^i) − f(A) is zero) but removes the noise a large mean of f would add, which matters
 * for outcomes such as polarisation whose mean is far from zero. Confidence intervals are
 * bootstrap percentile intervals over the N base rows (Archer, Saltelli and Sobol 1997). A
 * base row any of whose d + 2 values is missing (NaN) is left out.
 *
 * <pre>{@code
 * SensitivitySobol.Result r = SensitivitySobol.analyse(y, n, d, 500, seed);
 * double s1OfFirstFactor = r.s1()[0];
 * }</pre>
 */
public final class SensitivitySobol {
    /** Bootstrap resamples used by the sweep. */
    public static final int BOOTSTRAP = 500;

    private SensitivitySobol() {}

    /**
     * Indices and their 95 % intervals, per factor; {@code rows} is the number of base rows
     * used (rows with a missing value are dropped).
     */
    public record Result(int rows, double[] s1, double[] s1Low, double[] s1High, double[] st, double[] stLow,
            double[] stHigh) {}

    /**
     * @param y model values in the layout of {@link Designs#saltelli}: n·(d+2) values
     * @param bootstrap number of bootstrap resamples (0 for none: intervals are NaN)
     * @param seed seed of the resampling
     */
    public static Result analyse(double[] y, int n, int d, int bootstrap, long seed) {
        int stride = d + 2;
        int[] rows = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            boolean complete = true;
            for (int k = 0; k < stride && complete; k++) {
                complete = !Double.isNaN(y[j * stride + k]);
            }
            if (complete) {
                rows[m++] = j;
            }
        }
        rows = Arrays.copyOf(rows, m);
        double[] s1 = new double[d];
        double[] st = new double[d];
        estimate(y, d, rows, s1, st);
        double[][] s1Boot = new double[d][bootstrap];
        double[][] stBoot = new double[d][bootstrap];
        if (m > 0 && bootstrap > 0) {
            MersenneTwisterFast random = new MersenneTwisterFast(seed);
            int[] resample = new int[m];
            double[] b1 = new double[d];
            double[] bt = new double[d];
            for (int b = 0; b < bootstrap; b++) {
                for (int k = 0; k < m; k++) {
                    resample[k] = rows[random.nextInt(m)];
                }
                estimate(y, d, resample, b1, bt);
                for (int i = 0; i < d; i++) {
                    s1Boot[i][b] = b1[i];
                    stBoot[i][b] = bt[i];
                }
            }
        }
        double[] s1Low = new double[d];
        double[] s1High = new double[d];
        double[] stLow = new double[d];
        double[] stHigh = new double[d];
        boolean resampled = m > 0 && bootstrap > 0;
        for (int i = 0; i < d; i++) {
            // no estimate (no complete row, or no variance), no interval: it is left empty like the estimate
            boolean s1Known = resampled && !Double.isNaN(s1[i]);
            boolean stKnown = resampled && !Double.isNaN(st[i]);
            s1Low[i] = s1Known ? percentile(s1Boot[i], 2.5) : Double.NaN;
            s1High[i] = s1Known ? percentile(s1Boot[i], 97.5) : Double.NaN;
            stLow[i] = stKnown ? percentile(stBoot[i], 2.5) : Double.NaN;
            stHigh[i] = stKnown ? percentile(stBoot[i], 97.5) : Double.NaN;
        }
        return new Result(m, s1, s1Low, s1High, st, stLow, stHigh);
    }

    /** S1 and ST from the given base rows (repeats allowed, for the bootstrap). */
    static void estimate(double[] y, int d, int[] rows, double[] s1, double[] st) {
        int stride = d + 2;
        int m = rows.length;
        double sum = 0;
        for (int j : rows) {
            sum += y[j * stride] + y[j * stride + d + 1];
        }
        double mean = sum / (2.0 * m);
        double ss = 0;
        for (int j : rows) {
            double a = y[j * stride] - mean;
            double b = y[j * stride + d + 1] - mean;
            ss += a * a + b * b;
        }
        double variance = ss / (2.0 * m - 1);
        for (int i = 0; i < d; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                double fa = y[j * stride];
                double fb = y[j * stride + d + 1] - mean;
                double fab = y[j * stride + 1 + i];
                first += fb * (fab - fa);
                double diff = fa - fab;
                total += diff * diff;
            }
            s1[i] = m == 0 || variance == 0 ? Double.NaN : first / m / variance;
            st[i] = m == 0 || variance == 0 ? Double.NaN : total / (2.0 * m) / variance;
        }
    }

    /** Percentile (type 7) of the finite values; NaN if there are none. */
    static double percentile(double[] values, double percent) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * percent / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}

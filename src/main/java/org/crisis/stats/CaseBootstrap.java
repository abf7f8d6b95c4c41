package org.crisis.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A 95 % interval for a pass rate pooled over cases: the share of patterns that pass, where
 * the patterns of one case are not independent of each other (they share its runs and its
 * fit). The cases are resampled with replacement and the pooled share recomputed (the cluster
 * bootstrap, Davison and Hinkley 1997, section 3.8); the interval is the 2.5th and 97.5th
 * percentiles of the resampled shares. Deterministic for a given seed.
 *
 * <pre>{@code
 * double[] ci = CaseBootstrap.passRate(new int[] {3, 5, 0}, new int[] {4, 5, 2}, 1);
 * }</pre>
 */
public final class CaseBootstrap {
    /** Resamples drawn: the percentiles then move by well under a pattern in 200. */
    public static final int RESAMPLES = 10_000;
    /** How the interval is computed, for manifests and reports. */
    public static final String RULE = "cases resampled with replacement " + RESAMPLES
            + " times (cluster bootstrap; generator Well19937c(master_seed)), 2.5th and 97.5th percentiles of the pooled share";

    private CaseBootstrap() {}

    /**
     * The interval of {@code Σ passes / Σ patterns} over the cases, each case {@code i}
     * contributing {@code passes[i]} of {@code patterns[i]} patterns.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a case has
     *     no patterns or more passes than patterns
     */
    public static double[] passRate(int[] passes, int[] patterns, long seed) {
        check(passes, patterns);
        return resample(passes, null, patterns, seed);
    }

    /**
     * The interval of the difference of two pass rates on the same cases and patterns,
     * {@code (Σ second − Σ first) / Σ patterns}: the cases are resampled once for both (a
     * paired comparison, as of two calibrations of one library).
     *
     * @throws IllegalArgumentException as {@link #passRate} for either count
     */
    public static double[] difference(int[] first, int[] second, int[] patterns, long seed) {
        check(first, patterns);
        check(second, patterns);
        return resample(first, second, patterns, seed);
    }

    private static void check(int[] passes, int[] patterns) {
        if (passes.length != patterns.length || passes.length == 0) {
            throw new IllegalArgumentException("one count of passes and of patterns per case, at least one case");
        }
        for (int i = 0; i < passes.length; i++) {
            if (patterns[i] <= 0 || passes[i] < 0 || passes[i] > patterns[i]) {
                throw new IllegalArgumentException("case " + i + ": " + passes[i] + " passes of " + patterns[i] + " patterns");
            }
        }
    }

    /** Percentiles of the pooled share of {@code a}, or with {@code b} of b's minus a's, over resampled cases. */
    private static double[] resample(int[] a, int[] b, int[] patterns, long seed) {
        int n = a.length;
        RandomGenerator random = new Well19937c(seed);
        double[] shares = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long k = 0;
            long m = 0;
            for (int j = 0; j < n; j++) {
                int i = random.nextInt(n);
                k += b == null ? a[i] : b[i] - a[i];
                m += patterns[i];
            }
            shares[r] = k / (double) m;
        }
        Arrays.sort(shares);
        return new double[] {percentile(shares, 0.025), percentile(shares, 0.975)};
    }

    /** The q-th quantile of sorted values, interpolated between order statistics (R's type 7). */
    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

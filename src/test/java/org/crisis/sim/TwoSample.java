package org.crisis.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two-sample tests of equality in distribution (Commons Math), and Holm's correction for
 * their number: Fisher's exact test on yes/no outcomes, a chi-square test on categories, and
 * Kolmogorov-Smirnov and Mann-Whitney on numbers (days, counts). With ties the last two are
 * conservative: they reject less often than their level, never more.
 */
final class TwoSample {
    private TwoSample() {}

    /** One test's outcome. */
    record Result(String name, String test, double p, String detail) {}

    /** Fisher's exact test, two-sided, of {@code x} of {@code n} against {@code y} of {@code m}. */
    static double fisher(int x, int n, int y, int m) {
        int total = n + m;
        int successes = x + y;
        if (successes == 0 || successes == total) {
            return 1;
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, total, successes, n);
        double observed = h.probability(x);
        double p = 0;
        for (int k = Math.max(0, successes - m); k <= Math.min(n, successes); k++) {
            double q = h.probability(k);
            if (q <= observed * (1 + 1e-7)) {
                p += q;
            }
        }
        return Math.min(1, p);
    }

    /**
     * Chi-square test of two samples of categories; categories with fewer than 10 values in
     * both samples together are pooled (and the pool joins the largest category if it is
     * still under 10), so that expected counts stay large enough for the approximation.
     */
    static double categories(double[] a, double[] b) {
        TreeMap<Double, long[]> counts = new TreeMap<>();
        for (double v : a) {
            counts.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (double v : b) {
            counts.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        List<long[]> kept = new ArrayList<>();
        long[] pool = new long[2];
        for (long[] c : counts.values()) {
            if (c[0] + c[1] >= 10) {
                kept.add(c);
            } else {
                pool[0] += c[0];
                pool[1] += c[1];
            }
        }
        if (pool[0] + pool[1] >= 10) {
            kept.add(pool);
        } else if (!kept.isEmpty()) {
            long[] largest = kept.stream().max(Comparator.comparingLong(c -> c[0] + c[1])).get();
            largest[0] += pool[0];
            largest[1] += pool[1];
        }
        if (kept.size() < 2) {
            return 1;
        }
        long[] x = new long[kept.size()];
        long[] y = new long[kept.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = kept.get(k)[0];
            y[k] = kept.get(k)[1];
        }
        return new ChiSquareTest().chiSquareTestDataSetsComparison(x, y);
    }

    /**
     * Kolmogorov-Smirnov, two-sample, with the asymptotic Kolmogorov distribution of
     * {@code D·sqrt(nm/(n+m))} (as Commons Math's approximation for large samples, whose series
     * fails to converge when the statistic is near 0); 1 when both samples are one constant.
     */
    static double ks(double[] a, double[] b) {
        if (constantAndEqual(a, b)) {
            return 1;
        }
        double d = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(a, b);
        double n = a.length;
        double m = b.length;
        return kolmogorovTail(d * Math.sqrt(n * m / (n + m)));
    }

    /** P(K > x) for the Kolmogorov distribution, by whichever of its two series converges fast at x. */
    static double kolmogorovTail(double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < 1) {
            // P(K ≤ x) = sqrt(2π)/x · Σ_{k≥1} exp(−(2k−1)²π²/(8x²))
            double sum = 0;
            for (int k = 1; k <= 20; k++) {
                sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * x * x));
            }
            return Math.min(1, Math.max(0, 1 - Math.sqrt(2 * Math.PI) / x * sum));
        }
        // P(K > x) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²x²)
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            sum += (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * x * x);
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /** Mann-Whitney U, two-sided, normal approximation. */
    static double mannWhitney(double[] a, double[] b) {
        if (constantAndEqual(a, b)) {
            return 1;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    private static boolean constantAndEqual(double[] a, double[] b) {
        double v = a[0];
        for (double x : a) {
            if (x != v) {
                return false;
            }
        }
        for (double x : b) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    /**
     * Holm's step-down correction: the results whose p-values are rejected at family-wise
     * level {@code alpha} (none, if the first sorted p-value passes).
     */
    static List<Result> holm(List<Result> results, double alpha) {
        Result[] sorted = results.toArray(new Result[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(Result::p));
        List<Result> rejected = new ArrayList<>();
        int m = sorted.length;
        for (int k = 0; k < m; k++) {
            if (sorted[k].p() <= alpha / (m - k)) {
                rejected.add(sorted[k]);
            } else {
                break;
            }
        }
        return rejected;
    }
}

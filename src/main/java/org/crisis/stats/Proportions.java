package org.crisis.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.crisis.stats.Intervals;

/**
 * Comparing shares (proportions of runs). Differences are "second minus first".
 *
 * <ul>
 * <li>independent samples: Newcombe's hybrid score interval for the difference (Newcombe
 *     1998, method 10), the pooled two-proportion z test, or Fisher's exact test when an
 *     expected cell count is below 5; Cohen's h as effect size;</li>
 * <li>paired samples (common random numbers): McNemar's exact test on the discordant pairs and
 *     a Wald interval for the paired difference.</li>
 * </ul>
 */
public final class Proportions {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, 1e-9);

    private Proportions() {}

    /** A test's name and two-sided p-value. */
    public record Test(String name, double statistic, double p) {}

    public static double[] wilson(long successes, long n) {
        return Intervals.wilson(successes, n);
    }

    /** 95 % interval of p2 - p1 (Newcombe's method 10, from the two Wilson intervals). */
    public static double[] newcombe(long k1, long n1, long k2, long n2) {
        double p1 = k1 / (double) n1;
        double p2 = k2 / (double) n2;
        double[] w1 = wilson(k1, n1);
        double[] w2 = wilson(k2, n2);
        double d = p2 - p1;
        double low = d - Math.sqrt(sq(p2 - w2[0]) + sq(w1[1] - p1));
        double high = d + Math.sqrt(sq(w2[1] - p2) + sq(p1 - w1[0]));
        return new double[] {low, high};
    }

    /** Pooled two-proportion z test, two-sided. */
    public static Test zTest(long k1, long n1, long k2, long n2) {
        double p1 = k1 / (double) n1;
        double p2 = k2 / (double) n2;
        double p = (k1 + k2) / (double) (n1 + n2);
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new Test("two-proportion z", 0, 1);
        }
        double z = (p2 - p1) / se;
        return new Test("two-proportion z", z, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * Fisher's exact test of the 2×2 table {{a, b}, {c, d}} (rows: groups; columns: yes, no),
     * two-sided: the sum of the probabilities of all tables no more likely than the one
     * observed (R's {@code fisher.test}, relative tolerance 1e-7).
     */
    public static Test fisher(long a, long b, long c, long d) {
        int n = (int) (a + b + c + d);
        int yes = (int) (a + c);
        int row = (int) (a + b);
        if (n == 0) {
            return new Test("Fisher exact", Double.NaN, 1);
        }
        HypergeometricDistribution h = new HypergeometricDistribution(null, n, yes, row);
        double observed = h.logProbability((int) a);
        double limit = observed + Math.log1p(1e-7);
        double p = 0;
        for (int x = Math.max(0, row + yes - n); x <= Math.min(row, yes); x++) {
            double lp = h.logProbability(x);
            if (lp <= limit) {
                p += Math.exp(lp);
            }
        }
        return new Test("Fisher exact", Double.NaN, Math.min(1, p));
    }

    /** Fisher's exact test when some expected count is below 5, else the z test. */
    public static Test independent(long k1, long n1, long k2, long n2) {
        double n = n1 + n2;
        double yes = k1 + k2;
        double no = n - yes;
        double minExpected = Math.min(Math.min(n1, n2) * yes / n, Math.min(n1, n2) * no / n);
        if (minExpected < 5) {
            return fisher(k1, n1 - k1, k2, n2 - k2);
        }
        return zTest(k1, n1, k2, n2);
    }

    /** Cohen's h of p2 against p1: 2 asin √p2 - 2 asin √p1 (0.2 small, 0.5 medium, 0.8 large). */
    public static double cohenH(double p1, double p2) {
        return 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
    }

    /**
     * McNemar's exact test: of the pairs that disagree, {@code onlySecond} have the event in the
     * second set only and {@code onlyFirst} in the first only; under no difference each is
     * Binomial(onlyFirst + onlySecond, 1/2). Two-sided. The tail is summed term by term
     * (Commons Math's binomial distribution function is 1 − a regularized beta, which
     * rounds a tail below about 1e-16 to 0).
     */
    public static Test mcNemar(long onlyFirst, long onlySecond) {
        int m = (int) (onlyFirst + onlySecond);
        if (m == 0) {
            return new Test("McNemar exact", 0, 1);
        }
        BinomialDistribution b = new BinomialDistribution(null, m, 0.5);
        double tail = 0;
        for (int x = 0; x <= Math.min(onlyFirst, onlySecond); x++) {
            tail += Math.exp(b.logProbability(x));
        }
        double p = 2 * tail;
        return new Test("McNemar exact", onlySecond - onlyFirst, Math.min(1, p));
    }

    /**
     * 95 % interval of the paired difference p2 − p1 over n pairs, {@code onlyFirst} of which have
     * the event in the first set only and {@code onlySecond} in the second only: Agresti and Min's
     * adjusted Wald interval (2005), Wald's interval after adding one half to each of the four
     * cells of the pairs' table. With no discordant pair its half-width is z/(n + 2), not 0 as
     * Wald's and, at perfectly correlated pairs, Newcombe's score method give: 0 of n discordant
     * pairs leaves a difference of a few pairs in n possible, whatever the shares. Within [−1, 1].
     */
    public static double[] pairedDifference(long onlyFirst, long onlySecond, long n) {
        double b = onlyFirst + 0.5;
        double c = onlySecond + 0.5;
        double m = n + 2.0;
        double d = (c - b) / m;
        double half = Intervals.Z95 * Math.sqrt(Math.max(0, (b + c) - (c - b) * (c - b) / m)) / m;
        return new double[] {Math.max(-1, d - half), Math.min(1, d + half)};
    }

    private static double sq(double x) {
        return x * x;
    }
}

package org.crisis.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Rank tests on numbers, as R's {@code wilcox.test} computes them: the exact distribution for
 * small samples without ties, else the normal approximation with tie and continuity
 * corrections (Commons Math 3.6's own Mann–Whitney test has neither correction, and durations
 * in whole days tie a lot). Ranks come from Commons Math's {@link NaturalRanking}.
 */
public final class RankTests {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1, 1e-9);
    private static final int EXACT_BELOW = 50;

    private RankTests() {}

    /**
     * Mann–Whitney U of {@code y} against {@code x} (U counts pairs with y above x, ties half),
     * its two-sided p-value, and the rank-biserial correlation 2U/(n1 n2) - 1: +1 when every y
     * is above every x, -1 when below.
     */
    public record MannWhitney(double u, double p, double rankBiserial, boolean exact) {}

    /**
     * Wilcoxon signed-rank test of paired differences (zeros dropped): V, the sum of the ranks
     * of the positive differences, its two-sided p-value, and the matched-pairs rank-biserial
     * correlation (R+ - R-)/(N(N+1)/2) over all N pairs, zero differences ranked below every other
     * and counted in the denominator (Pratt 1959): without zeros it is Kerby's (R+ - R-)/(R+ + R-),
     * and a difference in 3 of 2000 pairs, all the same way, is about 0, not ±1 as it would be with
     * the zeros dropped. With no pairs at all, p and r are NaN (there is nothing to test); with
     * pairs whose differences are all zero, p is 1 and r 0.
     */
    public record SignedRank(double v, int n, double p, double rankBiserial, boolean exact) {}

    public static MannWhitney mannWhitney(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            return new MannWhitney(Double.NaN, Double.NaN, Double.NaN, false);
        }
        double[] z = new double[n1 + n2];
        System.arraycopy(y, 0, z, 0, n2);
        System.arraycopy(x, 0, z, n2, n1);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(z);
        double sum = 0;
        for (int i = 0; i < n2; i++) {
            sum += ranks[i];
        }
        double u = sum - n2 * (n2 + 1) / 2.0;
        double mn = (double) n1 * n2;
        double ties = tieTerm(z);
        double p;
        boolean exact = n1 < EXACT_BELOW && n2 < EXACT_BELOW && ties == 0;
        if (exact) {
            double[] dist = uDistribution(n2, n1);
            int k = (int) Math.round(u);
            double le = 0;
            for (int i = 0; i <= k; i++) {
                le += dist[i];
            }
            double ge = 0;
            for (int i = k; i < dist.length; i++) {
                ge += dist[i];
            }
            p = Math.min(1, 2 * (u > mn / 2 ? ge : le));
        } else {
            int n = n1 + n2;
            double sigma = Math.sqrt(mn / 12 * ((n + 1) - ties / ((double) n * (n - 1))));
            double d = u - mn / 2;
            p = sigma == 0 ? 1 : twoSided((d - Math.signum(d) * 0.5) / sigma);
        }
        return new MannWhitney(u, p, 2 * u / mn - 1, exact);
    }

    public static SignedRank wilcoxon(double[] differences) {
        int n = 0;
        for (double d : differences) {
            n += d != 0 ? 1 : 0;
        }
        boolean zeros = n < differences.length;
        if (differences.length == 0) {
            return new SignedRank(0, 0, Double.NaN, Double.NaN, false);
        }
        if (n == 0) {
            return new SignedRank(0, 0, 1, 0, false);
        }
        double[] abs = new double[n];
        boolean[] positive = new boolean[n];
        int k = 0;
        for (double d : differences) {
            if (d != 0) {
                abs[k] = Math.abs(d);
                positive[k++] = d > 0;
            }
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += positive[i] ? ranks[i] : 0;
        }
        double total = (double) n * (n + 1) / 2;   // in double: n(n + 1) overflows an int past 46,340 pairs
        double ties = tieTerm(abs);
        boolean exact = n < EXACT_BELOW && ties == 0 && !zeros;
        double p;
        if (exact) {
            double[] dist = signedRankDistribution(n);
            int iv = (int) Math.round(v);
            double le = 0;
            for (int i = 0; i <= iv; i++) {
                le += dist[i];
            }
            double ge = 0;
            for (int i = iv; i < dist.length; i++) {
                ge += dist[i];
            }
            p = Math.min(1, 2 * (v > total / 2 ? ge : le));
        } else {
            double sigma = Math.sqrt((double) n * (n + 1) * (2.0 * n + 1) / 24 - ties / 48);
            double d = v - total / 2;
            p = sigma == 0 ? 1 : twoSided((d - Math.signum(d) * 0.5) / sigma);
        }
        int all = differences.length;
        double shift = all - n;   // the zeros take ranks 1..(all - n)
        double plus = v + shift * positives(positive);
        double minus = (total - v) + shift * (n - positives(positive));
        return new SignedRank(v, n, p, (plus - minus) / ((double) all * (all + 1) / 2), exact);
    }

    private static int positives(boolean[] positive) {
        int c = 0;
        for (boolean b : positive) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static double twoSided(double z) {
        return Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** Σ (t³ - t) over groups of t tied values. */
    private static double tieTerm(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        double term = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            double t = j - i;
            term += t * t * t - t;
            i = j;
        }
        return term;
    }

    /** P(U = u) for u = 0..m·n, U the Mann–Whitney statistic of a sample of m against n. */
    public static double[] uDistribution(int m, int n) {
        // f[j][u]: arrangements of i of the first sample and j of the second with statistic u
        double[][] f = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            f[j] = new double[m * n + 1];
            f[j][0] = 1;
        }
        for (int i = 1; i <= m; i++) {
            double[][] g = new double[n + 1][m * n + 1];
            g[0][0] = 1;
            for (int j = 1; j <= n; j++) {
                for (int u = 0; u <= i * j; u++) {
                    // the largest value is from the first sample (adds j) or from the second
                    g[j][u] = (u >= j ? f[j][u - j] : 0) + g[j - 1][u];
                }
            }
            f = g;
        }
        double total = 0;
        for (double c : f[n]) {
            total += c;
        }
        double[] p = new double[m * n + 1];
        for (int u = 0; u < p.length; u++) {
            p[u] = f[n][u] / total;
        }
        return p;
    }

    /** P(V = v) for v = 0..n(n+1)/2 under no difference. */
    public static double[] signedRankDistribution(int n) {
        int max = n * (n + 1) / 2;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int v = max; v >= r; v--) {
                c[v] += c[v - r];
            }
        }
        double total = Math.pow(2, n);
        for (int v = 0; v <= max; v++) {
            c[v] /= total;
        }
        return c;
    }
}

package org.crisis.report;

import java.util.Arrays;
import org.crisis.stats.MeanDifference;
import org.crisis.stats.OutcomeStatistics;
import org.crisis.stats.Proportions;
import org.crisis.stats.RankTests;

/**
 * One outcome of two samples of runs compared, the second against the first: each sample's
 * summary, the difference (second − first) with its 95 % interval, a two-sided test and an
 * effect size, as docs/REPORTS.md ("Comparison of run sets") gives them. Independent samples:
 * Newcombe's interval and the two-proportion z test (Fisher's exact test when an expected count
 * is below 5) for shares, Welch's interval and Mann–Whitney U for numbers. Paired samples (common
 * random numbers: the runs of one replication side by side): Agresti and Min's interval and
 * McNemar's exact test for shares, the paired t interval and Wilcoxon's signed-rank test for
 * numbers. Cohen's h for shares and the rank-biserial r for numbers as effect sizes. The run-set
 * comparison and the sweep comparison both compare this way.
 *
 * <pre>{@code
 * OutcomeComparison c = OutcomeComparison.independent(new double[] {0, 1, 0}, new double[] {1, 1, 0}, true);
 * c.difference();  // 1/3
 * }</pre>
 *
 * @param pairs the replications compared, those where both samples have a value (paired samples; 0 otherwise)
 */
record OutcomeComparison(boolean share, OutcomeStatistics first, OutcomeStatistics second, double difference, double low,
        double high, String test, double p, String effectName, double effect, boolean paired, int pairs) {

    /** Two independent samples of an outcome's values (NaN: a run without a value). */
    static OutcomeComparison independent(double[] first, double[] second, boolean share) {
        OutcomeStatistics sx = OutcomeStatistics.of(first, share);
        OutcomeStatistics sy = OutcomeStatistics.of(second, share);
        if (share) {
            if (sx.n() == 0 || sy.n() == 0) {
                return none(true, sx, sy, "two-proportion z", "h", false, 0);
            }
            double[] ci = Proportions.newcombe(sx.successes(), sx.n(), sy.successes(), sy.n());
            Proportions.Test test = Proportions.independent(sx.successes(), sx.n(), sy.successes(), sy.n());
            return new OutcomeComparison(true, sx, sy, sy.mean() - sx.mean(), ci[0], ci[1], test.name(), test.p(), "h",
                    Proportions.cohenH(sx.mean(), sy.mean()), false, 0);
        }
        double[] cx = present(first);
        double[] cy = present(second);
        MeanDifference md = MeanDifference.welch(cx, cy);
        RankTests.MannWhitney mw = RankTests.mannWhitney(cx, cy);
        return new OutcomeComparison(false, sx, sy, md.difference(), md.low(), md.high(), "Mann-Whitney U", mw.p(), "r",
                mw.rankBiserial(), false, 0);
    }

    /**
     * Two paired samples: {@code first} and {@code second} are each sample's values (NaN: a run
     * without a value), summarised as they are; {@code both} holds, side by side, the two values
     * of each replication where both samples have one ({@code both[0][k]} and {@code both[1][k]}),
     * which the difference, its interval and the test use.
     */
    static OutcomeComparison paired(double[] first, double[] second, double[][] both, boolean share) {
        OutcomeStatistics sx = OutcomeStatistics.of(first, share);
        OutcomeStatistics sy = OutcomeStatistics.of(second, share);
        int n = both[0].length;
        if (share) {
            if (n == 0) {
                return none(true, sx, sy, "McNemar exact", "h", true, 0);
            }
            long onlyFirst = 0;
            long onlySecond = 0;
            for (int k = 0; k < n; k++) {
                boolean p = both[0][k] != 0;
                boolean q = both[1][k] != 0;
                onlyFirst += p && !q ? 1 : 0;
                onlySecond += q && !p ? 1 : 0;
            }
            double[] ci = Proportions.pairedDifference(onlyFirst, onlySecond, n);
            Proportions.Test test = Proportions.mcNemar(onlyFirst, onlySecond);
            return new OutcomeComparison(true, sx, sy, (onlySecond - onlyFirst) / (double) n, ci[0], ci[1], test.name(),
                    test.p(), "h", Proportions.cohenH(sx.mean(), sy.mean()), true, n);
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = both[1][k] - both[0][k];
        }
        MeanDifference md = MeanDifference.paired(d);
        RankTests.SignedRank w = RankTests.wilcoxon(d);
        return new OutcomeComparison(false, sx, sy, md.difference(), md.low(), md.high(), "Wilcoxon signed-rank", w.p(), "r",
                w.rankBiserial(), true, n);
    }

    /** A share with no run (or no pair) to compare in one sample or both: nothing estimated, nothing tested. */
    private static OutcomeComparison none(boolean share, OutcomeStatistics sx, OutcomeStatistics sy, String test,
            String effectName, boolean paired, int pairs) {
        return new OutcomeComparison(share, sx, sy, Double.NaN, Double.NaN, Double.NaN, test, Double.NaN, effectName, Double.NaN,
                paired, pairs);
    }

    private static double[] present(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
    }
}

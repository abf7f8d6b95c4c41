package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The statistics of reports against published examples and values computed by hand. */
class StatisticsTest {
    /** Freireich et al. (1963) leukaemia remission, 6-MP group: weeks; false = censored. */
    private static final double[] SIX_MP = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    private static final boolean[] SIX_MP_EVENT = {true, true, true, false, true, false, true, false, false, true, true,
        false, false, false, true, true, false, false, false, false, false};
    /** The placebo group: every remission ended. */
    private static final double[] PLACEBO = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};

    @Test
    void kaplanMeierMatchesTheTextbookLeukaemiaExample() {
        // Kleinbaum & Klein, Survival Analysis (2012), chapter 2 (6-MP group); log-log bands as R's survfit(conf.type = "log-log")
        KaplanMeier km = KaplanMeier.of(SIX_MP, SIX_MP_EVENT);
        assertArrayEquals(new double[] {6, 7, 10, 13, 16, 22, 23}, km.time());
        assertArrayEquals(new double[] {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482}, round(km.survival(), 4));
        assertArrayEquals(new int[] {21, 17, 15, 12, 11, 7, 6}, km.atRisk());
        assertEquals(0.6197, km.low()[0], 1e-4);
        assertEquals(0.9516, km.high()[0], 1e-4);
        assertEquals(0.1881, km.low()[6], 1e-4);
        assertEquals(0.6801, km.high()[6], 1e-4);
        assertEquals(23, km.median());
        assertEquals(0.7529, km.at(12.9), 1e-4);
        assertEquals(1.0, km.at(5.9));
        assertEquals(9, km.observed());
    }

    @Test
    void censoredRunsCountAsAtRiskAtTheirOwnTime() {
        KaplanMeier km = KaplanMeier.of(new double[] {6, 6, 7, 9}, new boolean[] {true, false, true, false});
        assertEquals(0.75, km.at(6.5), 1e-12);
        assertEquals(0.375, km.at(7), 1e-12); // 2 at risk at day 7, one event
    }

    @Test
    void runsWithoutTheEventAreCensoredOnTheirLastDay() {
        KaplanMeier km = KaplanMeier.ofDurations(new double[] {0, Double.NaN, 10, Double.NaN}, new double[] {50, 50, 50, 20});
        assertEquals(2, km.observed());
        assertEquals(0.75, km.at(0), 1e-12);
        assertEquals(0.5, km.at(49), 1e-12);
        // a run of 20 days (0 to 19) is not at risk on day 20: the other run's event that day is the only one at risk
        assertEquals(0, KaplanMeier.ofDurations(new double[] {Double.NaN, 20}, new double[] {20, 50}).at(20), 1e-12);
        assertTrue(Double.isNaN(KaplanMeier.ofDurations(new double[] {Double.NaN}, new double[] {30}).median()));
    }

    @Test
    void logRankMatchesTheLeukaemiaTrial() {
        // R: survdiff(Surv(time, status) ~ group) on the Freireich data gives Chisq = 16.8 on 1 df
        boolean[] all = new boolean[PLACEBO.length];
        java.util.Arrays.fill(all, true);
        LogRank lr = LogRank.test(SIX_MP, SIX_MP_EVENT, PLACEBO, all);
        assertEquals(16.79, lr.chiSquared(), 0.01);
        assertTrue(lr.p() < 1e-4);
        assertEquals(9, lr.observedFirst());
        assertEquals(19.25, lr.expectedFirst(), 0.01);
    }

    @Test
    void wilsonIntervalsMatchNewcombe1998() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3
        assertInterval(0.2553, 0.3662, Proportions.wilson(81, 263));
        assertInterval(0.0624, 0.1605, Proportions.wilson(15, 148));
        assertInterval(0.0000, 0.1611, Proportions.wilson(0, 20));
        assertInterval(0.0061, 0.1718, Proportions.wilson(1, 29));
    }

    @Test
    void differenceOfSharesMatchesNewcombesHybridScoreMethod() {
        // Newcombe (1998), Statistics in Medicine 17:873, table II, method 10; our difference is second minus first
        assertInterval(0.0524, 0.3339, Proportions.newcombe(48, 80, 56, 70));
        assertInterval(0.1705, 0.8090, Proportions.newcombe(3, 10, 9, 10));
    }

    @Test
    void fisherExactMatchesTheLadyTastingTeaAndADietingExample() {
        assertEquals(0.4857, Proportions.fisher(3, 1, 1, 3).p(), 1e-4);
        assertEquals(0.0027595, Proportions.fisher(1, 9, 11, 3).p(), 1e-7);
        assertEquals(1.0, Proportions.fisher(5, 5, 5, 5).p(), 1e-12);
    }

    @Test
    void twoProportionZTestByHand() {
        // 30/100 vs 45/100: pooled p 0.375, se sqrt(0.375 * 0.625 * 0.02) = 0.0684653, z = 2.19089
        Proportions.Test t = Proportions.zTest(30, 100, 45, 100);
        assertEquals(2.19089, t.statistic(), 1e-5);
        assertEquals(0.028459, t.p(), 1e-5);
        assertEquals("two-proportion z", Proportions.independent(30, 100, 45, 100).name());
        assertEquals("Fisher exact", Proportions.independent(1, 100, 4, 100).name());
    }

    @Test
    void mcNemarExactAndCohensHByHand() {
        assertEquals(2 * 7 / 64.0, Proportions.mcNemar(1, 5).p(), 1e-12); // 2 P(X <= 1), X ~ Bin(6, 1/2)
        assertEquals(1.0, Proportions.mcNemar(0, 0).p());
        assertEquals(Math.PI / 6, Proportions.cohenH(0.25, 0.5), 1e-12); // 2 asin √.5 - 2 asin √.25 = π/2 - π/3
    }

    @Test
    void pairedDifferenceIsAgrestiMinsAdjustedWaldIntervalAndNeverOfZeroWidth() {
        // by hand: 5 pairs with the event in the first set only, 1 in the second only, of 10; a half added to each cell:
        // b = 5.5, c = 1.5, n = 12, d = -4/12, half = z·√(7 − 16/12)/12
        double z = 1.959964;
        assertInterval(-4 / 12.0 - z * Math.sqrt(7 - 16 / 12.0) / 12, -4 / 12.0 + z * Math.sqrt(7 - 16 / 12.0) / 12,
                Proportions.pairedDifference(5, 1, 10));
        // no discordant pair of 60, whatever the shares (identical sets at 0 %, or at 50 % with perfect correlation, where
        // Wald's interval and Newcombe's score method have zero width): ±z/(n + 2)
        assertInterval(-z / 62, z / 62, Proportions.pairedDifference(0, 0, 60));
        // never outside [-1, 1]
        double[] extreme = Proportions.pairedDifference(0, 5, 5);
        assertTrue(extreme[1] <= 1 && extreme[0] > 0);
    }

    @Test
    void farTailPValuesAreNotRoundedToZero() {
        // 65 runs change one way and none the other: 2 P(X = 0), X ~ Bin(65, 1/2), is 2^-64
        assertEquals(Math.pow(2, -64), Proportions.mcNemar(65, 0).p(), 1e-12 * Math.pow(2, -64));
        assertEquals(2 * 81 * Math.pow(2, -80), Proportions.mcNemar(1, 79).p(), 1e-9 * 2 * 81 * Math.pow(2, -80));
        // the log-rank test of two groups of 60 whose events never overlap: chi-squared far in the tail
        double[] early = new double[60];
        double[] late = new double[60];
        boolean[] all = new boolean[60];
        for (int i = 0; i < 60; i++) {
            early[i] = 1 + i;
            late[i] = 100 + i;
            all[i] = true;
        }
        LogRank lr = LogRank.test(early, all, late, all);
        double tail = 2 * new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(-Math.sqrt(lr.chiSquared()));
        assertTrue(tail < 1e-17, "far enough in the tail that 1 - F rounds to 0: " + tail);
        assertEquals(tail, lr.p(), 1e-9 * tail);
    }

    @Test
    void mannWhitneyMatchesHollanderAndWolfe() {
        // R: wilcox.test(x, y) on Hollander & Wolfe (1973) p. 69: W = 35, exact two-sided p = 0.2544
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        RankTests.MannWhitney mw = RankTests.mannWhitney(y, x);
        assertEquals(35, mw.u());
        assertEquals(0.2544, mw.p(), 1e-4);
        assertTrue(mw.exact());
        assertEquals(2 * 35 / 50.0 - 1, mw.rankBiserial(), 1e-12);
    }

    @Test
    void mannWhitneyWithTiesUsesTheCorrectedNormalApproximation() {
        // R: wilcox.test(y, x, exact = FALSE) (tie and continuity corrections): W = 86.5, p = 0.02759
        double[] x = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6};
        double[] y = {2, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8};
        RankTests.MannWhitney mw = RankTests.mannWhitney(x, y);
        assertEquals(86.5, mw.u());
        assertEquals(0.02759, mw.p(), 1e-5);
    }

    @Test
    void wilcoxonSignedRankMatchesHollanderAndWolfe() {
        // R: wilcox.test(x, y, paired = TRUE) on Hollander & Wolfe (1973) p. 29: V = 40, exact two-sided p = 0.03906
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        RankTests.SignedRank w = RankTests.wilcoxon(d);
        assertEquals(40, w.v());
        assertEquals(0.0390625, w.p(), 1e-9);
        assertEquals((40 - 5) / 45.0, w.rankBiserial(), 1e-12);
    }

    @Test
    void wilcoxonWithZerosAndTiesUsesTheNormalApproximation() {
        // scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True): p = 0.04880
        RankTests.SignedRank w = RankTests.wilcoxon(new double[] {1, 2, 2, -1, 3, 0, 4, -2, 3, 3});
        assertEquals(9, w.n());
        assertEquals(0.04880, w.p(), 1e-5);
        // ranks of |d| with the zero ranked first: 1 -> 2.5, 2 -> 5, 3 -> 8, 4 -> 10; R+ = 2.5+5+5+8+10+8+8 = 46.5, R- = 2.5+5 = 7.5
        assertEquals((46.5 - 7.5) / 55.0, w.rankBiserial(), 1e-12);
    }

    @Test
    void aFewDifferingPairsAmongManyEqualOnesAreASmallEffectNotAPerfectOne() {
        double[] d = new double[2000];
        d[7] = -1;
        d[300] = -1;
        d[1999] = -2;
        RankTests.SignedRank w = RankTests.wilcoxon(d);
        assertTrue(w.rankBiserial() < 0 && w.rankBiserial() > -0.01, "r " + w.rankBiserial());
        assertTrue(w.p() > 0.05);
        // past 46,340 pairs n(n + 1) no longer fits an int: the sign and size must hold there too
        double[] many = new double[100_000];
        many[1] = -1;
        many[2] = -1;
        many[3] = -2;
        RankTests.SignedRank big = RankTests.wilcoxon(many);
        double expected = -(2 * (99_997 + 1.5) + (99_997 + 3)) / (100_000.0 * 100_001 / 2);
        assertEquals(expected, big.rankBiserial(), 1e-12);
        double[] allUp = new double[50_000];
        java.util.Arrays.fill(allUp, 1);
        RankTests.SignedRank up = RankTests.wilcoxon(allUp);
        assertEquals(1.0, up.rankBiserial(), 1e-12, "every pair higher");
        assertTrue(up.p() < 1e-10, "p " + up.p());
    }

    @Test
    void wilcoxonWithoutPairsHasNoPValueButWithOnlyZeroDifferencesHasPOne() {
        RankTests.SignedRank none = RankTests.wilcoxon(new double[0]);
        assertTrue(Double.isNaN(none.p()), "no pairs: nothing to test");
        assertTrue(Double.isNaN(none.rankBiserial()));
        RankTests.SignedRank same = RankTests.wilcoxon(new double[] {0, 0, 0});
        assertEquals(1.0, same.p());
        assertEquals(0.0, same.rankBiserial());
    }

    @Test
    void exactDistributionsSumToOne() {
        assertEquals(1, java.util.Arrays.stream(RankTests.uDistribution(7, 9)).sum(), 1e-12);
        assertEquals(1, java.util.Arrays.stream(RankTests.signedRankDistribution(12)).sum(), 1e-12);
        assertEquals(1 / 20.0, RankTests.uDistribution(3, 3)[0], 1e-12); // one arrangement in C(6,3)
    }

    @Test
    void pairedDifferenceIsTheStudentIntervalOfTheDifferences() {
        MeanDifference d = MeanDifference.paired(new double[] {1, 2, 3, Double.NaN});
        assertEquals(2, d.difference(), 1e-12);
        assertArrayEquals(Intervals.mean(2, 1, 3), new double[] {d.low(), d.high()}, 1e-12);
    }

    @Test
    void welchIntervalByHand() {
        // means 2 and 5, variances 0.5 and 2.5, n 5 and 5: se = 0.775, Welch df = 5.54, half-width about 1.94
        MeanDifference d = MeanDifference.welch(new double[] {1, 2, 2, 2, 3}, new double[] {3, 4, 5, 6, 7});
        assertEquals(3, d.difference(), 1e-12);
        assertEquals(1.06, d.low(), 0.02);
        assertEquals(4.94, d.high(), 0.02);
    }

    @Test
    void convergenceSaysHowManyReplicationsAShareNeeds() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2;
        }
        Convergence c = Convergence.of("x", v, true, 0.05, 20);
        assertEquals(0.5, c.finalMean(), 1e-12);
        // the fewest n whose Wilson interval at 0.5 is within ±0.05: z·√(1/(4n) + z²/(4n²))/(1 + z²/n) ≤ 0.05 from n = 381
        assertEquals(381, c.needed());
        assertEquals(0.05, c.targetHalfWidth(), 0.0);
        assertTrue(!c.enough());
        assertEquals(20, c.checkpoints().length);
        assertEquals(100, c.checkpoints()[19]);
        Convergence ok = Convergence.of("x", v, true, 0.2, 20);
        assertTrue(ok.enough());
        // a share of 0 in 20 runs: the Wilson interval [0, z²/(n + z²)] is ±0.081 wide, not 0 (Wald's formula said 0 runs);
        // its half-width z²/(2(n + z²)) is within ±0.05 from n = 35
        Convergence none = Convergence.of("x", new double[20], true, 0.05, 20);
        assertTrue(!none.enough());
        assertEquals(35, none.needed());
    }

    @Test
    void convergenceOfALevelIsRelativeToItsScaleNotToAMeanNearZero() {
        // a lowest level of 0 (SEVERED) in 9 runs of 10 and 1 in the tenth: mean 0.1, sd 0.316
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 10 == 0 ? 1 : 0;
        }
        Convergence byMean = Convergence.of("x", v, false, 0.05, 10);
        Convergence byScale = Convergence.of("x", v, false, 0.05, 10, 4);
        assertEquals(0.005, byMean.targetHalfWidth(), 1e-12);
        assertEquals(0.2, byScale.targetHalfWidth(), 1e-12, "5 % of the range 0..4");
        // (z·sd/h)²: 15,368 runs for ±0.005, 10 for ±0.2, and these 100 are enough for the second
        double sd = Math.sqrt(10 * 0.9 * 0.9 / 99 + 90 * 0.01 / 99);
        assertEquals(Math.ceil(Math.pow(1.959963984540054 * sd / 0.005, 2)), byMean.needed(), 1);
        assertEquals(Math.max(2, Math.ceil(Math.pow(1.959963984540054 * sd / 0.2, 2))), byScale.needed(), 1e-9);
        assertTrue(!byMean.enough() && byScale.enough());
    }

    @Test
    void convergenceOfANumberIsRelativeToItsMean() {
        // values 9 and 11 alternating: mean 10, sd 1.005; a target of 1 % is ±0.1
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = 9 + 2 * (i % 2);
        }
        Convergence c = Convergence.of("x", v, false, 0.01, 10);
        assertEquals(10, c.finalMean(), 1e-12);
        assertEquals(0.1, c.targetHalfWidth(), 1e-12);
        double sd = Math.sqrt(100 / 99.0);
        assertEquals(Math.ceil(Intervals.Z95 * Intervals.Z95 * sd * sd / 0.01), c.needed(), 1e-9);
        assertTrue(!c.enough());
    }

    private static void assertInterval(double low, double high, double[] actual) {
        assertEquals(low, actual[0], 1e-4, "low");
        assertEquals(high, actual[1], 1e-4, "high");
    }

    private static double[] round(double[] x, int decimals) {
        double scale = Math.pow(10, decimals);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.round(x[i] * scale) / scale;
        }
        return out;
    }
}

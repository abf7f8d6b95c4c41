package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crisis.stats.Convergence;
import org.junit.jupiter.api.Test;

/** How the report words its numbers. */
class FormatTest {
    @Test
    void aConvergenceVerdictSaysWhetherTheReplicationsWereEnoughAndHowManyWouldBe() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2;
        }
        String no = Format.verdict(Convergence.of("x", v, true, 0.05, 20));
        assertTrue(no.startsWith("Not enough: with 100 replications"), no);
        assertTrue(no.contains("about 381 replications"), no); // the fewest whose Wilson interval at 0.5 is within ±0.05
        String yes = Format.verdict(Convergence.of("x", v, true, 0.2, 20));
        assertTrue(yes.startsWith("Enough"), yes);
        assertTrue(yes.contains("\u00b10.2"), yes);
        String one = Format.verdict(Convergence.of("x", new double[] {1, Double.NaN}, false, 0.05, 20));
        assertEquals("Only 1 replication with a value: too few to judge.", one);
    }

    @Test
    void aRareShareWithinTheStatedPrecisionIsSaidToBeWideBesideItself() {
        double[] v = new double[200];
        for (int i = 0; i < 12; i++) {
            v[i * 16] = 1; // 12 of 200: 6 %, a Wilson interval of about 3.4 to 10.2 %
        }
        Convergence c = Convergence.of("x", v, true, 0.05, 20);
        String rare = Format.verdict(c);
        assertTrue(rare.startsWith("Enough") && rare.contains(" But beside a share of 6.0\u00a0% that is \u00b1"), rare);
        long needed = (long) Convergence.wilsonNeeded(0.06, 0.015);
        assertTrue(rare.endsWith(String.format(java.util.Locale.ROOT, "about %,d replications would give \u00b125 %% of it.", needed)),
                rare);
        double[] common = new double[200];
        for (int i = 0; i < 100; i++) {
            common[i * 2] = 1;
        }
        assertFalse(Format.verdict(Convergence.of("y", common, true, 0.1, 20)).contains("But"), "a share of a half: no caveat");
        double[] usual = new double[200];
        for (int i = 0; i < 188; i++) {
            usual[i] = 1;
        }
        assertTrue(Format.verdict(Convergence.of("z", usual, true, 0.05, 20)).contains("beside the 6.0\u00a0% of runs without it"));
    }

    @Test
    void theConvergenceBannerSpeaksOnlyOfEstimatesWithAFigure() {
        // one run: a share's Wilson interval says how many runs would do; a number has no spread to judge by
        Convergence share = Convergence.of("s", new double[] {0}, true, 0.05, 20);
        Convergence number = Convergence.of("n", new double[] {3}, false, 0.05, 20);
        assertEquals("about 35 replications would do for the 1 of them with a spread to judge by; for the other 1, too few"
                + " replications to say", RunSetReport.neededForAll(java.util.List.of(share, number)));
        assertEquals("too few replications to say how many would do", RunSetReport.neededForAll(java.util.List.of(number)));
        assertEquals("about 35 replications would do for all of them", RunSetReport.neededForAll(java.util.List.of(share)));
    }

    @Test
    void curvesThatWouldDrawAsOneAreTheSameWithinAMillionth() {
        // the same Wilson half-widths reached by two routes differ in their last bits: one line on the chart, so "same as"
        double[] a = {0.39673, 0.32881, 0.28075};
        double[] b = {0.39673 + 1e-15, 0.32881 - 1e-16, 0.28075};
        assertTrue(LineCharts.close(a, b));
        assertTrue(!LineCharts.close(a, new double[] {0.39673, 0.32881, 0.2808}), "a visible difference is not the same");
        assertTrue(LineCharts.close(new double[] {Double.NaN, 1}, new double[] {Double.NaN, 1}));
        assertTrue(!LineCharts.close(new double[] {Double.NaN, 1}, new double[] {0, 1}));
        assertTrue(LineCharts.close(null, null) && !LineCharts.close(a, null));
        // point by point: a large value elsewhere on the curve does not make a visible difference small
        assertTrue(!LineCharts.close(new double[] {1e9, 0.5}, new double[] {1e9, 0.9}));
        // numbers with no spread among the runs: no figure for the replications needed, not "0"
        assertTrue(Double.isNaN(Convergence.of("n", new double[] {2, 2, 2}, false, 0.05, 20).needed()));
    }
}

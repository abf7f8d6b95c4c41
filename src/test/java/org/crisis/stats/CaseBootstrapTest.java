package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The interval of a pass rate pooled over cases, by resampling cases. */
class CaseBootstrapTest {
    /** n cases of m patterns each, the first {@code passing} passing all their patterns, the others none. */
    private static int[][] allOrNothing(int n, int m, int passing) {
        int[] passes = new int[n];
        int[] patterns = new int[n];
        Arrays.fill(patterns, m);
        Arrays.fill(passes, 0, passing, m);
        return new int[][] {passes, patterns};
    }

    @Test
    void casesThatPassOrFailWholeGiveTheBinomialSpreadOfCasesNotOfPatterns() {
        // 100 cases of 5 patterns, 70 passing whole: the resampled share is Binomial(100, 0.7)/100
        int[][] c = allOrNothing(100, 5, 70);
        double[] ci = CaseBootstrap.passRate(c[0], c[1], 7);
        BinomialDistribution b = new BinomialDistribution(null, 100, 0.7);
        assertEquals(b.inverseCumulativeProbability(0.025) / 100.0, ci[0], 0.011);
        assertEquals(b.inverseCumulativeProbability(0.975) / 100.0, ci[1], 0.011);
        // 500 independent patterns would give an interval about √5 times narrower
        double[] wilson = Intervals.wilson(350, 500);
        assertTrue(ci[1] - ci[0] > 2 * (wilson[1] - wilson[0]), Arrays.toString(ci) + " against " + Arrays.toString(wilson));
    }

    @Test
    void casesWithTheSameShareLeaveNothingToResample() {
        double[] ci = CaseBootstrap.passRate(new int[] {3, 6, 9}, new int[] {4, 8, 12}, 1);
        assertEquals(0.75, ci[0], 1e-12);
        assertEquals(0.75, ci[1], 1e-12);
    }

    @Test
    void theIntervalHoldsThePooledShareAndIsTheSameForTheSameSeed() {
        int[] passes = {4, 7, 1, 5, 6, 0, 3, 8};
        int[] patterns = {5, 7, 4, 6, 9, 2, 5, 8};
        double[] a = CaseBootstrap.passRate(passes, patterns, 42);
        double pooled = 34 / 46.0;
        assertTrue(a[0] < pooled && pooled < a[1], Arrays.toString(a));
        assertArrayEquals(a, CaseBootstrap.passRate(passes, patterns, 42));
        assertTrue(a[0] >= 0 && a[1] <= 1);
    }

    @Test
    void countsThatAreNotCasesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseBootstrap.passRate(new int[] {3}, new int[] {2}, 1));
        assertEquals("case 0: 3 passes of 2 patterns", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseBootstrap.passRate(new int[] {1}, new int[] {1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> CaseBootstrap.passRate(new int[0], new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> CaseBootstrap.passRate(new int[] {0}, new int[] {0}, 1));
    }

    @Test
    void aPairedDifferenceResamplesTheCasesOnceForBoth() {
        int[] patterns = {5, 5, 5, 5};
        // the second gains one pattern in every case: the difference is 0.2 in every resample
        double[] gain = CaseBootstrap.difference(new int[] {1, 2, 3, 4}, new int[] {2, 3, 4, 5}, patterns, 3);
        assertEquals(0.2, gain[0], 1e-12);
        assertEquals(0.2, gain[1], 1e-12);
        // the same counts differ by nothing, however the cases vary
        assertArrayEquals(new double[] {0, 0}, CaseBootstrap.difference(new int[] {0, 5, 2, 4}, new int[] {0, 5, 2, 4},
                patterns, 3));
        // one case of 40 gains its 5 patterns: the difference is 5/200 = 0.025, and 0 when that case is not drawn
        int[] first = new int[40];
        int[] second = new int[40];
        int[] five = new int[40];
        Arrays.fill(five, 5);
        second[0] = 5;
        double[] one = CaseBootstrap.difference(first, second, five, 3);
        assertEquals(0, one[0], 1e-12, "a gain in one case is not told apart from none");
        assertTrue(one[1] > 0.025, Arrays.toString(one));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseBootstrap.difference(new int[] {1}, new int[] {6}, new int[] {5}, 1));
        assertEquals("case 0: 6 passes of 5 patterns", e.getMessage());
    }
}

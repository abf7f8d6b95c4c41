package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * 95 % intervals (Wilson score for shares, Student's t for means) against published values,
 * and the summary of an outcome over runs.
 */
class IntervalsTest {

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Newcombe (1998), Statistics in Medicine 17, table I, method 3; and 8/10 as in textbooks
        assertArrayEquals(new double[] {0.4902, 0.9433}, Intervals.wilson(8, 10), 5e-5);
        assertArrayEquals(new double[] {0.2553, 0.3662}, Intervals.wilson(81, 263), 5e-5);
        assertArrayEquals(new double[] {0.0624, 0.1605}, Intervals.wilson(15, 148), 5e-5);
        assertArrayEquals(new double[] {0.0000, 0.1611}, Intervals.wilson(0, 20), 5e-5);
        assertArrayEquals(new double[] {0.0061, 0.1718}, Intervals.wilson(1, 29), 5e-5);
    }

    @Test
    void aWilsonIntervalStaysWithinZeroAndOneAndMirrorsForTheComplement() {
        double[] all = Intervals.wilson(20, 20);
        assertEquals(1.0, all[1], 0.0);
        assertEquals(1 - 0.1611, all[0], 5e-5);
        double[] a = Intervals.wilson(3, 17);
        double[] b = Intervals.wilson(14, 17);
        assertEquals(a[0], 1 - b[1], 1e-12);
        assertEquals(a[1], 1 - b[0], 1e-12);
    }

    @Test
    void aWilsonIntervalOfNoRunsIsUndefined() {
        double[] none = Intervals.wilson(0, 0);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    }

    @Test
    void aMeansIntervalUsesStudentsTWithNMinusOneDegreesOfFreedom() {
        // t(0.975, 15) = 2.131450 (tables); half-width t·sd/√n = 2.131450·2/4
        double[] ci = Intervals.mean(10, 2, 16);
        assertEquals(10 - 1.065725, ci[0], 1e-6);
        assertEquals(10 + 1.065725, ci[1], 1e-6);
        // t(0.975, 1) = 12.706205
        double[] two = Intervals.mean(0, 1, 2);
        assertEquals(12.706205 / Math.sqrt(2), two[1], 1e-6);
    }

    @Test
    void aMeansIntervalNeedsTwoObservations() {
        double[] one = Intervals.mean(3, 0, 1);
        assertTrue(Double.isNaN(one[0]) && Double.isNaN(one[1]));
    }

    /** OutcomeStatistics: the summary of one outcome over the runs of a set. */
    @Nested
    class OutcomeSummary {
        private static final boolean DAYS = false;
        private static final boolean SEVERED = true;

        private OutcomeStatistics of(boolean share, double... values) {
            OutcomeStatistics s = new OutcomeStatistics(share);
            for (double v : values) {
                s.add(v);
            }
            return s;
        }

        @Test
        void quantilesAreRsType7() {
            // x = 1, 2, 4, 7, 11, 16, 22, 29, 37, 46 (n = 10): h = (n − 1)·p, interpolate x[⌊h⌋] .. x[⌊h⌋+1]
            OutcomeStatistics s = of(DAYS, 29, 1, 46, 4, 11, 2, 37, 7, 22, 16);
            assertEquals(1.45, s.quantile(5), 1e-12); // h = 0.45: 1 + 0.45·1
            assertEquals(4.75, s.quantile(25), 1e-12); // h = 2.25: 4 + 0.25·3
            assertEquals(13.5, s.quantile(50), 1e-12); // h = 4.5: 11 + 0.5·5
            assertEquals(27.25, s.quantile(75), 1e-12); // h = 6.75: 22 + 0.75·7
            assertEquals(41.95, s.quantile(95), 1e-12); // h = 8.55: 37 + 0.55·9
        }

        @Test
        void runsWhereTheOutcomeDidNotHappenAreCountedApart() {
            OutcomeStatistics s = of(DAYS, 10, Double.NaN, 20, Double.NaN, 30);
            assertEquals(3, s.n());
            assertEquals(20.0, s.mean(), 1e-12);
            assertEquals(10.0, s.sd(), 1e-12);
            assertEquals(20.0, s.quantile(50), 1e-12);
            assertEquals(2, s.missing());
            assertEquals(11.0, s.quantile(5), 1e-12, "h = 0.1: 10 + 0.1·10");
        }

        @Test
        void aYesNoOutcomeIsSummarisedAsAShareWithItsWilsonInterval() {
            OutcomeStatistics s = of(SEVERED, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1);
            assertEquals(0.8, s.mean(), 1e-12);
            assertArrayEquals(Intervals.wilson(8, 10), s.interval(), 0.0);
            assertEquals(8, s.successes());
            assertEquals((s.high() - s.low()) / 2, s.halfWidth(), 0.0);
        }

        @Test
        void aSummaryOfAnArrayEqualsOneBuiltValueByValue() {
            double[] v = {3, Double.NaN, 5, 8};
            OutcomeStatistics whole = OutcomeStatistics.of(v, false);
            OutcomeStatistics added = of(DAYS, v);
            assertEquals(added.mean(), whole.mean(), 0.0);
            assertEquals(added.sd(), whole.sd(), 0.0);
            assertEquals(1, whole.missing());
            whole.add(4); // a value added after a summary was read counts
            assertEquals(5, whole.mean(), 1e-12);
        }

        @Test
        void aNumericOutcomeHasAStudentTInterval() {
            OutcomeStatistics s = of(DAYS, 8, 9, 10, 11, 12);
            assertArrayEquals(Intervals.mean(10, Math.sqrt(2.5), 5), s.interval(), 1e-12);
        }

        @Test
        void withoutValuesEverySummaryIsEmpty() {
            OutcomeStatistics s = of(DAYS, Double.NaN);
            assertTrue(Double.isNaN(s.mean()));
            assertTrue(Double.isNaN(s.quantile(50)));
            assertTrue(Double.isNaN(s.low()));
            assertEquals(1, s.missing());
        }

        @Test
        void theShareAtOrBelowAValueCountsOnlyRunsWithAValue() {
            OutcomeStatistics lowest = of(DAYS, 0, 1, 1, 2, 4);
            assertEquals(0.2, lowest.shareAtMost(0), 1e-12);
            assertEquals(0.6, lowest.shareAtMost(1), 1e-12);
            assertEquals(1.0, lowest.shareAtMost(4), 1e-12);
        }
    }
}

package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Brier score of forecasts against outcomes, and what a one-sided bound claims. */
class BrierTest {
    @Test
    void theScoreIsTheMeanSquaredMissAndTheReferenceThatOfTheBaseRate() {
        Brier b = Brier.of(new double[] {0.9, 0.2, 0.0, 1.0}, new boolean[] {true, false, true, false});
        assertEquals((0.01 + 0.04 + 1 + 1) / 4, b.score(), 1e-12);
        assertEquals(4, b.events());
        assertEquals(2, b.happened());
        assertEquals(0.25, b.reference(), 1e-12);
    }

    @Test
    void aCalibratedForecastScoresBetterThanACertainOneThatIsRightAsOften() {
        // ten events, three happen: forecasting 0.3 for all beats forecasting 0 for all, which is right seven times in ten
        boolean[] outcome = {true, true, true, false, false, false, false, false, false, false};
        double[] calibrated = new double[10];
        java.util.Arrays.fill(calibrated, 0.3);
        Brier honest = Brier.of(calibrated, outcome);
        Brier certain = Brier.of(new double[10], outcome);
        assertEquals(0.21, honest.score(), 1e-12);
        assertEquals(0.3, certain.score(), 1e-12);
        assertEquals(honest.score(), honest.reference(), 1e-12, "forecasting the base rate scores the reference");
        assertTrue(certain.score() > certain.reference());
    }

    @Test
    void theSentenceGivesTheBaseRateOnlyWhenBothOutcomesOccurAndInTheCallersTypography() {
        Brier both = Brier.of(new double[] {0.9, 0.2, 0.0, 1.0}, new boolean[] {true, false, true, false});
        assertEquals("Brier score of the held-out shares against the record, over the 4 patterns with one bound: 0.513"
                + " (0 is best; 0.250 for every share at the half of them that record something happened)",
                both.sentence("held-out shares", n -> n + " patterns", q -> q == 0.5 ? "half" : "?"));
        Brier one = Brier.of(new double[] {0.2}, new boolean[] {false});
        assertEquals("Brier score of the shares against the record, over the 1 pattern with one bound: 0.040 (0 is best)",
                one.sentence("shares", n -> n == 1 ? "1 pattern" : n + " patterns", q -> "?"));
    }

    @Test
    void theAreaUnderTheRocCurveCountsThePairsRankedRightTiesHalf() {
        // happened: 0.9 and 0.0; did not: 0.2 and 1.0. Pairs: (0.9, 0.2) right, (0.9, 1.0) wrong,
        // (0.0, 0.2) wrong, (0.0, 1.0) wrong: one of four
        assertEquals(0.25, Brier.of(new double[] {0.9, 0.2, 0.0, 1.0}, new boolean[] {true, false, true, false}).auc(), 1e-12);
        // every share the same: every pair a tie, 0.5
        assertEquals(0.5, Brier.of(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false}).auc(), 1e-12);
        // 0.5 ties 0.5 and beats 0.1; 0.7 beats both: (0.5 + 1 + 1 + 1) / 4
        assertEquals(0.875, Brier.of(new double[] {0.5, 0.7, 0.5, 0.1}, new boolean[] {true, true, false, false}).auc(), 1e-12);
        assertTrue(Double.isNaN(Brier.of(new double[] {0.2, 0.4}, new boolean[] {false, false}).auc()), "one kind alone: none");
        Brier missing = Brier.of(new double[] {Double.NaN, 0.4, 0.1}, new boolean[] {true, false, true});
        assertTrue(Double.isNaN(missing.score()) && Double.isNaN(missing.auc()), "a share that is not a number: neither");
        assertNull(missing.discrimination("shares"));
        assertNull(Brier.of(new double[] {0.2}, new boolean[] {true}).discrimination("shares"));
        assertEquals("Area under the ROC curve of the held-out shares: 0.875 (the chance that a pattern that records something"
                + " happened, a lower bound above 0, has a higher share than one that records it did not, ties counting half;"
                + " 0.5 for shares that do not tell them apart)",
                Brier.of(new double[] {0.5, 0.7, 0.5, 0.1}, new boolean[] {true, true, false, false}).discrimination("held-out shares"));
    }

    @Test
    void theAreaIsTheMannWhitneyStatisticOverTheTwoCounts() {
        // shares of 200 runs, so ties are common, as in the library's tables
        java.util.Random r = new java.util.Random(7);
        int n = 3000;
        double[] forecast = new double[n];
        boolean[] outcome = new boolean[n];
        int yes = 0;
        for (int i = 0; i < n; i++) {
            outcome[i] = r.nextDouble() < 0.37;
            forecast[i] = Math.min(200, Math.max(0, Math.round(200 * (r.nextGaussian() * 0.3 + (outcome[i] ? 0.4 : 0.25))))) / 200.0;
            yes += outcome[i] ? 1 : 0;
        }
        double[] x = new double[yes];
        double[] y = new double[n - yes];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (outcome[i]) {
                x[a++] = forecast[i];
            } else {
                y[b++] = forecast[i];
            }
        }
        double u = new org.apache.commons.math3.stat.inference.MannWhitneyUTest().mannWhitneyU(x, y);
        // Commons Math returns max(U1, U2); the area is U1 / (n1 n2), above one half here by construction
        double area = Brier.of(forecast, outcome).auc();
        assertTrue(area > 0.6, "the fixture separates the two: " + area);
        assertEquals(u / ((double) yes * (n - yes)), area, 1e-12);
    }

    @Test
    void noEventsGiveNoScore() {
        Brier b = Brier.of(new double[0], new boolean[0]);
        assertEquals(0, b.events());
        assertTrue(Double.isNaN(b.score()) && Double.isNaN(b.reference()));
        assertThrows(IllegalArgumentException.class, () -> Brier.of(new double[1], new boolean[2]));
    }

    @Test
    void aOneSidedBoundClaimsAnOutcomeAndATwoSidedOneNone() {
        assertEquals(Boolean.TRUE, Brier.claim(0.6, Double.NaN));
        assertEquals(Boolean.TRUE, Brier.claim(0.5, 1.0), "an upper bound of 1 bounds nothing");
        assertEquals(Boolean.FALSE, Brier.claim(Double.NaN, 0.2));
        assertEquals(Boolean.FALSE, Brier.claim(0.0, 0.3), "a lower bound of 0 bounds nothing");
        assertNull(Brier.claim(0.3, 0.8));
        assertNull(Brier.claim(Double.NaN, Double.NaN));
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crisis.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration's loss (docs/CALIBRATION.md, "Loss"): 0 exactly when a pattern passes as
 * crisis validate decides, otherwise the squared logit distance of the continuity-corrected
 * share to the corrected bound it misses. Values are checked against the formula written out.
 */
class CalibrationLossTest {
    private static Scenario.Bounds bounds(Double min, Double max) {
        return new Scenario.Bounds(Optional.ofNullable(min), Optional.ofNullable(max));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @TempDir
    Path dir;

    /**
     * loss.balance: with two patterns that say something happened (downgraded, min 0.5) and one
     * that says something did not (no rupture, max 0.2), the first class weighs 3/4 a term and
     * the second 3/2, so each class weighs 3/2 in total; the pass count is not weighed.
     */
    @Test
    void aBalancedLossWeighsEachClassOfPatternsTheSameInTotal() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, """
                parameters:
                  parameters.grievanceGain: { min: 0.05, max: 4 }
                runs: 20
                loss: { balance: true }
                """);
        Files.writeString(file, Files.readString(file).replace("cases: [cases]", "cases: [cases/a.yaml, cases/b.yaml]"));
        Calibration c = CalibrationReader.read(file);
        assertTrue(c.balanced());
        List<CalibrationCase> cases = c.cases();
        // patterns in order: a/downgraded, a/no-rupture, b/downgraded; 20 runs a case
        double missLow = CalibrationLoss.term(bounds(0.5, null), 4, 20);
        double missHigh = CalibrationLoss.term(bounds(null, 0.2), 12, 20);
        int[] downgradeMissed = {4, 0, 15};
        int[] ruptureMissed = {15, 12, 15};
        CalibrationLoss.Score plain = CalibrationLoss.score(cases, downgradeMissed, CalibrationLoss.UNSATURATED, false);
        CalibrationLoss.Score low = CalibrationLoss.score(cases, downgradeMissed, CalibrationLoss.UNSATURATED, true);
        CalibrationLoss.Score high = CalibrationLoss.score(cases, ruptureMissed, CalibrationLoss.UNSATURATED, true);
        assertEquals(missLow, plain.loss(), 1e-12);
        assertEquals(0.75 * missLow, low.loss(), 1e-12, "a pattern of the larger class weighs n/(2*2) = 3/4");
        assertEquals(1.5 * missHigh, high.loss(), 1e-12, "the only pattern of its class weighs n/(2*1) = 3/2");
        assertEquals(2, low.passes(), "passes are counted, not weighed");
        assertEquals(2, high.passes());
        assertTrue(CalibrationLoss.happened(bounds(0.5, null)) && !CalibrationLoss.happened(bounds(null, 0.2))
                && !CalibrationLoss.happened(bounds(0.0, 0.3)), "a lower bound of 0 says nothing happened");
    }

    /**
     * loss.score: brier. A one-sided pattern costs the squared difference between its share and what
     * it says happened, passing or not; a two-sided one the squared distance outside its bounds.
     */
    @Test
    void theBrierTermScoresTheShareAgainstWhatThePatternSaysHappened() throws Exception {
        assertEquals(0.3 * 0.3, CalibrationLoss.brierTerm(bounds(0.6, null), 14, 20), 1e-12, "passing: 0.7 against 1");
        assertEquals(0.25 * 0.25, CalibrationLoss.brierTerm(bounds(null, 0.2), 5, 20), 1e-12, "failing: 0.25 against 0");
        assertEquals(0.0, CalibrationLoss.brierTerm(bounds(null, 0.2), 0, 20));
        assertEquals(0.0, CalibrationLoss.brierTerm(bounds(0.3, 0.8), 10, 20), "within two bounds");
        assertEquals(0.1 * 0.1, CalibrationLoss.brierTerm(bounds(0.3, 0.8), 18, 20), 1e-12, "0.9 is 0.1 above 0.8");
        assertEquals(0.2 * 0.2, CalibrationLoss.brierTerm(bounds(0.0, 0.8), 4, 20), 1e-12,
                "a lower bound of 0 bounds nothing: the pattern says it did not happen");
        Path file = CalibrationFixtures.calibration(dir, """
                parameters:
                  parameters.grievanceGain: { min: 0.05, max: 4 }
                runs: 20
                loss: { score: brier, balance: true }
                """);
        Files.writeString(file, Files.readString(file).replace("cases: [cases]", "cases: [cases/a.yaml, cases/b.yaml]"));
        Calibration c = CalibrationReader.read(file);
        // patterns in order: a/downgraded (min 0.5), a/no-rupture (max 0.2), b/downgraded (min 0.5); each passes
        int[] held = {12, 2, 20};
        CalibrationLoss.Score s = CalibrationLoss.score(c.cases(), held, c.saturation(), c.balanced(), c.brier());
        assertEquals(3, s.passes());
        assertEquals(0.75 * (0.4 * 0.4) + 1.5 * (0.1 * 0.1) + 0.75 * 0, s.loss(), 1e-12,
                "passing patterns count, weighed by class as the bounds' loss is");
    }

    @Test
    void aPatternWithinItsBoundsCostsNothing() {
        assertEquals(0.0, CalibrationLoss.term(bounds(0.6, null), 60, 100));
        assertEquals(0.0, CalibrationLoss.term(bounds(null, 0.2), 20, 100));
        assertEquals(0.0, CalibrationLoss.term(bounds(0.3, 0.5), 40, 100));
        assertEquals(0.0, CalibrationLoss.term(bounds(0.0, 1.0), 0, 100));
        assertEquals(0.0, CalibrationLoss.term(bounds(0.95, null), 100, 100), "a bound near 1 is reachable");
    }

    @Test
    void aShareAboveItsMaximumCostsTheSquaredLogitDistanceOfTheCorrectedShares() {
        // held 30 of 100, max 0.2: p = 30.5/101, bound 20.5/101
        double expected = Math.pow(logit(30.5 / 101) - logit(20.5 / 101), 2);
        assertEquals(expected, CalibrationLoss.term(bounds(null, 0.2), 30, 100), 1e-12);
        assertEquals(0.2808, expected, 1e-4); // the figure docs/CALIBRATION.md quotes
    }

    @Test
    void aShareBelowItsMinimumCostsTheSameWayFromBelow() {
        // held 3 of 20, min 0.6: p = 3.5/21, bound 12.5/21
        double expected = Math.pow(logit(12.5 / 21) - logit(3.5 / 21), 2);
        assertEquals(expected, CalibrationLoss.term(bounds(0.6, null), 3, 20), 1e-12);
    }

    @Test
    void aSaturatedTermIsTheSameNearTheBoundsAndAtMostTheSaturationFarFromThem() {
        // held 30 of 100 against max 0.2: t = 0.2808 unsaturated
        double t = CalibrationLoss.term(bounds(null, 0.2), 30, 100);
        assertEquals(1 - Math.exp(-t), CalibrationLoss.term(bounds(null, 0.2), 30, 100, 1.0), 1e-12);
        assertEquals(t, CalibrationLoss.term(bounds(null, 0.2), 30, 100, 1e6), 1e-6, "a large saturation changes nothing");
        double far = CalibrationLoss.term(bounds(null, 0.0), 100, 100, 1.0);
        assertTrue(far <= 1 && far > 0.999, "a hopeless miss counts at most one: " + far);
        assertEquals(0.0, CalibrationLoss.term(bounds(null, 0.2), 20, 100, 1.0), "a pass still costs nothing");
    }

    @Test
    void boundsOfZeroAndOneStayFinite() {
        double none = CalibrationLoss.term(bounds(1.0, null), 99, 100);
        assertTrue(none > 0 && Double.isFinite(none), "min 1 missed by one run: " + none);
        double all = CalibrationLoss.term(bounds(null, 0.0), 100, 100);
        assertTrue(Double.isFinite(all) && all > none, "max 0 missed by every run costs more than by one: " + all);
        assertEquals(Math.pow(logit(100.5 / 101) - logit(0.5 / 101), 2), all, 1e-12);
    }

    @Test
    void theCostGrowsWithTheDistanceAndIsSymmetricOnTheLogitScale() {
        double previous = 0;
        for (int held = 21; held <= 100; held++) {
            double t = CalibrationLoss.term(bounds(null, 0.2), held, 100);
            assertTrue(t > previous, "held " + held + ": " + t + " after " + previous);
            previous = t;
        }
        // p and 1 - p against max b and min 1 - b
        assertEquals(CalibrationLoss.term(bounds(null, 0.3), 70, 100), CalibrationLoss.term(bounds(0.7, null), 30, 100), 1e-12);
    }

    @Test
    void theTermIsZeroExactlyWhenValidationPasses() {
        for (double min : new double[] {0.05, 0.3, 0.6, 0.95}) {
            for (int n : new int[] {20, 60, 100, 200}) {
                for (int held = 0; held <= n; held++) {
                    Scenario.Bounds b = bounds(min, null);
                    assertEquals(Validation.pass(b, held, n), CalibrationLoss.term(b, held, n) == 0,
                            "min " + min + ", " + held + " of " + n);
                    Scenario.Bounds c = bounds(null, min);
                    assertEquals(Validation.pass(c, held, n), CalibrationLoss.term(c, held, n) == 0,
                            "max " + min + ", " + held + " of " + n);
                }
            }
        }
    }
}

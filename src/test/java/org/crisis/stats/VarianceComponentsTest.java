package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VarianceComponentsTest {

    @Test
    void aHandComputedExample() {
        // sets 1 and 2, means 2 and 6: SSB 16, SSW 4, MSB 16, MSW 2, n0 2
        VarianceComponents v = VarianceComponents.of(new int[] {1, 1, 2, 2}, new double[] {1, 3, 5, 7}, 1);
        assertEquals(7.0, v.parameters(), 1e-12);
        assertEquals(2.0, v.chance(), 1e-12);
        assertEquals(7.0 / 9, v.parameterShare(), 1e-12);
        // of the 3 ways to split the four runs in two pairs, 1 has a between-sets spread as large (6 of 24 orders, 2 of them
        // the observed grouping): the exact p is 1/3, which 999 shufflings estimate within a few hundredths
        assertEquals(1.0 / 3, v.pValue(), 0.05);
    }

    @Test
    void recoversKnownComponentsOfASimulatedForecast() {
        // 60 parameter sets whose expected outcomes spread with variance 1, 40 runs each with chance of variance 4
        Random random = new Random(42);
        int sets = 60;
        int per = 40;
        int[] set = new int[sets * per];
        double[] y = new double[sets * per];
        for (int g = 0; g < sets; g++) {
            double mu = random.nextGaussian();
            for (int r = 0; r < per; r++) {
                set[g * per + r] = g + 1;
                y[g * per + r] = mu + 2 * random.nextGaussian();
            }
        }
        VarianceComponents v = VarianceComponents.of(set, y, 1);
        assertEquals(1.0, v.parameters(), 0.45);
        assertEquals(4.0, v.chance(), 0.3);
        assertEquals(0.2, v.parameterShare(), 0.08);
        assertEquals(0.001, v.pValue(), 1e-12, "the sets differ: no shuffling comes near");
    }

    @Test
    void setsThatDoNotMatterExplainAlmostNothingEvenWithFewRunsEach() {
        // 500 sets of 2 runs each, outcome a coin: the raw between-sets share would be about one half
        Random random = new Random(7);
        int[] set = new int[1000];
        double[] y = new double[1000];
        for (int r = 0; r < 1000; r++) {
            set[r] = r / 2;
            y[r] = random.nextBoolean() ? 1 : 0;
        }
        VarianceComponents v = VarianceComponents.of(set, y, 1);
        assertTrue(v.parameterShare() < 0.12, "share " + v.parameterShare());
        assertTrue(v.pValue() > 0.001, "p " + v.pValue());
    }

    @Test
    void aRareOutcomeInSetsOfOneRunIsNotTakenForTheSetsEffect() {
        // 98 runs in 49 sets of 2, an outcome seen in two runs of two different sets (a day of a rare event): the F test's
        // normal errors would call the sets different; shuffling the sets says two such runs fall apart by chance
        int[] set = new int[98];
        double[] y = new double[98];
        for (int r = 0; r < 98; r++) {
            set[r] = r / 2;
        }
        y[10] = 40;
        y[51] = 12;
        VarianceComponents v = VarianceComponents.of(set, y, 3);
        assertTrue(v.pValue() > 0.5, "p " + v.pValue());
        // four runs with a value in two sets, three alike in one and the fourth alone in the other: chance leaves no
        // spread within the sets (the F test would divide by 0 and say p = 0), and one shuffling in four gives the same
        VarianceComponents few = VarianceComponents.of(new int[] {1, 1, 1, 2}, new double[] {5, 5, 5, 9}, 3);
        assertEquals(0.25, few.pValue(), 0.05);
    }

    @Test
    void anOutcomeTheSameInEveryRunButForRoundingDoesNotVary() {
        int[] set = new int[200];
        double[] y = new double[200];
        for (int r = 0; r < 200; r++) {
            set[r] = r % 7;
            y[r] = 0.769173 + (r % 3) * 1e-17 + (r % 5 == 0 ? Math.ulp(0.769173) : 0);
        }
        VarianceComponents v = VarianceComponents.of(set, y, 1);
        assertTrue(Double.isNaN(v.parameterShare()), "share " + v.parameterShare());
        assertTrue(Double.isNaN(v.pValue()), "p " + v.pValue());
    }

    @Test
    void anOffsetChangesNeitherTheSplitNorTheTest() {
        // a day counted from day 1000 rather than 0: the same spread, the same sets, so the same p
        Random random = new Random(11);
        int[] set = new int[2000];
        double[] y = new double[2000];
        double[] shifted = new double[2000];
        for (int r = 0; r < 2000; r++) {
            set[r] = r % 20;
            y[r] = random.nextGaussian() + 0.15 * (r % 20 == 3 ? 1 : 0);
            shifted[r] = y[r] + 1e4;
        }
        VarianceComponents a = VarianceComponents.of(set, y, 2);
        VarianceComponents b = VarianceComponents.of(set, shifted, 2);
        assertEquals(a.pValue(), b.pValue(), 0.0);
        assertEquals(a.parameterShare(), b.parameterShare(), 1e-6);
    }

    @Test
    void aStrongEffectInManyRunsReachesTheFloorOfTheFewerShufflings() {
        int runs = VarianceComponents.MANY_RUNS + 1;
        int[] set = new int[runs];
        double[] y = new double[runs];
        for (int r = 0; r < runs; r++) {
            set[r] = r % 4;
            y[r] = r % 4 + (r % 7) * 0.01;
        }
        assertEquals(1.0 / (VarianceComponents.FEW_PERMUTATIONS + 1), VarianceComponents.of(set, y, 1).pValue(), 1e-12);
    }

    @Test
    void theTestIsTheSameForTheSameSeedAndShufflesLessAboveManyRuns() {
        Random random = new Random(5);
        int[] set = new int[300];
        double[] y = new double[300];
        for (int r = 0; r < 300; r++) {
            set[r] = r % 10;
            y[r] = random.nextGaussian() + 0.1 * (r % 10);
        }
        assertEquals(VarianceComponents.of(set, y, 9), VarianceComponents.of(set, y, 9));
        assertEquals(VarianceComponents.PERMUTATIONS, VarianceComponents.permutations(VarianceComponents.MANY_RUNS));
        assertEquals(VarianceComponents.FEW_PERMUTATIONS, VarianceComponents.permutations(VarianceComponents.MANY_RUNS + 1));
    }

    @Test
    void oneSetLeavesAllTheSpreadToChance() {
        VarianceComponents v = VarianceComponents.of(new int[] {3, 3, 3}, new double[] {0, 1, 2}, 1);
        assertEquals(0.0, v.parameters());
        assertEquals(1.0, v.chance(), 1e-12);
        assertEquals(0.0, v.parameterShare());
        assertTrue(Double.isNaN(v.pValue()));
    }

    @Test
    void refusesMismatchedOrNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new int[] {1}, new double[] {1, 2}, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VarianceComponents.of(new int[] {1, 2}, new double[] {1, Double.NaN}, 1));
        assertTrue(e.getMessage().contains("value 1"), e.getMessage());
    }
}

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
        VarianceComponents v = VarianceComponents.of(new int[] {1, 1, 2, 2}, new double[] {1, 3, 5, 7});
        assertEquals(7.0, v.parameters(), 1e-12);
        assertEquals(2.0, v.chance(), 1e-12);
        assertEquals(7.0 / 9, v.parameterShare(), 1e-12);
        // F = 8 on 1 and 2 degrees of freedom: the two-sided t test with t = sqrt(8), 2 df
        assertEquals(1 - Math.sqrt(8.0 / 10), v.pValue(), 1e-9);
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
        VarianceComponents v = VarianceComponents.of(set, y);
        assertEquals(1.0, v.parameters(), 0.45);
        assertEquals(4.0, v.chance(), 0.3);
        assertEquals(0.2, v.parameterShare(), 0.08);
        assertTrue(v.pValue() < 1e-6, "the sets differ: " + v.pValue());
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
        VarianceComponents v = VarianceComponents.of(set, y);
        assertTrue(v.parameterShare() < 0.12, "share " + v.parameterShare());
        assertTrue(v.pValue() > 0.001, "p " + v.pValue());
    }

    @Test
    void aTinyPValueIsNotRoundedToZero() {
        // on 2 and d degrees of freedom P(F > f) = (1 + 2f/d)^(-d/2): 3^-50 at f = 100, d = 100
        assertEquals(Math.pow(3, -50), VarianceComponents.upperTailF(100, 2, 100), 1e-9 * Math.pow(3, -50));
        assertEquals(1.0, VarianceComponents.upperTailF(0, 2, 100));
        // 3 sets of 40 runs with expected outcomes far apart: F in the thousands
        int[] set = new int[120];
        double[] y = new double[120];
        for (int r = 0; r < 120; r++) {
            set[r] = r / 40;
            y[r] = 10 * (r / 40) + (r % 2 == 0 ? -1 : 1);
        }
        VarianceComponents v = VarianceComponents.of(set, y);
        assertTrue(v.pValue() > 0 && v.pValue() < 1e-60, "p " + v.pValue());
    }

    @Test
    void oneSetLeavesAllTheSpreadToChance() {
        VarianceComponents v = VarianceComponents.of(new int[] {3, 3, 3}, new double[] {0, 1, 2});
        assertEquals(0.0, v.parameters());
        assertEquals(1.0, v.chance(), 1e-12);
        assertEquals(0.0, v.parameterShare());
        assertTrue(Double.isNaN(v.pValue()));
    }

    @Test
    void refusesMismatchedOrNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> VarianceComponents.of(new int[] {1}, new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VarianceComponents.of(new int[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("value 1"), e.getMessage());
    }
}

package org.crisis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Holm's step-down adjustment against a worked example and R's {@code p.adjust(p, "holm")}. */
class HolmTest {

    @Test
    void theWorkedExampleRejectsTheTwoSmallestOfFour() {
        // four hypotheses at alpha 0.05 (the example of the Holm-Bonferroni method): 0.005 < 0.05/4 and 0.01 < 0.05/3
        // are rejected, 0.03 > 0.05/2 stops the procedure; R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
        long rejected = java.util.Arrays.stream(adjusted).filter(q -> q < 0.05).count();
        assertEquals(2, rejected);
    }

    @Test
    void adjustedValuesNeverFallAlongTheOrderAndStopAtOne() {
        // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09; a large p stops at 1
        assertArrayEquals(new double[] {0.05, 0.08, 0.09, 0.09, 0.09}, Holm.adjust(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}),
                1e-12);
        assertArrayEquals(new double[] {1, 1, 0.003}, Holm.adjust(new double[] {0.6, 0.9, 0.001}), 1e-12);
    }

    @Test
    void aMissingPValueStaysMissingAndIsNotCounted() {
        double[] adjusted = Holm.adjust(new double[] {Double.NaN, 0.01, Double.NaN, 0.02});
        assertTrue(Double.isNaN(adjusted[0]) && Double.isNaN(adjusted[2]));
        assertEquals(0.02, adjusted[1], 1e-12, "two tests, not four");
        assertEquals(0.02, adjusted[3], 1e-12);
        assertEquals(0, Holm.adjust(new double[0]).length);
    }

    @Test
    void tiesShareTheirAdjustedValueAndOneTestIsLeftAsItIs() {
        assertArrayEquals(new double[] {0.06, 0.06, 0.06}, Holm.adjust(new double[] {0.02, 0.02, 0.02}), 1e-12);
        assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), 0);
    }

    @Test
    void itLiesBetweenTheRawValuesAndBonferronis() {
        Random r = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + r.nextInt(30);
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = Math.pow(r.nextDouble(), 3);
            }
            double[] q = Holm.adjust(p);
            for (int i = 0; i < m; i++) {
                assertTrue(q[i] >= p[i] && q[i] <= Math.min(1, m * p[i]) + 1e-15, p[i] + " -> " + q[i]);
                for (int j = 0; j < m; j++) {
                    assertTrue(p[i] > p[j] || q[i] <= q[j], "the order of the p-values is kept");
                }
            }
        }
    }
}

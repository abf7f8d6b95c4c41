package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The tests the equivalence test relies on, against known values. */
class TwoSampleTest {
    @Test
    void theKolmogorovTailHasItsTabulatedCriticalValuesAndBothSeriesAgree() {
        assertEquals(0.05, TwoSample.kolmogorovTail(1.3581), 2e-4);
        assertEquals(0.01, TwoSample.kolmogorovTail(1.6276), 2e-5);
        assertEquals(0.10, TwoSample.kolmogorovTail(1.2238), 2e-4);
        assertEquals(1.0, TwoSample.kolmogorovTail(0.05), 1e-12);
        // the two series meet at x = 1: compare with Commons Math's series where it converges
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (double x : new double[] {0.6, 0.9, 1.0, 1.1, 1.5}) {
            assertEquals(1 - ks.ksSum(x, 1e-20, 100_000), TwoSample.kolmogorovTail(x), 1e-10, "x = " + x);
        }
    }

    @Test
    void fishersExactTestOnATextbookTable() {
        // 1 of 10 against 11 of 14 (Fisher's tea-tasting style table): two-sided p ≈ 0.00276
        assertEquals(0.002759, TwoSample.fisher(1, 10, 11, 14), 1e-5);
        assertEquals(1.0, TwoSample.fisher(5, 10, 5, 10), 1e-12);
    }

    @Test
    void holmRejectsStepDownOnly() {
        List<TwoSample.Result> r = List.of(new TwoSample.Result("a", "", 0.001, ""),
                new TwoSample.Result("b", "", 0.012, ""), new TwoSample.Result("c", "", 0.03, ""));
        // 0.001 ≤ 0.05/3, 0.012 ≤ 0.05/2, 0.03 > 0.05/1? no: 0.03 ≤ 0.05: all three
        assertEquals(3, TwoSample.holm(r, 0.05).size());
        assertEquals(1, TwoSample.holm(r, 0.02).size(), "0.012 > 0.02/2 stops at the second");
    }
}

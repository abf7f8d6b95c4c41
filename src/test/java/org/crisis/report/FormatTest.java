package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-run seeds (README, "Reproducibility and seeds"): run {@code k} of master seed {@code m}
 * uses {@code SplitMix64(m + (k + 1)·0x9E3779B97F4A7C15)}.
 */
class SeedsTest {

    @Test
    void runKOfMasterSeedZeroGetsTheKthOutputOfSplitMix64SeededWithZero() {
        // the published first outputs of splitmix64.c (Vigna) from state 0
        assertEquals(0xE220A8397B1DCDAFL, Seeds.derive(0, 0));
        assertEquals(0x6E789E6AA1B965F4L, Seeds.derive(0, 1));
        assertEquals(0x06C45D188009454FL, Seeds.derive(0, 2));
    }

    @Test
    void theRuleIsTheDocumentedFormula() {
        long master = 42;
        long k = 7;
        long z = master + (k + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        assertEquals(z, Seeds.derive(master, k));
    }

    @Test
    void theSameMasterSeedAndIndexAlwaysGiveTheSameSeed() {
        for (long k = 0; k < 100; k++) {
            assertEquals(Seeds.derive(123456789L, k), Seeds.derive(123456789L, k));
        }
    }

    @Test
    void seedsAreDistinctAcrossIndexesAndAcrossNeighbouringMasterSeeds() {
        Set<Long> seen = new HashSet<>();
        for (long master = 0; master < 10; master++) {
            for (long k = 0; k < 10_000; k++) {
                seen.add(Seeds.derive(master, k));
            }
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void neighbouringIndexesGetUnrelatedSeeds() {
        // on average half the bits differ between the seeds of runs k and k + 1
        long differing = 0;
        int n = 10_000;
        for (long k = 0; k < n; k++) {
            differing += Long.bitCount(Seeds.derive(1, k) ^ Seeds.derive(1, k + 1));
        }
        assertEquals(32.0, differing / (double) n, 0.3);
        assertNotEquals(Seeds.derive(1, 0), Seeds.derive(2, 0));
    }
}

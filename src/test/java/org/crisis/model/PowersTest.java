package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Kept powers are the doubles Math.pow gives, in any order of asking, past the table's first size and its end. */
class PowersTest {
    @Test
    void keptPowersAreMathPowBitForBit() {
        for (double base : new double[] {0.98, 1 - 0.02 * 0.5, 0.999, 0.5, 0.0, 1.0}) {
            Powers p = new Powers(base);
            int[] order = {0, 1, 63, 64, 365, 2, 1000, 65_535, 65_536, 100_000, 364, 5000, 1};
            for (int round = 0; round < 2; round++) {
                for (int n : order) {
                    assertEquals(Double.doubleToRawLongBits(Math.pow(base, n)), Double.doubleToRawLongBits(p.of(n)),
                            base + "^" + n);
                }
            }
            for (int n = 0; n < 3000; n++) {
                assertEquals(Double.doubleToRawLongBits(Math.pow(base, n)), Double.doubleToRawLongBits(p.of(n)),
                        base + "^" + n);
            }
        }
    }
}

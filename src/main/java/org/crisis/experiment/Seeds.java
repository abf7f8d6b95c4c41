package org.crisis.experiment;

/**
 * Per-run seeds. Run {@code k} of a run set with master seed {@code m} uses
 * {@code mix(m + (k + 1) · 0x9E3779B97F4A7C15)}, where {@code mix} is the SplitMix64
 * finaliser (Steele, Lea and Flood 2014): neighbouring indexes get unrelated seeds, and the
 * same master seed and index always give the same seed, whatever the thread count.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    public static long derive(long master, long index) {
        return mix(master + (index + 1) * GOLDEN);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

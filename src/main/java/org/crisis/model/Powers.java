package org.crisis.model;

/**
 * Powers {@code base^n} of one base for whole {@code n}, each computed once by
 * {@link Math#pow} when first asked for and kept: the same doubles as calling
 * {@link Math#pow} every time, without its cost on every read of a decaying pair.
 */
final class Powers {
    /** Exponents kept at most; beyond, every call computes. */
    private static final int KEPT = 1 << 16;
    private final double base;
    private double[] table = new double[64];

    Powers(double base) {
        this.base = base;
    }

    /** {@code Math.pow(base, n)}, for {@code n ≥ 0}. */
    double of(int n) {
        double[] t = table;
        if (n >= t.length) {
            if (n >= KEPT) {
                return Math.pow(base, n);
            }
            t = java.util.Arrays.copyOf(t, Math.min(KEPT, Math.max(n + 1, 2 * t.length)));
            table = t;
        }
        double x = t[n];
        if (x == 0) { // not yet computed (or a power that is 0, computed again)
            x = Math.pow(base, n);
            t[n] = x;
        }
        return x;
    }
}

package org.crisis.experiment;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The point sets of the designs, as coordinates in the unit cube (docs/SWEEPS.md,
 * "Designs"). Random draws come from the generator passed in, which the sweep seeds from
 * its master seed, so a design is the same every time it is built.
 */
public final class Designs {
    /** Largest dimension of Commons Math's Sobol generator; Saltelli's scheme needs 2·d. */
    public static final int MAX_SOBOL_DIMENSIONS = 1000;

    private Designs() {}

    /**
     * Full factorial over {@code levels[i]} levels of each factor, the first factor varying
     * slowest (as nested loops in file order). Level j of k sits at u = (j + 0.5) / k.
     */
    public static DesignPoints grid(int[] levels) {
        long count = 1;
        for (int k : levels) {
            count *= k;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("grid of more than " + Integer.MAX_VALUE + " points");
            }
        }
        int d = levels.length;
        double[] u = new double[(int) count * d];
        for (int p = 0; p < count; p++) {
            int rest = p;
            for (int i = d - 1; i >= 0; i--) {
                int j = rest % levels[i];
                rest /= levels[i];
                u[p * d + i] = (j + 0.5) / levels[i];
            }
        }
        return new DesignPoints((int) count, d, u);
    }

    /** {@code n} independent uniform points. */
    public static DesignPoints random(int n, int d, MersenneTwisterFast random) {
        double[] u = new double[n * d];
        for (int k = 0; k < u.length; k++) {
            u[k] = random.nextDouble();
        }
        return new DesignPoints(n, d, u);
    }

    /**
     * Latin hypercube (McKay, Beckman and Conover 1979): for each factor the n points fall one
     * in each stratum [j/n, (j+1)/n), in a random order, uniformly within the stratum.
     */
    public static DesignPoints lhs(int n, int d, MersenneTwisterFast random) {
        double[] u = new double[n * d];
        int[] order = new int[n];
        for (int i = 0; i < d; i++) {
            permutation(order, random);
            for (int p = 0; p < n; p++) {
                u[p * d + i] = (order[p] + random.nextDouble()) / n;
            }
        }
        return new DesignPoints(n, d, u);
    }

    /**
     * Saltelli's (2010) sampling scheme on a 2d-dimensional Sobol sequence (Commons Math,
     * Joe-Kuo direction numbers): the points from index 2^m on, for the least power of two 2^m
     * at least n (the sequence's first points are the origin and the centre, and a block of 2^m
     * from a multiple of 2^m is as evenly stratified as the first), give matrices A (the first d
     * coordinates) and B (the last d); B's rows are then paired with A's in an order drawn from
     * {@code random}. Without that draw, coordinates i and d + i of the sequence share their
     * first direction numbers, so at small n a factor took the same value in A_j and B_j in
     * every row and its indices came out as exactly 0. Base row j's d + 2 points are stored
     * together, at {@code j·(d+2) + k}: k = 0 is A_j, k = 1..d is A_j with factor k−1 taken from
     * B_j (A_B^(k−1)), and k = d + 1 is B_j. Use a power of two for n.
     */
    public static DesignPoints saltelli(int n, int d, MersenneTwisterFast random) {
        if (2 * d > MAX_SOBOL_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol design supports at most " + MAX_SOBOL_DIMENSIONS / 2 + " factors");
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        for (int skip = Integer.highestOneBit(Math.max(1, n - 1)) << 1; skip > 0; skip--) {
            sobol.nextVector(); // (Commons Math's skipTo(k) leaves the next point at k + 1, not k)
        }
        double[][] v = new double[n][];
        for (int j = 0; j < n; j++) {
            v[j] = sobol.nextVector();
        }
        int[] pairedWith = new int[n];
        permutation(pairedWith, random);
        int stride = d + 2;
        double[] u = new double[n * stride * d];
        for (int j = 0; j < n; j++) {
            double[] a = v[j];
            double[] b = v[pairedWith[j]];
            int row = j * stride;
            for (int k = 0; k < stride; k++) {
                for (int i = 0; i < d; i++) {
                    boolean fromB = k == d + 1 || k == i + 1;
                    u[(row + k) * d + i] = fromB ? b[d + i] : a[i];
                }
            }
        }
        return new DesignPoints(n * stride, d, u);
    }

    /**
     * Morris (1991) trajectories on a grid of {@code p} levels {0, 1/(p−1), …, 1} with step
     * Δ = p / (2(p − 1)): each trajectory starts at a random grid point and moves one factor
     * at a time, in a random order, by +Δ or −Δ (whichever stays in [0, 1]; with p even
     * exactly one does). Trajectory t occupies points {@code t·(d+1) .. t·(d+1)+d}.
     */
    public static DesignPoints morris(int r, int d, int p, MersenneTwisterFast random) {
        if (p < 2 || p % 2 != 0) {
            throw new IllegalArgumentException("Morris levels must be even and at least 2, found " + p);
        }
        double delta = morrisDelta(p);
        int stride = d + 1;
        double[] u = new double[r * stride * d];
        int[] order = new int[d];
        double[] x = new double[d];
        for (int t = 0; t < r; t++) {
            for (int i = 0; i < d; i++) {
                x[i] = random.nextInt(p) / (double) (p - 1);
                order[i] = i;
            }
            for (int j = d - 1; j > 0; j--) {
                int k = random.nextInt(j + 1);
                int tmp = order[j];
                order[j] = order[k];
                order[k] = tmp;
            }
            int base = t * stride;
            System.arraycopy(x, 0, u, base * d, d);
            for (int s = 0; s < d; s++) {
                int i = order[s];
                x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
                x[i] = Math.min(1, Math.max(0, x[i]));
                System.arraycopy(x, 0, u, (base + s + 1) * d, d);
            }
        }
        return new DesignPoints(r * stride, d, u);
    }

    /** Morris step Δ = p / (2(p − 1)) for p levels. */
    public static double morrisDelta(int p) {
        return p / (2.0 * (p - 1));
    }

    /** Fills {@code order} with a random permutation of 0 .. length − 1 (Fisher–Yates). */
    private static void permutation(int[] order, MersenneTwisterFast random) {
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        for (int j = order.length - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            int t = order[j];
            order[j] = order[k];
            order[k] = t;
        }
    }
}

package org.crisis.observe;

import ec.util.MersenneTwisterFast;
import org.crisis.model.World;

/**
 * Structural balance of the signed network of affinities: the share of triads whose three
 * signs multiply to a positive number (Heider; Cartwright and Harary). Pairs of zero
 * affinity carry no sign, and triads with one are skipped. Above {@link #EXACT_LIMIT}
 * countries a fixed-size sample of triads is drawn, with its own generator so the run's
 * stream is untouched.
 */
public final class Polarisation {
    static final int EXACT_LIMIT = 60;
    static final int SAMPLE = 20_000;

    private Polarisation() {}

    public static double balancedShare(World w, long seed) {
        int n = w.countries().size();
        if (n < 3) {
            return Double.NaN;
        }
        long balanced = 0;
        long counted = 0;
        if (n <= EXACT_LIMIT) {
            int[][] sign = new int[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int s = (int) Math.signum(w.affinity(i, j));
                    sign[i][j] = s;
                    sign[j][i] = s;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (sign[i][j] == 0) {
                        continue;
                    }
                    for (int k = j + 1; k < n; k++) {
                        int p = sign[i][j] * sign[j][k] * sign[i][k];
                        if (p != 0) {
                            counted++;
                            if (p > 0) {
                                balanced++;
                            }
                        }
                    }
                }
            }
        } else {
            MersenneTwisterFast r = new MersenneTwisterFast(seed);
            for (int t = 0; t < SAMPLE; t++) {
                int i = r.nextInt(n);
                int j = r.nextInt(n);
                int k = r.nextInt(n);
                if (i == j || j == k || i == k) {
                    continue;
                }
                double p = Math.signum(w.affinity(i, j)) * Math.signum(w.affinity(j, k)) * Math.signum(w.affinity(i, k));
                if (p != 0) {
                    counted++;
                    if (p > 0) {
                        balanced++;
                    }
                }
            }
        }
        return counted == 0 ? Double.NaN : balanced / (double) counted;
    }
}

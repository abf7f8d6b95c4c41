package org.crisis.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's (1979) step-down adjustment of p-values for testing many hypotheses at once, which
 * keeps the chance of any false rejection among them (the family-wise error rate) at the level
 * chosen, whatever their dependence, and rejects at least as many as Bonferroni. As R's
 * {@code p.adjust(p, "holm")}: with the m p-values sorted, p₍ᵢ₎ becomes the largest of
 * (m − j + 1) p₍ⱼ₎ for j ≤ i, at most 1; an adjusted value below α rejects its hypothesis.
 * A missing p-value (NaN: a hypothesis with nothing to test) stays missing and does not count
 * in m.
 *
 * <pre>{@code
 * Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});   // {0.03, 0.06, 0.06, 0.02}
 * }</pre>
 */
public final class Holm {
    private Holm() {}

    /** The adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Arrays.sort(order, 0, m, Comparator.comparingDouble(i -> p[i]));
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            out[order[k]] = running;
        }
        return out;
    }
}

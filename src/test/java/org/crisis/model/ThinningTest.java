package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Discrete thinning (docs/MODEL.md 3.11) on daily probabilities known in closed form: the
 * first day of the event sampled through windows and bounds has the distribution of a
 * day-by-day draw, {@code P(T = t) = p(t)·∏_{u<t}(1 − p(u))}, whatever the windows and however
 * loose the bounds.
 */
class ThinningTest {
    private static final int DRAWS = 40_000;
    private static final int LAST = 119;

    /** A rate with windows of a fixed length and, over each, a bound {@code slack} times the largest p. */
    private static Thinning.Rate rate(IntToDoubleFunction p, int window, double slack) {
        return new Thinning.Rate() {
            @Override
            public double p(int t) {
                return p.applyAsDouble(t);
            }

            @Override
            public int windowEnd(int t) {
                return t + window - 1;
            }

            @Override
            public double bound(int from, int to) {
                double max = 0;
                for (int t = from; t <= to; t++) {
                    max = Math.max(max, p.applyAsDouble(t));
                }
                return Math.min(1, max * slack);
            }
        };
    }

    /** The day-by-day law of the first day in [0, LAST], and "never" in the last cell. */
    private static double[] law(IntToDoubleFunction p) {
        double[] f = new double[LAST + 2];
        double survive = 1;
        for (int t = 0; t <= LAST; t++) {
            f[t] = survive * p.applyAsDouble(t);
            survive *= 1 - p.applyAsDouble(t);
        }
        f[LAST + 1] = survive;
        return f;
    }

    /** Chi-square goodness of fit of first days sampled by thinning to the law, cells pooled to expected counts of 5 or more. */
    private static double fit(Thinning.Rate rate, IntToDoubleFunction p, long seed) {
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        long[] observed = new long[LAST + 2];
        for (int k = 0; k < DRAWS; k++) {
            int t = Thinning.firstDay(rate, 0, LAST, random);
            observed[t < 0 ? LAST + 1 : t]++;
        }
        double[] law = law(p);
        List<double[]> cells = new ArrayList<>();
        double e = 0;
        long o = 0;
        for (int t = 0; t < law.length; t++) {
            e += law[t] * DRAWS;
            o += observed[t];
            if (e >= 5) {
                cells.add(new double[] {e, o});
                e = 0;
                o = 0;
            }
        }
        if (e > 0 || o > 0) {
            double[] lastCell = cells.get(cells.size() - 1);
            lastCell[0] += e;
            lastCell[1] += o;
        }
        double[] expected = cells.stream().mapToDouble(c -> c[0]).toArray();
        long[] counts = cells.stream().mapToLong(c -> (long) c[1]).toArray();
        return new ChiSquareTest().chiSquareTest(expected, counts);
    }

    @Test
    void aConstantProbabilityGivesAGeometricWaitingTime() {
        IntToDoubleFunction p = t -> 0.03;
        for (int window : new int[] {1, 7, 1000}) {
            for (double slack : new double[] {1, 3}) {
                double pValue = fit(rate(p, window, slack), p, 17 + window);
                assertTrue(pValue > 1e-3, "window " + window + ", bound " + slack + "·p: p = " + pValue);
            }
        }
    }

    @Test
    void aDecayingProbabilityMatchesTheProductFormula() {
        IntToDoubleFunction p = t -> 0.2 * Math.pow(0.96, t);
        for (int window : new int[] {1, 5, 40}) {
            double pValue = fit(rate(p, window, 1.5), p, 31 + window);
            assertTrue(pValue > 1e-3, "window " + window + ": p = " + pValue);
        }
    }

    @Test
    void aRisingProbabilityWithAJumpAndDaysOfZeroMatchesTheProductFormula() {
        // zero at first, rising, then a jump down (reciprocity ending) and up again
        IntToDoubleFunction p = t -> t < 10 ? 0 : t < 60 ? 0.001 * Math.pow(1.08, t - 10) : 0.004 + 0.0002 * (t - 60);
        for (int window : new int[] {3, 25}) {
            double pValue = fit(rate(p, window, 1), p, 53 + window);
            assertTrue(pValue > 1e-3, "window " + window + ": p = " + pValue);
        }
    }

    @Test
    void theTestHasThePowerToTellAWrongLawApart() {
        // the same draws against the law of a probability 10 % higher are rejected
        IntToDoubleFunction p = t -> 0.03;
        IntToDoubleFunction wrong = t -> 0.033;
        assertTrue(fit(rate(p, 7, 2), wrong, 99) < 1e-6);
    }

    @Test
    void aBoundBelowTheProbabilityIsRefused() {
        Thinning.Rate broken = rate(t -> 0.5, 10, 0.5);
        assertThrows(IllegalStateException.class, () -> Thinning.firstDay(broken, 0, LAST, new MersenneTwisterFast(1)));
    }

    @Test
    void geometricFailuresInvertTheUniform() {
        assertEquals(0, Thinning.failures(1, 0.3));
        assertEquals(0, Thinning.failures(0.5, 1.0), "u = 1: no failure");
        assertEquals(0, Thinning.failures(0.5, 0.5000001));
        assertEquals(1, Thinning.failures(0.5, 0.5), "P(k ≥ 1) = 1 − p: u ≤ 0.5 fails at least once");
        assertEquals(Integer.MAX_VALUE, Thinning.failures(1e-300, 0.5));
    }
}

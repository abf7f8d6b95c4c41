package org.crisis.model;

import ec.util.MersenneTwisterFast;

/**
 * Discrete thinning (docs/MODEL.md 3.11): to sample the first day on which an event of
 * daily probability {@code p(t)} happens, when {@code p(t) ≤ p̄} over a window, draw the
 * days of a Bernoulli process of rate {@code p̄} (geometric gaps) and keep a candidate day
 * {@code t} with probability {@code p(t)/p̄}. Each day then happens with probability
 * {@code p̄·p(t)/p̄ = p(t)}, independently of the others, as in a day-by-day draw.
 */
public final class Thinning {
    private Thinning() {}

    /**
     * Days without the event before the first day with it, in a Bernoulli process of rate
     * {@code p}: geometric, {@code P(k) = (1 − p)^k·p}, by inversion of {@code u} uniform on
     * (0, 1]. Saturates at {@link Integer#MAX_VALUE}.
     */
    public static int failures(double p, double u) {
        if (p >= 1) {
            return 0;
        }
        double k = Math.floor(Math.log(u) / Math.log1p(-p));
        return k >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) k;
    }

    /** {@link #failures(double, double)} with a uniform of {@code random}. */
    public static int failures(double p, MersenneTwisterFast random) {
        return failures(p, 1 - random.nextDouble());
    }

    /** A daily probability and its bound over windows, for {@link #firstDay}. */
    public interface Rate {
        /** The probability of the event on day {@code t}. */
        double p(int t);

        /** The last day of a window starting on {@code t}, over which {@link #bound(int, int)} holds. */
        int windowEnd(int t);

        /** An upper bound of {@code p} over the days {@code [from, to]}. */
        double bound(int from, int to);
    }

    /**
     * The first day in {@code [from, last]} on which the event happens, or -1: windows of
     * {@code rate}, candidates at geometric gaps under each window's bound, each kept with
     * the ratio of the day's probability to the bound. The loop the model's sampler runs,
     * written once without a model for tests.
     */
    public static int firstDay(Rate rate, int from, int last, MersenneTwisterFast random) {
        int t = from;
        while (t <= last) {
            int end = Math.min(last, rate.windowEnd(t));
            double bound = rate.bound(t, end);
            if (bound > 0) {
                int c = t;
                while (true) {
                    int k = failures(bound, random);
                    if (k > end - c) {
                        break;
                    }
                    c += k;
                    double p = rate.p(c);
                    if (p > bound) {
                        throw new IllegalStateException("bound " + bound + " below p(" + c + ") = " + p);
                    }
                    if (random.nextDouble() * bound < p) {
                        return c;
                    }
                    c++;
                }
            }
            t = end + 1;
        }
        return -1;
    }
}

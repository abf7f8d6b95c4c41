package org.crisis.model;

import java.util.ArrayList;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * When each side of each pair decides (docs/MODEL.md 3.11). The day-by-day rule asks every
 * side with business every day, and nearly every answer is to hold. Between two touches of a
 * pair its state changes only by known decay and known ends of terms, so the probability that
 * a side acts on a day is a known function of the day; this samples the days on which it may
 * act by discrete thinning ({@link Thinning}): windows over which {@link Decision#bound}
 * bounds that probability, candidate days at geometric gaps under the bound, and at a
 * candidate the day's true probability, accepted with the ratio. A side's candidate is an
 * entry ({@link Turn}) on the run's MASON schedule; anything that touches the pair (every
 * change goes through {@link World#touch}) samples both its sides again.
 *
 * <p>Within a day, a pair's two sides decide in the order of their countries in the day's
 * random order of countries. That order is read from a key per country and day, a
 * SplitMix64 hash of a salt drawn from the run's generator: consistent across all pairs of
 * the day, as the day-by-day shuffle is, without drawing the order of countries that do not
 * decide.
 */
final class Sampler {
    static final int NEVER = Integer.MAX_VALUE;
    /** Length of a side's first window; later ones start from the length that suited the last. */
    static final int FIRST_WINDOW = 8;
    /**
     * How loose a window's bound may be: the expected number of candidates it draws beyond
     * those its lower estimate accounts for. Any bound is exact; this only trades draws of
     * candidates against computing bounds.
     */
    private static final double SLACK = 0.5;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final World w;
    private final Decision decision;
    private final Relations relations;
    final Agenda agenda;
    /** The last day of the horizon. */
    private final int lastDay;
    private final long salt;
    private final ArrayList<Dyad> dirty = new ArrayList<>();
    /** Work done, for benchmarks: candidate days tried, acts, windows bounded, bounds computed. */
    long candidates;
    long acts;
    long windows;
    long bounds;

    /**
     * A side's sampling state and its entry on the schedule: its turn on a day on which it
     * may act. One object per side, reused for every entry.
     */
    final class Turn implements Steppable {
        private static final long serialVersionUID = 1L;
        final Dyad d;
        final int side;
        /** The next day the side may act (a candidate of the thinning), or {@link #NEVER}. */
        int due = NEVER;
        /** The bound p̄ of the window the candidate lies in, its last day, and its length (a hint for the next). */
        double bound;
        int windowEnd;
        int windowLength = FIRST_WINDOW;
        /** The day of this side's entry on the schedule, or {@link #NEVER}. */
        int entryDay = NEVER;

        Turn(Dyad d, int side) {
            this.d = d;
            this.side = side;
        }

        @Override
        public void step(SimState state) {
            fire(this, agenda.today());
        }
    }

    Sampler(World w, Agenda agenda, int days) {
        this.w = w;
        this.decision = w.decision;
        this.relations = w.relations;
        this.agenda = agenda;
        this.lastDay = days - 1;
        this.salt = w.random.nextLong();
    }

    /** The pair changed: its sides are sampled again at the end of the phase. */
    void touch(Dyad d) {
        if (!d.dirty) {
            d.dirty = true;
            dirty.add(d);
        }
    }

    /** The sides of {@code d}, created at its first sampling. */
    private Turn[] turns(Dyad d) {
        Turn[] t = d.turns;
        if (t == null) {
            t = new Turn[] {new Turn(d, 0), new Turn(d, 1)};
            d.turns = t;
        }
        return t;
    }

    /** Samples again both sides of every pair touched, from day {@code from} on. */
    void flush(int from) {
        for (int k = 0, n = dirty.size(); k < n; k++) {
            Dyad d = dirty.get(k);
            d.dirty = false;
            if (d.turns == null && (from > lastDay || !relations.hasBusinessOn(d, from))) {
                continue; // never sampled, and no business: nothing can be on the schedule
            }
            Turn[] t = turns(d);
            sample(t[0], from);
            sample(t[1], from);
            post(t[0]);
            post(t[1]);
        }
        dirty.clear();
    }

    /** The order of the two sides of {@code d} on {@code day}: the side whose country comes first. */
    private int first(Dyad d, int day) {
        long n = w.countries.size();
        long ka = mix(salt + ((long) day * n + d.a + 1) * GOLDEN);
        long kb = mix(salt + ((long) day * n + d.b + 1) * GOLDEN);
        return ka <= kb ? 0 : 1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A turn comes up: if it is the side's current candidate, the pair's sides take their turns of the day. */
    private void fire(Turn t, int day) {
        if (t.entryDay != day) {
            return; // an entry left behind by an earlier sampling
        }
        t.entryDay = NEVER;
        if (t.due != day) {
            post(t); // its candidate moved later
            return;
        }
        w.setDay(day);
        decide(t.d, day);
    }

    /**
     * The pair's decisions of the day, in the order of its countries: each side whose
     * candidate is today takes its trial; an act samples the other side again, from today if
     * its turn is still to come, else from tomorrow.
     */
    private void decide(Dyad d, int day) {
        Turn[] turns = d.turns;
        int first = first(d, day);
        for (int k = 0; k < 2; k++) {
            Turn t = turns[k == 0 ? first : 1 - first];
            if (t.due != day) {
                continue;
            }
            candidates++;
            if (trial(t, day)) {
                acts++;
                // an act touches only its own pair in this phase
                assert dirty.size() == 1 && dirty.get(0) == d : dirty;
                dirty.clear();
                d.dirty = false;
                sample(t, day + 1);
                sample(turns[1 - t.side], k == 0 ? day : day + 1);
            } else {
                advance(t, day + 1);
            }
        }
        post(turns[0]);
        post(turns[1]);
    }

    /** A side's trial on a candidate day: acts with probability p(t)/p̄; returns whether it acted. */
    private boolean trial(Turn t, int day) {
        Dyad d = t.d;
        int s = t.side;
        Country i = w.countries.get(s == 0 ? d.a : d.b);
        relations.catchUp(d);
        if (!relations.hasBusiness(d, day) || !decision.weigh(i, d, s)) {
            return false;
        }
        double p = decision.actProbability();
        assert p <= t.bound : "p = " + p + " above its bound " + t.bound + " on day " + day;
        double u = w.random.nextDouble() * t.bound;
        if (u >= p) {
            return false;
        }
        decision.act(i, d, s, u); // u is uniform on [0, p)
        return true;
    }

    /** After a candidate day that ended without an act: the next candidate of the same window, or of later ones. */
    private void advance(Turn t, int from) {
        if (from <= t.windowEnd && draw(t, from)) {
            return;
        }
        sample(t, Math.max(from, t.windowEnd + 1));
    }

    /** Samples the side's next candidate day from {@code from} on, window by window. */
    private void sample(Turn t, int from) {
        int day = from;
        while (day <= lastDay && relations.hasBusinessOn(t.d, day)) { // business, once over, stays over until a touch
            window(t, day);
            if (draw(t, day)) {
                return;
            }
            day = t.windowEnd + 1;
        }
        t.due = NEVER;
    }

    /** A candidate at a geometric gap from {@code from} under the window's bound; false if past the window. */
    private boolean draw(Turn t, int from) {
        double bound = t.bound;
        if (bound <= 0) {
            return false;
        }
        int k = Thinning.failures(bound, w.random);
        if (k > t.windowEnd - from) {
            return false;
        }
        t.due = from + k;
        return true;
    }

    /**
     * The window of a side from {@code t0} and its bound: cut where a mediation ends (where
     * the probability jumps and the daily factor changes); as long as its bound stays within
     * {@link #SLACK} expected candidates of the lower estimate, starting from the length that
     * suited the side's last window. A window whose bound is 0 (holding is certain) is taken
     * as long as it stays so.
     */
    private void window(Turn t, int t0) {
        windows++;
        Dyad d = t.d;
        int last = t0 < d.mediationUntil && d.mediationUntil - 1 < lastDay ? d.mediationUntil - 1 : lastDay;
        decision.startWindow(w.countries.get(t.side == 0 ? d.a : d.b), d, t.side, t0);
        int max = last - t0 + 1;
        int len = Math.min(max, t.windowLength);
        double p = bound(len);
        int hint = len;
        if (p == 0) {
            if (len < max && bound(max) == 0) {
                len = max; // holding is certain all the way
            }
        } else if (!loose(p, len)) {
            double slack = (p - decision.lowEstimate) * len;
            if (len < max && p * len <= SMALL) { // few candidates expected: perhaps all the way at once
                double q = bound(max);
                if (!loose(q, max)) {
                    len = max;
                    p = q;
                } else {
                    // else as far as the bound stays tight enough, doubling
                    while (len < max) {
                        int longer = (int) Math.min(max, 2L * len);
                        q = bound(longer);
                        if (loose(q, longer)) {
                            break;
                        }
                        len = longer;
                        p = q;
                    }
                }
            }
            hint = slack < SLACK / 4 ? 2 * len : len;
        } else {
            while (len > 1) {
                len = Math.max(1, len / 2);
                p = bound(len);
                if (!loose(p, len)) {
                    break;
                }
            }
            hint = len;
        }
        t.windowLength = Math.max(1, Math.min(hint, 1 << 20));
        t.windowEnd = t0 + len - 1;
        t.bound = p;
    }

    /** Expected candidates in a window below which it is worth trying to reach further. */
    private static final double SMALL = 0.05;

    private double bound(int len) {
        bounds++;
        return decision.bound(len);
    }

    private boolean loose(double p, int len) {
        return (p - decision.lowEstimate) * len > SLACK;
    }

    /** Puts the side's candidate on the schedule, unless an entry at or before it is already there. */
    private void post(Turn t) {
        int due = t.due;
        if (due == NEVER || t.entryDay <= due) {
            return;
        }
        t.entryDay = due;
        agenda.decisions(due, t);
    }
}

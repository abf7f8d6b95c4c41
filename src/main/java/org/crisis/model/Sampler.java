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

    /** A side's entry on the schedule: its turn on a day on which it may act. */
    final class Turn implements Steppable {
        private static final long serialVersionUID = 1L;
        final Dyad d;
        final int side;

        Turn(Dyad d, int side) {
            this.d = d;
            this.side = side;
        }

        @Override
        public void step(SimState state) {
            fire(d, side, agenda.today());
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

    /** Samples again both sides of every pair touched, from day {@code from} on. */
    void flush(int from) {
        for (int k = 0, n = dirty.size(); k < n; k++) {
            Dyad d = dirty.get(k);
            d.dirty = false;
            sample(d, 0, from);
            sample(d, 1, from);
            post(d, 0);
            post(d, 1);
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
    private void fire(Dyad d, int s, int day) {
        if (d.entryDay[s] != day) {
            return; // an entry left behind by an earlier sampling
        }
        d.entryDay[s] = NEVER;
        if (d.due[s] != day) {
            post(d, s); // its candidate moved later
            return;
        }
        w.setDay(day);
        decide(d, day);
    }

    /**
     * The pair's decisions of the day, in the order of its countries: each side whose
     * candidate is today takes its trial; an act samples the other side again, from today if
     * its turn is still to come, else from tomorrow.
     */
    private void decide(Dyad d, int day) {
        int first = first(d, day);
        for (int k = 0; k < 2; k++) {
            int s = k == 0 ? first : 1 - first;
            if (d.due[s] != day) {
                continue;
            }
            candidates++;
            if (trial(d, s, day)) {
                acts++;
                // an act touches only its own pair in this phase
                assert dirty.size() == 1 && dirty.get(0) == d : dirty;
                dirty.clear();
                d.dirty = false;
                sample(d, s, day + 1);
                sample(d, 1 - s, k == 0 ? day : day + 1);
            } else {
                advance(d, s, day + 1);
            }
        }
        post(d, 0);
        post(d, 1);
    }

    /** Side {@code s}'s trial on a candidate day: acts with probability p(t)/p̄; returns whether it acted. */
    private boolean trial(Dyad d, int s, int day) {
        Country i = w.countries.get(s == 0 ? d.a : d.b);
        relations.catchUp(d);
        if (!relations.hasBusiness(d, day) || !decision.weigh(i, d, s)) {
            return false;
        }
        double p = decision.actProbability();
        double bound = d.bound[s];
        assert p <= bound : "p = " + p + " above its bound " + bound + " on day " + day;
        double u = w.random.nextDouble() * bound;
        if (u >= p) {
            return false;
        }
        decision.act(i, d, s, u); // u is uniform on [0, p)
        return true;
    }

    /** After a candidate day that ended without an act: the next candidate of the same window, or of later ones. */
    private void advance(Dyad d, int s, int from) {
        if (from <= d.windowEnd[s] && draw(d, s, from)) {
            return;
        }
        sample(d, s, Math.max(from, d.windowEnd[s] + 1));
    }

    /** Samples side {@code s}'s next candidate day from {@code from} on, window by window. */
    private void sample(Dyad d, int s, int from) {
        int t = from;
        while (t <= lastDay && relations.hasBusinessOn(d, t)) { // business, once over, stays over until a touch
            window(d, s, t);
            if (draw(d, s, t)) {
                return;
            }
            t = d.windowEnd[s] + 1;
        }
        d.due[s] = NEVER;
    }

    /** A candidate at a geometric gap from {@code from} under the window's bound; false if past the window. */
    private boolean draw(Dyad d, int s, int from) {
        double bound = d.bound[s];
        if (bound <= 0) {
            return false;
        }
        int k = Thinning.failures(bound, w.random);
        if (k > d.windowEnd[s] - from) {
            return false;
        }
        d.due[s] = from + k;
        return true;
    }

    /**
     * The window of side {@code s} from {@code t0} and its bound: cut where reciprocity
     * (either way) or a mediation ends, where the probability jumps; and as long as its bound
     * stays within {@link #SLACK} expected candidates of the lower estimate, starting from the
     * length that suited the side's last window. A window whose bound is 0 (holding is certain)
     * is taken as long as it stays so.
     */
    private void window(Dyad d, int s, int t0) {
        windows++;
        int last = lastDay;
        last = cut(last, t0, d.lastEscalation[1 - s] + w.memory); // last day of reciprocity against s
        last = cut(last, t0, d.lastEscalation[s] + w.memory); // and of the other's
        last = cut(last, t0, d.mediationUntil - 1);
        Country i = w.countries.get(s == 0 ? d.a : d.b);
        decision.startWindow(i, d, s, t0);
        int max = last - t0 + 1;
        int len = Math.min(max, d.windowLength[s]);
        double p = bound(len);
        if (p == 0) {
            if (len < max && bound(max) == 0) {
                len = max;
            }
        } else if (!loose(p, len)) {
            if (len < max) { // longer: the rest of the way at once, else twice as long
                double q = bound(max);
                if (!loose(q, max)) {
                    len = max;
                    p = q;
                } else {
                    int longer = (int) Math.min(max, 2L * len);
                    q = bound(longer);
                    if (!loose(q, longer)) {
                        len = longer;
                        p = q;
                    }
                }
            }
        } else {
            while (len > 1) {
                len = Math.max(1, len / 2);
                p = bound(len);
                if (!loose(p, len)) {
                    break;
                }
            }
        }
        d.windowLength[s] = Math.max(len, FIRST_WINDOW / 2);
        d.windowEnd[s] = t0 + len - 1;
        d.bound[s] = p;
    }

    /** {@code last}, or the day {@code end} if the window from {@code t0} reaches it first. */
    private static int cut(int last, int t0, int end) {
        return t0 <= end && end < last ? end : last;
    }

    private double bound(int len) {
        bounds++;
        return decision.bound(len);
    }

    private boolean loose(double p, int len) {
        return (p - decision.lowEstimate) * len > SLACK;
    }

    /** Puts side {@code s}'s candidate on the schedule, unless an entry at or before it is already there. */
    private void post(Dyad d, int s) {
        int due = d.due[s];
        if (due == NEVER || d.entryDay[s] <= due) {
            return;
        }
        if (d.turns == null) {
            d.turns = new Turn[] {new Turn(d, 0), new Turn(d, 1)};
        }
        d.entryDay[s] = due;
        agenda.decisions(due, d.turns[s]);
    }
}

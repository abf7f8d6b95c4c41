package org.crisis.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs of the world: created when first touched, so untouched pairs cost nothing,
 * and an active set of the pairs with business (docs/MODEL.md 3.4), the only ones the daily
 * phases visit. A pair leaves the active set when its business ends and catches up on the
 * decay it missed when it comes back.
 */
final class Relations {
    private final World w;
    private final double decay;
    /** Daily decay of grievance at DOWNGRADED or below: without ambassadors, less talk heals less (section 3.3). */
    private final double lowDecay;
    private final int memory;
    private final double businessFloor;
    private final Map<Long, Dyad> byKey = new HashMap<>();
    /** Dyads ever touched, in the order they were touched (deterministic). */
    final List<Dyad> touched = new ArrayList<>();
    private final ArrayList<Dyad> active = new ArrayList<>();

    Relations(World w, Parameters p) {
        this.w = w;
        this.decay = p.get(Parameter.GRIEVANCE_DECAY);
        this.lowDecay = decay * p.get(Parameter.LOW_LEVEL_DECAY);
        this.memory = (int) p.get(Parameter.MEMORY);
        this.businessFloor = p.get(Parameter.BUSINESS_FLOOR);
    }

    private long key(int i, int j) {
        long n = w.countries.size();
        return i < j ? i * n + j : j * n + i;
    }

    Dyad existing(int i, int j) {
        return byKey.get(key(i, j));
    }

    /** The pair's relation, created at {@code level} with no grievance or trade if never touched. */
    Dyad getOrCreate(int i, int j, Level level) {
        Dyad d = byKey.get(key(i, j));
        if (d == null) {
            d = new Dyad(touched.size(), Math.min(i, j), Math.max(i, j), level.ordinal());
            w.affinity.refresh(d);
            d.decayedThrough = w.day - 1;
            byKey.put(key(i, j), d);
            touched.add(d);
            w.countries.get(d.a).dyads.add(d);
            w.countries.get(d.b).dyads.add(d);
            activate(d);
            w.relationCreated(d);
        }
        return d;
    }

    /** Brings a dyad into the active set, applying the decay it missed while out of it. */
    void activate(Dyad d) {
        if (d.active) {
            return;
        }
        catchUp(d);
        d.active = true;
        d.indexInActive = active.size();
        active.add(d);
        w.countries.get(d.a).active.add(d);
        w.countries.get(d.b).active.add(d);
    }

    /** Applies to an inactive dyad the daily decay of the days it spent out of the active set. */
    void catchUp(Dyad d) {
        int missed = w.day - 1 - d.decayedThrough;
        if (!d.active && missed > 0) {
            double keep = Math.pow(1 - decay, missed);
            double keepGrievance = d.level < Level.NORMAL.ordinal() ? Math.pow(1 - lowDecay, missed) : keep;
            d.grievance[0] *= keepGrievance;
            d.grievance[1] *= keepGrievance;
            d.condemnation[0] *= keep;
            d.condemnation[1] *= keep;
            d.decayedThrough = w.day - 1;
        }
    }

    private void deactivate(Dyad d) {
        d.active = false;
        Dyad last = active.remove(active.size() - 1);
        if (last != d) {
            active.set(d.indexInActive, last);
            last.indexInActive = d.indexInActive;
        }
        d.indexInActive = -1;
        w.countries.get(d.a).active.remove(d);
        w.countries.get(d.b).active.remove(d);
    }

    boolean hasBusiness(Dyad d, int day) {
        return d.hasBusiness(day, memory, businessFloor);
    }

    /** Grievance and condemnation fade (section 3.3); dyads whose business has ended leave the active set. */
    void decay() {
        double keep = 1 - decay;
        double keepLow = 1 - lowDecay;
        for (int k = active.size() - 1; k >= 0; k--) {
            Dyad d = active.get(k);
            double keepGrievance = d.level < Level.NORMAL.ordinal() ? keepLow : keep;
            d.grievance[0] *= keepGrievance;
            d.grievance[1] *= keepGrievance;
            d.condemnation[0] *= keep;
            d.condemnation[1] *= keep;
            d.decayedThrough = w.day;
            if (!d.pinned && !d.hasBusiness(w.day + 1, memory, businessFloor)) {
                deactivate(d);
            }
        }
    }

    int activeCount() {
        return active.size();
    }
}

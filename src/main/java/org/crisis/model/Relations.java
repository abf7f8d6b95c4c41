package org.crisis.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of the world, created when first touched, so that untouched pairs cost nothing
 * (docs/MODEL.md 3.4). Grievance and condemnation decay, and mediations work, every day
 * (3.3, 3.9); between two changes of a pair that is a known geometric factor, so each pair
 * stores its values as of a day and the factor of the days since is applied when it is read
 * ({@link #catchUp}): no daily sweep visits the pairs.
 */
final class Relations {
    private final World w;
    private final double keep;
    /** Daily keep of grievance at DOWNGRADED or below, {@code 1 − ω·δ} (section 3.3). */
    private final double keepLow;
    private final double efficacy;
    private final int memory;
    private final double businessFloor;
    /** Pairs by key: in a small world a table of n² slots, else a hash map; built for {@code indexedFor} countries. */
    private Dyad[] dense;
    private DyadMap byKey;
    private int indexedFor = -1;
    /** Up to this many countries the table (n² references: 256 KiB at 256) beats hashing keys. */
    private static final int DENSE_UP_TO = 256;
    /** Dyads ever touched, in the order they were touched (deterministic). */
    final List<Dyad> touched = new ArrayList<>();

    Relations(World w, Parameters p) {
        this.w = w;
        this.keep = 1 - p.get(Parameter.GRIEVANCE_DECAY);
        this.keepLow = 1 - p.get(Parameter.GRIEVANCE_DECAY) * p.get(Parameter.LOW_LEVEL_DECAY);
        this.efficacy = p.get(Parameter.MEDIATION_EFFICACY);
        this.memory = (int) p.get(Parameter.MEMORY);
        this.businessFloor = p.get(Parameter.BUSINESS_FLOOR);
        this.keepPowers = new Powers(keep);
        this.lowPowers = new Powers(keepLow);
    }

    private long key(int i, int j) {
        long n = w.countries.size();
        return i < j ? i * n + j : j * n + i;
    }

    Dyad existing(int i, int j) {
        int n = w.countries.size();
        if (n != indexedFor) {
            reindex(n);
        }
        if (dense != null) {
            return dense[i < j ? i * n + j : j * n + i];
        }
        return byKey.get(key(i, j));
    }

    /** Files every pair again for {@code n} countries (once, unless countries are added after pairs). */
    private void reindex(int n) {
        indexedFor = n;
        dense = null;
        byKey = null;
        if (n <= DENSE_UP_TO) {
            dense = new Dyad[n * n];
        } else {
            byKey = new DyadMap(Math.max(touched.size(), 8 * n)); // a few pairs per country, as touched in a run
        }
        for (Dyad x : touched) {
            file(x);
        }
    }

    private void file(Dyad d) {
        if (dense != null) {
            dense[d.a * indexedFor + d.b] = d;
        } else {
            byKey.put(key(d.a, d.b), d);
        }
    }

    /** The pair's relation, created at {@code level} with no grievance or trade if never touched. */
    Dyad getOrCreate(int i, int j, Level level) {
        Dyad d = existing(i, j);
        if (d == null) {
            d = new Dyad(touched.size(), Math.min(i, j), Math.max(i, j), level.ordinal(),
                    w.countries.get(Math.min(i, j)).majorPower, w.countries.get(Math.max(i, j)).majorPower);
            w.affinity.refresh(d);
            w.levels.ownLevel(d); // after the refresh: it keeps the pair's distance (alignedOccasion)
            d.decayedThrough = w.settledThrough;
            touched.add(d);
            file(d);
            w.countries.get(d.a).dyads.add(d);
            w.countries.get(d.b).dyads.add(d);
            w.relationCreated(d);
            w.touch(d);
        }
        return d;
    }

    /** Brings a pair's stored values up to the days that have ended. */
    void catchUp(Dyad d) {
        catchUp(d, w.settledThrough);
    }

    /** Applies the decay and mediation of the days after the pair's stored values, through {@code through}. */
    void catchUp(Dyad d, int through) {
        int from = d.decayedThrough;
        if (through <= from) {
            return;
        }
        double c = condemnationFactor(through - from);
        if (d.lasting == null || d.lasting.until[0] <= from && d.lasting.until[1] <= from) {
            double g = decayFactor(d, through - from) * mediationFactor(d, from, through);
            d.grievance[0] *= g;
            d.grievance[1] *= g;
        } else {
            d.grievance[0] *= grievanceFactor(d, 0, from, through);
            d.grievance[1] *= grievanceFactor(d, 1, from, through);
        }
        d.condemnation[0] *= c;
        d.condemnation[1] *= c;
        d.decayedThrough = through;
        d.stamp++;
    }

    /** {@code (1 − δ)^n} and {@code (1 − ω·δ)^n}, each computed when first needed. */
    private final Powers keepPowers;
    private final Powers lowPowers;

    /** The decay of {@code days} days: {@code (1 − δ)^days}. */
    double condemnationFactor(int days) {
        return keepPowers.of(days);
    }

    /** {@code q^n} for a daily factor {@code q}: read from the kept powers when it is one of the two decays. */
    double power(double q, int n) {
        return q == keep ? keepPowers.of(n) : q == keepLow ? lowPowers.of(n) : Math.pow(q, n);
    }

    /**
     * The mediation's factor {@code (1 − μ·credibility)^m} for the days of {@code (from, through]}
     * on which a mediation is in force: a mediation started after {@code from} caught the pair
     * up when it started, so the days counted are those before its end.
     */
    private double mediationFactor(Dyad d, int from, int through) {
        int mediated = Math.min(through, d.mediationUntil - 1) - from;
        if (mediated <= 0) {
            return 1;
        }
        double k = 1 - efficacy * d.mediationCredibility;
        return mediated == 1 ? k : Math.pow(k, mediated);
    }

    /**
     * Grievance decay of {@code days} days at the pair's level, constant between touches: δ, or
     * ω·δ at DOWNGRADED or below (section 3.3).
     */
    private double decayFactor(Dyad d, int days) {
        return d.level < Level.NORMAL.ordinal() && keepLow != keep ? lowPowers.of(days) : condemnationFactor(days);
    }

    /**
     * Grievance factor of the days {@code (from, through]} of an untouched pair: decay and mediation,
     * for a side whose grievance no act of the other's renews by lasting (a lower bound of every
     * side's factor).
     */
    double grievanceFactor(Dyad d, int from, int through) {
        return through <= from ? 1 : decayFactor(d, through - from) * mediationFactor(d, from, through);
    }

    /**
     * Side {@code s}'s grievance factor of the days {@code (from, through]} of an untouched pair: no
     * decay over the ends of the days an act of the other against it lasts (lastingActs, 3.5).
     */
    double grievanceFactor(Dyad d, int s, int from, int through) {
        if (d.lasting == null || d.lasting.until[s] <= from) {
            return grievanceFactor(d, from, through); // no day of an act that lasts in the span: the plain factor
        }
        if (through <= from) {
            return 1;
        }
        int lasting = Math.min(through, d.lasting.until[s]) - Math.max(from, d.lasting.from[s]);
        int decaying = through - from - Math.max(0, lasting);
        return (decaying == 0 ? 1 : decayFactor(d, decaying)) * mediationFactor(d, from, through);
    }

    /** Side {@code s}'s grievance as it will stand on {@code day}, before that day's changes, if nothing touches the pair. */
    double grievanceOn(Dyad d, int s, int day) {
        return d.grievance[s] * grievanceFactor(d, s, d.decayedThrough, day - 1);
    }

    /** Side {@code s}'s condemnation count as it will stand on {@code day}, if nothing touches the pair. */
    double condemnationOn(Dyad d, int s, int day) {
        int days = day - 1 - d.decayedThrough;
        return days <= 0 ? d.condemnation[s] : d.condemnation[s] * condemnationFactor(days);
    }

    /** Whether the pair has business on {@code day} (section 3.4), read after the day's changes so far. */
    boolean hasBusiness(Dyad d, int day) {
        return d.hasBusiness(day, memory, businessFloor);
    }

    /** Whether the pair, if untouched, will have business on {@code day}. */
    boolean hasBusinessOn(Dyad d, int day) {
        return d.hasBusiness(day, memory, businessFloor, grievanceOn(d, 0, day), grievanceOn(d, 1, day));
    }

    /** Brings every pair up to the end of {@code through}, so that stored values are current (end of a run). */
    void settle(int through) {
        for (int k = 0, n = touched.size(); k < n; k++) {
            catchUp(touched.get(k), through);
        }
    }
}

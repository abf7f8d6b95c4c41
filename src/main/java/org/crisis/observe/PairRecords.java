package org.crisis.observe;

import java.util.ArrayList;
import java.util.List;
import org.crisis.model.Dyad;
import org.crisis.model.Event;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.model.WorldListener;

/**
 * What a run measures about each pair (docs/MODEL.md 3.10), heard from the world as it
 * happens: the lowest level, the first day at each level or below (by any act, and by each
 * side's own acts), the restoration, the days spent at DOWNGRADED or below, and the hostile
 * and cooperative events. One per run;
 * the model's pairs carry none of it.
 */
public final class PairRecords implements WorldListener {
    private final List<Record> byDyad = new ArrayList<>();

    /** The measures of one pair. */
    public static final class Record {
        private int lowest;
        /** First day at each level or below, by level ordinal; -1 if never. */
        private final int[] firstAtOrBelow = {-1, -1, -1, -1, -1};
        /** By side (a, b): first day of an act of that side whose own level is each level or below; -1 if none. */
        private final int[][] firstActAtOrBelow = {{-1, -1, -1, -1, -1}, {-1, -1, -1, -1, -1}};
        private boolean wasLow;
        private int restoredDay = -1;
        private int lowSince = -1;
        private int daysLow;
        private int hostile;
        private int cooperative;

        private Record(int level, int day) {
            lowest = level;
            reach(level, day);
        }

        private void reach(int level, int day) {
            lowest = Math.min(lowest, level);
            for (int l = level; l < firstAtOrBelow.length && firstAtOrBelow[l] < 0; l++) {
                firstAtOrBelow[l] = day;
            }
            if (level <= Level.DOWNGRADED.ordinal()) {
                wasLow = true;
                if (lowSince < 0) {
                    lowSince = day;
                }
            } else {
                if (wasLow && restoredDay < 0) {
                    restoredDay = day;
                }
                if (lowSince >= 0) {
                    daysLow += day - lowSince;
                    lowSince = -1;
                }
            }
        }

        /** The measures of a pair never touched in its run: NORMAL throughout. */
        public static Record untouched() {
            return new Record(Level.NORMAL.ordinal(), 0);
        }

        public Level lowestLevel() {
            return Level.of(lowest);
        }

        /** First day at {@code level} or below, or -1 if never (day 0 if the run began there). */
        public int firstDayAtOrBelow(Level level) {
            return firstAtOrBelow[level.ordinal()];
        }

        /**
         * First day an act of side {@code side} (0 for the pair's a, 1 for its b) put or held the pair
         * at {@code level} or below, its own level being that or lower ({@link Event#ownLevel()}), or -1.
         */
        public int firstActAtOrBelow(int side, Level level) {
            return firstActAtOrBelow[side][level.ordinal()];
        }

        private void act(int side, Level own, int day) {
            int[] first = firstActAtOrBelow[side];
            for (int l = own.ordinal(); l < first.length && first[l] < 0; l++) {
                first[l] = day;
            }
        }

        /** First day at DOWNGRADED or below, or -1. */
        public int firstDowngraded() {
            return firstAtOrBelow[Level.DOWNGRADED.ordinal()];
        }

        /** First day SEVERED, or -1. */
        public int firstSevered() {
            return firstAtOrBelow[Level.SEVERED.ordinal()];
        }

        /** First day back at NORMAL or above after having been DOWNGRADED or below, or -1. */
        public int restoredDay() {
            return restoredDay;
        }

        /** Days spent at DOWNGRADED or below in a run of {@code daysRun} days. */
        public int daysAtOrBelowDowngraded(int daysRun) {
            return daysLow + (lowSince >= 0 ? Math.max(0, daysRun - lowSince) : 0);
        }

        public int hostileEvents() {
            return hostile;
        }

        public int cooperativeEvents() {
            return cooperative;
        }
    }

    @Override
    public void relationCreated(Dyad d, int level, int day) {
        while (byDyad.size() <= d.id()) {
            byDyad.add(null);
        }
        // a pair touched later was at its level, NORMAL, since day 0
        byDyad.set(d.id(), new Record(level, 0));
    }

    @Override
    public void levelChanged(Dyad d, int from, int to, int day) {
        byDyad.get(d.id()).reach(to, day);
    }

    @Override
    public void eventRecorded(Event e, Dyad onPair) {
        if (onPair != null) {
            Record r = byDyad.get(onPair.id());
            if (e.hostile()) {
                r.hostile++;
            } else if (e.cooperative()) {
                r.cooperative++;
            }
            Level own = e.ownLevel();
            if (own != null) {
                r.act(e.actor() == onPair.a() ? 0 : 1, own, e.day());
            }
        }
    }

    /** The measures of the pair {@code i}, {@code j} of {@code w}, or null if the pair was never touched. */
    public Record of(World w, int i, int j) {
        Dyad d = w.existing(i, j);
        return d == null ? null : byDyad.get(d.id());
    }
}

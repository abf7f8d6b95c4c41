package org.crisis.model;

/**
 * Moves on the ladder and the level of relations (docs/MODEL.md 3.1 and 3.5): an act puts
 * its actor on its rung, changes the level as its type says, and a move up the levels
 * lowers both sides' postures to what the new level allows.
 */
final class Levels {
    private final World w;
    private final double restoreThreshold;
    private final double injuryFading;
    /** Whether a restoration goes no higher than a pair's listed level until a government changes (3.5). */
    private final boolean standingLevel;
    int severedNow;
    int severedPeak;

    Levels(World w, Parameters p) {
        this.w = w;
        this.restoreThreshold = p.get(Parameter.RESTORE_THRESHOLD);
        this.injuryFading = p.get(Parameter.INJURY_FADING);
        this.standingLevel = p.on(Parameter.STANDING_LEVEL);
    }

    /** The effect of the bilateral event {@code e} by side {@code sa} of {@code d} on postures and level. */
    void apply(Dyad d, int sa, Event e) {
        d.noteStanding(w.day);
        int st = 1 - sa;
        int rung = e.type().rung();
        if (rung > 0) {
            // reciprocity answers a raise of the stakes, not an answer in kind (section 3.5)
            if (rung > Decision.standing(d, st)) {
                d.lastEscalation[sa] = w.day;
            }
            d.posture[sa] = rung;
            d.postureOwnGovernment[sa] = w.countries.get(e.actor()).government;
            d.postureOtherGovernment[sa] = w.countries.get(e.target()).government;
            d.postureDay[sa] = w.day;
        }
        int before = d.level;
        boolean full = d.grievance[0] < restoreThreshold / 2 && d.grievance[1] < restoreThreshold / 2 && !heldAtStanding(d);
        int after = e.type().levelAfter(Level.of(before), full).ordinal();
        if (e.setsLevel() != null) {
            after = Math.min(after, e.setsLevel().ordinal()); // a scripted act that itself lowered the level (FORMATS 1.4)
        }
        if (after != before) {
            set(d, after);
            if (rung == Ladder.RECALL && after == Level.DOWNGRADED.ordinal()) {
                d.recallDay = w.day; // a recall for consultations under recallLapse (section 3.5)
            }
        } else if (rung > Ladder.RECALL) {
            d.recallDay = Dyad.NO_RECALL; // an expulsion or sanctions after a recall: no consultation lapses
        }
        if (d.level < Level.NORMAL.ordinal()) {
            // the act that took the pair lower answers its root; any other act may be an injury itself
            remember(d, after < before ? w.events.get(e.root() - 1) : e);
        }
    }

    /**
     * Keeps {@code act} as an injury of its target (section 3.5, injuryMemory) if it is an
     * exogenous hostile act between the two: its weight |γ|·severity/10, if heavier than the
     * dispute's injury as it stands today (faded, with injuryFading). Ladder acts are answers
     * and statements are a third party's, so neither counts.
     */
    private void remember(Dyad d, Event act) {
        boolean between = act.actor() == d.a && act.target() == d.b || act.actor() == d.b && act.target() == d.a;
        if (between && act.type().kind() == EventType.Kind.TRIGGER && act.gamma() < 0) {
            int s = d.side(act.target());
            // an injury fades from the day it was done, which for a root may be before today
            double weight = -act.gamma() * act.severity() / 10;
            if (Dyad.faded(weight, act.day(), w.day, injuryFading) > d.injuryOn(s, w.day, injuryFading)) {
                d.injury[s] = weight;
                d.injuryDay[s] = act.day();
            }
        }
    }

    /** A pair listed at {@code level} at the start of a run. */
    void start(Dyad d, int level) {
        d.level = level;
        ownLevel(d);
        d.startLevel = level;
        d.startGovernment[0] = d.levelGovernment[0];
        d.startGovernment[1] = d.levelGovernment[1];
        if (level == Level.SEVERED.ordinal()) {
            severedNow++;
            severedPeak = Math.max(severedPeak, severedNow);
        }
    }

    void set(Dyad d, int level) {
        d.noteStanding(w.day);
        int before = d.level;
        if (before == Level.SEVERED.ordinal()) {
            severedNow--;
        }
        if (level == Level.SEVERED.ordinal()) {
            severedNow++;
            severedPeak = Math.max(severedPeak, severedNow);
        }
        d.level = level;
        d.recallDay = Dyad.NO_RECALL; // set again by apply when a recall took the pair down
        ownLevel(d);
        w.levelChanged(d, before, level);
        // relations move up: both sides' postures fall to what the new level allows; back at
        // NORMAL, the dispute's injuries are behind the pair
        if (level >= Level.NORMAL.ordinal()) {
            capPostures(d, Ladder.SUMMON);
            d.injury[0] = 0;
            d.injury[1] = 0;
        } else if (level == Level.DOWNGRADED.ordinal()) {
            capPostures(d, Ladder.EXPEL);
        }
    }

    /**
     * Under {@code standingLevel}: whether a restoration stops at the pair's listed level, below
     * {@code NORMAL}, since neither government has changed since the start (section 3.5).
     */
    private boolean heldAtStanding(Dyad d) {
        return standingLevel && d.startLevel < Level.NORMAL.ordinal()
                && !d.governmentsChangedSinceStart(w.countries.get(d.a).government, w.countries.get(d.b).government);
    }

    /** The pair's level is now the two governments' in office (a later change of either is an occasion, section 3.5). */
    void ownLevel(Dyad d) {
        d.levelGovernment[0] = w.countries.get(d.a).government;
        d.levelGovernment[1] = w.countries.get(d.b).government;
        d.levelDistance = d.distance;
    }

    private static void capPostures(Dyad d, int cap) {
        for (int s = 0; s < 2; s++) {
            if (d.posture[s] > cap) {
                d.posture[s] = cap;
            }
        }
    }
}

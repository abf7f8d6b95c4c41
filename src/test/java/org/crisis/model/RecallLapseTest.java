package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code recallLapse} option of docs/MODEL.md 3.5: a recall that takes a pair from NORMAL
 * down is for consultations; after {@code L_rec} days it lapses, and its return then needs no
 * other occasion and costs no face.
 */
class RecallLapseTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int RECALLED = 10;
    private static final int LAPSE = 14;

    /** AAA and BBB listed at {@code level} on day 0, with no grievance, third parties or mediation. */
    private static World pair(int lapse, Level level) {
        return pair(Parameters.defaults().with(Parameter.RECALL_LAPSE, lapse), level);
    }

    private static World pair(Parameters p, Level level) {
        World w = new World(p.with(Parameter.THIRD_PARTIES, 0).with(Parameter.MEDIATION, 0), new MersenneTwisterFast(3));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.1, 0.3, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(A, B, level, 0, 0, 0, 0);
        return w;
    }

    /** The pair at NORMAL; AAA recalls its ambassador on day 10; then both grievances are set to {@code g}. */
    private static World recalled(int lapse, double g) {
        World w = pair(lapse, Level.NORMAL);
        w.setDay(RECALLED);
        w.act(A, B, EventType.RECALL_AMBASSADOR, Event.NONE);
        Dyad d = w.existing(A, B);
        d.grievance[0] = g;
        d.grievance[1] = g;
        d.decayedThrough = RECALLED;
        return w;
    }

    private static boolean restorableOn(World w, int day) {
        w.setDay(day);
        Dyad d = w.existing(A, B);
        d.grievance[0] = 0.05;
        d.grievance[1] = 0.05;
        d.decayedThrough = day;
        return w.decision.restorable(d);
    }

    @Test
    void aRecallForConsultationsIsAnOccasionToReturnOnceItHasLapsed() {
        World w = recalled(LAPSE, 0.05);
        assertEquals(Level.DOWNGRADED, w.existing(A, B).level());
        assertFalse(restorableOn(w, RECALLED + LAPSE - 1), "the day before the lapse: no occasion yet");
        assertTrue(restorableOn(w, RECALLED + LAPSE), "the day of the lapse");
        assertTrue(restorableOn(w, RECALLED + 10 * LAPSE), "a lapse lasts");
    }

    @Test
    void withoutTheOptionARecallLastsUntilAnOccasion() {
        assertFalse(restorableOn(recalled(0, 0.05), RECALLED + 10 * LAPSE));
    }

    @Test
    void anExpulsionOrSanctionsAfterTheRecallEndItsLapse() {
        record Later(int actor, EventType type) {}
        for (Later act : List.of(new Later(B, EventType.EXPEL_DIPLOMATS), new Later(A, EventType.SANCTION))) {
            World w = recalled(LAPSE, 0.05);
            w.setDay(RECALLED + 2);
            w.act(act.actor(), 1 - act.actor(), act.type(), Event.NONE);
            assertFalse(restorableOn(w, RECALLED + 10 * LAPSE), act.type() + " after the recall");
        }
    }

    @Test
    void aListedDowngradeIsNoRecallForConsultations() {
        assertFalse(restorableOn(pair(LAPSE, Level.DOWNGRADED), 10 * LAPSE));
    }

    @Test
    void underStandingLevelARecallBackToTheListedLevelDoesNotLapse() {
        // listed DOWNGRADED, returned to NORMAL, recalled again: the pair is back at its standing,
        // which only a change of government reopens (section 3.5), so neither the occasion nor the face lapses
        World w = pair(Parameters.defaults().with(Parameter.RECALL_LAPSE, LAPSE).with(Parameter.STANDING_LEVEL, 1),
                Level.DOWNGRADED);
        w.setDay(5);
        w.act(B, A, EventType.RETURN_AMBASSADOR, Event.NONE);
        w.setDay(RECALLED);
        w.act(A, B, EventType.RECALL_AMBASSADOR, Event.NONE);
        Dyad d = w.existing(A, B);
        assertEquals(Level.DOWNGRADED, d.level());
        Country i = w.countries.get(A);
        w.setDay(RECALLED + LAPSE - 1);
        double before = w.decision.deescalationUtility(i, d, d.side(A), 0.05);
        w.setDay(RECALLED + LAPSE);
        assertEquals(before, w.decision.deescalationUtility(i, d, d.side(A), 0.05), 1e-12);
        assertFalse(restorableOn(w, RECALLED + 10 * LAPSE));
    }

    @Test
    void aLapsedRecallIsReturnedWithoutTheFaceItOwedBefore() {
        World w = recalled(LAPSE, 0.05);
        Country i = w.countries.get(A);
        Dyad d = w.existing(A, B);
        w.setDay(RECALLED + LAPSE - 1);
        double before = w.decision.deescalationUtility(i, d, d.side(A), 0.05);
        w.setDay(RECALLED + LAPSE);
        double after = w.decision.deescalationUtility(i, d, d.side(A), 0.05);
        double face = i.domesticPressure * Parameters.defaults().get(Parameter.AUDIENCE_COST) * Ladder.RECALL / Ladder.SEVER;
        assertEquals(face, after - before, 1e-12);
    }

    @Test
    void theSamplersBoundHoldsOnEveryDayOfAWindowAcrossTheLapse() {
        // docs/MODEL.md 3.11: bound(len) bounds the daily probability of acting on each day of the
        // window; the lapse opens a restoration and drops the face on a known day within it
        World w = recalled(LAPSE, 0.05);
        Dyad d = w.existing(A, B);
        Country i = w.countries.get(A);
        int t0 = RECALLED + 1;
        int length = 2 * LAPSE;
        w.setDay(t0);
        w.decision.startWindow(i, d, d.side(A), t0);
        double bound = w.decision.bound(length);
        double first = 0;
        double last = 0;
        for (int t = t0; t < t0 + length; t++) {
            w.setDay(t);
            double p = w.decision.weigh(i, d, d.side(A)) ? w.decision.actProbability() : 0;
            assertTrue(p <= bound, "day " + t + ": p = " + p + " above the window's bound " + bound);
            first = t == t0 ? p : first;
            last = p;
        }
        assertEquals(0, first, 1e-9, "before the lapse the recall has no occasion to end");
        assertTrue(last > 0.5, "after it the return is all but certain: " + last);
    }
}

package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two options of docs/MODEL.md 3.5 on the face of backing down from a posture:
 * {@code faceHalfLife}, under which it halves every h_face days from the day the side took the
 * posture, and {@code gestureRelief}, under which a side owes 1 − ρ_g of it once each side has
 * made a gesture to the other since then. At 0, each leaves the face owed in full for as long as
 * the same two governments face each other.
 */
class FaceOptionsTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final double PRESSURE = 0.6;
    private static final double RELIEF = 0.75;

    /** AAA (domestic pressure 0.6) breaks with BBB on day 0 under {@code option}; no third parties or mediation. */
    private static World broken(Parameter option, double value) {
        Parameters p = Parameters.defaults().with(option, value)
                .with(Parameter.THIRD_PARTIES, 0).with(Parameter.MEDIATION, 0);
        World w = new World(p, new MersenneTwisterFast(5));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, PRESSURE, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.1, 0.3, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(A, B, Level.NORMAL, 0, 0, 0, 0);
        w.act(A, B, EventType.SEVER_RELATIONS, Event.NONE);
        return w;
    }

    /** AAA's utility of restoring relations on {@code day}, with no grievance left. */
    private static double restoring(World w, int day) {
        w.setDay(day);
        Dyad d = w.existing(A, B);
        return w.decision.deescalationUtility(w.countries.get(A), d, d.side(A), 0);
    }

    /** What backing down from a break owes AAA in full (section 3.5): its pressure times the audience cost. */
    private static double owedForABreak() {
        return PRESSURE * Parameters.defaults().get(Parameter.AUDIENCE_COST);
    }

    /** A cooperative act of {@code actor} towards the other on {@code day} (a dialogue: a gesture). */
    private static void gesture(World w, int actor, int day) {
        w.setDay(day);
        w.act(actor, 1 - actor, EventType.DIALOGUE, Event.NONE);
    }

    private static void sanction(World w, int day) {
        w.setDay(day);
        w.act(A, B, EventType.SANCTION, Event.NONE);
    }

    @Test
    void theFaceOfABreakHalvesEveryHalfLife() {
        World w = broken(Parameter.FACE_HALF_LIFE, 100);
        assertEquals(Level.SEVERED, w.existing(A, B).level());
        double onTheDay = restoring(w, 0);
        assertEquals(owedForABreak() / 2, restoring(w, 100) - onTheDay, 1e-9, "one half-life: half the face is gone");
        assertEquals(owedForABreak() * 3 / 4, restoring(w, 200) - onTheDay, 1e-9, "two: three quarters");
        assertEquals(owedForABreak() * (1 - Math.pow(0.5, 0.3)), restoring(w, 30) - onTheDay, 1e-9, "and smoothly between");
    }

    @Test
    void theFaceRunsFromTheSidesLatestActOnTheLadder() {
        World w = broken(Parameter.FACE_HALF_LIFE, 100);
        sanction(w, 150); // a new posture, taken on day 150
        Dyad d = w.existing(A, B);
        assertEquals(150, d.postureDay[d.side(A)]);
        double onTheDay = restoring(w, 150);
        // the posture of sanctions owes the break's face (its rung caps at the break's, min(1, r/5))
        assertEquals(owedForABreak() / 2, restoring(w, 250) - onTheDay, 1e-9);
    }

    @Test
    void talksBothWaysTakeTheirShareOfTheFaceOff() {
        World w = broken(Parameter.GESTURE_RELIEF, RELIEF);
        double before = restoring(w, 10);
        gesture(w, A, 20);
        assertEquals(before, restoring(w, 21), 1e-9, "one side's gesture alone changes nothing");
        gesture(w, B, 30);
        assertEquals(RELIEF * owedForABreak(), restoring(w, 31) - before, 1e-9, "both sides have talked");
    }

    @Test
    void aPostureTakenAfterTheTalksOwesItsFullFace() {
        World talked = broken(Parameter.GESTURE_RELIEF, RELIEF);
        gesture(talked, A, 20);
        gesture(talked, B, 30);
        World silent = broken(Parameter.GESTURE_RELIEF, RELIEF);
        sanction(talked, 40);
        sanction(silent, 40);
        assertEquals(restoring(silent, 41), restoring(talked, 41), 1e-9,
                "the sanctions are a new posture, taken after the talks: no relief");
    }

    @Test
    void withBothOptionsAtZeroTheFaceIsOwedInFullForAsLongAsTheGovernmentsStay() {
        World w = broken(Parameter.GESTURE_RELIEF, 0);
        double before = restoring(w, 10);
        gesture(w, A, 20);
        gesture(w, B, 30);
        assertEquals(before, restoring(w, 3000), 0, "talks and ten years change nothing");
    }
}

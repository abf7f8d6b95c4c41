package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code gestureRelief} option of docs/MODEL.md 3.5: once each side has made a gesture to
 * the other since a side took its posture, that side owes 1 − ρ_g of the posture's face; a new
 * posture owes its full face again.
 */
class GestureReliefTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final double PRESSURE = 0.6;
    private static final double RELIEF = 0.75;

    /** AAA (domestic pressure 0.6) breaks with BBB on day 0; no third parties or mediation. */
    private static World broken(double relief) {
        Parameters p = Parameters.defaults().with(Parameter.GESTURE_RELIEF, relief)
                .with(Parameter.THIRD_PARTIES, 0).with(Parameter.MEDIATION, 0);
        World w = new World(p, new MersenneTwisterFast(7));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, PRESSURE, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.1, 0.3, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(A, B, Level.NORMAL, 0, 0, 0, 0);
        w.act(A, B, EventType.SEVER_RELATIONS, Event.NONE);
        return w;
    }

    /** A cooperative act of {@code actor} towards the other on {@code day} (a dialogue: a gesture). */
    private static void gesture(World w, int actor, int day) {
        w.setDay(day);
        w.act(actor, 1 - actor, EventType.DIALOGUE, Event.NONE);
    }

    /** AAA's utility of restoring relations on {@code day}, with no grievance left. */
    private static double restoring(World w, int day) {
        w.setDay(day);
        Dyad d = w.existing(A, B);
        return w.decision.deescalationUtility(w.countries.get(A), d, d.side(A), 0);
    }

    private static double owedForABreak() {
        return PRESSURE * Parameters.defaults().get(Parameter.AUDIENCE_COST);
    }

    @Test
    void talksBothWaysTakeTheirShareOfTheFaceOff() {
        World w = broken(RELIEF);
        double before = restoring(w, 10);
        gesture(w, A, 20);
        assertEquals(before, restoring(w, 21), 1e-9, "one side's gesture alone changes nothing");
        gesture(w, B, 30);
        assertEquals(RELIEF * owedForABreak(), restoring(w, 31) - before, 1e-9, "both sides have talked");
    }

    @Test
    void aPostureTakenAfterTheTalksOwesItsFullFace() {
        World talked = broken(RELIEF);
        gesture(talked, A, 20);
        gesture(talked, B, 30);
        World silent = broken(RELIEF);
        for (World w : List.of(talked, silent)) {
            w.setDay(40);
            w.act(A, B, EventType.SANCTION, Event.NONE);
        }
        assertEquals(restoring(silent, 41), restoring(talked, 41), 1e-9,
                "the sanctions are a new posture, taken after the talks: no relief");
    }

    @Test
    void withoutTheOptionTalksChangeNoFace() {
        World w = broken(0);
        double before = restoring(w, 10);
        gesture(w, A, 20);
        gesture(w, B, 30);
        assertEquals(before, restoring(w, 31), 0);
    }
}

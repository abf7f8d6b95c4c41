package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code faceHalfLife} option of docs/MODEL.md 3.5: the audience cost of backing down from
 * a posture halves every h_face days from the day the side took it; at 0 it is owed in full for
 * as long as the same two governments face each other.
 */
class FaceHalfLifeTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final double PRESSURE = 0.6;

    /** AAA (domestic pressure 0.6) breaks with BBB on day 0; no third parties or mediation. */
    private static World broken(double halfLife) {
        Parameters p = Parameters.defaults().with(Parameter.FACE_HALF_LIFE, halfLife)
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

    @Test
    void theFaceOfABreakHalvesEveryHalfLife() {
        World w = broken(100);
        assertEquals(Level.SEVERED, w.existing(A, B).level());
        double onTheDay = restoring(w, 0);
        assertEquals(owedForABreak() / 2, restoring(w, 100) - onTheDay, 1e-9, "one half-life: half the face is gone");
        assertEquals(owedForABreak() * 3 / 4, restoring(w, 200) - onTheDay, 1e-9, "two: three quarters");
        assertEquals(owedForABreak() * (1 - Math.pow(0.5, 0.3)), restoring(w, 30) - onTheDay, 1e-9, "and smoothly between");
    }

    @Test
    void withoutTheOptionTheFaceIsOwedInFullForAsLongAsTheGovernmentsStay() {
        World w = broken(0);
        assertEquals(restoring(w, 0), restoring(w, 3000), 0, "ten years on, the same cost");
    }

    @Test
    void theFaceRunsFromTheSidesLatestActOnTheLadder() {
        World w = broken(100);
        w.setDay(150);
        w.act(A, B, EventType.SANCTION, Event.NONE); // a new posture, taken on day 150
        Dyad d = w.existing(A, B);
        assertEquals(150, d.postureDay[d.side(A)]);
        double onTheDay = restoring(w, 150);
        // the posture of sanctions owes the break's face (its rung caps at the break's, min(1, r/5))
        assertEquals(owedForABreak() / 2, restoring(w, 250) - onTheDay, 1e-9);
    }
}

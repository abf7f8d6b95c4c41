package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An act that lasts (docs/MODEL.md 3.5, lastingActs): while an act of AAA against BBB goes on,
 * BBB's grievance against AAA does not fade and each day of the act is a rise of it, so BBB may
 * climb until {@code memory} days after the act ends; without the option the act is done on its day.
 */
class LastingActTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int UNTIL = 100;
    private static final Parameters OFF = Parameters.defaults().with(Parameter.THIRD_PARTIES, 0)
            .with(Parameter.MEDIATION, 0);
    private static final Parameters ON = OFF.with(Parameter.LASTING_ACTS, 1);
    private static final int MEMORY = (int) OFF.get(Parameter.MEMORY);

    /** AAA and BBB at NORMAL, with no grievance or trade; nobody else. */
    private static World pair(Parameters p, long seed) {
        World w = new World(p, new MersenneTwisterFast(seed));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.1, 0.3, 0.8, 0.6, 0.6, 0.5, List.of());
        w.setRelation(A, B, Level.NORMAL, 0, 0, 0, 0);
        return w;
    }

    /** AAA and BBB at NORMAL; on day 0 AAA detains BBB's nationals, held through day {@link #UNTIL}. */
    private static World detained(Parameters p, long seed) {
        World w = pair(p, seed);
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE,
                "detention")), UNTIL);
        return w;
    }

    private static double grievanceOn(Parameters p, int day) {
        World w = detained(p, 3);
        w.setDay(day);
        return w.grievance(w.existing(A, B), B);
    }

    @Test
    void theGrievanceDoesNotFadeWhileTheActLastsAndFadesAfter() {
        double g0 = grievanceOn(ON, 0);
        double keep = 1 - OFF.get(Parameter.GRIEVANCE_DECAY);
        assertTrue(g0 > 0.02, "the detention aggrieves BBB: " + g0);
        assertEquals(g0, grievanceOn(ON, 60), 1e-15, "held: no decay");
        assertEquals(g0, grievanceOn(ON, UNTIL + 1), 1e-15, "through the end of the act's last day");
        // the ends of days 101..149 decay
        assertEquals(g0 * Math.pow(keep, 49), grievanceOn(ON, 150), 1e-12);
        assertEquals(g0 * Math.pow(keep, 60), grievanceOn(OFF, 60), 1e-12, "without the option it fades from day 0");
    }

    /** BBB's probability of acting on {@code day}: 0 when holding is certain. */
    private static double probabilityOn(Parameters p, int day) {
        World w = detained(p, 7);
        w.setDay(day);
        Dyad d = w.existing(A, B);
        return w.decision.weigh(w.countries.get(B), d, d.side(B)) ? w.decision.actProbability() : 0;
    }

    @Test
    void theTargetMayClimbUntilMemoryDaysAfterTheActEnds() {
        assertEquals(0, probabilityOn(OFF, MEMORY + 1), "a month after a single act BBB has answered it or let it pass");
        assertTrue(probabilityOn(ON, MEMORY + 1) > 1e-4, "the act goes on: " + probabilityOn(ON, MEMORY + 1));
        assertTrue(probabilityOn(ON, UNTIL + MEMORY) > 0, "the last day of the climb's memory");
        assertEquals(0, probabilityOn(ON, UNTIL + MEMORY + 1), "the day after");
    }

    @Test
    void aStepDownAfterTheActEndedClosesItAndOneWhileItLastsDoesNot() {
        for (int stepDown : new int[] {50, UNTIL + 5}) {
            World w = detained(ON, 9);
            w.setDay(stepDown);
            w.act(B, A, EventType.DIALOGUE, Event.NONE);
            w.setDay(UNTIL + 10);
            Dyad d = w.existing(A, B);
            double p = w.decision.weigh(w.countries.get(B), d, d.side(B)) ? w.decision.actProbability() : 0;
            if (stepDown < UNTIL) {
                assertTrue(p > 0, "the days of the act after the dialogue are rises: " + p);
            } else {
                assertEquals(0, p, "a dialogue after the act ended closes it");
            }
        }
    }

    @Test
    void anActThatStartsWhileAnotherLastsExtendsIt() {
        World w = detained(ON, 3);
        w.setDay(40);
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -4.0, 0.5, false, false, false, false, Event.NONE, Event.NONE,
                "another")), UNTIL + 50);
        double g40 = w.grievance(w.existing(A, B), B);
        w.setDay(UNTIL + 40);
        assertEquals(g40, w.grievance(w.existing(A, B), B), 1e-15);
    }

    @Test
    void theSamplersBoundHoldsOnEveryDayOfAWindowAcrossTheActsEnd() {
        // docs/MODEL.md 3.11: gs0 is BBB's own grievance, held; the window's lower ends decay at the plain rate
        for (int start : new int[] {1, UNTIL - 10, UNTIL + MEMORY - 5}) {
            World w = detained(ON, 11);
            Dyad d = w.existing(A, B);
            Country b = w.countries.get(B);
            w.setDay(start);
            w.decision.startWindow(b, d, d.side(B), start);
            double bound = w.decision.bound(25);
            for (int t = start; t < start + 25; t++) {
                w.setDay(t);
                double p = w.decision.weigh(b, d, d.side(B)) ? w.decision.actProbability() : 0;
                assertTrue(p <= bound, "window from " + start + ", day " + t + ": p = " + p + " above " + bound);
            }
        }
    }

    @Test
    void withoutTheOptionALastingActIsDoneOnItsDay() {
        double keep = 1 - OFF.get(Parameter.GRIEVANCE_DECAY);
        assertEquals(grievanceOn(OFF, 0) * Math.pow(keep, 80), grievanceOn(OFF, 80), 1e-12, "it fades from its day");
        World w = detained(OFF, 3);
        assertEquals(null, w.existing(A, B).lasting, "nothing recorded");
    }

    /** A clash on day 0: AAA's armed incursion, held until {@link #UNTIL}, and BBB's armed answer the same day. */
    private static World clash(Parameters p) {
        World w = pair(p, 5);
        w.act(new Act(B, A, EventType.CUSTOM, -5.0, 1.0, false, false, true, true, Event.NONE, Event.NONE, "patrol"));
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -6.0, 1.0, false, false, true, true, Event.NONE, Event.NONE,
                "post-held")), UNTIL);
        return w;
    }

    private static double probability(World w, int day) {
        w.setDay(day);
        Dyad d = w.existing(A, B);
        return w.decision.weigh(w.countries.get(B), d, d.side(B)) ? w.decision.actProbability() : 0;
    }

    @Test
    void anArmedActThatLastsOpensNoClimbWhileTheTargetsOwnForcesAreEngaged() {
        // force answers force (armedExchange, on by default): BBB's own armed act of day 0 closes the days of the
        // post held to day memory; from the day after, each day held is a rise that opens a climb
        assertTrue(ON.on(Parameter.ARMED_EXCHANGE));
        World w = clash(ON);
        assertEquals(0, probability(w, 1), "the day after the clash");
        assertEquals(0, probability(w, MEMORY), "the last day BBB's own act closes");
        assertTrue(probability(w, MEMORY + 1) > 0, "a day held after it opens a climb");
        assertTrue(probability(clash(ON), UNTIL + MEMORY) > 0, "until memory days after the post is given up");
        assertEquals(0, probability(clash(ON), UNTIL + MEMORY + 1));
        World plain = clash(ON.with(Parameter.ARMED_EXCHANGE, 0));
        assertTrue(probability(plain, 1) > 0, "without armedExchange an act is a plain rise on every day it lasts");
    }

    @Test
    void aRupturesGateStaysOpenForAGraveActThatLastsAndNoLongerForAPlainOne() {
        Parameters gate = ON.with(Parameter.RUPTURE_GATE, 1);
        World w = pair(gate, 3);
        // a grave act (territorial) held 50 days, and a plain one of the same day held 200
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -6.0, 1.0, false, false, true, false, Event.NONE, Event.NONE,
                "islet-occupied")), 50);
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE,
                "crew-held")), 200);
        Dyad d = w.existing(A, B);
        assertEquals(50, d.lasting.graveUntil[1]);
        assertEquals(200, d.lasting.plainUntil[1]);
        assertEquals(200, d.lasting.until[1]);
    }

    @Test
    void anActThatLastsKeepsThePairsBusinessUntilMemoryDaysAfterItEnds() {
        // a light act: its grievance is below the floor of business, yet its target may climb while it lasts
        World w = pair(ON, 3);
        w.lasting(w.act(new Act(A, B, EventType.CUSTOM, -2.0, 0.5, false, false, false, false, Event.NONE, Event.NONE,
                "light")), UNTIL);
        Dyad d = w.existing(A, B);
        assertTrue(w.grievance(d, B) < ON.get(Parameter.BUSINESS_FLOOR), "a light act: " + w.grievance(d, B));
        assertTrue(w.relations.hasBusinessOn(d, UNTIL + MEMORY));
        assertFalse(w.relations.hasBusinessOn(d, UNTIL + MEMORY + 1));
    }
}

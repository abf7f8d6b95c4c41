package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reciprocity in kind of docs/MODEL.md 3.5 ({@code triggerReciprocity}, b_t): within memory of
 * the other's exogenous hostile acts against a side, its effective grievance gains b_t times the
 * heaviest act's weight |γ|·severity/10.
 */
class TriggerReciprocityTest {
    private static final int VICTIM = 0;
    private static final int ACTOR = 1;
    private static final double BT = 0.5;

    private static World world(double bt) {
        World w = new World(Parameters.defaults().with(Parameter.TRIGGER_RECIPROCITY, bt)
                .with(Parameter.THIRD_PARTIES, 0), new MersenneTwisterFast(1));
        w.setDay(10);
        w.addCountry("VIC", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("ACT", -0.6, 0.8, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(VICTIM, ACTOR, Level.NORMAL, 0, 0, 0, 0);
        return w;
    }

    /** E(victim→actor) with the parameter on, less E with it off, in two worlds given the same acts. */
    private static double inKindTerm(List<int[]> actsByDay, int onDay) {
        double[] e = new double[2];
        for (int k = 0; k < 2; k++) {
            World w = world(k == 0 ? BT : 0);
            for (int[] act : actsByDay) {
                w.setDay(act[0]);
                w.act(act[1], act[2], act[3] == 0 ? EventType.BORDER_INCIDENT : EventType.INTERFERENCE_STATEMENT,
                        Event.NONE);
            }
            w.setDay(onDay);
            Dyad d = w.existing(VICTIM, ACTOR);
            e[k] = w.decision.effectiveGrievance(w.countries.get(VICTIM), d, d.side(VICTIM));
        }
        return e[0] - e[1];
    }

    @Test
    void anActAgainstTheSideRaisesItsEffectiveGrievanceByItsWeightWithinMemory() {
        int memory = world(BT).memory;
        List<int[]> raid = List.of(new int[] {10, ACTOR, VICTIM, 0}); // a border incident, γ −6
        assertEquals(BT * 0.6, inKindTerm(raid, 10), 1e-12, "the day of the act: b_t·|γ|/10");
        assertEquals(BT * 0.6, inKindTerm(raid, 10 + memory), 1e-12, "the last day within memory");
        assertEquals(0, inKindTerm(raid, 11 + memory), 1e-12, "out of memory: no term");
    }

    @Test
    void ofARunOfActsTheHeaviestCountsUntilTheLastIsOutOfMemory() {
        int memory = world(BT).memory;
        List<int[]> run = List.of(new int[] {10, ACTOR, VICTIM, 0}, new int[] {20, ACTOR, VICTIM, 1}); // −6, then −3
        assertEquals(BT * 0.6, inKindTerm(run, 20 + memory), 1e-12, "the lighter act keeps the heavier one's weight");
        List<int[]> apart = List.of(new int[] {10, ACTOR, VICTIM, 0}, new int[] {11 + memory, ACTOR, VICTIM, 1});
        assertEquals(BT * 0.3, inKindTerm(apart, 11 + memory), 1e-12, "a new run after memory: its own weight");
    }

    /** E(reader→other) with b_t on, less E with it off, after {@code actor}'s act of {@code type} today. */
    private static double termAfter(int actor, EventType type, int reader) {
        double[] e = new double[2];
        for (int k = 0; k < 2; k++) {
            World w = world(k == 0 ? BT : 0);
            w.act(actor, actor == VICTIM ? ACTOR : VICTIM, type, Event.NONE);
            Dyad d = w.existing(VICTIM, ACTOR);
            e[k] = w.decision.effectiveGrievance(w.countries.get(reader), d, d.side(reader));
        }
        return e[0] - e[1];
    }

    @Test
    void onlyTheTargetOfTheActAnswersInKind() {
        assertEquals(BT * 0.6, termAfter(ACTOR, EventType.BORDER_INCIDENT, VICTIM), 1e-12, "the target answers in kind");
        assertEquals(0, termAfter(ACTOR, EventType.BORDER_INCIDENT, ACTOR), 1e-12, "the actor gains nothing from its own act");
        // a move on the ladder is reciprocity's (b_r), not an act that opens a crisis
        assertEquals(0, termAfter(ACTOR, EventType.RECALL_AMBASSADOR, VICTIM), 1e-12, "a recall is not a trigger");
    }
}

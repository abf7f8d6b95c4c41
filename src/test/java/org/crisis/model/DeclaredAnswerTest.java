package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A declared answer (docs/MODEL.md 3.5): a target that declared, before an act, the step it
 * takes against such an act owes the audience costs of backing down if it holds short of it,
 * for {@code memory} days from the act. An envoy's own act owes the target his expulsion in the
 * same way, weighted by {@code envoyAnswer}.
 */
class DeclaredAnswerTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int RUNS = 400;
    private static final Parameters PARAMS = Parameters.defaults().with(Parameter.THIRD_PARTIES, 0)
            .with(Parameter.MEDIATION, 0);

    /** AAA and BBB at NORMAL with no grievance or trade; nobody else. */
    private static World pair(long seed) {
        return pair(seed, PARAMS);
    }

    private static World pair(long seed, Parameters params) {
        World w = new World(params, new MersenneTwisterFast(seed));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.1, 0.3, 0.95, 0.5, 0.5, 0.5, List.of()); // a state jealous of its sovereignty
        w.setRelation(A, B, Level.NORMAL, 0, 0, 0, 0);
        return w;
    }

    /** AAA's act against BBB: a recognition of a government BBB does not recognise, say. */
    private static Act act() {
        return new Act(A, B, EventType.CUSTOM, -5.0, 1.0, true, false, true, false, Event.NONE, Event.NONE, "crossing");
    }

    /** The lowest level the pair reaches in 60 days when AAA acts on day 0, BBB having declared {@code rung} (or none). */
    private static Level lowest(long seed, int rung) {
        World w = pair(seed);
        Level[] low = {Level.NORMAL};
        DayByDay.run(w, 60, (world, day) -> {
            if (day == 0) {
                if (rung != Ladder.NONE) {
                    world.declare(A, B, rung);
                }
                world.act(act());
            }
        }, world -> {
            Level now = world.existing(A, B).level();
            low[0] = now.compareTo(low[0]) < 0 ? now : low[0];
            return false;
        });
        return low[0];
    }

    private static double share(int rung, Level atMost) {
        int n = 0;
        for (int k = 0; k < RUNS; k++) {
            n += lowest(1000 + k, rung).compareTo(atMost) <= 0 ? 1 : 0;
        }
        return n / (double) RUNS;
    }

    @Test
    void aDeclaredRuptureIsCarriedOutWhereTheGrievanceAloneStopsShortOfIt() {
        double plain = share(Ladder.NONE, Level.SEVERED);
        double declared = share(Ladder.SEVER, Level.SEVERED);
        assertTrue(plain < 0.05, "without a declaration the act draws no rupture: " + plain);
        assertTrue(declared > 0.4, "with one it often does: " + declared);
    }

    @Test
    void aDeclaredRecallStopsAtTheRecall() {
        double downgraded = share(Ladder.RECALL, Level.DOWNGRADED);
        double severed = share(Ladder.RECALL, Level.SEVERED);
        assertTrue(downgraded > 0.8, "the recall is made: " + downgraded);
        assertEquals(share(Ladder.NONE, Level.SEVERED), severed, 0.03, "and no more ruptures than without it");
    }

    /** BBB's probability of acting on {@code day} after AAA's act of day 0 (and BBB's summons of day 0). */
    private static double probabilityOn(int day, boolean declared) {
        World w = pair(7);
        if (declared) {
            w.declare(A, B, Ladder.SEVER);
        }
        w.act(act());
        w.act(B, A, EventType.SUMMON_AMBASSADOR, Event.NONE);
        w.setDay(day);
        Dyad d = w.existing(A, B);
        return w.decision.weigh(w.countries.get(B), d, d.side(B)) ? w.decision.actProbability() : 0;
    }

    @Test
    void holdingShortOfTheDeclaredRuptureCostsTheAudienceCostsOfBackingDown() {
        World w = pair(7);
        w.declare(A, B, Ladder.SEVER);
        w.act(act());
        w.act(B, A, EventType.SUMMON_AMBASSADOR, Event.NONE);
        w.setDay(1);
        Dyad d = w.existing(A, B);
        int s = d.side(B);
        Country b = w.countries.get(B);
        w.relations.catchUp(d);
        double e = w.decision.effectiveGrievance(b, d, s);
        double bg = PARAMS.get(Parameter.GRIEVANCE_WEIGHT);
        double normCost = PARAMS.get(Parameter.NORM_COST) * (Ladder.SEVER - Ladder.SUMMON) / (double) (Ladder.TOP - Ladder.SUMMON);
        double cost = PARAMS.get(Parameter.THRESHOLD_SEVER) + PARAMS.get(Parameter.AFFINITY_WEIGHT) * Math.max(0, w.affinity(d))
                + b.normAdherence * normCost + PARAMS.get(Parameter.RUPTURE_COST);
        double owed = b.domesticPressure * PARAMS.get(Parameter.AUDIENCE_COST);
        double plainUp = bg * (e - PARAMS.get(Parameter.THRESHOLD_RECALL) - PARAMS.get(Parameter.AFFINITY_WEIGHT)
                * Math.max(0, w.affinity(d)) - b.normAdherence * PARAMS.get(Parameter.NORM_COST) / 4);
        double up = Math.max(plainUp, bg * (e - cost) + owed);
        double lambda = PARAMS.get(Parameter.RATIONALITY);
        // BBB stands on its summons: stepping down in dialogue owes the face of a summons
        double down = bg * (PARAMS.get(Parameter.THRESHOLD_SUMMON) - e) - owed * Ladder.SUMMON / Ladder.SEVER;
        double expected = (Math.exp(lambda * up) + Math.exp(lambda * down)) / (1 + Math.exp(lambda * up) + Math.exp(lambda * down));
        assertTrue(w.decision.weigh(b, d, s));
        assertEquals(expected, w.decision.actProbability(), 1e-12);
        assertTrue(bg * (e - cost) + owed > plainUp, "the rupture is the better climb: " + expected);
    }

    @Test
    void theDeclarationBindsForMemoryDaysFromTheAct() {
        int memory = (int) PARAMS.get(Parameter.MEMORY);
        assertTrue(probabilityOn(memory, true) > probabilityOn(memory, false) + 1e-4, "the last day it binds");
        assertEquals(probabilityOn(memory + 1, false), probabilityOn(memory + 1, true), 1e-15, "the day after");
    }

    @Test
    void theSamplersBoundHoldsOnEveryDayOfAWindowAcrossTheDeclarationsEnd() {
        // docs/MODEL.md 3.11: bound(len) bounds the daily probability of acting on each of the window's days
        int memory = (int) PARAMS.get(Parameter.MEMORY);
        for (int start : new int[] {1, memory - 5, memory}) {
            World w = pair(11);
            w.declare(A, B, Ladder.SEVER);
            w.act(act());
            w.act(B, A, EventType.SUMMON_AMBASSADOR, Event.NONE);
            Dyad d = w.existing(A, B);
            Country b = w.countries.get(B);
            int length = 20;
            w.setDay(start);
            w.decision.startWindow(b, d, d.side(B), start);
            double bound = w.decision.bound(length);
            for (int t = start; t < start + length; t++) {
                w.setDay(t);
                double p = w.decision.weigh(b, d, d.side(B)) ? w.decision.actProbability() : 0;
                assertTrue(p <= bound, "window from " + start + ", day " + t + ": p = " + p + " above " + bound);
            }
        }
    }

    @Test
    void theBoundHoldsWhereTheDeclaredClimbCostsLessThanTheNextRung() {
        // between two major powers a recall, an expulsion or a rupture pays the channel's cost and sanctions do
        // not, so a declared sanction can be cheaper than the recall one rung up (more so with the thresholds, free
        // parameters, set low): the bound takes the cheaper
        Parameters p = PARAMS.with(Parameter.CHANNEL_COST, 1.0).with(Parameter.THRESHOLD_SANCTION, 0.6);
        for (int start : new int[] {1, 10}) {
            World w = new World(p, new MersenneTwisterFast(5));
            w.setDay(0);
            w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of(), true);
            w.addCountry("BBB", -0.1, 0.3, 0.95, 0.8, 0.7, 0.5, List.of(), true);
            w.setRelation(A, B, Level.NORMAL, 0, 0, 0, 0);
            w.declare(A, B, Ladder.SANCTION);
            w.act(act());
            w.act(B, A, EventType.SUMMON_AMBASSADOR, Event.NONE);
            Dyad d = w.existing(A, B);
            Country b = w.countries.get(B);
            w.setDay(start);
            w.decision.startWindow(b, d, d.side(B), start);
            double bound = w.decision.bound(20);
            double most = 0;
            for (int t = start; t < start + 20; t++) {
                w.setDay(t);
                double q = w.decision.weigh(b, d, d.side(B)) ? w.decision.actProbability() : 0;
                assertTrue(q <= bound, "window from " + start + ", day " + t + ": p = " + q + " above " + bound);
                most = Math.max(most, q);
            }
            assertTrue(most > 0.01, "the declared sanction must be likely enough to test the bound: " + most);
        }
    }

    @Test
    void aDeclaredAnswerIsARungOfTheLadder() {
        World w = pair(1);
        assertThrows(IllegalArgumentException.class, () -> w.declare(A, B, Ladder.NONE));
        assertThrows(IllegalArgumentException.class, () -> w.declare(A, B, Ladder.TOP + 1));
    }

    /** An interview of AAA's ambassador in BBB's capital, say: a lighter act than a recognition. */
    private static Act interview() {
        return new Act(A, B, EventType.CUSTOM, -2.0, 1.0, true, false, false, false, Event.NONE, Event.NONE, "interview");
    }

    /** The share of runs in which BBB expels AAA's diplomats within 60 days of the envoy's interview, at {@code envoyAnswer}. */
    private static double expelled(double envoyAnswer, boolean flagged) {
        // at the sixty-fifth round's audience cost (35), where half the face of a declared expulsion outweighs the
        // interview's grievance; the ninety-first round's (15) makes the same shares smaller
        Parameters p = PARAMS.with(Parameter.ENVOY_ANSWER, envoyAnswer).with(Parameter.AUDIENCE_COST, 35.1244);
        int n = 0;
        for (int k = 0; k < RUNS; k++) {
            World w = pair(2000 + k, p);
            boolean[] expels = {false};
            w.listen(new WorldListener() {
                @Override
                public void eventRecorded(Event e, Dyad onPair) {
                    expels[0] |= e.type() == EventType.EXPEL_DIPLOMATS && e.actor() == B;
                }
            });
            DayByDay.run(w, 60, (world, day) -> {
                if (day == 0) {
                    if (flagged) {
                        world.envoyAct(A, B);
                    }
                    world.act(interview());
                }
            }, world -> false);
            n += expels[0] ? 1 : 0;
        }
        return n / (double) RUNS;
    }

    @Test
    void anEnvoysOwnActOwesHisExpulsionInProportionToEnvoyAnswer() {
        double none = expelled(0, true);
        double unflagged = expelled(1, false);
        double half = expelled(0.5, true);
        double full = expelled(1, true);
        assertEquals(unflagged, none, 1e-12, "at 0 the flag changes nothing, as an act no envoy did");
        assertTrue(none < 0.05, "the interview alone draws no expulsion: " + none);
        assertTrue(half > none + 0.2, "owing half a declared expulsion draws it often: " + half);
        assertTrue(full >= half, "and owing all of it at least as often: " + full + " against " + half);
    }

    @Test
    void theEnvoysAnswerIsTheDeclaredExpulsionWeighted() {
        // BBB's probability of acting the day after the interview is that of a declared expulsion whose face is
        // envoyAnswer times the declared one's
        double[] probability = new double[3];
        double[] weights = {0.25, 1, 1};
        for (int k = 0; k < 3; k++) {
            World w = pair(7, PARAMS.with(Parameter.ENVOY_ANSWER, weights[k]));
            if (k < 2) {
                w.envoyAct(A, B);
            } else {
                w.declare(A, B, Ladder.EXPEL);
            }
            w.act(interview());
            w.setDay(1);
            Dyad d = w.existing(A, B);
            probability[k] = w.decision.weigh(w.countries.get(B), d, d.side(B)) ? w.decision.actProbability() : 0;
        }
        assertEquals(probability[2], probability[1], 1e-15, "at 1 it is the declared expulsion");
        assertTrue(probability[0] < probability[1] - 1e-3, "at a quarter it weighs less: " + probability[0]);
    }

    @Test
    void aSideOwesOneAnswerTheHigherRungAndAtAnEqualRungTheGreaterWeight() {
        World w = pair(3, PARAMS.with(Parameter.ENVOY_ANSWER, 2));
        w.declare(A, B, Ladder.SEVER);
        w.envoyAct(A, B);
        Dyad d = w.existing(A, B);
        int s = d.side(B);
        assertEquals(Ladder.SEVER, d.declaredRung[s]);
        assertEquals(1.0, d.declaredWeight[s], "the declared rupture stands, at its own weight");
        World v = pair(3, PARAMS.with(Parameter.ENVOY_ANSWER, 2));
        v.envoyAct(A, B);
        v.declare(A, B, Ladder.EXPEL);
        Dyad e = v.existing(A, B);
        assertEquals(Ladder.EXPEL, e.declaredRung[s]);
        assertEquals(2.0, e.declaredWeight[s], "at an equal rung the greater weight");
        // past its term a later act's answer replaces it
        v.setDay((int) PARAMS.get(Parameter.MEMORY) + 1);
        v.declare(A, B, Ladder.RECALL);
        assertEquals(Ladder.RECALL, e.declaredRung[s]);
        assertEquals(1.0, e.declaredWeight[s]);
    }
}

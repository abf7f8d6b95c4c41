package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * The daily decision of docs/MODEL.md 3.5, checked against the analytic logit probabilities.
 * Each draw starts from the same state (a fresh world sharing one generator), so the counts
 * of HOLD, ESCALATE and STEP DOWN are multinomial with the probabilities
 * {@code ∝ exp(λ·U)} computed here from the documented formula, independently of the code:
 * <pre>
 * E    = G·(1 + b_p·(p − ½) + b_h·(h − ½)) + b_r·R
 * K_t  = b_w·w + b_a·A⁺ + b_c·(1 − exp(−c/2)) + n·normCost·max(0, t − 2)/4
 * U(ESCALATE)  = b_g·(E − θ_{s+1} − K_{s+1})
 * U(STEP DOWN) = b_g·(θ_s − E) + b_m·M − owned·p·audienceCost·min(1, s/5)
 * </pre>
 * Every term is active in the state tested, and each test also checks that dropping any one
 * term would have been rejected by the same data, so the test has the power to catch it.
 */
class DecisionModelTest {
    private static final int DRAWS = 20_000;
    private static final int DAY = 100;

    /**
     * The parameters of these tests: the defaults, but for the decision's terms at the values the
     * states below were built for (the hand-set values before the library's calibration, section
     * 6.1), so that each state keeps every option likely enough to test the formula, whatever
     * the defaults.
     */
    private static final Parameters PARAMS = Parameters.defaults().with(Parameter.RECIPROCITY, 0.1)
            .with(Parameter.MEDIATION_WEIGHT, 3.0).with(Parameter.AUDIENCE_COST, 12.0)
            .with(Parameter.THRESHOLD_SEVER, 0.6).with(Parameter.RUPTURE_COST, 0.0)
            .with(Parameter.RESTORE_THRESHOLD, 0.3);

    private static double p(Parameter x) {
        return PARAMS.get(x);
    }

    private static final double LAMBDA = p(Parameter.RATIONALITY);
    private static final double BG = p(Parameter.GRIEVANCE_WEIGHT);
    private static final double[] THETA = {0, p(Parameter.THRESHOLD_PROTEST), p(Parameter.THRESHOLD_SUMMON),
        p(Parameter.THRESHOLD_RECALL), p(Parameter.THRESHOLD_EXPEL), p(Parameter.THRESHOLD_SEVER),
        p(Parameter.THRESHOLD_SANCTION)};

    /** The terms of the formula; an ablation switches one off or distorts it. */
    private record Formula(double bp, double bh, double br, double bw, double ba, double bc, double normCost,
            double bm, double audienceCost, double lambda, boolean consent) {
        static Formula documented() {
            return new Formula(p(Parameter.PRESSURE_WEIGHT), p(Parameter.HAWK_WEIGHT), p(Parameter.RECIPROCITY),
                    p(Parameter.TRADE_WEIGHT), p(Parameter.AFFINITY_WEIGHT), p(Parameter.CONDEMNATION_WEIGHT),
                    p(Parameter.NORM_COST), p(Parameter.MEDIATION_WEIGHT), p(Parameter.AUDIENCE_COST), LAMBDA, true);
        }
    }

    private static Map<String, Formula> ablations() {
        Formula f = Formula.documented();
        Map<String, Formula> m = new LinkedHashMap<>();
        m.put("without pressure in E", new Formula(0, f.bh, f.br, f.bw, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without hawkishness in E", new Formula(f.bp, 0, f.br, f.bw, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without reciprocity", new Formula(f.bp, f.bh, 0, f.bw, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without trade cost", new Formula(f.bp, f.bh, f.br, 0, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without affinity cost", new Formula(f.bp, f.bh, f.br, f.bw, 0, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without condemnation cost", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, 0, f.normCost, f.bm, f.audienceCost, f.lambda, true));
        m.put("without norm cost", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, f.bc, 0, f.bm, f.audienceCost, f.lambda, true));
        m.put("without mediation", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, f.bc, f.normCost, 0, f.audienceCost, f.lambda, true));
        m.put("without audience cost", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, f.bc, f.normCost, f.bm, 0, f.lambda, true));
        m.put("with half the rationality", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda / 2, true));
        return m;
    }

    /** One side's traits and its view of the other. */
    private record Side(double economic, double social, double pressure, double hawkishness, double norms,
            double grievance, double trade, double condemnation, int posture, boolean reciprocity) {}

    /** The state both the model and the formula are given. */
    private record State(Side i, Side j, Level level, boolean mediated) {}

    /** A fresh world in {@code state}; i is country 0, j country 1. */
    private static World build(State st, MersenneTwisterFast random) {
        return build(st, random, PARAMS);
    }

    private static World build(State st, MersenneTwisterFast random, Parameters params) {
        World w = new World(params, random);
        w.setDay(DAY);
        w.addCountry("III", st.i.economic, st.i.social, 0.5, st.i.pressure, st.i.hawkishness, st.i.norms, List.of());
        w.addCountry("JJJ", st.j.economic, st.j.social, 0.5, st.j.pressure, st.j.hawkishness, st.j.norms, List.of());
        w.setRelation(0, 1, st.level, st.i.grievance, st.j.grievance, st.i.trade, st.j.trade);
        Dyad d = w.existing(0, 1);
        Side[] sides = {st.i, st.j};
        for (int s = 0; s < 2; s++) {
            d.condemnation[s] = sides[s].condemnation;
            d.posture[s] = sides[s].posture; // owned by the governments in office (both 0)
            if (sides[s].grievance > 0) {
                d.lastAggrieved[s] = DAY - 1; // the grievance rose yesterday: climbing is open (3.5)
                d.lastGraveAggrieved[s] = DAY - 1; // from a grave act: every rung is open (3.5)
            }
            if (sides[1 - s].reciprocity) {
                d.lastEscalation[s] = DAY - 10; // s climbed against the other within memory
            }
        }
        if (st.mediated) {
            d.mediationUntil = DAY + 5;
        }
        return w;
    }

    // ----- the documented formula, written out ------------------------------------------

    private static double affinityPlus(Side a, Side b, Level level) {
        double ws = p(Parameter.SOCIAL_AXIS_WEIGHT);
        double de = a.economic - b.economic;
        double ds = a.social - b.social;
        double d = Math.sqrt((1 - ws) * de * de + ws * ds * ds) / 2;
        double aIdeo = p(Parameter.AFFINITY_IDEOLOGY);
        double aBloc = p(Parameter.AFFINITY_BLOC);
        double aLevel = p(Parameter.AFFINITY_LEVEL);
        double raw = aIdeo * (1 - d) + aLevel * (level.ordinal() - 2) / 2.0;
        return Math.max(0, 2 * (raw + aLevel) / (aIdeo + aBloc + 2 * aLevel) - 1);
    }

    private static double effective(Formula f, Side x) {
        return x.grievance * (1 + f.bp * (x.pressure - 0.5) + f.bh * (x.hawkishness - 0.5))
                + f.br * (x.reciprocity ? 1 : 0);
    }

    private static double cost(Formula f, Side x, Side other, Level level, int rung) {
        return f.bw * x.trade + f.ba * affinityPlus(x, other, level) + f.bc * (1 - Math.exp(-x.condemnation / 2))
                + x.norms * f.normCost * Math.max(0, rung - 2) / 4.0;
    }

    private static int standing(Side x, Level level) {
        int implied = level == Level.SEVERED ? 5 : level == Level.DOWNGRADED ? 3 : 0;
        return Math.max(x.posture, implied);
    }

    private static double stepDown(Formula f, Side x, Level level, boolean mediated) {
        int s = standing(x, level);
        boolean owned = x.posture >= s && x.posture > 0;
        return BG * (THETA[s] - effective(f, x)) + (mediated ? f.bm : 0)
                - (owned ? x.pressure * f.audienceCost * Math.min(1, s / 5.0) : 0);
    }

    private static double escalate(Formula f, State st) {
        int s = standing(st.i, st.level);
        return s >= 6 ? Double.NEGATIVE_INFINITY
                : BG * (effective(f, st.i) - THETA[s + 1] - cost(f, st.i, st.j, st.level, s + 1));
    }

    /** {P(HOLD), P(ESCALATE), P(STEP DOWN)} at NORMAL or above, where stepping down is a dialogue. */
    private static double[] choiceProbabilities(Formula f, State st) {
        double up = Math.exp(f.lambda * escalate(f, st));
        double down = Math.exp(f.lambda * stepDown(f, st.i, st.level, st.mediated));
        double total = 1 + up + down;
        return new double[] {1 / total, up / total, down / total};
    }

    /** P(restoration) below NORMAL: i chooses to step down, and j consents. */
    private static double restorationProbability(Formula f, State st) {
        double up = Math.exp(f.lambda * escalate(f, st));
        double down = Math.exp(f.lambda * stepDown(f, st.i, st.level, st.mediated));
        double consent = 1 / (1 + Math.exp(-f.lambda * stepDown(f, st.j, st.level, st.mediated)));
        return down / (1 + up + down) * (f.consent ? consent : 1);
    }

    // ----- tests -------------------------------------------------------------------------

    /** At NORMAL, owning a summons, under mediation, with every cost and reciprocity in play. */
    private static final State CHOICE = new State(
            new Side(0.2, 0.1, 0.2, 0.7, 0.6, 0.347, 0.02, 0.5, Ladder.SUMMON, true),
            new Side(-0.05, 0.0, 0.5, 0.5, 0.5, 0.1, 0.0, 0.0, Ladder.NONE, false),
            Level.NORMAL, true);

    @Test
    void holdEscalateAndStepDownAreChosenWithTheLogitProbabilitiesOfTheirUtilities() {
        double[] expected = choiceProbabilities(Formula.documented(), CHOICE);
        for (double q : expected) {
            assertTrue(q > 0.05, "the state must make every option likely enough to test: " + List.of(expected[0], expected[1], expected[2]));
        }
        MersenneTwisterFast random = new MersenneTwisterFast(20240405L);
        long[] counts = new long[3];
        int expectedRung = Ladder.RECALL; // E − K_4 < θ_4: one rung up, no jump
        for (int k = 0; k < DRAWS; k++) {
            World w = build(CHOICE, random);
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
            List<Event> events = w.events();
            if (events.isEmpty()) {
                counts[0]++;
            } else {
                assertEquals(1, events.size());
                Event e = events.get(0);
                assertEquals(0, e.actor());
                assertEquals(1, e.target());
                if (e.type() == EventType.DIALOGUE) {
                    counts[2]++;
                    assertEquals(Ladder.PROTEST, w.existing(0, 1).posture(0), "a dialogue steps one rung down");
                } else {
                    assertEquals(Ladder.act(expectedRung), e.type());
                    counts[1]++;
                }
            }
        }
        ChiSquareTest chi = new ChiSquareTest();
        double pValue = chi.chiSquareTest(scale(expected, DRAWS), counts);
        assertTrue(pValue > 1e-3, "counts " + List.of(counts[0], counts[1], counts[2]) + " against expected "
                + List.of(expected[0] * DRAWS, expected[1] * DRAWS, expected[2] * DRAWS) + ": p = " + pValue);
        // power: the same counts reject the formula with any one term left out
        List<String> notRejected = new ArrayList<>();
        ablations().forEach((name, f) -> {
            if (chi.chiSquareTest(scale(choiceProbabilities(f, CHOICE), DRAWS), counts) > 1e-6) {
                notRejected.add(name);
            }
        });
        assertTrue(notRejected.isEmpty(), "the data cannot tell the formula from its variants " + notRejected);
    }

    /** Severed, both sides owning the rupture, under mediation; i may propose, j must consent. */
    private static final State RESTORATION = new State(
            new Side(0.2, 0.1, 0.7, 0.3, 0.6, 0.07, 0.02, 0.5, Ladder.SEVER, false),
            new Side(-0.3, 0.0, 0.6, 0.5, 0.5, 0.17, 0.0, 0.0, Ladder.SEVER, false),
            Level.SEVERED, true);

    @Test
    void aRestorationHappensWithTheProbabilityOfProposingItTimesThatOfTheOtherSidesConsent() {
        double expected = restorationProbability(Formula.documented(), RESTORATION);
        double consent = 1 / (1 + Math.exp(-LAMBDA * stepDown(Formula.documented(), RESTORATION.j, Level.SEVERED, true)));
        assertTrue(expected > 0.05 && consent > 0.2 && consent < 0.8, "p = " + expected + ", consent = " + consent);
        MersenneTwisterFast random = new MersenneTwisterFast(77L);
        int restorations = 0;
        for (int k = 0; k < DRAWS; k++) {
            World w = build(RESTORATION, random);
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
            for (Event e : w.events()) {
                assertEquals(EventType.RESTORE_RELATIONS, e.type(), "no other act is likely from this state");
                restorations++;
            }
        }
        BinomialTest binomial = new BinomialTest();
        double pValue = binomial.binomialTest(DRAWS, restorations, expected, AlternativeHypothesis.TWO_SIDED);
        assertTrue(pValue > 1e-3, restorations + " restorations in " + DRAWS + ", expected " + expected * DRAWS);
        Map<String, Formula> variants = ablations();
        variants.remove("without trade cost"); // costs of escalating do not enter a restoration
        variants.remove("without affinity cost");
        variants.remove("without condemnation cost");
        variants.remove("without norm cost");
        variants.remove("without reciprocity"); // neither side climbed recently
        Formula f = Formula.documented();
        variants.put("without consent", new Formula(f.bp, f.bh, f.br, f.bw, f.ba, f.bc, f.normCost, f.bm, f.audienceCost, f.lambda, false));
        final int observed = restorations;
        List<String> notRejected = new ArrayList<>();
        variants.forEach((name, v) -> {
            if (binomial.binomialTest(DRAWS, observed, restorationProbability(v, RESTORATION), AlternativeHypothesis.TWO_SIDED) > 1e-6) {
                notRejected.add(name);
            }
        });
        assertTrue(notRejected.isEmpty(), "the data cannot tell the formula from its variants " + notRejected);
    }

    @Test
    void aGraveInjuryRaisesTheBarForProposingAndForConsentingToARestorationByChiTimesItsWeight() {
        // docs/MODEL.md 3.5, injuryMemory: θ_s − χ·injury_s in place of θ_s, for each side's own injury
        double chi = 1.0;
        double injuryI = 0.02;
        double injuryJ = 0.03;
        Parameters params = PARAMS.with(Parameter.INJURY_MEMORY, chi);
        double expected = injuredRestorationProbability(chi * injuryI, chi * injuryJ);
        assertTrue(expected > 0.01, "p = " + expected);
        MersenneTwisterFast random = new MersenneTwisterFast(41L);
        int restorations = count(EventType.RESTORE_RELATIONS, () -> {
            World w = build(RESTORATION, random, params);
            Dyad d = w.existing(0, 1);
            d.injury[d.side(0)] = injuryI;
            d.injury[d.side(1)] = injuryJ;
            return w;
        });
        assertCountFits(restorations, expected, "restorations");
        BinomialTest binomial = new BinomialTest();
        Map<String, Double> variants = new LinkedHashMap<>();
        variants.put("without the injuries", injuredRestorationProbability(0, 0));
        variants.put("on the proposer only", injuredRestorationProbability(chi * injuryI, 0));
        variants.put("on the consent only", injuredRestorationProbability(0, chi * injuryJ));
        final int observed = restorations;
        variants.forEach((name, q) -> assertTrue(
                binomial.binomialTest(DRAWS, observed, q, AlternativeHypothesis.TWO_SIDED) < 1e-6, name + ": p = " + q));
        // each side weighs its own injury, not the other's
        World w = build(RESTORATION, random, params);
        Dyad d = w.existing(0, 1);
        Country i = w.countries.get(0);
        double clean = w.decision.deescalationUtility(i, d, d.side(0), 0.1);
        d.injury[d.side(1)] = 0.5;
        assertEquals(clean, w.decision.deescalationUtility(i, d, d.side(0), 0.1), 1e-12);
        d.injury[d.side(0)] = 0.05;
        assertEquals(clean - BG * chi * 0.05, w.decision.deescalationUtility(i, d, d.side(0), 0.1), 1e-12);
        // with injuryFading the injury weighs as faded since the day it was done
        w = build(RESTORATION, random, params.with(Parameter.INJURY_FADING, 0.01));
        d = w.existing(0, 1);
        d.injury[d.side(0)] = 0.05;
        d.injuryDay[d.side(0)] = DAY - 100;
        assertEquals(clean - BG * chi * 0.05 * Math.pow(0.99, 100),
                w.decision.deescalationUtility(w.countries.get(0), d, d.side(0), 0.1), 1e-12);
        // without χ the same injuries change nothing
        w = build(RESTORATION, random);
        w.existing(0, 1).injury[0] = 1;
        assertEquals(restorationProbability(Formula.documented(), RESTORATION), probabilityOfActing(w), 1e-12);
    }

    @Test
    void theSamplersBoundHoldsOnEveryDayOfAWindowInWhichTheInjuriesFade() {
        // docs/MODEL.md 3.11: bound(len) bounds the daily probability of acting on each of the window's
        // days; with injuryFading the bar for mending falls day by day, so the bound must use the window's end
        Parameters params = PARAMS.with(Parameter.INJURY_MEMORY, 2.0).with(Parameter.INJURY_FADING, 0.05);
        int length = 40;
        World w = build(FADED, new MersenneTwisterFast(43L), params);
        Dyad d = w.existing(0, 1);
        d.mediationUntil = DAY + 2 * length; // restoration on the table all window long
        d.injury[d.side(0)] = 0.6;
        d.injury[d.side(1)] = 0.5;
        d.injuryDay[0] = DAY;
        d.injuryDay[1] = DAY;
        Country i = w.countries.get(0);
        w.decision.startWindow(i, d, d.side(0), DAY);
        double bound = w.decision.bound(length);
        double first = 0;
        double last = 0;
        for (int t = DAY; t < DAY + length; t++) {
            w.setDay(t);
            double p = w.decision.weigh(i, d, d.side(0)) ? w.decision.actProbability() : 0;
            assertTrue(p <= bound, "day " + t + ": p = " + p + " above the window's bound " + bound);
            first = t == DAY ? p : first;
            last = p;
        }
        assertTrue(last > 2 * first && last > 0.01, "the injuries must fade enough to test the bound: " + first + " → " + last);
    }

    /** P(restoration) from {@link #RESTORATION} with each side's threshold lowered by its χ·injury. */
    private static double injuredRestorationProbability(double barI, double barJ) {
        Formula f = Formula.documented();
        State st = RESTORATION;
        double up = Math.exp(LAMBDA * escalate(f, st));
        double down = Math.exp(LAMBDA * (stepDown(f, st.i, st.level, st.mediated) - BG * barI));
        double consent = 1 / (1 + Math.exp(-LAMBDA * (stepDown(f, st.j, st.level, st.mediated) - BG * barJ)));
        return down / (1 + up + down) * consent;
    }

    /** The probability that country 0 acts today, as the decision computes it. */
    private static double probabilityOfActing(World w) {
        Dyad d = w.existing(0, 1);
        assertTrue(w.decision.weigh(w.countries.get(0), d, d.side(0)));
        return w.decision.actProbability();
    }

    @Test
    void withoutMediationARestorationIsNotOnTheTableWhileEitherGrievanceIsAtTheRestoreThreshold() {
        double gRestore = p(Parameter.RESTORE_THRESHOLD);
        Side i = new Side(0.2, 0.1, 0.0, 0.5, 0.6, 0.05, 0, 0, Ladder.NONE, false);
        State aggrieved = new State(i, new Side(-0.3, 0.0, 0.0, 0.5, 0.5, gRestore, 0, 0, Ladder.NONE, false),
                Level.SEVERED, false);
        MersenneTwisterFast random = new MersenneTwisterFast(3L);
        for (int k = 0; k < 2_000; k++) {
            World w = build(aggrieved, random);
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
            assertTrue(w.events().isEmpty(), "draw " + k + ": " + w.events());
        }
        // the same state just below the threshold, on the day after a gesture: with nobody owning the
        // rupture, i restores at once
        State ready = new State(i, new Side(-0.3, 0.0, 0.0, 0.5, 0.5, gRestore - 0.01, 0, 0, Ladder.NONE, false),
                Level.SEVERED, false);
        World w = build(ready, random);
        w.existing(0, 1).lastGestureBy[0] = DAY - 1;
        w.decision.decide(w.countries.get(0), w.existing(0, 1));
        assertEquals(List.of(EventType.RESTORE_RELATIONS), w.events().stream().map(Event::type).toList());
    }

    /** Low grievances below NORMAL, nothing owned: a restoration waits only for an occasion (section 3.5). */
    private static final State FADED = new State(new Side(0.2, 0.1, 0.0, 0.5, 0.6, 0.05, 0, 0, Ladder.NONE, false),
            new Side(-0.3, 0.0, 0.0, 0.5, 0.5, 0.05, 0, 0, Ladder.NONE, false), Level.SEVERED, false);

    private static List<EventType> decideOnce(World w) {
        w.decision.decide(w.countries.get(0), w.existing(0, 1));
        return w.events().stream().map(Event::type).toList();
    }

    @Test
    void aGrievanceThatHasNotRisenWithinMemoryHoldsOrStepsDownButNeverClimbs() {
        // the state whose three options are all likely (above), its grievance last raised memory + 1 days ago
        MersenneTwisterFast random = new MersenneTwisterFast(17L);
        int holds = 0;
        int dialogues = 0;
        for (int k = 0; k < 4_000; k++) {
            World w = build(CHOICE, random);
            w.existing(0, 1).lastAggrieved[0] = DAY - (int) p(Parameter.MEMORY) - 1;
            List<EventType> acts = decideOnce(w);
            assertTrue(acts.isEmpty() || acts.equals(List.of(EventType.DIALOGUE)), "draw " + k + ": " + acts);
            holds += acts.isEmpty() ? 1 : 0;
            dialogues += acts.isEmpty() ? 0 : 1;
        }
        // HOLD and STEP DOWN keep their weights: the step down's share is w_down / (w_hold + w_down)
        double[] q = choiceProbabilities(Formula.documented(), CHOICE);
        double expected = q[2] / (q[0] + q[2]);
        assertEquals(expected, dialogues / 4000.0, 4 * Math.sqrt(expected * (1 - expected) / 4000), holds + " holds");
    }

    @Test
    void aSideThatSteppedDownClimbsAgainOnlyOnANewRiseOfItsGrievance() {
        MersenneTwisterFast random = new MersenneTwisterFast(19L);
        double[] q = choiceProbabilities(Formula.documented(), CHOICE);
        int dialogues = 0;
        for (int k = 0; k < 4_000; k++) {
            World w = build(CHOICE, random);
            Dyad d = w.existing(0, 1);
            d.lastAggrieved[0] = DAY - 2;
            d.lastStepDown[0] = DAY - 1; // it offered dialogue after the rise: the rise is answered
            List<EventType> acts = decideOnce(w);
            assertTrue(acts.isEmpty() || acts.equals(List.of(EventType.DIALOGUE)), "draw " + k + ": " + acts);
            if (!acts.isEmpty()) {
                dialogues++;
                assertEquals(DAY, d.lastStepDown[0], "a dialogue is a step down of its own");
            }
        }
        double expected = q[2] / (q[0] + q[2]);
        assertEquals(expected, dialogues / 4000.0, 4 * Math.sqrt(expected * (1 - expected) / 4000));
        // a rise after the step down opens climbing again, with the logit's share
        int climbs = 0;
        for (int k = 0; k < 4_000; k++) {
            World w = build(CHOICE, random);
            w.existing(0, 1).lastStepDown[0] = DAY - 2;
            List<EventType> acts = decideOnce(w);
            climbs += acts.equals(List.of(Ladder.act(Ladder.RECALL))) ? 1 : 0;
        }
        assertEquals(q[1], climbs / 4000.0, 4 * Math.sqrt(q[1] * (1 - q[1]) / 4000));
        // a rise on the day of the step down is a new one too (docs/MODEL.md 3.5: "on the day of the step down or later")
        int sameDay = 0;
        for (int k = 0; k < 4_000; k++) {
            World w = build(CHOICE, random);
            Dyad d = w.existing(0, 1);
            d.lastAggrieved[0] = DAY - 1;
            d.lastStepDown[0] = DAY - 1;
            List<EventType> acts = decideOnce(w);
            sameDay += acts.equals(List.of(Ladder.act(Ladder.RECALL))) ? 1 : 0;
        }
        assertEquals(q[1], sameDay / 4000.0, 4 * Math.sqrt(q[1] * (1 - q[1]) / 4000));
    }

    /** Climbs (to a recall, the rung the CHOICE state justifies) in 4,000 draws of side 0 set up by {@code setUp}. */
    private static int climbs(Parameters params, long seed, java.util.function.Consumer<Dyad> setUp) {
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        int climbs = 0;
        for (int k = 0; k < 4_000; k++) {
            World w = build(CHOICE, random, params);
            Dyad d = w.existing(0, 1);
            d.lastAggrieved[0] = Integer.MIN_VALUE / 2; // no rise but those set below
            setUp.accept(d);
            List<EventType> acts = decideOnce(w);
            climbs += acts.equals(List.of(Ladder.act(Ladder.RECALL))) ? 1 : 0;
        }
        return climbs;
    }

    @Test
    void underArmedExchangeARiseFromTheOthersForceOpensNoClimbWhileTheSidesOwnForcesAreEngaged() {
        Parameters armed = PARAMS.with(Parameter.ARMED_EXCHANGE, 1);
        int memory = (int) p(Parameter.MEMORY);
        double q = choiceProbabilities(Formula.documented(), CHOICE)[1];
        double width = 4 * Math.sqrt(q * (1 - q) / 4000);
        // the other's strike yesterday, the side's own strike on that day, memory days before it, or since: engaged
        for (int own : new int[] {DAY - 1, DAY - 1 - memory, DAY}) {
            assertEquals(0, climbs(armed, 29L, d -> {
                d.lastArmedRise[0] = DAY - 1;
                d.lastArmed[0] = own;
            }), "own armed act on day " + own);
        }
        // its own strike memory + 1 days before the other's: no longer engaged, and the rise opens a climb
        int open = climbs(armed, 31L, d -> {
            d.lastArmedRise[0] = DAY - 1;
            d.lastArmed[0] = DAY - 2 - memory;
        });
        assertEquals(q, open / 4000.0, width);
        // never engaged: the other's strike opens a climb as any rise does
        assertEquals(q, climbs(armed, 37L, d -> d.lastArmedRise[0] = DAY - 1) / 4000.0, width);
        // an armed rise answered by a step down since is closed, as any rise is
        assertEquals(0, climbs(armed, 41L, d -> {
            d.lastArmedRise[0] = DAY - 2;
            d.lastStepDown[0] = DAY - 1;
        }));
    }

    @Test
    void underArmedExchangeTheSidesOwnArmedActClosesTheRisesBeforeItButNotThoseOfItsDay() {
        Parameters armed = PARAMS.with(Parameter.ARMED_EXCHANGE, 1);
        double q = choiceProbabilities(Formula.documented(), CHOICE)[1];
        double width = 4 * Math.sqrt(q * (1 - q) / 4000);
        // a rise (an insult, say) two days ago, answered by the side's own strike yesterday
        assertEquals(0, climbs(armed, 43L, d -> {
            d.lastAggrieved[0] = DAY - 2;
            d.lastArmed[0] = DAY - 1;
        }));
        // a rise of the day of the strike stays open, as one of the day of a step down does
        assertEquals(q, climbs(armed, 47L, d -> {
            d.lastAggrieved[0] = DAY - 1;
            d.lastArmed[0] = DAY - 1;
        }) / 4000.0, width);
    }

    @Test
    void aRestorationIsAStepDownOfBothGovernments() {
        World w = build(FADED, new MersenneTwisterFast(23L));
        Dyad d = w.existing(0, 1);
        d.lastGestureBy[0] = DAY - 1;
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(w));
        assertEquals(DAY, d.lastStepDown[0], "the government that proposed it");
        assertEquals(DAY, d.lastStepDown[1], "the government that consented");
        // a scripted dialogue is a step down of its actor alone, as a decided one is
        World scripted = build(CHOICE, new MersenneTwisterFast(24L));
        Dyad p = scripted.existing(0, 1);
        scripted.act(1, 0, EventType.DIALOGUE, Event.NONE);
        assertEquals(DAY, p.lastStepDown[p.side(1)]);
        assertTrue(p.lastStepDown[p.side(0)] < DAY - 1000, "the other side has not stepped down");
    }

    @Test
    void ripeRestorationLeavesDialogueAsItIs() {
        // the option acts below NORMAL only: at NORMAL the three options keep their documented weights
        Parameters ripe = PARAMS.with(Parameter.RIPE_RESTORATION, 1);
        double[] q = choiceProbabilities(Formula.documented(), CHOICE);
        MersenneTwisterFast random = new MersenneTwisterFast(31L);
        long[] counts = new long[3];
        for (int k = 0; k < DRAWS; k++) {
            World w = build(CHOICE, random, ripe);
            List<EventType> acts = decideOnce(w);
            counts[acts.isEmpty() ? 0 : acts.get(0) == EventType.DIALOGUE ? 2 : 1]++;
        }
        ChiSquareTest chi = new ChiSquareTest();
        assertTrue(chi.chiSquareTest(scale(q, DRAWS), counts) > 1e-3, List.of(counts[0], counts[1], counts[2]) + " against "
                + List.of(q[0] * DRAWS, q[1] * DRAWS, q[2] * DRAWS));
    }

    /** Severed under a mediation, nobody owning the rupture, both grievances just below g_restore (0.3 here). */
    private static final State RIPE = new State(
            new Side(0.2, 0.1, 0.3, 0.6, 0.6, 0.29, 0, 0, Ladder.NONE, false),
            new Side(-0.3, 0.0, 0.5, 0.5, 0.5, 0.28, 0, 0, Ladder.NONE, false),
            Level.SEVERED, true);

    /** P(restoration) under {@code ripeRestoration}: step-down utilities against {@code threshold}, with or without b_m. */
    private static double ripeRestorationProbability(double threshold, boolean pull) {
        return ripeRestorationProbability(RIPE, threshold, pull);
    }

    private static double ripeRestorationProbability(State st, double threshold, boolean pull) {
        Formula f = Formula.documented();
        double up = Math.exp(LAMBDA * escalate(f, st));
        double down = Math.exp(LAMBDA * (BG * (threshold - effective(f, st.i)) + (pull ? f.bm : 0)));
        double consent = 1 / (1 + Math.exp(-LAMBDA * (BG * (threshold - effective(f, st.j)) + (pull ? f.bm : 0))));
        return down / (1 + up + down) * consent;
    }

    @Test
    void withRipeRestorationAReturnOfAmbassadorsIsWeighedAgainstTheLowerOfTheRecallsThresholdAndTheRestoreThreshold() {
        // at DOWNGRADED with g_restore above the recall's θ_3, the lower (θ_3) is what mends
        Parameters ripe = PARAMS.with(Parameter.RIPE_RESTORATION, 1).with(Parameter.RESTORE_THRESHOLD, 0.5);
        State downgraded = new State(new Side(0.2, 0.1, 0.3, 0.6, 0.6, 0.33, 0, 0, Ladder.NONE, false),
                new Side(-0.3, 0.0, 0.5, 0.5, 0.5, 0.32, 0, 0, Ladder.NONE, false), Level.DOWNGRADED, true);
        double expected = ripeRestorationProbability(downgraded, THETA[Ladder.RECALL], false);
        double atRestore = ripeRestorationProbability(downgraded, 0.5, false);
        assertTrue(expected > 0.3 && expected < 0.9 && atRestore > 0.99, expected + " against " + atRestore);
        MersenneTwisterFast random = new MersenneTwisterFast(37L);
        int returns = count(EventType.RETURN_AMBASSADOR, () -> build(downgraded, random, ripe));
        assertCountFits(returns, expected, "returns");
        BinomialTest binomial = new BinomialTest();
        assertTrue(binomial.binomialTest(DRAWS, returns, atRestore, AlternativeHypothesis.TWO_SIDED) < 1e-6,
                "not weighed against g_restore: " + returns);
    }

    @Test
    void withRipeRestorationARestorationIsWeighedAgainstTheRestoreThresholdWithoutAMediatorsPull() {
        Parameters ripe = PARAMS.with(Parameter.RIPE_RESTORATION, 1);
        double gRestore = p(Parameter.RESTORE_THRESHOLD);
        double expected = ripeRestorationProbability(gRestore, false);
        assertTrue(expected > 0.3 && expected < 0.8, "the state must leave the outcome open: p = " + expected);
        MersenneTwisterFast random = new MersenneTwisterFast(29L);
        int restorations = count(EventType.RESTORE_RELATIONS, () -> build(RIPE, random, ripe));
        assertCountFits(restorations, expected, "restorations");
        BinomialTest binomial = new BinomialTest();
        // power: the same count rejects the default rule (the rupture's threshold and the mediator's pull) and each half of it
        Map<String, Double> variants = new LinkedHashMap<>();
        variants.put("default rule", restorationProbability(Formula.documented(), RIPE));
        variants.put("with the mediator's pull", ripeRestorationProbability(gRestore, true));
        variants.put("against the rupture's threshold", ripeRestorationProbability(THETA[Ladder.SEVER], false));
        final int observed = restorations;
        variants.forEach((name, q) -> assertTrue(
                binomial.binomialTest(DRAWS, observed, q, AlternativeHypothesis.TWO_SIDED) < 1e-6, name + ": p = " + q));
        // without the option the same state restores by the default rule
        int byDefault = 0;
        for (int k = 0; k < 2_000; k++) {
            byDefault += decideOnce(build(RIPE, random)).size();
        }
        double q = restorationProbability(Formula.documented(), RIPE);
        assertEquals(q, byDefault / 2000.0, 4 * Math.sqrt(q * (1 - q) / 2000) + 1e-3);
    }

    /** Acts of {@code type} in {@link #DRAWS} fresh worlds from {@code make}, each deciding once; no other act may happen. */
    private static int count(EventType type, java.util.function.Supplier<World> make) {
        int n = 0;
        for (int k = 0; k < DRAWS; k++) {
            for (Event e : decideOnceEvents(make.get())) {
                assertEquals(type, e.type());
                n++;
            }
        }
        return n;
    }

    /** The binomial test does not reject {@code expected} for {@code count} of {@link #DRAWS}. */
    private static void assertCountFits(int count, double expected, String what) {
        assertTrue(new BinomialTest().binomialTest(DRAWS, count, expected, AlternativeHypothesis.TWO_SIDED) > 1e-3,
                count + " " + what + " in " + DRAWS + ", expected " + expected * DRAWS);
    }

    private static List<Event> decideOnceEvents(World w) {
        w.decision.decide(w.countries.get(0), w.existing(0, 1));
        return w.events();
    }

    @Test
    void aFadedGrievanceAloneIsNoOccasionToRestore() {
        MersenneTwisterFast random = new MersenneTwisterFast(5L);
        for (int k = 0; k < 2_000; k++) {
            World w = build(FADED, random);
            assertEquals(List.of(), decideOnce(w), "draw " + k);
        }
        // a gesture out of memory is no occasion either
        World w = build(FADED, random);
        w.existing(0, 1).lastGestureBy[0] = DAY - w.memory - 1;
        for (int k = 0; k < 200; k++) {
            assertEquals(List.of(), decideOnce(w), "draw " + k);
        }
    }

    @Test
    void aGestureWithinMemoryOrAChangeOfGovernmentIsAnOccasionToRestore() {
        MersenneTwisterFast random = new MersenneTwisterFast(7L);
        World gesture = build(FADED, random);
        gesture.existing(0, 1).lastGestureBy[0] = DAY - gesture.memory;
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(gesture), "a gesture on the last day of memory");

        World turnover = build(FADED, random);
        turnover.countries.get(1).government++; // the other side's government changed since the rupture
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(turnover), "a new government on the other side");

        // a restoration is itself no gesture: the next step up needs an occasion of its own
        World stepped = build(FADED, random);
        stepped.existing(0, 1).lastGestureBy[0] = DAY - 1;
        stepped.existing(0, 1).grievance[0] = 0.2; // the restorer's own, above g_restore/2: back to DOWNGRADED only
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(stepped));
        Dyad d = stepped.existing(0, 1);
        assertEquals(Level.DOWNGRADED, d.level());
        assertEquals(DAY - 1, d.lastGesture(), "the restoration leaves the day of the last gesture as it was");
        assertEquals(0, d.levelGovernment[0], "the new level is the governments' in office");
    }

    @Test
    void underReciprocalGesturesAOneSidedGestureIsNoOccasionToRestore() {
        // section 3.5, reciprocalGesture: after a rupture a gesture opens the occasion only when the other side made one within memory
        Parameters reciprocal = PARAMS.with(Parameter.RECIPROCAL_GESTURE, 1);
        MersenneTwisterFast random = new MersenneTwisterFast(11L);
        for (int side = 0; side < 2; side++) {
            World w = build(FADED, random, reciprocal);
            Dyad d = w.existing(0, 1);
            w.act(side, 1 - side, EventType.DIALOGUE, Event.NONE); // the pair's first gesture, by one side only
            assertEquals(w.day, d.lastGestureBy[side]);
            for (int k = 0; k < 200; k++) {
                assertEquals(List.of(EventType.DIALOGUE), decideOnce(w), "a gesture by side " + side + " alone, draw " + k);
            }
            // without the option the same gesture is an occasion
            World plain = build(FADED, random);
            plain.act(side, 1 - side, EventType.DIALOGUE, Event.NONE);
            assertEquals(List.of(EventType.DIALOGUE, EventType.RESTORE_RELATIONS), decideOnce(plain), "one gesture, option off");
        }
        // answered within memory: an occasion, until the earlier of the two leaves memory
        World answered = build(FADED, random, reciprocal);
        Dyad d = answered.existing(0, 1);
        d.lastGestureBy[0] = DAY - answered.memory;
        d.lastGestureBy[1] = DAY - 2;
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(answered), "both gestures within memory");
        World stale = build(FADED, random, reciprocal);
        stale.existing(0, 1).lastGestureBy[0] = DAY - stale.memory - 1;
        stale.existing(0, 1).lastGestureBy[1] = DAY - 1;
        for (int k = 0; k < 200; k++) {
            assertEquals(List.of(), decideOnce(stale), "one of the two gestures out of memory, draw " + k);
        }
        // a change of government stays an occasion with no gesture at all
        World turnover = build(FADED, random, reciprocal);
        turnover.countries.get(1).government++;
        assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(turnover), "a new government on the other side");
        // a return of ambassadors keeps the one-sided occasion: a government sends its own envoy back
        World recalled = build(new State(FADED.i(), FADED.j(), Level.DOWNGRADED, false), random, reciprocal);
        recalled.act(1, 0, EventType.DIALOGUE, Event.NONE);
        assertEquals(List.of(EventType.DIALOGUE, EventType.RETURN_AMBASSADOR), decideOnce(recalled),
                "a gesture by the other side alone, ambassadors recalled");
    }

    /**
     * FADED but for i: its grievance above g_restore/2 (a restoration goes back to DOWNGRADED only),
     * and the rupture taken by its government (pressure 0.2) and owned by it.
     */
    private static final State OWNED_RUPTURE = new State(new Side(0.2, 0.1, 0.2, 0.5, 0.6, 0.25, 0, 0, Ladder.SEVER, false),
            FADED.j(), Level.SEVERED, false);

    @Test
    void aNewGovernmentThatRestoresOwnsNoPostureItDidNotTake() {
        // section 3.5: audience costs bind the governments that took the posture. After a restoration to
        // DOWNGRADED, i stands on a recall: the government that severed still owns it, a successor does not
        double pressure = OWNED_RUPTURE.i().pressure();
        double face = pressure * p(Parameter.AUDIENCE_COST) * Ladder.RECALL / Ladder.SEVER;
        for (boolean successor : new boolean[] {false, true}) {
            World w = build(OWNED_RUPTURE, new MersenneTwisterFast(3L));
            Dyad d = w.existing(0, 1);
            if (successor) {
                w.countries.get(0).government++; // i's government changed since the rupture: an occasion
            } else {
                d.lastGestureBy[0] = DAY - 1; // the same government, after a gesture
            }
            assertEquals(List.of(EventType.RESTORE_RELATIONS), decideOnce(w), successor ? "the successor" : "the severer");
            assertEquals(Level.DOWNGRADED, d.level());
            assertEquals(Ladder.RECALL, d.posture[0], "the posture falls to what the new level implies");
            Country i = w.countries.get(0);
            double e = 0.05;
            double standing = w.decision.deescalationUtility(i, d, 0, e);
            d.posture[0] = Ladder.NONE;
            double free = w.decision.deescalationUtility(i, d, 0, e);
            assertEquals(successor ? 0 : face, free - standing, 1e-12, successor
                    ? "the successor returns its ambassador free of its predecessor's audience costs"
                    : "the government that severed still owns its recall");
        }
    }

    @Test
    void answeringABreachWithinMemoryCarriesNoNormCost() {
        // a grievance that justifies a rupture only without the norm cost (n·normCost·3/4 at rung 5)
        double norms = 0.9;
        double normCostSever = norms * p(Parameter.NORM_COST) * 3 / 4.0;
        double theta5 = p(Parameter.THRESHOLD_SEVER);
        double g = theta5 + normCostSever / 2; // E = G at pressure and hawkishness 0.5
        // distant governments (no affinity cost) at DOWNGRADED: the rung above is an expulsion
        State wronged = new State(new Side(0.7, 0.5, 0.5, 0.5, norms, g, 0, 0, Ladder.NONE, false),
                new Side(-0.7, -0.4, 0.5, 0.5, 0.5, 0.0, 0, 0, Ladder.NONE, false), Level.DOWNGRADED, false);
        MersenneTwisterFast random = new MersenneTwisterFast(13L);
        int severedPlain = 0;
        int severedAnswering = 0;
        for (int k = 0; k < 400; k++) {
            World plain = build(wronged, random);
            severedPlain += decideOnce(plain).contains(EventType.SEVER_RELATIONS) ? 1 : 0;
            World answering = build(wronged, random);
            answering.existing(0, 1).lastBreach[1] = DAY - 3; // the other side raided i's embassy three days ago
            severedAnswering += decideOnce(answering).contains(EventType.SEVER_RELATIONS) ? 1 : 0;
        }
        assertEquals(0, severedPlain, "with the norm cost the grievance stops at an expulsion");
        assertTrue(severedAnswering > 300, severedAnswering + " ruptures in 400 draws when answering the breach");
    }

    @Test
    void aSevereGrievanceJumpsToTheHighestRungItJustifies() {
        State furious = new State(
                new Side(0.2, 0.1, 0.8, 0.8, 0.6, 0.95, 0.02, 0.5, Ladder.NONE, false),
                new Side(-0.05, 0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, Ladder.NONE, false),
                Level.NORMAL, false);
        Formula f = Formula.documented();
        int rung = 1;
        for (int t = 1; t <= Ladder.TOP; t++) {
            if (effective(f, furious.i) - cost(f, furious.i, furious.j, Level.NORMAL, t) >= THETA[t]) {
                rung = t;
            }
        }
        assertEquals(Ladder.SEVER, rung, "the state is built to justify a rupture, not sanctions");
        MersenneTwisterFast random = new MersenneTwisterFast(11L);
        for (int k = 0; k < 200; k++) {
            World w = build(furious, random);
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
            assertEquals(List.of(EventType.SEVER_RELATIONS), w.events().stream().map(Event::type).toList());
            assertEquals(Level.SEVERED, w.existing(0, 1).level());
        }
    }

    /**
     * What i does in the furious state after {@code acts} of j against it, each on the day given
     * (counted back from today): with an expulsion in answer to the first act if asked.
     */
    private static EventType climbAfter(List<Act> acts, int[] daysAgo, boolean answeredExpulsion, Parameters params,
            MersenneTwisterFast random) {
        State furious = new State(
                new Side(0.2, 0.1, 0.8, 0.8, 0.6, 0.95, 0.02, 0.5, Ladder.NONE, false),
                new Side(-0.05, 0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, Ladder.NONE, false),
                Level.NORMAL, false);
        World w = build(furious, random, params);
        w.existing(0, 1).lastGraveAggrieved[0] = Integer.MIN_VALUE / 2; // only the acts below say what the dispute is
        Event first = null;
        for (int k = 0; k < acts.size(); k++) {
            w.setDay(DAY - daysAgo[k]);
            Event e = w.act(acts.get(k));
            first = first == null ? e : first;
        }
        w.setDay(DAY);
        if (answeredExpulsion) { // the latest rise is j's expulsion, itself an answer to the first act
            w.act(1, 0, EventType.EXPEL_DIPLOMATS, first.id());
            w.existing(0, 1).level = Level.NORMAL.ordinal();
            w.existing(0, 1).posture[1] = Ladder.NONE;
        }
        Dyad d = w.existing(0, 1);
        d.grievance[0] = 0.95; // the furious state's grievance, whatever the acts added
        d.lastAggrieved[0] = DAY;
        int before = w.events().size();
        w.decision.decide(w.countries.get(0), d);
        List<Event> after = w.events().subList(before, w.events().size());
        assertEquals(1, after.size(), "the furious state always climbs: " + after);
        return after.get(0).type();
    }

    private static EventType climbAfter(Act act, boolean answeredExpulsion, Parameters params, MersenneTwisterFast random) {
        return climbAfter(List.of(act), new int[] {0}, answeredExpulsion, params, random);
    }

    @Test
    void withTheOptionARuptureAnswersOnlyADisputeRootedInABreachAnInterferenceOrATerritorialAct() {
        MersenneTwisterFast random = new MersenneTwisterFast(23L);
        Parameters gateOff = PARAMS; // the option is off by default
        Parameters gated = PARAMS.with(Parameter.RUPTURE_GATE, 1);
        Act insult = new Act(1, 0, EventType.CUSTOM, -9.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "insult");
        Act interference = new Act(1, 0, EventType.CUSTOM, -9.0, 1.0, true, false, false, false, Event.NONE, Event.NONE, "meddling");
        Act breach = new Act(1, 0, EventType.CUSTOM, -9.0, 1.0, false, true, false, false, Event.NONE, Event.NONE, "killing");
        Act raid = Act.of(1, 0, EventType.EMBASSY_RAID, Event.NONE);
        Act border = Act.of(1, 0, EventType.BORDER_INCIDENT, Event.NONE);
        Act claim = new Act(1, 0, EventType.CUSTOM, -9.0, 1.0, false, false, true, false, Event.NONE, Event.NONE, "claim");
        int memory = (int) PARAMS.get(Parameter.MEMORY);
        for (int k = 0; k < 50; k++) {
            assertEquals(EventType.EXPEL_DIPLOMATS, climbAfter(insult, false, gated, random),
                    "a dispute of words stops at an expulsion, whatever the grievance");
            assertEquals(EventType.EXPEL_DIPLOMATS, climbAfter(insult, true, gated, random),
                    "and so does the answer to the other's answer: the crisis's root is what counts");
            // a grave root leaves the rungs above an expulsion open (a breach answered costs no norm: sanctions, even)
            assertEquals(EventType.SEVER_RELATIONS, climbAfter(interference, false, gated, random));
            assertTrue(climbAfter(breach, true, gated, random).rung() > Ladder.EXPEL, "the answer to a breach's answer");
            assertTrue(climbAfter(raid, false, gated, random).rung() > Ladder.EXPEL);
            assertEquals(EventType.SEVER_RELATIONS, climbAfter(border, false, gated, random));
            assertEquals(EventType.SEVER_RELATIONS, climbAfter(claim, false, gated, random), "a territorial act is grave");
            // a raid and, the same day, words in another quarrel: the raid is still answered (within memory)
            assertTrue(climbAfter(List.of(raid, insult), new int[] {0, 0}, false, gated, random).rung() > Ladder.EXPEL);
            // a raid out of memory and fresh words: the words are what is answered
            assertEquals(EventType.EXPEL_DIPLOMATS, climbAfter(List.of(raid, insult), new int[] {memory + 1, 0}, false, gated,
                    random));
            assertEquals(EventType.SEVER_RELATIONS, climbAfter(insult, false, gateOff, random), "without the option (the default)");
        }
    }

    @Test
    void whenHoldingIsCertainNoRandomNumberIsDrawn() {
        // all its trade at stake and no grievance: escalating weighs below e^-40; no posture to step down from
        State content = new State(
                new Side(0.2, 0.1, 0.5, 0.5, 0.5, 0.0, 1.0, 0.0, Ladder.NONE, false),
                new Side(-0.05, 0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, Ladder.NONE, false),
                Level.NORMAL, false);
        MersenneTwisterFast used = new MersenneTwisterFast(99L);
        MersenneTwisterFast reference = new MersenneTwisterFast(99L);
        World w = build(content, used);
        for (int k = 0; k < 100; k++) {
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
        }
        assertTrue(w.events().isEmpty());
        assertEquals(reference.nextLong(), used.nextLong(), "the run's stream is untouched");
    }

    private static double[] scale(double[] p, int n) {
        double[] e = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            e[k] = p[k] * n;
        }
        return e;
    }

    @Test
    void reciprocityAnswersARaiseOfTheStakesNotAnAnswerInKind() {
        World w = new World(PARAMS, new MersenneTwisterFast(1));
        int a = w.addCountry("AAA", 0.5, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        int b = w.addCountry("BBB", -0.5, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.act(a, b, EventType.SUMMON_AMBASSADOR, Event.NONE);
        Dyad d = w.existing(a, b);
        int never = Integer.MIN_VALUE / 2;
        assertEquals(w.day, d.lastEscalation[d.side(a)], "a summons above the other's standing raises the stakes");
        w.act(b, a, EventType.PROTEST, Event.NONE);
        w.act(b, a, EventType.SUMMON_AMBASSADOR, Event.NONE);
        assertEquals(never, d.lastEscalation[d.side(b)], "answers up to the other's own rung raise nothing");
        w.act(b, a, EventType.RECALL_AMBASSADOR, Event.NONE);
        assertEquals(w.day, d.lastEscalation[d.side(b)], "a recall above a summons does");
    }
}

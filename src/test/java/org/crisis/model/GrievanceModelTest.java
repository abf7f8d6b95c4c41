package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.crisis.observe.PairRecords;
import org.junit.jupiter.api.Test;

/**
 * Perception and decay, docs/MODEL.md 3.3: the saturating update
 * {@code G ← 1 − (1 − G)·exp(−Δ)} with
 * {@code Δ = κ·|γ|/10·severity·(1 + σ·interference)·(1 + τ·territorial)·(1 + α·d)·(1 − φ·inKind)},
 * the cooperative update, and the daily decay {@code G ← G·(1 − δ)}, read as of the day and
 * caught up on when a pair is next touched (3.3, 3.11).
 */
class GrievanceModelTest {
    private static final double KAPPA = Parameter.GRIEVANCE_GAIN.defaultValue();
    private static final double KAPPA_COOP = Parameter.COOPERATION_GAIN.defaultValue();
    private static final double ALPHA = Parameter.IDEOLOGY_AMPLIFIER.defaultValue();
    private static final double PHI = Parameter.IN_KIND_DISCOUNT.defaultValue();
    private static final double DELTA = Parameter.GRIEVANCE_DECAY.defaultValue();
    private static final double W_S = Parameter.SOCIAL_AXIS_WEIGHT.defaultValue();
    private static final double TAU = Parameter.TERRITORIAL_SALIENCE.defaultValue();

    /** The victim: right of centre, sovereignty-sensitive. */
    private static final double VICTIM_ECONOMIC = 0.6;
    private static final double VICTIM_SOCIAL = 0.4;
    private static final double SIGMA = 0.8;

    private World w;
    private PairRecords records;
    private int victim;

    private World world(Parameters p) {
        w = new World(p, new MersenneTwisterFast(5));
        records = new PairRecords();
        w.listen(records);
        victim = w.addCountry("VIC", VICTIM_ECONOMIC, VICTIM_SOCIAL, SIGMA, 0.5, 0.5, 0.5, List.of());
        return w;
    }

    private int actorAt(String id, double economic, double social) {
        return w.addCountry(id, economic, social, 0.3, 0.5, 0.5, 0.5, List.of());
    }

    /** docs/MODEL.md 3.2, written out: weighted Euclidean distance scaled to [0, 1]. */
    private static double distance(double e1, double s1, double e2, double s2) {
        return Math.sqrt((1 - W_S) * (e1 - e2) * (e1 - e2) + W_S * (s1 - s2) * (s1 - s2)) / 2;
    }

    /** The Δ a grievance moved by, recovered from the saturating update. */
    private static double deltaOf(double before, double after) {
        return -Math.log((1 - after) / (1 - before));
    }

    @Test
    void anAsylumGrantRaisesTheVictimsGrievanceByTheSaturatingUpdate() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.2, 0.1, 0, 0);
        w.act(new Act(actor, victim, EventType.ASYLUM_GRANT, -4.0, 1.5, true, false, false, false, Event.NONE, Event.NONE, ""));

        double d = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.4, -0.2);
        assertEquals(0.458258, d, 1e-6); // sqrt(0.75·1.0² + 0.25·0.6²)/2
        double delta = KAPPA * 4.0 / 10 * 1.5 * (1 + SIGMA) * (1 + ALPHA * d);
        double expected = 1 - (1 - 0.2) * Math.exp(-delta);
        Dyad dyad = w.existing(victim, actor);
        assertEquals(expected, dyad.grievanceOf(victim), 1e-12);
        assertEquals(0.371350, dyad.grievanceOf(victim), 1e-6, "hand-computed at κ = 0.153047");
        assertEquals(0.1, dyad.grievanceOf(actor), 0.0, "the actor's own grievance does not move");
    }

    @Test
    void interferenceIsFeltInProportionToTheVictimsSovereignty() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.1, 0, 0, 0);
        Dyad d = w.existing(victim, actor);
        // same weight (γ = −4), with and without the interference flag
        w.act(actor, victim, EventType.SAFE_CONDUCT_DENIED, Event.NONE);
        double plain = deltaOf(0.1, d.grievanceOf(victim));
        double before = d.grievanceOf(victim);
        w.act(actor, victim, EventType.ASYLUM_GRANT, Event.NONE);
        double interfering = deltaOf(before, d.grievanceOf(victim));
        assertEquals(1 + SIGMA, interfering / plain, 1e-9);
    }

    @Test
    void aBreachOfTheVictimsMissionIsFeltInProportionToItsSovereignty() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.1, 0, 0, 0);
        Dyad d = w.existing(victim, actor);
        // the same weight (γ = −9), as a plain act and as a breach of a norm (an embassy raid)
        w.act(new Act(actor, victim, EventType.CUSTOM, -9.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "plain"));
        double plain = deltaOf(0.1, d.grievanceOf(victim));
        double before = d.grievanceOf(victim);
        w.act(actor, victim, EventType.EMBASSY_RAID, Event.NONE);
        double breach = deltaOf(before, d.grievanceOf(victim));
        assertEquals(1 + SIGMA, breach / plain, 1e-9, "the inviolability of a mission is a sovereign right");
    }

    @Test
    void aTerritorialActIsFeltOnePlusTauTimesAsHardWhateverItsOtherFlags() {
        double tau = 0.8;
        world(Parameters.defaults().with(Parameter.TERRITORIAL_SALIENCE, tau));
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.1, 0, 0, 0);
        Dyad d = w.existing(victim, actor);
        double[] felt = new double[4];
        Act[] acts = {
            new Act(actor, victim, EventType.CUSTOM, -6.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "plain"),
            new Act(actor, victim, EventType.CUSTOM, -6.0, 1.0, false, false, true, false, Event.NONE, Event.NONE, "claim"),
            Act.of(actor, victim, EventType.BORDER_INCIDENT, Event.NONE), // γ −6, territorial by type
            new Act(actor, victim, EventType.CUSTOM, -6.0, 1.0, true, false, true, false, Event.NONE, Event.NONE, "secession")};
        for (int k = 0; k < acts.length; k++) {
            double before = d.grievanceOf(victim);
            w.act(acts[k]);
            felt[k] = deltaOf(before, d.grievanceOf(victim));
        }
        double dist = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.4, -0.2);
        assertEquals(KAPPA * 0.6 * (1 + ALPHA * dist), felt[0], 1e-12);
        assertEquals(1 + tau, felt[1] / felt[0], 1e-9, "a claim on its territory weighs 1 + τ times the same words");
        assertEquals(1 + tau, felt[2] / felt[0], 1e-9, "a border incident is territorial by its type");
        assertEquals((1 + SIGMA) * (1 + tau), felt[3] / felt[0], 1e-9, "the sovereignty term and τ multiply");
    }

    @Test
    void withInKindTriggersAnExogenousAnswerNoHeavierThanTheVictimsOwnActWithinMemoryIsFeltAtOneMinusPhi() {
        // docs/MODEL.md 3.3, the inKindTriggers option: a strike answering the victim's own strike
        Parameters on = Parameters.defaults().with(Parameter.IN_KIND_TRIGGERS, 1);
        Parameters off = Parameters.defaults();
        int memory = (int) Parameter.MEMORY.defaultValue();
        double full = answerFelt(off, -6, 1.0, false, false, 5);
        assertEquals(1 - PHI, answerFelt(on, -6, 1.0, false, false, 5) / full, 1e-9, "an answer in kind");
        assertEquals(1 - PHI, answerFelt(on, -6, 0.5, false, false, memory) / answerFelt(off,
                -6, 0.5, false, false, memory), 1e-9, "a lighter answer, on the last day of memory");
        assertEquals(1, answerFelt(on, -6, 1.5, false, false, 5) / answerFelt(off, -6, 1.5, false,
                false, 5), 1e-9, "a heavier answer opens a new exchange");
        assertEquals(1, answerFelt(on, -6, 1.0, false, false, memory + 1) / full, 1e-9, "out of memory");
        assertEquals(1, answerFelt(on, -6, 1.0, false, false, 0) / full, 1e-9, "acts of one day do not answer each other");
        assertEquals(1, answerFelt(on, -6, 1.0, true, false, 5) / answerFelt(off, -6, 1.0, true,
                false, 5), 1e-9, "an answer that disputes the victim government's legitimacy");
        assertEquals(1, answerFelt(on, -6, 1.0, false, true, 5) / answerFelt(off, -6, 1.0, false,
                true, 5), 1e-9, "an answer that breaks a norm");
    }

    @Test
    void underArmedExchangeArmedActsAreDatedApartWhateverTheirOrderInADayAndFeltAsBefore() {
        // docs/MODEL.md 3.5, the armedExchange rule: who struck whom and when is kept apart from other rises
        Parameters on = Parameters.defaults();
        assertTrue(on.on(Parameter.ARMED_EXCHANGE), "on by default since the fourteenth round");
        Act strike = Act.of(1, 0, EventType.BORDER_INCIDENT, Event.NONE); // armed by its type
        Act shootDown = new Act(0, 1, EventType.CUSTOM, -8.0, 1.0, false, false, false, true, Event.NONE, Event.NONE,
                "shoot-down");
        Act words = new Act(1, 0, EventType.CUSTOM, -3.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "words");
        double[] felt = new double[2];
        for (boolean strikeFirst : new boolean[] {true, false}) {
            world(on);
            int other = actorAt("OTH", -0.4, -0.2);
            w.setRelation(victim, other, Level.NORMAL, 0, 0, 0, 0);
            w.setDay(7);
            w.act(strikeFirst ? strike : shootDown);
            Dyad d = w.existing(0, 1);
            int striker = strikeFirst ? 1 : 0;
            assertEquals(List.of(7, Integer.MIN_VALUE / 2), List.of(d.lastArmed[striker], d.lastArmed[1 - striker]),
                    "the striker's forces are engaged, not yet its victim's");
            assertEquals(List.of(7, Integer.MIN_VALUE / 2),
                    List.of(d.lastArmedRise[1 - striker], d.lastArmedRise[striker]), "the victim's grievance rose");
            w.act(strikeFirst ? shootDown : strike);
            assertEquals(List.of(7, 7), List.of(d.lastArmed[0], d.lastArmed[1]), "both sides' forces engaged on day 7");
            assertEquals(List.of(7, 7), List.of(d.lastArmedRise[0], d.lastArmedRise[1]), "both rises from force");
            assertEquals(Integer.MIN_VALUE / 2, d.lastAggrieved[0], "no other rise");
            felt[strikeFirst ? 0 : 1] = d.grievance[0];
            w.setDay(9);
            w.act(words);
            assertEquals(9, d.lastAggrieved[0], "words are a rise like any other");
            assertEquals(7, d.lastArmedRise[0]);
        }
        assertEquals(felt[0], felt[1], 1e-12, "order within a day does not matter");
        // the strike is felt as without the rule: only the dating differs
        world(Parameters.defaults().with(Parameter.ARMED_EXCHANGE, 0));
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.NORMAL, 0, 0, 0, 0);
        w.setDay(7);
        w.act(strike);
        Dyad d = w.existing(0, 1);
        assertEquals(felt[0], d.grievance[0], 1e-12);
        assertEquals(7, d.lastAggrieved[0], "without the option a strike's rise is an ordinary one");
        assertEquals(List.of(Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2), List.of(d.lastArmed[1], d.lastArmedRise[0]));
    }

    /**
     * Δ the victim feels from the actor's exogenous act (γ, severity, interference, norm-breaking)
     * {@code after} days after its own γ −6 act of severity 1 against the actor.
     */
    private double answerFelt(Parameters p, double gamma, double severity, boolean interference, boolean breach,
            int after) {
        world(p);
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0, 0.1, 0, 0);
        w.setDay(10);
        w.act(new Act(victim, actor, EventType.CUSTOM, -6.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "own"));
        w.setDay(10 + after);
        Dyad d = w.existing(victim, actor);
        double before = w.grievance(d, victim);
        w.act(new Act(actor, victim, EventType.CUSTOM, gamma, severity, interference, breach, false, false, Event.NONE,
                Event.NONE, "answer"));
        return deltaOf(before, d.grievanceOf(victim));
    }

    @Test
    void aTriggerWithinMemoryOfAnEarlierOneByTheSameActorIsFeltOnePlusBetaCTimesAsHard() {
        // docs/MODEL.md 3.3, campaignGain: a run of acts is read as a campaign, not an incident
        double beta = 0.7;
        Parameters on = Parameters.defaults().with(Parameter.CAMPAIGN_GAIN, beta);
        Parameters off = Parameters.defaults().with(Parameter.CAMPAIGN_GAIN, 0);
        int memory = (int) Parameter.MEMORY.defaultValue();
        assertEquals(1 + beta, secondTriggerFelt(on, 10, false) / secondTriggerFelt(off, 10, false), 1e-9,
                "ten days after the first");
        assertEquals(1 + beta, secondTriggerFelt(on, memory, false) / secondTriggerFelt(off, memory, false), 1e-9,
                "on the last day of memory");
        assertEquals(1, secondTriggerFelt(on, memory + 1, false) / secondTriggerFelt(off, memory + 1, false), 1e-9,
                "out of memory: an incident again");
        assertEquals(1, secondTriggerFelt(on, 0, false) / secondTriggerFelt(off, 0, false), 1e-9,
                "acts of one day are not a campaign");
        assertEquals(1, secondTriggerFelt(on, 10, true) / secondTriggerFelt(off, 10, true), 1e-9,
                "the actor's earlier answer on the ladder is not a trigger");
        assertEquals(secondTriggerFelt(off, memory + 1, false), secondTriggerFelt(off, 10, false), 1e-12,
                "β_c = 0 is the model without the rule: a trigger within memory is felt as one beyond it");
    }

    @Test
    void triggersOfOneDayAllContinueACampaignOfAnEarlierDay() {
        double beta = 0.5;
        world(Parameters.defaults().with(Parameter.CAMPAIGN_GAIN, beta));
        int actor = actorAt("ACT", -0.4, -0.2);
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0, 0, 0, 0);
        w.setRelation(victim, other, Level.NORMAL, 0, 0, 0, 0);
        w.setDay(3);
        w.act(new Act(actor, victim, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "first"));
        w.setDay(8);
        Dyad d = w.existing(victim, actor);
        Dyad o = w.existing(victim, other);
        double[] felt = new double[3];
        for (int k = 0; k < 2; k++) {
            double before = w.grievance(d, victim);
            w.act(new Act(actor, victim, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "more"));
            felt[k] = deltaOf(before, d.grievanceOf(victim));
        }
        double before = w.grievance(o, victim);
        w.act(new Act(other, victim, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "another"));
        felt[2] = deltaOf(before, o.grievanceOf(victim));
        double dist = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.4, -0.2);
        double single = KAPPA * 0.4 * (1 + ALPHA * dist);
        assertEquals((1 + beta) * single, felt[0], 1e-12, "the second act of the campaign");
        assertEquals((1 + beta) * single, felt[1], 1e-12, "a third on the same day continues it too");
        assertEquals(single, felt[2], 1e-12, "another state's first act is an incident");
    }

    /** Δ of a γ −6 trigger done {@code after} days after a first act of the same actor: a γ −4 trigger, or a protest. */
    private double secondTriggerFelt(Parameters p, int after, boolean firstIsAnAnswer) {
        world(p);
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0, 0, 0, 0);
        w.setDay(10);
        w.act(firstIsAnAnswer
                ? Act.of(actor, victim, EventType.PROTEST, Event.NONE)
                : new Act(actor, victim, EventType.CUSTOM, -4.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "first"));
        w.setDay(10 + after);
        Dyad d = w.existing(victim, actor);
        double before = w.grievance(d, victim);
        w.act(new Act(actor, victim, EventType.CUSTOM, -6.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "second"));
        return deltaOf(before, d.grievanceOf(victim));
    }

    @Test
    void atTauZeroTheTerritorialFlagChangesNothing() {
        world(Parameters.defaults().with(Parameter.TERRITORIAL_SALIENCE, 0));
        int plain = actorAt("PLA", -0.4, -0.2);
        int claimant = actorAt("CLA", -0.4, -0.2);
        w.act(new Act(plain, victim, EventType.CUSTOM, -6.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "plain"));
        w.act(new Act(claimant, victim, EventType.CUSTOM, -6.0, 1.0, false, false, true, false, Event.NONE, Event.NONE, "claim"));
        assertEquals(w.existing(victim, plain).grievanceOf(victim), w.existing(victim, claimant).grievanceOf(victim), 0.0);
    }

    @Test
    void theSameActFeelsHarderFromAMoreDistantGovernment() {
        world(Parameters.defaults());
        int near = actorAt("NEA", 0.5, 0.3);
        int far = actorAt("FAR", -0.9, -0.6);
        w.act(near, victim, EventType.BORDER_INCIDENT, Event.NONE);
        w.act(far, victim, EventType.BORDER_INCIDENT, Event.NONE);
        double dNear = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, 0.5, 0.3);
        double dFar = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.9, -0.6);
        double deltaNear = deltaOf(0, w.existing(victim, near).grievanceOf(victim));
        double deltaFar = deltaOf(0, w.existing(victim, far).grievanceOf(victim));
        assertEquals(KAPPA * 0.6 * (1 + TAU) * (1 + ALPHA * dNear), deltaNear, 1e-12); // a border incident is territorial
        assertEquals(KAPPA * 0.6 * (1 + TAU) * (1 + ALPHA * dFar), deltaFar, 1e-12);
        assertTrue(deltaFar > deltaNear);
    }

    @Test
    void withoutTheIdeologyAmplifierDistanceDoesNotMatter() {
        world(Parameters.defaults().with(Parameter.IDEOLOGY_AMPLIFIER, 0));
        int near = actorAt("NEA", 0.5, 0.3);
        int far = actorAt("FAR", -0.9, -0.6);
        w.act(near, victim, EventType.BORDER_INCIDENT, Event.NONE);
        w.act(far, victim, EventType.BORDER_INCIDENT, Event.NONE);
        assertEquals(w.existing(victim, near).grievanceOf(victim), w.existing(victim, far).grievanceOf(victim), 0.0);
        assertEquals(1 - Math.exp(-KAPPA * 0.6 * (1 + TAU)), w.existing(victim, far).grievanceOf(victim), 1e-12);
    }

    @Test
    void anAnswerInKindIsDiscountedAndAStepBeyondItIsNot() {
        // recall and expulsion weigh the same (γ = −5); the victim already stands at a recall
        double d = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.4, -0.2);
        double full = KAPPA * 0.5 * (1 + ALPHA * d);
        assertEquals(full * (1 - PHI), ladderActAgainstVictimAtRecall(EventType.RECALL_AMBASSADOR), 1e-12);
        assertEquals(full, ladderActAgainstVictimAtRecall(EventType.EXPEL_DIPLOMATS), 1e-12);
        assertEquals(full * (1 - PHI), ladderActAgainstVictimAtRecall(EventType.SUMMON_AMBASSADOR) * 5.0 / 2.4, 1e-12,
                "a summons is below the victim's recall: in kind");
    }

    private double ladderActAgainstVictimAtRecall(EventType act) {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0, 0, 0, 0);
        Dyad d = w.existing(victim, actor);
        d.posture[d.side(victim)] = Ladder.RECALL;
        w.act(actor, victim, act, Event.NONE);
        return deltaOf(0, d.grievanceOf(victim));
    }

    @Test
    void triggersAreNeverDiscountedAsAnswersInKind() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0, 0, 0, 0);
        Dyad d = w.existing(victim, actor);
        d.posture[d.side(victim)] = Ladder.SANCTION;
        w.act(actor, victim, EventType.BORDER_INCIDENT, Event.NONE);
        double dist = distance(VICTIM_ECONOMIC, VICTIM_SOCIAL, -0.4, -0.2);
        assertEquals(KAPPA * 0.6 * (1 + TAU) * (1 + ALPHA * dist), deltaOf(0, d.grievanceOf(victim)), 1e-12);
    }

    @Test
    void grievanceStaysBelowOneHoweverManyBlowsLand() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -1, -1);
        double last = 0;
        for (int k = 0; k < 200; k++) {
            w.act(new Act(actor, victim, EventType.EMBASSY_RAID, -9.0, 5.0, true, true, false, false, Event.NONE, Event.NONE, ""));
            double g = w.existing(victim, actor).grievanceOf(victim);
            assertTrue(g >= last && g <= 1.0, "blow " + k + ": " + g);
            last = g;
        }
    }

    @Test
    void aCooperativeActLowersTheTargetsGrievanceLinearlyByItsSeverityDownToZero() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.5, 0.3, 0, 0);
        Dyad d = w.existing(victim, actor);
        w.act(actor, victim, EventType.DIALOGUE, Event.NONE); // γ = +4
        assertEquals(0.5 - KAPPA_COOP * 4.0 / 10, d.grievanceOf(victim), 1e-12);
        assertEquals(0.3, d.grievanceOf(actor), 0.0, "the actor's grievance is untouched");
        // its severity scales the relief: a statement of support about a slight weighs less than one about a raid
        w.act(Act.of(actor, victim, EventType.SUPPORT, Event.NONE).withSeverity(0.25)); // γ = +3
        assertEquals(0.5 - KAPPA_COOP * 4.0 / 10 - KAPPA_COOP * 3.0 / 10 * 0.25, d.grievanceOf(victim), 1e-12);
        w.act(actor, victim, EventType.RESTORE_RELATIONS, Event.NONE); // γ = +6 would take it below zero
        assertEquals(0.0, d.grievanceOf(victim), 0.0);
        assertEquals(3, records.of(w, victim, actor).cooperativeEvents());
    }

    @Test
    void grievanceAndCondemnationFadeByTheDecayRateEachDay() {
        world(Parameters.defaults());
        int actor = actorAt("ACT", -0.4, -0.2);
        w.setRelation(victim, actor, Level.NORMAL, 0.6, 0.4, 0, 0);
        Dyad d = w.existing(victim, actor);
        d.condemnation[0] = 3.0;
        // the rule day by day: each day's end multiplies by (1 − δ)
        double g = 0.6;
        for (int day = 0; day < 30; day++) {
            w.endDay(day);
            g *= 1 - DELTA;
            assertEquals(g, w.grievance(d, victim), 1e-12, "read at the end of day " + day);
        }
        assertEquals(0.6 * Math.pow(1 - DELTA, 30), w.grievance(d, victim), 1e-12);
        assertEquals(0.6, d.grievanceOf(victim), 0.0, "reading changes nothing: the pair is stored as of day 0");
        w.settle();
        assertEquals(0.6 * Math.pow(1 - DELTA, 30), d.grievanceOf(victim), 1e-12);
        assertEquals(0.4 * Math.pow(1 - DELTA, 30), d.grievanceOf(actor), 1e-12);
        assertEquals(3.0 * Math.pow(1 - DELTA, 30), d.condemnation[0], 1e-12);
        assertEquals(0.6 * 0.48370, d.grievanceOf(victim), 1e-5, "0.97608^30 ≈ 0.4837: a half-life of about 28.6 days");
    }

    @Test
    void aPairCatchesUpOnTheDecayOfTheDaysSinceItWasLastChangedWhenItIsNextTouched() {
        world(Parameters.defaults());
        int quiet = actorAt("QUI", -0.4, -0.2);
        double start = 0.049;
        w.setRelation(victim, quiet, Level.NORMAL, start, start / 2, 0, 0);
        Dyad d = w.existing(victim, quiet);
        int days = 45;
        w.setDay(days);
        assertEquals(start, d.grievanceOf(victim), 0.0, "not visited while nothing touches it");
        w.act(quiet, victim, EventType.SUPPORT, Event.NONE); // touches it; lowers only VIC's grievance
        assertEquals(Math.max(0, start * Math.pow(1 - DELTA, days) - KAPPA_COOP * 3.0 / 10), d.grievanceOf(victim), 1e-15);
        assertEquals(start / 2 * Math.pow(1 - DELTA, days), d.grievanceOf(quiet), 1e-15,
                "the decay of days 0 to " + (days - 1) + ", applied when touched on day " + days);
    }

    @Test
    void aNewGovernmentDiscountsItsPredecessorsGrievancesButNotTheirs() {
        // docs/MODEL.md 3.7: G(i→·) ← G(i→·)·(1 − ρ) unless the change is a continuation
        double rho = Parameter.TURNOVER_DISCOUNT.defaultValue();
        world(Parameters.defaults());
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.DOWNGRADED, 0.6, 0.4, 0, 0);
        Dyad d = w.existing(victim, other);
        w.changeGovernment(victim, EventType.ELECTION,
                new GovernmentChange(-0.2, Double.NaN, Double.NaN, 0.3, Double.NaN, Double.NaN, Double.NaN), "");
        Country c = w.countries().get(victim);
        assertEquals(1, c.government());
        assertEquals(0.6 * (1 - rho), d.grievanceOf(victim), 1e-12);
        assertEquals(0.4, d.grievanceOf(other), 0.0);
        assertEquals(-0.2, c.economic(), 0.0);
        assertEquals(VICTIM_SOCIAL, c.social(), 0.0, "an axis not given is kept");
        assertEquals(0.3, c.domesticPressure(), 0.0);
        assertEquals(SIGMA, c.sovereignty(), 0.0);
        assertEquals(distance(-0.2, VICTIM_SOCIAL, -0.4, -0.2), d.distance, 1e-12, "distance refreshed");
    }

    @Test
    void aContinuityGovernmentKeepsItsPredecessorsGrievancesAndCommitments() {
        double sCont = Parameter.CONTINUITY_SHIFT.defaultValue();
        world(Parameters.defaults());
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.DOWNGRADED, 0.6, 0.4, 0, 0);
        double economic = VICTIM_ECONOMIC - 0.9 * sCont * 2 / Math.sqrt(1 - W_S); // a shift of 0.9·s_cont
        w.changeGovernment(victim, EventType.ELECTION,
                new GovernmentChange(economic, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), "");
        assertEquals(0, w.countries().get(victim).government());
        assertEquals(0.6, w.existing(victim, other).grievanceOf(victim), 0.0);
    }

    @Test
    void aCoupAlwaysMakesANewGovernment() {
        double rho = Parameter.TURNOVER_DISCOUNT.defaultValue();
        world(Parameters.defaults());
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.NORMAL, 0.6, 0.4, 0, 0);
        w.changeGovernment(victim, EventType.COUP,
                new GovernmentChange(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), "");
        assertEquals(1, w.countries().get(victim).government());
        // same outlook, hawkishness 0.5: reset propensity r = 0.5 + ν·0 + (0.5 − 0.5) = 0.5
        assertEquals(0.6 * (1 - rho * 0.5), w.existing(victim, other).grievanceOf(victim), 1e-12);
    }

    @Test
    void aNewGovernmentResetsMoreWhenItStandsCloserToTheCounterpartAndLessWhenHawkish() {
        double rho = Parameter.TURNOVER_DISCOUNT.defaultValue();
        double nu = Parameter.TURNOVER_ALIGNMENT.defaultValue();
        world(Parameters.defaults());
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.NORMAL, 0.6, 0.4, 0, 0);
        double before = w.distance(victim, other);
        // a hawk (0.9) that moves towards OTH: r = 0.5 + ν·(d_before − d_after) − 0.4
        w.changeGovernment(victim, EventType.ELECTION,
                new GovernmentChange(VICTIM_ECONOMIC - 0.5, Double.NaN, Double.NaN, Double.NaN, 0.9, Double.NaN,
                        Double.NaN), "");
        double r = Math.max(0, Math.min(1, 0.5 + nu * (before - w.distance(victim, other)) - 0.4));
        assertTrue(r > 0 && r < 1, "an interior reset propensity: " + r);
        assertEquals(0.6 * (1 - rho * r), w.existing(victim, other).grievanceOf(victim), 1e-12);
    }

    @Test
    void aStatedContinuityIsTheShareOfGrievanceKeptAndFullContinuityKeepsTheGovernment() {
        world(Parameters.defaults());
        int other = actorAt("OTH", -0.4, -0.2);
        w.setRelation(victim, other, Level.DOWNGRADED, 0.6, 0.4, 0, 0);
        w.changeGovernment(victim, EventType.ELECTION,
                new GovernmentChange(-0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.25), "");
        assertEquals(1, w.countries().get(victim).government());
        assertEquals(0.6 * 0.25, w.existing(victim, other).grievanceOf(victim), 1e-12);
        w.changeGovernment(victim, EventType.COUP,
                new GovernmentChange(0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.0), "");
        assertEquals(1, w.countries().get(victim).government(), "continuity 1: the same government's line");
        assertEquals(0.6 * 0.25, w.existing(victim, other).grievanceOf(victim), 1e-12);
    }
}

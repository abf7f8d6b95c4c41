package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Third parties and mediation, docs/MODEL.md 3.8 and 3.9: who takes which side with what
 * probability, who is aggrieved by a norm-breaking act, how often observers speak, and what
 * a mediation does.
 */
class ThirdPartiesModelTest {
    private static final double LAMBDA = Parameter.RATIONALITY.defaultValue();
    private static final double BS = Parameter.SIDE_WEIGHT.defaultValue();
    private static final double S_MIN = Parameter.SIDE_THRESHOLD.defaultValue();
    private static final double BN = Parameter.NORM_WEIGHT.defaultValue();
    private static final double KAPPA_OBS = Parameter.OBSERVER_GAIN.defaultValue();
    private static final double MU = Parameter.MEDIATION_EFFICACY.defaultValue();
    private static final int DRAWS = 10_000;

    private static final Parameters QUIET = Parameters.defaults().with(Parameter.MEDIATION, 0);

    /** ACT (right) and VIC (left), in one regional organisation with an observer at {@code economic}. */
    private static World region(Parameters p, MersenneTwisterFast random, double economic, double norms) {
        World w = new World(p, random);
        w.addCountry("ACT", 0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("VIC", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("OBS", economic, 0, 0.5, 0.5, 0.5, norms, List.of("R"));
        return w;
    }

    /** The observer's choice after a trigger by ACT against VIC: 0 stays out, 1 sides with VIC, 2 with ACT. */
    private static int choice(World w) {
        int choice = 0;
        for (Event e : w.events()) {
            if (e.actor() == 2) {
                int sided = e.type() == EventType.SUPPORT ? e.target() : e.about();
                choice = sided == 1 ? 1 : 2;
                assertTrue(e.cause() != Event.NONE, "a statement answers the trigger");
            }
        }
        return choice;
    }

    /** Logit over stay out (0), side with the target (b_s·(S − s_min)), side with the actor (b_s·(−S − s_min)). */
    private static double[] sideProbabilities(double s) {
        double up = Math.exp(LAMBDA * BS * (s - S_MIN));
        double down = Math.exp(LAMBDA * BS * (-s - S_MIN));
        double total = 1 + up + down;
        return new double[] {1 / total, up / total, down / total};
    }

    private static long[] observe(double economic, double norms, EventType trigger, long seed) {
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        long[] counts = new long[3];
        for (int k = 0; k < DRAWS; k++) {
            World w = region(QUIET, random, economic, norms);
            w.act(0, 1, trigger, Event.NONE);
            w.react();
            counts[choice(w)]++;
        }
        return counts;
    }

    @Test
    void anObserverLeaningToTheVictimSidesWithItWithTheLogitProbabilityOfItsLean() {
        World probe = region(QUIET, new MersenneTwisterFast(1), -0.53, 0.5);
        double s = probe.affinity(2, 1) - probe.affinity(2, 0); // S_k = A(k,j) − A(k,i), no norm broken
        double[] expected = sideProbabilities(s);
        assertTrue(expected[0] > 0.1 && expected[1] > 0.1, "a lean near the threshold: S = " + s);
        long[] counts = observe(-0.53, 0.5, EventType.BORDER_INCIDENT, 41);
        double p = new ChiSquareTest().chiSquareTest(new double[] {expected[0] * DRAWS, expected[1] * DRAWS,
            Math.max(expected[2] * DRAWS, 1e-9)}, counts);
        assertTrue(p > 1e-3, List.of(counts[0], counts[1], counts[2]) + " against " + List.of(expected[0], expected[1]));
        assertEquals(0, counts[2], "nobody sides with the actor against its own lean");
    }

    @Test
    void aNormBreakingActPushesAnEvenHandedObserverToTheVictimInProportionToItsNorms() {
        World probe = region(QUIET, new MersenneTwisterFast(1), 0.0, 0.74);
        double lean = probe.affinity(2, 1) - probe.affinity(2, 0);
        assertEquals(0.0, lean, 1e-12, "even-handed");
        double[] expected = sideProbabilities(lean + BN * 0.74);
        long[] counts = observe(0.0, 0.74, EventType.EMBASSY_RAID, 42);
        double p = new ChiSquareTest().chiSquareTest(new double[] {expected[0] * DRAWS, expected[1] * DRAWS,
            Math.max(expected[2] * DRAWS, 1e-9)}, counts);
        assertTrue(p > 1e-3, List.of(counts[0], counts[1], counts[2]) + " against " + List.of(expected[0], expected[1]));
        // the same observer after a trigger that breaks no norm stays out
        long[] plain = observe(0.0, 0.74, EventType.BORDER_INCIDENT, 43);
        assertEquals(DRAWS, plain[0]);
    }

    @Test
    void aNormBreakingActAggrievesEachAttentiveObserverByItsNormsAndDistance() {
        // third parties and mediation off: only the observers' own grievance is at work, no draw
        Parameters p = QUIET.with(Parameter.THIRD_PARTIES, 0);
        World w = new World(p, new MersenneTwisterFast(1));
        w.addCountry("ACT", 0.6, 0.2, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("VIC", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int friend = w.addCountry("FRI", 0.6, 0.2, 0.5, 0.5, 0.5, 0.9, List.of("R"));
        int distant = w.addCountry("DIS", -0.8, -0.4, 0.5, 0.5, 0.5, 0.7, List.of("R"));
        int aloof = w.addCountry("ALO", -0.1, -1, 0.5, 0.5, 0.5, 1.0, List.of());
        double aFriend = w.affinity(friend, 0);
        double aDistant = w.affinity(distant, 0);
        assertTrue(Math.abs(w.affinity(aloof, 0)) <= 0.3 && Math.abs(w.affinity(aloof, 1)) <= 0.3, "ALO pays no attention");
        w.act(new Act(0, 1, EventType.EMBASSY_RAID, -9.0, 1.2, false, true, false, false, Event.NONE, Event.NONE, ""));
        w.react();
        double base = KAPPA_OBS * 9.0 / 10 * 1.2;
        assertEquals(1 - Math.exp(-base * 0.9 * (1 - Math.max(0, aFriend))), w.existing(friend, 0).grievanceOf(friend), 1e-12);
        assertEquals(1 - Math.exp(-base * 0.7 * (1 - Math.max(0, aDistant))), w.existing(distant, 0).grievanceOf(distant), 1e-12);
        assertTrue(w.existing(distant, 0).grievanceOf(distant) > w.existing(friend, 0).grievanceOf(friend));
        assertEquals(null, w.existing(aloof, 0), "an inattentive observer is not touched");
        assertTrue(w.events().size() == 1, "no statements with third parties off");
    }

    @Test
    void aDemocraticClauseBindsTheMembersByHowLittleTheyAreFriendsOfTheGovernment() {
        // docs/MODEL.md 3.8: S_k = A(k,i) − b_n·n_k − b_dc·(1 − A⁺(k,i)) for a member sharing a clause with i;
        // b_dc at its hand-set 1, where the friend's lean and the distant member's fall on either side of
        // condemning. At the fitted 2.6 this friend (affinity 0.58) condemns too, in every draw: the clause
        // then outweighs a middling friendship (MODEL.md 3.8 and 7)
        double bdc = 1.0;
        Parameters clause = QUIET.with(Parameter.DEMOCRATIC_CLAUSE, bdc);
        long[] friend = new long[3];
        long[] distant = new long[3];
        double sFriend = 0;
        double sDistant = 0;
        MersenneTwisterFast random = new MersenneTwisterFast(44);
        for (int k = 0; k < DRAWS; k++) {
            World w = new World(clause, random);
            w.addCountry("ACT", -0.7, 0.6, 0.5, 0.5, 0.5, 0.2, List.of("ORG", "ALLY"));
            int fri = w.addCountry("FRI", -0.7, 0.5, 0.5, 0.5, 0.5, 0.5, List.of("ORG", "ALLY"));
            int dis = w.addCountry("DIS", 0.6, -0.4, 0.5, 0.5, 0.5, 0.5, List.of("ORG"));
            w.democraticClause("ORG");
            if (k == 0) {
                double af = w.affinity(fri, 0);
                double ad = w.affinity(dis, 0);
                assertTrue(af > 0.5 && ad < 0, "a friend and a distant member: " + af + ", " + ad);
                sFriend = af - BN * 0.5 - bdc * (1 - af);
                sDistant = ad - BN * 0.5 - bdc;
            }
            w.act(0, Event.NONE, EventType.COUP, Event.NONE);
            w.react();
            for (Event e : w.events()) {
                if (e.type() == EventType.SUPPORT || e.type() == EventType.CONDEMN) {
                    long[] counts = e.actor() == fri ? friend : distant;
                    counts[e.type() == EventType.SUPPORT ? 1 : 2]++;
                }
            }
        }
        friend[0] = DRAWS - friend[1] - friend[2];
        distant[0] = DRAWS - distant[1] - distant[2];
        for (Object[] c : new Object[][] {{"friend", friend, sFriend}, {"distant", distant, sDistant}}) {
            double[] expected = sideProbabilities((double) c[2]); // stay out, support the government, condemn it
            long[] counts = (long[]) c[1];
            double p = new ChiSquareTest().chiSquareTest(new double[] {Math.max(expected[0] * DRAWS, 1e-9),
                Math.max(expected[1] * DRAWS, 1e-9), Math.max(expected[2] * DRAWS, 1e-9)}, counts);
            assertTrue(p > 1e-3, c[0] + ": " + List.of(counts[0], counts[1], counts[2]) + " against "
                    + List.of(expected[0], expected[1], expected[2]));
        }
        assertTrue(distant[2] > 0.9 * DRAWS, "the distant member condemns");
        assertTrue(friend[2] < 0.05 * DRAWS, "the government's friend does not, clause or not: " + friend[2]);
    }

    @Test
    void aCoupAggrievesTheOustedGovernmentsFriendsByTheDistanceTheyLost() {
        // docs/MODEL.md 3.8: Δ = κ_oust·|γ|/10·severity·(d_after − d_before) for each country the change moved away
        double kappa = 2.0;
        Parameters p = QUIET.with(Parameter.THIRD_PARTIES, 0).with(Parameter.OUSTED_FRIENDS, kappa)
                .with(Parameter.OBSERVER_GAIN, 0);
        World w = new World(p, new MersenneTwisterFast(1));
        int actor = w.addCountry("ACT", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int friend = w.addCountry("FRI", -0.7, 0.1, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int rival = w.addCountry("RIV", 0.8, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        double friendBefore = w.affinity.distance(friend, actor);
        GovernmentChange junta = new GovernmentChange(0.7, 0.2, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        w.changeGovernment(actor, EventType.COUP, junta, "");
        double gained = w.affinity.distance(friend, actor) - friendBefore;
        assertTrue(gained > 0.5, "the junta stands far from the ousted government's friend: " + gained);
        double gamma = Math.abs(EventType.COUP.gamma());
        assertEquals(1 - Math.exp(-kappa * gamma / 10 * gained), w.existing(friend, actor).grievanceOf(friend), 1e-12);
        assertEquals(null, w.existing(rival, actor), "the ousted government's rival, now closer, loses nothing");

        // an election moving the same way is no ouster: the friend is not aggrieved
        World v = new World(p, new MersenneTwisterFast(1));
        v.addCountry("ACT", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        v.addCountry("FRI", -0.7, 0.1, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        v.changeGovernment(0, EventType.ELECTION, junta, "");
        assertEquals(null, v.existing(1, 0));
    }

    @Test
    void anObserverSpeaksOncePerCrisisAndStatementsDrawNoStatements() {
        MersenneTwisterFast random = new MersenneTwisterFast(5);
        int spoken = 0;
        for (int k = 0; k < 200; k++) {
            World w = new World(QUIET, random);
            w.addCountry("ACT", 0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("VIC", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            for (int o = 0; o < 6; o++) {
                w.addCountry("O" + o, -0.9 + 0.3 * o, 0, 0.5, 0.5, 0.5, 0.8, List.of("R"));
            }
            Event raid = w.act(0, 1, EventType.EMBASSY_RAID, Event.NONE);
            w.react();
            Set<Integer> onThePair = speakers(w, 1);
            spoken += onThePair.size();
            // the victim severs in answer: salient, but part of the raid's crisis
            int mark = w.events().size();
            w.act(1, 0, EventType.SEVER_RELATIONS, raid.id());
            w.react();
            Set<Integer> again = speakers(w, mark + 1);
            again.retainAll(onThePair);
            assertEquals(Set.of(), again, "observers who spoke on the raid speak again on the rupture it caused");
            onThePair.addAll(speakers(w, mark + 1));
            // a new, ordinary trigger between the same two: who has spoken on the pair stays silent
            mark = w.events().size();
            w.act(0, 1, EventType.BORDER_INCIDENT, Event.NONE);
            w.react();
            Set<Integer> repeat = speakers(w, mark + 1);
            repeat.retainAll(onThePair);
            assertEquals(Set.of(), repeat, "observers speak again on the same pair");
            for (Event e : w.events()) {
                if (e.type().kind() == EventType.Kind.STATEMENT) {
                    assertTrue(w.events().get(e.cause() - 1).type().kind() != EventType.Kind.STATEMENT,
                            "statements answer events, never statements");
                }
            }
        }
        assertTrue(spoken > 200, "observers do speak on the raid: " + spoken);
    }

    /** The observer at {@code k} condemned {@code blamed} in {@code w}. */
    private static boolean condemned(World w, int k, int blamed) {
        return w.events().stream().anyMatch(e -> e.actor() == k && e.type() == EventType.CONDEMN && e.target() == blamed);
    }

    @Test
    void aDefenderOfTheVictimOfABreachTakesUpItsInjuryByItsHawkishnessAndSovereignty() {
        double psi = Parameter.SOLIDARITY.defaultValue();
        double kappa = Parameter.GRIEVANCE_GAIN.defaultValue();
        double alpha = Parameter.IDEOLOGY_AMPLIFIER.defaultValue();
        // the same raid flagged territorial: τ is the victim's reading alone, so the observers' is unchanged
        for (int variant = 0; variant < 4; variant++) {
            boolean territorial = variant >= 2;
            double solidarity = variant % 2 == 0 ? psi : 0;
            World w = new World(QUIET.with(Parameter.SOLIDARITY, solidarity), new MersenneTwisterFast(3));
            w.addCountry("ACT", 0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("VIC", -0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            int hawk = w.addCountry("HWK", -0.8, 0, 0.9, 0.5, 0.9, 0.1, List.of("R"));
            int dove = w.addCountry("DOV", -0.8, 0, 0.3, 0.5, 0.1, 0.6, List.of("R"));
            double[] normReading = new double[4];
            double[] asOwn = new double[4];
            for (int k : new int[] {hawk, dove}) {
                Country c = w.countries().get(k);
                normReading[k] = KAPPA_OBS * 0.9 * c.normAdherence * (1 - Math.max(0, w.affinity(k, 0)));
                asOwn[k] = solidarity * c.hawkishness * kappa * 0.9 * (1 + c.sovereignty) * (1 + alpha * w.distance(k, 0));
            }
            w.act(new Act(0, 1, EventType.EMBASSY_RAID, -9.0, 1.0, false, true, territorial, false, Event.NONE, Event.NONE, ""));
            w.react();
            for (int k : new int[] {hawk, dove}) {
                assertTrue(condemned(w, k, 0), "a friend of the victim far from the raider condemns it");
                // the breach is one injury: the stronger of the two readings holds
                double expected = 1 - Math.exp(-Math.max(normReading[k], asOwn[k]));
                assertEquals(expected, w.existing(k, 0).grievanceOf(k), 1e-12,
                        w.countries().get(k).id + " at ψ = " + solidarity + (territorial ? ", territorial" : ""));
            }
            if (solidarity > 0) {
                assertTrue(asOwn[hawk] > normReading[hawk] && asOwn[dove] < normReading[dove],
                        "the hawk takes the injury up, the dove only reads the norm");
            }
        }
    }

    @Test
    void censureOfOnesOwnBreachIsExpectedButADisputeOfOnesLegitimacyIsNot() {
        double phi = Parameter.IN_KIND_DISCOUNT.defaultValue();
        double[] felt = new double[3];
        for (int variant = 0; variant < 3; variant++) {
            World w = new World(QUIET.with(Parameter.THIRD_PARTIES, 0), new MersenneTwisterFast(1));
            w.addCountry("ACT", 0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("VIC", -0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            int obs = w.addCountry("OBS", -0.2, 0, 0.5, 0.5, 0.5, 0.9, List.of("R"));
            Event raid = w.act(0, 1, EventType.EMBASSY_RAID, Event.NONE);
            Event unrelated = w.act(1, obs, EventType.PROTEST, Event.NONE);
            boolean legitimacy = variant == 2;
            int cause = variant == 0 ? unrelated.id() : raid.id();
            w.act(new Act(obs, 0, EventType.CONDEMN, legitimacy ? -3.0 : -2.0, 1.0, legitimacy, false, false, false, cause, Event.NONE, ""));
            felt[variant] = -Math.log(1 - w.existing(obs, 0).grievanceOf(0));
        }
        assertEquals((1 - phi) * felt[0], felt[1], 1e-12, "a condemnation answering the raid is felt at 1 − φ");
        assertTrue(felt[2] > felt[0], "a condemnation disputing the government's legitimacy is felt in full");
    }

    @Test
    void observersJudgeADaysNewsByItsGravestEvent() {
        MersenneTwisterFast random = new MersenneTwisterFast(11);
        int statements = 0;
        for (int k = 0; k < 100; k++) {
            World w = new World(QUIET, random);
            w.addCountry("ACT", 0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("VIC", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            for (int o = 0; o < 5; o++) {
                w.addCountry("O" + o, -0.9 + 0.45 * o, 0, 0.5, 0.5, 0.5, 0.8, List.of("R"));
            }
            w.act(1, 0, EventType.ASYLUM_GRANT, Event.NONE); // the victim's grant ...
            Event raid = w.act(0, 1, EventType.EMBASSY_RAID, Event.NONE); // ... answered by a raid the same day
            w.react();
            for (Event e : w.events()) {
                if (e.type().kind() == EventType.Kind.STATEMENT) {
                    statements++;
                    assertEquals(raid.id(), e.cause(), "observers speak on the raid, once");
                }
            }
        }
        assertTrue(statements > 100, "observers do speak: " + statements);
    }

    @Test
    void statementsBuildStancesBetweenSpeakersAndTheirSubjectsAndAmongSpeakers() {
        double shift = Parameter.STANCE_WEIGHT.defaultValue() * Parameter.STANCE_GAIN.defaultValue();
        World w = new World(QUIET, new MersenneTwisterFast(2));
        w.addCountry("ACT", 0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("VIC", -0.7, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int left1 = w.addCountry("LF1", -0.8, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int left2 = w.addCountry("LF2", -0.9, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        int right = w.addCountry("RT1", 0.9, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        double[][] before = new double[5][5];
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                before[a][b] = a == b ? 0 : w.affinity(a, b);
            }
        }
        w.act(0, 1, EventType.BORDER_INCIDENT, Event.NONE);
        w.react();
        assertTrue(condemned(w, left1, 0) && condemned(w, left2, 0) && condemned(w, right, 1), "sides as their leans say");
        assertEquals(before[left1][0] - shift, w.affinity(left1, 0), 1e-12, "a condemnation lowers affinity with the condemned");
        assertEquals(before[left1][1] + shift, w.affinity(left1, 1), 1e-12, "support raises it with the supported");
        assertEquals(before[left1][left2] + shift, w.affinity(left1, left2), 1e-12, "speakers on one side move closer");
        assertEquals(before[left1][right] - shift, w.affinity(left1, right), 1e-12, "speakers on opposite sides move apart");
        // a new government discounts what its predecessor's statements built
        Dyad d = w.existing(left1, right);
        double stance = d.stance;
        w.act(right, Event.NONE, EventType.COUP, Event.NONE);
        // a coup by a government of the same outlook and middling hawkishness resets half (section 3.7)
        assertEquals(stance * (1 - Parameter.TURNOVER_DISCOUNT.defaultValue() * 0.5), d.stance, 1e-12);
    }

    /** Countries that made statements among the events from index {@code from} on. */
    private static Set<Integer> speakers(World w, int from) {
        Set<Integer> s = new HashSet<>();
        for (Event e : w.events().subList(from, w.events().size())) {
            if (e.type().kind() == EventType.Kind.STATEMENT) {
                s.add(e.actor());
            }
        }
        return s;
    }

    /**
     * Two salient events of the same gravity on one pair and day: observers judge only one, and
     * which one is drawn at random, not the one recorded first (the order of a day's acts is
     * incidental: which side's turn came first, or a country's list of counterparts).
     */
    @Test
    void ofTwoEquallyGraveEventsOfADayEitherIsJudgedFirstAsOftenAsTheOther() {
        int judged = 0;
        int firstJudged = 0;
        for (long seed = 1; seed <= 600; seed++) {
            World w = region(QUIET, new MersenneTwisterFast(seed), -0.53, 0.5);
            Event first = w.act(0, 1, EventType.BORDER_INCIDENT, Event.NONE);
            Event second = w.act(0, 1, EventType.BORDER_INCIDENT, Event.NONE);
            w.react();
            for (Event e : w.events()) {
                if (e.id() > second.id()) {
                    judged++;
                    firstJudged += e.cause() == first.id() ? 1 : 0;
                    assertTrue(e.cause() == first.id() || e.cause() == second.id(), "a statement answers one of the two");
                    break;
                }
            }
        }
        assertTrue(judged >= 200, "observers spoke in " + judged + " of 600 worlds");
        double share = firstJudged / (double) judged;
        assertTrue(share > 0.4 && share < 0.6, "the first recorded was judged in " + firstJudged + " of " + judged);
    }

    /**
     * A scripted MEDIATE towards one side covers that side's live dispute (a hostile act between
     * the two within memory), not a standing estrangement at a lower level (Egypt's mediation
     * between Syria and Turkey in 1998 is not about Israel and Syria); with no live dispute it
     * covers the worst relation, and a third party's condemnation does not make a pair live.
     */
    @Test
    void aScriptedMediationCoversTheLiveDisputeBeforeAStandingRupture() {
        World w = new World(QUIET, new MersenneTwisterFast(4));
        int syr = w.addCountry("SYR", -0.5, 0.9, 0.9, 0.5, 0.6, 0.3, List.of("A"));
        int tur = w.addCountry("TUR", 0.4, 0.4, 0.85, 0.75, 0.7, 0.5, List.of("N"));
        int isr = w.addCountry("ISR", 0.6, 0.5, 0.75, 0.75, 0.55, 0.45, List.of("N"));
        int egy = w.addCountry("EGY", 0.2, 0.8, 0.8, 0.55, 0.3, 0.6, List.of("A"));
        w.setRelation(isr, syr, Level.SEVERED, 0.15, 0.2, 0, 0);
        w.setRelation(syr, tur, Level.NORMAL, 0, 0, 0, 0);
        w.setDay(0);
        Event standing = w.mediateScripted(Act.of(egy, syr, EventType.MEDIATE, Event.NONE));
        assertEquals(isr, standing.about(), "no live dispute: the worst relation, the rupture");
        w.endDay(0);
        w.setDay(1);
        w.act(isr, syr, EventType.CONDEMN, Event.NONE);
        w.act(tur, syr, EventType.BORDER_INCIDENT, Event.NONE);
        w.endDay(1);
        int memory = (int) Parameter.MEMORY.defaultValue();
        w.setDay(1 + memory);
        Event live = w.mediateScripted(Act.of(egy, syr, EventType.MEDIATE, Event.NONE));
        assertEquals(tur, live.about(), "the border incident of day 1 is live, the condemnation is not a dispute");
        assertTrue(w.existing(syr, tur).mediationUntil > w.day(), "the mediation works on Syria-Turkey");
        w.endDay(1 + memory);
        w.setDay(2 + memory);
        Event faded = w.mediateScripted(Act.of(egy, syr, EventType.MEDIATE, Event.NONE));
        assertEquals(isr, faded.about(), "memory days after the incident the dispute is no longer live");
    }

    @Test
    void theMostCredibleFriendOfBothMediatesAndBothGrievancesShrinkByItsCredibilityEachDay() {
        Parameters p = Parameters.defaults().with(Parameter.THIRD_PARTIES, 0);
        World w = new World(p, new MersenneTwisterFast(9));
        int i = w.addCountry("AAA", 0.25, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
        int j = w.addCountry("BBB", -0.25, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
        int best = w.addCountry("CTR", 0.0, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
        int second = w.addCountry("NXT", 0.1, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
        double credibility = Math.min(w.affinity(best, i), w.affinity(best, j));
        assertTrue(credibility > Math.min(w.affinity(second, i), w.affinity(second, j)));
        assertTrue(credibility > Parameter.MEDIATION_AFFINITY.defaultValue() + 0.1);
        w.setRelation(i, j, Level.NORMAL, 0.3, 0.2, 0, 0);
        Event trigger = w.act(i, j, EventType.BORDER_INCIDENT, Event.NONE);
        Dyad d = w.existing(i, j);
        double gi = d.grievanceOf(i);
        double gj = d.grievanceOf(j);
        w.react();
        List<Event> offers = w.events().subList(1, w.events().size());
        assertEquals(2, offers.size(), "an offer to each side");
        for (Event e : offers) {
            assertEquals(EventType.MEDIATE, e.type());
            assertEquals(best, e.actor());
            assertEquals(trigger.id(), e.cause());
        }
        double keep = 1 - MU * credibility;
        double decay = 1 - Parameter.GRIEVANCE_DECAY.defaultValue();
        int days = (int) Parameter.MEDIATION_DAYS.defaultValue();
        // the mediation works from the day of the offer, at each day's end with the decay
        for (int day = 0; day < days; day++) {
            w.endDay(day);
            assertEquals(gi * Math.pow(keep * decay, day + 1), w.grievance(d, i), 1e-12, "end of day " + day);
            assertEquals(gj * Math.pow(keep * decay, day + 1), w.grievance(d, j), 1e-12);
        }
        w.endDay(days);
        assertEquals(gi * Math.pow(keep * decay, days) * decay, w.grievance(d, i), 1e-12,
                "the mediation ends after mediationDays");
    }
    /**
     * A friend of both with a live dispute of its own with one side (a hostile act between them
     * within memory) does not mediate: the next most credible friend does, and once the dispute
     * has faded the first may again (a Kenya deported from Tanzania's courts is no go-between for
     * Tanzania and Uganda on the same day).
     */
    @Test
    void aPartyToALiveDisputeWithOneSideIsNotItsMediator() {
        Parameters p = Parameters.defaults().with(Parameter.THIRD_PARTIES, 0);
        int memory = (int) Parameter.MEMORY.defaultValue();
        for (int fadedBy : new int[] {0, memory + 1}) {
            World w = new World(p, new MersenneTwisterFast(9));
            int i = w.addCountry("AAA", 0.25, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
            int j = w.addCountry("BBB", -0.25, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
            int best = w.addCountry("CTR", 0.0, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
            int second = w.addCountry("NXT", 0.1, 0, 0.5, 0.5, 0.5, 0.5, List.of("R", "S"));
            w.setRelation(i, j, Level.NORMAL, 0.3, 0.2, 0, 0);
            w.setDay(0);
            w.act(i, best, EventType.BORDER_INCIDENT, Event.NONE); // CTR's own quarrel with AAA
            w.endDay(0);
            w.setDay(fadedBy);
            int before = w.events().size();
            Event trigger = w.act(i, j, EventType.BORDER_INCIDENT, Event.NONE);
            w.react();
            List<Event> offers = w.events().subList(before, w.events().size()).stream()
                    .filter(e -> e.type() == EventType.MEDIATE && e.cause() == trigger.id()).toList();
            assertEquals(2, offers.size(), "an offer to each side, " + fadedBy + " days after the quarrel");
            for (Event e : offers) {
                assertEquals(fadedBy == 0 ? second : best, e.actor(), fadedBy == 0
                        ? "CTR has a live dispute with AAA: the next friend mediates" : "the quarrel has faded: CTR mediates");
            }
        }
    }
}

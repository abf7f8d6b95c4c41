package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.crisis.stats.Intervals;
import org.crisis.experiment.Seeds;
import org.crisis.model.Dyad;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.model.World;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;
import org.junit.jupiter.api.Test;

/**
 * How ruptures end: after a change of government, or sooner with a mediator (docs/MODEL.md 1.1,
 * 3.5, 3.7, 3.9). Each comparison runs the same crisis both ways with common seeds.
 */
class ReconciliationBehaviourTest {
    private static final int RUNS = 300;

    /** A fixture, less the scripted events at {@code removed}, with overrides. */
    static Scenario fixture(String file, int[] removed, String... overrides) throws Exception {
        Node root = TreeReader.read(Path.of(ReconciliationBehaviourTest.class.getResource("/model/" + file).toURI()));
        List<Node> events = ((Node.Sequence) ((Node.Mapping) root).entries().get("events")).items();
        int[] sorted = removed.clone();
        Arrays.sort(sorted);
        for (int k = sorted.length - 1; k >= 0; k--) {
            events.remove(sorted[k]);
        }
        Overrides.apply(root, List.of(overrides));
        return ScenarioReader.bind(root);
    }

    static <T> List<T> replicate(Scenario s, int n, Function<MeasuredRun, T> measure) {
        List<T> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            MeasuredRun m = MeasuredRun.of(s, Seeds.derive(s.seed(), k));
            list.add(measure.apply(m));
        }
        return list;
    }

    static MeasuredRun.Pair pair(MeasuredRun r, String a, String b) {
        return r.pair(a, b);
    }

    static double[] wilson(List<Boolean> outcomes) {
        return Intervals.wilson(outcomes.stream().filter(x -> x).count(), outcomes.size());
    }

    static double median(List<Integer> days) {
        List<Integer> sorted = new ArrayList<>(days);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) / 2.0 + sorted.get(n / 2) / 2.0);
    }

    @Test
    void aLaterElectionOfAnAlignedGovernmentRaisesTheShareOfRestorations() throws Exception {
        // no mediation: CTR's offers would be an occasion to restore of their own (MODEL.md 3.5)
        Scenario with = fixture("rupture-election.yaml", new int[0], "parameters.mediation=false");
        Scenario without = fixture("rupture-election.yaml", new int[] {1}, "parameters.mediation=false");
        Scenario.Trigger election = with.events().get(1);
        assertEquals(EventType.ELECTION, election.type());
        assertEquals(with.events().subList(0, 1), without.events(), "the same crisis, without the election");
        int electionDay = election.day();

        List<MeasuredRun.Pair> a = replicate(with, RUNS, w -> pair(w, "SOV", "GRA"));
        List<MeasuredRun.Pair> b = replicate(without, RUNS, w -> pair(w, "SOV", "GRA"));
        List<Boolean> severedBeforeElection = new ArrayList<>();
        List<Boolean> restoredWith = new ArrayList<>();
        List<Boolean> restoredWithout = new ArrayList<>();
        int gainedBeforeElection = 0;
        for (int k = 0; k < RUNS; k++) {
            severedBeforeElection.add(a.get(k).firstSevered() >= 0 && a.get(k).firstSevered() < electionDay);
            restoredWith.add(a.get(k).restoredDay() >= 0);
            restoredWithout.add(b.get(k).restoredDay() >= 0);
            if (restoredWith.get(k) && !restoredWithout.get(k) && a.get(k).restoredDay() < electionDay) {
                gainedBeforeElection++;
            }
        }
        assertTrue(wilson(severedBeforeElection)[0] > 0.8, "the crisis is a rupture before the election");
        double[] ciWith = wilson(restoredWith);
        double[] ciWithout = wilson(restoredWithout);
        assertTrue(ciWith[0] > ciWithout[1] + 0.2, String.format(
                "restored with the election %.3f-%.3f, without %.3f-%.3f", ciWith[0], ciWith[1], ciWithout[0], ciWithout[1]));
        assertEquals(0, gainedBeforeElection, "runs restored only with the election are restored after it");
    }

    /**
     * At the defaults (the sixty-second round's, docs/MODEL.md 5), a rupture between the same two governments is not
     * mended by a mediator's offers or a gesture: a new government that is not a continuation is what mends it. The
     * fixture's pinned values are set back to the defaults, but for κ and θ_5, which make the second grant a rupture.
     */
    @Test
    void atTheDefaultsANewGovernmentAndNotAMediatorEndsTheRupture() throws Exception {
        List<String> defaults = new ArrayList<>();
        for (String name : List.of("grievanceDecay", "lowLevelDecay", "observerGain", "reciprocity", "audienceCost",
                "solidarity", "ruptureCost", "democraticClause", "mediationWeight", "mediationEfficacy", "restoreThreshold",
                "oustedFriends", "territorialSalience", "campaignGain")) {
            defaults.add("parameters." + name + "=" + Parameter.byKey(name).orElseThrow().defaultValue());
        }
        Scenario with = fixture("rupture-election.yaml", new int[0], defaults.toArray(String[]::new));
        Scenario without = fixture("rupture-election.yaml", new int[] {1}, defaults.toArray(String[]::new));
        int electionDay = with.events().get(1).day();
        List<MeasuredRun.Pair> a = replicate(with, RUNS, w -> pair(w, "SOV", "GRA"));
        List<MeasuredRun.Pair> b = replicate(without, RUNS, w -> pair(w, "SOV", "GRA"));
        assertTrue(b.stream().filter(d -> d.firstSevered() >= 0).count() > 0.8 * RUNS, "the crisis is a rupture");
        long restoredWithout = b.stream().filter(d -> d.restoredDay() >= 0).count();
        long restoredWith = a.stream().filter(d -> d.restoredDay() >= 0).count();
        long beforeElection = a.stream().filter(d -> d.restoredDay() >= 0 && d.restoredDay() < electionDay).count();
        assertTrue(restoredWithout <= RUNS / 50, "with the mediator's offers but no new government, restored in " + restoredWithout
                + " of " + RUNS + " runs");
        assertEquals(0, beforeElection, "no run is restored before the election");
        assertTrue(restoredWith > RUNS / 2, "after the election of a government aligned with GRA, restored in " + restoredWith
                + " of " + RUNS + " runs");
    }

    @Test
    void anElectionThatKeepsTheSameOutlookDoesNotEndTheRupture() throws Exception {
        // a continuity government (docs/MODEL.md 3.5) keeps its predecessor's commitments
        Scenario continuity = fixture("rupture-election.yaml", new int[0], "events.1.ideology.economic=0.7",
                "events.1.ideology.social=0.5", "events.1.domesticPressure=0.8", "events.1.hawkishness=0.6");
        Scenario without = fixture("rupture-election.yaml", new int[] {1});
        List<Boolean> a = replicate(continuity, RUNS, w -> pair(w, "SOV", "GRA").restoredDay() >= 0);
        List<Boolean> b = replicate(without, RUNS, w -> pair(w, "SOV", "GRA").restoredDay() >= 0);
        // the continuation changes no commitment, grievance or occasion, but it touches SOV's pairs, whose
        // sampled windows are then drawn again (section 3.11): a run may part from its twin after the
        // election, the share of restorations may not (a government aligned with GRA raises it by more than
        // a fifth of the runs, the test above)
        long restoredWith = a.stream().filter(x -> x).count();
        long restoredWithout = b.stream().filter(x -> x).count();
        assertTrue(Math.abs(restoredWith - restoredWithout) <= RUNS / 50, String.format(
                "restored in %d runs with the continuation, %d without any election", restoredWith, restoredWithout));
        assertTrue(restoredWithout > 0 && restoredWithout < RUNS, "the rupture is sometimes restored: the comparison can fail");
    }

    @Test
    void aMediatorFriendlyWithBothShortensTimeToRestoration() throws Exception {
        Scenario mediated = fixture("rupture-mediator.yaml", new int[0]);
        Scenario alone = fixture("rupture-mediator.yaml", new int[0], "parameters.mediation=false");
        int horizon = mediated.days();
        record Run(int restoredDay, boolean severed, boolean mediatedByFriend) {}
        Function<MeasuredRun, Run> measure = r -> {
            MeasuredRun.Pair d = pair(r, "SOV", "GRA");
            World w = r.world();
            int ctr = w.indexOf("CTR");
            boolean friend = false;
            for (Event e : w.events()) {
                friend |= e.type() == EventType.MEDIATE && e.actor() == ctr;
            }
            return new Run(d.restoredDay() < 0 ? Integer.MAX_VALUE : d.restoredDay(), d.firstSevered() >= 0, friend);
        };
        // the friend of both is credible: both affinities above mediationAffinity
        CrisisModel built = new CrisisModel(mediated, 1, CrisisModel.DailyObserver.NONE);
        built.start();
        World probe = built.world();
        int ctr = probe.indexOf("CTR");
        assertTrue(probe.affinity(ctr, probe.indexOf("SOV")) > 0.4 && probe.affinity(ctr, probe.indexOf("GRA")) > 0.4);

        List<Run> on = replicate(mediated, RUNS, measure);
        List<Run> off = replicate(alone, RUNS, measure);
        assertTrue(on.stream().filter(Run::severed).count() > 0.8 * RUNS, "the crisis is a rupture");
        assertTrue(off.stream().filter(Run::severed).count() > 0.8 * RUNS, "the crisis is a rupture");
        assertTrue(on.stream().filter(Run::mediatedByFriend).count() > 0.8 * RUNS, "the friend of both mediates");
        assertTrue(off.stream().noneMatch(Run::mediatedByFriend));

        // time to restoration, a run never restored counting as beyond the horizon
        double medianOn = median(on.stream().map(Run::restoredDay).toList());
        double medianOff = median(off.stream().map(Run::restoredDay).toList());
        int sooner = 0;
        int later = 0;
        for (int k = 0; k < RUNS; k++) {
            sooner += on.get(k).restoredDay() < off.get(k).restoredDay() ? 1 : 0;
            later += on.get(k).restoredDay() > off.get(k).restoredDay() ? 1 : 0;
        }
        assertTrue(medianOn < horizon, "most mediated runs are restored within the horizon: median " + medianOn);
        assertTrue(medianOn < medianOff / 2, "median days to restoration " + medianOn + " with, " + medianOff + " without");
        assertTrue(sooner > 0.8 * RUNS, "restored sooner with the mediator in " + sooner + " runs, later in " + later);
    }

    @Test
    void atTheDefaultsARecallForConsultationsIsUndoneOnceItLapsesAndNotBefore() throws Exception {
        // the calibration record's hundred-and-seventh and hundred-and-eighth rounds: a recall with
        // no other occasion to undo it returns once it lapses (docs/MODEL.md 3.5); without the lapse
        // it holds to the end, as every recall of the fifty-fourth frame did before the rounds
        int lapse = (int) Parameters.defaults().get(Parameter.RECALL_LAPSE);
        assertTrue(lapse > 0, "the lapse is a default since the hundred-and-seventh round");
        List<Integer> days = replicate(fixture("recall-consultations.yaml", new int[0]), RUNS,
                r -> pair(r, "AAA", "BBB").restoredDay());
        assertTrue(days.stream().allMatch(d -> d == lapse), "every run returns on the day the recall lapses: " + days);

        List<Integer> without = replicate(fixture("recall-consultations.yaml", new int[0], "parameters.recallLapse=0"),
                RUNS, r -> pair(r, "AAA", "BBB").restoredDay());
        assertTrue(without.stream().allMatch(d -> d < 0), "without the lapse the recall holds: " + without);
    }
}

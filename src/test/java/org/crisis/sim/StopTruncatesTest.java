package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crisis.experiment.Seeds;
import org.crisis.model.Event;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * A stop rule only ends a run: with the same seed, the run with the rule is the run without it,
 * event for event, up to the day it stops. Common random numbers then pair sets that differ in
 * their stop rule, or in nothing else, run by run.
 */
class StopTruncatesTest {
    private static final int RUNS = 60;

    private static Scenario withStop(Scenario s, Scenario.Stop stop) {
        return new Scenario(s.name(), s.description(), s.start(), s.days(), s.seed(), s.countries(), s.relations(),
                s.events(), s.parameters(), s.track(), Optional.of(stop), s.expect(), s.organisations());
    }

    private static String describe(Event e) {
        return String.format(Locale.ROOT, "%d %s %s->%s", e.day(), e.type(), e.actor(), e.target());
    }

    @Test
    void aRunWithAStopRuleIsTheRunWithoutItUpToItsStop() {
        // a stop check that schedules itself again on the day it runs would never return: fail, not hang
        assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), this::compareRuns);
    }

    private void compareRuns() throws Exception {
        int stoppedEarly = 0;
        for (String name : List.of("mexico-ecuador-embassy-raid-2024", "colombia-venezuela-2019-2022")) {
            Scenario s = ScenarioReader.read(Path.of("scenarios", name + ".yaml"), List.of());
            Scenario.Pair pair = s.trackedPairs().get(0);
            for (Scenario.Stop stop : List.of(new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.empty()),
                    // quiet with the pair still below NORMAL: the check waits for the next event, and must not spin on the day
                    new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.of(pair)),
                    new Scenario.Stop(Scenario.StopWhen.SEVERED, Optional.of(pair)),
                    new Scenario.Stop(Scenario.StopWhen.RESTORED, Optional.of(pair)))) {
                Scenario stopping = withStop(s, stop);
                for (int k = 0; k < RUNS; k++) {
                    long seed = Seeds.derive(11L, k);
                    MeasuredRun whole = MeasuredRun.of(s, seed);
                    MeasuredRun cut = MeasuredRun.of(stopping, seed);
                    int last = cut.model().daysRun() - 1;
                    List<String> expected = whole.world().events().stream().filter(e -> e.day() <= last)
                            .map(StopTruncatesTest::describe).toList();
                    List<String> actual = cut.world().events().stream().map(StopTruncatesTest::describe).toList();
                    assertEquals(expected, actual, name + " " + stop.when() + " run " + k + ", stopped after day " + last);
                    if (last < s.days() - 1) {
                        stoppedEarly++;
                    }
                }
            }
        }
        assertTrue(stoppedEarly > RUNS, "most runs stop before the horizon: " + stoppedEarly);
    }
}

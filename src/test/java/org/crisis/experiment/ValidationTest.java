package org.crisis.experiment;

import org.crisis.stats.Intervals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.observe.MeasuredRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code crisis validate}'s verdicts (issue 5, SCENARIO.md "Expected patterns"): the share of
 * runs showing each pattern, its Wilson interval, and pass or fail by its bounds. The shares
 * are recomputed here from the same seeds by reading each run's relations and events.
 */
class ValidationTest {
    private static Scenario scenario;

    @BeforeAll
    static void load() throws Exception {
        scenario = ScenarioReader.read(Path.of(ValidationTest.class.getResource("/model/validation-case.yaml").toURI()),
                List.of());
    }

    /** Per pattern of the fixture, in order: does run {@code w} show it? Written from the fixture's text. */
    private static boolean[] shows(MeasuredRun r) {
        World w = r.world();
        MeasuredRun.Pair d = r.pair("RAI", "VIC");
        Set<Integer> condemners = new HashSet<>();
        for (Event e : w.events()) {
            if (e.type() == EventType.CONDEMN && e.target() == w.indexOf("RAI")) {
                condemners.add(e.actor());
            }
        }
        int severed = d.firstSevered();
        return new boolean[] {
            d.lowestLevel().compareTo(Level.DOWNGRADED) <= 0,
            severed >= 0 && severed <= 10,
            d.level().compareTo(Level.DOWNGRADED) <= 0,
            d.restoredDay() >= 0,
            condemners.size() >= 3
        };
    }

    @Test
    void eachPatternsShareIsTheShareOfRunsShowingIt() throws Exception {
        long seed = 17;
        List<Validation.Row> rows = Validation.check(scenario, 0, seed, 1, Progress.none());
        int runs = scenario.expect().orElseThrow().runs();
        assertEquals(60, runs);
        int[] held = new int[5];
        for (int k = 0; k < runs; k++) {
            boolean[] s = shows(MeasuredRun.of(scenario, Seeds.derive(seed, k)));
            for (int p = 0; p < held.length; p++) {
                held[p] += s[p] ? 1 : 0;
            }
        }
        assertEquals(5, rows.size());
        for (int p = 0; p < rows.size(); p++) {
            Validation.Row row = rows.get(p);
            assertEquals(runs, row.runs(), "expect.runs is used when no --runs is given");
            assertEquals(held[p], row.held(), row.pattern());
            assertEquals(held[p] / (double) runs, row.observed(), 1e-12);
            assertArrayEquals(Intervals.wilson(held[p], runs), new double[] {row.low(), row.high()}, 1e-12);
            assertEquals("embassy-raid-expected", row.scenario());
        }
    }

    @Test
    void aPatternPassesWhenItsShareLiesWithinItsBounds() throws Exception {
        List<Validation.Row> rows = Validation.check(scenario, 0, 17, 1, Progress.none());
        for (Validation.Row row : rows) {
            boolean within = row.bounds().min().map(m -> row.observed() >= m).orElse(true)
                    && row.bounds().max().map(m -> row.observed() <= m).orElse(true);
            assertEquals(within, row.pass(), row.pattern() + " at " + row.observed());
        }
        assertTrue(rows.get(0).pass(), "the raid downgrades relations: " + rows.get(0).observed());
        assertFalse(rows.get(3).pass(), "the fixture's restored pattern is set to fail: " + rows.get(3).observed());
    }

    @Test
    void patternsAreNamedByTheirLabelOrByWhatTheyExpect() throws Exception {
        List<Validation.Row> rows = Validation.check(scenario, 5, 1, 1, Progress.none());
        assertEquals("downgraded", rows.get(0).pattern());
        assertEquals("no-quick-rupture", rows.get(1).pattern());
        assertEquals("restored-at-once", rows.get(3).pattern());
        assertFalse(rows.get(2).pattern().isBlank());
        assertFalse(rows.get(4).pattern().isBlank());
    }

    @Test
    void theRunsOptionOverridesExpectRunsAndTheVerdictDoesNotDependOnThreads() throws Exception {
        List<Validation.Row> one = Validation.check(scenario, 24, 5, 1, Progress.none());
        List<Validation.Row> two = Validation.check(scenario, 24, 5, 2, Progress.none());
        assertEquals(one, two);
        assertTrue(one.stream().allMatch(r -> r.runs() == 24));
    }

    private static Validation.Row row(String scenario, Double min, Double max, int held) {
        return new Validation.Row(scenario, "p", new Scenario.Bounds(Optional.ofNullable(min), Optional.ofNullable(max)), 10,
                held, 0, 1);
    }

    @Test
    void theSummaryCountsEachKindOfPatternAndBalancesTheirRates() {
        // case a: a recall that happened (passes at 7 of 10 against min 0.6), a rupture that did not (fails, 5 of 10 above max 0.2);
        // case b: a recall that happened and is missed (0 of 10), a restraint kept (0 of 10 against max 0.2), and a
        // two-sided bound (min 0.3, max 0.8) that counts with the patterns that say something happened
        List<Validation.Row> rows = List.of(row("a", 0.6, null, 7), row("a", null, 0.2, 5), row("b", 0.6, null, 0),
                row("b", null, 0.2, 0), row("b", 0.3, 0.8, 5));
        Validation.Summary s = Validation.Summary.of(rows, 1);
        assertEquals(3, s.passed());
        assertEquals(5, s.total());
        assertEquals(3, s.happened(), "a lower bound above 0 says something happened");
        assertEquals(2, s.happenedPassed());
        assertEquals((2 / 3.0 + 1 / 2.0) / 2, s.balanced(), 1e-12);
        assertEquals(null, s.interval(), "two cases are too few to resample");
        // the Brier score takes the four one-sided patterns: (0.7 - 1)^2, (0.5 - 0)^2, (0 - 1)^2, (0 - 0)^2
        assertEquals(4, s.brier().events(), "a two-sided bound claims no outcome");
        assertEquals((0.09 + 0.25 + 1 + 0) / 4, s.brier().score(), 1e-12);
        assertEquals(0.25, s.brier().reference(), 1e-12, "two of four happened");
        assertEquals(List.of("3 of 5 patterns pass (60.0 %)",
                "of the 3 that record something happened (a lower bound above 0), 2 pass (66.7 %); of the 2 others, 1 (50.0 %);"
                        + " balanced rate 58.3 %",
                "Brier score of the shares against the record, over the 4 patterns with one bound: 0.335 (0 is best; 0.250"
                        + " for every share at the 50.0 % of them that record something happened)",
                // happened 0.7 and 0, not 0.5 and 0: 0.7 beats both, 0 loses to 0.5 and ties 0: 2.5 of 4 pairs
                "Area under the ROC curve of the shares: 0.625 (the chance that a pattern that records something"
                        + " happened, a lower bound above 0, has a higher share than one that records it did not, ties counting"
                        + " half; 0.5 for shares that do not tell them apart)"), s.lines());
    }

    @Test
    void theIntervalResamplesCasesFromTwentyOn() {
        // twenty cases that each pass 1 of 2: every resample pools to one half
        List<Validation.Row> alike = new ArrayList<>();
        for (int c = 0; c < Validation.Summary.MIN_CASES; c++) {
            alike.add(row("c" + c, 0.6, null, 7));
            alike.add(row("c" + c, null, 0.2, 9));
        }
        Validation.Summary s = Validation.Summary.of(alike, 1);
        assertArrayEquals(new double[] {0.5, 0.5}, s.interval(), 1e-12);
        assertTrue(s.lines().get(0).startsWith("20 of 40 patterns pass (50.0 %, 95 % interval 50.0–50.0 % by resampling cases)"),
                s.lines().get(0));
        // half the cases pass both patterns, half neither: the pooled rate is 1/2 and resampled rates spread around it
        List<Validation.Row> split = new ArrayList<>();
        for (int c = 0; c < 2 * Validation.Summary.MIN_CASES; c++) {
            split.add(row("c" + c, 0.6, null, c % 2 == 0 ? 7 : 0));
            split.add(row("c" + c, null, 0.2, c % 2 == 0 ? 0 : 9));
        }
        double[] ci = Validation.Summary.of(split, 1).interval();
        assertTrue(ci[0] < 0.5 && ci[1] > 0.5 && ci[0] > 0.2 && ci[1] < 0.8, Arrays.toString(ci));
        // the binomial spread of 40 cases' shares of 1/2: sd 0.079, so the 95 % interval is about ±0.155
        assertEquals(0.155, (ci[1] - ci[0]) / 2, 0.03);
        assertEquals(null, Validation.Summary.of(split.subList(0, 2 * (Validation.Summary.MIN_CASES - 1)), 1).interval(),
                "nineteen cases: no interval");
    }

    @Test
    void oneCaseHasNoIntervalAndOneKindNoBalancedRate() {
        Validation.Summary s = Validation.Summary.of(List.of(row("a", null, 0.2, 0), row("a", null, 0.2, 9)), 1);
        assertEquals(null, s.interval(), "one case's patterns are not independent draws: no interval");
        assertTrue(Double.isNaN(s.balanced()));
        assertEquals(List.of("1 of 2 patterns pass (50.0 %)",
                "of the 0 that record something happened (a lower bound above 0), 0 pass (none); of the 2 others, 1 (50.0 %)",
                "Brier score of the shares against the record, over the 2 patterns with one bound: 0.405 (0 is best)"),
                s.lines(), "one kind of record: no base rate to compare with ((0 - 0)^2 + (0.9 - 0)^2, halved)");
        assertEquals("1 of 1 pattern passes (100.0 %)", Validation.Summary.of(List.of(row("a", null, 0.2, 0)), 1).lines().get(0));
    }
}

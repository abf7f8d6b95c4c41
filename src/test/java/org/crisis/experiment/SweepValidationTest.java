package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files that could not finish, or would vary a field twice, are refused before anything runs. */
class SweepValidationTest {
    @TempDir
    Path dir;

    private List<String> problems(String body) throws Exception {
        Path file = SweepFixtures.sweep(dir, body);
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(InvalidInputException.class,
                () -> SweepReader.read(file))).problems().stream().map(Problem::toString).toList();
    }

    private String at(String rest) {
        return dir.resolve("sweep.yaml") + ":" + rest;
    }

    @Test
    void aValueWithALineBreakIsRefused() throws Exception {
        assertEquals(List.of(at("5:29: vary.events.0.label.values[0]: expected a value on one line, found a line break:"
                + " each value is written on one line of runs.csv and of the sweep's journal")), problems("""
                design: grid
                vary:
                  parameters.grievanceDecay: {values: [0.01, 0.02]}
                  events.0.label: {values: ["two\\nlines", one]}
                """ + SweepFixtures.OUTCOMES));
    }

    @Test
    void aHugeGridIsRefusedAtOnceWithItsExactSize() throws Exception {
        StringBuilder vary = new StringBuilder("design: grid\nvary:\n");
        for (String p : List.of("countries.AAA.sovereignty", "countries.AAA.hawkishness", "countries.BBB.sovereignty",
                "countries.BBB.hawkishness", "countries.CCC.sovereignty")) {
            vary.append("  ").append(p).append(": {min: 0, max: 1, steps: 100000}\n");
        }
        assertEquals(List.of(at("4:3: vary: the grid has more than 2^63 (10,000,000,000,000,000,000,000,000) points"
                + " (100,000 \u00d7 100,000 \u00d7 100,000 \u00d7 100,000 \u00d7 100,000); at most 20,000,000 are"
                + " supported (their coordinates are kept in memory): use fewer steps or values, a sampled design"
                + " (lhs, sobol), or several sweeps")), problems(vary + SweepFixtures.OUTCOMES));
        assertEquals(List.of(at("4:3: vary: the grid has 30,000,000 points (3,000 \u00d7 10,000); at most 20,000,000"
                + " are supported (their coordinates are kept in memory): use fewer steps or values, a sampled design"
                + " (lhs, sobol), or several sweeps")), problems("""
                design: grid
                vary:
                  days: {min: 1, max: 3000, steps: 5000}
                  parameters.grievanceDecay: {min: 0, max: 0.5, steps: 10000}
                """ + SweepFixtures.OUTCOMES));
    }

    @Test
    void theSameFieldUnderTwoNamesIsRefused() throws Exception {
        assertEquals(List.of(
                at("5:3: vary.countries.0.hawkishness: varies the same field as vary.countries.AAA.hawkishness"
                        + " (countries[0].hawkishness); vary each field once"),
                at("7:3: vary.relations.BBB-AAA.level: varies the same field as vary.relations.AAA-BBB.level"
                        + " (relations[0].level); vary each field once"),
                at("9:3: vary.relations.CCC-AAA.level: varies the same field as vary.relations.AAA-CCC.level"
                        + " (relations[AAA-CCC].level); vary each field once")), problems("""
                design: grid
                vary:
                  countries.AAA.hawkishness: {values: [0.1, 0.2]}
                  countries.0.hawkishness: {values: [0.3, 0.4]}
                  relations.AAA-BBB.level: {values: [NORMAL, ALLIED]}
                  relations.BBB-AAA.level: {values: [NORMAL, CORDIAL]}
                  relations.AAA-CCC.level: {values: [NORMAL, ALLIED]}
                  relations.CCC-AAA.level: {values: [NORMAL, CORDIAL]}
                """ + SweepFixtures.OUTCOMES));
    }

    @Test
    void theScenarioSeedIsNotAVariedPath() throws Exception {
        // the runs' seeds come from the sweep's own seed: a varied scenario seed once gave every point the same runs
        assertEquals(List.of(at("4:3: vary.seed: the runs' seeds come from the sweep's own seed (its top-level seed:), not the"
                + " scenario's, so a varied scenario seed would change no run; for other random numbers at each point set"
                + " commonRandomNumbers: false, for more of them raise replications")), problems("""
                design: grid
                vary:
                  seed: {values: [1, 2]}
                """ + SweepFixtures.OUTCOMES));
    }

    @Test
    void anEventDayBeyondTheFilesHorizonIsAcceptedWhereEveryPointLengthensIt() throws Exception {
        Path file = SweepFixtures.sweep(dir, """
                design: grid
                vary:
                  days: {values: [500]}
                  events.0.day: {values: [0, 400]}
                """ + SweepFixtures.OUTCOMES);
        assertEquals(2, SweepReader.read(file).pointCount());
        // a point that keeps the short horizon is still refused, point by point
        assertEquals(List.of(at("4:3: vary: point 1 (days=30, events.0.day=400) makes the scenario invalid: events[0].day:"
                + " day 400 is outside the horizon: expected 0..29 (days: 30)")),
                problems("""
                design: grid
                vary:
                  days: {values: [30, 500]}
                  events.0.day: {values: [0, 400]}
                """ + SweepFixtures.OUTCOMES));
    }

    @Test
    void aValueWrongWhateverTheOthersTakeIsSaidAtItsPlaceWhereTwoStructuralValuesAreVaried() throws Exception {
        // a level misspelt beside a varied horizon (two structural values, so points are checked whole) and a boolean given
        // as a number: each said at its own place, at once
        List<String> said = problems("""
                design: grid
                vary:
                  days: {values: [30, 60]}
                  relations.AAA-BBB.level: {values: [NORMALL]}
                  parameters.ripeRestoration: {values: [1]}
                """ + SweepFixtures.OUTCOMES);
        assertTrue(said.stream().anyMatch(p -> p.contains("vary.relations.AAA-BBB.level: value NORMALL makes the scenario "
                + "invalid") && p.contains("did you mean 'NORMAL'?")), said::toString);
        assertTrue(said.stream().anyMatch(p -> p.contains("vary.parameters.ripeRestoration: value 1")), said::toString);
        // where points are checked whole, each of a point's problems is named: both events beyond its horizon
        List<String> points = problems("""
                design: grid
                vary:
                  days: {values: [20, 500]}
                  events.0.day: {values: [400]}
                  events.1.day: {values: [450]}
                """ + SweepFixtures.OUTCOMES);
        assertTrue(points.stream().anyMatch(p -> p.contains("point 0 (") && p.contains("events[0].day: day 400")), points::toString);
        assertTrue(points.stream().anyMatch(p -> p.contains("point 0 (") && p.contains("events[1].day: day 450")), points::toString);
    }

    @Test
    void textAmongNumbersDoesNotHideTheOtherValuesFaultsBehindEveryPoint() throws Exception {
        // a word and a quoted number make both factors structural, so points are checked whole; each value wrong in its
        // own range is still said once, at its place, and the quoted number is said to be text
        List<String> said = problems("""
                design: grid
                vary:
                  parameters.memory: {values: [10, 20.5, "x"]}
                  countries.AAA.domesticPressure: {values: ["0.5", 0.7]}
                """ + SweepFixtures.OUTCOMES);
        assertEquals(3, said.size(), said::toString);
        assertTrue(said.stream().noneMatch(p -> p.contains("point ")), said::toString);
        assertTrue(said.get(0).contains(":4:36: vary.parameters.memory: value 20.5 makes the scenario invalid"), said::toString);
        assertTrue(said.get(1).contains("value x makes the scenario invalid"), said::toString);
        assertTrue(said.get(2).contains(":5:45: vary.countries.AAA.domesticPressure: value 0.5 makes the scenario invalid: "
                + "countries[0].domesticPressure: expected a number in [0, 1], found '0.5' (text, being in quotes: write 0.5"
                + " without them)"), said::toString);
        // a quoted number that would be wrong unquoted too is said to be text, with no advice to write it so
        List<String> five = problems("""
                design: grid
                vary:
                  countries.AAA.domesticPressure: {values: ["5", 0.7]}
                  parameters.memory: {values: [10, "y"]}
                """ + SweepFixtures.OUTCOMES);
        assertTrue(five.stream().anyMatch(p -> p.endsWith("found '5' (text, being in quotes)")), five::toString);
    }

    @Test
    void aValueWrongOnlyAgainstTheFilesOtherValueIsJudgedAtThePointsThatGiveIt() throws Exception {
        // the file's actor is BBB: a target of BBB alone is its own actor, but every point moves the actor too
        assertEquals(2, SweepReader.read(SweepFixtures.sweep(dir, """
                design: grid
                vary:
                  events.0.actor: {values: [CCC]}
                  events.0.target: {values: [AAA, BBB]}
                """ + SweepFixtures.OUTCOMES)).pointCount());
        // a horizon of 0 is wrong whatever the rest: said once at its place, not at every point
        List<String> said = problems("""
                design: grid
                vary:
                  days: {values: [0, 40]}
                  events.0.day: {values: [1, 2, 3]}
                """ + SweepFixtures.OUTCOMES);
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).contains("vary.days: value 0 makes the scenario invalid: days: expected a whole number in [1, "),
                said::toString);
    }
}

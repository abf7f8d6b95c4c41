package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files: what is accepted, and every error reported at once with file, line, column and path. */
class SweepReaderTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String body) throws IOException {
        Path file = SweepFixtures.sweep(dir, body);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepReader.read(file));
        return e.problems();
    }

    private static Problem find(List<Problem> problems, String path) {
        return problems.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in\n" + problems));
    }

    @Test
    void theExampleOfTheFormatIsAcceptedAsWritten() throws Exception {
        Files.writeString(dir.resolve("peru-mexico-asylum-2025.yaml"), """
                name: peru-mexico-asylum-2025
                days: 20
                countries:
                  - id: PER
                  - id: MEX
                events:
                  - day: 0
                    type: ASYLUM_GRANT
                    actor: MEX
                    target: PER
                """);
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, """
                scenario: peru-mexico-asylum-2025.yaml   # path relative to this file
                design: grid                             # grid | random | lhs | sobol
                samples: 200                             # random / lhs / sobol: number of points
                replications: 30                         # runs per point, each with its own derived seed
                seed: 7                                  # master seed; per-run seeds derive from it deterministically
                vary:
                  parameters.grievanceDecay: { values: [0.01, 0.02, 0.05] }
                  countries.PER.domesticPressure: { min: 0.1, max: 0.9, steps: 5 }   # grid: steps; other designs: range
                outcomes: [severed:PER-MEX, daysToSevered:PER-MEX, restored:PER-MEX, severedPairs, polarisation]
                """);
        Sweep s = SweepReader.read(file);
        assertEquals(15, s.pointCount());
        assertEquals(450, s.runCount());
        assertEquals("example", s.name());
        assertEquals(List.of("point", "replication", "seed", "parameters_grievance_decay",
                "countries_per_domestic_pressure", "severed_per_mex", "days_to_severed_per_mex", "restored_per_mex",
                "severed_pairs", "polarisation", "status", "message"), s.runColumns());
        assertEquals(List.of("0.1", "0.3", "0.5", "0.7", "0.9"),
                s.factors().get(1).gridLevels().stream().map(SweepFactor::text).toList());
    }

    @Test
    void aSweepWithoutANameIsNamedAfterItsFileWithAccentsDropped() {
        assertEquals("sw-e", SweepReader.defaultName(Path.of("sw \u00e9.yaml")));
        assertEquals("Peru-Mexico_2025", SweepReader.defaultName(Path.of("Per\u00fa-M\u00e9xico_2025.yml")));
    }

    @Test
    void aParameterNamedWithoutItsPrefixIsPointedToIt() throws IOException {
        List<Problem> p = problems("""
                vary:
                  thresholdRecall: { values: [0.2, 0.4] }
                  grievanceGane: { values: [0.1] }
                outcomes: [severed:AAA-BBB]
                """);
        assertEquals("vary.thresholdRecall: 'thresholdRecall' is a model parameter, set under parameters:; did you mean"
                + " 'parameters.thresholdRecall'?", find(p, "vary.thresholdRecall").path() + ": " + find(p, "vary.thresholdRecall").message());
        assertTrue(find(p, "vary.grievanceGane").message().contains("no such path"),
                "a bare name that is no parameter is a missing path as before: " + p);
    }

    @Test
    void everyProblemIsReportedAtOnceWithLineAndColumn() throws IOException {
        List<Problem> p = problems("""
                design: sobel
                replicatons: 3
                vary:
                  countries.XXX.sovereignty: { min: 0.1, max: 0.9 }
                  parameters.nope: { values: [1, 2] }
                  countries.AAA.sovereignty: { min: 0.2, max: 1.5 }
                  countries.AAA.hawkishness: { min: 0.8, max: 0.2 }
                  parameters.memory: { values: [] }
                  parameters.grievanceDecay: { min: 0.1, max: 0.2, steps: 0 }
                outcomes: [severed:AAA-BBB, sevred:AAA-BBB, sides:XXX]
                """);
        Problem unknown = find(p, "replicatons");
        assertTrue(unknown.message().contains("did you mean 'replications'"), unknown.toString());
        assertEquals(3, unknown.line());
        assertEquals(1, unknown.column());
        assertTrue(unknown.source().endsWith("sweep.yaml"));

        Problem design = find(p, "design");
        assertTrue(design.message().contains("unknown design 'sobel'") && design.message().contains("did you mean 'sobol'"),
                design.toString());
        assertEquals(2, design.line());

        Problem country = find(p, "vary.countries.XXX.sovereignty");
        assertTrue(country.message().contains("no such path") && country.message().contains("'XXX'"), country.toString());
        assertEquals(5, country.line());
        assertEquals(3, country.column());

        Problem parameter = find(p, "vary.parameters.nope");
        assertTrue(parameter.message().contains("no such path") && parameter.message().contains("unknown field 'nope'"),
                parameter.toString());
        assertEquals(6, parameter.line());

        Problem invalid = find(p, "vary.countries.AAA.sovereignty");
        assertTrue(invalid.message().contains("value 1.5 makes the scenario invalid")
                && invalid.message().contains("expected a number in [0, 1]"), invalid.toString());
        assertEquals(7, invalid.line());
        assertEquals(47, invalid.column(), "points at the offending max");

        Problem empty = find(p, "vary.countries.AAA.hawkishness");
        assertTrue(empty.message().contains("min 0.8 is above max 0.2"), empty.toString());

        Problem noValues = find(p, "vary.parameters.memory.values");
        assertTrue(noValues.message().contains("at least one value"), noValues.toString());

        Problem steps = find(p, "vary.parameters.grievanceDecay.steps");
        assertTrue(steps.message().contains("expected a whole number in [1, "), steps.toString());

        Problem outcome = find(p, "outcomes[1]");
        assertTrue(outcome.message().contains("unknown outcome 'sevred:AAA-BBB'; did you mean 'severed:AAA-BBB'?"),
                outcome.toString());
        Problem sides = find(p, "outcomes[2]");
        assertTrue(sides.message().contains("'XXX'"), sides.toString());
        assertEquals(11, outcome.line());

        assertEquals(10, p.size(), String.join("\n", p.stream().map(Problem::toString).toList()));
    }

    @Test
    void aGridNeedsStepsForARange() throws IOException {
        Problem p = find(problems("design: grid\nvary:\n  parameters.grievanceDecay: { min: 0.01, max: 0.05 }\n"
                + SweepFixtures.OUTCOMES), "vary.parameters.grievanceDecay.steps");
        assertTrue(p.message().contains("a grid needs steps"), p.toString());
    }

    @Test
    void sampledDesignsNeedSamples() throws IOException {
        Problem p = find(problems("design: lhs\nvary:\n  parameters.grievanceDecay: { min: 0.01, max: 0.05 }\n"
                + SweepFixtures.OUTCOMES), "samples");
        assertTrue(p.message().contains("required field is missing"), p.toString());
    }

    @Test
    void aVaryEntryNeedsValuesOrARangeButNotBoth() throws IOException {
        List<Problem> p = problems("""
                design: random
                samples: 4
                vary:
                  parameters.grievanceDecay: { values: [0.1], min: 0.01, max: 0.05 }
                  parameters.rationality: { steps: 3 }
                  parameters.reciprocity: { min: 0.1 }
                  parameters.audienceCost: { valeus: [1] }
                """ + SweepFixtures.OUTCOMES);
        assertTrue(find(p, "vary.parameters.grievanceDecay").message().contains("not both"));
        assertTrue(find(p, "vary.parameters.rationality").message().contains("expected values"));
        assertTrue(find(p, "vary.parameters.reciprocity.max").message().contains("required field is missing"));
        assertTrue(find(p, "vary.parameters.audienceCost.valeus").message().contains("did you mean 'values'"));
    }

    @Test
    void aValueGivenTwiceOrReadAsMissingIsRefused() throws IOException {
        List<Problem> p = problems("""
                design: grid
                vary:
                  parameters.grievanceDecay: { values: [0.1, 0.01, 0.10] }
                  countries.AAA.name: { values: [Alpha, NA, ""] }
                """ + SweepFixtures.OUTCOMES);
        assertTrue(find(p, "vary.parameters.grievanceDecay.values[2]").message().contains("the value 0.1 is given twice (also at"
                + " values[0])"), p::toString);
        assertTrue(find(p, "vary.countries.AAA.name.values[1]").message().contains("'NA' reads as a missing value"), p::toString);
        assertTrue(find(p, "vary.countries.AAA.name.values[2]").message().contains("reads as a missing value"), p::toString);
    }

    @Test
    void neitherTheStopNorTheScenariosNameIsVaried() throws IOException {
        List<Problem> p = problems("""
                design: grid
                vary:
                  stop.when: { values: [quiet, severed] }
                  name: { values: [a, b] }
                """ + SweepFixtures.OUTCOMES);
        assertTrue(find(p, "vary.stop.when").message().contains("the early stop is set in the scenario file, not varied"),
                p::toString);
        assertTrue(find(p, "vary.name").message().contains("changes no run"), p::toString);
    }

    @Test
    void valuesThatConflictAcrossFactorsAreFoundBeforeRunning() throws IOException {
        List<Problem> p = problems("""
                design: grid
                vary:
                  days: { values: [15, 30] }
                  events.1.day: { values: [2, 20] }
                """ + SweepFixtures.OUTCOMES);
        Problem conflict = find(p, "vary");
        assertTrue(conflict.message().contains("point 1 (days=15, events.1.day=20) makes the scenario invalid")
                && conflict.message().contains("outside the horizon"), conflict.toString());
    }

    @Test
    void morrisLevelsMustBeEven() throws IOException {
        Problem p = find(problems("design: morris\nsamples: 4\nlevels: 3\nvary:\n  parameters.grievanceDecay: { min: 0.01, max: 0.05 }\n"
                + SweepFixtures.OUTCOMES), "levels");
        assertTrue(p.message().contains("even"), p.toString());
    }

    @Test
    void aMissingScenarioFileIsReportedAtTheScenarioField() throws IOException {
        Path file = dir.resolve("lost.yaml");
        Files.writeString(file, "scenario: nowhere.yaml\ndesign: grid\nvary:\n  days: { values: [3] }\n" + SweepFixtures.OUTCOMES);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepReader.read(file));
        Problem p = find(e.problems(), "scenario");
        assertTrue(p.message().contains("no such file"));
        assertEquals(1, p.line());
    }

    @Test
    void integerPathsStayWholeNumbers() throws Exception {
        Path file = SweepFixtures.sweep(dir, """
                design: lhs
                samples: 40
                vary:
                  parameters.memory: { min: 5, max: 9 }
                  events.1.day: { min: 3, max: 20 }
                  days: { min: 25, max: 40 }
                  parameters.grievanceDecay: { min: 0.01, max: 0.05 }
                """ + SweepFixtures.OUTCOMES);
        Sweep s = SweepReader.read(file);
        Set<String> memory = new HashSet<>();
        for (int p = 0; p < s.pointCount(); p++) {
            List<SweepFactor.Setting> settings = s.settingsAt(p);
            for (int i = 0; i < 3; i++) {
                Object v = ((Node.Scalar) settings.get(i).node()).value();
                assertTrue(v instanceof Long, settings.get(i).text() + " of " + s.factors().get(i).path());
            }
            memory.add(settings.get(0).text());
            assertTrue(((Node.Scalar) settings.get(3).node()).value() instanceof Double);
            assertEquals(s.scenarioAt(p).parameters().get(org.crisis.model.Parameter.MEMORY),
                    Double.parseDouble(settings.get(0).text()), 0.0);
        }
        assertEquals(Set.of("5", "6", "7", "8", "9"), memory, "each whole number of the range is used");
    }

    @Test
    void gridLevelsOfAnIntegerRangeAreRoundedAndDistinct() throws Exception {
        Path file = SweepFixtures.sweep(dir, "design: grid\nvary:\n  parameters.memory: { min: 1, max: 3, steps: 5 }\n"
                + SweepFixtures.OUTCOMES);
        Sweep s = SweepReader.read(file);
        assertEquals(List.of("1", "2", "3"), s.factors().get(0).gridLevels().stream().map(SweepFactor::text).toList());
        assertEquals(3, s.pointCount());
    }

    @Test
    void valuesListsKeepTheirTypeAndAreSampledInRandomDesigns() throws Exception {
        Path file = SweepFixtures.sweep(dir, """
                design: random
                samples: 200
                vary:
                  parameters.mediation: { values: [true, false] }
                  relations.AAA-BBB.level: { values: [NORMAL, DOWNGRADED, CORDIAL] }
                """ + SweepFixtures.OUTCOMES);
        Sweep s = SweepReader.read(file);
        Set<String> levels = new HashSet<>();
        for (int p = 0; p < s.pointCount(); p++) {
            levels.add(s.settingsAt(p).get(1).text());
            s.scenarioAt(p);
        }
        assertEquals(Set.of("NORMAL", "DOWNGRADED", "CORDIAL"), levels);
    }

    @Test
    void sobolAndMorrisSizesFollowSamplesAndFactors() throws Exception {
        Path sobol = SweepFixtures.sweep(dir, """
                design: sobol
                samples: 16
                vary:
                  parameters.grievanceDecay: { min: 0.01, max: 0.05 }
                  parameters.rationality: { min: 2, max: 8 }
                  countries.AAA.sovereignty: { min: 0.5, max: 1 }
                """ + SweepFixtures.OUTCOMES);
        assertEquals(16 * 5, SweepReader.read(sobol).pointCount());
        Path morris = SweepFixtures.sweep(dir, """
                design: morris
                samples: 6
                vary:
                  parameters.grievanceDecay: { min: 0.01, max: 0.05 }
                  parameters.rationality: { min: 2, max: 8 }
                """ + SweepFixtures.OUTCOMES);
        assertEquals(6 * 3, SweepReader.read(morris).pointCount());
    }

    @Test
    void theDesignIsTheSameEveryTimeAndDependsOnTheSeed() throws Exception {
        String body = "design: random\nsamples: 10\nvary:\n  parameters.grievanceDecay: { min: 0.01, max: 0.05 }\n"
                + SweepFixtures.OUTCOMES;
        Path a = SweepFixtures.sweep(dir, "seed: 1\n" + body);
        String first = SweepReader.read(a).describe(3);
        assertEquals(first, SweepReader.read(a).describe(3));
        Path b = SweepFixtures.sweep(dir, "seed: 2\n" + body);
        assertFalse(first.equals(SweepReader.read(b).describe(3)));
    }

    @Test
    void theShippedSweepsAreValid() throws Exception {
        Path dir = Path.of("scenarios", "sweeps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "run from the project root");
        Sweep severity = SweepReader.read(dir.resolve("asylum-severity.yaml"));
        assertEquals(Design.GRID, severity.design());
        assertEquals(81, severity.pointCount());
        Sweep sobol = SweepReader.read(dir.resolve("sobol-baseline.yaml"));
        assertEquals(Design.SOBOL, sobol.design());
        assertEquals(sobol.samples() * (sobol.factors().size() + 2), sobol.pointCount());
        assertEquals("baseline-asylum", sobol.scenario().name());
        assertEquals(1, sobol.scenario().events().size(), "the baseline with one trigger");
    }

    @Test
    void theSobolScenarioIsTheLatinAmericanBaselineWithOneTrigger() throws Exception {
        Path baseline = Path.of("scenarios", "latin-america.yaml");
        Path copy = Path.of("scenarios", "sweeps", "baseline-asylum.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(baseline) && Files.isRegularFile(copy));
        assertEquals(body(baseline), body(copy), copy + " must copy " + baseline
                + " from 'start:' on, except events and track (docs/SWEEPS.md, \"Shipped sweeps\"); copy the changes over");
    }

    /** The lines from 'start:' to 'events:', which the two files share. */
    private static List<String> body(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("start:")).findFirst().orElseThrow());
        int events = lines.indexOf(lines.stream().filter(l -> l.startsWith("events:")).findFirst().orElseThrow());
        return lines.subList(start, events);
    }

    @Test
    void columnNamesAreSnakeCaseFromThePath() {
        assertEquals("countries_mex_ideology_economic", SweepFactor.columnOf("countries.MEX.ideology.economic"));
        assertEquals("relations_per_mex_trade_per", SweepFactor.columnOf("relations.PER-MEX.trade.PER"));
        assertEquals("events_0_severity", SweepFactor.columnOf("events.0.severity"));
        assertEquals("parameters_grievance_decay", SweepFactor.columnOf("parameters.grievanceDecay"));
    }

    @Test
    void aVariedColumnThatWouldClashWithAnOutcomeIsPrefixed() throws Exception {
        Path file = SweepFixtures.sweep(dir, "design: grid\nvary:\n  days: { values: [20, 30] }\noutcomes: [days, severedPairs]\n");
        Sweep s = SweepReader.read(file);
        assertEquals("vary_days", s.factors().get(0).column());
    }
}

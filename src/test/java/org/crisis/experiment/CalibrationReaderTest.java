package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration files: what is accepted, the defaults, and every kind of error, all at once, with file, line, column and path. */
class CalibrationReaderTest {
    @TempDir
    Path dir;

    private static final String PARAMETERS = "parameters:\n  parameters.grievanceGain: { min: 0.05, max: 4, scale: log }\n";

    private List<Problem> problems(String body) throws IOException {
        Path file = CalibrationFixtures.calibration(dir, body);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file));
        return e.problems();
    }

    private static Problem find(List<Problem> problems, String path, String text) {
        return problems.stream().filter(p -> p.path().equals(path) && p.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " saying '" + text + "' in\n"
                        + String.join("\n", problems.stream().map(Problem::toString).toList())));
    }

    @Test
    void aDirectoryOfCasesIsReadInNameOrderWithTheDefaults() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS);
        Files.writeString(dir.resolve("cases").resolve("notes.yaml"), """
                name: no-patterns
                days: 10
                countries: [{id: AAA}]
                """);
        Calibration c = CalibrationReader.read(file);
        assertEquals(List.of("case-a", "case-b", "case-c"), c.cases().stream().map(CalibrationCase::name).toList(),
                "files of a directory in name order; a scenario without patterns is skipped");
        assertEquals("calibration", c.name());
        assertEquals(List.of(20, 20, 20), c.cases().stream().map(CalibrationCase::runs).toList(), "each case's expect.runs");
        assertEquals(4, c.patternCount());
        assertEquals(CalibrationReader.DEFAULT_SEED, c.seed());
        assertEquals(CalibrationReader.DEFAULT_BUDGET, c.budget());
        assertEquals(4, c.population(), "4 + floor(3 ln 1)");
        assertEquals(0.3, c.sigma());
        assertEquals(1, c.starts(), "one search unless the file asks for several");
        assertEquals(1.0, c.tolerance());
        assertEquals(0, c.folds());
        CalibrationParameter p = c.parameters().get(0);
        assertEquals("parameters_grievance_gain", p.column());
        assertTrue(p.log());
        assertEquals(org.crisis.model.Parameter.GRIEVANCE_GAIN.defaultValue(), p.start(), "the model's default when it lies in the range");
    }

    @Test
    void everyFieldIsReadAsWritten() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, """
                name: my-fit
                description: a test
                parameters:
                  parameters.grievanceGain: { min: 0.05, max: 4, scale: log, start: 1 }
                  parameters.memory: { min: 40, max: 90 }
                  countries.RED.hawkishness: { min: 0.1, max: 0.9, scale: linear }
                runs: 30
                seed: -12
                budget: 40
                method: { name: cmaes, population: 6, sigma: 0.2 }
                ensemble: { tolerance: 0.5 }
                loss: { saturation: 2 }
                folds: 3
                """);
        Calibration c = CalibrationReader.read(file);
        assertEquals("my-fit", c.name());
        assertEquals("a test", c.description());
        assertEquals(List.of(30, 30, 30), c.cases().stream().map(CalibrationCase::runs).toList());
        assertEquals(-12, c.seed());
        assertEquals(40, c.budget());
        assertEquals(6, c.population());
        assertEquals(0.2, c.sigma());
        assertEquals(0.5, c.tolerance());
        assertEquals(2.0, c.saturation());
        assertFalse(c.balanced(), "loss.balance is off unless asked for");
        assertEquals(3, c.folds());
        assertEquals(1.0, c.parameters().get(0).start());
        assertTrue(c.parameters().get(1).integer(), "memory takes whole numbers");
        assertEquals(65.0, c.parameters().get(1).start(), "a default outside the range (30) starts in the middle");
        assertFalse(c.parameters().get(2).log());
        assertEquals("countries_red_hawkishness", c.parameters().get(2).column());
    }

    @Test
    void aShortMethodNameIsAccepted() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS + "method: cmaes\n");
        assertEquals(4, CalibrationReader.read(file).population());
    }

    @Test
    void aCaseThatSetsACalibratedParameterKeepsItsValue() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS + "  parameters.grievanceDecay: { min: 0.005, max: 0.08 }\n");
        Files.writeString(dir.resolve("cases").resolve("b.yaml"), CalibrationFixtures.caseFile("case-b",
                CalibrationFixtures.DOWNGRADED).replace("  mediation: false\n", "  mediation: false\n  grievanceDecay: 0.05\n"));
        Calibration c = CalibrationReader.read(file);
        assertEquals(Set.of(), c.cases().get(0).kept());
        assertEquals(Set.of("parameters.grievanceDecay"), c.cases().get(1).kept());
        // the candidate's value is not set in the case that keeps its own
        var values = List.of(c.parameters().get(0).at(0.5), c.parameters().get(1).at(1));
        assertEquals(0.08, CalibrationEvaluator.scenario(c.cases().get(0), c.parameters(), values).parameters()
                .get(org.crisis.model.Parameter.GRIEVANCE_DECAY));
        assertEquals(0.05, CalibrationEvaluator.scenario(c.cases().get(1), c.parameters(), values).parameters()
                .get(org.crisis.model.Parameter.GRIEVANCE_DECAY));
    }

    @Test
    void aFreeValueThatEveryCaseKeepsIsRefused() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS + "  parameters.grievanceDecay: { min: 0.005, max: 0.08 }\n");
        for (String name : List.of("a", "b", "c")) {
            Path f = dir.resolve("cases").resolve(name + ".yaml");
            Files.writeString(f, Files.readString(f).replace("  mediation: false\n", "  mediation: false\n  grievanceDecay: 0.05\n"));
        }
        List<Problem> p = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file)).problems();
        assertEquals(1, p.size(), p::toString);
        assertEquals("parameters.parameters.grievanceDecay", p.get(0).path());
        assertTrue(p.get(0).message().startsWith("every case sets parameters.grievanceDecay itself and keeps its own value"),
                p.get(0).toString());
    }

    @Test
    void topLevelProblemsAreAllReportedWithLineColumnAndPath() throws IOException {
        List<Problem> p = problems("""
                budjet: 10
                runs: 0
                seed: 1.5
                budget: 0
                folds: 1
                name: my fit
                method: { name: cma, population: 1, sigma: 0 }
                ensemble: { tolerance: -1 }
                loss: { saturation: 0, shape: logit, balance: yes-please }
                """);
        Path file = dir.resolve("calibration.yaml");
        assertEquals(file + ":2:1: budjet: unknown field 'budjet'; did you mean 'budget'?",
                find(p, "budjet", "unknown field").toString());
        assertEquals(file + ":3:7: runs: expected a whole number in [1, 10000000], found 0", find(p, "runs", "whole").toString());
        find(p, "seed", "expected a whole number");
        find(p, "budget", "expected a whole number in [1, 1000000], found 0");
        find(p, "folds", "expected a whole number in [2, 1000], found 1");
        find(p, "name", "expected letters, digits, '-' and '_' only");
        find(p, "method.name", "unknown method 'cma': expected cmaes; did you mean 'cmaes'?");
        find(p, "method.population", "expected a whole number in [2, 10000], found 1");
        find(p, "method.sigma", "expected a step size above 0");
        find(p, "ensemble.tolerance", "expected a number of at least 0, found -1");
        find(p, "loss.saturation", "expected a number above 0, found 0");
        find(p, "loss.shape", "unknown field 'shape'");
        find(p, "loss.balance", "true or false");
        find(p, "parameters", "required field is missing");
        assertTrue(p.size() >= 13, String.join("\n", p.stream().map(Problem::toString).toList()));
    }

    @Test
    void startsAreReadAndRefusedBelowOneOrAboveTheBudget() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "budget: 40\nmethod: { name: cmaes, starts: 4 }\n"));
        assertEquals(4, c.starts());
        find(problems(PARAMETERS + "method: { name: cmaes, starts: 0 }\n"), "method.starts",
                "expected a whole number in [1, 1000], found 0");
        find(problems(PARAMETERS + "budget: 3\nmethod: { name: cmaes, starts: 5 }\n"), "method.starts",
                "expected at most as many starts as the budget's evaluations (3), found 5");
    }

    @Test
    void theLossScoreIsReadAndItsProblemsReported() throws Exception {
        assertFalse(CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS)).brier(), "bounds unless asked");
        Calibration brier = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "loss: { score: brier, balance: true }\n"));
        assertTrue(brier.brier());
        assertTrue(brier.balanced(), "the balance applies to either score");
        assertFalse(CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS + "loss: { score: bounds }\n")).brier());
        List<Problem> p = problems(PARAMETERS + "loss: { score: breir }\n");
        assertEquals(1, p.size(), p.toString());
        find(p, "loss.score", "unknown score 'breir': expected bounds | brier; did you mean 'brier'?");
        find(problems(PARAMETERS + "loss: { score: brier, saturation: 1 }\n"), "loss.saturation",
                "only for loss.score: bounds (a Brier term is at most 1 already)");
    }

    @Test
    void abcSmcSettingsAreReadWithDefaultsAndTheirProblemsReported() throws Exception {
        Calibration smc = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "ensemble: { tolerance: 2, method: abc-smc, particles: 50 }\n"));
        assertEquals(java.util.Optional.of(new Calibration.Smc(50, 1500, 0.5, 0)), smc.smc(), "budget 30 times the particles");
        assertEquals(2.0, smc.tolerance());
        Calibration rejection = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "ensemble: { method: rejection }\n"));
        assertTrue(rejection.smc().isEmpty());
        Calibration start = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "ensemble: { method: abc-smc, particles: 50, prior: start }\n"));
        assertEquals(0.2, start.smc().orElseThrow().priorWidth(), "the prior's default width");
        Calibration narrow = CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "ensemble: { method: abc-smc, particles: 50, prior: start, priorWidth: 0.05 }\n"));
        assertEquals(0.05, narrow.smc().orElseThrow().priorWidth());
        assertEquals(0.0, smc.smc().orElseThrow().priorWidth(), "flat unless asked");
        List<Problem> priors = problems(PARAMETERS + "ensemble: { method: abc-smc, prior: strat, priorWidth: 0.1 }\n");
        assertEquals(1, priors.size(), "the width of a prior already refused is not judged: " + priors);
        find(priors, "ensemble.prior", "unknown prior 'strat': expected flat | start; did you mean 'start'?");
        priors = problems(PARAMETERS + "ensemble: { method: abc-smc, priorWidth: 0.1 }\n");
        find(priors, "ensemble.priorWidth", "only with ensemble.prior: start");
        priors = problems(PARAMETERS + "ensemble: { method: abc-smc, prior: start, priorWidth: 0 }\n");
        find(priors, "ensemble.priorWidth", "expected a number above 0 and at most 1 (a share of each range), found 0");
        priors = problems(PARAMETERS + "ensemble: { prior: start }\n");
        find(priors, "ensemble.prior", "only for ensemble.method: abc-smc");
        assertFalse(smc.heldOut(), "the folds score their best sets only, unless asked");
        assertTrue(CalibrationReader.read(CalibrationFixtures.calibration(dir, PARAMETERS
                + "ensemble: { method: rejection, heldOut: true }\n")).heldOut(), "either method");
        find(problems(PARAMETERS + "ensemble: { method: abc-smc, heldOut: 1 }\n"), "ensemble.heldOut",
                "expected true or false, found");

        List<Problem> p = problems(PARAMETERS + "ensemble: { method: abc-smcc }\n");
        assertEquals(1, p.size(), p.toString());
        find(p, "ensemble.method", "unknown ensemble method 'abc-smcc': expected rejection | abc-smc; did you mean 'abc-smc'?");
        p = problems(PARAMETERS + "ensemble: { tolerance: 1, particles: 50 }\n");
        find(p, "ensemble.particles", "only for ensemble.method: abc-smc");
        p = problems(PARAMETERS + "ensemble: { method: abc-smc, particles: 5, budget: 20, quantile: 1 }\n");
        find(p, "ensemble.particles", "expected a whole number in [10,");
        find(p, "ensemble.quantile", "expected a number strictly between 0 and 1, found 1");
        p = problems(PARAMETERS + "  parameters.grievanceDecay: { min: 0.005, max: 0.08 }\n"
                + "  parameters.rationality: { min: 1, max: 9 }\nensemble: { method: abc-smc, particles: 12 }\n");
        assertEquals(1, p.size(), p.toString());
        find(p, "ensemble.particles", "expected at least 5 particles per free value (15 for 3), found 12");
        p = problems(PARAMETERS + "ensemble: { method: [abc-smc], particles: 50 }\n");
        assertEquals(1, p.size(), "a method that is not a word is said once: " + p);
        p = problems(PARAMETERS + "ensemble: { method: abc-smc, quantile: 1.5 }\n");
        find(p, "ensemble.quantile", "expected a number strictly between 0 and 1, found 1.5");
        p = problems(PARAMETERS + "ensemble: { method: abc-smc, particles: 50, budget: 20 }\n");
        find(p, "ensemble.budget", "expected at least the particles (50): the first generation draws that many from the prior;"
                + " found 20");
    }

    @Test
    void caseProblemsPointAtTheCaseFileAndAtTheEntry() throws IOException {
        Path cases = Files.createDirectories(dir.resolve("more"));
        Files.writeString(cases.resolve("bad.yaml"), CalibrationFixtures.caseFile("case-bad", CalibrationFixtures.DOWNGRADED)
                .replace("hawkishness: 0.6", "hawkishness: 1.6"));
        Files.writeString(cases.resolve("plain.yaml"), "name: plain\ndays: 10\ncountries: [{id: AAA}]\n");
        Files.createDirectories(dir.resolve("empty"));
        CalibrationFixtures.calibration(dir, PARAMETERS);
        Path file = dir.resolve("second.yaml");
        Files.writeString(file, """
                cases:
                  - cases
                  - missing
                  - more/bad.yaml
                  - more/plain.yaml
                  - empty
                  - cases/a.yaml
                  - 3
                """ + PARAMETERS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file));
        List<Problem> q = e.problems();
        find(q, "cases[1]", "no such file or directory");
        Problem inCase = q.stream().filter(x -> x.source().endsWith("bad.yaml")).findFirst().orElseThrow();
        assertEquals("countries[0].hawkishness", inCase.path());
        assertTrue(inCase.line() > 0 && inCase.column() > 0);
        find(q, "cases[2]", "is invalid (problems above)");
        find(q, "cases[3]", "has no expected patterns");
        find(q, "cases[4]", "no scenario file with expected patterns");
        find(q, "cases[5]", "is listed twice");
        find(q, "cases[6]", "expected a string");
    }

    @Test
    void aDirectoryListedTwiceIsOneProblemAndALongListOfCasesIsCut() throws IOException {
        CalibrationFixtures.calibration(dir, PARAMETERS);
        Path file = dir.resolve("twice.yaml");
        Files.writeString(file, "cases: [cases, cases]\n" + PARAMETERS);
        List<Problem> q = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file)).problems();
        assertEquals(1, q.size(), q::toString);
        find(q, "cases[1]", "3 cases are listed twice, an earlier entry giving them too (");
        assertEquals("a, b, c, d, e and 2 more", CalibrationReader.firstOf(List.of("a", "b", "c", "d", "e", "f", "g")));
        assertEquals("a, b, c, d, e, f", CalibrationReader.firstOf(List.of("a", "b", "c", "d", "e", "f")));
    }

    @Test
    void twoCasesOfTheSameNameAreRefused() throws IOException {
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS);
        Files.writeString(dir.resolve("cases").resolve("d.yaml"), CalibrationFixtures.caseFile("case-a", CalibrationFixtures.DOWNGRADED));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file));
        find(e.problems(), "cases[0]", "two cases are named 'case-a'");
    }

    @Test
    void aParameterNamedWithoutItsPrefixIsPointedToIt() throws IOException {
        List<Problem> p = problems("""
                parameters:
                  thresholdRecall: { min: 0.2, max: 0.6 }
                """);
        assertEquals(dir.resolve("calibration.yaml") + ":3:3: parameters.thresholdRecall: 'thresholdRecall' is a model parameter,"
                + " set under parameters:; did you mean 'parameters.thresholdRecall'?",
                find(p, "parameters.thresholdRecall", "model parameter").toString());
    }

    @Test
    void parameterProblemsAreReportedAtTheirEntry() throws IOException {
        List<Problem> p = problems("""
                parameters:
                  parameters.grievanceGane: { min: 0.1, max: 1 }
                  parameters.mediation: { min: 0, max: 1 }
                  parameters.grievanceDecay: { min: 0.5, max: 0.1, start: 0.3 }
                  parameters.rationality: { min: 0, max: 10, scale: log }
                  parameters.reciprocity: { min: 0.1, max: 1, start: 2 }
                  parameters.audienceCost: { min: 1, max: 20, scale: logs }
                  parameters.observerGain: { max: 2 }
                  parameters.solidarity: { min: 0.1, max: 8 }
                  countries.XXX.hawkishness: { min: 0.1, max: 0.9 }
                  parameters.attention: { min: 0.1, max: 0.9, strat: 0.3 }
                  parameters.memory: { min: 3.2, max: 3.9 }
                """);
        Path file = dir.resolve("calibration.yaml");
        assertEquals(file + ":3:3: parameters.parameters.grievanceGane: unknown model parameter 'grievanceGane'; did you mean 'parameters.grievanceGain'?",
                find(p, "parameters.parameters.grievanceGane", "unknown").toString());
        find(p, "parameters.parameters.mediation", "is a switch (true or false) and cannot be calibrated");
        find(p, "parameters.parameters.grievanceDecay", "empty range: min 0.5 is not below max 0.1");
        assertEquals(1, p.stream().filter(x -> x.path().startsWith("parameters.parameters.grievanceDecay")).count(),
                "an empty range is one problem, not also a start outside it: " + p);
        find(p, "parameters.parameters.rationality.min", "a log scale needs min above 0");
        find(p, "parameters.parameters.reciprocity.start", "expected a start in [0.1, 1], found 2");
        find(p, "parameters.parameters.audienceCost.scale", "expected linear | log, found 'logs'; did you mean 'log'?");
        find(p, "parameters.parameters.observerGain.min", "required field is missing");
        find(p, "parameters.parameters.solidarity", "value 8 makes 3 cases (case-a, case-b, case-c) invalid:"
                + " parameters.solidarity: expected a number in [0, 4], found 8");
        find(p, "parameters.countries.XXX.hawkishness", "no such path in 3 cases (case-a, case-b, case-c): no list item 'XXX' in countries");
        find(p, "parameters.parameters.attention.strat", "unknown field 'strat'; did you mean 'start'?");
        find(p, "parameters.parameters.memory", "takes whole numbers and there are fewer than two");
        // the same message for three cases is reported once
        assertEquals(1, p.stream().filter(x -> x.message().contains("value 8 makes")).count());
    }

    @Test
    void moreFoldsThanCasesAreRefused() throws IOException {
        find(problems(PARAMETERS + "folds: 4\n"), "folds", "at most as many folds as cases (3), found 4");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws IOException {
        Path file = dir.resolve("list.yaml");
        Files.writeString(file, "- a\n- b\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CalibrationReader.read(file));
        assertTrue(e.getMessage().contains("expected a mapping"), e.getMessage());
    }

    @Test
    void oneFieldUnderTwoNamesIsRefused() throws IOException {
        // countries.RED.sovereignty and countries.0.sovereignty are one field: the search would move two values, the case keep one
        Problem p = find(problems("""
                parameters:
                  countries.RED.sovereignty: { min: 0.2, max: 0.9 }
                  countries.0.sovereignty: { min: 0.2, max: 0.9 }
                """), "parameters.countries.0.sovereignty", "frees the same field as parameters.countries.RED.sovereignty");
        assertTrue(p.message().endsWith("(in case case-a)"), p.message());
    }

    @Test
    void sweepAndCalibrationFilesInACaseDirectoryAreSkipped() throws Exception {
        // the calibration file itself in its cases directory (cases: [.]), and a sweep beside the cases
        Path file = CalibrationFixtures.calibration(dir, PARAMETERS);
        Files.writeString(dir.resolve("cases").resolve("sweep.yaml"), "scenario: a.yaml\ndesign: grid\nvary: {}\noutcomes: []\n");
        Files.copy(file, dir.resolve("cases").resolve("fit.yaml"));
        Calibration c = CalibrationReader.read(file);
        assertEquals(List.of("case-a", "case-b", "case-c"), c.cases().stream().map(CalibrationCase::name).toList());
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisis.io.OutputUnavailableException;
import org.crisis.scenario.Node;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.TreeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crisis calibrate's runner: CMA-ES finds a known optimum, every candidate is recorded, the
 * results are the same on one and two threads, after an interruption, and when the folds run
 * on separate machines and are merged; best.yaml reproduces the best candidate's counts.
 */
class CalibrationRunnerTest {
    @TempDir
    Path dir;

    private static Map<String, String> results(Path d) throws IOException {
        return SweepFixtures.results(d);
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /**
     * A synthetic model with a known optimum: the first pattern of each case (downgraded, at
     * least half the runs) holds in a share 1 / (1 + 20·d²) of the runs, d = |x − 0.3| + |y − 0.7|,
     * so the loss falls towards (0.3, 0.7) everywhere in the box and is 0 exactly in the
     * diamond d ≤ 1/√20 ≈ 0.224; the other patterns hold in no run (and pass).
     */
    private static CalibrationRunner.Model diamond(int[] calls) {
        return (cases, values) -> {
            calls[0]++;
            double x = Double.parseDouble(values.get(0).text());
            double y = Double.parseDouble(values.get(1).text());
            double d = Math.abs(x - 0.3) + Math.abs(y - 0.7);
            double share = 1 / (1 + 20 * d * d);
            List<Integer> held = new ArrayList<>();
            for (CalibrationCase c : cases) {
                for (Scenario.Pattern p : c.patterns()) {
                    held.add(p.name().equals("downgraded") ? (int) Math.round(share * c.runs()) : 0);
                }
            }
            return held.stream().mapToInt(Integer::intValue).toArray();
        };
    }

    /** The fit on all cases and each of k folds run as separate tasks ({@code --fold I/K}), into dir/fold-I. */
    private List<Path> separately(Calibration c, int k) throws Exception {
        List<Path> parts = new ArrayList<>();
        for (int f = 0; f <= k; f++) {
            Path part = dir.resolve("fold-" + f);
            new CalibrationRunner(c, CalibrationFixtures.options(part, 1, CalibrationFolds.one(f, k), SweepRunner.Mode.AUTO))
                    .execute();
            parts.add(part);
        }
        return parts;
    }

    private static final String DIAMOND = """
            parameters:
              countries.RED.hawkishness: { min: 0, max: 1, start: 0.9 }
              countries.BLU.hawkishness: { min: 0, max: 1, start: 0.1 }
            budget: 60
            seed: 11
            runs: 1000
            """;

    @Test
    void cmaEsFindsTheKnownOptimumAndRecordsEveryCandidate() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND));
        int[] calls = {0};
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).withModel(diamond(calls)).execute();
        List<String[]> rows = csv(out.resolve("candidates.csv"));
        assertEquals(List.of("fold", "evaluation", "restart", "iteration", "countries_red_hawkishness",
                "countries_blu_hawkishness", "loss", "passes", "patterns", "stage"), List.of(rows.get(0)));
        assertEquals(61, rows.size(), "every one of the 60 candidates of the budget");
        assertEquals("0.9", rows.get(1)[4], "the search starts at start:");
        assertTrue(Double.parseDouble(rows.get(1)[6]) > 0, "the start lies outside the optimum");
        CalibrationRunner.FitSummary s = r.fits().get(0);
        assertEquals(0.0, s.bestLoss(), "CMA-ES reaches the zero-loss region");
        assertEquals(s.patterns(), s.passes());
        String[] best = rows.get(s.bestEvaluation());
        double x = Double.parseDouble(best[4]);
        double y = Double.parseDouble(best[5]);
        assertTrue(Math.abs(x - 0.3) + Math.abs(y - 0.7) <= 0.2237, "best (" + x + ", " + y + ") in the diamond");
        assertTrue(calls[0] <= 60, "identical candidates are not simulated twice: " + calls[0]);
        // iterations: the start is iteration 0, then generations of the population (6 = 4 + floor(3 ln 2))
        assertEquals("0", rows.get(1)[3]);
        assertEquals("1", rows.get(2)[3]);
        assertEquals("1", rows.get(7)[3]);
        assertEquals("2", rows.get(8)[3]);
        // best.yaml names the values of non-parameter paths for --set
        String bestYaml = Files.readString(out.resolve("best.yaml"));
        assertTrue(bestYaml.contains("#   countries.RED.hawkishness=" + best[4]), bestYaml);
    }

    /**
     * loss.score: brier reaches the search, the manifest and patterns.csv: every candidate's loss is the sum of its
     * patterns' Brier terms, the best's as patterns.csv lists them (a passing pattern counting too).
     */
    @Test
    void theBrierScoreIsTheLossOfTheSearchAndOfPatternsCsv() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND + "loss: { score: brier }\n"));
        assertTrue(c.brier());
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).execute();
        JsonNode cal = SweepRunner.JSON.readTree(out.resolve("manifest.json").toFile()).path("calibration");
        assertEquals("brier", cal.path("loss_score").asText());
        // every value the search holds fixed is recorded: the build's defaults
        assertEquals(Parameters.defaults().get(Parameter.byKey("grievanceGain").orElseThrow()),
                cal.path("defaults").path("grievanceGain").asDouble());
        assertEquals(Parameter.values().length, cal.path("defaults").size(), cal.path("defaults").toString());
        assertTrue(cal.path("loss").asText().startsWith("sum over patterns of the Brier term"), cal.path("loss").asText());
        double sum = 0;
        List<String[]> patterns = csv(out.resolve("patterns.csv"));
        assertEquals("loss", patterns.get(0)[10]);
        for (String[] row : patterns.subList(1, patterns.size())) {
            double share = Double.parseDouble(row[6]);
            double outcome = !row[2].isEmpty() && Double.parseDouble(row[2]) > 0 ? 1 : 0;
            assertEquals((share - outcome) * (share - outcome), Double.parseDouble(row[10]), 1e-6, String.join(",", row));
            sum += Double.parseDouble(row[10]);
        }
        CalibrationRunner.FitSummary s = r.fits().get(0);
        assertEquals(s.bestLoss(), sum, 1e-5, "the best candidate's loss is the sum of its Brier terms");
        assertTrue(s.bestLoss() > 0 && s.passes() == s.patterns(), "every pattern passes and the loss is still not 0:"
                + " a share of 0.96 for what happened costs its distance from 1");
        // the bounds' loss is 0 anywhere in the diamond; the Brier score asks for its centre, where the share is 1
        String[] best = csv(out.resolve("candidates.csv")).get(s.bestEvaluation());
        double d = Math.abs(Double.parseDouble(best[4]) - 0.3) + Math.abs(Double.parseDouble(best[5]) - 0.7);
        assertTrue(d < 0.15, "the best lies nearer the centre than the diamond's edge (0.224): d = " + d);
    }

    @Test
    void severalStartsShareTheBudgetEquallyFromDifferentPointsAndStillFindTheOptimum() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir,
                DIAMOND.replace("budget: 60", "budget: 62") + "method: { name: cmaes, starts: 3 }\n"));
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).execute();
        List<String[]> rows = csv(out.resolve("candidates.csv")).subList(1, 63);
        Map<String, Integer> perRestart = new LinkedHashMap<>();
        Set<String> firstPoints = new HashSet<>();
        for (String[] row : rows) {
            perRestart.merge(row[2], 1, Integer::sum);
            if (row[3].equals("0")) {
                firstPoints.add(row[4] + "," + row[5]);
            }
        }
        assertEquals("0.9", rows.get(0)[4], "the first search starts at start:");
        assertEquals("0.1", rows.get(0)[5]);
        for (String restart : List.of("0", "1", "2")) {
            assertTrue(perRestart.getOrDefault(restart, 0) >= 1 && perRestart.get(restart) <= 20,
                    "each of the three searches evaluates at most its share, floor(62 / 3): " + perRestart);
        }
        assertTrue(firstPoints.size() >= 3, "the searches start from different points: " + firstPoints);
        assertEquals(62, rows.size(), "what the searches leave goes to restarts from the best: " + perRestart);
        CalibrationRunner.FitSummary s = r.fits().get(0);
        assertEquals(0.0, s.bestLoss(), "the optimum is still found");
        JsonNode method = SweepRunner.JSON.readTree(out.resolve("manifest.json").toFile()).path("calibration").path("method");
        assertEquals(3, method.path("starts").asInt());
        assertTrue(method.path("rule").asText().startsWith("several starts"), method.toString());
        // the same seed gives the same searches
        Path again = dir.resolve("again");
        new CalibrationRunner(c, CalibrationFixtures.options(again, 2, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        assertEquals(Files.readString(out.resolve("candidates.csv")), Files.readString(again.resolve("candidates.csv")));
    }

    @Test
    void theEnsembleIsEveryDistinctCandidateWithinTheToleranceOfTheBestWithEqualWeights() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND + "ensemble: { tolerance: 2 }\n"));
        Path out = dir.resolve("out");
        new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        List<String[]> candidates = csv(out.resolve("candidates.csv"));
        double best = Double.POSITIVE_INFINITY;
        for (String[] row : candidates.subList(1, candidates.size())) {
            best = Math.min(best, Double.parseDouble(row[6]));
        }
        Set<String> expected = new java.util.LinkedHashSet<>();
        for (String[] row : candidates.subList(1, candidates.size())) {
            if (Double.parseDouble(row[6]) <= best + 2) {
                expected.add(row[4] + "," + row[5]);
            }
        }
        List<String[]> posterior = csv(out.resolve("posterior.csv"));
        assertEquals(List.of("set", "evaluation", "countries_red_hawkishness", "countries_blu_hawkishness", "loss",
                "passes", "patterns", "weight"), List.of(posterior.get(0)));
        List<String> sets = new ArrayList<>();
        double weights = 0;
        for (String[] row : posterior.subList(1, posterior.size())) {
            sets.add(row[2] + "," + row[3]);
            weights += Double.parseDouble(row[7]);
            assertEquals(row[7], posterior.get(1)[7], "equal weights");
            assertEquals(row[2], candidates.get(Integer.parseInt(row[1]))[4]);
        }
        assertEquals(new ArrayList<>(expected), sets, "the ensemble in order of evaluation, each set once");
        assertTrue(sets.size() > 1, "more than the best alone");
        assertEquals(1.0, weights, 1e-9);
        // the rule holds on the file's losses near a bound too: a saturated loss just below 2 is not written as 2
        assertEquals("1.9999989748", CalibrationOutput.lossText(1.9999989748));
        assertEquals("0.123456789012", CalibrationOutput.lossText(0.1234567890123));
    }

    @Test
    void abcSmcDrawsTheEnsembleFromTheWholeAcceptableRegionAfterTheSearchAndResumesToTheSameFiles() throws Exception {
        String smc = DIAMOND + "ensemble: { tolerance: 0, method: abc-smc, particles: 100, budget: 4000 }\n";
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, smc));
        Path out = dir.resolve("out");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO, new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)))
                .withModel(diamond(new int[1])).execute();
        List<String[]> candidates = csv(out.resolve("candidates.csv"));
        CalibrationRunner.FitSummary s = r.fits().get(0);
        assertTrue(s.bestEvaluation() <= 60, "the best is the search's: " + s.bestEvaluation());
        assertEquals("cmaes", candidates.get(60)[9]);
        assertEquals("smc", candidates.get(61)[9], "ABC-SMC's candidates follow the search's");
        assertEquals("0", candidates.get(61)[3], "its first generation is the prior sample");
        // the zero-loss region is the diamond |x - 0.3| + |y - 0.7| <= 0.2236: the ensemble is uniform on it
        List<String[]> posterior = csv(out.resolve("posterior.csv"));
        double weights = 0;
        double[] mean = new double[2];
        double spread = 0;
        for (String[] row : posterior.subList(1, posterior.size())) {
            double w = Double.parseDouble(row[7]);
            double x = Double.parseDouble(row[2]);
            double y = Double.parseDouble(row[3]);
            assertEquals("0", row[4], "every set of the ensemble within the tolerance of the best");
            assertEquals(row[2], candidates.get(Integer.parseInt(row[1]))[4], "the set is the candidate it names");
            assertTrue(Integer.parseInt(row[1]) > 60, "drawn by ABC-SMC, not taken from the search");
            weights += w;
            mean[0] += w * x;
            mean[1] += w * y;
            spread += w * (Math.abs(x - 0.3) + Math.abs(y - 0.7));
        }
        assertEquals(1.0, weights, 1e-9);
        assertTrue(posterior.size() > 40, "many distinct sets: " + (posterior.size() - 1));
        assertEquals(0.3, mean[0], 0.03);
        assertEquals(0.7, mean[1], 0.03);
        // uniform on a diamond of radius R, |x - x0| + |y - y0| averages 2R/3 = 0.149
        assertEquals(0.149, spread, 0.02, "the ensemble fills the region rather than heaping at its centre");
        JsonNode m = SweepRunner.JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals("abc-smc", m.path("calibration").path("ensemble").path("method").asText());
        JsonNode e = m.path("results").path("fits").get(0).path("ensemble_smc");
        assertTrue(e.path("reached_target").asBoolean(), e.toString());
        assertEquals(candidates.size() - 1 - 60, e.path("evaluations").asInt());
        assertTrue(e.path("generations").get(0).path("acceptance").isNull(), "the prior sample moves nothing: " + e);
        assertTrue(e.path("generations").get(1).path("acceptance").isNumber());
        assertTrue(log.toString(java.nio.charset.StandardCharsets.UTF_8).contains((posterior.size() - 1)
                + " distinct sets in posterior.csv"), "the log counts the sets posterior.csv gives: " + log);

        // killed in the middle of ABC-SMC, resumed: the same files
        Path resumed = dir.resolve("resumed");
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c, CalibrationFixtures.options(resumed, 1,
                CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).stopAfter(300).execute());
        new CalibrationRunner(c, CalibrationFixtures.options(resumed, 2, CalibrationFolds.NONE, SweepRunner.Mode.RESUME))
                .withModel(diamond(new int[1])).execute();
        assertEquals(results(out), results(resumed));
    }

    @Test
    void aPriorAroundTheStartPullsTheEnsembleTowardsTheStartAndIsRecorded() throws Exception {
        // the start (0.9, 0.1) lies outside the zero-loss diamond around (0.3, 0.7): the flat prior's ensemble is
        // centred on (0.3, 0.7) (the test above), a normal prior around the start leans towards its corner
        String smc = DIAMOND + "ensemble: { tolerance: 0, method: abc-smc, particles: 100, budget: 8000, prior: start,"
                + " priorWidth: 0.4 }\n";
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, smc));
        Path out = dir.resolve("out");
        new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        double[] mean = new double[2];
        for (String[] row : csv(out.resolve("posterior.csv")).subList(1, csv(out.resolve("posterior.csv")).size())) {
            assertEquals("0", row[4], "within the tolerance of the best");
            double w = Double.parseDouble(row[7]);
            mean[0] += w * Double.parseDouble(row[2]);
            mean[1] += w * Double.parseDouble(row[3]);
        }
        // the prior N((0.9, 0.1), 0.4²) on the diamond, integrated on a grid
        double z = 0;
        double[] expected = new double[2];
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 400; j++) {
                double x = (i + 0.5) / 400;
                double y = (j + 0.5) / 400;
                if (Math.abs(x - 0.3) + Math.abs(y - 0.7) <= 0.2236) {
                    double w = Math.exp(-((x - 0.9) * (x - 0.9) + (y - 0.1) * (y - 0.1)) / (2 * 0.16));
                    z += w;
                    expected[0] += w * x;
                    expected[1] += w * y;
                }
            }
        }
        assertEquals(expected[0] / z, mean[0], 0.015, "the prior restricted to the acceptable region");
        assertEquals(expected[1] / z, mean[1], 0.015);
        assertTrue(mean[0] > 0.315 && mean[1] < 0.685, "towards the start's corner, away from the flat prior's (0.3, 0.7): "
                + mean[0] + ", " + mean[1]);
        JsonNode e = SweepRunner.JSON.readTree(out.resolve("manifest.json").toFile()).path("calibration").path("ensemble");
        assertEquals("start", e.path("prior").asText());
        assertEquals(0.4, e.path("prior_width").asDouble());
        assertTrue(e.path("rule").asText().contains("a normal prior around each value's start"), e.toString());
    }

    @Test
    void theBestIsTheSearchsEvenWhenAbcSmcMeetsALowerLossAndItsWeightsAreSharesOfParticles() throws Exception {
        // six candidates from (0.9, 0.1) do not reach the diamond; ABC-SMC's prior sample does
        String smc = DIAMOND.replace("budget: 60", "budget: 6")
                + "ensemble: { tolerance: 1000, method: abc-smc, particles: 100, budget: 300 }\n";
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, smc));
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).execute();
        CalibrationRunner.FitSummary s = r.fits().get(0);
        assertEquals(6, s.evaluations(), "the search's candidates, not ABC-SMC's");
        assertTrue(s.bestEvaluation() <= 6, "the best is the search's: " + s.bestEvaluation());
        List<String[]> candidates = csv(out.resolve("candidates.csv"));
        double smcLowest = candidates.subList(7, candidates.size()).stream().mapToDouble(x -> Double.parseDouble(x[6])).min()
                .orElseThrow();
        assertTrue(smcLowest < s.bestLoss(), "ABC-SMC met a lower loss (" + smcLowest + ") than the search's best ("
                + s.bestLoss() + ")");
        assertTrue(Files.readString(out.resolve("best.yaml")).contains("the best of 6 candidates"));
        // a tolerance of 1000 takes the whole prior sample: 100 particles on 100 sets, each weighing 1/100
        List<String[]> posterior = csv(out.resolve("posterior.csv"));
        assertEquals(101, posterior.size());
        for (String[] row : posterior.subList(1, posterior.size())) {
            assertEquals(0.01, Double.parseDouble(row[7]), 1e-12);
        }
    }

    @Test
    void theEnsembleWeighsEachDistinctSetByTheShareOfParticlesOnIt() {
        List<SweepFactor.Setting> none = List.of();
        CalibrationLoss.Score score = new CalibrationLoss.Score(0, 1, 1);
        List<CalibrationRunner.Candidate> candidates = List.of(
                new CalibrationRunner.Candidate(0, 1, 0, 0, new double[] {0.1}, none, "a", new int[0], score, "smc"),
                new CalibrationRunner.Candidate(0, 2, 0, 1, new double[] {0.2}, none, "b", new int[0], score, "smc"),
                new CalibrationRunner.Candidate(0, 3, 0, 1, new double[] {0.1000001}, none, "a", new int[0], score, "smc"));
        // four particles: two on evaluation 2, one on 1 and one on 3, whose rounded values are those of 1
        AbcSmc.Result r = new AbcSmc.Result(List.of(new AbcSmc.Particle(new double[] {0.2}, 0, 2),
                new AbcSmc.Particle(new double[] {0.1}, 0, 1), new AbcSmc.Particle(new double[] {0.2}, 0, 2),
                new AbcSmc.Particle(new double[] {0.1000001}, 0, 3)), List.of(), true, 3, 0);
        List<CalibrationOutput.Member> m = CalibrationOutput.members(candidates, r);
        assertEquals(List.of(1, 2), m.stream().map(x -> x.candidate().evaluation()).toList(),
                "each set once, at its first evaluation");
        assertEquals(List.of(0.5, 0.5), m.stream().map(CalibrationOutput.Member::weight).toList());
    }

    @Test
    void aCalibrationKilledDuringAbcSmcResumesWithALargerSearchBudget() throws Exception {
        String smc = DIAMOND.replace("budget: 60", "budget: 20")
                + "ensemble: { tolerance: 0.5, method: abc-smc, particles: 40, budget: 600 }\n";
        Calibration small = CalibrationReader.read(CalibrationFixtures.calibration(dir, smc));
        Calibration large = small.withBudget(35);
        Path straight = dir.resolve("straight");
        new CalibrationRunner(large, CalibrationFixtures.options(straight, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        Path extended = dir.resolve("extended");
        // killed 60 simulations in: past the 20 of the search, inside ABC-SMC
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(small, CalibrationFixtures.options(extended,
                1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).stopAfter(60).execute());
        new CalibrationRunner(large, CalibrationFixtures.options(extended, 1, CalibrationFolds.NONE, SweepRunner.Mode.RESUME))
                .withModel(diamond(new int[1])).execute();
        assertEquals(results(straight), results(extended));
    }

    @Test
    void anInterruptedCalibrationResumedWithALargerBudgetEqualsOneRunWithThatBudget() throws Exception {
        Calibration small = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND.replace("budget: 60", "budget: 20")));
        Calibration large = small.withBudget(35);
        Path straight = dir.resolve("straight");
        new CalibrationRunner(large, CalibrationFixtures.options(straight, 1, CalibrationFolds.all(3), SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        Path extended = dir.resolve("extended");
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(small, CalibrationFixtures.options(extended, 1,
                CalibrationFolds.all(3), SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).stopAfter(30).execute());
        CalibrationRunner.Result r = new CalibrationRunner(large, CalibrationFixtures.options(extended, 1, CalibrationFolds.all(3),
                SweepRunner.Mode.RESUME)).withModel(diamond(new int[1])).execute();
        assertTrue(r.resumed() >= 20, "the recorded evaluations are kept: " + r.resumed());
        assertEquals(results(straight), results(extended));
    }

    @Test
    void aCalibrationStartedWithAnotherStatesRecordsTableIsNotResumed() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND.replace("budget: 60", "budget: 20")));
        Path out = dir.resolve("out");
        Path work = dir.resolve(".out.incomplete");
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c, CalibrationFixtures.options(out, 1,
                CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).stopAfter(5).execute());
        Path identity = work.resolve(CalibrationDirectory.IDENTITY);
        com.fasterxml.jackson.databind.node.ObjectNode id = (com.fasterxml.jackson.databind.node.ObjectNode)
                SweepRunner.JSON.readTree(identity.toFile());
        assertEquals(org.crisis.scenario.StateRecords.shipped().sha256(), id.path("state_records_sha256").asText());
        id.put("state_records_sha256", "0".repeat(64));
        SweepRunner.JSON.writeValue(identity.toFile(), id);
        int[] calls = {0};
        CalibrationRunner.Refused e = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(c,
                CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.RESUME)).withModel(diamond(calls)).execute());
        assertTrue(e.getMessage().contains("the states' records table changed since it started"), e.getMessage());
        assertEquals(0, calls[0], "refused before any evaluation");
        // a work directory from before the table was recorded resumes as before
        id.remove("state_records_sha256");
        SweepRunner.JSON.writeValue(identity.toFile(), id);
        assertEquals(5, new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.RESUME)).withModel(diamond(new int[1])).execute().resumed());
    }

    @Test
    void aResumeIntoAnOutThatIsNotEmptyIsRefusedBeforeAnyEvaluation() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND.replace("budget: 60", "budget: 20")));
        Path straight = dir.resolve("straight");
        new CalibrationRunner(c, CalibrationFixtures.options(straight, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        Path out = dir.resolve("out");
        Path work = dir.resolve(".out.incomplete");
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c, CalibrationFixtures.options(out, 1,
                CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).withModel(diamond(new int[1])).stopAfter(5).execute());
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "hi");
        for (SweepRunner.Mode mode : new SweepRunner.Mode[] {SweepRunner.Mode.AUTO, SweepRunner.Mode.RESUME}) {
            int[] calls = {0};
            CalibrationRunner.Refused e = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(c,
                    CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, mode)).withModel(diamond(calls)).execute());
            assertEquals(out + " already exists and is not an empty directory, and the interrupted calibration in " + work
                    + " puts its results only into an absent or empty --out. Move what is in " + out + " elsewhere and run"
                    + " the same command again to resume it, or remove " + work + " to give up its evaluations", e.getMessage());
            assertEquals(0, calls[0], mode + ": refused before any evaluation");
            assertEquals(1, SweepJournal.segments(work).size(), mode + ": the journal is as it was");
            assertEquals("hi", Files.readString(out.resolve("notes.txt")));
        }
        Files.delete(out.resolve("notes.txt"));
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.RESUME)).withModel(diamond(new int[1])).execute();
        assertEquals(5, r.resumed());
        assertEquals(results(straight), results(out));
    }

    @Test
    void anOutThatAppearsWhileTheCalibrationRunsKeepsTheResultsInTheWorkDirectoryUntilItIsMoved() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND.replace("budget: 60", "budget: 20")));
        Path straight = dir.resolve("straight");
        new CalibrationRunner(c, CalibrationFixtures.options(straight, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .withModel(diamond(new int[1])).execute();
        Path out = dir.resolve("out");
        Path staged = dir.resolve(".out.incomplete").resolve("final");
        CalibrationRunner.Model diamond = diamond(new int[1]);
        OutputUnavailableException e = assertThrows(OutputUnavailableException.class, () -> new CalibrationRunner(c,
                CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).withModel((cases, values) -> {
                    if (!Files.exists(out)) { // another program puts a file there
                        Files.createDirectories(out);
                        Files.writeString(out.resolve("notes.txt"), "hi");
                    }
                    return diamond.held(cases, values);
                }).execute());
        assertEquals(out + " appeared while the calibration ran and is not empty; the results are complete, in " + staged
                + ". Move what is in " + out + " elsewhere and run the same command again to put them there", e.getMessage());
        assertEquals(results(straight), results(staged));
        Files.delete(out.resolve("notes.txt"));
        int[] calls = {0};
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.RESUME)).withModel(diamond(calls)).execute();
        assertEquals(0, calls[0], "nothing is evaluated again");
        assertEquals(results(straight), results(out));
    }

    private static final String MODEL = """
            parameters:
              parameters.grievanceGain: { min: 0.05, max: 4, scale: log, start: 0.05 }
              parameters.thresholdSever: { min: 0.46, max: 1.0 }
            budget: 8
            seed: 5
            method: { population: 4, name: cmaes }
            """;

    @Test
    void theSameCalibrationOnOneAndTwoThreadsAndAfterAnInterruptionGivesTheSameFiles() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, MODEL));
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Path resumed = dir.resolve("resumed");
        new CalibrationRunner(c, CalibrationFixtures.options(one, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).execute();
        new CalibrationRunner(c, CalibrationFixtures.options(two, 2, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).execute();
        assertEquals(results(one), results(two), "one and two threads");
        assertEquals(Files.readString(one.resolve("candidates.csv")), Files.readString(two.resolve("candidates.csv")));

        // killed after three candidates, with a torn line at the end of the journal
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c,
                CalibrationFixtures.options(resumed, 2, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).stopAfter(3).execute());
        Path work = dir.resolve(".resumed.incomplete");
        assertTrue(Files.isDirectory(work), "the work directory is kept");
        assertFalse(Files.exists(resumed), "no results directory before the end");
        List<Path> segments = SweepJournal.segments(work);
        assertEquals(1, segments.size());
        Files.writeString(segments.get(0), "E,0,4,0.1 0.2,3 4 5", StandardOpenOption.APPEND);
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(resumed, 1, CalibrationFolds.NONE,
                SweepRunner.Mode.RESUME)).execute();
        assertEquals(3, r.resumed(), "the three recorded candidates are not simulated again");
        assertTrue(r.simulated() <= 5);
        assertEquals(results(one), results(resumed), "resumed after an interruption");
        assertFalse(Files.exists(work), "the work directory is removed at the end");
    }

    @Test
    void resumeIsRefusedWithoutAnInterruptedCalibrationOrWhenItsFilesChanged() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, MODEL);
        Calibration c = CalibrationReader.read(file);
        Path out = dir.resolve("out");
        CalibrationRunner.Refused none = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(c,
                CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.RESUME)).execute());
        assertTrue(none.getMessage().startsWith("nothing to resume"), none.getMessage());
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c,
                CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).stopAfter(1).execute());
        Files.writeString(dir.resolve("cases").resolve("b.yaml"), CalibrationFixtures.caseFile("case-b", CalibrationFixtures.NO_RUPTURE));
        Calibration changed = CalibrationReader.read(file);
        CalibrationRunner.Refused refused = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(changed,
                CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO)).execute());
        assertTrue(refused.getMessage().contains("the cases changed since it started (new or changed: case-b"), refused.getMessage());
        // another calibration file of the same name, run into the same directory, is told apart from a changed one
        Path twin = Files.writeString(dir.resolve("twin.yaml"), Files.readString(file).replace("seed: 5", "seed: 9"));
        CalibrationRunner.Refused other = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(
                CalibrationReader.read(twin), CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.AUTO))
                .execute());
        assertTrue(other.getMessage().contains("an unfinished calibration started from another calibration file, " + file
                + " (this is " + twin + "): give this calibration its own --out"), other.getMessage());
        assertFalse(other.getMessage().contains("--restart"), "another calibration's work is not offered for discarding: "
                + other.getMessage());
        // nor discarded by --restart: it is not this calibration's own
        CalibrationRunner.Refused restart = assertThrows(CalibrationRunner.Refused.class, () -> new CalibrationRunner(
                CalibrationReader.read(twin), CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.RESTART))
                .execute());
        assertTrue(restart.getMessage().contains("started from another calibration file"), restart.getMessage());
        assertTrue(Files.isRegularFile(org.crisis.io.WorkDirectory.workFor(out).resolve(CalibrationDirectory.IDENTITY)), "the other's work is kept");
        // --restart discards it
        new CalibrationRunner(changed, CalibrationFixtures.options(out, 1, CalibrationFolds.NONE, SweepRunner.Mode.RESTART)).execute();
        assertTrue(Files.isRegularFile(out.resolve("candidates.csv")));
    }

    @Test
    void bestYamlIsAParametersBlockThatReproducesTheBestCandidatesCountsInAnyCase() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, MODEL));
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 2, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).execute();
        Node best = TreeReader.read(out.resolve("best.yaml"));
        Node.Mapping params = (Node.Mapping) ((Node.Mapping) best).entries().get("parameters");
        assertEquals(List.of("grievanceGain", "thresholdSever"), new ArrayList<>(params.entries().keySet()));
        List<String[]> patterns = csv(out.resolve("patterns.csv"));
        int row = 1;
        int passes = 0;
        for (CalibrationCase x : c.cases()) {
            Map<String, Node> set = new LinkedHashMap<>();
            params.entries().forEach((k, v) -> set.put("parameters." + k, v));
            // as crisis validate CASE --seed SEED --runs N --set ... would count them
            int[] held = Validation.held(Validation.scenario(x.tree(), set), x.runs(), c.seed(), 1, Progress.none());
            for (int h : held) {
                assertEquals(x.name(), patterns.get(row)[0]);
                assertEquals(String.valueOf(h), patterns.get(row)[5], x.name() + " " + patterns.get(row)[1]);
                passes += patterns.get(row)[9].equals("pass") ? 1 : 0;
                row++;
            }
        }
        assertEquals(patterns.size(), row);
        assertEquals(r.fits().get(0).passes(), passes);
    }

    @Test
    void theRealModelFindsTheWindowOfGrievanceGainWhereTheCasePasses() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, "");
        // the rupture's threshold held well above the recall's, so that the window between the two is wide whatever the
        // shipped θ_5: the test is of the search, not of the defaults
        Path caseA = dir.resolve("cases/a.yaml");
        String text = Files.readString(caseA);
        assertTrue(text.contains("  mediation: false\n"), "the fixture's parameters block, where θ_5 is added: " + text);
        Files.writeString(caseA, text.replace("  mediation: false\n", "  mediation: false\n  thresholdSever: 0.6\n"));
        Files.writeString(file, """
                cases: [cases/a.yaml]
                parameters:
                  parameters.grievanceGain: { min: 0.05, max: 4, scale: log, start: 0.05 }
                budget: 16
                seed: 2
                """);
        Calibration c = CalibrationReader.read(file);
        Path out = dir.resolve("out");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(out, 2, CalibrationFolds.NONE,
                SweepRunner.Mode.AUTO)).execute();
        List<String[]> rows = csv(out.resolve("candidates.csv"));
        assertTrue(Double.parseDouble(rows.get(1)[5]) > 0, "at the start (gain 0.05) RED does not downgrade");
        assertEquals(0.0, r.fits().get(0).bestLoss(), "found a gain at which both patterns pass");
        String gain = rows.get(r.fits().get(0).bestEvaluation())[4];
        // checked on its own, with other seeds: the gain lies in the window (a downgrade, no rupture)
        CalibrationCase a = c.cases().get(0);
        Scenario at = Validation.scenario(a.tree(), Map.of("parameters.grievanceGain", TreeReader.scalar("test", gain)));
        List<Validation.Row> check = Validation.check(at, 200, 99, 2, Progress.none());
        assertTrue(check.get(0).observed() >= 0.5, "downgraded at gain " + gain + ": " + check.get(0).observed());
        assertTrue(check.get(1).observed() <= 0.2, "no rupture at gain " + gain + ": " + check.get(1).observed());
    }

    @Test
    void foldsHoldEachCaseOutOnceAndMergedFoldsEqualOneMachinesCrossValidation() throws Exception {
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, MODEL.replace("budget: 8", "budget: 4")));
        Path all = dir.resolve("all");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(all, 2, CalibrationFolds.all(3),
                SweepRunner.Mode.AUTO)).execute();
        assertEquals(List.of(0, 1, 2, 3), r.fits().stream().map(CalibrationRunner.FitSummary::fold).toList());
        List<String[]> folds = csv(all.resolve("folds.csv"));
        assertEquals(List.of("fold", "case", "pattern", "sample", "min", "max", "runs", "held", "observed", "result",
                "ensemble_held", "ensemble_observed", "ensemble_result"), List.of(folds.get(0)));
        assertFalse(Files.exists(all.resolve("folds-posterior.csv")), "no fold draws an ensemble without ensemble.heldOut");
        for (String[] row : folds.subList(1, folds.size())) {
            assertEquals("", row[10] + row[11] + row[12], "no forecasts drawn without ensemble.heldOut");
        }
        assertFalse(SweepRunner.JSON.readTree(all.resolve("manifest.json").toFile()).path("results")
                .has("out_of_sample_ensemble"));
        assertEquals(1 + 3 * c.patternCount(), folds.size(), "every pattern in every fold");
        Set<String> out = new HashSet<>();
        for (String[] row : folds.subList(1, folds.size())) {
            if (row[3].equals("out")) {
                assertTrue(out.add(row[1] + "/" + row[2]), "held out twice: " + row[1] + "/" + row[2]);
                // sorted names case-a, case-b, case-c go to folds 1, 2, 3
                assertEquals(String.valueOf(row[1].charAt(5) - 'a' + 1), row[0]);
            }
        }
        assertEquals(c.patternCount(), out.size(), "each pattern held out exactly once");
        CalibrationRunner.Pooled p = r.pooled(c.seed());
        int[] pooled = {p.passes(), p.patterns()};
        assertEquals(c.patternCount(), pooled[1]);
        // the manifest: each fold's held-out cases with their passes, as folds.csv has them, and the pooled rate's interval
        JsonNode manifest = SweepRunner.JSON.readTree(all.resolve("manifest.json").toFile());
        Map<String, Integer> passesOfCase = new LinkedHashMap<>();
        for (String[] row : folds.subList(1, folds.size())) {
            if (row[3].equals("out")) {
                passesOfCase.merge(row[1], row[9].equals("pass") ? 1 : 0, Integer::sum);
            }
        }
        Map<String, Integer> inManifest = new LinkedHashMap<>();
        for (JsonNode f : manifest.path("results").path("fits")) {
            for (JsonNode x : f.path("held_out_by_case")) {
                inManifest.put(x.path("case").asText(), x.path("passes").asInt());
            }
        }
        assertEquals(List.copyOf(passesOfCase.entrySet()), List.copyOf(inManifest.entrySet()),
                "the same cases in the same order: the resampling's draws depend on it");
        JsonNode outOfSample = manifest.path("results").path("out_of_sample");
        assertEquals(pooled[0], outOfSample.path("passes").asInt());
        assertEquals(3, outOfSample.path("folds").asInt());
        double[] ci = p.interval();
        assertEquals(ci[0], outOfSample.path("interval_95").get(0).asDouble(), 0);
        assertEquals(ci[1], outOfSample.path("interval_95").get(1).asDouble(), 0);
        assertTrue(ci[0] <= pooled[0] / (double) pooled[1] && pooled[0] / (double) pooled[1] <= ci[1], Arrays.toString(ci));
        List<String[]> candidates = csv(all.resolve("candidates.csv"));
        assertEquals(1 + 4 * 4, candidates.size(), "the budget of each of the four fits");

        // the same folds as separate tasks, merged
        List<Path> parts = separately(c, 3);
        assertFalse(Files.exists(parts.get(2).resolve("best.yaml")), "only the fit on all cases writes best.yaml");
        Path merged = dir.resolve("merged");
        List<Path> shuffled = List.of(parts.get(2), parts.get(0), parts.get(3), parts.get(1));
        CalibrationMerge.Result m = CalibrationMerge.merge(shuffled, merged, dir, List.of("crisis", "calibrate", "--merge-folds"), "test");
        assertEquals(results(all), results(merged), "merged folds = one machine's --folds 3");
        assertEquals(outOfSample, SweepRunner.JSON.readTree(merged.resolve("manifest.json").toFile()).path("results")
                .path("out_of_sample"), "the merged manifest pools the held-out cases alike");
        assertEquals(c.seed(), m.seed());
        // the build that ran each fold is on record, and one build is one version
        assertEquals(List.of("test"), m.versions());
        assertEquals(4, SweepRunner.JSON.readTree(merged.resolve("manifest.json").toFile()).path("merged_from_versions").size());
        assertEquals(4, m.fits().size());

        CalibrationRunner.Refused missing = assertThrows(CalibrationRunner.Refused.class, () -> CalibrationMerge.merge(
                List.of(parts.get(0), parts.get(1), parts.get(3)), dir.resolve("m2"), dir, List.of(), "test"));
        assertTrue(missing.getMessage().contains("missing fold 2 of 3"), missing.getMessage());
        CalibrationRunner.Refused twice = assertThrows(CalibrationRunner.Refused.class, () -> CalibrationMerge.merge(
                List.of(parts.get(1), parts.get(1), parts.get(2), parts.get(3)), dir.resolve("m3"), dir, List.of(), "test"));
        assertTrue(twice.getMessage().contains("fold 1 is in both"), twice.getMessage());
    }

    /**
     * ensemble.heldOut with the real model: each fold's ABC-SMC ensemble draws the runs of its held-out
     * cases exactly as crisis validate --parameters-from does with that ensemble as posterior.csv; the
     * folds' best sets and the fit on all cases are those of the same calibration without the setting;
     * the manifest pools the drawn passes; merged fold directories and a resumed run give the same files.
     */
    @Test
    void heldOutCasesAreAlsoScoredWithForecastsDrawnFromEachFoldsOwnEnsemble() throws Exception {
        String body = MODEL.replace("budget: 8", "budget: 6") + "ensemble: { tolerance: 3, method: abc-smc, particles: 10,"
                + " budget: 30%s }\n";
        Calibration plain = CalibrationReader.read(CalibrationFixtures.calibration(dir.resolve("p"), body.formatted("")));
        Calibration c = CalibrationReader.read(CalibrationFixtures.calibration(dir, body.formatted(", heldOut: true")));
        assertTrue(c.heldOut());
        assertFalse(plain.heldOut());
        Path with = dir.resolve("with");
        Path without = dir.resolve("without");
        CalibrationRunner.Result r = new CalibrationRunner(c, CalibrationFixtures.options(with, 2, CalibrationFolds.all(3),
                SweepRunner.Mode.AUTO)).execute();
        new CalibrationRunner(plain, CalibrationFixtures.options(without, 2, CalibrationFolds.all(3), SweepRunner.Mode.AUTO))
                .execute();
        for (String file : List.of("best.yaml", "posterior.csv", "patterns.csv")) {
            assertEquals(Files.readString(without.resolve(file)), Files.readString(with.resolve(file)), file);
        }
        List<String[]> folds = csv(with.resolve("folds.csv"));
        List<String[]> plainFolds = csv(without.resolve("folds.csv"));
        List<String[]> candidates = csv(with.resolve("candidates.csv"));
        for (int f = 1; f <= 3; f++) {
            String fold = String.valueOf(f);
            assertTrue(candidates.stream().anyMatch(x -> x[0].equals(fold) && x[x.length - 1].equals("smc")),
                    "fold " + f + " runs ABC-SMC");
        }
        List<String[]> posterior = csv(with.resolve("folds-posterior.csv"));
        assertEquals("fold," + Files.readAllLines(with.resolve("posterior.csv")).get(0), String.join(",", posterior.get(0)));
        JsonNode manifest = SweepRunner.JSON.readTree(with.resolve("manifest.json").toFile());
        int drawnPasses = 0;
        int bestPasses = 0;
        int patterns = 0;
        for (int row = 1; row < folds.size(); row++) {
            String[] x = folds.get(row);
            assertEquals(List.of(plainFolds.get(row)).subList(0, 10).toString(), List.of(x).subList(0, 10).toString(),
                    "the best sets' counts do not depend on the setting");
            assertEquals(x[3].equals("out"), !x[10].isEmpty(), "drawn counts for held-out patterns only");
            if (x[3].equals("out")) {
                patterns++;
                drawnPasses += x[12].equals("pass") ? 1 : 0;
                bestPasses += x[9].equals("pass") ? 1 : 0;
            }
        }
        JsonNode pooled = manifest.path("results").path("out_of_sample_ensemble");
        assertEquals(drawnPasses, pooled.path("passes").asInt());
        assertEquals(patterns, pooled.path("patterns").asInt());
        assertEquals((drawnPasses - bestPasses) / (double) patterns, pooled.path("difference_from_best").asDouble(), 1e-12);
        CalibrationRunner.Drawn d = CalibrationRunner.poolDrawn(r.fits(), c.seed());
        assertEquals(drawnPasses, d.passes());
        assertEquals(bestPasses, d.bestPasses());

        // fold 2's held-out case (case-b), run by crisis validate --parameters-from on fold 2's ensemble
        Path fold2 = Files.createDirectories(dir.resolve("fold2"));
        Files.copy(with.resolve("manifest.json"), fold2.resolve("manifest.json"));
        StringBuilder p2 = new StringBuilder(Files.readAllLines(with.resolve("posterior.csv")).get(0)).append('\n');
        int sets = 0;
        for (String line : Files.readAllLines(with.resolve("folds-posterior.csv"))) {
            if (line.startsWith("2,")) {
                p2.append(line.substring(2)).append('\n');
                sets++;
            }
        }
        assertTrue(sets >= 1);
        Files.writeString(fold2.resolve("posterior.csv"), p2);
        CalibrationCase b = c.cases().get(1);
        assertEquals("case-b", b.name());
        ParameterDraws draws = ParameterDraws.read(fold2, b.tree(), List.of());
        Scenario scenario = Validation.scenario(b.tree(), Map.of());
        int[] validated = Validation.held(scenario, draws, b.runs(), c.seed(), 2, Progress.none());
        String[] row = folds.stream().filter(x -> x[0].equals("2") && x[3].equals("out")).findFirst().orElseThrow();
        assertEquals(validated[0], Integer.parseInt(row[10]), "the drawn counts are crisis validate --parameters-from's");

        // fold directories merged, and a calibration killed near its end and resumed
        List<Path> parts = separately(c, 3);
        Path merged = dir.resolve("merged");
        CalibrationMerge.merge(parts, merged, dir, List.of("crisis", "calibrate", "--merge-folds"), "test");
        assertEquals(results(with), results(merged), "merged folds = one machine's --folds 3");
        assertEquals(pooled, SweepRunner.JSON.readTree(merged.resolve("manifest.json").toFile()).path("results")
                .path("out_of_sample_ensemble"));
        Path resumed = dir.resolve("resumed");
        // two short of the end: within the last fold's ABC-SMC or its held-out runs
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(c, CalibrationFixtures.options(resumed, 2,
                CalibrationFolds.all(3), SweepRunner.Mode.AUTO)).stopAfter(r.simulated() - 2).execute());
        new CalibrationRunner(c, CalibrationFixtures.options(resumed, 1, CalibrationFolds.all(3), SweepRunner.Mode.RESUME))
                .execute();
        assertEquals(results(with), results(resumed), "resumed after a kill in the last fold");
    }

    /**
     * A fold's runs drawn from its ensemble are replayed on resume only for the same ensemble: resumed with a larger
     * budget, a fold whose search finds another best has another ensemble of as many sets (one, at tolerance 0, far
     * from the diamond), whose runs are drawn anew.
     */
    @Test
    void aResumeWithALargerBudgetDrawsTheHeldOutRunsFromTheFoldsNewEnsemble() throws Exception {
        Calibration small = CalibrationReader.read(CalibrationFixtures.calibration(dir, DIAMOND.replace("budget: 60", "budget: 3")
                + "ensemble: { tolerance: 0, heldOut: true }\n"));
        Calibration large = small.withBudget(10);
        CalibrationRunner.Model diamond = diamond(new int[1]);
        // the diamond's counts with each run drawn from a one-set ensemble are that set's
        CalibrationRunner.Model model = new CalibrationRunner.Model() {
            @Override
            public int[] held(List<CalibrationCase> cases, List<SweepFactor.Setting> values) throws Exception {
                return diamond.held(cases, values);
            }

            @Override
            public int[] drawn(List<CalibrationCase> cases, List<List<SweepFactor.Setting>> sets, double[] weights)
                    throws Exception {
                assertEquals(1, sets.size(), "tolerance 0 far from the diamond: the best alone");
                return diamond.held(cases, sets.get(0));
            }
        };
        Path straightSmall = dir.resolve("straight-small");
        Path straight = dir.resolve("straight");
        Path extended = dir.resolve("extended");
        CalibrationRunner.Result r = new CalibrationRunner(small, CalibrationFixtures.options(straightSmall, 2,
                CalibrationFolds.all(2), SweepRunner.Mode.AUTO)).withModel(model).execute();
        new CalibrationRunner(large, CalibrationFixtures.options(straight, 2, CalibrationFolds.all(2), SweepRunner.Mode.AUTO))
                .withModel(model).execute();
        List<String> before = Files.readAllLines(straightSmall.resolve("folds-posterior.csv"));
        List<String> after = Files.readAllLines(straight.resolve("folds-posterior.csv"));
        assertEquals(before.size(), after.size(), "as many sets");
        assertFalse(before.get(1).equals(after.get(1)), "another set for fold 1: " + before.get(1) + " / " + after.get(1));
        // killed at the small budget's last simulation but one: fold 1's drawn runs are in the journal
        assertThrows(CalibrationRunner.Stopped.class, () -> new CalibrationRunner(small, CalibrationFixtures.options(extended,
                2, CalibrationFolds.all(2), SweepRunner.Mode.AUTO)).withModel(model).stopAfter(r.simulated() - 1).execute());
        new CalibrationRunner(large, CalibrationFixtures.options(extended, 1, CalibrationFolds.all(2), SweepRunner.Mode.RESUME))
                .withModel(model).execute();
        assertEquals(results(straight), results(extended));
    }

    @Test
    void pooledFoldsHaveNoIntervalWhenAFoldDoesNotListItsHeldOutCases() {
        CalibrationRunner.FitSummary all = new CalibrationRunner.FitSummary(0, 10, 3, 0.5, 8, 10, 0, 0, List.of(), List.of());
        CalibrationRunner.FitSummary one = new CalibrationRunner.FitSummary(1, 10, 4, 0.4, 5, 6, 3, 4,
                List.of(new CalibrationRunner.CaseCount("a", 1, 2), new CalibrationRunner.CaseCount("b", 2, 2)), List.of());
        CalibrationRunner.FitSummary two = new CalibrationRunner.FitSummary(2, 10, 5, 0.3, 4, 6, 2, 4,
                List.of(new CalibrationRunner.CaseCount("c", 2, 2), new CalibrationRunner.CaseCount("d", 0, 2)), List.of());
        CalibrationRunner.Pooled p = CalibrationRunner.pool(List.of(all, one, two), 1);
        assertEquals(List.of(2, 5, 8, 9, 12), List.of(p.folds(), p.passes(), p.patterns(), p.inPasses(), p.inPatterns()));
        assertTrue(p.interval() != null && p.interval()[0] <= 5 / 8.0 && 5 / 8.0 <= p.interval()[1]);
        // a fold directory written before the cases were listed, merged with one that lists them
        CalibrationRunner.FitSummary older = new CalibrationRunner.FitSummary(2, 10, 5, 0.3, 4, 6, 2, 4, List.of(), List.of());
        CalibrationRunner.Pooled mixed = CalibrationRunner.pool(List.of(all, one, older), 1);
        assertEquals(5, mixed.passes());
        assertEquals(null, mixed.interval(), "an interval over some folds' cases would not be the pooled rate's");
        assertEquals(0, CalibrationRunner.pool(List.of(all), 1).folds());
    }
}

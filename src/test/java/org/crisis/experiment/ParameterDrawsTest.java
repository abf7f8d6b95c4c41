package org.crisis.experiment;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.crisis.stats.VarianceComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crisis run --parameters-from CALIB_DIR}: each run draws a set of the ensemble by
 * weight from its own seed, runs with it exactly as a run with those values set would, and
 * writes the drawn values in runs.csv; the manifest records the ensemble.
 */
class ParameterDrawsTest {
    @TempDir
    Path dir;
    private Path calibration;
    private Path scenario;
    private static final String[][] SETS = {{"0.3", "0.6"}, {"0.9", "0.5"}, {"0.12", "0.9"}};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    @BeforeEach
    void write() throws Exception {
        calibration = CalibrationFixtures.ensemble(dir.resolve("calib"), SETS, WEIGHTS);
        scenario = dir.resolve("case.yaml");
        Files.writeString(scenario, CalibrationFixtures.caseFile("case-a", CalibrationFixtures.DOWNGRADED));
    }



    private static List<String[]> rows(Path runs) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(runs)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /** The documented rule, written out: u from the run's seed, the first set whose cumulative share exceeds it. */
    private static int drawn(long seed) {
        double u = (Seeds.derive(seed, -5) >>> 11) * 0x1.0p-53;
        double cumulative = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            cumulative += WEIGHTS[i];
            if (u < cumulative) {
                return i;
            }
        }
        return WEIGHTS.length - 1;
    }

    @Test
    void validateChecksThePatternsAgainstRunsThatDrawTheirSetsAsCrisisRunDoes() throws Exception {
        int n = 200;
        Outcome o = crisis("validate", scenario.toString(), "--runs", String.valueOf(n), "--seed", "9", "--format", "csv",
                "--parameters-from", calibration.toString(), "--threads", "2");
        assertTrue(o.status() <= 1, o.err());
        assertTrue(o.err().contains("each run draws one of 3 parameter sets of " + calibration), o.err());
        // the documented rule, written out: run k with the set its seed draws, as if those values were set
        org.crisis.scenario.Scenario[] sets = new org.crisis.scenario.Scenario[SETS.length];
        for (int i = 0; i < SETS.length; i++) {
            sets[i] = org.crisis.scenario.ScenarioReader.read(scenario, List.of("parameters.grievanceGain=" + SETS[i][0],
                    "parameters.thresholdSever=" + SETS[i][1]));
        }
        int patterns = Validation.patterns(sets[0]).size();
        int[] held = new int[patterns];
        for (int k = 0; k < n; k++) {
            long seed = Seeds.derive(9, k);
            boolean[] shows = Validation.shows(sets[drawn(seed)], seed);
            for (int p = 0; p < patterns; p++) {
                held[p] += shows[p] ? 1 : 0;
            }
        }
        List<String> lines = o.out().lines().toList();
        assertEquals(patterns + 1, lines.size(), o.out());
        for (int p = 0; p < patterns; p++) {
            double observed = Double.parseDouble(lines.get(p + 1).split(",")[4]);
            assertEquals(held[p] / (double) n, observed, 1e-4, lines.get(p + 1));
        }
        // the sets differ in what they do: the check is not the defaults' in disguise
        Outcome defaults = crisis("validate", scenario.toString(), "--runs", String.valueOf(n), "--seed", "9", "--format", "csv");
        assertTrue(!defaults.out().equals(o.out()), o.out());
    }

    @Test
    void eachRunDrawsASetByWeightFromItsSeedAndRunsAsWithThoseValuesSet() throws Exception {
        int n = 600;
        Path out = dir.resolve("drawn");
        Outcome o = crisis("run", scenario.toString(), "--runs", String.valueOf(n), "--seed", "9", "--keep", "none",
                "--parameters-from", calibration.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        List<String[]> drawn = rows(out.resolve("runs.csv"));
        assertEquals(List.of("point", "replication", "seed", "parameter_set", "parameters_grievance_gain",
                "parameters_threshold_sever"), Arrays.asList(drawn.get(0)).subList(0, 6));
        int[] count = new int[SETS.length];
        for (String[] row : drawn.subList(1, drawn.size())) {
            int set = drawn(Long.parseLong(row[2]));
            assertEquals(String.valueOf(set + 1), row[3], "run " + row[1]);
            assertEquals(SETS[set][0], row[4]);
            assertEquals(SETS[set][1], row[5]);
            count[set]++;
        }
        for (int i = 0; i < SETS.length; i++) {
            assertEquals(WEIGHTS[i], count[i] / (double) n, 0.06, "share of runs drawing set " + (i + 1));
        }
        // a run that drew set j is the run of the same seed with set j's values given by --set
        for (int j = 0; j < SETS.length; j++) {
            Path plain = dir.resolve("plain-" + j);
            assertEquals(0, crisis("run", scenario.toString(), "--runs", String.valueOf(n), "--seed", "9", "--keep", "none",
                    "--set", "parameters.grievanceGain=" + SETS[j][0], "--set", "parameters.thresholdSever=" + SETS[j][1],
                    "--out", plain.toString(), "--quiet").status());
            List<String[]> same = rows(plain.resolve("runs.csv"));
            for (int k = 1; k < drawn.size(); k++) {
                if (drawn.get(k)[3].equals(String.valueOf(j + 1))) {
                    String[] a = drawn.get(k);
                    String[] b = same.get(k);
                    assertEquals(b[2], a[2]);
                    assertEquals(Arrays.asList(b).subList(3, b.length), Arrays.asList(a).subList(6, a.length), "run " + a[1]);
                }
            }
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(3, m.path("parameters_from").path("sets").asInt());
        assertEquals(Hashing.sha256(calibration.resolve("posterior.csv")), m.path("parameters_from").path("posterior_sha256").asText());
        assertEquals("[10,11,12]", m.path("parameters_from").path("evaluations").toString());
        // the ensemble itself is in the manifest: each set's weight, its probability of being drawn and its values
        JsonNode ensemble = m.path("parameters_from").path("ensemble");
        assertEquals(SETS.length, ensemble.size());
        double total = Arrays.stream(WEIGHTS).sum();
        for (int j = 0; j < SETS.length; j++) {
            JsonNode set = ensemble.get(j);
            assertEquals(j + 1, set.path("set").asInt());
            assertEquals(WEIGHTS[j], set.path("weight").asDouble());
            assertEquals(WEIGHTS[j] / total, set.path("probability").asDouble(), 1e-15);
            assertEquals(Double.parseDouble(SETS[j][0]), set.path("values").path("parameters.grievanceGain").asDouble(), 0);
            assertEquals(Double.parseDouble(SETS[j][1]), set.path("values").path("parameters.thresholdSever").asDouble(), 0);
        }
        // the same on one thread
        Path again = dir.resolve("again");
        crisis("run", scenario.toString(), "--runs", String.valueOf(n), "--seed", "9", "--keep", "none",
                "--parameters-from", calibration.toString(), "--out", again.toString(), "--quiet", "--threads", "1");
        assertEquals(Files.readString(out.resolve("runs.csv")), Files.readString(again.resolve("runs.csv")));
    }

    @Test
    void summaryJsonSplitsEachOutcomesSpreadIntoParameterSetsAndChanceAsTheRunsSay() throws Exception {
        Path out = dir.resolve("spread");
        Outcome o = crisis("run", scenario.toString(), "--runs", "400", "--seed", "5", "--keep", "none",
                "--parameters-from", calibration.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        List<String[]> runs = rows(out.resolve("runs.csv"));
        List<String> header = Arrays.asList(runs.get(0));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        int checked = 0;
        int outcome = -1;
        for (JsonNode entry : summary.path("outcomes")) {
            outcome++;
            JsonNode spread = entry.path("spread");
            assertTrue(spread.isObject(), entry.path("outcome") + " has its spread");
            int column = header.indexOf(entry.path("column").asText());
            if (column < 0) {
                continue;
            }
            // recompute from runs.csv: group each run's value by the set it drew
            List<Integer> sets = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (String[] row : runs.subList(1, runs.size())) {
                if (!row[column].isEmpty()) {
                    sets.add(Integer.parseInt(row[3]));
                    values.add(Double.parseDouble(row[column]));
                }
            }
            // outcome k's shufflings come from derive(master_seed, -8 - k), the master seed 5 here: the same test, to the last shuffling
            VarianceComponents v = VarianceComponents.of(sets.stream().mapToInt(Integer::intValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray(), Seeds.derive(5, -8 - outcome));
            assertEquals(v.sets(), spread.path("sets").asInt(), entry.path("outcome").asText());
            if (Double.isFinite(v.parameterShare())) {
                assertEquals(v.parameterShare(), spread.path("parameters_share").asDouble(), 1e-5, entry.path("outcome").asText());
                assertEquals(v.chance(), spread.path("chance").asDouble(), 1e-5);
                assertEquals(v.pValue(), spread.path("p_value").asDouble(), 1e-6, entry.path("outcome") + ": p");
                assertTrue(v.pValue() >= 1.0 / (VarianceComponents.PERMUTATIONS + 1), "a permutation test's p is never 0");
                checked++;
            }
        }
        assertTrue(checked >= 3, "outcomes that vary: " + checked);
        // the run-set report shows the split, one row an outcome that varies, as summary.json has it
        Path report = dir.resolve("spread-report");
        Outcome r = crisis("report", out.toString(), "--out", report.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(report.resolve("report.html")).contains("Parameters and chance"));
        List<String[]> table = rows(report.resolve("report-spread.csv"));
        assertEquals(List.of("group", "outcome", "column", "sets", "variance_parameters", "variance_chance", "parameters_share",
                "p_value", "set_mean_lowest", "set_mean_highest"), Arrays.asList(table.get(0)));
        assertEquals(checked, table.size() - 1, "one row per outcome that varies");
        for (String[] row : table.subList(1, table.size())) {
            for (JsonNode entry : summary.path("outcomes")) {
                if (entry.path("outcome").asText().equals(row[1])) {
                    assertEquals(entry.path("spread").path("parameters_share").asDouble(), Double.parseDouble(row[6]), 1e-9);
                }
            }
            // the sets' own expectations, lowest and highest, as runs.csv gives them
            int column = Arrays.asList(runs.get(0)).indexOf(row[2]);
            java.util.Map<String, double[]> bySet = new java.util.HashMap<>();
            for (String[] run : runs.subList(1, runs.size())) {
                if (!run[column].isEmpty()) {
                    double[] sum = bySet.computeIfAbsent(run[3], k -> new double[2]);
                    sum[0] += Double.parseDouble(run[column]);
                    sum[1]++;
                }
            }
            double[] means = bySet.values().stream().mapToDouble(x -> x[0] / x[1]).sorted().toArray();
            // the CSV keeps six significant digits
            assertEquals(means[0], Double.parseDouble(row[8]), 1e-5 * Math.max(1, Math.abs(means[0])), row[1]);
            assertEquals(means[means.length - 1], Double.parseDouble(row[9]), 1e-5 * Math.max(1, Math.abs(means[means.length - 1])), row[1]);
        }
        assertTrue(Files.readString(report.resolve("report.html")).contains("does not widen with the sets&#39; disagreement")
                || Files.readString(report.resolve("report.html")).contains("does not widen with the sets' disagreement"),
                "the outcomes' intervals say what they leave out");
        // a plain run set has no spread to split
        Path plain = dir.resolve("plain-spread");
        assertEquals(0, crisis("run", scenario.toString(), "--runs", "20", "--keep", "none", "--out", plain.toString(), "--quiet")
                .status());
        assertTrue(new ObjectMapper().readTree(plain.resolve("summary.json").toFile()).path("outcomes").get(0).path("spread")
                .isMissingNode());
    }

    @Test
    void aValueTheScenarioSetsItselfIsKeptAndWrittenEmpty() throws Exception {
        Path out = dir.resolve("kept");
        Outcome o = crisis("run", scenario.toString(), "--runs", "50", "--seed", "4", "--keep", "none", "--set",
                "parameters.grievanceGain=0.5", "--parameters-from", calibration.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("the scenario or --set gives parameters.grievanceGain, which keeps its value"), o.err());
        // the manifest's ensemble gives only the values the runs drew
        JsonNode values = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("parameters_from")
                .path("ensemble").get(0).path("values");
        assertFalse(values.has("parameters.grievanceGain"), values.toString());
        assertEquals(Double.parseDouble(SETS[0][1]), values.path("parameters.thresholdSever").asDouble(), values.toString());
        List<String[]> drawn = rows(out.resolve("runs.csv"));
        Path plain = dir.resolve("plain");
        for (int j = 0; j < SETS.length; j++) {
            crisis("run", scenario.toString(), "--runs", "50", "--seed", "4", "--keep", "none", "--set",
                    "parameters.grievanceGain=0.5", "--set", "parameters.thresholdSever=" + SETS[j][1], "--out",
                    plain.resolveSibling("plain-" + j).toString(), "--quiet");
        }
        for (String[] a : drawn.subList(1, drawn.size())) {
            int set = Integer.parseInt(a[3]) - 1;
            assertEquals("", a[4], "kept: not drawn");
            assertEquals(SETS[set][1], a[5]);
            String[] b = rows(plain.resolveSibling("plain-" + set).resolve("runs.csv")).get(Integer.parseInt(a[1]) + 1);
            assertEquals(Arrays.asList(b).subList(3, b.length), Arrays.asList(a).subList(6, a.length));
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("[\"parameters.grievanceGain\"]", m.path("parameters_from").path("kept").toString());
        // every free value kept: the sets would change nothing, and the run is refused before anything is written
        Path all = dir.resolve("all-kept");
        Outcome refused = crisis("run", scenario.toString(), "--runs", "50", "--set", "parameters.grievanceGain=0.5", "--set",
                "parameters.thresholdSever=0.6", "--parameters-from", calibration.toString(), "--out", all.toString(), "--quiet");
        assertEquals(2, refused.status(), refused.err());
        assertEquals("crisis run: the scenario or --set gives every free value of " + calibration + " (parameters.grievanceGain,"
                + " parameters.thresholdSever), so the sets drawn would change nothing; remove those values from the scenario (or"
                + " the --set) to forecast with the ensemble, or leave out --parameters-from", refused.err().strip());
        assertFalse(Files.exists(all));
    }

    @Test
    void aValueSetWithSetKeepsItWhateverItsPath() throws Exception {
        // an ensemble that also varies RED's hawkishness: --set under another name for the same field keeps its value
        Files.writeString(calibration.resolve("manifest.json"), """
                {"tool": "crisis", "calibration": {"name": "test", "parameters": [
                  {"path": "parameters.thresholdSever", "column": "parameters_threshold_sever"},
                  {"path": "countries.0.hawkishness", "column": "countries_0_hawkishness"}]}}
                """);
        Files.writeString(calibration.resolve("posterior.csv"), """
                set,evaluation,parameters_threshold_sever,countries_0_hawkishness,loss,passes,patterns,weight
                1,4,0.6,0.05,0,2,2,1
                """);
        Path out = dir.resolve("kept-country");
        Outcome o = crisis("run", scenario.toString(), "--runs", "30", "--seed", "4", "--keep", "none", "--set",
                "countries.RED.hawkishness=0.95", "--parameters-from", calibration.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("gives countries.0.hawkishness, which keeps its value"), o.err());
        Path plain = dir.resolve("plain-country");
        assertEquals(0, crisis("run", scenario.toString(), "--runs", "30", "--seed", "4", "--keep", "none", "--set",
                "countries.RED.hawkishness=0.95", "--set", "parameters.thresholdSever=0.6", "--out", plain.toString(), "--quiet")
                .status());
        List<String[]> drawn = rows(out.resolve("runs.csv"));
        List<String[]> set = rows(plain.resolve("runs.csv"));
        for (int k = 1; k < drawn.size(); k++) {
            String[] a = drawn.get(k);
            assertEquals("", a[5], "kept: not drawn");
            assertEquals(Arrays.asList(set.get(k)).subList(3, set.get(k).length), Arrays.asList(a).subList(6, a.length));
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("[\"countries.0.hawkishness\"]", m.path("parameters_from").path("kept").toString());
    }

    @Test
    void aDirectoryWithoutAnEnsembleOrWithABadWeightIsInvalidInput() throws Exception {
        Outcome none = crisis("run", scenario.toString(), "--parameters-from", dir.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("not a results directory of crisis calibrate"), none.err());
        Files.writeString(calibration.resolve("posterior.csv"), Files.readString(calibration.resolve("posterior.csv"))
                .replace(",0.3\n", ",-1\n"));
        Outcome bad = crisis("run", scenario.toString(), "--parameters-from", calibration.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("posterior.csv:3:8: weight: expected a weight of 0 or more, found '-1'"), bad.err());
        String whole = Files.readString(calibration.resolve("posterior.csv"));
        Files.writeString(calibration.resolve("posterior.csv"), whole.substring(0, whole.length() - 1));
        Outcome cut = crisis("run", scenario.toString(), "--parameters-from", calibration.toString(), "--out", dir.resolve("z").toString());
        assertEquals(2, cut.status());
        assertTrue(cut.err().contains("posterior.csv:" + whole.lines().count() + ": the last line is cut off (no line end)"),
                cut.err());
        assertTrue(!Files.exists(dir.resolve("x")) && !Files.exists(dir.resolve("y")) && !Files.exists(dir.resolve("z")),
                "nothing written");
    }

    @Test
    void aPathTheScenarioLacksIsOneProblemForEverySetAndAFileIsNotADirectory() throws Exception {
        Files.writeString(calibration.resolve("manifest.json"), Files.readString(calibration.resolve("manifest.json"))
                .replace("parameters.thresholdSever", "countries.XXX.hawkishness"));
        Outcome o = crisis("run", scenario.toString(), "--parameters-from", calibration.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.status(), o.err());
        List<String> said = o.err().lines().filter(l -> l.contains("the scenario invalid")).toList();
        assertEquals(1, said.size(), o.err());
        assertTrue(said.get(0).contains("posterior.csv:2: every set (3) makes the scenario invalid: countries.XXX.hawkishness:"), o.err());
        assertFalse(o.err().contains("each run draws"), "nothing said of draws that will not run: " + o.err());
        Outcome file = crisis("run", scenario.toString(), "--parameters-from", calibration.resolve("posterior.csv").toString(),
                "--out", dir.resolve("y").toString());
        assertEquals(2, file.status());
        assertTrue(file.err().contains("--parameters-from: not a directory (give the results directory of crisis calibrate"), file.err());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")), "nothing written");
        // an --out in the way is the only thing said
        Files.writeString(calibration.resolve("manifest.json"), Files.readString(calibration.resolve("manifest.json"))
                .replace("countries.XXX.hawkishness", "parameters.thresholdSever"));
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken").resolve("notes.txt"), "mine");
        Outcome taken = crisis("run", scenario.toString(), "--parameters-from", calibration.toString(), "--out",
                dir.resolve("taken").toString());
        assertEquals(2, taken.status(), taken.err());
        assertTrue(taken.err().contains("already exists and is not an empty directory; choose another --out"), taken.err());
        assertFalse(taken.err().contains("each run draws"), taken.err());
    }
}

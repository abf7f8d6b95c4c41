package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.crisis.io.CsvTable;
import org.crisis.stats.CaseBootstrap;
import org.crisis.stats.Brier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a calibration directory (fixture: src/test/resources/report/calibration, see
 * the README there): the headline rates, the charts, the ensemble's verdicts recomputed from
 * posterior.csv, the patterns in and out of sample as folds.csv has them.
 */
class CalibrationReportTest {
    @TempDir
    Path tmp;

    private static List<String[]> csv(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void aCalibrationReportShowsTheHeadlineChartsEnsembleAndPatterns() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        assertTrue(CalibrationResults.isCalibration(dir));
        assertFalse(CalibrationResults.isCalibration(Fixtures.dir("grid")));
        Report.Written w = CalibrationReport.write(dir, ReportOptions.defaults());
        assertEquals("calibration", w.kind());
        String html = Files.readString(w.html());
        ReportTest.assertSelfContained(html);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        JsonNode all = m.path("results").path("fits").path(0);
        assertEquals(0, all.path("fold").asInt());
        assertTrue(html.contains(String.format(Locale.ROOT, "In sample (the fit on all cases): %d of %d patterns pass",
                all.path("passes").asInt(), all.path("patterns").asInt())), "in-sample headline");
        int out = 0;
        int outOf = 0;
        for (JsonNode f : m.path("results").path("fits")) {
            out += f.path("held_out_passes").asInt();
            outOf += f.path("held_out_patterns").asInt();
        }
        assertTrue(html.contains(String.format(Locale.ROOT, "Out of sample (3 folds, each case scored by the fit that did not"
                + " see it): %d of %d patterns pass", out, outOf)), "out-of-sample headline");
        // the interval by resampling cases, from folds.csv, as crisis calibrate computes it (also for directories it wrote
        // before it recorded the interval in the manifest, as this one)
        Map<String, int[]> cases = new LinkedHashMap<>();
        CsvTable<ReportException> folds = CsvTable.read(dir.resolve("folds.csv"), ReportException::new);
        for (int r = 0; r < folds.size(); r++) {
            if (folds.text(r, folds.find("sample")).equals("out")) {
                int[] x = cases.computeIfAbsent(folds.text(r, folds.find("case")), k -> new int[2]);
                x[0] += folds.text(r, folds.find("result")).equals("pass") ? 1 : 0;
                x[1]++;
            }
        }
        double[] ci = CaseBootstrap.passRate(cases.values().stream().mapToInt(x -> x[0]).toArray(),
                cases.values().stream().mapToInt(x -> x[1]).toArray(), m.path("calibration").path("master_seed").asLong());
        assertTrue(html.contains("95 % interval " + Format.percent(ci[0]) + " to " + Format.percent(ci[1])
                + " by resampling the held-out cases"), "interval of the out-of-sample rate");
        // the Brier score of the held-out shares against what each one-sided pattern says happened
        double squares = 0;
        int scored = 0;
        int happened = 0;
        Brier.Tally ranked = new Brier.Tally();
        for (int r = 0; r < folds.size(); r++) {
            String min = folds.text(r, folds.find("min"));
            String max = folds.text(r, folds.find("max"));
            boolean above = !min.isEmpty() && Double.parseDouble(min) > 0;
            boolean below = !max.isEmpty() && Double.parseDouble(max) < 1;
            if (folds.text(r, folds.find("sample")).equals("out") && above != below) {
                double miss = Double.parseDouble(folds.text(r, folds.find("observed"))) - (above ? 1 : 0);
                squares += miss * miss;
                ranked.add(Double.parseDouble(folds.text(r, folds.find("observed"))), above);
                scored++;
                happened += above ? 1 : 0;
            }
        }
        assertTrue(scored > 0 && happened > 0 && happened < scored, "the fixture holds out both kinds of pattern");
        double q = happened / (double) scored;
        assertTrue(html.contains(String.format(Locale.ROOT, "Brier score of the held-out shares against the record, over the %s"
                + " with one bound: %.3f (0 is best; %.3f for every share at the %s of them that record something"
                + " happened)", RunSetViews.plural(scored, "pattern"), squares / scored, q * (1 - q), Format.percent(q))),
                "held-out Brier score, in the report's typography");
        assertTrue(html.contains(String.format(Locale.ROOT, "Area under the ROC curve of the held-out shares: %.3f",
                ranked.result().auc())), "the held-out shares' discrimination");
        for (String chart : List.of("loss", "passes", "loss-fits", "trace-parameters_grievance_gain",
                "trace-parameters_threshold_sever", "trace-parameters_rationality", "marginal-parameters_grievance_gain",
                "marginal-parameters_rationality")) {
            assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
        }
        assertTrue(html.contains("data-chart=\"pair-"), "pairs of values");
        assertEquals(List.of("report-calibration-parameters.csv", "report-calibration-patterns.csv",
                "report-calibration-folds.csv"), w.tables().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theOutOfSampleHeadlineTakesItsCountsAndItsIntervalFromFoldsCsvAndSaysWhenTheManifestDisagrees() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        // one held-out pattern that failed now passes in folds.csv; the manifest still has the old count
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("folds.csv"), StandardCharsets.UTF_8));
        int flipped = -1;
        for (int i = 1; i < lines.size() && flipped < 0; i++) {
            if (lines.get(i).contains(",out,") && lines.get(i).endsWith(",fail")) {
                lines.set(i, lines.get(i).substring(0, lines.get(i).length() - "fail".length()) + "pass");
                flipped = i;
            }
        }
        assertTrue(flipped > 0, "the fixture has a held-out pattern that fails");
        Files.write(dir.resolve("folds.csv"), lines, StandardCharsets.UTF_8);
        int passes = 0;
        int patterns = 0;
        for (String l : lines.subList(1, lines.size())) {
            if (l.contains(",out,")) {
                patterns++;
                passes += l.endsWith(",pass") ? 1 : 0;
            }
        }
        Report.Written w = CalibrationReport.write(dir, ReportOptions.defaults());
        String html = Files.readString(w.html());
        assertTrue(html.contains(String.format(Locale.ROOT, "Out of sample (3 folds, each case scored by the fit that did not"
                + " see it): %d of %d patterns pass", passes, patterns)), "folds.csv's count, as its interval");
        // the manifest's folds (this fixture's predates its pooled out_of_sample) have one pass fewer
        String said = String.format(Locale.ROOT, "the out-of-sample figures are folds.csv's, %d of %d held-out patterns passing,"
                + " but manifest.json says %d of %d", passes, patterns, passes - 1, patterns);
        assertTrue(w.warnings().stream().anyMatch(x -> x.startsWith(said)), w.warnings().toString());
        assertTrue(html.contains("The out-of-sample figures are folds.csv"), "and the page says so");
        assertTrue(CalibrationReport.write(Fixtures.copy("calibration", tmp.resolve("as-written")), ReportOptions.defaults())
                .warnings().isEmpty(), "no warning when the files agree");
    }

    @Test
    void aBoundOfFoldsCsvThatIsNotANumberLeavesOutTheBrierScoreAndSaysSo() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("folds.csv"), StandardCharsets.UTF_8));
        List<String> head = List.of(lines.get(0).split(",", -1));
        int min = head.indexOf("min");
        int row = -1;
        for (int i = 1; i < lines.size() && row < 0; i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells[head.indexOf("sample")].equals("out") && !cells[min].isEmpty()) {
                cells[min] = "half";
                lines.set(i, String.join(",", cells));
                row = i;
            }
        }
        assertTrue(row > 0, "the fixture has a held-out pattern with a lower bound");
        Files.write(dir.resolve("folds.csv"), lines, StandardCharsets.UTF_8);
        Report.Written w = CalibrationReport.write(dir, ReportOptions.defaults());
        String html = Files.readString(w.html());
        assertFalse(html.contains("Brier score of the held-out shares"), "no score from a damaged file");
        assertTrue(w.warnings().stream().anyMatch(x -> x.contains("has a bound that is not a number ('half')")), w.warnings().toString());
    }

    @Test
    void theEnsembleVerdictsFollowTheWeightedIntervalOfPosteriorCsv() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        CalibrationReport.write(dir, ReportOptions.defaults());
        List<String[]> post = csv(dir.resolve("posterior.csv"));
        List<String[]> table = csv(dir.resolve("report-calibration-parameters.csv"));
        assertEquals(List.of("path", "min", "max", "scale", "best", "median", "q05", "q95", "relative_width", "verdict",
                "sets", "at_range_end"), Arrays.asList(table.get(0)));
        JsonNode params = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).path("calibration").path("parameters");
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            int col = Arrays.asList(post.get(0)).indexOf(p.path("column").asText());
            double[] v = post.subList(1, post.size()).stream().mapToDouble(r -> Double.parseDouble(r[col])).sorted().toArray();
            // equal weights: the 5 % and 95 % quantiles are the values at ceil(0.05 n) and ceil(0.95 n)
            int n = v.length;
            double q05 = v[(int) Math.ceil(0.05 * n) - 1];
            double q95 = v[(int) Math.ceil(0.95 * n) - 1];
            boolean log = p.path("scale").asText().equals("log");
            double lo = p.path("min").asDouble();
            double hi = p.path("max").asDouble();
            double width = log ? Math.log(q95 / q05) / Math.log(hi / lo) : (q95 - q05) / (hi - lo);
            String[] row = table.get(i + 1);
            assertEquals(p.path("path").asText(), row[0]);
            assertEquals(q05, Double.parseDouble(row[6]), 1e-6);
            assertEquals(q95, Double.parseDouble(row[7]), 1e-6);
            assertEquals(width, Double.parseDouble(row[8]), 1e-5);
            String verdict = n < 5 ? "too few sets to judge" : width < 0.25 ? "pinned down" : width < 0.5 ? "partly" : "loose";
            assertEquals(verdict, row[9], p.path("path").asText());
        }
    }

    @Test
    void everyPatternHasItsInSampleAndHeldOutShare() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        CalibrationReport.write(dir, ReportOptions.defaults());
        List<String[]> table = csv(dir.resolve("report-calibration-patterns.csv"));
        List<String[]> in = csv(dir.resolve("patterns.csv"));
        List<String[]> folds = csv(dir.resolve("folds.csv"));
        assertEquals(in.size(), table.size(), "one row per pattern");
        for (int r = 1; r < table.size(); r++) {
            String[] row = table.get(r);
            assertEquals(in.get(r)[0], row[0]);
            assertEquals(in.get(r)[1], row[1]);
            assertEquals(in.get(r)[9], row[5], "in-sample result");
            String[] held = folds.stream().filter(f -> f[1].equals(row[0]) && f[2].equals(row[1]) && f[3].equals("out"))
                    .findFirst().orElseThrow();
            assertEquals(held[0], row[8], "the fold that held the case out");
            assertEquals(Double.parseDouble(held[8]), Double.parseDouble(row[6]), 1e-9);
            assertEquals(held[9], row[7], "out-of-sample result");
        }
    }

    /**
     * With ensemble.heldOut the report gives the out-of-sample rate of forecasts drawn from the folds' ensembles
     * beside the best sets', and their columns in the patterns and folds tables; the fixture's folds.csv, of an
     * earlier version, has no such columns and its report none either (checked above).
     */
    @Test
    void forecastsDrawnFromEachFoldsEnsembleAreReportedBesideTheBestSets() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        List<String> lines = Files.readAllLines(dir.resolve("folds.csv"), StandardCharsets.UTF_8);
        List<String> withDrawn = new ArrayList<>(List.of(lines.get(0) + ",ensemble_held,ensemble_observed,ensemble_result"));
        int passes = 0;
        for (String line : lines.subList(1, lines.size())) {
            boolean out = line.split(",", -1)[3].equals("out");
            // every held-out pattern passes when drawn from the ensemble, whatever it did at the best set
            withDrawn.add(line + (out ? ",20,0.5,pass" : ",,,"));
            passes += out ? 1 : 0;
        }
        Files.write(dir.resolve("folds.csv"), withDrawn, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = editable(dir.resolve("manifest.json"));
        for (JsonNode f : m.path("results").path("fits")) {
            if (f.path("fold").asInt() > 0) {
                ((ObjectNode) f).put("held_out_ensemble_passes", 1000 + f.path("fold").asInt())
                        .put("ensemble_sets", 7);
            }
        }
        ObjectNode drawn = ((ObjectNode) m.path("results"))
                .putObject("out_of_sample_ensemble");
        drawn.put("folds", 2).put("passes", passes).put("patterns", passes).put("share", 1.0).put("difference_from_best", 0.25);
        drawn.putArray("interval_95").add(0.9).add(1.0);
        drawn.putArray("difference_interval_95").add(-0.05).add(0.5);
        json.writeValue(dir.resolve("manifest.json").toFile(), m);

        CalibrationReport.write(dir, ReportOptions.defaults());
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8).replaceAll("[\u00a0\u202f]", " ");
        assertTrue(html.contains("forecasting as crisis run --parameters-from does"), "the drawn rate's verdict");
        assertTrue(html.contains(passes + " of " + passes + " patterns pass (100.0 %, 95 % interval 90.0 % to 100.0 %)"), html);
        // scored as forecasts: each drawn share 0.5 costs 0.25; the best sets' shares of 0 and 1 miss three of five outright
        assertTrue(html.contains("Scored as forecasts, the ensemble&#39;s held-out shares have a Brier score of 0.250 against the"
                + " best sets&#39; 0.600 (0 is best; 0.240 for the base rate), and an area under the ROC curve of 0.500 against"
                + " 0.417."), html);
        List<String[]> table = csv(dir.resolve("report-calibration-patterns.csv"));
        assertEquals(List.of("out_of_sample_ensemble_observed", "out_of_sample_ensemble_result"),
                List.of(table.get(0)).subList(9, 11));
        int drawnRows = 0;
        for (String[] row : table.subList(1, table.size())) {
            if (!row[8].isEmpty()) {
                assertEquals(List.of("0.5", "pass"), List.of(row[9], row[10]), String.join(",", row));
                drawnRows++;
            }
        }
        assertEquals(passes, drawnRows);
        List<String[]> folds = csv(dir.resolve("report-calibration-folds.csv"));
        assertEquals("held_out_ensemble_passes", folds.get(0)[8]);
        for (String[] row : folds.subList(1, folds.size())) {
            assertEquals(String.valueOf(1000 + Integer.parseInt(row[0])), row[8]);
            assertEquals("7", row[9]);
        }
    }

    @Test
    void crisisReportDispatchesACalibrationDirectoryAndRefusesMixingIt() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        Outcome single = crisis("report", dir.toString());
        assertEquals(0, single.status());
        assertTrue(single.out().startsWith("calibration report of 1 directory"), single.out());
        Outcome mixed = crisis("report", dir.toString(), Fixtures.dir("base").toString(), "--out",
                tmp.resolve("mixed").toString());
        assertEquals(2, mixed.status());
        assertTrue(mixed.err().contains("calibrations are reported on their own or against each other, not with runs"), mixed.err());
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
    }

    @Test
    void abcSmcCandidatesAreNotTheBestNorInTheSearchChartsAndItsGenerationsAreTabled() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        // the fixture's candidates with a stage column, and one ABC-SMC candidate of fold 0 with a lower loss than any
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("candidates.csv"), StandardCharsets.UTF_8));
        int fold0 = 0;
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + (i == 0 ? ",stage" : ",cmaes"));
            fold0 += lines.get(i).startsWith("0,") ? 1 : 0;
        }
        lines.add(fold0 + 1, "0," + (fold0 + 1) + ",0,3,0.777,0.5,7,0,5,5,smc");
        Files.write(dir.resolve("candidates.csv"), lines, StandardCharsets.UTF_8);
        Path manifest = dir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = editable(manifest);
        ObjectNode smc = ((ObjectNode) m.path("results")
                .path("fits").get(0)).putObject("ensemble_smc");
        // the fixture's fit on all cases: best loss 15.99…, tolerance 2; 25 is wider than the target
        smc.put("evaluations", 250).put("reached_target", false).put("tolerance_reached", 25);
        smc.putArray("generations").add(json.readTree("{\"generation\": 0, \"tolerance\": null, \"evaluations\": 100,"
                + " \"steps\": 0, \"acceptance\": null, \"distinct\": 100, \"complete\": true}"))
                .add(json.readTree("{\"generation\": 1, \"tolerance\": 12.5, \"evaluations\": 150, \"steps\": 1,"
                        + " \"acceptance\": 0.25, \"distinct\": 60, \"complete\": false}"));
        json.writeValue(manifest.toFile(), m);

        Report.Written w = CalibrationReport.write(dir, ReportOptions.defaults());
        String html = Files.readString(w.html());
        assertTrue(html.contains("ABC-SMC generations"), "the generations' table");
        assertTrue(html.contains("It did not reach its target"), "says the target was not reached");
        assertTrue(html.contains("wider than asked"));
        assertTrue(html.contains("no: budget spent"), "marks the generation the budget cut short");
        assertTrue(html.contains("none (no moves)"), "the prior sample has no acceptance rate");
        CalibrationResults results = CalibrationResults.open(dir);
        List<Integer> search = results.rowsOf(0);
        assertEquals(fold0, search.size(), "the loss chart and the traces draw the search's rows of fold 0 only");
        assertFalse(search.contains(fold0), "not the ABC-SMC row");
        String best = csv(dir.resolve("report-calibration-parameters.csv")).get(1)[4];
        assertEquals(Double.parseDouble(json.readTree(dir.resolve("manifest.json").toFile()).path("results").path("fits").get(0)
                .path("best").path("parameters.grievanceGain").asText()), Double.parseDouble(best), 1e-12,
                "the best is the search's");
    }

    @Test
    void anAbcSmcCutShortAtItsTargetIsNotSaidToBeWider() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        Path manifest = dir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = editable(manifest);
        ObjectNode all = (ObjectNode) m.path("results")
                .path("fits").get(0);
        // the budget ran out in the generation at the target: tolerance_reached is the best loss plus the tolerance
        double target = all.path("best_loss").asDouble() + m.path("calibration").path("ensemble").path("tolerance").asDouble();
        ObjectNode smc = all.putObject("ensemble_smc");
        smc.put("evaluations", 250).put("reached_target", false).put("tolerance_reached", target);
        smc.putArray("generations").add(json.readTree("{\"generation\": 0, \"tolerance\": null, \"evaluations\": 100,"
                + " \"steps\": 0, \"acceptance\": null, \"distinct\": 100, \"complete\": true}"))
                .add(json.readTree("{\"generation\": 1, \"tolerance\": " + target + ", \"evaluations\": 150, \"steps\": 1,"
                        + " \"acceptance\": 0.25, \"distinct\": 60, \"complete\": false}"));
        json.writeValue(manifest.toFile(), m);
        String html = Files.readString(CalibrationReport.write(dir, ReportOptions.defaults()).html());
        assertTrue(html.contains("It reached its target tolerance (the best loss of the search plus the tolerance), but the"
                + " budget cut its last generation short"), "at the target, less mixed");
        assertFalse(html.contains("wider than asked"), "not wider");
        assertFalse(html.contains("It did not reach its target"));
    }

    @Test
    void anEnsembleDrawnFromAPriorAroundTheStartSaysHowWideThatPriorIsByItself() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        Path manifest = dir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = editable(manifest);
        ((ObjectNode) m.path("calibration").path("ensemble")).put("method", "abc-smc")
                .put("prior", "start").put("prior_width", 0.2);
        // ABC-SMC's record in the fit on all cases, so that its generations are described too
        for (JsonNode f : m.path("results").path("fits")) {
            if (f.path("fold").asInt() == 0) {
                ((ObjectNode) f).putObject("ensemble_smc").put("evaluations", 400)
                        .put("reached_target", true).putArray("generations");
            }
        }
        json.writeValue(manifest.toFile(), m);
        String html = Files.readString(CalibrationReport.write(dir, ReportOptions.defaults()).html());
        assertTrue(html.contains("The ensemble was drawn by ABC-SMC from a prior around each value&#39;s start (standard"
                + " deviation 20.0\u00a0% of its range), in 400 evaluations"), "the generations' paragraph");
        assertTrue(html.contains("whose own 5–95 % interval spans about 65.8\u00a0% of the range"),
                "2 × 1.645 × 0.2");
        assertTrue(html.contains("drawn by ABC-SMC from a prior around each value&#39;s start"), "not said to be flat");
        Path flatDir = Fixtures.copy("calibration", tmp.resolve("flat"));
        String flat = Files.readString(CalibrationReport.write(flatDir, ReportOptions.defaults()).html());
        assertFalse(flat.contains("whose own 5–95 %"), "nothing of the kind with a flat prior");
        // the verdicts allow for the prior: grievanceGain's width, 0.39 of its range, is "partly" under a flat prior,
        // and "loose" under a prior whose own width is 0.33 of the range (from 80 % of it)
        assertEquals("partly", verdict(flatDir, "parameters.grievanceGain"));
        ((ObjectNode) m.path("calibration").path("ensemble")).put("prior_width", 0.1);
        json.writeValue(manifest.toFile(), m);
        CalibrationReport.write(dir, ReportOptions.defaults());
        assertEquals("loose", verdict(dir, "parameters.grievanceGain"));
    }

    private static String verdict(Path dir, String path) throws Exception {
        for (String line : Files.readAllLines(dir.resolve("report-calibration-parameters.csv"))) {
            String[] cells = line.split(",");
            if (cells[0].equals(path)) {
                return cells[9];
            }
        }
        throw new AssertionError(path + " not in the table");
    }

    @Test
    void aDirectoryWithoutTheEnsembleIsReportedWithoutIt() throws Exception {
        Path dir = Fixtures.copy("calibration", tmp);
        Files.delete(dir.resolve("posterior.csv"));
        Report.Written w = CalibrationReport.write(dir, ReportOptions.defaults());
        assertTrue(Files.readString(w.html()).contains("This directory has no ensemble"));
        Files.delete(dir.resolve("candidates.csv"));
        ReportException e = assertThrows(ReportException.class, () -> CalibrationReport.write(dir, ReportOptions.defaults()));
        assertTrue(e.getMessage().contains("candidates.csv: no such file"), e.getMessage());
    }

    @Test
    void theReportPackageReadsFilesOnlyAndDoesNotImportTheSimulator() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "org", "crisis", "report"))) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f)) {
                    assertFalse(line.matches("import (static )?org\\.crisis\\.(model|sim|observe|scenario|cli)\\..*"),
                            f + ": " + line);
                }
            }
        }
    }

    /** A results file's JSON, to be edited by a test and written back. */
    private static ObjectNode editable(Path file) throws java.io.IOException {
        return (ObjectNode) new ObjectMapper().readTree(file.toFile());
    }
}

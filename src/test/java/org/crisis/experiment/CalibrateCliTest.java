package org.crisis.experiment;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crisis calibrate} as a user runs it: exit statuses, messages, the headline, nothing written on invalid input. */
class CalibrateCliTest {
    private static final String BODY = """
            parameters:
              parameters.grievanceGain: { min: 0.05, max: 4, scale: log }
            budget: 3
            runs: 10
            folds: 3
            """;

    @TempDir
    Path dir;



    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anInvalidCalibrationExitsWithStatusTwoAndWritesNothing() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, BODY.replace("budget: 3", "budget: -3").replace("folds: 3", "fold: 3"));
        List<String> before = entries();
        Outcome o = crisis("calibrate", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("calibration.yaml:4:9: budget: expected a whole number in [1, 1000000], found -3"), o.err());
        assertTrue(o.err().contains("calibration.yaml:6:1: fold: unknown field 'fold'; did you mean 'folds'?"), o.err());
        assertTrue(o.err().contains("2 problems; nothing was run"), o.err());
        assertEquals(before, entries(), "nothing written");
    }

    @Test
    void badOptionsExitWithStatusTwo() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, BODY.replace("folds: 3\n", ""));
        assertEquals(2, crisis("calibrate", file.toString(), "--folds", "--quiet").status());
        assertTrue(crisis("calibrate", file.toString(), "--folds", "--quiet").err().contains("--folds without K needs folds:"));
        assertTrue(crisis("calibrate", file.toString(), "--folds", "4", "--quiet").err()
                .contains("--folds must be from 2 to the number of cases (3), found 4"));
        // 0 is a K like any other, not the file's folds
        assertTrue(crisis("calibrate", CalibrationFixtures.calibration(dir, BODY).toString(), "--folds", "0", "--quiet").err()
                .contains("--folds must be from 2 to the number of cases (3), found 0"));
        assertTrue(crisis("calibrate", file.toString(), "--fold", "4/3", "--quiet").err().contains("--fold: expected I/K"));
        assertTrue(crisis("calibrate", file.toString(), "--fold", "1/2", "--folds", "2").err().contains("exclude each other"));
        assertEquals(2, crisis("calibrate", file.toString(), "--budget", "0").status());
        assertEquals(2, crisis("calibrate", file.toString(), file.toString()).status());
        assertEquals(2, crisis("calibrate", file.toString(), "--resume", "--out", dir.resolve("o").toString(), "--quiet").status());
        assertEquals(List.of("calibration.yaml", "cases"), entries());
    }

    @Test
    void anOutputDirectoryInTheWayExitsWithStatusTwoAndAPlainMessage() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, BODY);
        Files.writeString(dir.resolve(".o.incomplete"), "not a directory");
        Outcome o = crisis("calibrate", file.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(2, o.status(), o.err());
        assertEquals("crisis calibrate: " + dir.resolve(".o.incomplete") + " is in the way: a file where the work directory"
                + " of a command goes; remove it\n", o.err());
    }

    @Test
    void aSweepAndACalibrationNeverClearEachOthersInterruptedWork() throws Exception {
        Path calibration = CalibrationFixtures.calibration(dir, BODY);
        Path sweep = SweepFixtures.sweep(dir, "design: grid\nvary:\n  parameters.grievanceDecay: { values: [0.01, 0.05] }\n"
                + SweepFixtures.OUTCOMES);
        Path out = dir.resolve("o");
        Path work = dir.resolve(".o.incomplete");
        for (String[] kind : List.of(
                new String[] {"sweep.json", "calibrate", calibration.toString(), "sweep", "sweep", "runs"},
                new String[] {"calibration.json", "sweep", sweep.toString(), "calibration", "calibrate", "evaluations"})) {
            Files.createDirectories(work);
            Files.writeString(work.resolve(kind[0]), "{}");
            Files.writeString(work.resolve("journal-0001.log"), "0,0,1,2\tdeadbeef\n");
            for (String mode : List.of("--quiet", "--restart")) {
                Outcome o = crisis(kind[1], kind[2], "--out", out.toString(), mode);
                assertEquals(2, o.status(), kind[1] + " " + mode + ": " + o.err());
                assertTrue(o.err().endsWith("crisis " + kind[1] + ": " + work + " holds an interrupted crisis " + kind[3]
                        + "; finish it by running the crisis " + kind[4] + " command that started it again (its " + kind[3]
                        + " file, --out " + out + ("calibration".equals(kind[3]) ? ", the same fold options" : ", the same --shard if any") + "), or remove "
                        + work + " to give up its " + kind[5] + "\n"), kind[1] + " " + mode + ": " + o.err());
                assertEquals("0,0,1,2\tdeadbeef\n", Files.readString(work.resolve("journal-0001.log")), kind[1] + " " + mode);
                assertTrue(Files.isRegularFile(work.resolve(kind[0])), kind[1] + " " + mode);
                assertFalse(Files.exists(out), kind[1] + " " + mode);
            }
            org.crisis.io.WorkDirectory.delete(work);
        }
    }

    /** --held-out-ensembles is the file's ensemble.heldOut: the same files, and a line for the drawn forecasts. */
    @Test
    void heldOutEnsemblesFromTheCommandLineEqualTheFilesSetting() throws Exception {
        Path plain = CalibrationFixtures.calibration(dir.resolve("plain"), BODY);
        Path set = CalibrationFixtures.calibration(dir.resolve("set"), BODY + "ensemble: { heldOut: true }\n");
        Outcome flag = crisis("calibrate", plain.toString(), "--folds", "--held-out-ensembles", "--out",
                dir.resolve("flag").toString(), "--quiet");
        Outcome file = crisis("calibrate", set.toString(), "--folds", "--out", dir.resolve("file").toString(), "--quiet");
        assertEquals(0, flag.status(), flag.err());
        assertEquals(0, file.status(), file.err());
        assertTrue(flag.out().matches("(?s).*out of sample \\(all of 3 folds\\), runs drawn from each fold's ensemble: \\d of 4"
                + " patterns pass \\([0-9.]+ %, 95 % interval [0-9.]+–[0-9.]+ %\\); [-+][0-9.]+ points against the folds' best sets"
                + " \\(paired 95 % interval [-+][0-9.]+ to [-+][0-9.]+\\), by resampling cases\n.*"), flag.out());
        for (String name : List.of("folds.csv", "folds-posterior.csv", "candidates.csv", "posterior.csv")) {
            assertEquals(Files.readString(dir.resolve("file").resolve(name)), Files.readString(dir.resolve("flag").resolve(name)),
                    name);
        }
        assertEquals(2, crisis("calibrate", "--merge-folds", "--held-out-ensembles", dir.resolve("flag").toString()).status());
        Outcome alone = crisis("calibrate", plain.toString(), "--held-out-ensembles", "--out", dir.resolve("alone").toString());
        assertEquals(2, alone.status());
        assertTrue(alone.err().contains("--held-out-ensembles scores the folds' held-out cases: give --folds [K] or --fold I/K"),
                alone.err());
        assertFalse(Files.exists(dir.resolve("alone")));

        // folds run apart must all have it or none: a merge of mixed tasks is refused
        Path mixed = dir.resolve("mixed");
        for (int f = 0; f <= 3; f++) {
            List<String> args = new ArrayList<>(List.of("calibrate", plain.toString(), "--fold", f + "/3", "--out",
                    mixed.resolve("f" + f).toString(), "--quiet"));
            if (f == 1) {
                args.add("--held-out-ensembles");
            }
            assertEquals(0, crisis(args.toArray(new String[0])).status());
        }
        Outcome merged = crisis("calibrate", "--merge-folds", mixed.resolve("f0").toString(), mixed.resolve("f1").toString(),
                mixed.resolve("f2").toString(), mixed.resolve("f3").toString(), "--out", mixed.resolve("m").toString());
        assertEquals(2, merged.status());
        assertTrue(merged.err().contains("one ran with ensemble.heldOut (--held-out-ensembles) and the other without"),
                merged.err());
    }

    @Test
    void theOpeningLineNamesSeveralStartsAndNotOne() throws Exception {
        Outcome one = crisis("calibrate", CalibrationFixtures.calibration(dir, BODY.replace("folds: 3\n", "")).toString(),
                "--out", dir.resolve("one").toString(), "--quiet");
        assertEquals(0, one.status(), one.err());
        assertTrue(one.out().contains("CMA-ES, population 4, budget 3 candidates"), one.out());
        Outcome three = crisis("calibrate", CalibrationFixtures.calibration(dir, BODY.replace("folds: 3\n", "")
                + "method: { name: cmaes, starts: 3 }\n").toString(), "--out", dir.resolve("three").toString(), "--quiet");
        assertEquals(0, three.status(), three.err());
        assertTrue(three.out().contains("CMA-ES, population 4, 3 starts, budget 3 candidates"), three.out());
    }

    @Test
    void aBestValueAtTheEndOfItsRangeIsFlaggedInBestYamlOnTheTerminalAndInTheReport() throws Exception {
        // one candidate, the start, set at the range's minimum: the search cannot have left it
        Path file = CalibrationFixtures.calibration(dir, BODY.replace("scale: log }", "scale: log, start: 0.05 }")
                .replace("budget: 3", "budget: 1").replace("folds: 3\n", ""));
        Path out = dir.resolve("edge");
        Outcome o = crisis("calibrate", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        String note = "parameters.grievanceGain: at the end of its range (min 0.05); the search pressed against it: widen the"
                + " range where the model and the ladder's order allow.";
        assertTrue(Files.readString(out.resolve("best.yaml")).contains("# Note: " + note), Files.readString(out.resolve("best.yaml")));
        assertTrue(o.err().contains("crisis calibrate: " + note), o.err());
        Outcome report = crisis("report", out.toString(), "--out", dir.resolve("edge-report").toString());
        assertEquals(0, report.status(), report.err());
        List<String> rows = Files.readAllLines(dir.resolve("edge-report").resolve("report-calibration-parameters.csv"));
        assertTrue(rows.get(0).endsWith(",sets,at_range_end"), rows.get(0));
        assertTrue(rows.get(1).startsWith("parameters.grievanceGain,") && rows.get(1).endsWith(",min"), rows.get(1));
        assertTrue(Files.readString(dir.resolve("edge-report").resolve("report.html")).contains("widen the range where the model"));
    }

    @Test
    void aWholeNumberAtTheFirstWholeNumberOfItsRangeIsAtItsEndToo() throws Exception {
        // 10 stands for the coordinates 0 to 0.2 of the range 10..14: judged by the value, not by the coordinate
        Path file = CalibrationFixtures.calibration(dir, BODY.replace("parameters.grievanceGain: { min: 0.05, max: 4, scale: log }",
                "parameters.memory: { min: 9.5, max: 14, start: 10 }").replace("budget: 3", "budget: 1").replace("folds: 3\n", ""));
        Outcome o = crisis("calibrate", file.toString(), "--out", dir.resolve("whole").toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("crisis calibrate: parameters.memory: at the end of its range (min 10)"), o.err());
        Outcome report = crisis("report", dir.resolve("whole").toString(), "--out", dir.resolve("whole-report").toString());
        assertEquals(0, report.status(), report.err());
        List<String> rows = Files.readAllLines(dir.resolve("whole-report").resolve("report-calibration-parameters.csv"));
        assertTrue(rows.get(1).startsWith("parameters.memory,") && rows.get(1).endsWith(",min"), rows.get(1));
    }

    @Test
    void filesOfACaseDirectoryThatAreNotCasesAreSaidToBeSkipped() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, BODY.replace("budget: 3", "budget: 1").replace("folds: 3\n", ""));
        Path plain = Files.writeString(dir.resolve("cases/plain.yaml"), "name: plain\ndays: 10\ncountries: [{id: AAA}, {id: BBB}]\n");
        Path sweep = Files.writeString(dir.resolve("cases/sweep.yaml"), "scenario: a.yaml\ndesign: grid\nvary:\n"
                + "  parameters.grievanceGain: {values: [0.1, 0.2]}\n");
        Outcome o = crisis("calibrate", file.toString(), "--out", dir.resolve("skip").toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains(plain + ": no expect: block, skipped"), o.err());
        assertTrue(o.err().contains(sweep + ": a sweep file, not a case, skipped"), o.err());
    }

    @Test
    void aCrossValidationPrintsTheOutOfSamplePassRateWithTheInSampleRateBesideIt() throws Exception {
        Path file = CalibrationFixtures.calibration(dir, BODY);
        Path out = dir.resolve("out");
        Outcome o = crisis("calibrate", file.toString(), "--folds", "--threads", "2", "--budget", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("all cases and 3 folds"), o.out());
        assertTrue(o.out().matches("(?s).*in sample \\(fit on all cases\\): \\d of 4 patterns pass.*"), o.out());
        assertTrue(o.out().matches("(?s).*out of sample \\(all of 3 folds\\): \\d of 4 patterns pass \\([0-9.]+ %, 95 % interval [0-9.]+–[0-9.]+ %"
                + " by resampling cases\\);"
                + " in sample at the same fits: \\d+ of 8 .*"), o.out());
        assertTrue(o.out().contains("results: " + out), o.out());
        assertTrue(o.err().contains("crisis calibrate: the held-out figures rest on 3 cases: an interval by resampling fewer than"
                + " 20 cases is too narrow to trust"), o.err());
        // the report recomputes the interval from folds.csv: the same as the manifest's
        JsonNode manifest = SweepRunner.JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals(org.crisis.scenario.StateRecords.shipped().sha256(), manifest.path("state_records").path("sha256").asText(),
                "the states' records table the cases read");
        JsonNode results = manifest.path("results");
        JsonNode ci = results.path("out_of_sample").path("interval_95");
        // the best values are numbers, as best.yaml writes them
        results.path("fits").forEach(fit -> fit.path("best").forEach(v -> assertTrue(v.isNumber(), "a number: " + v)));
        assertTrue(results.path("fits").get(0).path("best").size() > 0, "the fit on all cases has its best values");
        Outcome report = crisis("report", out.toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.status(), report.err());
        assertTrue(Files.readString(dir.resolve("report").resolve("report.html")).contains(String.format(Locale.ROOT,
                "95 %% interval %.1f\u00a0%% to %.1f\u00a0%% by resampling the held-out cases", 100 * ci.get(0).asDouble(),
                100 * ci.get(1).asDouble())), "report and manifest agree");
        assertTrue(Files.readString(dir.resolve("report").resolve("report.html")).contains("by resampling the held-out cases, of which"
                + " there are 3: too few for the interval to be trusted"), "and the page says how little three cases can say");
        Outcome inTheWay = crisis("calibrate", file.toString(), "--folds", "--out", out.toString(), "--quiet");
        assertEquals(2, inTheWay.status(), "an existing results directory is not overwritten");
        assertEquals("", inTheWay.out(), "the refusal is all that is said, no plan of a calibration that will not run");
        assertTrue(inTheWay.err().contains("already exists and is not an empty directory (it holds the finished results of crisis"
                + " calibrate " + file + " --folds --threads 2 --budget 2 --out " + out + " --quiet, by its manifest.json); choose another --out, or move "
                + out + " away to run it again"), inTheWay.err());
        // the folds merged
        for (int f = 1; f <= 3; f++) {
            Outcome part = crisis("calibrate", file.toString(), "--fold", f + "/3", "--budget", "2", "--out",
                    dir.resolve("part-" + f).toString(), "--quiet");
            assertEquals(0, part.status(), part.err());
            assertTrue(part.out().contains("out of sample (1 of 3 folds only): "), part.out());
        }
        // a fold alone is reported as one fold of three, not as a cross-validation of one fold
        Outcome alone = crisis("report", dir.resolve("part-1").toString(), "--out", dir.resolve("report-1").toString());
        assertEquals(0, alone.status(), alone.err());
        String aloneHtml = Files.readString(dir.resolve("report-1").resolve("report.html"));
        assertTrue(aloneHtml.contains("Out of sample (fold 1 of 3 only, not the whole cross-validation, each case"), aloneHtml);
        assertFalse(aloneHtml.contains("1 folds"));
        Outcome compared = crisis("report", out.toString(), dir.resolve("part-1").toString(), "--out",
                dir.resolve("compared").toString());
        assertEquals(0, compared.status(), compared.err());
        assertTrue(Files.readString(dir.resolve("compared").resolve("report-calibration-comparison.csv"))
                .contains("\npart-1 (fold 1 of 3 only),"), "its label says so");
        Outcome m = crisis("calibrate", "--merge-folds", dir.resolve("part-1").toString(), dir.resolve("part-2").toString(),
                dir.resolve("part-3").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, m.status(), m.err());
        assertTrue(m.out().contains("out of sample (all of 3 folds)"), m.out());
        assertEquals(line(o.out(), "out of sample"), line(m.out(), "out of sample"), "the same folds give the same headline");
        assertEquals(Files.readString(out.resolve("folds.csv")), Files.readString(dir.resolve("merged").resolve("folds.csv")));
        // the merged timings span the folds and sum their work
        JsonNode merged = SweepRunner.JSON.readTree(dir.resolve("merged").resolve("manifest.json").toFile()).path("timings");
        long evaluations = 0;
        String lastEnd = "";
        for (int f = 1; f <= 3; f++) {
            JsonNode t = SweepRunner.JSON.readTree(dir.resolve("part-" + f).resolve("manifest.json").toFile()).path("timings");
            evaluations += t.path("evaluations_this_session").asLong();
            lastEnd = t.path("ended").asText().compareTo(lastEnd) > 0 ? t.path("ended").asText() : lastEnd;
        }
        assertEquals(evaluations, merged.path("evaluations_this_session").asLong());
        assertEquals(lastEnd, merged.path("ended").asText(), "the last fold's end, not the first's");
        assertEquals(3, merged.path("sessions").asInt());
        Outcome again = crisis("calibrate", "--merge-folds", dir.resolve("part-1").toString(), dir.resolve("part-2").toString(),
                dir.resolve("part-3").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(2, again.status(), "a results directory in the way is invalid input, as for a calibration");
        assertTrue(again.err().contains("already exists and is not an empty directory"), again.err());
        Outcome refused = crisis("calibrate", "--merge-folds", dir.resolve("part-1").toString(), "--out", dir.resolve("m2").toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("missing folds 2, 3 of 3"), refused.err());
        // a fold run by a build with another states' records table is not merged with the others
        Path third = dir.resolve("part-3").resolve("manifest.json");
        JsonNode m3 = SweepRunner.JSON.readTree(third.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) m3).putObject("state_records").put("sha256", "0".repeat(64));
        SweepRunner.JSON.writeValue(third.toFile(), m3);
        Outcome tables = crisis("calibrate", "--merge-folds", dir.resolve("part-1").toString(), dir.resolve("part-2").toString(),
                dir.resolve("part-3").toString(), "--out", dir.resolve("m3").toString());
        assertEquals(2, tables.status());
        assertTrue(tables.err().contains("the states' records tables the folds read differ"), tables.err());
        assertFalse(Files.exists(dir.resolve("m3")));
    }

    @Test
    void theShippedQuickCalibrationRunsEndToEndAndItsReportIsWritten() throws Exception {
        Path out = dir.resolve("quick");
        Outcome o = crisis("calibrate", "scenarios/calibration/quick.yaml", "--folds", "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        for (String file : List.of("manifest.json", "candidates.csv", "best.yaml", "posterior.csv", "patterns.csv", "folds.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        List<String> candidates = Files.readAllLines(out.resolve("candidates.csv"));
        assertEquals(1 + 3 * 12, candidates.size(), "three fits of 12 candidates");
        // it starts where the two crises of 2024 end in ruptures, so the fit on all cases has something to find
        List<String> header = List.of(candidates.get(0).split(","));
        List<String[]> all = candidates.stream().skip(1).map(l -> l.split(",")).filter(r -> r[0].equals("0")).toList();
        int loss = header.indexOf("loss");
        int passes = header.indexOf("passes");
        double first = Double.parseDouble(all.get(0)[loss]);
        double best = all.stream().mapToDouble(r -> Double.parseDouble(r[loss])).min().orElseThrow();
        assertTrue(first > 4 * best, "the start's loss " + first + " against the best " + best);
        assertTrue(all.stream().mapToInt(r -> Integer.parseInt(r[passes])).max().orElseThrow()
                > Integer.parseInt(all.get(0)[passes]), "the search passes more patterns than its start");
        assertEquals(0, crisis("report", out.toString()).status());
        assertTrue(Files.readString(out.resolve("report.html")).contains("data-chart=\"loss\""));
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("(no line starting " + start + ")");
    }
}

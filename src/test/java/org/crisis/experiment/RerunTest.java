package org.crisis.experiment;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.cli.Cli.Outcome;
import org.crisis.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crisis rerun DIR}: a run set made again from its manifest alone (the scenario file
 * gone, --set and --seed honoured, the ensemble of --parameters-from checked by its hash),
 * and each file compared with the original's.
 */
class RerunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void aRunSetIsMadeAgainFromItsManifestAloneAndEveryFileIsIdentical() throws Exception {
        Path scenario = dir.resolve("case.yaml");
        Files.writeString(scenario, CalibrationFixtures.caseFile("case-a", CalibrationFixtures.DOWNGRADED));
        Path original = dir.resolve("original");
        Outcome run = crisis("run", scenario.toString(), "--runs", "30", "--seed", "7", "--keep", "4",
                "--set", "parameters.grievanceDecay=0.03", "--set", "countries.RED.hawkishness=0.9",
                "--out", original.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Files.delete(scenario); // the manifest embeds the scenario as it was run
        Path again = dir.resolve("again");
        Outcome o = crisis("rerun", original.toString(), "--out", again.toString(), "--quiet", "--threads", "1");
        assertEquals(0, o.status(), o.out() + o.err());
        for (String file : List.of("runs.csv", "summary.json", "events.csv", "trajectories.csv", "ensemble.csv")) {
            assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith(file) && l.trim().endsWith("identical")), o.out());
            assertEquals(Files.readString(original.resolve(file)), Files.readString(again.resolve(file)), file);
        }
        assertTrue(o.out().contains("30 runs again, master seed 7"), o.out());
        assertTrue(o.out().contains("identical: the rerun reproduces " + original), o.out());
        JsonNode a = JSON.readTree(original.resolve("manifest.json").toFile());
        JsonNode b = JSON.readTree(again.resolve("manifest.json").toFile());
        for (String field : List.of("resolved_scenario_sha256", "scenario_sha256", "overrides", "parameters", "runs",
                "master_seed", "kept_runs")) {
            assertEquals(a.path(field), b.path(field), field);
        }
        assertEquals(0.9, b.path("scenario").path("countries").get(0).path("hawkishness").asDouble(), 1e-12);
        // the states' records table the runs read is named, and a rerun compares it
        assertEquals(org.crisis.scenario.StateRecords.shipped().sha256(), a.path("state_records").path("sha256").asText());
        assertEquals(a.path("state_records"), b.path("state_records"));
        assertTrue(Rerun.DEFINITION.contains("state_records"));
        assertEquals("rerun", b.path("command").get(1).asText());
        // an ensemble named for a run set that drew from none is refused, not ignored
        Outcome stray = crisis("rerun", original.toString(), "--parameters-from", dir.toString(), "--out",
                dir.resolve("stray").toString(), "--quiet");
        assertEquals(2, stray.status(), stray.out() + stray.err());
        assertTrue(stray.err().contains("--parameters-from: the run set drew no parameters from an ensemble"), stray.err());
        assertFalse(Files.exists(dir.resolve("stray")));
    }

    @Test
    void aFileThatDiffersIsNamedWithItsFirstDifferentLineAndTheExitStatusIsOne() throws Exception {
        Path scenario = dir.resolve("case.yaml");
        Files.writeString(scenario, CalibrationFixtures.caseFile("case-a", CalibrationFixtures.DOWNGRADED));
        Path original = dir.resolve("original");
        assertEquals(0, crisis("run", scenario.toString(), "--runs", "10", "--out", original.toString(), "--quiet").status());
        List<String> lines = Files.readAllLines(original.resolve("runs.csv"));
        lines.set(3, lines.get(3) + "0");
        Files.write(original.resolve("runs.csv"), lines);
        Outcome o = crisis("rerun", original.toString(), "--out", dir.resolve("again").toString(), "--quiet");
        assertEquals(1, o.status(), o.out() + o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith("runs.csv") && l.trim().endsWith("differs from line 4")),
                o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith("events.csv") && l.trim().endsWith("identical")), o.out());
        assertTrue(o.out().contains("different: the rerun does not reproduce"), o.out());
        // a file whose lines are all the same but whose line endings are not is said to be so, not named by a line past its end
        Files.writeString(original.resolve("events.csv"), Files.readString(original.resolve("events.csv")).replace("\n", "\r\n"));
        Outcome endings = crisis("rerun", original.toString(), "--out", dir.resolve("again-2").toString(), "--quiet");
        assertEquals(1, endings.status(), endings.out() + endings.err());
        assertTrue(endings.out().lines().anyMatch(l -> l.trim().startsWith("events.csv")
                && l.trim().endsWith("the same lines, with different line endings")), endings.out());
    }

    @Test
    void aRunSetThatDrewFromAnEnsembleDrawsTheSameSetsFromTheCalibrationItNames() throws Exception {
        Path calibration = CalibrationFixtures.ensemble(dir.resolve("calib"),
                new String[][] {{"0.3", "0.6"}, {"0.9", "0.5"}, {"0.12", "0.9"}}, new double[] {0.5, 0.3, 0.2});
        Path scenario = dir.resolve("case.yaml");
        Files.writeString(scenario, CalibrationFixtures.caseFile("case-a", CalibrationFixtures.DOWNGRADED));
        Path original = dir.resolve("original");
        Outcome run = crisis("run", scenario.toString(), "--runs", "40", "--parameters-from", calibration.toString(),
                "--out", original.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        Outcome o = crisis("rerun", original.toString(), "--out", dir.resolve("again").toString(), "--quiet");
        assertEquals(0, o.status(), o.out() + o.err());
        assertEquals(Files.readString(original.resolve("runs.csv")), Files.readString(dir.resolve("again").resolve("runs.csv")));
        assertTrue(Files.readString(original.resolve("runs.csv")).lines().skip(1).map(l -> l.split(",")[3]).distinct().count() > 1,
                "the runs drew more than one set");

        // the calibration moved: said, and found where it is now
        Path moved = Files.move(calibration, dir.resolve("moved"));
        Path nowhere = dir.resolve("again2");
        Outcome lost = crisis("rerun", original.toString(), "--out", nowhere.toString(), "--quiet");
        assertEquals(2, lost.status(), lost.out() + lost.err());
        assertTrue(lost.err().contains("the runs drew their parameters from " + calibration + ", which is not there any more;"
                + " give --parameters-from"), lost.err());
        assertFalse(Files.exists(nowhere));
        assertEquals(0, crisis("rerun", original.toString(), "--parameters-from", moved.toString(), "--out",
                dir.resolve("again3").toString(), "--quiet").status());

        // another ensemble in its place is refused, before anything is run
        Files.writeString(moved.resolve("posterior.csv"), Files.readString(moved.resolve("posterior.csv")).replace("0.5\n", "0.6\n"));
        Outcome other = crisis("rerun", original.toString(), "--parameters-from", moved.toString(), "--out",
                dir.resolve("again4").toString(), "--quiet");
        assertEquals(2, other.status(), other.out() + other.err());
        assertTrue(other.err().contains("posterior.csv is not the one the runs drew from"), other.err());
        assertFalse(Files.exists(dir.resolve("again4")));
    }

    @Test
    void aSweepAShardAndAMergedSweepAreRunAgainFromTheirInputsAndCompared() throws Exception {
        Path file = SweepFixtures.sweep(dir, """
                design: grid
                replications: 3
                seed: 11
                vary:
                  parameters.grievanceDecay: {values: [0.01, 0.05]}
                """ + SweepFixtures.OUTCOMES);
        Path whole = dir.resolve("whole");
        assertEquals(0, crisis("sweep", file.toString(), "--out", whole.toString(), "--quiet").status());
        Path first = dir.resolve("part-1");
        Path part = dir.resolve("part-2");
        assertEquals(0, crisis("sweep", file.toString(), "--shard", "1/2", "--out", first.toString(), "--quiet").status());
        assertEquals(0, crisis("sweep", file.toString(), "--shard", "2/2", "--out", part.toString(), "--quiet").status());
        Path merged = dir.resolve("merged");
        assertEquals(0, crisis("merge", first.toString(), part.toString(), "--out", merged.toString()).status());
        // the files they were run from are gone: the rerun reads the copies in inputs/
        Files.delete(file);
        Files.delete(dir.resolve("tiny.yaml"));
        Outcome o = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again").toString(), "--quiet", "--threads", "1");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("sweep: 6 runs of the sweep again, master seed 11"), o.out()); // the sweep is named by its file
        for (String f : List.of("manifest.json (the sweep's definition)", "points.csv", "runs.csv")) {
            assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith(f) && l.trim().endsWith("identical")), f + ": " + o.out());
        }
        assertTrue(o.out().contains("identical: the rerun reproduces " + whole), o.out());

        // one shard is run again as that shard; a merged sweep as the whole
        Outcome shard = crisis("rerun", part.toString(), "--out", dir.resolve("part-again").toString(), "--quiet");
        assertEquals(0, shard.status(), shard.out() + shard.err());
        assertTrue(shard.out().contains("3 runs of the sweep again (shard 2/2)"), shard.out());
        Outcome m = crisis("rerun", merged.toString(), "--out", dir.resolve("merged-again").toString(), "--quiet");
        assertEquals(0, m.status(), m.out() + m.err());
        assertTrue(m.out().contains("6 runs of the sweep again, master seed 11"), m.out());

        // a result file that differs is named, with its first different line; exit 1
        editedFileIsNamed(whole, "points.csv", 3, "runs.csv");
        // a sweep whose manifest names another states' records table is said to differ in its definition
        JsonNode manifest = new ObjectMapper().readTree(merged.resolve("manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest).putObject("state_records").put("sha256", "0".repeat(64));
        new ObjectMapper().writeValue(merged.resolve("manifest.json").toFile(), manifest);
        Outcome t = crisis("rerun", merged.toString(), "--out", dir.resolve("merged-again-2").toString(), "--quiet");
        assertEquals(1, t.status(), t.out() + t.err());
        assertTrue(t.out().lines().anyMatch(l -> l.trim().startsWith("manifest.json (the sweep's definition)")
                && l.trim().endsWith("differs in state_records.sha256")), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.trim().startsWith("runs.csv") && l.trim().endsWith("identical")), t.out());
        Outcome withDraws = crisis("rerun", whole.toString(), "--parameters-from", dir.toString());
        assertEquals(2, withDraws.status());
        assertTrue(withDraws.err().contains("--parameters-from: a sweep draws no parameters from an ensemble"), withDraws.err());
    }

    @Test
    void aCalibrationAndOneOfItsFoldsAreRunAgainFromTheirInputsAndCompared() throws Exception {
        Path file = library(6, 5, 2);
        Path whole = dir.resolve("whole");
        Outcome fit = crisis("calibrate", file.toString(), "--folds", "3", "--out", whole.toString(), "--quiet", "--threads", "2");
        assertEquals(0, fit.status(), fit.out() + fit.err());
        Path fold = dir.resolve("fold-2");
        assertEquals(0, crisis("calibrate", file.toString(), "--fold", "2/3", "--out", fold.toString(), "--quiet").status());
        List<Path> parts = new java.util.ArrayList<>();
        for (String i : List.of("1", "3")) {
            Path part = dir.resolve("fold-" + i);
            assertEquals(0, crisis("calibrate", file.toString(), "--fold", i + "/3", "--out", part.toString(), "--quiet").status());
            parts.add(part);
        }
        Path merged = dir.resolve("merged");
        assertEquals(0, crisis("calibrate", "--merge-folds", parts.get(0).toString(), fold.toString(), parts.get(1).toString(),
                "--out", merged.toString()).status());
        // the calibration file and its cases are gone: the rerun reads the copies in inputs/, on another number of threads
        org.crisis.io.WorkDirectory.delete(dir.resolve("library"));
        Outcome o = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again").toString(), "--quiet", "--threads", "1");
        assertEquals(0, o.status(), o.out() + o.err());
        // six candidates in each of the four fits, and the three held-out folds' scorings
        assertTrue(o.out().contains("calibration: all cases and 3 folds again (27 evaluations), master seed 5"), o.out());
        for (String f : List.of("manifest.json (the calibration's definition)", "candidates.csv", "best.yaml", "posterior.csv",
                "patterns.csv", "folds.csv")) {
            assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith(f) && l.trim().endsWith("identical")), f + ": " + o.out());
        }
        assertTrue(o.out().contains("identical: the rerun reproduces " + whole), o.out());
        // its messages are signed by the command that printed them
        assertTrue(o.err().contains("crisis rerun: all cases: best loss"), o.err());
        assertTrue(o.err().contains("crisis rerun: fold 3/3: best loss"), o.err());
        assertFalse(o.err().contains("crisis calibrate"), o.err());
        Outcome one = crisis("rerun", fold.toString(), "--out", dir.resolve("fold-again").toString(), "--quiet");
        assertEquals(0, one.status(), one.out() + one.err());
        assertTrue(one.out().contains("calibration: fold 2/3 again (7 evaluations)"), one.out());
        assertFalse(one.out().contains("best.yaml"), "a fold's directory has no fit on all cases: " + one.out());

        // a result file that differs is named, with its first different line; exit 1
        editedFileIsNamed(whole, "candidates.csv", 4, "folds.csv");
        // and the builds that made the directory are named: here a resumed calibration's two sessions
        ObjectNode manifest = (ObjectNode) JSON.readTree(whole.resolve("manifest.json").toFile());
        String build = manifest.path("version").asText();
        manifest.putArray("session_versions").add("0.0.9+0123456789ab").add(build);
        Files.writeString(whole.resolve("manifest.json"), manifest.toPrettyString());
        Outcome two = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again-4").toString(), "--quiet");
        assertEquals(1, two.status(), two.out() + two.err());
        assertTrue(two.out().contains("different: the rerun does not reproduce " + whole + " (made by crisis 0.0.9+0123456789ab and "
                + Provenance.named(build) + ", rerun by "), two.out());

        // a copy that is not what ran, and folds merged without the fit on all cases: refused, nothing written
        Path copy = whole.resolve("inputs").resolve("cases").resolve("case-b.yaml");
        Files.writeString(copy, Files.readString(copy).replace("severity: 2", "severity: 3"));
        Outcome changed = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again-3").toString(), "--quiet");
        assertEquals(2, changed.status(), changed.out() + changed.err());
        assertTrue(changed.err().contains(whole.resolve("inputs") + ": does not hold the files the calibration ran (the SHA-256 of"
                + " cases/case-b.yaml differs from the manifest's)"), changed.err());
        // one that no longer reads as a case is said the same way, before it is read; one that is gone is named
        Files.writeString(copy, "name: [");
        Outcome broken = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again-3").toString(), "--quiet");
        assertEquals(2, broken.status(), broken.out() + broken.err());
        assertTrue(broken.err().contains("the SHA-256 of cases/case-b.yaml differs from the manifest's"), broken.err());
        Files.delete(copy);
        Outcome gone = crisis("rerun", whole.toString(), "--out", dir.resolve("whole-again-3").toString(), "--quiet");
        assertEquals(2, gone.status(), gone.out() + gone.err());
        assertTrue(gone.err().contains(whole.resolve("inputs") + ": lacks cases/case-b.yaml: the calibration cannot be run"
                + " again from this directory"), gone.err());
        Outcome partial = crisis("rerun", merged.toString(), "--out", dir.resolve("merged-again").toString(), "--quiet");
        assertEquals(2, partial.status(), partial.out() + partial.err());
        assertTrue(partial.err().contains("folds merged without the fit on all cases: rerun each fold's own directory"),
                partial.err());
        assertFalse(Files.exists(dir.resolve("whole-again-3")) || Files.exists(dir.resolve("merged-again")));
        // without --out a rerun has a directory of its own, and so a work directory of its own beside it: never the
        // results/.NAME-folds-K.incomplete that an interrupted crisis calibrate of the same name would resume
        Rerun.CalibrationSource source = Rerun.readCalibration(fold);
        Path target = source.defaultOut(dir, java.time.Instant.parse("2026-12-06T10:00:00Z"));
        assertEquals(dir.resolve("calibration-fold-2-of-3-rerun-20261206-100000"), target);
        assertEquals(dir.resolve(".calibration-fold-2-of-3-rerun-20261206-100000.incomplete"),
                org.crisis.io.WorkDirectory.workFor(target));
        Outcome withDraws = crisis("rerun", whole.toString(), "--parameters-from", dir.toString());
        assertEquals(2, withDraws.status());
        assertTrue(withDraws.err().contains("--parameters-from: a calibration draws no parameters from an ensemble"),
                withDraws.err());
    }

    @Test
    void aCalibrationRunWithHeldOutEnsemblesAndAnotherBudgetIsRunAgainAsItRan() throws Exception {
        Path file = library(9, 7, 5);
        Path out = dir.resolve("cv");
        Outcome fit = crisis("calibrate", file.toString(), "--folds", "3", "--held-out-ensembles", "--budget", "5",
                "--out", out.toString(), "--quiet");
        assertEquals(0, fit.status(), fit.out() + fit.err());
        assertTrue(Files.exists(out.resolve("folds-posterior.csv")));
        Outcome o = crisis("rerun", out.toString(), "--out", dir.resolve("cv-again").toString(), "--quiet");
        assertEquals(0, o.status(), o.out() + o.err());
        for (String f : List.of("manifest.json (the calibration's definition)", "candidates.csv", "folds.csv",
                "folds-posterior.csv")) {
            assertTrue(o.out().lines().anyMatch(l -> l.trim().startsWith(f) && l.trim().endsWith("identical")), f + ": " + o.out());
        }
        JsonNode again = JSON.readTree(dir.resolve("cv-again").resolve("manifest.json").toFile());
        assertEquals(5, again.path("calibration").path("budget").asInt(), "the budget the calibration ran, not the file's");
        assertTrue(again.path("calibration").path("ensemble").path("held_out").asBoolean(), again.toString());
    }

    /** Edits line {@code line} (from 1) of a result file, reruns, and checks the file is named there and another is not. */
    private void editedFileIsNamed(Path original, String file, int line, String untouched) throws Exception {
        List<String> lines = Files.readAllLines(original.resolve(file));
        lines.set(line - 1, lines.get(line - 1) + "9");
        Files.write(original.resolve(file), lines);
        Outcome d = crisis("rerun", original.toString(), "--out", dir.resolve(original.getFileName() + "-again-2").toString(),
                "--quiet");
        assertEquals(1, d.status(), d.out() + d.err());
        assertTrue(d.out().lines().anyMatch(l -> l.trim().startsWith(file) && l.trim().endsWith("differs from line " + line)),
                d.out());
        assertTrue(d.out().lines().anyMatch(l -> l.trim().startsWith(untouched) && l.trim().endsWith("identical")), d.out());
        assertTrue(d.out().contains("different: the rerun does not reproduce " + original), d.out());
    }

    /** A calibration of the grievance gain on the three fixture cases, in library/ (10 runs a case). */
    private Path library(int budget, long seed, double tolerance) throws Exception {
        return CalibrationFixtures.calibration(dir.resolve("library"), """
                parameters:
                  parameters.grievanceGain: { min: 0.1, max: 1.6, scale: log, start: 0.4 }
                budget: %d
                seed: %d
                runs: 10
                ensemble: { tolerance: %s }
                """.formatted(budget, seed, tolerance));
    }

    @Test
    void aDirectoryThatIsNotARunSetIsRefusedWithWhatToDoInstead() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve("manifest.json"), "{\"tool\": \"crisis\", \"sweep\": {\"name\": \"s\"}}");
        Outcome o = crisis("rerun", sweep.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(sweep.resolve("inputs") + ": not the copies a sweep keeps of its sweep file and, in"
                + " scenario/, its scenario file: the sweep cannot be run again from this directory"), o.err());
        Path calibration = Files.createDirectories(dir.resolve("calibration"));
        Files.writeString(calibration.resolve("manifest.json"), "{\"tool\": \"crisis\", \"calibration\": {\"name\": \"c\"}}");
        Outcome c = crisis("rerun", calibration.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, c.status());
        assertTrue(c.err().contains(calibration.resolve("inputs") + ": not the copies a calibration keeps of its file and,"
                + " in cases/, its cases: the calibration cannot be run again from this directory"), c.err());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Outcome none = crisis("rerun", empty.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no manifest.json: not a results directory of crisis run"), none.err());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"tool\": ");
        Outcome bad = crisis("rerun", broken.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains(broken.resolve("manifest.json") + ":1:"), bad.err());
        assertTrue(bad.err().contains("not valid JSON"), bad.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}

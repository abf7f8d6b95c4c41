package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals that must leave nothing behind and say what is wrong, and a run that runs out of memory. */
class CommandEdgesTest {
    @TempDir
    Path dir;

    private static final Path RUN_SET = Path.of("src/test/resources/report/base").toAbsolutePath();

    @Test
    void aReportOfARunThatWasNotKeptLeavesNoOutputDirectory() {
        Path out = dir.resolve("report");
        Cli.Outcome o = Cli.crisis("report", RUN_SET.toString(), "--run", "99999", "--out",
                out.toString());
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().startsWith("crisis report: --run 99999: only runs 0 to 3 were kept"), o.err());
        assertFalse(Files.exists(out), "no empty --out directory");
        assertFalse(Files.exists(dir.resolve(".report.incomplete")));
    }

    @Test
    void benchRefusesCountsItCannotMeasureWithExitStatus2AndNoFigures() {
        String seed = "scenarios/peru-mexico-asylum-2025.yaml";
        String[][] cases = {
            {"runs", seed, "--runs", "0"}, {"crisis bench runs: --runs must be at least 1, found 0"},
            {"runs", seed, "--warmup", "-1"}, {"crisis bench runs: --warmup must be at least 0, found -1"},
            {"runs", seed, "--quiet-jit", "-1"}, {"crisis bench runs: --quiet-jit must be 0 or more seconds, found -1.0"},
            {"runs", seed, "--threads", "0"}, {"crisis bench runs: --threads must be at least 1, found 0"},
            {"day", "--countries", "1,20"}, {"crisis bench day: --countries must all be at least 2 (a world needs a pair)"},
            {"day", "--repeats", "0"}, {"crisis bench day: --repeats must be at least 1, found 0"},
            {"day", "--days", "0"}, {"crisis bench day: --days must be at least 1, found 0"},
            {"day", "--triggers", "-1"}, {"crisis bench day: --triggers must be at least 0, found -1"},
        };
        for (int c = 0; c < cases.length; c += 2) {
            String[] args = new String[cases[c].length + 1];
            args[0] = "bench";
            System.arraycopy(cases[c], 0, args, 1, cases[c].length);
            Cli.Outcome o = Cli.crisis(args);
            assertEquals(2, o.status(), String.join(" ", args) + ": " + o.out());
            assertEquals(cases[c + 1][0] + "\n", o.err(), String.join(" ", args));
            assertEquals("", o.out(), String.join(" ", args));
        }
    }

    @Test
    void incompleteOrMistakenCommandLinesSayWhatIsMissingWithExitStatus2() {
        Cli.Outcome none = Cli.crisis();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("crisis: a command is required\nUsage: crisis"), none.err());
        assertEquals("", none.out());
        Cli.Outcome bench = Cli.crisis("bench");
        assertEquals(2, bench.status());
        assertTrue(bench.err().startsWith("crisis bench: a subcommand is required: runs or day\n"), bench.err());
        Cli.Outcome file = Cli.crisis("report", "scenarios/peru-mexico-asylum-2025.yaml");
        assertEquals(2, file.status());
        assertEquals("crisis report: scenarios/peru-mexico-asylum-2025.yaml is a file: crisis report takes results directories"
                + " (of crisis run, sweep, merge or calibrate)\n", file.err());
        Cli.Outcome empty = Cli.crisis("run", "scenarios/peru-mexico-asylum-2025.yaml", "--out", "");
        assertEquals(2, empty.status());
        assertEquals("crisis run: --out '' names no directory; give a new directory such as results/x\n", empty.err());
        Cli.Outcome report = Cli.crisis("report", RUN_SET.toString(), "--out", "");
        assertEquals(2, report.status());
        assertTrue(report.err().startsWith("crisis report: output path '' names no directory"), report.err());
        assertFalse(Files.exists(Path.of("report.html")), "nothing written where the command was run");
    }

    @Test
    void explainRefusesAPairOfACountryWithItself() {
        Cli.Outcome o = Cli.crisis("explain", RUN_SET.toString(), "--pair", "PER-PER");
        assertEquals(2, o.status(), o.out());
        assertEquals("crisis explain: expected a pair of two different countries (e.g. PER-MEX), found 'PER-PER'\n", o.err());
        assertEquals("", o.out());
    }

    @Test
    void runningOutOfMemoryEndsWithAClearMessageAndExitStatus1() throws Exception {
        Path scenario = dir.resolve("long.yaml");
        Files.writeString(scenario, ConcurrentWritersTest.TINY.replace("days: 30", "days: 100000"));
        Path out = dir.resolve("set");
        Processes.Started run = Processes.start(dir, List.of("-Xmx64m"), Main.class.getName(), "run", scenario.toString(),
                "--runs", "2", "--out", out.toString());
        assertEquals(1, run.waitFor(), run.stderr());
        String err = run.stderr();
        assertTrue(err.startsWith("crisis run: out of memory: the Java heap (at most "), err);
        assertTrue(err.contains("Give Java more (CRISIS_JAVA_OPTS=-Xmx4g ./crisis ..."), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve(".set.incomplete")), "the work directory is removed");
    }

    @Test
    void runSaysASweepOrCalibrationFileIsNotAScenario() {
        Path out = dir.resolve("x");
        Cli.Outcome sweep = Cli.crisis("run", "scenarios/sweeps/asylum-severity.yaml", "--out", out.toString());
        assertEquals(2, sweep.status(), sweep.err());
        assertEquals("crisis run: scenarios/sweeps/asylum-severity.yaml is a sweep file, not a scenario: use crisis sweep"
                + " scenarios/sweeps/asylum-severity.yaml\n", sweep.err());
        Cli.Outcome calibration = Cli.crisis("run", "scenarios/calibration/quick.yaml", "--out", out.toString());
        assertEquals(2, calibration.status(), calibration.err());
        assertTrue(calibration.err().startsWith("crisis run: scenarios/calibration/quick.yaml is a calibration file, not a"
                + " scenario: use crisis calibrate"), calibration.err());
        assertFalse(Files.exists(out));
        // each command names a file of another kind for what it is, before its own reader would list unknown fields
        Cli.Outcome sweepOfAScenario = Cli.crisis("sweep", "scenarios/peru-mexico-asylum-2025.yaml", "--out", out.toString());
        assertEquals(2, sweepOfAScenario.status());
        assertEquals("crisis sweep: scenarios/peru-mexico-asylum-2025.yaml is a scenario file, not a sweep: use crisis run"
                + " scenarios/peru-mexico-asylum-2025.yaml\n", sweepOfAScenario.err());
        Cli.Outcome calibrateASweep = Cli.crisis("calibrate", "scenarios/sweeps/asylum-severity.yaml", "--out", out.toString());
        assertEquals(2, calibrateASweep.status());
        assertTrue(calibrateASweep.err().startsWith("crisis calibrate: scenarios/sweeps/asylum-severity.yaml is a sweep file,"
                + " not a calibration: use crisis sweep"), calibrateASweep.err());
        Cli.Outcome benchACalibration = Cli.crisis("bench", "runs", "scenarios/calibration/quick.yaml");
        assertEquals(2, benchACalibration.status());
        assertTrue(benchACalibration.err().startsWith("crisis bench runs: scenarios/calibration/quick.yaml is a calibration file"),
                benchACalibration.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSweepWithItsVaryMisspelledIsCheckedAsASweep() throws Exception {
        // a scenario and a key of sweeps alone mark a sweep file even when what it varies is misnamed
        // and its design forgotten: the sweep reader's errors, not a scenario's missing countries
        Path sweep = Files.writeString(dir.resolve("typo.yaml"), """
                scenario: %s
                replications: 2
                factors:
                  parameters.audienceCost: { values: [10, 20] }
                outcomes: [severed:PER-MEX]
                """.formatted(Path.of("scenarios/peru-mexico-asylum-2025.yaml").toAbsolutePath()));
        Cli.Outcome check = Cli.crisis("check", sweep.toString());
        assertEquals(2, check.status(), check.err());
        assertTrue(check.err().contains("factors: unknown field 'factors'; expected one of scenario, design,"), check.err());
        assertTrue(check.err().contains("vary: required field is missing"), check.err());
        assertFalse(check.err().contains("countries"), check.err());
        assertTrue(check.err().contains("design: required field is missing"), check.err());

        // a run's summary.json names its scenario but is no sweep; nor is a calibration file with a stray scenario key
        Path summary = Files.writeString(dir.resolve("summary.json"), "{\"scenario\": \"x\", \"runs\": 3, \"outcomes\": {}}");
        Cli.Outcome run = Cli.crisis("run", summary.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, run.status(), run.err());
        assertFalse(run.err().contains("sweep"), run.err());
        Path calibration = Files.writeString(dir.resolve("cal.yaml"), "scenario: x\n"
                + Files.readString(Path.of("scenarios/calibration/quick.yaml")));
        Cli.Outcome cal = Cli.crisis("calibrate", calibration.toString(), "--out", dir.resolve("c").toString());
        assertEquals(2, cal.status(), cal.err());
        assertTrue(cal.err().contains("scenario: unknown field 'scenario'"), cal.err());
    }

    @Test
    void moreShardsThanRunsAreRefused() throws Exception {
        Path sweep = Files.writeString(dir.resolve("two-runs.yaml"), """
                scenario: %s
                design: grid
                vary:
                  days: { values: [10, 20] }
                outcomes: [severed:PER-MEX]
                """.formatted(Path.of("scenarios/peru-mexico-asylum-2025.yaml").toAbsolutePath()));
        Cli.Outcome o = Cli.crisis("sweep", sweep.toString(), "--shard", "3/5", "--quiet", "--out", dir.resolve("s").toString());
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("--shard 3/5: " + sweep + " has 2 runs, fewer than the 5 shards asked for, so some would be empty: split it into at most 2"), o.err());
        assertFalse(Files.exists(dir.resolve("s")), "nothing written");
    }

    @Test
    void moreThreadsThanRunsStillRunEveryRun() throws Exception {
        // 2^29 threads once overflowed the window of jobs in flight: the set was written with no runs and exit 0
        Path out = dir.resolve("many");
        Cli.Outcome o = Cli.crisis("run", "scenarios/peru-mexico-asylum-2025.yaml", "--runs", "5", "--threads", "536870912",
                "--quiet", "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals(6, Files.readAllLines(out.resolve("runs.csv")).size(), "a header and five runs");
    }

    @Test
    void aReportRefusesOptionsItsKindDoesNotReadAndMissingRunFiles() throws Exception {
        Cli.Outcome rank = Cli.crisis("report", RUN_SET.toString(), "--rank-by", "nosuch", "--out", dir.resolve("r1").toString());
        assertEquals(2, rank.status(), rank.err());
        assertEquals("crisis report: --rank-by nosuch: only a sweep's report ranks points; drop it here\n", rank.err());
        Cli.Outcome run = Cli.crisis("report", RUN_SET.toString(), RUN_SET.resolveSibling("decay").toString(), "--run", "999", "--out",
                dir.resolve("r2").toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("crisis report: --run: only the report of one run set"), run.err());
        Path calibration = Path.of(getClass().getResource("/report/calibration/manifest.json").toURI()).getParent();
        Cli.Outcome precision = Cli.crisis("report", calibration.toString(), "--precision", "0.01", "--out",
                dir.resolve("r3").toString());
        assertEquals(2, precision.status(), precision.err());
        assertEquals("crisis report: --precision: only reports of run sets and sweeps check convergence; drop it here\n",
                precision.err());
        assertFalse(Files.exists(dir.resolve("r3")), "nothing written");
        // a run set whose manifest says runs were kept, without their events: incomplete, not "no events"
        Path copy = dir.resolve("noevents");
        Files.createDirectories(copy);
        try (var files = Files.list(RUN_SET)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("events.csv")) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Cli.Outcome missing = Cli.crisis("report", copy.toString(), "--out", dir.resolve("r3").toString());
        assertEquals(2, missing.status(), missing.err());
        assertTrue(missing.err().contains("events.csv: missing, though manifest.json says 4 runs were kept"), missing.err());
        Files.writeString(copy.resolve("events.csv"), Files.readAllLines(RUN_SET.resolve("events.csv")).get(0) + "\n");
        Cli.Outcome truncated = Cli.crisis("report", copy.toString(), "--out", dir.resolve("r4").toString());
        assertEquals(2, truncated.status(), truncated.err());
        assertTrue(truncated.err().contains("events.csv: no rows for run"), truncated.err());
        assertFalse(Files.exists(dir.resolve("r3")) || Files.exists(dir.resolve("r4")));
    }

    @Test
    void theResolvedScenarioOfAManifestRunsAgainToTheSameResults() throws Exception {
        // manifest.json's scenario, every default filled in, is a scenario file: check accepts it and run reproduces the set
        Path first = dir.resolve("first");
        Cli.Outcome a = Cli.crisis("run", "scenarios/mexico-ecuador-embassy-raid-2024.yaml", "--runs", "8", "--seed", "5",
                "--quiet", "--out", first.toString());
        assertEquals(0, a.status(), a.err());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Path resolved = dir.resolve("resolved.json");
        mapper.writeValue(resolved.toFile(), mapper.readTree(first.resolve("manifest.json").toFile()).get("scenario"));
        Cli.Outcome check = Cli.crisis("check", resolved.toString());
        assertEquals(0, check.status(), check.err());
        Path second = dir.resolve("second");
        Cli.Outcome b = Cli.crisis("run", resolved.toString(), "--runs", "8", "--seed", "5", "--quiet", "--out", second.toString());
        assertEquals(0, b.status(), b.err());
        assertEquals(Files.readString(first.resolve("runs.csv")), Files.readString(second.resolve("runs.csv")));
        assertEquals(Files.readString(first.resolve("events.csv")), Files.readString(second.resolve("events.csv")));
    }

    @Test
    void calibrateHoldsBudgetOnTheCommandLineToTheFilesLimits() {
        Cli.Outcome big = Cli.crisis("calibrate", "scenarios/calibration/quick.yaml", "--budget", "2000000", "--out",
                dir.resolve("c").toString());
        assertEquals(2, big.status(), big.err());
        assertEquals("crisis calibrate: --budget must be from 1 to 1000000, as a file's budget, found 2000000\n", big.err());
        assertFalse(Files.exists(dir.resolve("c")));
    }

    @Test
    void calibrateRefusesABudgetBelowTheFilesStarts() throws Exception {
        // three starts each evaluate at least their point: a budget of 2 would run two and record three
        Path file = dir.resolve("starts.yaml");
        Files.writeString(file, "cases: [" + Path.of("scenarios/cases/no-trigger.yaml").toAbsolutePath() + "]\n"
                + "parameters:\n  parameters.grievanceGain: { min: 0.1, max: 1.6, scale: log }\n"
                + "runs: 5\nbudget: 12\nmethod: { name: cmaes, starts: 3 }\n");
        Cli.Outcome o = Cli.crisis("calibrate", file.toString(), "--budget", "2", "--out", dir.resolve("s").toString());
        assertEquals(2, o.status(), o.err());
        assertEquals("crisis calibrate: --budget 2 is below the file's 3 starts (method.starts): each start evaluates at least"
                + " its point\n", o.err());
        assertFalse(Files.exists(dir.resolve("s")));
    }

    @Test
    void aQuietStopWaitsForTheScriptedNewsStillToCome() throws Exception {
        // quiet after the grant for 30 days, but an election is scripted on day 120: the runs live to see it
        Path scenario = Files.writeString(dir.resolve("quiet.yaml"), """
                name: quiet
                days: 200
                countries: [{id: RED}, {id: BLU}]
                events:
                  - { day: 0, type: ASYLUM_GRANT, actor: BLU, target: RED }
                  - { day: 120, type: ELECTION, actor: RED }
                stop: { when: quiet }
                """);
        Path out = dir.resolve("quiet");
        Cli.Outcome o = Cli.crisis("run", scenario.toString(), "--runs", "3", "--quiet", "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(","));
        for (String row : runs.subList(1, runs.size())) {
            int days = Integer.parseInt(row.split(",", -1)[header.indexOf("days")]);
            assertTrue(days > 120, "the run stopped on day " + days + ", before the scripted election");
        }
        assertEquals(3, Files.readAllLines(out.resolve("events.csv")).stream().filter(l -> l.contains(",ELECTION,")).count());
    }

    @Test
    void nullOptionalFieldsReadAsAbsentAndWholeNumbersAsYaml12() throws Exception {
        // FORMATS 0: an empty value means the field is absent (a table written to JSON writes every column, null or not);
        // 010 is ten, as editors read YAML 1.2, and 1_000 is not a number
        Path scenario = Files.writeString(dir.resolve("nulls.yaml"), """
                name: nulls
                days: 30
                countries: [{id: RED}, {id: BLU}]
                events:
                  - { day: 010, type: ASYLUM_GRANT, actor: BLU, target: RED, label: , gamma: , territorial: }
                expect:
                  patterns:
                    - { pair: [RED, BLU], reaches: SEVERED, endsAt: , withinDays: , probability: { max: 1 } }
                """);
        Cli.Outcome ok = Cli.crisis("check", scenario.toString());
        assertEquals(0, ok.status(), ok.err());
        Path out = dir.resolve("nulls");
        assertEquals(0, Cli.crisis("run", scenario.toString(), "--runs", "1", "--quiet", "--out", out.toString()).status());
        assertTrue(Files.readString(out.resolve("events.csv")).contains(",10,"), "the grant on day 10");
        Files.writeString(scenario, Files.readString(scenario).replace("day: 010", "day: 1_0"));
        Cli.Outcome bad = Cli.crisis("check", scenario.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("events[0].day: expected a whole number in [0, 2147483647], found '1_0'"), bad.err());
        Files.writeString(scenario, Files.readString(scenario).replace("day: 1_0", "day: 08"));
        Cli.Outcome leading = Cli.crisis("check", scenario.toString());
        assertTrue(leading.err().contains("events[0].day: expected a whole number in [0, 2147483647], found '08' (numbers are"
                + " plain decimals here: write 8)"), leading.err());
        assertTrue(bad.err().contains("found '1_0' (numbers are plain decimals here: write 10)"), bad.err());
        // numbers are decimal: hexadecimal, which YAML 1.1 and 1.2 both read, is refused with the number to write
        Files.writeString(scenario, Files.readString(scenario).replace("day: 08", "day: 0x0A"));
        Cli.Outcome hex = Cli.crisis("check", scenario.toString());
        assertEquals(2, hex.status());
        assertTrue(hex.err().contains("found '0x0A' (numbers are plain decimals here: write 10)"), hex.err());
    }

    @Test
    void validateSkipsWhatIsNotAFileInADirectoryAndReadsAnyCaseOfExtension() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.copy(Path.of("scenarios/cases/no-trigger.yaml"), cases.resolve("NO-TRIGGER.YAML"));
        Files.createDirectories(cases.resolve("folder.yaml"));
        Files.createSymbolicLink(cases.resolve(".#lock.yaml"), cases.resolve("nowhere"));
        Cli.Outcome o = Cli.crisis("validate", cases.toString(), "--runs", "5");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("no-trigger"), o.out());
    }

    @Test
    void explainReadsAPairInEitherCaseAndCheckGoesOnPastAnEmptyFolder() throws Exception {
        // the CSV columns spell pairs in lower case (severed_per_mex): explain takes them as the scenario spells them
        Cli.Outcome lower = Cli.crisis("explain", RUN_SET.toString(), "--pair", "mex-per");
        assertEquals(0, lower.status(), lower.err());
        assertTrue(lower.out().startsWith("PER-MEX (Peru and Mexico), run 0"), lower.out());
        // an empty folder is said, and the files after it are still checked
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Outcome check = Cli.crisis("check", empty.toString(), "scenarios/peru-mexico-asylum-2025.yaml");
        assertEquals(2, check.status());
        assertTrue(check.err().contains("no .yaml, .yml or .json file in this directory"), check.err());
        assertTrue(check.out().contains("peru-mexico-asylum-2025.yaml: ok"), check.out());
    }

    @Test
    void validateRefusesTwoCasesOfOneNameWhoseRowsCouldNotBeToldApart() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("twins"));
        Files.copy(Path.of("scenarios/cases/no-trigger.yaml"), cases.resolve("a.yaml"));
        Files.copy(Path.of("scenarios/cases/no-trigger.yaml"), cases.resolve("b.yaml"));
        Cli.Outcome o = Cli.crisis("validate", cases.toString(), "--runs", "5");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(cases.resolve("b.yaml") + ": a case named 'no-trigger' is already given by " + cases.resolve("a.yaml")
                + "; case names must be unique (rename one)"), o.err());
        assertEquals("", o.out());
    }
    @Test
    void checkingSeveralFilesEndsWithTheirTotals() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\ndays: 10\ncountries: [{id: RED}, {id: RED}]\n");
        Cli.Outcome o = Cli.crisis("check", "scenarios/cases/allies-asylum.yaml", bad.toString());
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().strip().endsWith("crisis check: 2 files: 1 ok, 1 with problems (1 problem)"), o.err());
        Cli.Outcome one = Cli.crisis("check", "scenarios/cases/allies-asylum.yaml");
        assertFalse(one.err().contains("crisis check:"), "one file's line is its own total: " + one.err());
        Cli.Outcome two = Cli.crisis("check", "scenarios/cases/allies-asylum.yaml", "scenarios/cases/georgia-russia-2008.yaml");
        assertEquals(0, two.status(), two.err());
        assertTrue(two.err().strip().endsWith("crisis check: 2 files: all ok"), two.err());
    }

    @Test
    void aDirectoryASecondFileAndAHexadecimalSeedAreToldInAUsersWords() throws Exception {
        Cli.Outcome folder = Cli.crisis("run", "scenarios/cases");
        assertEquals(2, folder.status(), folder.err());
        assertTrue(folder.err().contains("scenarios/cases: a directory, not a file: give a .yaml, .yml or .json file in it"),
                folder.err());
        Cli.Outcome two = Cli.crisis("run", "scenarios/peru-mexico-asylum-2025.yaml", "scenarios/cases/no-trigger.yaml");
        assertEquals(2, two.status(), two.err());
        assertTrue(two.err().startsWith("crisis run: unexpected argument 'scenarios/cases/no-trigger.yaml': it takes SCENARIO and"
                + " options (which start with --)"), two.err());
        Cli.Outcome hex = Cli.crisis("run", "scenarios/peru-mexico-asylum-2025.yaml", "--seed", "0x10");
        assertEquals(2, hex.status(), hex.err());
        assertTrue(hex.err().contains("'0x10' is not a whole number"), hex.err());
    }

    @Test
    void reportRefusesASetGivenTwice() throws Exception {
        Cli.Outcome o = Cli.crisis("report", RUN_SET.toString(), RUN_SET.resolve(".").toString(), "--out",
                dir.resolve("self").toString());
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("is given twice: a set compared with itself differs in nothing"), o.err());
        assertFalse(Files.exists(dir.resolve("self")), "nothing written");
    }

    @Test
    void validateSaysWhichFileASetFailedOn() throws Exception {
        Path albania = Path.of("scenarios/cases/albania-greece-1994.yaml");
        Path georgia = Path.of("scenarios/cases/georgia-russia-2008.yaml");
        Cli.Outcome o = Cli.crisis("validate", albania.toString(), georgia.toString(), "--runs", "5",
                "--set", "countries.RUS.hawkishness=0.9");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(albania + ": --set: countries.RUS.hawkishness: no list item 'RUS' in countries"), o.err());
        assertFalse(o.err().contains(georgia + ":"), "Georgia's file has Russia: " + o.err());
        assertEquals("", o.out());
    }

    @Test
    void runSaysWhenAStopEndedRunsEarlyAndNotWhenNoneDid() throws Exception {
        String yaml = """
                name: stopper
                days: 100
                countries: [{id: RED}, {id: BLU}]
                events:
                  - {day: 3, type: SEVER_RELATIONS, actor: RED, target: BLU}
                track: [[RED, BLU]]
                stop: { when: WHEN, pair: [RED, BLU] }
                """;
        Path early = Files.writeString(dir.resolve("early.yaml"), yaml.replace("WHEN", "severed"));
        Cli.Outcome o = Cli.crisis("run", early.toString(), "--runs", "5", "--quiet", "--out", dir.resolve("early").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("(some runs ended early, stop when severed (RED-BLU): a run lasted 4.0 of 100 days on average"),
                o.out());
        // nothing restores the pair, so a stop on its restoration never comes: no such line
        Path never = Files.writeString(dir.resolve("never.yaml"), yaml.replace("WHEN", "restored"));
        Cli.Outcome n = Cli.crisis("run", never.toString(), "--runs", "5", "--quiet", "--out", dir.resolve("never").toString());
        assertEquals(0, n.status(), n.err());
        assertFalse(n.out().contains("ended early"), n.out());
    }
    @Test
    void thresholdsOutOfOrderAreWarnedOfNotRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("ladder.yaml"), "name: ladder\ndays: 30\ncountries: [{id: RED}, {id: BLU}]\n");
        Cli.Outcome o = Cli.crisis("check", f.toString(), "--set", "parameters.thresholdSever=0.1");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains(f + ": warning: parameters: thresholdExpel is above thresholdSever: the ladder's"
                + " thresholds should rise rung by rung"), o.err());
        // a sweep across the neighbour's value says it once, with how many points and the first
        Path sweep = Files.writeString(dir.resolve("ladder-sweep.yaml"), "scenario: ladder.yaml\ndesign: grid\nreplications: 1\n"
                + "vary:\n  parameters.thresholdSever: {values: [0.3, 0.35, 0.4, 0.5]}\noutcomes: [polarisation]\n");
        Cli.Outcome s = Cli.crisis("check", sweep.toString());
        assertEquals(1, s.err().lines().filter(l -> l.contains("thresholds should rise")).count(), s.err());
        assertTrue(s.err().contains("at 3 of 4 points (the first: parameters.thresholdSever=0.3)"), s.err());
        // a scenario out of order, swept across values that put it back in order: said only where the points are out of order
        Path low = Files.writeString(dir.resolve("ladder-low.yaml"), "name: ladder-low\ndays: 30\ncountries: [{id: RED}, {id: BLU}]\n"
                + "parameters: {thresholdSever: 0.1}\n");
        Path lifted = Files.writeString(dir.resolve("ladder-lifted.yaml"), "scenario: ladder-low.yaml\ndesign: grid\n"
                + "replications: 1\nvary:\n  parameters.thresholdSever: {values: [0.5, 0.6]}\noutcomes: [polarisation]\n");
        Cli.Outcome none = Cli.crisis("check", lifted.toString());
        assertFalse(none.err().contains("thresholds should rise"), "no point is out of order: " + none.err());
        Path half = Files.writeString(dir.resolve("ladder-half.yaml"), "scenario: ladder-low.yaml\ndesign: grid\n"
                + "replications: 1\nvary:\n  parameters.thresholdSever: {values: [0.3, 0.6]}\noutcomes: [polarisation]\n");
        Cli.Outcome some = Cli.crisis("check", half.toString());
        assertFalse(some.err().contains(low + ": warning"), "not the scenario's value, which no point runs: " + some.err());
        assertTrue(some.err().contains(half + ": warning: at 1 of 2 points (the first: parameters.thresholdSever=0.3): parameters:"
                + " thresholdExpel is above thresholdSever"), some.err());
        // equal thresholds (a model that never acts sets them all at 5) are in order
        Cli.Outcome equal = Cli.crisis("check", f.toString(), "--set", "parameters.thresholdExpel=0.46");
        assertFalse(equal.err().contains("thresholds should rise"), equal.err());
    }

    @Test
    void checkOfASweepWarnsOfAStandingGrievanceThatOnlySomePointsRaise() throws Exception {
        // RED's grievance 0.3 justifies a recall (θ_3 0.35) only for a hawk: E = 0.3·(1 + 0.5·(h − ½))
        Files.writeString(dir.resolve("s.yaml"), """
                name: s
                days: 30
                countries: [{id: RED}, {id: BLU}]
                relations:
                  - {between: [RED, BLU], grievance: {RED: 0.3}}
                """);
        Path sweep = Files.writeString(dir.resolve("w.yaml"), """
                scenario: s.yaml
                design: grid
                replications: 1
                vary:
                  countries.RED.hawkishness: {values: [0.1, 0.5, 0.9]}
                outcomes: [polarisation]
                """);
        Cli.Outcome o = Cli.crisis("check", sweep.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains(sweep + ": warning: at 1 of 3 points (the first: countries.RED.hawkishness=0.9): relations[0]: "
                + "RED's grievance 0.3 against BLU would justify RECALL_AMBASSADOR"), o.err());
        assertFalse(o.err().contains("s.yaml: warning"), "the base scenario (hawkishness 0.5) raises none: " + o.err());
        // crisis sweep says the same before it runs, as crisis run says a scenario's
        Cli.Outcome ran = Cli.crisis("sweep", sweep.toString(), "--out", dir.resolve("w-out").toString(), "--quiet");
        assertEquals(0, ran.status(), ran.err());
        assertTrue(ran.err().contains(sweep + ": warning: at 1 of 3 points (the first: countries.RED.hawkishness=0.9)"), ran.err());
        // resumed, it does not say them again
        Cli.Outcome resumed = Cli.crisis("sweep", sweep.toString(), "--out", dir.resolve("w-out").toString(), "--quiet", "--resume");
        assertFalse(resumed.err().contains("warning: at"), resumed.err());
        // past its limit of points it builds none of them and says where to look
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CheckCommand.warnStanding(sweep, org.crisis.experiment.SweepReader.read(sweep), 2, true);
        } finally {
            System.setErr(old);
        }
        assertEquals(sweep + ": 3 points: not checked for warnings of their own before running; crisis check " + sweep
                + " lists any\n", err.toString(java.nio.charset.StandardCharsets.UTF_8));

        // 3000 points, checked in blocks on all cores: counted over every block, the first point named
        Path large = Files.writeString(dir.resolve("large.yaml"), """
                scenario: s.yaml
                design: grid
                replications: 1
                vary:
                  parameters.rationality: {min: 1, max: 10, steps: 1000}
                  countries.RED.hawkishness: {values: [0.1, 0.5, 0.9]}
                outcomes: [polarisation]
                """);
        Cli.Outcome l = Cli.crisis("check", large.toString());
        assertEquals(0, l.status(), l.err());
        assertTrue(l.err().contains(large + ": warning: at 1000 of 3000 points (the first: parameters.rationality=1, "
                + "countries.RED.hawkishness=0.9): relations[0]: RED's grievance 0.3 against BLU would justify RECALL_AMBASSADOR"),
                l.err());
    }
}

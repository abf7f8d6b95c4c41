package org.crisis.cli;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisis.experiment.RunSet;
import org.crisis.io.JsonFiles;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user met on the command line, each as it should now read. */
class NewUserFrictionsTest {
    @TempDir
    Path tmp;



    @Test
    void helpListsEachCommandWithAWholeSentence() {
        String help = crisis("--help").out();
        List<String> entries = new ArrayList<>();
        boolean commands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                commands = true;
            } else if (commands && line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (commands && line.matches(" {4,}\\S.*") && !entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertTrue(entries.size() >= 8, help);
        for (String e : entries) {
            assertTrue(e.endsWith("."), "cut mid-sentence: " + e);
        }
    }

    @Test
    void everyCommandsHelpPrintsWithoutAFormattingWarning() {
        // picocli reads a description as a format string: a bare '%' (as in "95 % interval") prints a warning
        String help = crisis("--help").out();
        List<String> commands = help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .filter(l -> l.matches("  [a-z]\\S*\\s.*|  [a-z]\\S*")).map(l -> l.strip().split("\\s+")[0]).toList();
        assertTrue(commands.contains("validate") && commands.size() >= 8, help);
        for (String c : commands) {
            Outcome o = crisis(c, "--help");
            assertEquals(0, o.status(), c + ": " + o.err());
            assertFalse(o.err().contains("WARN") || o.out().contains("Could not format"), c + ": " + o.err());
        }
        assertTrue(crisis("validate", "--help").out().replaceAll("\\s+", " ").contains("a 95 % interval by resampling cases"));
    }

    @Test
    void aMistypedCommandGetsTheNearestOne() {
        Outcome o = crisis("swep", "scenarios/sweeps/asylum-severity.yaml");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("crisis: unknown command 'swep'; did you mean 'sweep'?"), o.err());
        Outcome far = crisis("frobnicate");
        assertTrue(far.err().contains("unknown command 'frobnicate'; commands: run, check, validate"), far.err());
    }

    @Test
    void anOutWhereNothingCanBeCreatedSaysWhatCouldNotBeCreatedAndWhy() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")),
                "a file system where no directory can be made (Linux's /proc)");
        for (String[] command : List.of(new String[] {"run", "scenarios/cases/allies-asylum.yaml", "--runs", "2"},
                new String[] {"sweep", "scenarios/sweeps/asylum-severity.yaml"},
                new String[] {"calibrate", "scenarios/calibration/quick.yaml"})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--out", "/proc/crisis-out", "--quiet"));
            Outcome o = crisis(args.toArray(new String[0]));
            assertEquals(2, o.status(), command[0] + ": " + o.err());
            assertEquals("crisis " + command[0] + ": cannot create a work directory (results are written there first, then"
                    + " moved to their place beside it): /proc/.crisis-out.incomplete: no such file or directory; choose an"
                    + " --out in a directory you can write\n", withoutWarnings(o.err()), command[0]);
        }
    }

    @Test
    void aSweepRefusesAnOutInTheWayBeforeSayingItsPlan() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Outcome o = crisis("sweep", "scenarios/sweeps/asylum-severity.yaml", "--out", out.toString(), "--quiet");
        assertEquals(2, o.status(), o.err());
        assertEquals("", o.out(), "no plan of a sweep that will not run");
        assertEquals("crisis sweep: " + out + " already exists and is not an empty directory; choose another --out\n", o.err());
        assertEquals(List.of(out.resolve("notes.txt")), Files.list(out).toList(), "nothing written");
    }

    @Test
    void checkSaysWhenAFileIsACalibrationAndValidateSkipsIt() {
        Outcome o = crisis("check", "scenarios/calibration/quick.yaml");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("scenarios/calibration/quick.yaml: this is a calibration file (use crisis calibrate): ok "
                + "(quick: 6 cases, 28 patterns, 2 free values, budget 12)"), o.out());
        Outcome v = crisis("validate", "scenarios/calibration");
        assertEquals(2, v.status(), v.err());
        assertTrue(v.err().contains("scenarios/calibration/quick.yaml: a calibration file, not a scenario (use crisis calibrate),"
                + " skipped"), v.err());
        assertFalse(v.err().contains("unknown field"), "not read as a scenario: " + v.err());
    }

    @Test
    void validateSaysOnStderrThatPatternsFailedAndChecksAFileNamedTwiceOnce() {
        Outcome v = crisis("validate", "scenarios/cases/algeria-spain-2022.yaml", "scenarios/cases/algeria-spain-2022.yaml",
                "scenarios/cases", "--format", "csv", "--runs", "20", "--threads", "1");
        assertEquals(1, v.status(), v.err());
        long rows = v.out().lines().filter(l -> l.startsWith("algeria-spain-2022,")).count();
        long patterns = v.out().lines().skip(1).count();
        assertEquals(6, rows, "the case once, though named twice and in its directory: " + v.out());
        long failed = v.out().lines().filter(l -> l.endsWith(",fail")).count();
        assertTrue(v.err().contains("crisis validate: " + failed + " of " + patterns + " patterns fail"), v.err());
        // the summary goes to stderr, so stdout stays one table: a header and a row per pattern
        assertTrue(v.out().lines().skip(1).allMatch(l -> l.endsWith(",pass") || l.endsWith(",fail")), v.out());
        assertTrue(v.err().contains("crisis validate: " + (patterns - failed) + " of " + patterns + " patterns pass ("), v.err());
        long happened = v.out().lines().skip(1).filter(l -> !l.split(",", -1)[2].isEmpty()
                && Double.parseDouble(l.split(",", -1)[2]) > 0).count();
        assertTrue(v.err().contains("crisis validate: of the " + happened + " that record something happened (a lower bound"
                + " above 0)"), v.err());
        // what the figures depend on besides the files, for a saved log
        assertTrue(v.err().contains("crisis validate: crisis dev; seed each case's own; runs a case: 20\n"), v.err());
        // as a table, the line heads standard output, where the summary goes too
        Outcome table = crisis("validate", "scenarios/cases/algeria-spain-2022.yaml", "--runs", "10", "--seed", "3", "--set",
                "parameters.grievanceGain=0.3");
        assertTrue(table.out().startsWith("crisis dev; seed 3; runs a case: 10; --set parameters.grievanceGain=0.3\n"), table.out());
        assertFalse(table.err().contains("crisis dev"), table.err());
    }

    /** What a command printed on stderr but a scenario's warnings (the sweep's seed scenario has one at the defaults). */
    private static String withoutWarnings(String err) {
        return err.lines().filter(l -> !l.contains(": warning: ")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    @Test
    void checkSaysAResultsDirectoryIsOneAndDoesNotReadItsJsonAsAScenario() throws Exception {
        Path out = tmp.resolve("res");
        assertEquals(0, crisis("run", "scenarios/peru-mexico-asylum-2025.yaml", "--runs", "2", "--out", out.toString(),
                "--quiet").status());
        Outcome o = crisis("check", out.toString(), out.resolve("summary.json").toString(), "scenarios/cases/allies-asylum.yaml");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(out + ": a results directory (crisis wrote its manifest.json), not a scenario; crisis report "
                + out + " reads it"), o.err());
        assertTrue(o.err().contains(out.resolve("summary.json") + ": a file of the results directory " + out), o.err());
        assertFalse(o.err().contains("unknown field"), "its JSON is not read as a scenario: " + o.err());
        assertTrue(o.out().contains("scenarios/cases/allies-asylum.yaml: ok"), "the scenario is still checked: " + o.out());
        assertTrue(o.err().contains("crisis check: 1 file: all ok; 2 results paths, not checked"), o.err());
        Outcome v = crisis("validate", out.toString());
        assertEquals(2, v.status(), v.err());
        assertEquals(out + ": a results directory (crisis wrote its manifest.json), not case files; validate takes scenario files"
                + " with expect: blocks, and crisis report " + out + " reads results", v.err().strip());
        // a scenario saved beside the results (the manifest's resolved scenario, say) is a scenario, and is checked
        Path saved = out.resolve("rerun.json");
        Files.writeString(saved, JsonFiles.readObject(out.resolve("manifest.json")).get("scenario").toString());
        Outcome r = crisis("check", saved.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith(saved + ": ok (peru-mexico-asylum-2025:"), r.out());
    }

    @Test
    void checkTakesADirectoryAndSaysWhenAFileIsASweep() {
        Outcome o = crisis("check", "scenarios/sweeps");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("scenarios/sweeps/asylum-severity.yaml: this is a sweep file (use crisis sweep): ok "
                + "(asylum-severity: grid design, 81 points x 20 replications = 1620 runs)"), o.out());
        assertTrue(o.out().contains("scenarios/sweeps/baseline-asylum.yaml: ok (baseline-asylum:"), o.out());
    }

    @Test
    void checkSaysHowTheScriptedEventsWeigh() throws Exception {
        Path f = tmp.resolve("signs.yaml");
        Files.writeString(f, """
                name: signs
                days: 30
                countries: [{id: AAA}, {id: BBB}]
                events:
                  - {day: 0, type: CUSTOM, actor: AAA, target: BBB, gamma: 2.5, label: deportation}
                  - {day: 1, type: BORDER_INCIDENT, actor: AAA, target: BBB}
                  - {day: 2, type: ELECTION, actor: BBB}
                """);
        Outcome o = crisis("check", f.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains(": ok (signs: 2 countries, 3 events (1 hostile, 1 cooperative, 1 of weight 0), 30 days)"),
                "a deportation written with a positive weight shows as cooperative: " + o.out());
    }

    @Test
    void checkCountsTheActsThatLastAndSaysWhenNothingReadsThem() throws Exception {
        String file = """
                name: lasting
                days: 60
                countries: [{id: AAA}, {id: BBB}]
                events:
                  - {day: 0, type: CUSTOM, actor: AAA, target: BBB, gamma: -4, label: crew-held, lastsUntil: 20}
                  - {day: 30, type: CUSTOM, actor: AAA, target: BBB, gamma: 3, label: crew-released}
                """;
        Path off = tmp.resolve("lasting-off.yaml");
        Files.writeString(off, file);
        Outcome o = crisis("check", off.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("2 events (1 hostile, 1 cooperative; 1 that lasts, read only under parameters.lastingActs)"),
                o.out());
        Path on = tmp.resolve("lasting-on.yaml");
        Files.writeString(on, file.replace("name: lasting", "name: lasting-on") + "parameters: {lastingActs: true}\n");
        o = crisis("check", on.toString());
        assertTrue(o.out().contains("2 events (1 hostile, 1 cooperative; 1 that lasts)"), o.out());
    }

    @Test
    void anActThatSetsALevelIsCountedByCheckAndMovesThePairInAValidatedRun() throws Exception {
        String file = """
                name: sets-level
                days: 30
                countries: [{id: AAA}, {id: BBB}]
                events:
                  - {day: 0, type: CUSTOM, actor: AAA, target: BBB, gamma: -5, label: ambassador-expelled, setsLevel: DOWNGRADED}
                  - {day: 2, type: CUSTOM, actor: AAA, target: BBB, gamma: -2, label: insult}
                expect:
                  runs: 20
                  patterns:
                    - {name: downgraded-by-the-expulsion, pair: [AAA, BBB], reaches: DOWNGRADED, by: AAA, withinDays: 0,
                       probability: {min: 1}}
                """;
        Path path = tmp.resolve("sets-level.yaml");
        Files.writeString(path, file);
        Outcome o = crisis("check", path.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("2 events (2 hostile; 1 that sets a level)"), o.out());
        // the expulsion itself puts the pair at DOWNGRADED on day 0, in every run, as the actor's own step
        o = crisis("validate", path.toString(), "--format", "csv");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().contains("sets-level,downgraded-by-the-expulsion,1,,1,"), o.out());
    }

    @Test
    void anInvalidSweepFileIsCheckedAsASweep() throws Exception {
        Path sweep = tmp.resolve("s.yaml");
        Files.writeString(sweep, "scenario: " + Path.of("scenarios/peru-mexico-asylum-2025.yaml").toAbsolutePath()
                + "\ndesign: gird\nvary:\n  parameters.grievanceDecay: { values: [0.01] }\noutcomes: [severedPairs]\n");
        Outcome o = crisis("check", sweep.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("unknown design 'gird'"), "a sweep's own message, not 'unknown field vary': " + o.err());
        assertFalse(o.err().contains("unknown field"), o.err());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, crisis("check", empty.toString()).status());
    }

    private Path scenario(String eventType) throws Exception {
        Path f = tmp.resolve("x.yaml");
        Files.writeString(f, """
                name: x
                days: 10
                countries: [{id: AAA}, {id: BBB}]
                events:
                  - {day: 0, type: %s, actor: AAA, target: BBB}
                """.formatted(eventType));
        return f;
    }

    @Test
    void anUnknownEventTypePointsToCustom() throws Exception {
        Outcome o = crisis("check", scenario("INSULT").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("events[0].type: expected one of ") && o.err().contains(", found 'INSULT'; for a trigger "
                + "of another kind use CUSTOM with its own gamma, interference and normBreaking (docs/FORMATS.md, 2.5)"), o.err());
        Outcome typo = crisis("check", scenario("ASYLUM_GRNT").toString());
        assertTrue(typo.err().contains("found 'ASYLUM_GRNT'; did you mean 'ASYLUM_GRANT'?"), typo.err());
    }

    @Test
    void theRunSummarySaysWhichPairsStartLow() throws Exception {
        Path f = tmp.resolve("pairs.yaml");
        Files.writeString(f, """
                name: pairs
                days: 100
                countries: [{id: AAA}, {id: BBB}, {id: CCC}]
                relations:
                  - {between: [AAA, BBB], level: DOWNGRADED}
                  - {between: [CCC, AAA], level: SEVERED}
                """);
        Scenario s = ScenarioReader.read(f, List.of());
        List<String> lines = RunCommand.summary(s, List.of(
                new RunSet.PairSummary(new Scenario.Pair("AAA", "BBB"), 1, 0, 0.25, 12, 0.5, 40),
                new RunSet.PairSummary(new Scenario.Pair("AAA", "CCC"), 1, 0, 1, 0, 0, Double.NaN),
                new RunSet.PairSummary(new Scenario.Pair("BBB", "CCC"), 0.1, 3, 0, Double.NaN, 0, Double.NaN)), 200);
        String text = String.join("\n", lines);
        assertTrue(lines.get(1).matches("AAA-BBB +starts DOWNGRADED +25% \\(20\u201331\\) +day +12 +50% \\(43\u201357\\) +day +40"), text);
        assertTrue(lines.get(2).matches("AAA-CCC +starts SEVERED +starts SEVERED +0% \\(0\u20131.9\\) *"), text);
        // near 0 or 100 % one decimal, so that an interval of a share never seen does not read (0-0)
        assertTrue(lines.get(3).matches("BBB-CCC +10% \\(6.6\u201314.9\\) +day +3 +0% \\(0\u20131.9\\) +0% \\(0\u20131.9\\) *"), text);
        assertTrue(text.contains("95 % Wilson interval: the sampling error of the share"), text);
        assertTrue(text.contains("median day among the runs where it happened") && text.contains("Kaplan-Meier median counts every run"),
                text);
        // one run, as --runs defaults to: no intervals, and the summary says what one run is and how to get shares
        String one = String.join("\n", RunCommand.summary(s, List.of(
                new RunSet.PairSummary(new Scenario.Pair("BBB", "CCC"), 1, 3, 0, Double.NaN, 0, Double.NaN)), 1));
        assertTrue(one.contains("one draw of a stochastic model; --runs 200") && !one.contains("Wilson"), one);
    }
}

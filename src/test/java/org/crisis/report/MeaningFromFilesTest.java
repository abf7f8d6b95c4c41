package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report takes what an outcome is from the result files (summary.json, a sweep's
 * manifest.json), not from its name: change the description and the report follows it, and an
 * outcome it has never heard of is shown like the others.
 */
class MeaningFromFilesTest {
    @TempDir
    Path tmp;

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The entry of {@code column} in summary.json, as text, to edit within it. */
    private static String entry(Path summary, String column) throws Exception {
        String text = Files.readString(summary);
        int at = text.indexOf("\"column\" : \"" + column + "\"");
        return text.substring(at, text.indexOf("\"n\" :", at));
    }

    @Test
    void theKindInSummaryJsonDecidesHowAColumnIsChecked() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path summary = dir.resolve("summary.json");
        String conflict = entry(summary, "total_conflict");
        edit(summary, conflict, conflict.replace("\"type\" : \"number\"", "\"type\" : \"share\"")
                .replace("\"kind\" : \"number\"", "\"kind\" : \"share\""));
        ReportException e = assertThrows(ReportException.class,
                () -> Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out"))));
        assertTrue(e.getMessage().contains("runs.csv:2: total_conflict: expected a whole number in [0, 1], found '"),
                e.getMessage());
    }

    @Test
    void anOutcomeOfAnUnknownKindOrWithoutItsRolesIsRefused() throws Exception {
        Path dir = Fixtures.copy("base", tmp.resolve("a"));
        Path summary = dir.resolve("summary.json");
        edit(summary, "\"kind\" : \"day\"", "\"kind\" : \"week\"");
        ReportException e = assertThrows(ReportException.class,
                () -> Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out"))));
        assertTrue(e.getMessage().matches(".*summary.json:\\d+:\\d+: outcomes\\[3\\]\\.kind: expected one of count, day, level, "
                + "number, share, found 'week'"), e.getMessage());
        Path other = Fixtures.copy("base", tmp.resolve("b"));
        Path s = other.resolve("summary.json");
        Files.writeString(s, Files.readString(s).replaceFirst("\"roles\" : \\[ [^\\]]* \\],\n", ""));
        e = assertThrows(ReportException.class,
                () -> Report.write(List.of(other), ReportOptions.defaults().withOut(tmp.resolve("out"))));
        assertTrue(e.getMessage().contains("outcomes[0]: no 'roles'") && e.getMessage().contains("rerun"), e.getMessage());
    }

    @Test
    void timesToEventsHeadlinesAndTheRepresentativeRunFollowSummaryJson() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path summary = dir.resolve("summary.json");
        String days = entry(summary, "days_to_severed_per_mex");
        edit(summary, days, days.replace("\"event\" : \"rupture\"", "\"event\" : \"break\""));
        String severed = entry(summary, "severed_per_ven");
        edit(summary, severed, severed.replace("\"roles\" : [ \"headline\", \"representative\" ]", "\"roles\" : [ ]"));
        String hostile = entry(summary, "hostile_events_per_ven");
        edit(summary, hostile, hostile.replace("\"roles\" : [ \"representative\" ]", "\"roles\" : [ \"headline\" ]"));
        Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out")));
        String km = Files.readString(tmp.resolve("out/report-time-to-event.csv"));
        assertTrue(km.contains("\nPER-MEX,break,40,") && !km.contains("PER-MEX,rupture"), km);
        assertTrue(km.indexOf("PER-MEX,downgrade") < km.indexOf("PER-MEX,break")
                && km.indexOf("PER-MEX,break") < km.indexOf("PER-MEX,restoration"), "down the levels, then back up: " + km);
        String convergence = Files.readString(tmp.resolve("out/report-convergence.csv"));
        assertFalse(convergence.contains("severed_per_ven"), convergence);
        assertTrue(convergence.contains("hostile_events_per_ven"), convergence);
        String html = Files.readString(tmp.resolve("out/report.html"));
        assertTrue(html.contains("Time to downgrade, break, restoration, PER-MEX"), "the chart's title");
        assertTrue(html.contains("closest to the median of all runs on each tracked pair&#39;s reached SEVERED, days to SEVERED, "
                + "lowest level, final level, hostile events, and on the region&#39;s "), "the measures of the representative run");
    }

    private static int crisis(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * daysDowngraded:A-B was added to observe's outcomes after the report was written, and no
     * report code names it: run sets, comparisons and sweeps show it from what the files say.
     */
    @Test
    void anOutcomeAddedInObserveOnlyIsReportedEverywhere() throws Exception {
        Path scenario = Fixtures.dir("base").resolveSibling("scenarios").resolve("pm.yaml");
        assertEquals(0, crisis("run", scenario.toString(), "--runs", "12", "--keep", "2", "--out", tmp.resolve("a").toString(),
                "--quiet"));
        assertEquals(0, crisis("run", scenario.toString(), "--runs", "12", "--keep", "2", "--set",
                "countries.PER.hawkishness=0.2", "--out", tmp.resolve("b").toString(), "--quiet"));
        assertEquals(0, crisis("report", tmp.resolve("a").toString(), "--out", tmp.resolve("ra").toString()));
        String outcomes = Files.readString(tmp.resolve("ra/report-outcomes.csv"));
        assertTrue(outcomes.contains("\nPER-MEX,daysDowngraded:PER-MEX,days_downgraded_per_mex,number,12,0,"), outcomes);
        assertTrue(Files.readString(tmp.resolve("ra/report.html")).contains("days at DOWNGRADED or below"));
        assertEquals(0, crisis("report", tmp.resolve("a").toString(), tmp.resolve("b").toString(), "--out",
                tmp.resolve("rc").toString()));
        assertTrue(Files.readString(tmp.resolve("rc/report-comparison.csv")).contains(",daysDowngraded:PER-MEX,days_downgraded_per_mex,"));

        Path sweep = tmp.resolve("sweep.yaml");
        Files.writeString(sweep, "scenario: " + scenario + "\ndesign: grid\nreplications: 3\nseed: 3\n"
                + "vary:\n  countries.PER.hawkishness: { values: [0.2, 0.8] }\n"
                + "outcomes: [daysDowngraded:PER-MEX, severed:PER-MEX]\n");
        assertEquals(0, crisis("sweep", sweep.toString(), "--out", tmp.resolve("s").toString(), "--quiet"));
        assertEquals(0, crisis("report", tmp.resolve("s").toString(), "--out", tmp.resolve("rs").toString()));
        String marginals = Files.readString(tmp.resolve("rs/report-marginals.csv"));
        assertTrue(marginals.contains("\ndays_downgraded_per_mex,countries.PER.hawkishness,"), marginals);
    }
}

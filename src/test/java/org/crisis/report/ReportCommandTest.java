package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisis.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crisis report and crisis explain as a user calls them: help, exit status, messages. */
class ReportCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportWritesThePageAndPrintsItsPath() {
        Path dest = tmp.resolve("report");
        assertEquals(0, Main.execute("report", Fixtures.dir("base").toString(), Fixtures.dir("dove").toString(),
                "--out", dest.toString()));
        assertTrue(Files.exists(dest.resolve("report.html")));
        assertTrue(stdout().contains("report: " + dest.toAbsolutePath().resolve("report.html")), stdout());
    }

    @Test
    void theMachinesLocaleDoesNotChangeThePage() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY); // decimal comma
            assertEquals(0, Main.execute("report", Fixtures.dir("base").toString(), "--out", tmp.resolve("de").toString()));
            assertEquals(java.util.Locale.GERMANY, java.util.Locale.getDefault(), "the caller's locale given back");
            java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.FRANCE);
            assertEquals(0, Main.execute("report", Fixtures.dir("base").toString(), "--out", tmp.resolve("fr").toString()));
            assertEquals(java.util.Locale.FRANCE, java.util.Locale.getDefault(java.util.Locale.Category.FORMAT),
                    "and its format locale, where it differs");
            assertEquals(java.util.Locale.GERMANY, java.util.Locale.getDefault());
            java.util.Locale.setDefault(java.util.Locale.US);
            assertEquals(0, Main.execute("report", Fixtures.dir("base").toString(), "--out", tmp.resolve("us").toString()));
        } finally {
            java.util.Locale.setDefault(before);
        }
        // the footer says when each was made, to the minute
        String de = Files.readString(tmp.resolve("de/report.html")).replaceAll("(?s)<footer.*</footer>", "");
        assertEquals(Files.readString(tmp.resolve("us/report.html")).replaceAll("(?s)<footer.*</footer>", "").replace("/us", "/de"),
                de.replace("/us", "/de"));
        assertTrue(!de.matches("(?s).*<text[^>]*>\\d+,\\d+</text>.*"), "no decimal comma on an axis");
    }

    @Test
    void everyCommandHasHelp() {
        assertEquals(0, Main.execute("report", "--help"));
        assertTrue(stdout().contains("Usage: crisis report"), stdout());
        assertEquals(0, Main.execute("explain", "--help"));
        assertTrue(stdout().contains("Usage: crisis explain"), stdout());
        assertTrue(stderr().isEmpty(), "help formats cleanly: " + stderr());
    }

    @Test
    void missingOrInvalidInputExitsWithStatus2() {
        assertEquals(2, Main.execute("report", tmp.resolve("absent").toString()));
        assertTrue(stderr().contains("crisis report: " + tmp.resolve("absent") + ": no such directory"), stderr());
        assertEquals(2, Main.execute("report"));
        assertEquals(2, Main.execute("report", Fixtures.dir("base").toString(), "--out", tmp.resolve("a/../b").toString()));
        assertTrue(stderr().contains("contains '..'"), stderr());
        assertEquals(2, Main.execute("report", Fixtures.dir("base").toString(), "--precision", "1.5"));
        assertEquals(2, Main.execute("report", Fixtures.dir("base").toString(), "--days", "0,99999", "--out",
                tmp.resolve("far").toString()));
        assertTrue(stderr().contains("--days 99999 lies beyond the horizon"), stderr());
        assertTrue(!Files.exists(tmp.resolve("far/report.html")), "nothing written");
        assertEquals(2, Main.execute("explain", Fixtures.dir("base").toString()));
        assertEquals(2, Main.execute("explain", Fixtures.dir("base").toString(), "--pair", "PER-XXX"));
        assertTrue(stderr().contains("no country XXX"), stderr());
        assertEquals(2, Main.execute("explain", tmp.toString(), "--pair", "PER-MEX"));
    }

    @Test
    void aShardOfASweepIsNotReportedAsTheSweep() throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                days: 30
                countries: [{id: RED}, {id: BLU}]
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: BLU, target: RED}
                """);
        Path sweep = Files.writeString(tmp.resolve("sweep.yaml"), """
                scenario: tiny.yaml
                design: grid
                replications: 2
                vary:
                  parameters.grievanceDecay: {min: 0.01, max: 0.1, steps: 24}
                outcomes: [severed:RED-BLU]
                """);
        Path shard = tmp.resolve("s1");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--shard", "1/2", "--out", shard.toString(), "--quiet"),
                this::stderr);
        assertEquals(2, Main.execute("report", shard.toString()));
        assertTrue(stderr().contains(shard + " is shard 1/2 of a sweep, with 24 of its runs: join the shards with crisis merge"),
                stderr());
        assertTrue(!Files.exists(shard.resolve("report.html")), "nothing written");
        err.reset();
        assertEquals(2, Main.execute("discover", shard.toString(), "--outcome", "severed:RED-BLU"));
        assertTrue(stderr().contains("is shard 1/2 of a sweep"), "its 12 points would be enough to discover on: " + stderr());
        assertEquals(2, Main.execute("explain", shard.toString(), "--pair", "RED-BLU"));
        assertTrue(stderr().contains("is a sweep; crisis explain reads the results directory of crisis run"), stderr());
    }

    @Test
    void explainPrintsTheChainsInTheTerminal() {
        assertEquals(0, Main.execute("explain", Fixtures.dir("base").toString(), "--pair", "MEX-PER", "--run", "1"));
        assertTrue(stdout().startsWith("PER-MEX (Peru and Mexico), run 1"), stdout());
        assertTrue(stdout().contains("ASYLUM_GRANT  [scripted]"), stdout());
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.crisis.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long crisis run whose standard error is not a terminal (a batch job's log) says how far it is every 5 s. */
class ProgressTest {
    @TempDir
    Path dir;

    @Test
    void aRunLogsAProgressLineEveryFiveSecondsWhenStderrIsNotATerminal() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, SweepFixtures.SCENARIO);
        LongSupplier real = Progress.clock;
        AtomicLong now = new AtomicLong();
        Progress.clock = () -> now.addAndGet(2_600_000_000L); // each look at the clock: 2.6 s later
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            status = Main.execute("run", scenario.toString(), "--runs", "6", "--threads", "1", "--out",
                    dir.resolve("set").toString());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
            Progress.clock = real;
        }
        assertEquals(0, status);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 2, "a line every 5 s of a run of over 15 s: " + lines);
        for (String line : lines) {
            assertTrue(line.matches("\\[[# ]{30}\\] [1-6]/6 runs  [0-9.]+ runs/s  ETA \\d+:\\d\\d\\s*"), line);
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("[##############################] 6/6 runs "), lines.toString());
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("\r"), "lines, not a bar redrawn in place");
        assertTrue(System.console() == null, "the test's standard error is not a terminal");
    }

    @Test
    void theLauncherSayingStandardErrorIsATerminalGivesTheBarEvenWithStandardOutputRedirected() {
        LongSupplier real = Progress.clock;
        AtomicLong now = new AtomicLong();
        Progress.clock = () -> now.addAndGet(600_000_000L);
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (String said : List.of("true", "false")) {
                System.setProperty("crisis.stderrTerminal", said);
                Progress bar = Progress.of(4, "runs", false);
                for (int k = 0; k < 4; k++) {
                    bar.advance(1);
                }
                bar.finish();
            }
        } finally {
            System.clearProperty("crisis.stderrTerminal");
            System.setErr(oldErr);
            Progress.clock = real;
        }
        String drawn = err.toString(StandardCharsets.UTF_8);
        // the first bar (told: a terminal) is redrawn in place and cleared; the second (told: not one) says nothing
        assertTrue(drawn.contains("] 4/4 runs ") && drawn.contains("\r"), drawn);
        assertEquals(1, drawn.split("4/4 runs", -1).length - 1, drawn);
        assertTrue(drawn.endsWith(" ".repeat(80) + "\r"), drawn);
    }
}

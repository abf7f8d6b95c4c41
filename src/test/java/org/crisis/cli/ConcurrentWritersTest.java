package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.crisis.experiment.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two crisis processes writing the same output: the second is refused (exit 2) while the first
 * works, and the first finishes with results of its own only. Default time-stamped names of
 * commands started in the same second do not collide. Each test starts real processes.
 */
class ConcurrentWritersTest {
    static final String TINY = """
            name: tiny
            days: 30
            seed: 5
            countries:
              - id: AAA
              - id: BBB
              - id: CCC
            events:
              - day: 0
                type: ASYLUM_GRANT
                actor: BBB
                target: AAA
            """;

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, TINY);
        return file;
    }

    private static Path work(Path out) {
        return out.getParent().resolve("." + out.getFileName() + ".incomplete");
    }

    /** The master seed of a run set and whether every row of its runs.csv has the seed that master seed gives. */
    private static void assertOwnSeeds(Path results, long seed, int runs) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(results.resolve("manifest.json").toFile());
        assertEquals(seed, manifest.path("master_seed").asLong(), results + ": manifest");
        List<String> lines = Files.readAllLines(results.resolve("runs.csv"));
        assertEquals(runs + 1, lines.size(), results + ": runs.csv rows");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 4);
            int k = Integer.parseInt(cells[1]);
            assertEquals(Long.toString(Seeds.derive(seed, k)), cells[2], results + ": seed of run " + k);
        }
    }

    @Test
    void aSecondRunIntoTheSameOutIsRefusedWhileTheFirstWrites() throws Exception {
        Path file = scenario();
        Path out = dir.resolve("out");
        Processes.Started first = Processes.crisis(dir, "run", file.toString(), "--runs", "10000000", "--seed", "1",
                "--keep", "none", "--threads", "1", "--out", out.toString(), "--quiet");
        try {
            Processes.await(() -> Files.isDirectory(work(out)), "the first run starts writing");
            Processes.Started second = Processes.crisis(dir, "run", file.toString(), "--runs", "3", "--seed", "2",
                    "--out", out.toString(), "--quiet");
            assertEquals(2, second.waitFor(), second.stderr());
            assertTrue(second.stderr().contains("crisis run: " + out + " is being written by another crisis process"),
                    second.stderr());
            assertTrue(first.process().isAlive(), "the first run goes on");
            assertFalse(Files.exists(out), "the second run wrote nothing");
        } finally {
            first.process().destroy(); // as Ctrl-C
            first.waitFor();
        }
        assertFalse(Files.exists(out), "an interrupted run leaves no results directory");
        assertFalse(Files.exists(work(out)), "nor its work directory");
        assertEquals(0, Main.execute("run", file.toString(), "--runs", "30", "--seed", "3", "--out", out.toString(),
                "--quiet"), "the directory is free again");
        assertOwnSeeds(out, 3, 30);
    }

    @Test
    void aRunNeverDeletesTheJournalOfASweepWritingTheSameOut() throws Exception {
        scenario();
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                scenario: tiny.yaml
                design: grid
                replications: 1000000
                vary:
                  parameters.grievanceDecay: { values: [0.01, 0.05] }
                outcomes: [severed:AAA-BBB]
                """);
        Path out = dir.resolve("swept");
        Processes.Started sweeping = Processes.crisis(dir, "sweep", sweep.toString(), "--threads", "1", "--out",
                out.toString(), "--quiet");
        Path journal = work(out).resolve("journal-0001.log");
        try {
            Processes.await(() -> size(journal) > 0, "the sweep has journalled runs");
            Processes.Started run = Processes.crisis(dir, "run", dir.resolve("tiny.yaml").toString(), "--runs", "2",
                    "--out", out.toString(), "--quiet");
            assertEquals(2, run.waitFor(), run.stderr());
            assertTrue(run.stderr().contains("is being written by another crisis process"), run.stderr());
            assertTrue(sweeping.process().isAlive(), "the sweep goes on");
            assertTrue(size(journal) > 0, "the journal is still there");
        } finally {
            sweeping.process().destroy(); // as Ctrl-C: the sweep keeps its finished runs for a resume
            sweeping.waitFor();
        }
        assertTrue(size(journal) > 0, "the interrupted sweep can be resumed");
        assertTrue(Files.isRegularFile(work(out).resolve("sweep.json")));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aDefaultNameThatAnotherProcessIsWritingIsNotTaken() throws Exception {
        Path file = scenario();
        // another process writes results/tiny-STAMP for every stamp of the next two minutes
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        List<String> held = new ArrayList<>();
        for (int s = -1; s < 120; s++) {
            held.add(dir.resolve("results").resolve("tiny-" + stamp.format(now.plusSeconds(s))).toString());
        }
        Processes.Started holder = Processes.start(dir, List.of(), LockHolder.class.getName(), held.toArray(String[]::new));
        try {
            awaitLocked(holder);
            Processes.Started run = Processes.crisis(dir, "run", file.toString(), "--runs", "20", "--seed", "2", "--quiet");
            assertEquals(0, run.waitFor(), run.stderr());
            Path written = Path.of(run.stdout().lines().filter(l -> l.startsWith("results: ")).findFirst().orElseThrow()
                    .substring("results: ".length()));
            assertTrue(written.getFileName().toString().matches("tiny-\\d{8}-\\d{6}-2"), written.toString());
            assertTrue(held.contains(dir.resolve(written).resolveSibling(written.getFileName().toString()
                    .replaceAll("-2$", "")).toString()), "the name taken is the one of its second, with a suffix");
            assertOwnSeeds(dir.resolve(written), 2, 20);
            for (String h : held) {
                assertEquals("half-written\n", Files.readString(work(Path.of(h)).resolve("partial.csv")),
                        "the other process's files are left alone");
            }
        } finally {
            holder.process().getOutputStream().close();
            holder.waitFor();
        }
    }

    private static void awaitLocked(Processes.Started holder) throws InterruptedException {
        Processes.await(() -> {
            try {
                return holder.stdout().contains("locked") || !holder.process().isAlive();
            } catch (IOException e) {
                return false;
            }
        }, "the other process holds its locks");
        if (!holder.process().isAlive()) {
            throw new AssertionError("the lock holder ended early");
        }
    }

    @Test
    void mergeAndReportAreRefusedWhileAnotherProcessWritesTheirOutput() throws Exception {
        scenario();
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                scenario: tiny.yaml
                design: grid
                replications: 2
                vary:
                  parameters.grievanceDecay: { values: [0.01, 0.05] }
                outcomes: [severed:AAA-BBB]
                """);
        for (int i = 1; i <= 2; i++) {
            assertEquals(0, Main.execute("sweep", sweep.toString(), "--shard", i + "/2", "--out",
                    dir.resolve("s" + i).toString(), "--quiet"));
        }
        Path out = dir.resolve("taken");
        Processes.Started holder = Processes.start(dir, List.of(), LockHolder.class.getName(), out.toString());
        try {
            awaitLocked(holder);
            Processes.Started merge = Processes.crisis(dir, "merge", dir.resolve("s1").toString(),
                    dir.resolve("s2").toString(), "--out", out.toString());
            assertEquals(2, merge.waitFor(), merge.stderr());
            assertTrue(merge.stderr().contains("crisis merge: " + out + " is being written by another crisis process"),
                    merge.stderr());
            Path runSet = Path.of("src/test/resources/report/base").toAbsolutePath();
            Processes.Started report = Processes.crisis(dir, "report", runSet.toString(), "--out", out.toString());
            assertEquals(2, report.waitFor(), report.stderr());
            assertTrue(report.stderr().contains("is being written by another crisis process"), report.stderr());
            assertFalse(Files.exists(out), "nothing written");
            // a running sweep's work directory holds its identity file: it is being written, not interrupted
            Files.writeString(work(out).resolve("sweep.json"), "{}");
            Processes.Started live = Processes.crisis(dir, "report", runSet.toString(), "--out", out.toString());
            assertEquals(2, live.waitFor(), live.stderr());
            assertTrue(live.stderr().contains("is being written by another crisis process"), live.stderr());
            assertFalse(live.stderr().contains("interrupted"), "no advice to remove a live command's work: " + live.stderr());
            Files.delete(work(out).resolve("sweep.json"));
        } finally {
            holder.process().getOutputStream().close();
            holder.waitFor();
        }
        assertEquals(0, Main.execute("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                out.toString()), "once the other process is done");
        assertFalse(Files.exists(work(out)));
    }
}

package org.crisis.experiment;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crisis sweep} and {@code crisis merge} as a user runs them: exit statuses and messages. */
class SweepCliTest {
    private static final String GRID = """
            design: grid
            replications: 2
            vary:
              parameters.grievanceDecay: { values: [0.01, 0.05] }
            """ + SweepFixtures.OUTCOMES;

    @TempDir
    Path dir;



    private long entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void anInvalidSweepExitsWithStatusTwoAndWritesNothing() throws Exception {
        Path file = SweepFixtures.sweep(dir, GRID.replace("values: [0.01, 0.05]", "values: [0.01, 1.5]")
                .replace("design: grid", "design: grd"));
        long before = entries();
        Outcome o = crisis("sweep", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("sweep.yaml:2:9: design: unknown design 'grd'"), o.err());
        assertTrue(o.err().contains("vary.parameters.grievanceDecay: value 1.5 makes the scenario invalid"), o.err());
        assertTrue(o.err().contains("2 problems; nothing was run"), o.err());
        assertEquals(before, entries(), "no directory created");
    }

    @Test
    void aSweepRunsEndToEndAndShardsMerge() throws Exception {
        Path file = SweepFixtures.sweep(dir, GRID);
        Outcome o = crisis("sweep", file.toString(), "--out", dir.resolve("whole").toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("grid design, 2 points x 2 replications = 4 runs"), o.out());
        assertTrue(o.out().contains("results: " + dir.resolve("whole")), o.out());
        for (int i = 1; i <= 2; i++) {
            o = crisis("sweep", file.toString(), "--shard", i + "/2", "--out", dir.resolve("s" + i).toString(), "--quiet");
            assertEquals(0, o.status(), o.err());
        }
        o = crisis("merge", dir.resolve("s1").toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, o.status(), "one shard of two: " + o.err());
        assertTrue(o.err().contains("incomplete set of shards"), o.err());
        o = crisis("merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(), "--out", dir.resolve("m").toString());
        assertEquals(0, o.status(), o.err());
        assertEquals(Files.readString(dir.resolve("whole/runs.csv")), Files.readString(dir.resolve("m/runs.csv")));
        assertEquals(Files.readString(dir.resolve("whole/points.csv")), Files.readString(dir.resolve("m/points.csv")));
    }

    @Test
    void badOptionsExitWithStatusTwo() throws Exception {
        Path file = SweepFixtures.sweep(dir, GRID);
        Outcome o = crisis("sweep", file.toString(), "--shard", "3/2", "--out", dir.resolve("o").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("expected I/N"), o.err());
        o = crisis("sweep", file.toString(), "--resume", "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("nothing to resume"), o.err());
        o = crisis("sweep", file.toString(), "--threads", "0");
        assertEquals(2, o.status());
        assertFalse(Files.exists(dir.resolve("o")));
    }
}

package org.crisis.experiment;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crisis merge of shards damaged after they were written: each is refused with exit status 2,
 * the file and line (or field), no stack trace, and nothing written.
 */
class DamagedShardsTest {
    @TempDir
    Path dir;
    private Path good1;
    private Path good2;
    private int copies;



    @BeforeEach
    void shards() throws Exception {
        Path file = SweepFixtures.sweep(dir, """
                design: grid
                replications: 3
                vary:
                  parameters.grievanceDecay: { values: [0.01, 0.05] }
                """ + SweepFixtures.OUTCOMES);
        good1 = dir.resolve("s1");
        good2 = dir.resolve("s2");
        assertEquals(0, crisis("sweep", file.toString(), "--shard", "1/2", "--out", good1.toString(), "--quiet").status());
        assertEquals(0, crisis("sweep", file.toString(), "--shard", "2/2", "--out", good2.toString(), "--quiet").status());
    }

    /** Merges a copy of shard 1 damaged by {@code damage} with shard 2; returns the refusal. */
    private String refusal(Damage damage) throws Exception {
        Path copy = dir.resolve("copy" + ++copies).resolve("s1");
        SweepDirectory.copyTree(good1, copy);
        damage.apply(copy);
        Path out = dir.resolve("merged" + copies);
        Outcome o = crisis("merge", copy.toString(), good2.toString(), "--out", out.toString());
        assertEquals(2, o.status(), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
        return o.err().strip();
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path shard) throws Exception;
    }

    private static void editLines(Path file, UnaryOperator<List<String>> edit) throws Exception {
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(file)));
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static String cell(String line, int index, String value) {
        String[] cells = line.split(",", -1);
        cells[index] = value;
        return String.join(",", cells);
    }

    @Test
    void aWholeSweepIsNotAShardToMerge() throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Path whole = dir.resolve("whole");
        assertEquals(0, crisis("sweep", file.toString(), "--out", whole.toString(), "--quiet").status());
        Outcome o = crisis("merge", whole.toString(), "--out", dir.resolve("copied").toString());
        assertEquals(2, o.status(), o.err());
        assertEquals("crisis merge: " + whole + " holds a whole sweep, run without --shard: it needs no merge; crisis report "
                + whole + " reads it", o.err().strip());
        assertFalse(Files.exists(dir.resolve("copied")), "nothing written");
        // an array of one shard (--shard 1/1, as a job script may give) merges as asked
        Path one = dir.resolve("one");
        assertEquals(0, crisis("sweep", file.toString(), "--shard", "1/1", "--out", one.toString(), "--quiet").status());
        assertEquals(0, crisis("merge", one.toString(), "--out", dir.resolve("merged-one").toString()).status());
        assertTrue(Files.isRegularFile(dir.resolve("merged-one/runs.csv")));
    }

    @Test
    void theGoodShardsMerge() {
        assertEquals(0, crisis("merge", good1.toString(), good2.toString(), "--out", dir.resolve("m").toString()).status());
    }

    @Test
    void aTruncatedRunsFileIsRefusedWithItsLine() throws Exception {
        String runs = dir.resolve("copy1/s1/runs.csv").toString();
        assertEquals("crisis merge: " + runs + ":4: the last line is cut off (no line end): the file is truncated",
                refusal(s -> {
                    String text = Files.readString(s.resolve("runs.csv"));
                    Files.writeString(s.resolve("runs.csv"), text.substring(0, text.length() - 8));
                }));
        runs = dir.resolve("copy2/s1/runs.csv").toString();
        assertEquals("crisis merge: " + runs + ":3: 2 runs, expected 3 for shard 1/2: the file is truncated (point 1,"
                + " replication 1 is the first missing)",
                refusal(s -> editLines(s.resolve("runs.csv"), l -> l.subList(0, 3))));
    }

    @Test
    void aDuplicatedRowIsRefusedWithItsLine() throws Exception {
        String runs = dir.resolve("copy1/s1/runs.csv").toString();
        assertEquals("crisis merge: " + runs + ":3: point 0, replication 0 appears twice or out of order: the file is damaged",
                refusal(s -> editLines(s.resolve("runs.csv"), l -> {
                    l.add(2, l.get(1));
                    return l;
                })));
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        String runs = dir.resolve("copy1/s1/runs.csv").toString();
        assertEquals("crisis merge: " + runs + ": no such file; the shard is damaged: run its crisis sweep --shard"
                + " command again into a new --out", refusal(s -> Files.delete(s.resolve("runs.csv"))));
    }

    @Test
    void anInvalidManifestIsRefusedWithLineAndColumn() throws Exception {
        String manifest = dir.resolve("copy1/s1/manifest.json").toString();
        String m = refusal(s -> Files.writeString(s.resolve("manifest.json"), "{\n  \"sweep\": {,\n}"));
        assertTrue(m.startsWith("crisis merge: " + manifest + ":2:13: not valid JSON: Unexpected character (','"), m);
        m = refusal(s -> Files.writeString(s.resolve("manifest.json"),
                Files.readString(s.resolve("manifest.json")).replace("\"index\" : 1,", "\"index\" : \"one\",")));
        assertTrue(m.matches("crisis merge: " + java.util.regex.Pattern.quote(dir.resolve("copy2/s1/manifest.json").toString())
                + ":\\d+:\\d+: shard.index: expected a whole number from 1 to 2, found \"one\""), m);
    }

    @Test
    void aWrongSeedIsCaughtAgainstTheDesign() throws Exception {
        String runs = dir.resolve("copy1/s1/runs.csv").toString();
        String m = refusal(s -> editLines(s.resolve("runs.csv"), l -> {
            l.set(2, cell(l.get(2), 2, "12345"));
            return l;
        }));
        assertTrue(m.startsWith("crisis merge: " + runs + ":3: seed 12345 is not the seed of point 0, replication 2 in"
                + " this sweep ("), m);
        assertTrue(m.endsWith("): the file was edited or belongs to another sweep"), m);
    }

    @Test
    void anEditedValueIsCaughtByTheChecksumTheManifestRecorded() throws Exception {
        String runs = dir.resolve("copy1/s1/runs.csv").toString();
        String m = refusal(s -> editLines(s.resolve("runs.csv"), l -> {
            String[] cells = l.get(1).split(",", -1);
            l.set(1, cell(l.get(1), 5, cells[5].equals("3") ? "4" : "3")); // an outcome, still a valid number
            return l;
        }));
        assertTrue(m.startsWith("crisis merge: " + runs + ": its SHA-256 ("), m);
        assertTrue(m.endsWith(" recorded when the shard was written (" + Hashing.sha256(good1.resolve("runs.csv"))
                .substring(0, 12) + "\u2026): the file was changed since"), m);
    }
}

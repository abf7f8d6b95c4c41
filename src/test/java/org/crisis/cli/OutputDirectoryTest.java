package org.crisis.cli;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that writes a directory refuses an --out it cannot use, and then writes nothing. */
class OutputDirectoryTest {
    @TempDir
    Path dir;



    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private Path scenario() throws Exception {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, ConcurrentWritersTest.TINY);
        return file;
    }

    /** A sweep of tiny.yaml, two points. */
    private Path sweepFile() throws Exception {
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                scenario: tiny.yaml
                design: grid
                vary:
                  parameters.grievanceDecay: { values: [0.01, 0.05] }
                outcomes: [severed:AAA-BBB]
                """);
        return sweep;
    }

    @Test
    void anOutThroughAMissingDirectoryIsRefusedByEveryCommandAndNothingIsLeft() throws Exception {
        Path file = scenario();
        Path sweep = sweepFile();
        assertEquals(0, crisis("run", file.toString(), "--runs", "2", "--out", dir.resolve("set").toString()).status());
        assertEquals(0, crisis("sweep", sweep.toString(), "--out", dir.resolve("swept").toString(), "--quiet").status());
        List<String> before = listing();
        String out = dir + "/nosub/../x";
        for (String[] args : List.of(
                new String[] {"run", file.toString(), "--runs", "2", "--out", out},
                new String[] {"sweep", sweep.toString(), "--out", out, "--quiet"},
                new String[] {"merge", dir.resolve("swept").toString(), "--out", out},
                new String[] {"report", dir.resolve("set").toString(), "--out", out},
                new String[] {"calibrate", file.toString(), "--out", out})) { // refused before the file is read
            Outcome o = crisis(args);
            assertEquals(2, o.status(), args[0] + ": " + o.err());
            assertTrue(o.err().contains(out + " contains '..'"), args[0] + ": " + o.err());
            assertEquals(before, listing(), args[0] + " leaves nothing behind");
        }
    }

    @Test
    void aFileWhereTheWorkDirectoryGoesIsReportedNotAsABarePath() throws Exception {
        Path file = scenario();
        Files.writeString(dir.resolve(".x.incomplete"), "not a directory");
        Outcome o = crisis("run", file.toString(), "--runs", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, o.status(), o.err());
        assertEquals("crisis run: " + dir.resolve(".x.incomplete") + " is in the way: a file where the work directory"
                + " of a command goes; remove it\n", o.err());
        assertEquals("not a directory", Files.readString(dir.resolve(".x.incomplete")));
    }

    @Test
    void aRunDoesNotDeleteTheJournalOfAnInterruptedSweep() throws Exception {
        Path file = scenario();
        Path work = Files.createDirectories(dir.resolve(".x.incomplete"));
        Files.writeString(work.resolve("sweep.json"), "{}");
        Files.writeString(work.resolve("journal-0001.log"), "0,0,1,2\tdeadbeef\n");
        Outcome o = crisis("run", file.toString(), "--runs", "2", "--out", dir.resolve("x").toString());
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("holds an interrupted crisis sweep"), o.err());
        assertEquals("0,0,1,2\tdeadbeef\n", Files.readString(work.resolve("journal-0001.log")));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aRunOrMergeDoesNotDeleteTheJournalOfAnInterruptedCalibration() throws Exception {
        Path file = scenario();
        Path sweep = sweepFile();
        // a shard (an array of one task), which merge takes
        assertEquals(0, crisis("sweep", sweep.toString(), "--shard", "1/1", "--out", dir.resolve("swept").toString(), "--quiet")
                .status());
        Path work = Files.createDirectories(dir.resolve(".x.incomplete"));
        Files.writeString(work.resolve("calibration.json"), "{}");
        Files.writeString(work.resolve("journal-0001.log"), "E,0,1,0.5,3 4\tdeadbeef\n");
        for (String[] args : List.of(
                new String[] {"run", file.toString(), "--runs", "2", "--out", dir.resolve("x").toString()},
                new String[] {"merge", dir.resolve("swept").toString(), "--out", dir.resolve("x").toString()})) {
            Outcome o = crisis(args);
            assertEquals(2, o.status(), args[0] + ": " + o.err());
            assertEquals("crisis " + args[0] + ": " + work + " holds an interrupted crisis calibration; finish it by running the"
                    + " crisis calibrate command that started it again (its calibration file, --out " + dir.resolve("x")
                    + ", the same fold options), or remove " + work + " to give up its evaluations\n", o.err());
            assertEquals("E,0,1,0.5,3 4\tdeadbeef\n", Files.readString(work.resolve("journal-0001.log")), args[0]);
            assertTrue(Files.isRegularFile(work.resolve("calibration.json")), args[0]);
            assertFalse(Files.exists(dir.resolve("x")), args[0]);
        }
    }

    @Test
    void aReportIsNotWrittenIntoTheOutOfAnInterruptedSweepOrCalibration() throws Exception {
        Path file = scenario();
        assertEquals(0, crisis("run", file.toString(), "--runs", "2", "--out", dir.resolve("set").toString()).status());
        Path out = dir.resolve("x");
        Path work = dir.resolve(".x.incomplete");
        for (String[] kind : List.of(new String[] {"sweep.json", "sweep", "sweep", "runs"},
                new String[] {"calibration.json", "calibration", "calibrate", "evaluations"})) {
            Files.createDirectories(work);
            Files.writeString(work.resolve(kind[0]), "{}");
            Files.writeString(work.resolve("journal-0001.log"), "0,0,1,2\tdeadbeef\n");
            Outcome o = crisis("report", dir.resolve("set").toString(), "--out", out.toString());
            assertEquals(2, o.status(), kind[1] + ": " + o.err());
            assertEquals("crisis report: " + work + " holds an interrupted crisis " + kind[1] + "; finish it by running the crisis "
                    + kind[2] + " command that started it again (its " + kind[1] + " file, --out " + out
                    + ("calibration".equals(kind[1]) ? ", the same fold options" : ", the same --shard if any") + "), or remove " + work + " to give up its "
                    + kind[3] + "\n", o.err());
            assertFalse(Files.exists(out), kind[1] + ": no report where the " + kind[1] + " puts its results");
            assertEquals("0,0,1,2\tdeadbeef\n", Files.readString(work.resolve("journal-0001.log")), kind[1]);
            assertTrue(Files.isRegularFile(work.resolve(kind[0])), kind[1]);
            org.crisis.io.WorkDirectory.delete(work);
        }
        // results already in place beside a journal left by a session killed while cleaning up: they are another
        // command's results, whose own report a report of another set would replace, so it is refused as such
        Files.createDirectories(work);
        Files.writeString(work.resolve("sweep.json"), "{}");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{}");
        Outcome beside = crisis("report", dir.resolve("set").toString(), "--out", out.toString());
        assertEquals(2, beside.status(), beside.err());
        assertTrue(beside.err().contains("is another results directory (it holds manifest.json)"), beside.err());
        assertFalse(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(work.resolve("sweep.json")), "the journal is left as it was");
    }
}

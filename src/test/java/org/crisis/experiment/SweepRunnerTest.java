package org.crisis.experiment;

import org.crisis.io.OutputUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep machinery on a tiny scenario: files, seeds, failures, resume, shards. Never the model's numbers. */
class SweepRunnerTest {
    private static final String GRID = """
            design: grid
            replications: 3
            seed: 7
            vary:
              countries.AAA.sovereignty: { min: 0.2, max: 1.0, steps: 3 }
              parameters.grievanceDecay: { values: [0.01, 0.05] }
            """ + SweepFixtures.OUTCOMES;
    private static final String SOBOL = """
            design: sobol
            samples: 8
            replications: 2
            seed: 3
            vary:
              countries.AAA.sovereignty: { min: 0.2, max: 1.0 }
              parameters.grievanceGain: { min: 0.2, max: 1.5 }
              parameters.memory: { min: 5, max: 40 }
            """ + SweepFixtures.OUTCOMES;

    @TempDir
    Path dir;

    private Sweep sweep(String body) throws Exception {
        return SweepReader.read(SweepFixtures.sweep(dir, body));
    }

    private SweepRunner.Result run(Sweep s, Path out, int threads) throws Exception {
        return new SweepRunner(s, SweepFixtures.options(out, threads, SweepShard.ALL, SweepRunner.Mode.AUTO)).execute();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static Path work(Path out) {
        return out.getParent().resolve("." + out.getFileName() + ".incomplete");
    }

    @Test
    void aSweepWritesRunsPointsAndManifestAndNothingElseRemains() throws Exception {
        Sweep s = sweep(GRID);
        Path out = dir.resolve("out");
        SweepRunner.Result r = run(s, out, 2);
        assertEquals(out, r.directory());
        assertEquals(18, r.runs());
        assertEquals(0, r.failed());
        List<String> runs = lines(out.resolve("runs.csv"));
        assertEquals("point,replication,seed,countries_aaa_sovereignty,parameters_grievance_decay,severed_aaa_bbb,"
                + "days_to_severed_aaa_bbb,lowest_level_aaa_bbb,severed_pairs,polarisation,status,message", runs.get(0));
        assertEquals(1 + 6 * 3, runs.size());
        assertTrue(runs.get(1).startsWith("0,0,"), "sorted by point, then replication");
        assertTrue(runs.get(4).startsWith("1,0,"));
        assertTrue(runs.get(1).contains(",0.2,0.01,"), runs.get(1));
        assertTrue(runs.get(4).contains(",0.2,0.05,"), "the last factor varies fastest: " + runs.get(4));
        assertTrue(runs.get(18).contains(",1,0.05,"), runs.get(18));
        assertTrue(runs.stream().skip(1).allMatch(l -> l.endsWith(",ok,")));
        List<String> points = lines(out.resolve("points.csv"));
        assertEquals("point,countries_aaa_sovereignty,parameters_grievance_decay,outcome,n,mean,sd,ci95_low,ci95_high",
                points.get(0));
        assertEquals(1 + 6 * 5, points.size());
        assertTrue(points.get(1).startsWith("0,0.2,0.01,severed_aaa_bbb,3,"), points.get(1));
        assertFalse(Files.exists(out.resolve("sensitivity.csv")), "a grid has no sensitivity indices");
        assertTrue(Files.isRegularFile(out.resolve("inputs/sweep.yaml")));
        assertTrue(Files.isRegularFile(out.resolve("inputs/scenario/tiny.yaml")));
        assertFalse(Files.exists(work(out)), "the work directory is gone");
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(s.fileSha256(), m.path("sweep").path("sha256").asText());
        assertEquals(s.scenarioSha256(), m.path("scenario").path("sha256").asText());
        assertEquals(64, m.path("scenario").path("resolved_sha256").asText().length());
        assertEquals(org.crisis.scenario.StateRecords.shipped().sha256(), m.path("state_records").path("sha256").asText(),
                "the states' records table the runs read");
        assertEquals("grid", m.path("sweep").path("design").asText());
        assertEquals(18, m.path("results").path("runs").asInt());
        assertTrue(m.path("sweep").path("common_random_numbers").asBoolean());
        assertTrue(m.path("timings").has("started") && m.path("timings").has("ended"));
        JsonNode days = m.path("sweep").path("outcomes").get(1);
        assertEquals("daysToSevered:AAA-BBB", days.path("name").asText());
        assertEquals("day", days.path("kind").asText(), "the manifest says what each outcome is, as summary.json does");
        assertEquals("days to SEVERED (runs where reached)", days.path("label").asText());
        assertEquals("rupture", days.path("event").asText());
        assertEquals("pair", days.path("scope").asText());
        assertEquals("global", m.path("sweep").path("outcomes").get(3).path("scope").asText());
    }

    @Test
    void pointStatisticsAreThoseOfTheRunsOfThePoint() throws Exception {
        Path out = dir.resolve("out");
        run(sweep(GRID), out, 1);
        List<String> runs = lines(out.resolve("runs.csv"));
        double sum = 0;
        for (int k = 1; k <= 3; k++) {
            sum += Double.parseDouble(SweepRows.split(runs.get(k)).get(9)); // polarisation of point 0
        }
        String row = lines(out.resolve("points.csv")).stream().filter(l -> l.startsWith("0,") && l.contains(",polarisation,"))
                .findFirst().orElseThrow();
        List<String> cells = SweepRows.split(row);
        assertEquals("3", cells.get(4));
        assertEquals(sum / 3, Double.parseDouble(cells.get(5)), 1e-6);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Sweep s = sweep(SOBOL);
        run(s, dir.resolve("one"), 1);
        run(s, dir.resolve("two"), 2);
        run(s, dir.resolve("five"), 5);
        Map<String, String> one = SweepFixtures.results(dir.resolve("one"));
        assertEquals(one, SweepFixtures.results(dir.resolve("two")));
        assertEquals(one, SweepFixtures.results(dir.resolve("five")));
    }

    @Test
    void commonRandomNumbersGiveEveryPointTheSameSeedsByDefault() throws Exception {
        Sweep s = sweep(GRID);
        for (int p = 0; p < s.pointCount(); p++) {
            for (int r = 0; r < 3; r++) {
                assertEquals(Seeds.derive(7, r), s.seedOf(p, r));
            }
        }
        assertNotEquals(s.seedOf(0, 0), s.seedOf(0, 1));
        Path out = dir.resolve("out");
        run(s, out, 2);
        for (String row : lines(out.resolve("runs.csv")).subList(1, 19)) {
            List<String> c = SweepRows.split(row);
            assertEquals(Seeds.derive(7, Integer.parseInt(c.get(1))), Long.parseLong(c.get(2)));
        }
    }

    @Test
    void withoutCommonRandomNumbersEachPointHasItsOwnSeeds() throws Exception {
        Sweep s = sweep("commonRandomNumbers: false\n" + GRID);
        assertEquals(Seeds.derive(Seeds.derive(7, 4), 2), s.seedOf(4, 2));
        assertNotEquals(s.seedOf(0, 0), s.seedOf(1, 0));
        assertNotEquals(s.seedOf(0, 1), s.seedOf(1, 1));
        assertEquals(s.seedOf(3, 1), sweep("commonRandomNumbers: false\n" + GRID).seedOf(3, 1), "deterministic");
    }

    @Test
    void aRunThatThrowsIsRecordedAsFailedAndTheSweepGoesOn() throws Exception {
        Sweep s = sweep(GRID);
        Path out = dir.resolve("out");
        SweepRunner runner = new SweepRunner(s, SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO))
                .withModel((scenario, outcomes, seed) -> {
                    if (seed == Seeds.derive(7, 1)) {
                        throw new IllegalStateException("grievance, went negative");
                    }
                    return new double[] {1, 3, 0, 2, 0.5};
                });
        SweepRunner.Result r = runner.execute();
        assertEquals(6, r.failed(), "replication 1 of each of the 6 points");
        List<String> failed = lines(out.resolve("runs.csv")).stream().filter(l -> l.contains(",failed,")).toList();
        assertEquals(6, failed.size());
        assertTrue(failed.get(0).endsWith(",,,,,,failed,\"IllegalStateException: grievance, went negative\""), failed.get(0));
        String row = lines(out.resolve("points.csv")).get(1);
        assertTrue(row.contains(",severed_aaa_bbb,2,1,0,"), "failed runs are left out of the point's statistics: " + row);
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(6, m.path("results").path("failed_runs").asInt());
    }

    @Test
    void aSweepKilledAtAnyPointIsCompletedWithIdenticalFiles() throws Exception {
        Sweep s = sweep(SOBOL);
        Path reference = dir.resolve("reference");
        run(s, reference, 2);
        Map<String, String> expected = SweepFixtures.results(reference);
        long total = s.runCount();
        for (long k : new long[] {1, 2, 17, total / 2, total - 1}) {
            Path out = dir.resolve("killed-" + k);
            SweepRunner first = new SweepRunner(s, SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO))
                    .stopAfter(k);
            assertThrows(SweepRunner.Stopped.class, first::execute);
            assertFalse(Files.exists(out), "no results before the sweep is complete");
            assertTrue(Files.isDirectory(work(out)));
            SweepRunner.Result r = run(s, out, 1);
            assertEquals(k, r.resumed(), "runs of the first session are not run again");
            assertEquals(expected, SweepFixtures.results(out), "killed after " + k + " runs");
        }
    }

    @Test
    void aSweepInterruptedSeveralTimesStillGivesIdenticalFiles() throws Exception {
        Sweep s = sweep(GRID);
        Path reference = dir.resolve("reference");
        run(s, reference, 2);
        Path out = dir.resolve("out");
        for (long k : new long[] {3, 4, 5}) {
            SweepRunner r = new SweepRunner(s, SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO))
                    .stopAfter(k);
            assertThrows(SweepRunner.Stopped.class, r::execute);
        }
        try (Stream<Path> files = Files.list(work(out))) {
            assertEquals(3, files.filter(p -> p.getFileName().toString().startsWith("journal-")).count(), "a segment per session");
        }
        SweepRunner.Result r = new SweepRunner(s, SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.RESUME))
                .execute();
        assertEquals(12, r.resumed());
        assertEquals(SweepFixtures.results(reference), SweepFixtures.results(out));
    }

    @Test
    void resumingWithAnotherBuildSaysSoAndStillResumes() throws Exception {
        Sweep s = sweep(GRID);
        Path out = dir.resolve("rebuilt");
        SweepRunner.Options first = new SweepRunner.Options(2, out, out.getParent(), SweepShard.ALL, SweepRunner.Mode.AUTO, false,
                new PrintStream(PrintStream.nullOutputStream()), List.of("crisis", "sweep", "test"), "0.1.0+aaaaaaaaaaaa");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s, first).stopAfter(5).execute()); // of 18 runs
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Options second = new SweepRunner.Options(2, out, out.getParent(), SweepShard.ALL, SweepRunner.Mode.AUTO,
                false, new PrintStream(log, true, StandardCharsets.UTF_8), List.of("crisis", "sweep", "test"), "0.1.0+bbbbbbbbbbbb");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s, second).stopAfter(5).execute());
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("crisis sweep: the work resumed was done in part by crisis 0.1.0+aaaaaaaaaaaa and goes on with"
                + " crisis 0.1.0+bbbbbbbbbbbb"), said);
        // back to the first build: the one in the middle is still named, and the manifest names all
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        new SweepRunner(s, new SweepRunner.Options(2, out, out.getParent(), SweepShard.ALL, SweepRunner.Mode.AUTO, false,
                new PrintStream(third, true, StandardCharsets.UTF_8), List.of("crisis", "sweep", "test"), "0.1.0+aaaaaaaaaaaa"))
                .execute();
        assertTrue(third.toString(StandardCharsets.UTF_8).contains("done in part by crisis 0.1.0+bbbbbbbbbbbb"),
                third.toString(StandardCharsets.UTF_8));
        assertEquals("[\"0.1.0+aaaaaaaaaaaa\",\"0.1.0+bbbbbbbbbbbb\"]",
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("session_versions").toString());
        // the same build resumes without a word about builds
        Path same = dir.resolve("same");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(same, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(10).execute());
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        new SweepRunner(s, new SweepRunner.Options(2, same, same.getParent(), SweepShard.ALL, SweepRunner.Mode.AUTO, false,
                new PrintStream(quiet, true, StandardCharsets.UTF_8), List.of("crisis", "sweep", "test"), "test")).execute();
        assertTrue(quiet.toString(StandardCharsets.UTF_8).contains("resuming"), quiet.toString(StandardCharsets.UTF_8));
        assertFalse(quiet.toString(StandardCharsets.UTF_8).contains("done in part by"), quiet.toString(StandardCharsets.UTF_8));
        assertFalse(new ObjectMapper().readTree(same.resolve("manifest.json").toFile()).has("session_versions"));
    }

    @Test
    void aTornOrDamagedJournalLineIsDroppedAndItsRunDoneAgain() throws Exception {
        Sweep s = sweep(GRID);
        Path reference = dir.resolve("reference");
        run(s, reference, 2);
        Map<String, String> expected = SweepFixtures.results(reference);
        for (int cut : new int[] {1, 5, 30, 61}) {
            Path out = dir.resolve("torn-" + cut);
            assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                    SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(10).execute());
            Path journal = work(out).resolve("journal-0001.log");
            long size = Files.size(journal);
            try (FileChannel c = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                c.truncate(size - cut); // as a kill -9 or a full disk in the middle of a write leaves it
            }
            run(s, out, 2);
            assertEquals(expected, SweepFixtures.results(out), "journal cut by " + cut + " bytes");
        }
        // a line cut inside a character (a country's accented name, say): its half a character is read as U+FFFD,
        // the line fails its checksum and its run is done again, instead of every resume failing to decode the file
        Path split = dir.resolve("torn-character");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(split, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(10).execute());
        Path segment = work(split).resolve("journal-0001.log");
        try (FileChannel c = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            c.truncate(Files.size(segment) - 5);
        }
        Files.write(segment, new byte[] {'P', 'e', 'r', (byte) 0xC3}, StandardOpenOption.APPEND);
        run(s, split, 2);
        assertEquals(expected, SweepFixtures.results(split), "journal cut inside a character");
        Path out = dir.resolve("damaged");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(10).execute());
        Path journal = work(out).resolve("journal-0001.log");
        List<String> lines = new ArrayList<>(lines(journal));
        lines.set(4, lines.get(4).replace(",ok", ",ko"));
        Files.write(journal, lines, StandardCharsets.UTF_8);
        SweepRunner.Result r = run(s, out, 2);
        assertEquals(9, r.resumed());
        assertEquals(expected, SweepFixtures.results(out));
    }

    @Test
    void aSweepWhoseFilesChangedRefusesToResume() throws Exception {
        Path file = SweepFixtures.sweep(dir, GRID);
        Sweep s = SweepReader.read(file);
        Path out = dir.resolve("out");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(4).execute());

        Files.writeString(file, Files.readString(file).replace("seed: 7", "seed: 8"));
        Sweep changed = SweepReader.read(file);
        SweepRunner.Refused e = assertThrows(SweepRunner.Refused.class, () -> run(changed, out, 2));
        assertTrue(e.getMessage().contains("the sweep file changed") && e.getMessage().contains("--restart"), e.getMessage());

        Files.writeString(file, Files.readString(file).replace("seed: 8", "seed: 7"));
        Files.writeString(dir.resolve("tiny.yaml"), SweepFixtures.SCENARIO.replace("days: 30", "days: 31"));
        Sweep otherScenario = SweepReader.read(file);
        e = assertThrows(SweepRunner.Refused.class, () -> run(otherScenario, out, 2));
        assertTrue(e.getMessage().contains("the scenario file changed"), e.getMessage());
        assertFalse(Files.exists(out));

        SweepRunner.Result r = new SweepRunner(otherScenario,
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.RESTART)).execute();
        assertEquals(0, r.resumed(), "--restart discards the interrupted sweep");
        assertEquals(18, r.runs());
    }

    @Test
    void anotherSweepsUnfinishedWorkIsNeitherResumedNorDiscarded() throws Exception {
        Path file = SweepFixtures.sweep(dir, GRID);
        Path out = dir.resolve("out");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(SweepReader.read(file),
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(4).execute());
        Path twin = Files.writeString(dir.resolve("twin.yaml"), Files.readString(file).replace("seed: 7", "seed: 8"));
        Sweep other = SweepReader.read(twin);
        for (SweepRunner.Mode mode : List.of(SweepRunner.Mode.AUTO, SweepRunner.Mode.RESTART)) {
            SweepRunner.Refused e = assertThrows(SweepRunner.Refused.class, () -> new SweepRunner(other,
                    SweepFixtures.options(out, 2, SweepShard.ALL, mode)).execute());
            assertTrue(e.getMessage().contains("an unfinished sweep started from another sweep file, " + file + " (this is "
                    + twin + "): give this sweep its own --out"), e.getMessage());
            assertFalse(e.getMessage().contains("--restart"), e.getMessage());
        }
        SweepRunner.Result r = run(SweepReader.read(file), out, 2);
        assertEquals(4, r.resumed(), "the first sweep's work was kept and resumes");

        // a sweep file moved since its work began is not another's: unchanged, it resumes its own work
        Path elsewhere = dir.resolve("elsewhere");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(SweepReader.read(twin),
                SweepFixtures.options(elsewhere, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(4).execute());
        Path moved = Files.move(twin, dir.resolve("moved.yaml"));
        assertEquals(4, run(SweepReader.read(moved), elsewhere, 2).resumed(), "the moved file's work resumes");
    }

    @Test
    void aSweepKilledAfterItsResultsMovedIntoPlaceIsRecognisedAsFinished() throws Exception {
        Sweep s = sweep(GRID);
        Path out = dir.resolve("out");
        run(s, out, 2);
        Map<String, String> expected = SweepFixtures.results(out);
        // the state a kill between the final rename and the removal of the work directory leaves
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode identity = SweepDirectory.identity(s, SweepShard.ALL, "test");
        identity.put("started", manifest.path("timings").path("started").asText());
        Files.createDirectories(work(out));
        new ObjectMapper().writeValue(work(out).resolve(SweepDirectory.IDENTITY).toFile(), identity);
        SweepRunner.Result r = run(s, out, 2);
        assertEquals(out, r.directory());
        assertEquals(0, r.failed());
        assertFalse(Files.exists(work(out)), "the leftover work directory is removed");
        assertEquals(expected, SweepFixtures.results(out), "the results are left as they were");
    }

    @Test
    void resumeRefusesWhenThereIsNothingToResume() throws Exception {
        Path out = dir.resolve("out");
        SweepRunner.Refused e = assertThrows(SweepRunner.Refused.class, () -> new SweepRunner(sweep(GRID),
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.RESUME)).execute());
        assertTrue(e.getMessage().contains("nothing to resume"), e.getMessage());
        assertFalse(Files.exists(work(out)));
    }

    @Test
    void anOutDirectoryThatIsNotEmptyIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("precious.txt"), "keep me");
        OutputUnavailableException e = assertThrows(OutputUnavailableException.class, () -> run(sweep(GRID), out, 2));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
        assertFalse(Files.exists(work(out)));
    }

    @Test
    void aResumeIntoAnOutThatIsNotEmptyIsRefusedBeforeAnyRun() throws Exception {
        Sweep s = sweep(GRID);
        Path reference = dir.resolve("reference");
        run(s, reference, 2);
        Path out = dir.resolve("out");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 2, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(4).execute());
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "hi");
        for (SweepRunner.Mode mode : new SweepRunner.Mode[] {SweepRunner.Mode.AUTO, SweepRunner.Mode.RESUME}) {
            int[] calls = {0};
            OutputUnavailableException e = assertThrows(OutputUnavailableException.class, () -> new SweepRunner(s,
                    SweepFixtures.options(out, 2, SweepShard.ALL, mode)).withModel((scenario, outcomes, seed) -> {
                        calls[0]++;
                        return new double[outcomes.size()];
                    }).execute());
            assertEquals(out + " already exists and is not an empty directory, and the interrupted sweep in " + work(out)
                    + " puts its results only into an absent or empty --out. Move what is in " + out + " elsewhere and run"
                    + " the same command again to resume it, or remove " + work(out) + " to give up its runs", e.getMessage());
            assertEquals(0, calls[0], mode + ": refused before any run");
            assertEquals(1, SweepJournal.segments(work(out)).size(), mode + ": the journal is as it was");
            assertEquals("hi", Files.readString(out.resolve("notes.txt")));
        }
        Files.delete(out.resolve("notes.txt"));
        SweepRunner.Result r = run(s, out, 2);
        assertEquals(4, r.resumed());
        assertEquals(SweepFixtures.results(reference), SweepFixtures.results(out));
    }

    /** A model that gives zeros, and puts a file into {@code out} when it is first called (another program would). */
    private static SweepRunner.Model zerosWriting(Path out) {
        return (scenario, outcomes, seed) -> {
            try {
                if (out != null && !Files.exists(out)) {
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("notes.txt"), "hi");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new double[outcomes.size()];
        };
    }

    @Test
    void anOutThatAppearsWhileTheSweepRunsKeepsTheResultsInTheWorkDirectoryUntilItIsMoved() throws Exception {
        Sweep s = sweep(GRID);
        Path reference = dir.resolve("reference");
        new SweepRunner(s, SweepFixtures.options(reference, 1, SweepShard.ALL, SweepRunner.Mode.AUTO))
                .withModel(zerosWriting(null)).execute();
        Path out = dir.resolve("out");
        Path staged = work(out).resolve("final");
        OutputUnavailableException e = assertThrows(OutputUnavailableException.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 1, SweepShard.ALL, SweepRunner.Mode.AUTO)).withModel(zerosWriting(out)).execute());
        assertEquals(out + " appeared while the sweep ran and is not empty; the results are complete, in " + staged
                + ". Move what is in " + out + " elsewhere and run the same command again to put them there", e.getMessage());
        assertEquals(SweepFixtures.results(reference), SweepFixtures.results(staged));
        assertEquals("hi", Files.readString(out.resolve("notes.txt")));

        e = assertThrows(OutputUnavailableException.class, () -> run(s, out, 1));
        assertTrue(e.getMessage().contains(" puts its results only into an absent or empty --out (they are complete, in "
                + staged + "). Move what is in " + out + " elsewhere and run the same command again to put them there, or"
                + " remove "), e.getMessage());
        Files.delete(out.resolve("notes.txt"));
        SweepRunner.Result r = new SweepRunner(s, SweepFixtures.options(out, 1, SweepShard.ALL, SweepRunner.Mode.AUTO))
                .withModel(zerosWriting(null)).execute();
        assertEquals(18, r.resumed(), "nothing is run again");
        assertEquals(SweepFixtures.results(reference), SweepFixtures.results(out));
        assertFalse(Files.exists(work(out)));
    }

    @Test
    void withoutOutTheSameCommandFindsTheInterruptedSweep() throws Exception {
        Sweep s = sweep(GRID);
        Path root = dir.resolve("results");
        SweepRunner.Options options = new SweepRunner.Options(2, null, root, SweepShard.ALL, SweepRunner.Mode.AUTO, false,
                SweepFixtures.options(dir.resolve("x"), 1, SweepShard.ALL, SweepRunner.Mode.AUTO).log(), List.of(), "test");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s, options).stopAfter(5).execute());
        assertTrue(Files.isDirectory(root.resolve(".sweep.incomplete")));
        SweepRunner.Result r = new SweepRunner(s, options).execute();
        assertEquals(5, r.resumed());
        assertTrue(r.directory().getFileName().toString().matches("sweep-\\d{8}-\\d{6}"), r.directory().toString());
        assertFalse(Files.exists(root.resolve(".sweep.incomplete")));
    }

    @Test
    void sobolAndMorrisSweepsWriteSensitivityIndices() throws Exception {
        Path sobol = dir.resolve("sobol");
        run(sweep(SOBOL), sobol, 2);
        List<String> s = lines(sobol.resolve("sensitivity.csv"));
        assertEquals("outcome,parameter,rows,s1,s1_ci95_low,s1_ci95_high,st,st_ci95_low,st_ci95_high", s.get(0));
        assertEquals(1 + 5 * 3, s.size());
        assertTrue(s.get(1).startsWith("severed_aaa_bbb,countries_aaa_sovereignty,"), s.get(1));
        for (String line : s.subList(1, s.size())) {
            String[] c = line.split(",", -1);
            for (int k : new int[] {3, 6}) { // an empty index has an empty interval
                assertTrue(!c[k].isEmpty() || c[k + 1].isEmpty() && c[k + 2].isEmpty(), line);
            }
        }

        Path morris = dir.resolve("morris");
        run(sweep(SOBOL.replace("design: sobol", "design: morris").replace("samples: 8", "samples: 5")), morris, 2);
        List<String> m = lines(morris.resolve("sensitivity.csv"));
        assertEquals("outcome,parameter,effects,mu,mu_star,sigma,mu_star_ci95_low,mu_star_ci95_high", m.get(0));
        assertEquals(1 + 5 * 3, m.size());
        assertTrue(m.get(1).startsWith("severed_aaa_bbb,countries_aaa_sovereignty,5,"), m.get(1));
    }

    @Test
    void shardsMergeIntoTheResultsOfOneMachine() throws Exception {
        Sweep s = sweep(SOBOL);
        Path single = dir.resolve("single");
        run(s, single, 2);
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path out = dir.resolve("shard" + i);
            SweepShard shard = new SweepShard(i, 3);
            if (i == 2) { // a shard is resumable like a whole sweep
                assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                        SweepFixtures.options(out, 2, shard, SweepRunner.Mode.AUTO)).stopAfter(6).execute());
            }
            SweepRunner.Result r = new SweepRunner(s, SweepFixtures.options(out, 2, shard, SweepRunner.Mode.AUTO)).execute();
            assertEquals(shard.runs(s.runCount()), r.runs());
            assertFalse(Files.exists(out.resolve("points.csv")), "a shard alone has no point statistics");
            shards.add(out);
        }
        List<String> second = lines(shards.get(1).resolve("runs.csv"));
        assertTrue(second.get(1).startsWith("0,1,") && second.get(2).startsWith("2,0,"), "shard 2/3 holds runs 1, 4, 7...");
        Path merged = dir.resolve("merged");
        SweepMerge.Result r = SweepMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), merged, dir,
                List.of("crisis", "merge"), "test");
        assertEquals(s.runCount(), r.runs());
        assertEquals(SweepFixtures.results(single), SweepFixtures.results(merged));
        // each shard's build is on record beside it, and one build is one version
        assertEquals(List.of("test"), r.versions());
        assertEquals("[[\"test\"],[\"test\"],[\"test\"]]",
                new ObjectMapper().readTree(merged.resolve("manifest.json").toFile()).path("merged_from_versions").toString());
        // a shard begun by another build and resumed by this one: both are named, and the merge still goes through
        JsonNode m = new ObjectMapper().readTree(shards.get(0).resolve("manifest.json").toFile());
        ((ObjectNode) m).putArray("session_versions").add("0.1.0+aaaaaaaaaaaa").add("test");
        new ObjectMapper().writeValue(shards.get(0).resolve("manifest.json").toFile(), m);
        SweepMerge.Result mixed = SweepMerge.merge(shards, dir.resolve("mixed"), dir, List.of("crisis", "merge"), "test");
        assertEquals(List.of("0.1.0+aaaaaaaaaaaa", "test"), mixed.versions());
        assertEquals("[[\"0.1.0+aaaaaaaaaaaa\",\"test\"],[\"test\"],[\"test\"]]", new ObjectMapper()
                .readTree(dir.resolve("mixed").resolve("manifest.json").toFile()).path("merged_from_versions").toString());
    }

    @Test
    void mergeRefusesIncompleteSetsOtherSweepsAndUnfinishedShards() throws Exception {
        Sweep s = sweep(GRID);
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path out = dir.resolve("shard" + i);
            new SweepRunner(s, SweepFixtures.options(out, 1, new SweepShard(i, 3), SweepRunner.Mode.AUTO)).execute();
            shards.add(out);
        }
        SweepRunner.Refused e = assertThrows(SweepRunner.Refused.class, () -> SweepMerge.merge(
                List.of(shards.get(0), shards.get(2)), dir.resolve("m1"), dir, List.of(), "test"));
        assertTrue(e.getMessage().contains("incomplete set of shards") && e.getMessage().contains("shard 2 of 3"),
                e.getMessage());
        e = assertThrows(SweepRunner.Refused.class, () -> SweepMerge.merge(
                List.of(shards.get(0), shards.get(0), shards.get(1)), dir.resolve("m2"), dir, List.of(), "test"));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());

        Path otherDir = Files.createDirectories(dir.resolve("other"));
        Sweep other = SweepReader.read(SweepFixtures.sweep(otherDir, GRID.replace("seed: 7", "seed: 9")));
        Path foreign = dir.resolve("foreign2");
        new SweepRunner(other, SweepFixtures.options(foreign, 1, new SweepShard(2, 3), SweepRunner.Mode.AUTO)).execute();
        e = assertThrows(SweepRunner.Refused.class, () -> SweepMerge.merge(
                List.of(shards.get(0), foreign, shards.get(2)), dir.resolve("m3"), dir, List.of(), "test"));
        assertTrue(e.getMessage().contains("not a shard of the same sweep") && e.getMessage().contains("sweep file differs"),
                e.getMessage());

        Path unfinished = dir.resolve("unfinished");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(unfinished, 1, new SweepShard(2, 3), SweepRunner.Mode.AUTO)).stopAfter(2).execute());
        e = assertThrows(SweepRunner.Refused.class, () -> SweepMerge.merge(
                List.of(shards.get(0), work(unfinished), shards.get(2)), dir.resolve("m4"), dir, List.of(), "test"));
        assertTrue(e.getMessage().contains("not a finished shard"), e.getMessage());
        // a shard that read another states' records table (a build whose case library differed) is not merged
        JsonNode second = new ObjectMapper().readTree(shards.get(1).resolve("manifest.json").toFile());
        ((ObjectNode) second).putObject("state_records").put("sha256", "0".repeat(64));
        new ObjectMapper().writeValue(shards.get(1).resolve("manifest.json").toFile(), second);
        e = assertThrows(SweepRunner.Refused.class, () -> SweepMerge.merge(shards, dir.resolve("m5"), dir, List.of(), "test"));
        assertTrue(e.getMessage().contains("not a shard of the same sweep") && e.getMessage().contains("states' records table"
                + " differs (SHA-256 000000000000… against "), e.getMessage());
        for (String m : List.of("m1", "m2", "m3", "m4", "m5")) {
            assertFalse(Files.exists(dir.resolve(m)), "nothing written by a refused merge");
        }
    }

    @Test
    void aMergeNamesTheTableItsShardsReadAndAResumeRefusesAnotherTable() throws Exception {
        Sweep s = sweep(GRID);
        List<Path> shards = new ArrayList<>();
        String recorded = "1".repeat(64);
        for (int i = 1; i <= 2; i++) {
            Path out = dir.resolve("part" + i);
            new SweepRunner(s, SweepFixtures.options(out, 1, new SweepShard(i, 2), SweepRunner.Mode.AUTO)).execute();
            JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
            ((ObjectNode) m).putObject("state_records").put("sha256", recorded);
            new ObjectMapper().writeValue(out.resolve("manifest.json").toFile(), m);
            shards.add(out);
        }
        SweepMerge.merge(shards, dir.resolve("merged"), dir, List.of("crisis", "merge"), "test");
        assertEquals(recorded, new ObjectMapper().readTree(dir.resolve("merged").resolve("manifest.json").toFile())
                .path("state_records").path("sha256").asText(), "the shards' table, not the merging build's");

        // a work directory whose identity names another table is not resumed
        Path out = dir.resolve("resumed");
        assertThrows(SweepRunner.Stopped.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 1, SweepShard.ALL, SweepRunner.Mode.AUTO)).stopAfter(2).execute());
        Path identity = work(out).resolve(SweepDirectory.IDENTITY);
        JsonNode id = new ObjectMapper().readTree(identity.toFile());
        assertEquals(org.crisis.scenario.StateRecords.shipped().sha256(), id.path("state_records_sha256").asText());
        ((ObjectNode) id).put("state_records_sha256", recorded);
        new ObjectMapper().writeValue(identity.toFile(), id);
        SweepRunner.Refused e = assertThrows(SweepRunner.Refused.class, () -> new SweepRunner(s,
                SweepFixtures.options(out, 1, SweepShard.ALL, SweepRunner.Mode.RESUME)).execute());
        assertTrue(e.getMessage().contains("the states' records table changed since it started"), e.getMessage());
    }
}

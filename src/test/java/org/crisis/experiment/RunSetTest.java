package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.crisis.model.EventType;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.sim.CrisisModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run set written as a results directory (README, "Output files", "Reproducibility and
 * seeds"): identical whatever the thread count, and visible only when complete.
 */
class RunSetTest {
    private static final List<String> REPRODUCIBLE = List.of("runs.csv", "summary.json", "events.csv",
            "trajectories.csv", "ensemble.csv");

    @TempDir
    Path tmp;

    private static Scenario fixture(String file) throws Exception {
        return ScenarioReader.read(Path.of(RunSetTest.class.getResource("/model/" + file).toURI()), List.of());
    }

    private RunSet.Spec spec(Scenario s, int runs, int threads, int keep, Path out) {
        return new RunSet.Spec(s, "0".repeat(64), List.of("crisis", "run", "test"), List.of(), runs, 7, threads, keep,
                out, tmp, "test");
    }

    @Test
    void runsAreIdenticalAcrossThreadCounts() throws Exception {
        // a regional crisis: seven tracked pairs, third parties drawing from the run's generator
        Scenario s = fixture("regional-crisis.yaml");
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        new RunSet(spec(s, 64, 1, 64, one)).execute(Progress.none());
        new RunSet(spec(s, 64, 2, 64, two)).execute(Progress.none());
        for (String file : REPRODUCIBLE) {
            byte[] a = Files.readAllBytes(one.resolve(file));
            assertTrue(a.length > 100, file + " is written");
            assertArrayEquals(a, Files.readAllBytes(two.resolve(file)), file);
        }
        assertTrue(Files.readAllLines(one.resolve("events.csv")).size() > 64, "the runs have events to compare");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m1 = (ObjectNode) json.readTree(one.resolve("manifest.json").toFile());
        ObjectNode m2 = (ObjectNode) json.readTree(two.resolve("manifest.json").toFile());
        assertEquals(1, m1.get("threads").asInt());
        assertEquals(2, m2.get("threads").asInt());
        // where the runs were made: this Java and system
        assertEquals(System.getProperty("java.version"), m1.path("runtime").path("java").asText());
        assertEquals(System.getProperty("os.name") + " " + System.getProperty("os.arch"), m1.path("runtime").path("os").asText());
        for (String timing : List.of("threads", "started", "ended")) {
            m1.remove(timing);
            m2.remove(timing);
        }
        assertEquals(m1, m2, "the manifests differ only in threads and timings");
    }

    @Test
    void eachRunsSeedDerivesFromTheMasterSeedAndIsWrittenInRunsCsv() throws Exception {
        Scenario s = fixture("embassy-raid.yaml");
        Path out = tmp.resolve("seeds");
        new RunSet(spec(s, 12, 2, 3, out)).execute(Progress.none());
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        assertTrue(rows.get(0).startsWith("point,replication,seed,"), rows.get(0));
        assertTrue(rows.get(0).contains(",severed_rai_vic,"), rows.get(0));
        assertEquals(13, rows.size());
        for (int k = 0; k < 12; k++) {
            String[] cells = rows.get(k + 1).split(",", -1);
            assertEquals("0", cells[0]);
            assertEquals(String.valueOf(k), cells[1]);
            assertEquals(String.valueOf(Seeds.derive(7, k)), cells[2]);
        }
    }

    @Test
    void eventsAndTrajectoriesAreKeptForTheFirstRunsOnly() throws Exception {
        Scenario s = fixture("embassy-raid.yaml");
        Path out = tmp.resolve("keep");
        new RunSet(spec(s, 12, 2, 3, out)).execute(Progress.none());
        List<String> runsInEvents = column(out.resolve("events.csv"), 0);
        List<String> runsInTrajectories = column(out.resolve("trajectories.csv"), 0);
        assertEquals(List.of("0", "1", "2"), runsInEvents.stream().distinct().toList());
        assertEquals(List.of("0", "1", "2"), runsInTrajectories.stream().distinct().toList());
        assertEquals(3 * s.days(), runsInTrajectories.size(), "one row per tracked pair per day");
        List<String> ensembleRuns = column(out.resolve("ensemble.csv"), 4);
        assertTrue(ensembleRuns.stream().allMatch("12"::equals), "the ensemble covers every run");
    }

    private static List<String> column(Path csv, int index) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(line.split(",", -1)[index]);
        }
        return values;
    }

    @Test
    void aFinishedResultsDirectoryAppearsCompleteAndLeavesNoWorkDirectoryBehind() throws Exception {
        Scenario s = fixture("embassy-raid.yaml");
        Path out = tmp.resolve("sets").resolve("done");
        RunSet.Summary summary = new RunSet(spec(s, 5, 2, 5, out)).execute(Progress.none());
        assertEquals(out, summary.directory());
        for (String file : List.of("manifest.json", "runs.csv", "summary.json", "events.csv", "trajectories.csv",
                "ensemble.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertEquals(List.of("done"), names(out.getParent()), "no .incomplete directory is left");
    }

    @Test
    void aRunThatFailsLeavesNoResultsDirectory() throws Exception {
        Scenario good = fixture("embassy-raid.yaml");
        // bypasses validation on purpose: a trigger by a country that does not exist makes the runs throw on day 5
        List<Scenario.Trigger> events = new ArrayList<>(good.events());
        events.add(new Scenario.Trigger(5, EventType.BORDER_INCIDENT, "ZZZ", Optional.of("VIC"), 1.0,
                Optional.empty(), -6.0, false, false, true, false, Map.of()));
        Scenario broken = new Scenario(good.name(), good.description(), good.start(), good.days(), good.seed(),
                good.countries(), good.relations(), events, good.parameters(), good.track(), good.stop(), good.expect());
        for (int threads : new int[] {1, 2}) {
            Path parent = tmp.resolve("failed" + threads);
            Path out = parent.resolve("set");
            Exception e = assertThrows(Exception.class, () -> new RunSet(spec(broken, 8, threads, 8, out)).execute(Progress.none()));
            assertTrue(Stream.of(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(CrisisModel.class.getName())),
                    "the failure happens while running, once the directory is being written: " + e);
            assertFalse(Files.exists(out), "no results directory");
            assertEquals(List.of(), names(parent), "nor any half-written one");
        }
    }

    @Test
    void anExistingNonEmptyOutputDirectoryIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Scenario s = fixture("embassy-raid.yaml");
        IOException e = assertThrows(IOException.class, () -> new RunSet(spec(s, 2, 1, 2, out)).execute(Progress.none()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(List.of("notes.txt"), names(out));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void withoutAnOutputDirectoryTheSetIsNamedAfterTheScenarioUnderTheResultsRoot() throws Exception {
        Scenario s = fixture("embassy-raid.yaml");
        RunSet.Summary summary = new RunSet(spec(s, 2, 1, 2, null)).execute(Progress.none());
        assertEquals(tmp, summary.directory().getParent());
        assertTrue(summary.directory().getFileName().toString().matches("embassy-raid-\\d{8}-\\d{6}(-\\d+)?"),
                summary.directory().toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

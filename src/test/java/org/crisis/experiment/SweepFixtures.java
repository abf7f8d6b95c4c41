package org.crisis.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Tiny scenarios and sweep files for the sweep tests (and the report's): three countries, a month, two triggers. */
public final class SweepFixtures {
    public static final String SCENARIO = """
            name: tiny
            days: 30
            seed: 5
            countries:
              - id: AAA
                sovereignty: 0.8
                domesticPressure: 0.7
              - id: BBB
                ideology: { economic: -0.5, social: 0.1 }
              - id: CCC
            relations:
              - between: [AAA, BBB]
                level: NORMAL
                grievance: { AAA: 0.2, BBB: 0.1 }
            events:
              - day: 0
                type: ASYLUM_GRANT
                actor: BBB
                target: AAA
              - day: 10
                type: INTERFERENCE_STATEMENT
                actor: BBB
                target: AAA
            """;

    static final String OUTCOMES = "outcomes: [severed:AAA-BBB, daysToSevered:AAA-BBB, lowestLevel:AAA-BBB, severedPairs, polarisation]\n";

    private SweepFixtures() {}

    /** Writes the tiny scenario as {@code tiny.yaml} and a sweep file with the given body (scenario line added). */
    static Path sweep(Path dir, String body) throws IOException {
        Files.writeString(dir.resolve("tiny.yaml"), SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "scenario: tiny.yaml\n" + body);
        return file;
    }

    static SweepRunner.Options options(Path out, int threads, SweepShard shard, SweepRunner.Mode mode) {
        return new SweepRunner.Options(threads, out, out.getParent(), shard, mode, false,
                new PrintStream(PrintStream.nullOutputStream()), List.of("crisis", "sweep", "test"), "test");
    }

    /** The files of a results directory that must not depend on how the sweep ran (all but the manifest). */
    static Map<String, String> results(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString();
                if (!name.equals("manifest.json")) {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}

package org.crisis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.crisis.scenario.InvalidInputException;

/**
 * Joins the results of a sweep's shards ({@code crisis sweep --shard I/N}) into the results
 * a single machine would have written: the same runs.csv, points.csv and sensitivity.csv
 * (docs/SWEEPS.md, "Shards"). Refuses shards of different sweeps, an incomplete set, and
 * directories that are not finished shards.
 *
 * <pre>{@code
 * SweepMerge.Result r = SweepMerge.merge(List.of(a, b), null, Path.of("results"), command, version);
 * }</pre>
 */
public final class SweepMerge {
    private SweepMerge() {}

    public record Result(Path directory, long runs, long failed, int shards) {}

    private record Shard(Path dir, JsonNode manifest, int index, int count) {}

    public static Result merge(List<Path> dirs, Path out, Path resultsRoot, List<String> command, String version)
            throws IOException, InvalidInputException, SweepRunner.Refused {
        if (dirs.isEmpty()) {
            throw new SweepRunner.Refused("no directories to merge");
        }
        List<Shard> shards = new ArrayList<>();
        for (Path dir : dirs) {
            shards.add(shard(dir));
        }
        Shard first = shards.get(0);
        for (Shard s : shards.subList(1, shards.size())) {
            List<String> why = new ArrayList<>();
            for (String[] key : new String[][] {{"sweep", "sha256", "sweep file"}, {"scenario", "sha256", "scenario file"},
                {"scenario", "resolved_sha256", "resolved scenario"}}) {
                String a = first.manifest.path(key[0]).path(key[1]).asText();
                String b = s.manifest.path(key[0]).path(key[1]).asText();
                if (!a.equals(b)) {
                    why.add("its " + key[2] + " differs (SHA-256 " + abbreviate(b) + " against " + abbreviate(a) + ")");
                }
            }
            if (why.isEmpty() && s.count != first.count) {
                why.add("it is one of " + s.count + " shards, " + first.dir + " one of " + first.count);
            }
            if (!why.isEmpty()) {
                throw new SweepRunner.Refused(s.dir + " is not a shard of the same sweep as " + first.dir + ": "
                        + String.join("; ", why));
            }
        }
        TreeMap<Integer, Shard> byIndex = new TreeMap<>();
        for (Shard s : shards) {
            Shard other = byIndex.put(s.index, s);
            if (other != null) {
                throw new SweepRunner.Refused("shard " + s.index + "/" + s.count + " is given twice: " + other.dir + " and " + s.dir);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= first.count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new SweepRunner.Refused("incomplete set of shards: missing " + missing.size() + " of " + first.count
                    + " (shard" + (missing.size() == 1 ? " " : "s ") + join(missing) + " of " + first.count + ")");
        }

        Path inputs = first.dir.resolve(SweepDirectory.INPUTS);
        Sweep sweep = SweepReader.read(sweepCopy(inputs), Optional.of(scenarioCopy(inputs)));
        if (!sweep.fileSha256().equals(first.manifest.path("sweep").path("sha256").asText())
                || !sweep.scenarioSha256().equals(first.manifest.path("scenario").path("sha256").asText())) {
            throw new SweepRunner.Refused(inputs + " does not hold the files the shards were run with");
        }
        if (!sweep.resolvedScenarioSha256().equals(first.manifest.path("scenario").path("resolved_sha256").asText())) {
            throw new SweepRunner.Refused("the scenario resolves differently with this version of crisis than when the shards ran;"
                    + " merge with the version that ran them");
        }
        String header = String.join(",", sweep.runColumns());
        List<Path> files = new ArrayList<>();
        for (Shard s : byIndex.values()) {
            Path runs = s.dir.resolve("runs.csv");
            try (BufferedReader r = Files.newBufferedReader(runs, StandardCharsets.UTF_8)) {
                String h = r.readLine();
                if (!header.equals(h)) {
                    throw new SweepRunner.Refused(runs + ": unexpected header; expected " + header);
                }
            }
            files.add(runs);
        }

        try (ResultsDirectory dir = ResultsDirectory.create(out, resultsRoot, sweep.name())) {
            Path work = dir.file("runs.csv").getParent();
            SweepAssembly.Totals totals;
            try (SweepJournal.Rows rows = SweepJournal.mergedCsv(files, sweep.replications())) {
                totals = SweepAssembly.write(sweep, SweepShard.ALL, rows, work);
            } catch (SweepAssembly.Incomplete e) {
                throw new SweepRunner.Refused("the shards do not hold every run of the sweep: " + e.getMessage());
            }
            SweepDirectory.copyTree(inputs, work.resolve(SweepDirectory.INPUTS));
            ObjectNode manifest = SweepManifest.of(sweep, SweepShard.ALL, command, version,
                    first.manifest.path("threads").asInt());
            ((ObjectNode) manifest.path("sweep")).put("file", first.manifest.path("sweep").path("file").asText());
            ((ObjectNode) manifest.path("scenario")).put("file", first.manifest.path("scenario").path("file").asText());
            ObjectNode results = manifest.putObject("results");
            results.put("runs", totals.runs());
            results.put("failed_runs", totals.failed());
            ArrayNode from = manifest.putArray("merged_from");
            String started = null;
            String ended = null;
            for (Shard s : byIndex.values()) {
                from.add(s.dir.toString());
                String a = s.manifest.path("timings").path("started").asText();
                String b = s.manifest.path("timings").path("ended").asText();
                started = started == null || a.compareTo(started) < 0 ? a : started;
                ended = ended == null || b.compareTo(ended) > 0 ? b : ended;
            }
            ObjectNode timings = manifest.putObject("timings");
            timings.put("started", started);
            timings.put("ended", ended);
            timings.put("merged", Instant.now().toString());
            SweepRunner.JSON.writeValue(work.resolve("manifest.json").toFile(), manifest);
            dir.commit();
            return new Result(dir.target(), totals.runs(), totals.failed(), shards.size());
        }
    }

    private static Shard shard(Path dir) throws IOException, SweepRunner.Refused {
        if (!Files.isDirectory(dir)) {
            throw new SweepRunner.Refused(dir + ": no such directory");
        }
        Path manifest = dir.resolve("manifest.json");
        if (dir.getFileName().toString().endsWith(".incomplete") || !Files.isRegularFile(manifest)) {
            throw new SweepRunner.Refused(dir + " is not a finished shard (no manifest.json); finish it by running its"
                    + " crisis sweep --shard command again");
        }
        JsonNode m = SweepRunner.JSON.readTree(manifest.toFile());
        if (!m.path("sweep").isObject() || !m.path("shard").isObject()) {
            throw new SweepRunner.Refused(dir + " does not hold the results of a sweep");
        }
        return new Shard(dir, m, m.path("shard").path("index").asInt(), m.path("shard").path("count").asInt());
    }

    private static Path sweepCopy(Path inputs) throws IOException, SweepRunner.Refused {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(inputs, Files::isRegularFile)) {
            for (Path p : s) {
                return p;
            }
        }
        throw new SweepRunner.Refused(inputs + " holds no sweep file");
    }

    private static Path scenarioCopy(Path inputs) throws IOException, SweepRunner.Refused {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(inputs.resolve("scenario"), Files::isRegularFile)) {
            for (Path p : s) {
                return p;
            }
        }
        throw new SweepRunner.Refused(inputs.resolve("scenario") + " holds no scenario file");
    }

    private static String join(List<Integer> list) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(list.get(i));
        }
        return s.toString();
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}

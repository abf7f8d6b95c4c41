package org.crisis.experiment;

import org.crisis.io.JsonFiles;
import org.crisis.io.Provenance;

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

    /** @param versions the builds that ran the shards (a resumed shard's every session's), each once, in the shards' order */
    public record Result(Path directory, long runs, long failed, int shards, List<String> versions) {}

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
                {"scenario", "resolved_sha256", "resolved scenario"}, {"state_records", "sha256", "states' records table"}}) {
                String a = first.manifest.path(key[0]).path(key[1]).asText();
                String b = s.manifest.path(key[0]).path(key[1]).asText();
                if (!a.equals(b)) {
                    why.add("its " + key[2] + " differs (SHA-256 " + (b.isEmpty() ? "none recorded" : abbreviate(b)) + " against "
                            + (a.isEmpty() ? "none recorded" : abbreviate(a)) + ")");
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
                    throw new SweepRunner.Refused(runs + ":1: unexpected header; expected " + header);
                }
            }
            checkRows(sweep, s, runs);
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
            JournaledDirectory.copyTree(inputs, work.resolve(SweepDirectory.INPUTS));
            ObjectNode manifest = SweepManifest.of(sweep, SweepShard.ALL, command, version,
                    first.manifest.path("threads").asInt());
            ((ObjectNode) manifest.path("sweep")).put("file", first.manifest.path("sweep").path("file").asText());
            ((ObjectNode) manifest.path("scenario")).put("file", first.manifest.path("scenario").path("file").asText());
            // the table the shards read, not the merging build's (a merge runs no model)
            if (first.manifest.has("state_records")) {
                manifest.set("state_records", first.manifest.path("state_records").deepCopy());
            } else {
                manifest.remove("state_records");
            }
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
            List<String> versions = Provenance.recordParts(manifest, byIndex.values().stream().map(Shard::manifest).toList());
            SweepManifest.files(manifest, work);
            SweepRunner.JSON.writeValue(work.resolve("manifest.json").toFile(), manifest);
            dir.commit();
            return new Result(dir.target(), totals.runs(), totals.failed(), shards.size(), versions);
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
        JsonNode m;
        try {
            m = JsonFiles.readObject(manifest);
        } catch (JsonFiles.Invalid e) {
            throw new SweepRunner.Refused(e.getMessage());
        }
        if (!m.path("sweep").isObject() || !m.path("shard").isObject()) {
            throw new SweepRunner.Refused(dir + " does not hold the results of a sweep");
        }
        for (String field : List.of("sweep.sha256", "scenario.sha256", "scenario.resolved_sha256")) {
            String[] f = field.split("\\.");
            JsonNode v = m.path(f[0]).path(f[1]);
            if (!v.isTextual() || !v.asText().matches("[0-9a-f]{64}")) {
                throw invalid(manifest, field, "expected a SHA-256 (64 hex digits), found " + v);
            }
        }
        JsonNode count = m.path("shard").path("count");
        JsonNode index = m.path("shard").path("index");
        if (!count.isInt() || count.asInt() < 1) {
            throw invalid(manifest, "shard.count", "expected a whole number of shards, at least 1, found " + count);
        }
        if (!index.isInt() || index.asInt() < 1 || index.asInt() > count.asInt()) {
            throw invalid(manifest, "shard.index", "expected a whole number from 1 to " + count.asInt() + ", found " + index);
        }
        if (count.asInt() == 1 && !ranAsShard(m)) {
            // a sweep run without --shard: merging it would copy it (a --shard 1/1 of an array of one merges as asked)
            throw new SweepRunner.Refused(dir + " holds a whole sweep, run without --shard: it needs no merge;"
                    + " crisis report " + dir + " reads it");
        }
        JsonNode files = m.path(SweepManifest.FILES);
        if (!files.path("runs.csv").isTextual()) {
            throw invalid(manifest, SweepManifest.FILES, "no SHA-256 of runs.csv: the shard was written by an older"
                    + " crisis; merge it with that version");
        }
        if (!Files.isRegularFile(dir.resolve("runs.csv"))) {
            throw new SweepRunner.Refused(dir.resolve("runs.csv") + ": no such file; the shard is damaged: run its"
                    + " crisis sweep --shard command again into a new --out");
        }
        if (!Files.isDirectory(dir.resolve(SweepDirectory.INPUTS))) {
            throw new SweepRunner.Refused(dir.resolve(SweepDirectory.INPUTS) + ": no such directory (the copies of the"
                    + " sweep and scenario files); the shard is damaged");
        }
        return new Shard(dir, m, index.asInt(), count.asInt());
    }

    /** Whether the manifest's command line gave {@code --shard} (as {@code --shard I/N} or {@code --shard=I/N}). */
    private static boolean ranAsShard(JsonNode manifest) {
        for (JsonNode arg : manifest.path("command")) {
            if (arg.asText().equals("--shard") || arg.asText().startsWith("--shard=")) {
                return true;
            }
        }
        return false;
    }

    private static SweepRunner.Refused invalid(Path manifest, String field, String message) {
        return new SweepRunner.Refused(JsonFiles.locate(manifest, field) + ": " + field + ": " + message);
    }

    /**
     * Checks a shard's runs.csv line by line before it is merged: every line whole (as many
     * cells as the header, a line end), the shard's runs in order and each once, each run's
     * seed and varied values those the design gives it, outcomes numbers where the run is ok;
     * then the file's SHA-256 against the one its manifest recorded, which catches any other
     * change (an edited outcome).
     */
    private static void checkRows(Sweep sweep, Shard s, Path runs) throws IOException, SweepRunner.Refused {
        int columns = sweep.runColumns().size();
        int d = sweep.factors().size();
        int m = sweep.outcomes().size();
        int replications = sweep.replications();
        SweepShard shard = new SweepShard(s.index, s.count);
        long total = sweep.runCount();
        long expected = shard.next(0);
        long rows = 0;
        int valuesPoint = -1;
        String values = "";
        try (Lines in = new Lines(Files.newBufferedReader(runs, StandardCharsets.UTF_8))) {
            in.next(); // the header, checked before
            for (String row = in.next(); row != null; row = in.next()) {
                long line = in.line;
                String at = runs + ":" + line + ": ";
                if (!in.ended) {
                    throw new SweepRunner.Refused(at + "the last line is cut off (no line end): the file is truncated");
                }
                List<String> cells = SweepRows.split(row);
                if (cells.size() != columns) {
                    throw new SweepRunner.Refused(at + cells.size() + " cells, expected " + columns
                            + " as in the header: the file is truncated or damaged");
                }
                int point;
                int replication;
                long seed;
                try {
                    point = Integer.parseInt(cells.get(0));
                    replication = Integer.parseInt(cells.get(1));
                    seed = Long.parseLong(cells.get(2));
                } catch (NumberFormatException e) {
                    throw new SweepRunner.Refused(at + "point, replication and seed must be whole numbers, found '"
                            + cells.get(0) + "', '" + cells.get(1) + "', '" + cells.get(2) + "'");
                }
                if (point < 0 || point >= sweep.pointCount() || replication < 0 || replication >= replications) {
                    throw new SweepRunner.Refused(at + "point " + point + ", replication " + replication
                            + " is not a run of this sweep (" + sweep.pointCount() + " points, " + replications
                            + " replications)");
                }
                long run = (long) point * replications + replication;
                if (run != expected) {
                    throw new SweepRunner.Refused(at + (run < expected
                            ? "point " + point + ", replication " + replication + " appears twice or out of order"
                            : !shard.owns(run) ? "point " + point + ", replication " + replication + " belongs to shard "
                                    + (run % s.count + 1) + "/" + s.count + ", not " + shard
                            : "point " + expected / replications + ", replication " + expected % replications
                                    + " is missing before it") + ": the file is damaged");
                }
                if (seed != sweep.seedOf(point, replication)) {
                    throw new SweepRunner.Refused(at + "seed " + seed + " is not the seed of point " + point
                            + ", replication " + replication + " in this sweep (" + sweep.seedOf(point, replication)
                            + "): the file was edited or belongs to another sweep");
                }
                if (point != valuesPoint) {
                    valuesPoint = point;
                    StringBuilder b = new StringBuilder();
                    for (SweepFactor.Setting x : sweep.settingsAt(point)) {
                        b.append(b.length() == 0 ? "" : ",").append(x.text());
                    }
                    values = b.toString();
                }
                if (!SweepRows.cells(row, 3, 3 + d).equals(values)) {
                    throw new SweepRunner.Refused(at + "the varied values " + SweepRows.cells(row, 3, 3 + d)
                            + " are not those of point " + point + " (" + values + "): the file was edited");
                }
                String status = cells.get(3 + d + m);
                boolean ok = SweepRows.OK.equals(status);
                if (!ok && !SweepRows.FAILED.equals(status)) {
                    throw new SweepRunner.Refused(at + "status: expected ok or failed, found '" + status + "'");
                }
                for (int k = 0; k < m; k++) {
                    String cell = cells.get(3 + d + k);
                    if (!cell.isEmpty() && !(ok && isNumber(cell))) {
                        throw new SweepRunner.Refused(at + sweep.outcomes().get(k).column() + ": expected "
                                + (ok ? "a number or nothing" : "nothing (the run failed)") + ", found '" + cell + "'");
                    }
                }
                expected += s.count;
                rows++;
            }
            if (rows != shard.runs(total)) {
                throw new SweepRunner.Refused(runs + ":" + in.line + ": " + rows + " runs, expected " + shard.runs(total)
                        + " for shard " + shard + ": the file is truncated (point " + expected / replications
                        + ", replication " + expected % replications + " is the first missing)");
            }
        }
        String recorded = s.manifest.path(SweepManifest.FILES).path("runs.csv").asText();
        String actual = Hashing.sha256(runs);
        if (!actual.equals(recorded)) {
            throw new SweepRunner.Refused(runs + ": its SHA-256 (" + abbreviate(actual) + ") differs from the one "
                    + s.dir.resolve("manifest.json") + " recorded when the shard was written (" + abbreviate(recorded)
                    + "): the file was changed since");
        }
    }

    private static boolean isNumber(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Lines of a file with their numbers, and whether each ended with a line end. */
    private static final class Lines implements java.io.Closeable {
        private final BufferedReader in;
        long line;
        boolean ended;

        Lines(BufferedReader in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder s = new StringBuilder();
            int c = in.read();
            if (c < 0) {
                return null;
            }
            line++;
            while (c >= 0 && c != '\n') {
                if (c != '\r') {
                    s.append((char) c);
                }
                c = in.read();
            }
            ended = c == '\n';
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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

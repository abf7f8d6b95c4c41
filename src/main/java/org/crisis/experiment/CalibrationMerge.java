package org.crisis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crisis.io.Provenance;

/**
 * Joins the results directories of the folds of one calibration ({@code crisis calibrate
 * --fold I/K}, e.g. the tasks of a job array) into the directory {@code --folds K} would have
 * written on one machine: the same candidates.csv and folds.csv, and, when fold 0 (the fit on
 * all cases) is among them, its best.yaml, posterior.csv and patterns.csv (docs/CALIBRATION.md,
 * "Cross-validation on a cluster"). It refuses folds of different calibrations, a fold given
 * twice, a missing fold 1..K, and unfinished directories.
 */
public final class CalibrationMerge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COPIED = List.of("best.yaml", "posterior.csv", "patterns.csv");

    private CalibrationMerge() {}

    /**
     * What a merge reports.
     *
     * @param versions the builds that ran the merged directories, each once, in the order the directories were given
     */
    public record Result(Path directory, List<CalibrationRunner.FitSummary> fits, int k, long seed, List<String> versions) {}

    public static Result merge(List<Path> dirs, Path out, Path resultsRoot, List<String> command, String version)
            throws IOException, CalibrationRunner.Refused {
        if (dirs.isEmpty()) {
            throw new CalibrationRunner.Refused("give the results directories of the folds to merge");
        }
        List<JsonNode> manifests = new ArrayList<>();
        for (Path d : dirs) {
            String base = d.getFileName() == null ? "" : d.getFileName().toString();
            if (base.startsWith(".") && base.endsWith(".incomplete")) {
                throw new CalibrationRunner.Refused(d + " is the work directory of an unfinished fold; finish it first"
                        + " (run the same crisis calibrate command again)");
            }
            Path manifest = d.resolve("manifest.json");
            if (!Files.isDirectory(d)) {
                throw new CalibrationRunner.Refused(d + (Files.exists(d) ? ": not a directory (give the results directories of"
                        + " crisis calibrate --fold I/K)" : ": no such directory"));
            }
            if (!Files.isRegularFile(manifest)) {
                throw new CalibrationRunner.Refused(d + ": not a finished calibration directory (no manifest.json)");
            }
            JsonNode m = JSON.readTree(manifest.toFile());
            if (!m.path("calibration").isObject()) {
                throw new CalibrationRunner.Refused(d + ": not a calibration directory (its manifest has no calibration)");
            }
            manifests.add(m);
        }
        JsonNode first = manifests.get(0);
        int k = first.path("folds").path("k").asInt();
        if (k < 2) {
            throw new CalibrationRunner.Refused(dirs.get(0) + " was not run with --fold I/K or --folds K; nothing to merge");
        }
        Map<Integer, Integer> dirOfFold = new TreeMap<>();
        for (int i = 0; i < dirs.size(); i++) {
            JsonNode m = manifests.get(i);
            String why = difference(first, m);
            if (why != null) {
                throw new CalibrationRunner.Refused(dirs.get(i) + " is from another calibration than " + dirs.get(0) + ": " + why);
            }
            for (JsonNode f : m.path("folds").path("fits")) {
                Integer before = dirOfFold.putIfAbsent(f.asInt(), i);
                if (before != null) {
                    throw new CalibrationRunner.Refused("fold " + f.asInt() + " is in both " + dirs.get(before) + " and " + dirs.get(i));
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int f = 1; f <= k; f++) {
            if (!dirOfFold.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new CalibrationRunner.Refused("incomplete set of folds: missing fold" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(String::valueOf).toList()) + " of " + k);
        }
        boolean all = dirOfFold.containsKey(0);
        String name = first.path("calibration").path("name").asText("calibration") + "-folds-" + k;
        try (ResultsDirectory out2 = ResultsDirectory.create(out, resultsRoot, name)) {
            Path target = out2.file("");
            writeByFold(dirs, dirOfFold, "candidates.csv", target.resolve("candidates.csv"));
            writeByFold(dirs, dirOfFold, "folds.csv", target.resolve("folds.csv"));
            writeByFold(dirs, dirOfFold, "folds-posterior.csv", target.resolve("folds-posterior.csv"));
            Path source = dirs.get(all ? dirOfFold.get(0) : 0);
            if (all) {
                for (String file : COPIED) {
                    if (Files.isRegularFile(source.resolve(file))) {
                        Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (Files.isDirectory(source.resolve(CalibrationDirectory.INPUTS))) {
                JournaledDirectory.copyTree(source.resolve(CalibrationDirectory.INPUTS), target.resolve(CalibrationDirectory.INPUTS));
            }
            ObjectNode manifest = ((ObjectNode) manifests.get(all ? dirOfFold.get(0) : 0)).deepCopy();
            manifest.put("version", version);
            manifest.set("runtime", Provenance.runtime());
            ArrayNode cmd = manifest.putArray("command");
            command.forEach(cmd::add);
            ObjectNode folds = (ObjectNode) manifest.path("folds");
            folds.put("run", all ? CalibrationFolds.all(k).toString() : k + " folds (merged, without the fit on all cases)");
            ArrayNode fits = folds.putArray("fits");
            dirOfFold.keySet().forEach(fits::add);
            ObjectNode results = (ObjectNode) manifest.path("results");
            ArrayNode resultFits = results.putArray("fits");
            List<CalibrationRunner.FitSummary> summaries = new ArrayList<>();
            for (Map.Entry<Integer, Integer> e : dirOfFold.entrySet()) {
                for (JsonNode f : manifests.get(e.getValue()).path("results").path("fits")) {
                    if (f.path("fold").asInt() == e.getKey()) {
                        resultFits.add(f);
                        summaries.add(new CalibrationRunner.FitSummary(f.path("fold").asInt(), f.path("evaluations").asInt(),
                                f.path("best_evaluation").asInt(), f.path("best_loss").asDouble(), f.path("passes").asInt(),
                                f.path("patterns").asInt(), f.path("held_out_passes").asInt(),
                                f.path("held_out_patterns").asInt(), byCase(f.path("held_out_by_case")),
                                byCase(f.path("held_out_ensemble_by_case"))));
                    }
                }
            }
            manifest.set("timings", timings(manifests));
            long seed = manifest.path("calibration").path("master_seed").asLong(1);
            CalibrationOutput.outOfSample(results, summaries, seed);
            ArrayNode from = manifest.putArray("merged_from");
            dirs.forEach(d -> from.add(d.toAbsolutePath().normalize().toString()));
            List<String> versions = Provenance.recordParts(manifest, manifests);
            SweepRunner.JSON.writeValue(target.resolve("manifest.json").toFile(), manifest);
            out2.commit();
            return new Result(out2.target(), summaries, k, seed, versions);
        }
    }

    /**
     * The folds' timings together: the earliest start, the latest end, and sessions, evaluations
     * and seconds summed (the folds may have run at the same time, so the seconds are work, not
     * the span).
     */
    private static ObjectNode timings(List<JsonNode> manifests) {
        String started = null;
        String ended = null;
        long sessions = 0;
        long evaluations = 0;
        double seconds = 0;
        for (JsonNode m : manifests) {
            JsonNode t = m.path("timings");
            String s = t.path("started").asText(null);
            String e = t.path("ended").asText(null);
            if (s != null && (started == null || Instant.parse(s).isBefore(Instant.parse(started)))) {
                started = s;
            }
            if (e != null && (ended == null || Instant.parse(e).isAfter(Instant.parse(ended)))) {
                ended = e;
            }
            sessions += t.path("sessions").asLong();
            evaluations += t.path("evaluations_this_session").asLong();
            seconds += t.path("seconds_this_session").asDouble();
        }
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("started", started);
        t.put("ended", ended);
        t.put("sessions", sessions);
        t.put("evaluations_this_session", evaluations);
        t.put("seconds_this_session", Math.round(seconds * 1e3) / 1e3);
        t.put("merged", "the folds' earliest start and latest end; sessions, evaluations and seconds summed over the folds");
        return t;
    }

    /** Why two fold directories are not of the same calibration, or null. */
    private static String difference(JsonNode a, JsonNode b) {
        JsonNode x = a.path("calibration");
        JsonNode y = b.path("calibration");
        if (!x.path("sha256").asText().equals(y.path("sha256").asText())) {
            return "the calibration files differ (SHA-256)";
        }
        for (String field : List.of("budget", "master_seed")) {
            if (!x.path(field).equals(y.path(field))) {
                return "the " + field.replace('_', ' ') + " differs (" + x.path(field).asText() + " and " + y.path(field).asText() + ")";
            }
        }
        List<String> cx = new ArrayList<>();
        x.path("cases").forEach(c -> cx.add(c.path("name").asText() + c.path("sha256").asText() + c.path("resolved_sha256").asText()));
        List<String> cy = new ArrayList<>();
        y.path("cases").forEach(c -> cy.add(c.path("name").asText() + c.path("sha256").asText() + c.path("resolved_sha256").asText()));
        if (!cx.equals(cy)) {
            return "the cases differ (files or resolved scenarios)";
        }
        String tx = a.path("state_records").path("sha256").asText();
        String ty = b.path("state_records").path("sha256").asText();
        if (!tx.equals(ty)) {
            return "the states' records tables the folds read differ (SHA-256 " + (tx.isEmpty() ? "none recorded" : tx)
                    + " and " + (ty.isEmpty() ? "none recorded" : ty) + "): run every fold with one build";
        }
        boolean hx = x.path("ensemble").path("held_out").asBoolean(false);
        if (hx != y.path("ensemble").path("held_out").asBoolean(false)) {
            return "one ran with ensemble.heldOut (--held-out-ensembles) and the other without; run every fold alike";
        }
        if (a.path("folds").path("k").asInt() != b.path("folds").path("k").asInt()) {
            return "it has " + b.path("folds").path("k").asInt() + " folds, not " + a.path("folds").path("k").asInt();
        }
        return null;
    }

    /** A manifest's list of cases with their passes and patterns. */
    private static List<CalibrationRunner.CaseCount> byCase(JsonNode list) {
        List<CalibrationRunner.CaseCount> cases = new ArrayList<>();
        for (JsonNode x : list) {
            cases.add(new CalibrationRunner.CaseCount(x.path("case").asText(), x.path("passes").asInt(), x.path("patterns").asInt()));
        }
        return List.copyOf(cases);
    }

    /** Concatenates a CSV file of the directories in fold order (header once); rows are grouped by fold in each file. */
    private static void writeByFold(List<Path> dirs, Map<Integer, Integer> dirOfFold, String file, Path target) throws IOException {
        String header = null;
        Map<Integer, StringBuilder> rows = new TreeMap<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path p = dirs.get(i).resolve(file);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                String h = r.readLine();
                if (header == null) {
                    header = h;
                } else if (h != null && !h.equals(header)) {
                    throw new IOException(p + ": its columns differ from the other folds' " + file);
                }
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int comma = line.indexOf(',');
                    int fold = Integer.parseInt(comma < 0 ? line : line.substring(0, comma));
                    if (dirOfFold.get(fold) == i) {
                        rows.computeIfAbsent(fold, x -> new StringBuilder()).append(line).append('\n');
                    }
                }
            }
        }
        if (header == null) {
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write(header + "\n");
            for (StringBuilder s : rows.values()) {
                w.write(s.toString());
            }
        }
    }
}

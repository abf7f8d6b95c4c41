package org.crisis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.crisis.io.JsonFiles;
import org.crisis.io.Provenance;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;

/**
 * A run set made again from its own manifest ({@code crisis rerun DIR}, README "Reproducibility
 * and seeds"): the scenario embedded there (every default filled in and {@code --set} applied),
 * its master seed, runs and kept runs, and under {@code --parameters-from} the same ensemble,
 * checked by the hash of its posterior.csv. The scenario file need not exist any more. The
 * rerun's files are then compared with the original's, byte for byte. A sweep, or one shard of
 * it, is made again from the copies of its sweep and scenario files in its {@code inputs/}, and
 * the result files its manifest lists are compared; a calibration, or one fold of it, from the
 * copies of its calibration file and cases there, with the budget and folds it ran.
 */
public final class Rerun {
    /** The files of a run set that the same code, scenario and seed write identically. */
    public static final List<String> FILES = List.of("runs.csv", "summary.json", "events.csv", "trajectories.csv",
            "ensemble.csv");
    /** The manifest's fields that define the run set (the others are timings and where it ran). */
    static final List<String> DEFINITION = List.of("resolved_scenario_sha256", "parameters", "state_records", "runs",
            "master_seed", "kept_runs", "parameters_from");
    /** The fields of a sweep's manifest that define what ran, as paths ("shard/index": the shard object's index). */
    static final List<String> SWEEP_DEFINITION = List.of("sweep/sha256", "scenario/resolved_sha256", "state_records/sha256",
            "shard/index", "shard/count");

    /**
     * What the manifest of {@code directory} says was run.
     *
     * @param builds the builds that made it ({@link Provenance#builds}: a merge's parts', a resumed work's sessions')
     * @param overrides the {@code --set} values, already applied to {@code scenario}
     */
    public record Source(Scenario scenario, String scenarioSha256, List<String> overrides, long seed, int runs, int kept,
            ParameterDraws draws, List<String> builds) {}

    /** One file's verdict: {@code same}, or {@code detail} says where it first differs. */
    public record Verdict(String file, boolean same, String detail) {}

    /**
     * What a sweep's manifest says was run: the sweep as read from its inputs' copies, the shard
     * (all of it for a sweep run whole or merged), the builds that made it, and the result files it lists.
     */
    public record SweepSource(Sweep sweep, SweepShard shard, List<String> builds, List<String> files) {}

    /** The files of a calibration that the same code, inputs and seed write identically (those it wrote). */
    public static final List<String> CALIBRATION_FILES = List.of("candidates.csv", "best.yaml", "posterior.csv",
            "patterns.csv", "folds.csv", "folds-posterior.csv");
    /** The fields of a calibration's manifest that define what ran, as paths. */
    static final List<String> CALIBRATION_DEFINITION = List.of("calibration/sha256", "calibration/master_seed",
            "calibration/budget", "calibration/ensemble/tolerance", "calibration/ensemble/method",
            "calibration/ensemble/held_out", "state_records/sha256", "folds/k", "folds/fits");

    /**
     * What a calibration's manifest says was run: the calibration as read from the copies in its
     * {@code inputs/} (its budget and held-out ensembles as run), the folds, and the builds that made it.
     */
    public record CalibrationSource(Calibration calibration, CalibrationFolds folds, List<String> builds) {
        /**
         * Where a rerun goes without {@code --out}: {@code RESULTS/NAME[-folds-K]-rerun-yyyyMMdd-HHmmss}, a
         * directory of its own, so that its work directory (beside it) is its own too: a rerun never
         * resumes, or is refused by, the interrupted work of a {@code crisis calibrate} of the same name.
         */
        public Path defaultOut(Path resultsRoot, Instant now) {
            return resultsRoot.resolve(calibration.name() + folds.label() + "-rerun-" + JournaledDirectory.STAMP.format(now));
        }
    }

    private Rerun() {}

    /**
     * Reads the manifest of a run set's results directory.
     *
     * @param parametersFrom where the calibration directory is now, or null for the path the
     *     manifest records (which was relative to the directory the run was started in)
     */
    public static Source read(Path directory, Path parametersFrom) throws InvalidInputException {
        String source = directory.toString();
        Path file = directory.resolve("manifest.json");
        JsonNode m = manifest(directory);
        if (m.path("calibration").isObject()) {
            throw InvalidInputException.of(source, "a calibration's results directory: read it with Rerun.readCalibration");
        }
        if (m.path("sweep").isObject()) {
            throw InvalidInputException.of(source, "a sweep's results directory: read it with Rerun.readSweep");
        }
        if (!m.path("scenario").isObject() || !m.path("master_seed").canConvertToLong() || !m.path("runs").canConvertToInt()
                || !m.path("kept_runs").canConvertToInt()) {
            throw InvalidInputException.of(file.toString(), "not the manifest of a run set: it needs scenario,"
                    + " master_seed, runs and kept_runs (docs/FORMATS.md 5.1)");
        }
        List<String> overrides = new ArrayList<>();
        m.path("overrides").forEach(o -> overrides.add(o.asText()));
        Node tree = TreeReader.parse(file + " (scenario)", m.path("scenario").toString(), true);
        // the scenario as run, every value in it: the draws below read a pruned copy
        Scenario scenario = ScenarioReader.bind(TreeReader.copyOf(tree));
        ParameterDraws draws = null;
        JsonNode from = m.path("parameters_from");
        if (!from.isObject() && parametersFrom != null) {
            throw InvalidInputException.of(source, "--parameters-from: the run set drew no parameters from an ensemble"
                    + " (its manifest has no parameters_from); leave the option out");
        }
        if (from.isObject()) {
            Path calibration = parametersFrom != null ? parametersFrom : Path.of(from.path("directory").asText());
            if (parametersFrom == null && !Files.isDirectory(calibration)) {
                throw InvalidInputException.of(source, "the runs drew their parameters from " + calibration + ", which is"
                        + " not there any more; give --parameters-from where that calibration's directory is now");
            }
            List<String> kept = new ArrayList<>();
            from.path("kept").forEach(k -> kept.add(k.asText()));
            // the embedded scenario names every parameter: the values the runs drew are taken out again
            if (tree instanceof Node.Mapping top && top.entries().get("parameters") instanceof Node.Mapping params) {
                for (JsonNode p : from.path("paths")) {
                    String path = p.asText();
                    if (!kept.contains(path) && path.startsWith("parameters.")) {
                        params.entries().remove(path.substring("parameters.".length()));
                    }
                }
            }
            draws = ParameterDraws.read(calibration, tree, overrides);
            String recorded = from.path("posterior_sha256").asText();
            if (!draws.manifest().path("posterior_sha256").asText().equals(recorded)) {
                throw InvalidInputException.of(calibration.toString(), "--parameters-from: posterior.csv is not the one"
                        + " the runs drew from (its sha256 differs from the manifest's " + recorded + ")");
            }
            if (!draws.kept().equals(kept)) {
                throw InvalidInputException.of(source, "the rerun would keep " + draws.kept() + " of the ensemble's"
                        + " values where the run set kept " + kept);
            }
        }
        return new Source(scenario, m.path("scenario_sha256").asText(), List.copyOf(overrides),
                m.path("master_seed").asLong(), m.path("runs").asInt(), m.path("kept_runs").asInt(), draws,
                Provenance.builds(m));
    }

    /** Whether a results directory's manifest is a sweep's (or a shard's, or a merged sweep's). */
    public static boolean isSweep(Path directory) throws InvalidInputException {
        return manifest(directory).path("sweep").isObject();
    }

    /** Whether a results directory's manifest is a calibration's (or one fold's, or merged folds'). */
    public static boolean isCalibration(Path directory) throws InvalidInputException {
        return manifest(directory).path("calibration").isObject();
    }

    /**
     * Reads a calibration's results directory for a rerun: its manifest and the copies in its
     * {@code inputs/} (the calibration file, and each case as {@code cases/NAME.ext}), checked
     * against the manifest's SHA-256s, with the budget and the held-out ensembles the manifest
     * records and the same folds (all of them, one, or none).
     */
    public static CalibrationSource readCalibration(Path directory) throws InvalidInputException {
        JsonNode m = manifest(directory);
        JsonNode recorded = m.path("calibration");
        Path inputs = directory.resolve(CalibrationDirectory.INPUTS);
        Path file = onlyFile(inputs);
        if (file == null || !Files.isDirectory(inputs.resolve("cases")) || !recorded.path("cases").isArray()) {
            throw InvalidInputException.of(inputs.toString(), "not the copies a calibration keeps of its file and, in"
                    + " cases/, its cases: the calibration cannot be run again from this directory");
        }
        if (recorded.path("cases").isEmpty()) {
            throw InvalidInputException.of(directory.resolve("manifest.json").toString(), "records no cases"
                    + " (calibration.cases): the calibration cannot be run again from this directory");
        }
        // each copy checked against the manifest before it is read, so that one edited since is said as such
        List<Path> caseFiles = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        check(file, recorded.path("sha256").asText(), file.getFileName().toString(), changed, missing);
        for (JsonNode c : recorded.path("cases")) {
            String name = Path.of(c.path("file").asText()).getFileName().toString(); // the copy keeps its extension
            String extension = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.'));
            Path copy = inputs.resolve("cases").resolve(c.path("name").asText() + extension);
            caseFiles.add(copy);
            check(copy, c.path("sha256").asText(), "cases/" + copy.getFileName(), changed, missing);
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(inputs.toString(), "lacks " + (missing.size() == 1 ? missing.get(0)
                    : missing.size() + " of the files the calibration ran, " + missing.get(0) + " the first")
                    + ": the calibration cannot be run again from this directory");
        }
        if (!changed.isEmpty()) {
            throw InvalidInputException.of(inputs.toString(), "does not hold the files the calibration ran (the SHA-256 of "
                    + (changed.size() == 1 ? changed.get(0) : changed.size() + " files, " + changed.get(0) + " the first,")
                    + " differs from the manifest's)");
        }
        Calibration calibration = CalibrationReader.readCopy(file, caseFiles);
        int budget = recorded.path("budget").asInt(calibration.budget());
        if (budget != calibration.budget()) {
            calibration = calibration.withBudget(budget);
        }
        if (recorded.path("ensemble").path("held_out").asBoolean(false) && !calibration.heldOut()) {
            calibration = calibration.withHeldOut();
        }
        int k = m.path("folds").path("k").asInt(0);
        List<Integer> fits = new ArrayList<>();
        m.path("folds").path("fits").forEach(f -> fits.add(f.asInt()));
        CalibrationFolds folds;
        if (k == 0) {
            folds = CalibrationFolds.NONE;
        } else if (fits.size() == 1) {
            folds = CalibrationFolds.one(fits.get(0), k);
        } else if (fits.equals(CalibrationFolds.all(k).fits())) {
            folds = CalibrationFolds.all(k);
        } else {
            throw InvalidInputException.of(directory.toString(), "folds merged without the fit on all cases: rerun each"
                    + " fold's own directory (crisis rerun DIR), or the whole calibration with crisis calibrate --folds " + k);
        }
        return new CalibrationSource(calibration, folds, Provenance.builds(m));
    }

    /**
     * Compares a calibration's rerun with its original: what defines it (the calibration file, the
     * seed, the budget, the ensemble, the states' records table, the folds), then each of
     * {@link #CALIBRATION_FILES} either directory holds, byte for byte.
     */
    public static List<Verdict> compareCalibration(Path original, Path again) throws IOException {
        return compare(original, again, "calibration", CALIBRATION_DEFINITION, CALIBRATION_FILES, false);
    }

    /** A copy of an input: missing, or its SHA-256 other than the manifest's (each noted by its name). */
    private static void check(Path copy, String sha256, String name, List<String> changed, List<String> missing) {
        try {
            if (!Files.isRegularFile(copy)) {
                missing.add(name);
            } else if (!Hashing.sha256(copy).equals(sha256)) {
                changed.add(name);
            }
        } catch (IOException e) {
            missing.add(name + " (" + e.getMessage() + ")");
        }
    }

    /** Reads a sweep's results directory for a rerun: its manifest and the copies in its {@code inputs/}. */
    public static SweepSource readSweep(Path directory) throws InvalidInputException {
        JsonNode m = manifest(directory);
        Path inputs = directory.resolve("inputs");
        Path sweepFile = onlyFile(inputs);
        Path scenarioFile = onlyFile(inputs.resolve("scenario"));
        if (sweepFile == null || scenarioFile == null) {
            throw InvalidInputException.of(inputs.toString(), "not the copies a sweep keeps of its sweep file and, in"
                    + " scenario/, its scenario file: the sweep cannot be run again from this directory");
        }
        Sweep sweep = SweepReader.read(sweepFile, Optional.of(scenarioFile));
        if (!sweep.fileSha256().equals(m.path("sweep").path("sha256").asText())
                || !sweep.scenarioSha256().equals(m.path("scenario").path("sha256").asText())) {
            throw InvalidInputException.of(inputs.toString(), "does not hold the files the sweep ran (their SHA-256 differ"
                    + " from the manifest's)");
        }
        SweepShard shard = new SweepShard(m.path("shard").path("index").asInt(1), m.path("shard").path("count").asInt(1));
        List<String> files = new ArrayList<>();
        for (Iterator<String> it = m.path("files").fieldNames(); it.hasNext();) {
            files.add(it.next());
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of(directory.resolve("manifest.json").toString(), "lists no result files (files):"
                    + " not a finished sweep");
        }
        return new SweepSource(sweep, shard, Provenance.builds(m), List.copyOf(files));
    }

    /**
     * Compares a sweep's rerun with its original: what defines it (the sweep and scenario files, the
     * resolved scenario, the states' records table), then each result file the original's manifest
     * lists, byte for byte.
     */
    public static List<Verdict> compareSweep(Path original, Path again, List<String> files) throws IOException {
        return compare(original, again, "sweep", SWEEP_DEFINITION, files, true);
    }

    private static Path onlyFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            Iterator<Path> it = s.iterator();
            Path first = it.hasNext() ? it.next() : null;
            return it.hasNext() ? null : first;
        } catch (IOException e) {
            return null;
        }
    }

    /** The manifest of a results directory, or why there is none to read (exit 2). */
    private static JsonNode manifest(Path directory) throws InvalidInputException {
        String source = directory.toString();
        Path file = directory.resolve("manifest.json");
        if (!Files.isDirectory(directory)) {
            throw InvalidInputException.of(source, Files.exists(directory) ? "not a directory (give a results directory"
                    + " of crisis run or crisis sweep)" : "no such directory");
        }
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of(source, "no manifest.json: not a results directory of crisis run or crisis"
                    + " sweep, or one whose work did not finish");
        }
        try {
            return JsonFiles.readObject(file);
        } catch (JsonFiles.Invalid e) {
            String message = e.getMessage(); // "FILE[:LINE:COLUMN]: WHAT"
            int at = message.indexOf(": ", file.toString().length());
            throw InvalidInputException.of(message.substring(0, at), message.substring(at + 2));
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Compares a rerun with its original: the manifest's definition of the run set, then each of
     * {@link #FILES} either directory holds, byte for byte.
     */
    public static List<Verdict> compare(Path original, Path again) throws IOException {
        return compare(original, again, "run set", DEFINITION, FILES, false);
    }

    /**
     * The definition of a {@code kind} of work, then each of {@code files} that either directory holds;
     * when the original's manifest {@code listed} them, one neither holds is said to be missing too.
     */
    private static List<Verdict> compare(Path original, Path again, String kind, List<String> definition,
            List<String> files, boolean listed) throws IOException {
        List<Verdict> out = new ArrayList<>();
        out.add(definition(original, again, "manifest.json (the " + kind + "'s definition)", definition));
        for (String name : files) {
            Verdict v = file(original, again, name);
            if (v != null || listed) {
                out.add(v != null ? v : new Verdict(name, false, "not in the original"));
            }
        }
        return out;
    }

    /** One file of both directories compared byte for byte; null when neither holds it. */
    private static Verdict file(Path original, Path again, String name) throws IOException {
        Path a = original.resolve(name);
        Path b = again.resolve(name);
        boolean hasA = Files.isRegularFile(a);
        boolean hasB = Files.isRegularFile(b);
        if (!hasA && !hasB) {
            return null;
        }
        if (!hasA || !hasB) {
            return new Verdict(name, false, hasA ? "not written by the rerun" : "not in the original");
        }
        String where = difference(a, b);
        return new Verdict(name, where.isEmpty(), where.isEmpty() ? "identical" : where);
    }

    /** The two manifests compared on the fields (paths with '/') that define what ran, each named with '.'. */
    private static Verdict definition(Path original, Path again, String name, List<String> fields) throws IOException {
        JsonNode ma;
        JsonNode mb;
        try {
            ma = JsonFiles.readObject(original.resolve("manifest.json"));
            mb = JsonFiles.readObject(again.resolve("manifest.json"));
        } catch (JsonFiles.Invalid e) {
            return new Verdict(name, false, e.getMessage());
        }
        List<String> differ = new ArrayList<>();
        for (String field : fields) {
            JsonNode va = withoutDirectory(ma.at("/" + field));
            JsonNode vb = withoutDirectory(mb.at("/" + field));
            if (!va.equals(vb)) {
                differ.add(field.replace('/', '.'));
            }
        }
        return new Verdict(name, differ.isEmpty(), differ.isEmpty() ? "identical" : "differs in " + String.join(", ", differ));
    }

    /** Where the calibration directory was given is no part of what was run. */
    private static JsonNode withoutDirectory(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("posterior_sha256")) {
            ObjectNode copy = o.deepCopy();
            copy.remove("directory");
            return copy;
        }
        return node;
    }

    /**
     * Where two text files first differ: empty if they are identical, else the first line (from 1)
     * that differs, or that their lines are the same and only their line endings differ (a final
     * newline, or CRLF for LF).
     */
    static String difference(Path a, Path b) throws IOException {
        if (Files.mismatch(a, b) < 0) {
            return "";
        }
        try (BufferedReader ra = Files.newBufferedReader(a, StandardCharsets.UTF_8);
                BufferedReader rb = Files.newBufferedReader(b, StandardCharsets.UTF_8)) {
            long line = 1;
            while (true) {
                String la = ra.readLine();
                String lb = rb.readLine();
                if (la == null && lb == null) {
                    return "the same lines, with different line endings";
                }
                if (la == null || lb == null || !la.equals(lb)) {
                    return "differs from line " + line;
                }
                line++;
            }
        }
    }
}

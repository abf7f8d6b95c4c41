package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisis.io.CsvTable;
import org.crisis.stats.OutcomeStatistics;

/**
 * The results directory of one {@code crisis sweep}: the manifest (with its {@code design}
 * and varied paths), runs.csv (one row per run with the varied values and outcomes),
 * points.csv (per point and outcome: n, mean, sd, 95 % interval) and, for sobol and morris
 * designs, sensitivity.csv. Points are taken from points.csv, or computed from runs.csv when
 * points.csv is absent.
 */
public final class SweepResults implements Results {
    /**
     * One outcome at one point of the design: the varied values as numbers (NaN for text such
     * as a level name) and as written ({@code texts}), and the outcome's statistics.
     */
    record PointStat(int point, double[] values, String[] texts, double n, double mean, double sd, double low,
            double high) {}

    private final Path directory;
    private final JsonNode manifest;
    private final List<String> factors;
    private final Map<String, String> paths;
    private final List<String> outcomes;
    private final Map<String, Boolean> shares;
    /** The outcomes the manifest describes, by column. */
    private final Map<String, OutcomeSummary> described;
    private final Map<String, List<PointStat>> points;
    private final CsvTable<ReportException> runs;
    private final CsvTable<ReportException> sensitivity;

    private SweepResults(Path directory, JsonNode manifest, List<String> factors, Map<String, String> paths,
            List<String> outcomes, Map<String, Boolean> shares, Map<String, OutcomeSummary> described,
            Map<String, List<PointStat>> points, CsvTable<ReportException> runs, CsvTable<ReportException> sensitivity) {
        this.directory = directory;
        this.manifest = manifest;
        this.factors = List.copyOf(factors);
        this.paths = Map.copyOf(paths);
        this.outcomes = List.copyOf(outcomes);
        this.shares = Map.copyOf(shares);
        this.described = Map.copyOf(described);
        this.points = points;
        this.runs = runs;
        this.sensitivity = sensitivity;
    }

    static SweepResults open(Path directory, JsonNode manifest) throws ReportException {
        Inputs.sweepManifest(directory.resolve("manifest.json"), manifest);
        int shards = manifest.path("shard").path("count").asInt(1);
        if (shards > 1) {
            // its points hold only the runs of this shard: statistics of them would pass for the sweep's
            throw new ReportException(directory + " is shard " + manifest.path("shard").path("index").asInt() + "/" + shards
                    + " of a sweep, with " + manifest.path("shard").path("runs").asLong() + " of its runs: join the shards"
                    + " with crisis merge and use the merged directory");
        }
        Path pointsFile = directory.resolve("points.csv");
        Path runsFile = directory.resolve("runs.csv");
        CsvTable<ReportException> points = Files.isRegularFile(pointsFile) ? CsvTable.read(pointsFile, ReportException::new) : null;
        CsvTable<ReportException> runs = points == null && Files.isRegularFile(runsFile)
                ? CsvTable.read(runsFile, ReportException::new) : null;
        if (runs == null && points == null) {
            throw new ReportException(directory + ": a sweep directory needs points.csv or runs.csv, found neither");
        }
        Map<String, String> paths = new HashMap<>();
        for (String[] v : varied(manifest)) {
            paths.put(v[1], v[0]);
        }
        Map<String, OutcomeSummary> described = described(manifest);
        List<String> factors = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        Map<String, List<PointStat>> stats;
        if (points != null) {
            Inputs.points(points);
            int outcome = points.column("outcome");
            int pointCol = points.column("point");
            for (int c = pointCol + 1; c < outcome; c++) {
                factors.add(points.columns().get(c));
            }
            stats = fromPoints(points, factors, outcomes);
        } else {
            factors.addAll(factorsOf(runs, paths));
            Inputs.sweepRuns(runs, factors, described);
            stats = fromRuns(runs, factors, outcomes, described);
        }
        if (factors.isEmpty()) {
            throw new ReportException(directory + ": no varied values found (expected columns between 'point' and 'outcome' in points.csv)");
        }
        Map<String, Boolean> shares = new HashMap<>();
        for (String o : outcomes) {
            OutcomeSummary d = described.get(o);
            shares.put(o, d != null ? d.share() : observedShare(runs, runsFile, o));
        }
        if (points != null && points.has("mean")) {
            int outcome = points.column("outcome");
            int mean = points.column("mean");
            for (int r = 0; r < points.size(); r++) {
                double m = points.number(r, mean);
                if (shares.getOrDefault(points.text(r, outcome), false) && (m < 0 || m > 1)) {
                    throw new ReportException(points.where(r) + ": mean: " + points.text(r, outcome) + " is a share, expected"
                            + " a number in [0, 1], found " + points.text(r, mean));
                }
            }
        }
        Path sens = directory.resolve("sensitivity.csv");
        CsvTable<ReportException> sensitivity = Files.isRegularFile(sens) ? CsvTable.read(sens, ReportException::new) : null;
        if (sensitivity != null) {
            Inputs.sensitivity(sensitivity);
        }
        return new SweepResults(directory, manifest, factors, paths, outcomes, shares, described, stats, runs, sensitivity);
    }

    /**
     * The outcomes the manifest describes with a type or kind (a share or a number), by column;
     * an older or hand-written manifest may describe none.
     */
    static Map<String, OutcomeSummary> described(JsonNode manifest) {
        Map<String, OutcomeSummary> out = new HashMap<>();
        for (JsonNode o : sweep(manifest).path("outcomes")) {
            if (o.isObject() && o.hasNonNull("column") && (o.hasNonNull("type") || o.hasNonNull("kind"))) {
                out.putIfAbsent(o.path("column").asText(), OutcomeSummary.of(o));
            }
        }
        return out;
    }

    /** Whether a manifest is a sweep's: a {@code design}, at the top or in a {@code sweep} object. */
    static boolean isSweep(JsonNode manifest) {
        return manifest.hasNonNull("design") || manifest.path("sweep").hasNonNull("design");
    }

    /** The object holding the sweep's settings: {@code sweep} if there is one, else the manifest itself. */
    static JsonNode sweep(JsonNode manifest) {
        return manifest.path("sweep").isObject() ? manifest.path("sweep") : manifest;
    }

    /**
     * The varied values named in the manifest as {path, column}: {@code vary} as an object keyed
     * by path, or a list of paths or of objects with a path (and a column).
     */
    static List<String[]> varied(JsonNode manifest) {
        JsonNode vary = sweep(manifest).path("vary");
        if (vary.isMissingNode() || vary.isNull()) {
            vary = manifest.path("vary");
        }
        List<String[]> out = new ArrayList<>();
        if (vary.isObject()) {
            vary.fieldNames().forEachRemaining(p -> out.add(new String[] {p, columnOf(p)}));
        } else if (vary.isArray()) {
            for (JsonNode v : vary) {
                String path = v.isObject() ? v.path("path").asText() : v.asText();
                String column = v.isObject() && v.hasNonNull("column") ? v.path("column").asText() : columnOf(path);
                out.add(new String[] {path, column});
            }
        }
        return out;
    }

    private static List<String> factorsOf(CsvTable<ReportException> runs, Map<String, String> paths) {
        List<String> out = new ArrayList<>();
        for (String c : runs.columns()) {
            if (paths.containsKey(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Map<String, List<PointStat>> fromPoints(CsvTable<ReportException> t, List<String> factors, List<String> outcomes)
            throws ReportException {
        int point = t.column("point");
        int outcome = t.column("outcome");
        int n = t.column("n");
        int mean = t.column("mean");
        int sd = t.find("sd");
        int low = t.find("ci95_low");
        int high = t.find("ci95_high");
        int[] f = new int[factors.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = t.column(factors.get(i));
        }
        Map<String, List<PointStat>> out = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            double[] v = new double[f.length];
            String[] texts = new String[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = t.number(r, f[i]);
                texts[i] = t.text(r, f[i]);
            }
            out.computeIfAbsent(t.text(r, outcome), k -> new ArrayList<>()).add(new PointStat((int) t.number(r, point), v, texts,
                    t.number(r, n), t.number(r, mean), t.number(r, sd), t.number(r, low), t.number(r, high)));
        }
        outcomes.addAll(out.keySet());
        return out;
    }

    /** Per point and outcome statistics computed from runs.csv (runs with a status other than ok left out). */
    private static Map<String, List<PointStat>> fromRuns(CsvTable<ReportException> t, List<String> factors, List<String> outcomes,
            Map<String, OutcomeSummary> described) throws ReportException {
        int point = t.column("point");
        int status = t.find("status");
        Set<String> skip = new LinkedHashSet<>(List.of("point", "replication", "seed", "status", "message"));
        skip.addAll(factors);
        for (String c : t.columns()) {
            if (!skip.contains(c)) {
                outcomes.add(c);
            }
        }
        Map<Integer, List<Integer>> byPoint = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            if (status >= 0 && !ok(t.text(r, status))) {
                continue;
            }
            byPoint.computeIfAbsent((int) t.number(r, point), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<PointStat>> out = new LinkedHashMap<>();
        for (String o : outcomes) {
            int c = t.column(o);
            OutcomeSummary d = described.get(o);
            boolean share = d != null ? d.share() : binary(t, c);
            List<PointStat> list = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> e : byPoint.entrySet()) {
                int first = e.getValue().get(0);
                double[] v = new double[factors.size()];
                String[] texts = new String[factors.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.number(first, t.column(factors.get(i)));
                    texts[i] = t.text(first, t.column(factors.get(i)));
                }
                OutcomeStatistics s = OutcomeStatistics.of(e.getValue().stream().mapToDouble(r -> t.number(r, c)).toArray(), share);
                list.add(new PointStat(e.getKey(), v, texts, s.n(), s.mean(), s.sd(), s.low(), s.high()));
            }
            out.put(o, list);
        }
        return out;
    }

    static boolean ok(String status) {
        return status.isEmpty() || status.equalsIgnoreCase("ok");
    }

    private static boolean binary(CsvTable<ReportException> t, int c) {
        boolean any = false;
        for (int r = 0; r < t.size(); r++) {
            double x = t.number(r, c);
            if (Double.isNaN(x)) {
                continue;
            }
            if (x != 0 && x != 1) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** An outcome the manifest does not describe is a share if its values in runs.csv are all 0 or 1; a number without runs.csv. */
    private static boolean observedShare(CsvTable<ReportException> runs, Path runsFile, String outcome) throws ReportException {
        CsvTable<ReportException> t = runs != null ? runs
                : Files.isRegularFile(runsFile) ? CsvTable.read(runsFile, ReportException::new) : null;
        if (t == null) {
            return false;
        }
        int c = t.find(outcome);
        if (c < 0) {
            c = t.find(columnOf(outcome));
        }
        return c >= 0 && binary(t, c);
    }

    /** The snake_case column of a dotted path or outcome name (as the simulator writes them). */
    static String columnOf(String path) {
        return org.crisis.io.Columns.of(path);
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String name() {
        for (JsonNode n : List.of(sweep(manifest).path("name"), manifest.path("name"))) {
            if (n.isTextual() && !n.asText().isEmpty()) {
                return n.asText();
            }
        }
        String scenario = manifest.path("scenario").path("name").asText("");
        return scenario.isEmpty() ? String.valueOf(directory.getFileName()) : scenario;
    }

    JsonNode manifest() {
        return manifest;
    }

    String design() {
        return sweep(manifest).path("design").asText(manifest.path("design").asText());
    }

    String description() {
        return sweep(manifest).path("description").asText("");
    }

    /** A setting of the sweep as text, from the sweep object or the manifest's top level; empty if absent. */
    String setting(String field) {
        JsonNode v = sweep(manifest).path(field);
        if (v.isMissingNode() || v.isNull()) {
            v = manifest.path(field);
        }
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    /** A range's end as the sweep file gave it: a whole number without a decimal point, any other in full. */
    private static String end(JsonNode x) {
        double d = x.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : x.asText();
    }

    /** The varied value's description from the manifest: its values or its range. */
    String domain(String factor) {
        JsonNode vary = sweep(manifest).path("vary");
        if (vary.isArray()) {
            for (JsonNode v : vary) {
                if (factor.equals(v.path("column").asText()) || factor.equals(columnOf(v.path("path").asText()))) {
                    if (v.path("values").isArray()) {
                        return "values " + String.join(", ", Manifests.texts(v.get("values")));
                    }
                    if (v.has("min") && v.has("max")) {
                        String levels = v.path("levels").isArray() ? ", " + v.path("levels").size() + " levels" : "";
                        return "range " + end(v.path("min")) + " to " + end(v.path("max")) + levels;
                    }
                }
            }
        }
        return "";
    }

    List<String> factors() {
        return factors;
    }

    /** The dotted path of a varied column, or the column itself. */
    String path(String factor) {
        return paths.getOrDefault(factor, factor);
    }

    List<String> outcomes() {
        return outcomes;
    }

    boolean share(String outcome) {
        return shares.getOrDefault(outcome, false);
    }

    List<PointStat> points(String outcome) {
        return points.getOrDefault(outcome, List.of());
    }

    int pointCount() {
        Set<Integer> ids = new LinkedHashSet<>();
        for (List<PointStat> l : points.values()) {
            l.forEach(p -> ids.add(p.point()));
        }
        return ids.size();
    }

    /** runs.csv, or null. */
    CsvTable<ReportException> runs() {
        return runs;
    }

    private CsvTable<ReportException> allRuns;

    /**
     * Each point's value of {@code outcome} in each replication (NaN where the run failed or has
     * none), from runs.csv; null without runs.csv. Under common random numbers replication r is the
     * same seed at every point, so the replications, not the runs, are the independent draws.
     */
    Map<Integer, double[]> byReplication(String outcome) throws ReportException {
        CsvTable<ReportException> t = allRuns();
        if (t == null) {
            return null;
        }
        int point = t.column("point");
        int replication = t.column("replication");
        int status = t.find("status");
        int c = t.find(outcome);
        if (c < 0) {
            return null;
        }
        int n = replications(t);
        Map<Integer, double[]> out = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            double[] v = out.computeIfAbsent((int) t.number(r, point), k -> {
                double[] none = new double[n];
                java.util.Arrays.fill(none, Double.NaN);
                return none;
            });
            if (status < 0 || ok(t.text(r, status))) {
                v[(int) t.number(r, replication)] = t.number(r, c);
            }
        }
        return out;
    }

    /**
     * Each point's run seeds by replication, as runs.csv writes them (text: 64-bit numbers, compared
     * exactly; null for a replication the point lacks); null without runs.csv or its seed column.
     * Two sweeps whose runs at a point have the same seeds replication by replication ran the same
     * random streams there (common random numbers).
     */
    Map<Integer, String[]> seeds() throws ReportException {
        CsvTable<ReportException> t = allRuns();
        if (t == null || !t.has("seed")) {
            return null;
        }
        int point = t.column("point");
        int replication = t.column("replication");
        int seed = t.column("seed");
        int n = replications(t);
        Map<Integer, String[]> out = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            out.computeIfAbsent((int) t.number(r, point), k -> new String[n])[(int) t.number(r, replication)] = t.text(r, seed);
        }
        return out;
    }

    /** Whether the directory has runs.csv, the sweep's runs one by one. */
    boolean hasRuns() {
        return runs != null || Files.isRegularFile(directory.resolve("runs.csv"));
    }

    /** runs.csv, read and checked once (the table read in place of points.csv if it was); null without it. */
    private CsvTable<ReportException> allRuns() throws ReportException {
        if (allRuns == null) {
            Path file = directory.resolve("runs.csv");
            if (runs != null) {
                allRuns = runs;
            } else if (Files.isRegularFile(file)) {
                CsvTable<ReportException> read = CsvTable.read(file, ReportException::new);
                Inputs.sweepRuns(read, factors, described); // checked as when it is the only table
                allRuns = read;
            } else {
                return null;
            }
            checkRunsCover(allRuns);
        }
        return allRuns;
    }

    /** The number of replications runs.csv numbers: one more than the highest. */
    private static int replications(CsvTable<ReportException> t) throws ReportException {
        int replication = t.column("replication");
        int replications = 0;
        for (int r = 0; r < t.size(); r++) {
            replications = Math.max(replications, (int) t.number(r, replication) + 1);
        }
        return replications;
    }

    /**
     * runs.csv holds each run of the manifest's points and replications once: its intervals index
     * the replications by number, and a missing or repeated run would change them silently.
     */
    private void checkRunsCover(CsvTable<ReportException> t) throws ReportException {
        JsonNode sweep = manifest.path("sweep");
        int points = sweep.path("points").asInt(-1);
        int replications = sweep.path("replications").asInt(-1);
        if (points < 0 || replications < 0) {
            return;
        }
        int point = t.column("point");
        int replication = t.column("replication");
        java.util.BitSet seen = new java.util.BitSet();
        for (int r = 0; r < t.size(); r++) {
            long p = (long) t.number(r, point);
            long k = (long) t.number(r, replication);
            if (p >= points || k >= replications) {
                throw new ReportException(t.where(r) + ": point " + p + ", replication " + k + " is not a run of this sweep ("
                        + points + " points of " + replications + " replications, manifest.json)");
            }
            int run = (int) (p * replications + k);
            if (seen.get(run)) {
                throw new ReportException(t.where(r) + ": point " + p + ", replication " + k + " appears twice");
            }
            seen.set(run);
        }
        if (seen.cardinality() != (long) points * replications) {
            throw new ReportException(directory.resolve("runs.csv") + ": " + seen.cardinality() + " runs, where manifest.json"
                    + " counts " + (long) points * replications + " (" + points + " points of " + replications + " replications)");
        }
    }

    /** What the manifest says of the outcome of {@code column}, or null. */
    OutcomeSummary described(String column) {
        return described.get(column);
    }

    /** An interval of {@code column}'s mean cut at what its values can take, as the manifest describes it. */
    double[] within(String column, double low, double high) {
        OutcomeSummary d = described.get(column);
        return d == null ? new double[] {low, high}
                : org.crisis.stats.Intervals.within(d.kind(), d.unit(), new double[] {low, high});
    }

    /** sensitivity.csv, or null. */
    CsvTable<ReportException> sensitivity() {
        return sensitivity;
    }
}

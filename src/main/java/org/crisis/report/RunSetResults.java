package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisis.io.CsvTable;

/**
 * The results directory of one {@code crisis run}: the manifest, runs.csv and summary.json,
 * read when opened; ensemble.csv, events.csv and trajectories.csv read on demand (the last two
 * only for the runs asked for, as they hold every kept run).
 */
public final class RunSetResults implements Results {
    /** A country of the scenario, with the blocs it belongs to. */
    record Country(String id, String name, List<String> blocs) {}

    /**
     * A relation listed in the scenario, at its starting level, with each side's standing
     * grievance against the other ({@code grievanceA}: a's against b; 0 where not listed).
     */
    record Relation(String a, String b, RelationLevel level, double grievanceA, double grievanceB) {}

    /** A scripted event of the scenario. */
    /**
     * A scripted event as the resolved scenario gives it; {@code gamma} and {@code severity} NaN where it gives none (a
     * typed trigger's weight is its type's, which a scenario cannot set and events.csv records).
     */
    record Scripted(int day, String type, String actor, String target, String label, double gamma, double severity) {}

    private final Path directory;
    private final JsonNode manifest;
    private final JsonNode scenario;
    private final CsvTable<ReportException> runs;
    private final List<OutcomeSummary> outcomes;
    private final List<Pair> pairs;
    private Map<Pair, PairEnsemble> ensemble;
    /** In a view oriented as another set's pairs: the runs.csv column of each renamed column, and the pairs turned. */
    private final Map<String, String> columnOf;
    private final Set<Pair> turned;

    private RunSetResults(Path directory, JsonNode manifest, CsvTable<ReportException> runs, List<OutcomeSummary> outcomes,
            List<Pair> pairs) {
        this(directory, manifest, runs, outcomes, pairs, Map.of(), Set.of());
    }

    private RunSetResults(Path directory, JsonNode manifest, CsvTable<ReportException> runs, List<OutcomeSummary> outcomes,
            List<Pair> pairs, Map<String, String> columnOf, Set<Pair> turned) {
        this.directory = directory;
        this.manifest = manifest;
        this.scenario = manifest.path("scenario");
        this.runs = runs;
        this.outcomes = List.copyOf(outcomes);
        this.pairs = List.copyOf(pairs);
        this.columnOf = Map.copyOf(columnOf);
        this.turned = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(turned)); // in the files' order
    }

    /** The pairs this view turned (as the run set's files name them), or none. */
    Set<Pair> turned() {
        return turned;
    }

    /**
     * This run set as {@code others} orient their pairs: a pair it tracks as BLU-RED where they track
     * RED-BLU is turned, its outcomes named and read as RED-BLU's (a pair's outcomes are symmetric) and
     * its ensemble's two grievances swapped, so that a comparison lines the two up. The files are read
     * as they are.
     */
    RunSetResults orientedAs(List<Pair> others) {
        Set<Pair> turn = new LinkedHashSet<>();
        for (Pair p : pairs) {
            Pair q = new Pair(p.b(), p.a());
            if (!others.contains(p) && others.contains(q) && !pairs.contains(q)) {
                turn.add(p);
            }
        }
        if (turn.isEmpty()) {
            return this;
        }
        List<Pair> turnedPairs = new ArrayList<>();
        for (Pair p : pairs) {
            turnedPairs.add(turn.contains(p) ? new Pair(p.b(), p.a()) : p);
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        List<OutcomeSummary> turnedOutcomes = new ArrayList<>();
        for (OutcomeSummary o : outcomes) {
            Pair p = new Pair(o.a(), o.b());
            String suffix = "_" + p.column();
            if (turn.contains(p) && o.column().endsWith(suffix)) {
                Pair q = new Pair(p.b(), p.a());
                String column = o.column().substring(0, o.column().length() - suffix.length()) + "_" + q.column();
                renamed.put(column, o.column());
                turnedOutcomes.add(o.turned(column, q));
            } else {
                turnedOutcomes.add(o);
            }
        }
        return new RunSetResults(directory, manifest, runs, turnedOutcomes, turnedPairs, renamed, turn);
    }

    static RunSetResults open(Path directory, JsonNode manifest) throws ReportException {
        if (!manifest.path("scenario").isObject()) {
            throw new ReportException(directory.resolve("manifest.json") + ": no 'scenario' object; not written by crisis run");
        }
        Inputs.runSetManifest(directory.resolve("manifest.json"), manifest);
        JsonNode summary = Manifests.read(directory.resolve("summary.json"));
        Inputs.summary(directory.resolve("summary.json"), summary);
        Map<String, OutcomeSummary> described = new LinkedHashMap<>();
        for (JsonNode o : summary.path("outcomes")) {
            OutcomeSummary s = OutcomeSummary.of(o);
            described.putIfAbsent(s.column(), s);
        }
        CsvTable<ReportException> runs = CsvTable.read(directory.resolve("runs.csv"), ReportException::new);
        Inputs.runSetRuns(runs, manifest.path("runs").asLong(), manifest.path("scenario").path("days").asInt(), described);
        List<OutcomeSummary> outcomes = new ArrayList<>();
        for (OutcomeSummary s : described.values()) {
            if (runs.has(s.column())) {
                outcomes.add(s);
            }
        }
        Set<Pair> pairs = new LinkedHashSet<>();
        for (JsonNode t : manifest.path("scenario").path("track")) {
            if (t.isArray() && t.size() == 2) {
                pairs.add(new Pair(t.get(0).asText(), t.get(1).asText()));
            }
        }
        for (JsonNode p : summary.path("pairs")) {
            pairs.add(new Pair(p.path("a").asText(), p.path("b").asText()));
        }
        return new RunSetResults(directory, manifest, runs, outcomes, new ArrayList<>(pairs));
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String name() {
        return Manifests.text(scenario, "name");
    }

    String description() {
        return Manifests.text(scenario, "description");
    }

    /** Calendar date of day 0, or empty. */
    String start() {
        return Manifests.text(scenario, "start");
    }

    /** The horizon in days. */
    int days() {
        return scenario.path("days").asInt();
    }

    String version() {
        return Manifests.text(manifest, "version");
    }

    List<String> command() {
        return Manifests.texts(manifest.get("command"));
    }

    List<String> overrides() {
        return Manifests.texts(manifest.get("overrides"));
    }

    String scenarioSha256() {
        return Manifests.text(manifest, "scenario_sha256");
    }

    String masterSeed() {
        return Manifests.text(manifest, "master_seed");
    }

    String seedRule() {
        return Manifests.text(manifest, "seed_rule");
    }

    String started() {
        return Manifests.text(manifest, "started");
    }

    String ended() {
        return Manifests.text(manifest, "ended");
    }

    /** Replications in runs.csv. */
    int runCount() {
        return runs.size();
    }

    /** Runs whose events and trajectories were written (the first ones). */
    int keptRuns() {
        return manifest.path("kept_runs").asInt(0);
    }

    JsonNode parameters() {
        return manifest.path("parameters").isObject() ? manifest.path("parameters") : scenario.path("parameters");
    }

    CsvTable<ReportException> runs() {
        return runs;
    }

    List<OutcomeSummary> outcomes() {
        return outcomes;
    }

    /** Tracked pairs: the scenario's {@code track}, then any other pair summary.json reports. */
    List<Pair> pairs() {
        return pairs;
    }

    List<Country> countries() {
        List<Country> out = new ArrayList<>();
        for (JsonNode c : scenario.path("countries")) {
            String id = c.path("id").asText();
            List<String> blocs = new ArrayList<>();
            for (JsonNode b : c.path("blocs")) {
                if (b.isTextual()) {
                    blocs.add(b.asText());
                }
            }
            out.add(new Country(id, c.hasNonNull("name") ? c.path("name").asText() : id, List.copyOf(blocs)));
        }
        return out;
    }

    String countryName(String id) {
        for (JsonNode c : scenario.path("countries")) {
            if (id.equals(c.path("id").asText())) {
                return c.hasNonNull("name") ? c.path("name").asText() : id;
            }
        }
        return id;
    }

    List<Relation> relations() {
        return relations(scenario);
    }

    /** The relations a resolved scenario's JSON lists (a run set's, or a sweep's base scenario). */
    static List<Relation> relations(JsonNode scenario) {
        List<Relation> out = new ArrayList<>();
        for (JsonNode r : scenario.path("relations")) {
            JsonNode between = r.path("between");
            if (between.size() == 2) {
                String a = between.get(0).asText();
                String b = between.get(1).asText();
                JsonNode g = r.path("grievance");
                out.add(new Relation(a, b, RelationLevel.parse(r.path("level").asText(RelationLevel.NORMAL.name())),
                        g.path(a).asDouble(0), g.path(b).asDouble(0)));
            }
        }
        return out;
    }

    List<Scripted> scripted() {
        List<Scripted> out = new ArrayList<>();
        for (JsonNode e : scenario.path("events")) {
            out.add(new Scripted(e.path("day").asInt(), e.path("type").asText(), e.path("actor").asText(),
                    Manifests.text(e, "target"), Manifests.text(e, "label"),
                    e.path("gamma").isNumber() ? e.path("gamma").asDouble() : Double.NaN,
                    e.path("severity").isNumber() ? e.path("severity").asDouble() : Double.NaN));
        }
        return out;
    }

    /** The level the scenario lists for the pair on day 0 (the file's default, NORMAL, for a pair it does not list). */
    RelationLevel startLevel(String a, String b) {
        return startLevel(scenario, a, b);
    }

    /** As {@link #startLevel(String, String)}, in a resolved scenario's JSON (a run set's or a sweep's base scenario). */
    static RelationLevel startLevel(JsonNode scenario, String a, String b) {
        Pair pair = new Pair(a, b);
        for (Relation r : relations(scenario)) {
            if (pair.is(r.a(), r.b())) {
                return r.level();
            }
        }
        return RelationLevel.NORMAL;
    }

    /**
     * An outcome about reaching a level the pair starts at or below ("reached SEVERED", "days to SEVERED"
     * for a pair listed SEVERED): 1 or day 0 in every run by construction, not an estimate; the level it
     * starts at, or null.
     */
    RelationLevel startsThere(OutcomeSummary o) {
        return startsThere(scenario, o);
    }

    /** As {@link #startsThere(OutcomeSummary)}, in a resolved scenario's JSON. */
    static RelationLevel startsThere(JsonNode scenario, OutcomeSummary o) {
        if (o == null || !"down".equals(o.direction()) || o.level() == null || o.level().isEmpty() || o.a() == null
                || o.b() == null) {
            return null;
        }
        RelationLevel start = startLevel(scenario, o.a(), o.b());
        return start.ordinal() <= RelationLevel.parse(o.level()).ordinal() ? start : null;
    }

    /** Runs that ended before the horizon (by the scenario's early stop). */
    long stoppedEarly() {
        return java.util.Arrays.stream(runDays()).filter(d -> d < days()).count();
    }

    /** The early stop rule as text, or empty. */
    String stop() {
        JsonNode s = scenario.path("stop");
        if (!s.isObject()) {
            return "";
        }
        List<String> pair = Manifests.texts(s.get("pair"));
        return "stop when " + s.path("when").asText() + (pair.size() == 2 ? " (" + pair.get(0) + "-" + pair.get(1) + ")" : "");
    }

    OutcomeSummary outcome(String column) {
        for (OutcomeSummary o : outcomes) {
            if (o.column().equals(column)) {
                return o;
            }
        }
        return null;
    }

    /** Values of a runs.csv column in replication order (NaN where empty); null if absent. */
    double[] values(String column) {
        int c = runs.find(columnOf.getOrDefault(column, column));
        return c < 0 ? null : runs.numbers(c);
    }

    /** The outcome that is each run's length in days (summary.json role {@code run_length}), or null. */
    private OutcomeSummary runLength() {
        for (OutcomeSummary o : outcomes) {
            if (o.has("run_length")) {
                return o;
            }
        }
        return null;
    }

    /** The days each run lasted (the run_length outcome of runs.csv; the horizon if there is none). */
    double[] runDays() {
        OutcomeSummary length = runLength();
        double[] d = length == null ? null : values(length.column());
        if (d == null) {
            d = new double[runs.size()];
            java.util.Arrays.fill(d, days());
        }
        return d;
    }

    /** How many days run {@code k} lasted (its run_length outcome), or -1 if not recorded. */
    private int runDays(int k) {
        OutcomeSummary length = runLength();
        int c = length == null ? -1 : runs.find(length.column());
        int rep = runs.find("replication");
        if (c < 0 || rep < 0) {
            return -1;
        }
        for (int r = 0; r < runs.size(); r++) {
            if ((int) runs.number(r, rep) == k) {
                double d = runs.number(r, c);
                return Double.isNaN(d) ? -1 : (int) d;
            }
        }
        return -1;
    }

    /** Replication numbers in runs.csv order. */
    int[] replications() throws ReportException {
        int c = runs.column("replication");
        int[] r = new int[runs.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) runs.number(i, c);
        }
        return r;
    }

    /** Seeds in runs.csv order, as text (they are 64-bit). */
    List<String> seeds() {
        int c = runs.find("seed");
        List<String> s = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            s.add(runs.text(i, c));
        }
        return s;
    }

    boolean hasEnsemble() {
        return Files.isRegularFile(directory.resolve("ensemble.csv"));
    }

    /** ensemble.csv by pair; empty if the file is absent. */
    Map<Pair, PairEnsemble> ensemble() throws ReportException {
        if (ensemble == null) {
            if (hasEnsemble()) {
                CsvTable<ReportException> t = CsvTable.read(directory.resolve("ensemble.csv"), ReportException::new);
                Inputs.ensemble(t, days(), runs.size());
                ensemble = PairEnsemble.read(t);
                if (!turned.isEmpty()) {
                    Map<Pair, PairEnsemble> byPair = new LinkedHashMap<>();
                    ensemble.forEach((p, e) -> byPair.put(turned.contains(p) ? new Pair(p.b(), p.a()) : p,
                            turned.contains(p) ? e.turned() : e));
                    ensemble = byPair;
                }
            } else {
                ensemble = Map.of();
            }
        }
        return ensemble;
    }

    boolean hasEvents() {
        return Files.isRegularFile(directory.resolve("events.csv"));
    }

    boolean hasTrajectories() {
        return Files.isRegularFile(directory.resolve("trajectories.csv"));
    }

    /** The events of one kept run, in file (time) order; empty if not kept. */
    List<EventRecord> events(int run) throws ReportException {
        return events(List.of(run)).get(run);
    }

    /** The events of several kept runs, read in one pass over events.csv: by run, in file (time) order; empty if not kept. */
    Map<Integer, List<EventRecord>> events(Collection<Integer> runs) throws ReportException {
        Map<Integer, List<EventRecord>> out = new LinkedHashMap<>();
        if (!hasEvents()) {
            if (runs.stream().anyMatch(k -> k < keptAvailable())) {
                throw new ReportException(directory.resolve("events.csv") + ": missing, though manifest.json says "
                        + keptAvailable() + " runs were kept: the results directory is incomplete");
            }
            runs.forEach(k -> out.put(k, List.of()));
            return out;
        }
        Set<String> keys = keys(runs);
        CsvTable<ReportException> all = CsvTable.read(directory.resolve("events.csv"), "run", keys::contains,
                ReportException::new);
        int runColumn = all.column("run");
        for (int run : runs) {
            CsvTable<ReportException> t = all.rowsWhere(runColumn, Integer.toString(run));
            Inputs.events(t, days());
            if (t.size() == 0 && run < keptAvailable() && scriptedWithin(run)) {
                throw new ReportException(directory.resolve("events.csv") + ": no rows for run " + run
                        + ", which was kept and has scripted events: the file is truncated");
            }
            int[] c = new int[EventRecord.COLUMNS.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = EventRecord.optional(EventRecord.COLUMNS[i]) ? t.find(EventRecord.COLUMNS[i]) : t.column(EventRecord.COLUMNS[i]);
            }
            List<EventRecord> events = new ArrayList<>(t.size());
            for (int r = 0; r < t.size(); r++) {
                events.add(EventRecord.of(t, r, c));
            }
            out.put(run, events);
        }
        return out;
    }

    /** The tracked pairs' trajectories in one kept run; empty if not kept. */
    Map<Pair, RunTrajectory> trajectories(int run) throws ReportException {
        return trajectories(List.of(run)).get(run);
    }

    /** The tracked pairs' trajectories in several kept runs, read in one pass over trajectories.csv; empty if not kept. */
    Map<Integer, Map<Pair, RunTrajectory>> trajectories(Collection<Integer> runs) throws ReportException {
        Map<Integer, Map<Pair, RunTrajectory>> out = new LinkedHashMap<>();
        if (!hasTrajectories()) {
            if (!pairs.isEmpty() && runs.stream().anyMatch(k -> k < keptAvailable())) {
                throw new ReportException(directory.resolve("trajectories.csv") + ": missing, though manifest.json says "
                        + keptAvailable() + " runs were kept: the results directory is incomplete");
            }
            runs.forEach(k -> out.put(k, Map.of()));
            return out;
        }
        Set<String> keys = keys(runs);
        Path file = directory.resolve("trajectories.csv");
        CsvTable<ReportException> all = CsvTable.read(file, "run", keys::contains, ReportException::new);
        int runColumn = all.column("run");
        for (int run : runs) {
            CsvTable<ReportException> t = all.rowsWhere(runColumn, Integer.toString(run));
            Inputs.trajectories(t, days(), runDays(run));
            if (t.size() == 0 && run < keptAvailable() && !pairs.isEmpty()) {
                throw new ReportException(file + ": no rows for run " + run + ", which was kept: the file is truncated");
            }
            out.put(run, RunTrajectory.read(t));
        }
        return out;
    }

    /** Whether the scenario scripts an event on a day that run {@code run} lived to see (so its events.csv has rows). */
    private boolean scriptedWithin(int run) {
        int lasted = runDays(run);
        int horizon = lasted > 0 ? lasted : days();
        for (Scripted e : scripted()) {
            if (e.day() < horizon) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(Collection<Integer> runs) {
        Set<String> keys = new java.util.HashSet<>();
        runs.forEach(k -> keys.add(Integer.toString(k)));
        return keys;
    }

    /** Why run {@code run} cannot be followed here, and how to follow it: rerun with more runs kept. */
    String notKept(int run) {
        String how = run < 0 ? "" : run >= runCount() ? "; the set has " + runCount() + " runs"
                : "; to follow run " + run + ", run the scenario again with the same seed, the same --set and"
                + " --parameters-from if any, and --keep " + (run + 1) + " (or --keep all): the same seeds give the same runs";
        return "--run " + run + ": only runs 0 to " + (keptAvailable() - 1) + " were kept (events and trajectories) in "
                + directory() + how;
    }

    /** The runs present in events.csv and trajectories.csv: the first {@link #keptRuns()}. */
    int keptAvailable() {
        return Math.min(keptRuns(), runs.size());
    }

    /** For tests and callers that need the raw manifest. */
    JsonNode manifest() {
        return manifest;
    }
}

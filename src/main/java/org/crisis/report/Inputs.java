package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisis.io.CsvTable;

/**
 * Checks what the report reads before it uses it: the manifest's fields (types and ranges,
 * and a major version this reader knows), and the cells of the CSV files (numbers where
 * numbers are written, within the ranges crisis writes, whole numbers where counts and days
 * are), plus what can be counted (runs.csv against the manifest, each pair's days in
 * ensemble.csv and trajectories.csv). A file that fails is refused with its name, line (and
 * column for JSON) and the field: the report never draws from a damaged or foreign file.
 */
final class Inputs {
    /** The largest magnitude crisis writes in a numeric cell; anything beyond is damage. */
    static final double LIMIT = 1e15;
    /** The longest horizon of a scenario (ScenarioReader.MAX_DAYS). */
    static final int MAX_DAYS = 100_000;
    /** Major version of the result formats this reader knows. */
    static final int FORMAT_MAJOR = 0;

    private Inputs() {}

    // --- JSON ---------------------------------------------------------------------------------

    /** A JSON file being checked, for messages with line and column. */
    static final class Json {
        private final Path file;

        Json(Path file) {
            this.file = file;
        }

        ReportException error(String path, String message) {
            return new ReportException(locate(file, path) + ": " + path + ": " + message);
        }

        JsonNode object(JsonNode parent, String path, String field, boolean required) throws ReportException {
            JsonNode v = parent.get(field);
            String p = join(path, field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(p, "missing; expected an object");
                }
                return null;
            }
            if (!v.isObject()) {
                throw error(p, "expected an object, found " + describe(v));
            }
            return v;
        }

        JsonNode array(JsonNode parent, String path, String field, boolean required) throws ReportException {
            JsonNode v = parent.get(field);
            String p = join(path, field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(p, "missing; expected a list");
                }
                return null;
            }
            if (!v.isArray()) {
                throw error(p, "expected a list, found " + describe(v));
            }
            return v;
        }

        String text(JsonNode parent, String path, String field, boolean required) throws ReportException {
            JsonNode v = parent.get(field);
            String p = join(path, field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(p, "missing; expected text");
                }
                return null;
            }
            if (!v.isTextual()) {
                throw error(p, "expected text, found " + describe(v));
            }
            return v.asText();
        }

        Long whole(JsonNode parent, String path, String field, long min, long max, boolean required) throws ReportException {
            JsonNode v = parent.get(field);
            String p = join(path, field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(p, "missing; expected a whole number in [" + min + ", " + max + "]");
                }
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw error(p, "expected a whole number in [" + min + ", " + max + "], found " + describe(v));
            }
            return v.asLong();
        }

        void number(JsonNode parent, String path, String field, double min, double max) throws ReportException {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                return; // crisis writes null for a value that does not exist (a mean of no runs)
            }
            double x = v.asDouble();
            if (!v.isNumber() || Double.isNaN(x) || x < min || x > max) {
                throw error(join(path, field), "expected a number in [" + fmt(min) + ", " + fmt(max) + "], found "
                        + describe(v));
            }
        }
    }

    private static String describe(JsonNode v) {
        String s = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** {@code file:line:column} of the value at a dotted path such as {@code scenario.countries[2].id}, or the file. */
    static String locate(Path file, String path) {
        return org.crisis.io.JsonFiles.locate(file, path);
    }

    /** The version field: text, and a major version this reader knows (versions such as "dev" pass). */
    static void version(Json j, JsonNode m) throws ReportException {
        String tool = j.text(m, "", "tool", false);
        if (tool != null && !tool.equals("crisis")) {
            throw j.error("tool", "written by '" + tool + "', not by crisis");
        }
        String version = j.text(m, "", "version", false);
        if (version == null) {
            return;
        }
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        if (!major.isEmpty() && major.chars().allMatch(Character::isDigit)) {
            long v;
            try {
                v = Long.parseLong(major);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v != FORMAT_MAJOR) {
                throw j.error("version", "written by crisis " + version + "; this crisis reads the results of version "
                        + FORMAT_MAJOR + ".x (the formats of another major version may differ): report them with the"
                        + " crisis that wrote them");
            }
        }
    }

    /** The manifest of a run set. */
    static void runSetManifest(Path file, JsonNode m) throws ReportException {
        Json j = new Json(file);
        version(j, m);
        long runs = j.whole(m, "", "runs", 1, Integer.MAX_VALUE, true);
        j.whole(m, "", "master_seed", Long.MIN_VALUE, Long.MAX_VALUE, false);
        j.whole(m, "", "kept_runs", 0, runs, false);
        j.whole(m, "", "threads", 1, Integer.MAX_VALUE, false);
        for (String f : List.of("command", "overrides")) {
            JsonNode a = j.array(m, "", f, false);
            if (a != null) {
                for (int i = 0; i < a.size(); i++) {
                    if (!a.get(i).isTextual()) {
                        throw j.error(f + "[" + i + "]", "expected text, found " + describe(a.get(i)));
                    }
                }
            }
        }
        for (String f : List.of("started", "ended", "scenario_sha256")) {
            j.text(m, "", f, false);
        }
        scenario(j, j.object(m, "", "scenario", true), "scenario");
    }

    /** The resolved scenario of a manifest: what the report reads of it. */
    private static void scenario(Json j, JsonNode s, String path) throws ReportException {
        j.text(s, path, "name", true);
        j.text(s, path, "description", false);
        long days = j.whole(s, path, "days", 1, MAX_DAYS, true);
        String start = j.text(s, path, "start", false);
        if (start != null) {
            try {
                LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                throw j.error(join(path, "start"), "expected a date as YYYY-MM-DD, found '" + start + "'");
            }
        }
        JsonNode countries = j.array(s, path, "countries", true);
        for (int i = 0; i < countries.size(); i++) {
            String at = path + ".countries[" + i + "]";
            JsonNode c = countries.get(i);
            if (!c.isObject()) {
                throw j.error(at, "expected an object, found " + describe(c));
            }
            String id = j.text(c, at, "id", true);
            if (id.isEmpty()) {
                throw j.error(at + ".id", "empty");
            }
            j.text(c, at, "name", false);
            JsonNode blocs = j.array(c, at, "blocs", false);
            if (blocs != null) {
                for (int b = 0; b < blocs.size(); b++) {
                    if (!blocs.get(b).isTextual()) {
                        throw j.error(at + ".blocs[" + b + "]", "expected a bloc name, found " + describe(blocs.get(b)));
                    }
                }
            }
        }
        JsonNode track = j.array(s, path, "track", false);
        if (track != null) {
            for (int i = 0; i < track.size(); i++) {
                JsonNode t = track.get(i);
                if (!t.isArray() || t.size() != 2 || !t.get(0).isTextual() || !t.get(1).isTextual()) {
                    throw j.error(path + ".track[" + i + "]", "expected a pair of country ids, found " + describe(t));
                }
            }
        }
        JsonNode relations = j.array(s, path, "relations", false);
        if (relations != null) {
            for (int i = 0; i < relations.size(); i++) {
                String at = path + ".relations[" + i + "]";
                JsonNode r = relations.get(i);
                JsonNode between = r.path("between");
                if (!r.isObject() || !between.isArray() || between.size() != 2 || !between.get(0).isTextual()
                        || !between.get(1).isTextual()) {
                    throw j.error(at, "expected an object with between: [A, B], found " + describe(r));
                }
                level(j, r, at, "level");
                JsonNode grievance = j.object(r, at, "grievance", false);
                if (grievance != null) {
                    for (int k = 0; k < 2; k++) {
                        j.number(grievance, at + ".grievance", between.get(k).asText(), 0, 1);
                    }
                }
            }
        }
        JsonNode events = j.array(s, path, "events", false);
        if (events != null) {
            for (int i = 0; i < events.size(); i++) {
                String at = path + ".events[" + i + "]";
                JsonNode e = events.get(i);
                if (!e.isObject()) {
                    throw j.error(at, "expected an object, found " + describe(e));
                }
                j.whole(e, at, "day", 0, days - 1, true);
                j.text(e, at, "type", true);
                j.text(e, at, "actor", true);
                j.text(e, at, "target", false);
                j.text(e, at, "label", false);
            }
        }
    }

    private static void level(Json j, JsonNode o, String path, String field) throws ReportException {
        String level = j.text(o, path, field, false);
        if (level != null && !isLevel(level)) {
            throw j.error(join(path, field), "expected one of " + LEVELS + ", found '" + level + "'");
        }
    }

    /** The level names, as messages list them. */
    private static final String LEVELS = String.join(", ",
            java.util.Arrays.stream(RelationLevel.values()).map(RelationLevel::name).toList());

    private static boolean isLevel(String text) {
        for (RelationLevel l : RelationLevel.values()) {
            if (l.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an outcome is (summary.json, a sweep's manifest): text fields, a kind, a scope and
     * the pair or country it names, a level and a direction among the values docs/FORMATS.md lists.
     */
    private static void described(Json j, JsonNode o, String at) throws ReportException {
        for (String f : List.of("label", "unit", "measure", "event")) {
            j.text(o, at, f, false);
        }
        oneOf(j, o, at, "kind", OutcomeSummary.KINDS);
        String scope = oneOf(j, o, at, "scope", Set.of("pair", "country", "global"));
        if ("pair".equals(scope)) {
            j.text(o, at, "a", true);
            j.text(o, at, "b", true);
        } else if ("country".equals(scope)) {
            j.text(o, at, "country", true);
        }
        level(j, o, at, "level");
        oneOf(j, o, at, "direction", Set.of("down", "up"));
    }

    private static String oneOf(Json j, JsonNode o, String at, String field, Set<String> values) throws ReportException {
        String v = j.text(o, at, field, false);
        if (v != null && !values.contains(v)) {
            throw j.error(join(at, field), "expected one of " + String.join(", ", new java.util.TreeSet<>(values))
                    + ", found '" + v + "'");
        }
        return v;
    }

    /** summary.json of a run set: the numbers the report shows from it. */
    static void summary(Path file, JsonNode s) throws ReportException {
        Json j = new Json(file);
        JsonNode outcomes = j.array(s, "", "outcomes", true);
        for (int i = 0; i < outcomes.size(); i++) {
            String at = "outcomes[" + i + "]";
            JsonNode o = outcomes.get(i);
            if (!o.isObject()) {
                throw j.error(at, "expected an object, found " + describe(o));
            }
            j.text(o, at, "column", true);
            for (String f : List.of("label", "unit", "kind", "measure", "scope", "roles")) {
                if (!o.has(f)) {
                    throw j.error(at, "no '" + f + "' (what the outcome measures, written by crisis run since this field was"
                            + " added); the directory was written by an older version of crisis: rerun the scenario");
                }
            }
            described(j, o, at);
            JsonNode roles = j.array(o, at, "roles", true);
            boolean escalation = false;
            for (int k = 0; k < roles.size(); k++) {
                if (!roles.get(k).isTextual()) {
                    throw j.error(at + ".roles[" + k + "]", "expected text, found " + describe(roles.get(k)));
                }
                escalation |= roles.get(k).asText().equals("escalation");
            }
            JsonNode e = j.object(o, at, "escalation", escalation);
            if (e != null) {
                j.whole(e, at + ".escalation", "rank", 1, 1000, true);
                j.text(e, at + ".escalation", "more_escalated", true);
                oneOf(j, e, at + ".escalation", "more_escalated", Set.of("lower", "higher"));
            }
            JsonNode spread = j.object(o, at, "spread", false);
            if (spread != null) {
                j.whole(spread, at + ".spread", "sets", 0, Integer.MAX_VALUE, true);
                j.number(spread, at + ".spread", "parameters", 0, LIMIT);
                j.number(spread, at + ".spread", "chance", 0, LIMIT);
                j.number(spread, at + ".spread", "parameters_share", 0, 1);
                j.number(spread, at + ".spread", "p_value", 0, 1);
            }
            j.whole(o, at, "n", 0, Integer.MAX_VALUE, false);
            j.whole(o, at, "missing", 0, Integer.MAX_VALUE, false);
            for (String f : List.of("mean", "sd", "ci95_low", "ci95_high")) {
                j.number(o, at, f, -LIMIT, LIMIT);
            }
            JsonNode q = o.get("quantiles");
            if (q != null && !q.isNull()) {
                if (!q.isObject()) {
                    throw j.error(at + ".quantiles", "expected an object, found " + describe(q));
                }
                for (String f : List.of("q05", "q25", "q50", "q75", "q95")) {
                    j.number(q, at + ".quantiles", f, -LIMIT, LIMIT);
                }
            }
        }
        JsonNode pairs = j.array(s, "", "pairs", false);
        if (pairs != null) {
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode p = pairs.get(i);
                if (!p.isObject()) {
                    throw j.error("pairs[" + i + "]", "expected an object, found " + describe(p));
                }
                j.text(p, "pairs[" + i + "]", "a", true);
                j.text(p, "pairs[" + i + "]", "b", true);
            }
        }
    }

    /** The manifest of a sweep (fields in a {@code sweep} object, or at the top in older files). */
    static void sweepManifest(Path file, JsonNode m) throws ReportException {
        Json j = new Json(file);
        version(j, m);
        boolean nested = m.path("sweep").isObject();
        JsonNode s = nested ? m.path("sweep") : m;
        String at = nested ? "sweep" : "";
        j.text(s, at, "design", true);
        j.text(s, at, "name", false);
        j.whole(s, at, "points", 1, Integer.MAX_VALUE, false);
        j.whole(s, at, "replications", 1, Integer.MAX_VALUE, false);
        j.whole(s, at, "runs", 1, Long.MAX_VALUE, false);
        j.whole(s, at, "samples", 1, Integer.MAX_VALUE, false);
        j.whole(s, at, "master_seed", Long.MIN_VALUE, Long.MAX_VALUE, false);
        JsonNode vary = s.get("vary");
        if (vary != null && vary.isArray()) {
            for (int i = 0; i < vary.size(); i++) {
                JsonNode v = vary.get(i);
                String p = join(at, "vary[" + i + "]");
                if (v.isObject()) {
                    j.text(v, p, "path", true);
                    j.text(v, p, "column", false);
                    j.number(v, p, "min", -Double.MAX_VALUE, Double.MAX_VALUE);
                    j.number(v, p, "max", -Double.MAX_VALUE, Double.MAX_VALUE);
                    j.array(v, p, "values", false);
                } else if (!v.isTextual()) {
                    throw j.error(p, "expected a path or an object with a path, found " + describe(v));
                }
            }
        } else if (vary != null && !vary.isObject() && !vary.isNull()) {
            throw j.error(join(at, "vary"), "expected a list, found " + describe(vary));
        }
        JsonNode outcomes = j.array(s, at, "outcomes", false);
        if (outcomes != null) {
            for (int i = 0; i < outcomes.size(); i++) {
                JsonNode o = outcomes.get(i);
                String p = join(at, "outcomes[" + i + "]");
                if (o.isObject()) {
                    j.text(o, p, "column", false);
                    String type = j.text(o, p, "type", false);
                    if (type != null && !type.equals("share") && !type.equals("number")) {
                        throw j.error(p + ".type", "expected share or number, found '" + type + "'");
                    }
                    described(j, o, p);
                } else if (!o.isTextual()) {
                    throw j.error(p, "expected an outcome name or object, found " + describe(o));
                }
            }
        }
        JsonNode results = j.object(m, "", "results", false);
        if (results != null) {
            j.whole(results, "results", "runs", 0, Long.MAX_VALUE, false);
            j.whole(results, "results", "failed_runs", 0, Long.MAX_VALUE, false);
        }
        JsonNode shard = j.object(m, "", "shard", false);
        if (shard != null) {
            j.whole(shard, "shard", "index", 1, Integer.MAX_VALUE, false);
            j.whole(shard, "shard", "count", 1, Integer.MAX_VALUE, false);
        }
    }

    // --- CSV ----------------------------------------------------------------------------------

    /**
     * runs.csv of a run set: one row per run (as many as the manifest says), replications 0..n−1
     * once each, 64-bit seeds, and every outcome a number in the range crisis writes for it.
     */
    static void runSetRuns(CsvTable<ReportException> t, long runs, int horizon, Map<String, OutcomeSummary> described)
            throws ReportException {
        int replication = t.column("replication");
        t.check(replication, 0, runs - 1, true, false);
        BitSet seen = new BitSet();
        for (int r = 0; r < t.size(); r++) {
            int k = (int) t.number(r, replication);
            if (seen.get(k)) {
                throw new ReportException(t.where(r) + ": replication " + k + " appears twice");
            }
            seen.set(k);
        }
        if (t.size() != runs) {
            throw new ReportException(t.whereLast() + ": " + t.size()
                    + " run" + (t.size() == 1 ? "" : "s") + ", the manifest says " + runs + ": the file is truncated or"
                    + " does not belong to this manifest");
        }
        if (t.has("point")) {
            t.check(t.column("point"), 0, Integer.MAX_VALUE, true, false);
        }
        if (t.has("seed")) {
            t.checkLong(t.column("seed"));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            String name = t.columns().get(c);
            if (!Set.of("point", "replication", "seed").contains(name)) {
                outcome(t, c, described.get(name), horizon, false);
            }
        }
    }

    /**
     * An outcome column, checked by what the result files say it is ({@code d}, null for a
     * column they do not describe): a share 0 or 1, a day in the horizon, a level ordinal, a
     * count (at most the horizon for a run's length), or another number. Only days (and
     * numbers of no known kind) may be empty, or any where {@code failedRows} (a sweep's failed
     * runs have empty cells).
     */
    static void outcome(CsvTable<ReportException> t, int c, OutcomeSummary d, int horizon, boolean failedRows)
            throws ReportException {
        String kind = d == null ? "" : d.kind();
        switch (kind) {
            case "day" -> t.check(c, 0, horizon, true, true);
            case "share" -> t.check(c, 0, 1, true, failedRows);
            case "level" -> t.check(c, 0, RelationLevel.values().length - 1, true, failedRows);
            case "count" -> t.check(c, 0, d.has("run_length") ? horizon : LIMIT, true, failedRows);
            default -> {
                if (d != null && d.share()) {
                    t.check(c, 0, 1, true, failedRows);
                } else {
                    t.check(c, -LIMIT, LIMIT, false, true);
                }
            }
        }
    }

    /** ensemble.csv: days, run counts, shares and quantiles in range, and every pair over the same days from 0. */
    static void ensemble(CsvTable<ReportException> t, int horizon, long runs) throws ReportException {
        int day = t.column("day");
        t.check(day, 0, horizon, true, false);
        if (t.has("runs")) {
            t.check(t.column("runs"), 0, runs, true, false);
        }
        for (int c = 0; c < t.columns().size(); c++) {
            String name = t.columns().get(c);
            if (name.startsWith("share_")) {
                t.check(c, 0, 1, false, false);
            } else if (name.startsWith("grievance_")) {
                t.check(c, -LIMIT, LIMIT, false, true);
            }
        }
        daysFromZero(t, day, -1);
    }

    /**
     * Each pair of the table (columns a, b) covers days 0, 1, ... without gap or repeat, and
     * every pair as many days ({@code expected}, when not negative).
     */
    private static void daysFromZero(CsvTable<ReportException> t, int day, int expected) throws ReportException {
        int a = t.column("a");
        int b = t.column("b");
        Map<String, Integer> next = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            String pair = t.text(r, a) + "-" + t.text(r, b);
            int want = next.getOrDefault(pair, 0);
            int d = (int) t.number(r, day);
            if (d != want) {
                throw new ReportException(t.where(r) + ": day " + d + " of " + pair + ", expected day " + want
                        + ": the file is damaged");
            }
            next.put(pair, want + 1);
            last.put(pair, r);
        }
        int count = expected;
        if (count < 0) { // the most days any pair has: a pair with fewer was cut short
            for (int n : next.values()) {
                count = Math.max(count, n);
            }
        }
        for (Map.Entry<String, Integer> e : next.entrySet()) {
            if (e.getValue() != count) {
                throw new ReportException(t.where(last.get(e.getKey())) + ": " + e.getKey() + " has " + e.getValue()
                        + " days, expected " + count + ": the file is truncated");
            }
        }
    }

    /** The rows of trajectories.csv for one run: levels, grievances, and each pair over the run's days. */
    static void trajectories(CsvTable<ReportException> t, int horizon, int runDays) throws ReportException {
        int day = t.column("day");
        t.check(day, 0, horizon, true, false);
        int level = t.column("level");
        for (int r = 0; r < t.size(); r++) {
            if (!isLevel(t.text(r, level))) {
                throw new ReportException(t.where(r) + ": level: expected one of " + LEVELS + ", found '"
                        + CsvTable.abbreviate(t.text(r, level)) + "'");
            }
        }
        for (String g : List.of("grievance_ab", "grievance_ba")) {
            if (t.has(g)) {
                t.check(t.column(g), -LIMIT, LIMIT, false, true);
            }
        }
        daysFromZero(t, day, runDays);
    }

    /** The rows of events.csv for one run. */
    static void events(CsvTable<ReportException> t, int horizon) throws ReportException {
        for (String c : EventRecord.COLUMNS) {
            if (!EventRecord.optional(c) && !t.has(c)) {
                throw new ReportException(t.name() + ": no column '" + c + "', which describes what an event means in"
                        + " the model; the file was written by an older version of crisis: rerun the scenario");
            }
        }
        for (String c : List.of("kind", "level_before", "level_after")) {
            int k = t.column(c);
            for (int r = 0; r < t.size(); r++) {
                String v = t.text(r, k);
                boolean ok = c.equals("kind") ? EventRecord.KINDS.contains(v)
                        : v.isEmpty() || isLevel(v);
                if (!ok) {
                    throw new ReportException(t.where(r) + ": " + c + " '" + v + "' is not one of the values docs/FORMATS.md lists");
                }
            }
        }
        t.check(t.column("rung"), 0, LIMIT, true, true);
        t.check(t.column("run"), 0, Integer.MAX_VALUE, true, false);
        t.check(t.column("id"), 0, LIMIT, true, false);
        t.check(t.column("day"), 0, horizon, true, false);
        t.check(t.column("gamma"), -LIMIT, LIMIT, false, true);
        t.check(t.column("cause"), 0, LIMIT, true, true);
        t.check(t.column("severity"), -LIMIT, LIMIT, false, true);
        int actor = t.column("actor");
        int type = t.column("type");
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, actor).isEmpty() || t.text(r, type).isEmpty()) {
                throw new ReportException(t.where(r) + ": an event needs an actor and a type");
            }
        }
    }

    /** points.csv of a sweep: point numbers, counts and statistics; varied values may be numbers or text. */
    static void points(CsvTable<ReportException> t) throws ReportException {
        t.check(t.column("point"), 0, Integer.MAX_VALUE, true, false);
        t.check(t.column("n"), 0, LIMIT, true, false);
        for (String c : List.of("mean", "sd", "ci95_low", "ci95_high")) {
            if (t.has(c)) {
                t.check(t.column(c), -LIMIT, LIMIT, false, true);
            }
        }
        int outcome = t.column("outcome");
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, outcome).isEmpty()) {
                throw new ReportException(t.where(r) + ": outcome: empty");
            }
        }
    }

    /** runs.csv of a sweep: run numbers, seeds, status, and outcome cells (columns after the varied ones). */
    static void sweepRuns(CsvTable<ReportException> t, List<String> factors, Map<String, OutcomeSummary> described)
            throws ReportException {
        t.check(t.column("point"), 0, Integer.MAX_VALUE, true, false);
        if (t.has("replication")) {
            t.check(t.column("replication"), 0, Integer.MAX_VALUE, true, false);
        }
        if (t.has("seed")) {
            t.checkLong(t.column("seed"));
        }
        Set<String> skip = new HashSet<>(List.of("point", "replication", "seed", "status", "message"));
        skip.addAll(factors);
        for (int c = 0; c < t.columns().size(); c++) {
            if (!skip.contains(t.columns().get(c))) {
                outcome(t, c, described.get(t.columns().get(c)), MAX_DAYS, true);
            }
        }
        if (t.has("status")) {
            int status = t.column("status");
            for (int r = 0; r < t.size(); r++) {
                String s = t.text(r, status);
                if (!s.isEmpty() && !s.equals("ok") && !s.equals("failed")) {
                    throw new ReportException(t.where(r) + ": status: expected ok or failed, found '"
                            + CsvTable.abbreviate(s) + "'");
                }
            }
        }
    }

    /** sensitivity.csv: every column but the names is a number (or empty). */
    static void sensitivity(CsvTable<ReportException> t) throws ReportException {
        List<String> names = new ArrayList<>(List.of("outcome", "parameter", "factor", "path"));
        for (int c = 0; c < t.columns().size(); c++) {
            if (!names.contains(t.columns().get(c))) {
                t.check(c, -LIMIT, LIMIT, false, true);
            }
        }
    }
}

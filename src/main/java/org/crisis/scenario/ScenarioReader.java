package org.crisis.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.crisis.model.EventType;
import org.crisis.model.Ladder;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario.Bounds;
import org.crisis.scenario.Scenario.Country;
import org.crisis.scenario.Scenario.Ideology;
import org.crisis.scenario.Scenario.Pair;
import org.crisis.scenario.Scenario.Relation;
import org.crisis.scenario.Scenario.Trigger;

/**
 * Reads and validates scenario files (SCENARIO.md). Reports every problem of a file at
 * once, each with file, line, column, field path and what was expected.
 *
 * <pre>{@code
 * Scenario s = ScenarioReader.read(Path.of("scenarios/peru-mexico-asylum-2025.yaml"),
 *         List.of("parameters.grievanceDecay=0.03"));
 * }</pre>
 */
public final class ScenarioReader {
    /**
     * Top-level fields, in the order of SCENARIO.md, then {@code $schema}, which may point editors
     * at scenario.schema.json and is otherwise ignored.
     */
    public static final Set<String> TOP = Fields.keys("name", "description", "start", "days", "seed",
            "countries", "relations", "events", "parameters", "track", "stop", "expect", "organisations", "$schema");
    public static final Set<String> ORGANISATION = Fields.keys("id", "democraticClause");
    public static final Set<String> COUNTRY = Fields.keys("id", "name", "ideology", "sovereignty",
            "domesticPressure", "hawkishness", "normAdherence", "blocs", "majorPower");
    public static final Set<String> TRAITS = Fields.keys("sovereignty", "domesticPressure", "hawkishness",
            "normAdherence");
    public static final Set<String> IDEOLOGY = Fields.keys("economic", "social");
    public static final Set<String> RELATION = Fields.keys("between", "level", "grievance", "trade");
    public static final Set<String> EVENT = Fields.keys("day", "type", "actor", "target", "severity", "label",
            "gamma", "interference", "normBreaking", "territorial", "armed", "ideology", "sovereignty", "domesticPressure",
            "hawkishness", "normAdherence", "continuity", "declaredAnswer", "envoy", "lastsUntil", "setsLevel");
    /** The acts of the ladder, in order: what a declared answer may name (FORMATS 1.4). */
    private static final List<EventType> LADDER_ACTS =
            IntStream.rangeClosed(Ladder.PROTEST, Ladder.TOP).mapToObj(Ladder::act).toList();
    public static final Set<String> STOP = Fields.keys("when", "pair");
    public static final Set<String> EXPECT = Fields.keys("runs", "patterns");
    public static final Set<String> PATTERN = Fields.keys("name", "pair", "reaches", "by", "withinDays", "endsAt",
            "restored", "condemn", "count", "probability");
    /** The levels an act may itself set (FORMATS 1.4). */
    private static final List<Level> SET_LEVELS = List.of(Level.DOWNGRADED, Level.SEVERED);
    public static final Set<String> BOUNDS = Fields.keys("min", "max");
    public static final Set<String> LEVEL_BOUNDS = Fields.keys("atLeast", "atMost");
    public static final int MAX_DAYS = 100_000;
    /** The dates a run may have: those written with four-digit years, as CSV readers expect. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

    private final Fields f = new Fields();
    private final Map<String, Integer> ids = new HashMap<>();
    /** Ids by their lower-case form, the form output columns use. */
    private final Map<String, String> columnIds = new HashMap<>();
    private final Map<String, Node> idNodes = new LinkedHashMap<>();
    private final Map<String, String> idPaths = new HashMap<>();
    /** A country entry gave no id (not a mapping, or its id missing or not text): each unknown id is then said once. */
    private boolean unnamedCountry;
    private final Set<String> unknownSaid = new HashSet<>();
    /** Ids refused where they are declared (their form): references to them add no problem. */
    private final Set<String> refusedIds = new HashSet<>();
    private int days = MAX_DAYS;

    private ScenarioReader() {}

    /** Reads a scenario file, applies {@code --set} overrides (dotted paths), validates it. */
    public static Scenario read(Path file, List<String> overrides) throws InvalidInputException {
        return bind(tree(file, overrides), overrides);
    }

    /**
     * Validates a parsed tree that {@code overrides} changed: a problem placed in the file says that
     * the file was read as the overrides changed it, since one of them may be its cause (a horizon
     * set shorter than the file's events, say).
     */
    public static Scenario bind(Node root, List<String> overrides) throws InvalidInputException {
        try {
            return bind(root);
        } catch (InvalidInputException e) {
            if (overrides.isEmpty()) {
                throw e;
            }
            String with = " (the file as changed by --set " + String.join(", --set ", overrides) + ")";
            throw new InvalidInputException(e.problems().stream().map(p -> p.source().equals(Overrides.SOURCE) ? p
                    : new Problem(p.source(), p.line(), p.column(), p.path(), p.message() + with)).toList());
        }
    }

    /** A scenario file's parsed tree with {@code --set} overrides applied, before it is validated. */
    public static Node tree(Path file, List<String> overrides) throws InvalidInputException {
        Node root = TreeReader.read(file);
        Overrides.apply(root, overrides);
        return root;
    }

    /** Validates a parsed tree (overrides already applied). */
    public static Scenario bind(Node root) throws InvalidInputException {
        ScenarioReader r = new ScenarioReader();
        Optional<Scenario> s = r.scenario(root);
        if (!r.f.problems().isEmpty() || s.isEmpty()) {
            throw new InvalidInputException(r.f.problems());
        }
        return s.get();
    }

    private Optional<Scenario> scenario(Node root) {
        Optional<Node.Mapping> top = f.mapping(root, "", TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = top.get();
        Fields.field(m, "$schema").ifPresent(n -> f.string(n, "$schema"));
        String name = f.required(m, "", "name", "a name of letters, digits, '-' and '_'")
                .flatMap(n -> f.string(n, "name")).filter(n -> {
                    String problem = Fields.nameProblem(n);
                    if (problem != null) {
                        f.error(m.entries.get("name"), "name", problem);
                        return false;
                    }
                    return true;
                }).orElse("");
        String description = Fields.field(m, "description").flatMap(n -> f.string(n, "description")).orElse("");
        Optional<LocalDate> start = Fields.field(m, "start").flatMap(n -> date(n, "start"));
        OptionalLong d = f.required(m, "", "days", "a whole number in [1, " + MAX_DAYS + "]")
                .map(n -> f.integer(n, "days", 1, MAX_DAYS)).orElse(OptionalLong.empty());
        days = (int) d.orElse(MAX_DAYS);
        long seed = Fields.field(m, "seed").map(n -> f.integer(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(OptionalLong.of(1)).orElse(1);
        if (start.isPresent() && d.isPresent()) {
            dates(m.entries.get("start"), start.get(), days);
        }

        List<Country> countries = new ArrayList<>();
        f.required(m, "", "countries", "a list of countries").flatMap(n -> f.sequence(n, "countries"))
                .ifPresent(list -> {
                    if (list.items.isEmpty()) {
                        f.error(list, "countries", "expected at least one country");
                    }
                    for (int i = 0; i < list.items.size(); i++) {
                        country(list.items.get(i), "countries[" + i + "]").ifPresent(countries::add);
                    }
                });
        pairColumns();
        List<Relation> relations = new ArrayList<>();
        Map<String, Integer> relationKeys = new HashMap<>();
        Fields.field(m, "relations").flatMap(n -> f.sequence(n, "relations")).ifPresent(list -> {
            for (int i = 0; i < list.items.size(); i++) {
                Node item = list.items.get(i);
                String path = "relations[" + i + "]";
                int index = i;
                relation(item, path).ifPresent(r -> {
                    String key = canonical(r.between());
                    Integer first = relationKeys.putIfAbsent(key, index);
                    if (first != null) {
                        f.error(item, path, "the pair " + r.between().key() + " is listed twice: first as relations[" + first
                                + "], line " + list.items.get(first).line());
                    }
                    relations.add(r);
                });
            }
        });
        List<Trigger> events = new ArrayList<>();
        Fields.field(m, "events").flatMap(n -> f.sequence(n, "events")).ifPresent(list -> {
            for (int i = 0; i < list.items.size(); i++) {
                event(list.items.get(i), "events[" + i + "]").ifPresent(events::add);
            }
        });
        Parameters parameters = Fields.field(m, "parameters").map(this::parameters).orElse(Parameters.defaults());
        List<Pair> track = new ArrayList<>();
        Set<String> trackKeys = new HashSet<>();
        Fields.field(m, "track").flatMap(n -> f.sequence(n, "track")).ifPresent(list -> {
            if (list.items.isEmpty()) {
                f.error(list, "track", "an empty list tracks no pair, and every run needs one to record: name the pairs, or leave"
                        + " track out to track every pair an event touches");
            }
            if (!list.items.isEmpty() && list.items.stream().allMatch(x -> x instanceof Node.Scalar)) {
                // [KEN, TZA] for [[KEN, TZA]]: a list of ids where a list of pairs is meant
                List<String> written = list.items.stream().map(x -> String.valueOf(((Node.Scalar) x).value())).toList();
                // PER-MEX, PER-ECU: pairs written as one id each; PER, MEX: the two ids of one pair without its brackets
                List<String> pairs = written.stream().filter(x -> x.indexOf('-') > 0)
                        .map(x -> "[" + x.replaceFirst("-", ", ") + "]").toList();
                boolean onePair = written.size() == 2 && !written.get(0).equals(written.get(1))
                        && ids.containsKey(written.get(0)) && ids.containsKey(written.get(1));
                String fix = pairs.size() == written.size() ? "write each pair as [A, B]: [" + String.join(", ", pairs) + "]"
                        : onePair ? "[[" + String.join(", ", written) + "]] tracks the pair " + String.join("-", written)
                        : "write each pair as [A, B] inside the list, e.g. [[PER, MEX], [PER, COL]]";
                f.error(list, "track", "expected a list of pairs, found a list of single values; " + fix);
                return;
            }
            for (int i = 0; i < list.items.size(); i++) {
                Node item = list.items.get(i);
                String path = "track[" + i + "]";
                pair(item, path).ifPresent(p -> {
                    // a pair tracked twice (in either order) would give the output files duplicate columns
                    if (!trackKeys.add(canonical(p))) {
                        f.error(item, path, "the pair " + p.key() + " is tracked twice");
                    }
                    track.add(p);
                });
            }
        });
        Optional<Scenario.Stop> stop = Fields.field(m, "stop").flatMap(this::stop);
        Optional<Scenario.Expectations> expect = Fields.field(m, "expect").flatMap(this::expect);
        List<Scenario.Organisation> organisations = new ArrayList<>();
        Fields.field(m, "organisations").flatMap(n -> f.sequence(n, "organisations")).ifPresent(list -> {
            Set<String> blocs = new HashSet<>();
            countries.forEach(c -> blocs.addAll(c.blocs()));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.items.size(); i++) {
                String path = "organisations[" + i + "]";
                Node item = list.items.get(i);
                f.mapping(item, path, ORGANISATION).ifPresent(om -> {
                    Optional<String> id = f.required(om, path, "id", "the name of a bloc used in countries' blocs")
                            .flatMap(n -> f.string(n, path + ".id"));
                    boolean clause = Fields.field(om, "democraticClause").flatMap(n -> f.bool(n, path + ".democraticClause"))
                            .orElse(false);
                    id.ifPresent(x -> {
                        if (!blocs.contains(x)) {
                            f.error(om.entries.get("id"), path + ".id", "no country is in a bloc '" + x + "'"
                                    + Fields.closest(x, blocs).map(c -> "; did you mean '" + c + "'?").orElse(""));
                        } else if (!seen.add(x)) {
                            f.error(om.entries.get("id"), path + ".id", "the organisation '" + x + "' is listed twice");
                        } else {
                            organisations.add(new Scenario.Organisation(x, clause));
                        }
                    });
                });
            }
        });
        if (!f.problems().isEmpty()) {
            return Optional.empty();
        }
        events.sort(java.util.Comparator.comparingInt(Trigger::day)); // stable: file order within a day
        return Optional.of(new Scenario(name, description, start, days, seed, countries, relations, events,
                parameters, track, stop, expect, organisations));
    }

    /** The run's dates, written in CSV files, stay within 0001-01-01 .. 9999-12-31 (ISO dates of four-digit years). */
    private void dates(Node at, LocalDate start, int days) {
        LocalDate last;
        try {
            last = start.plusDays(days);
        } catch (java.time.DateTimeException e) {
            last = LocalDate.MAX;
        }
        if (start.isBefore(FIRST_DATE) || last.isAfter(LAST_DATE)) {
            f.error(at, "start", "expected a date from " + FIRST_DATE + " such that start + days (" + days
                    + ") is no later than " + LAST_DATE + ", found " + start);
        }
    }

    private Optional<LocalDate> date(Node n, String path) {
        return f.string(n, path).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                f.error(n, path, text.matches("\\d{4}-\\d{2}-\\d{2}") ? "no such day: '" + text + "' (a date as YYYY-MM-DD that the calendar has)"
                        : "expected a date as YYYY-MM-DD, found '" + text + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Country> country(Node node, String path) {
        Optional<Node.Mapping> mm = f.mapping(node, path, COUNTRY);
        if (mm.isEmpty()) {
            unnamedCountry = true;
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        Optional<String> id = f.required(m, path, "id", "a country id such as PER").flatMap(n -> f.string(n, path + ".id"));
        if (id.isEmpty()) {
            unnamedCountry = true;
        }
        if (id.isPresent()) {
            if (!ID.matcher(id.get()).matches()) {
                refusedIds.add(id.get());
                f.error(m.entries.get("id"), path + ".id", "expected letters, digits and '_' (ISO 3166 alpha-3 recommended), found '" + id.get() + "'");
            } else if (Fields.MISSING.contains(id.get())) {
                refusedIds.add(id.get());
                f.error(m.entries.get("id"), path + ".id", "country id '" + id.get() + "' reads as a missing value in pandas and R,"
                        + " so the output files would lose it: give another (ISO 3166 alpha-3 recommended, e.g. NAM for Namibia)");
            } else if (ids.putIfAbsent(id.get(), ids.size()) != null) {
                f.error(m.entries.get("id"), path + ".id", "duplicate country id '" + id.get() + "'");
            } else {
                String same = columnIds.putIfAbsent(id.get().toLowerCase(java.util.Locale.ROOT), id.get());
                if (same != null) {
                    f.error(m.entries.get("id"), path + ".id", "country id '" + id.get() + "' differs from '" + same
                            + "' only in case, and output columns are lower case (sides_"
                            + id.get().toLowerCase(java.util.Locale.ROOT) + "): give ids that differ in more than case");
                } else {
                    idNodes.put(id.get(), m.entries.get("id"));
                    idPaths.put(id.get(), path + ".id");
                }
            }
        }
        Optional<String> named = Fields.field(m, "name").flatMap(n -> f.string(n, path + ".name"));
        named.filter(Fields.MISSING::contains).ifPresent(n -> f.error(m.entries.get("name"), path + ".name", "the name '" + n
                + "' reads as a missing value in pandas and R, and report tables name countries by it: give another"));
        String name = named.orElse(id.orElse(""));
        Ideology ideology = Fields.field(m, "ideology").map(n -> ideology(n, path + ".ideology", new Ideology(0, 0)))
                .orElse(new Ideology(0, 0));
        double[] traits = new double[4];
        int t = 0;
        for (String trait : TRAITS) {
            traits[t++] = Fields.field(m, trait).map(n -> f.number(n, path + "." + trait, 0, 1))
                    .orElse(OptionalDouble.of(Scenario.DEFAULT_TRAIT)).orElse(Scenario.DEFAULT_TRAIT);
        }
        List<String> blocs = new ArrayList<>();
        Fields.field(m, "blocs").flatMap(n -> f.sequence(n, path + ".blocs")).ifPresent(list -> {
            for (int i = 0; i < list.items.size(); i++) {
                f.string(list.items.get(i), path + ".blocs[" + i + "]").ifPresent(b -> {
                    if (!blocs.contains(b)) {
                        blocs.add(b);
                    }
                });
            }
        });
        boolean majorPower = Fields.field(m, "majorPower").flatMap(n -> f.bool(n, path + ".majorPower")).orElse(false);
        return id.map(i -> new Country(i, name, ideology, traits[0], traits[1], traits[2], traits[3], blocs, majorPower));
    }

    private Ideology ideology(Node node, String path, Ideology base) {
        return f.mapping(node, path, IDEOLOGY).map(m -> new Ideology(
                Fields.field(m, "economic").map(n -> f.number(n, path + ".economic", -1, 1))
                        .orElse(OptionalDouble.of(base.economic())).orElse(base.economic()),
                Fields.field(m, "social").map(n -> f.number(n, path + ".social", -1, 1))
                        .orElse(OptionalDouble.of(base.social())).orElse(base.social())))
                .orElse(base);
    }

    private Optional<String> countryRef(Node node, String path) {
        return f.string(node, path).filter(id -> {
            if (!ids.containsKey(id)) {
                if (refusedIds.contains(id) || unnamedCountry && !unknownSaid.add(id)) {
                    // an id refused where it is declared is that one problem; with an entry that gives no id (a
                    // country that --set turned into a number, say) each unknown id is said once, not at every reference
                    return false;
                }
                String hint = Fields.closest(id, ids.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                f.error(node, path, "unknown country '" + id + "': not declared in countries" + hint + (unnamedCountry
                        ? " (a country entry gives no id, which may be why; its other references are not listed)" : ""));
                return false;
            }
            return true;
        });
    }

    Optional<Pair> pair(Node node, String path) {
        if (node instanceof Node.Scalar s && s.value() instanceof String text && text.matches("[^\\s,-]+\\s*[-,]\\s*[^\\s,-]+")) {
            // RED-BLU, as a relation's path names it: say how a pair is written here
            String[] ids = text.split("\\s*[-,]\\s*");
            f.error(node, path, "expected a list of two country ids, found '" + text + "'; write [" + ids[0] + ", " + ids[1] + "]");
            return Optional.empty();
        }
        Optional<Node.Sequence> list = f.sequence(node, path);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.get().items.size() != 2) {
            f.error(node, path, "expected a pair of two country ids, e.g. [PER, MEX], found " + list.get().items.size() + " items");
            return Optional.empty();
        }
        Optional<String> a = countryRef(list.get().items.get(0), path + "[0]");
        Optional<String> b = countryRef(list.get().items.get(1), path + "[1]");
        if (a.isPresent() && b.isPresent() && a.get().equals(b.get())) {
            f.error(node, path, "a pair needs two different countries, found " + a.get() + " twice");
            return Optional.empty();
        }
        return a.isPresent() && b.isPresent() ? Optional.of(new Pair(a.get(), b.get())) : Optional.empty();
    }

    /**
     * Two different pairs must not share a column in the output files, where pair A-B becomes
     * {@code a_b} (e.g. severed_a_b): with ids A_B, C, A and B_C, the pairs A_B-C and A-B_C
     * would both be {@code a_b_c}. That needs an id that is another id, '_' and more: only
     * such ids are examined.
     */
    private void pairColumns() {
        Set<String> all = columnIds.keySet();
        List<String> underscored = new ArrayList<>();
        for (String id : all) {
            if (id.indexOf('_') >= 0) {
                underscored.add(id);
            }
        }
        underscored.sort(null);
        Set<String> reported = new HashSet<>();
        for (String v : underscored) {
            for (int i = v.indexOf('_'); i >= 0; i = v.indexOf('_', i + 1)) {
                String x = v.substring(0, i);
                String z = v.substring(i + 1);
                if (!all.contains(x) || z.isEmpty()) {
                    continue;
                }
                for (String w : underscored) {
                    if (!w.startsWith(z + "_")) {
                        continue;
                    }
                    String y = w.substring(z.length() + 1);
                    if (!all.contains(y) || x.equals(w) || v.equals(y) || !reported.add(x + " " + w + " " + v + " " + y)) {
                        continue;
                    }
                    String a = columnIds.get(x);
                    String b = columnIds.get(w);
                    String c = columnIds.get(v);
                    String e = columnIds.get(y);
                    f.error(idNodes.get(c), idPaths.get(c), "the pairs " + a + "-" + b + " and " + c + "-" + e
                            + " would share the columns of the output files (severed_" + x + "_" + w + "): rename "
                            + c + " or " + b + " (ids with '_' can run into each other)");
                }
            }
        }
    }

    private static String canonical(Pair p) {
        return p.a().compareTo(p.b()) < 0 ? p.a() + "-" + p.b() : p.b() + "-" + p.a();
    }

    private Optional<Relation> relation(Node node, String path) {
        Optional<Node.Mapping> mm = f.mapping(node, path, RELATION);
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        Optional<Pair> pair = f.required(m, path, "between", "a pair of country ids, e.g. [PER, MEX]")
                .flatMap(n -> pair(n, path + ".between"));
        Level level = Fields.field(m, "level").flatMap(n -> f.choice(n, path + ".level", Level.class))
                .orElse(Level.NORMAL);
        double[] grievance = sides(m, "grievance", path, pair);
        double[] trade = sides(m, "trade", path, pair);
        return pair.map(p -> new Relation(p, level, grievance[0], grievance[1], trade[0], trade[1]));
    }

    /** A {@code {A: x, B: y}} mapping keyed by the pair's two ids; both default to 0. */
    private double[] sides(Node.Mapping m, String key, String path, Optional<Pair> pair) {
        double[] values = new double[2];
        Optional<Node> node = Fields.field(m, key);
        if (node.isEmpty() || pair.isEmpty()) {
            return values;
        }
        Pair p = pair.get();
        Set<String> allowed = new java.util.LinkedHashSet<>(List.of(p.a(), p.b()));
        if (node.get() instanceof Node.Mapping given) {
            // a country of the scenario that is not a side: said as such, not as a misspelt side
            for (var entry : given.keys.entrySet()) {
                if (!allowed.contains(entry.getKey()) && ids.containsKey(entry.getKey())) {
                    Node.Mapping.Key at = entry.getValue();
                    f.problems().add(new Problem(at.source(), at.line(), at.column(), path + "." + key + "." + entry.getKey(),
                            entry.getKey() + " is not a side of the pair " + p.key() + ": a relation's " + key
                            + " names its two sides, " + p.a() + " and " + p.b() + " (list " + entry.getKey()
                            + "'s with its own pair)"));
                    allowed.add(entry.getKey());
                }
            }
        }
        f.mapping(node.get(), path + "." + key, allowed).ifPresent(sides -> {
            Fields.field(sides, p.a()).ifPresent(n -> values[0] = f.number(n, path + "." + key + "." + p.a(), 0, 1).orElse(0));
            Fields.field(sides, p.b()).ifPresent(n -> values[1] = f.number(n, path + "." + key + "." + p.b(), 0, 1).orElse(0));
        });
        return values;
    }

    /**
     * The flag {@code key} of an event: given where it may be ({@code allowed}), refused with the
     * reason elsewhere, and otherwise what the type says ({@code byType}).
     */
    private boolean triggerFlag(Node.Mapping m, String path, Optional<EventType> type, boolean allowed, String key,
            Predicate<EventType> byType) {
        if (type.isPresent() && !allowed && Fields.field(m, key).isPresent()) {
            String why = byType.test(type.get()) ? " is " + key + " by its type" : " is not one";
            f.error(m.entries.get(key), path + "." + key, "'" + key + "' is only for bilateral triggers (CUSTOM, "
                    + "ASYLUM_GRANT, INTERFERENCE_STATEMENT, SAFE_CONDUCT_DENIED, SAFE_CONDUCT_GRANTED, EMBASSY_RAID); "
                    + type.get() + why);
        }
        if (allowed) {
            return Fields.field(m, key).flatMap(n -> f.bool(n, path + "." + key)).orElse(false);
        }
        return type.map(byType::test).orElse(false);
    }

    private Optional<Trigger> event(Node node, String path) {
        Optional<Node.Mapping> mm = f.mapping(node, path, EVENT);
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        int problemsBefore = f.problems().size();
        OptionalLong day = f.required(m, path, "day", "a day within the horizon").map(n -> {
            if (n instanceof Node.Scalar s && s.value() instanceof Number v && days > 0
                    && (v.doubleValue() < 0 || v.doubleValue() != Math.rint(v.doubleValue()))) {
                // a negative or fractional day: the horizon, not the whole range of an int, is what the author needs
                f.error(n, path + ".day", "expected a whole day within the horizon, 0.." + (days - 1) + " (days: " + days
                        + "), found " + v);
                return OptionalLong.empty();
            }
            OptionalLong x = f.integer(n, path + ".day", 0, Integer.MAX_VALUE);
            if (x.isPresent() && x.getAsLong() >= days) {
                f.error(n, path + ".day", "day " + x.getAsLong() + " is outside the horizon: expected 0.." + (days - 1)
                        + " (days: " + days + ")");
                return OptionalLong.empty();
            }
            return x;
        }).orElse(OptionalLong.empty());
        Optional<EventType> type = f.required(m, path, "type", "an event type such as ASYLUM_GRANT")
                .flatMap(n -> f.choice(n, path + ".type", EventType.class,
                        "; for a trigger of another kind use CUSTOM with its own gamma, interference and normBreaking"
                                + " (docs/FORMATS.md, 2.5)"));
        Optional<String> actor = f.required(m, path, "actor", "a country id").flatMap(n -> countryRef(n, path + ".actor"));
        Optional<Node> targetNode = Fields.field(m, "target");
        Optional<String> target = targetNode.flatMap(n -> countryRef(n, path + ".target"));
        if (type.isPresent()) {
            EventType t = type.get();
            if (t.domestic() && targetNode.isPresent()) {
                f.error(targetNode.get(), path + ".target", t + " is a domestic event and takes no target");
            } else if (!t.domestic() && targetNode.isEmpty()) {
                f.error(m, path + ".target", "required field is missing: " + t + " needs a target country");
            }
            if (actor.isPresent() && target.isPresent() && actor.get().equals(target.get())) {
                f.error(targetNode.get(), path + ".target", "an event's target must differ from its actor (" + actor.get() + ")");
            }
        }
        double severity = Fields.field(m, "severity").map(n -> f.number(n, path + ".severity", 0, 5))
                .orElse(OptionalDouble.of(1)).orElse(1);
        boolean custom = type.filter(t -> t == EventType.CUSTOM).isPresent();
        boolean government = type.filter(EventType::changesGovernment).isPresent();
        for (String k : List.of("label", "gamma", "interference", "normBreaking")) {
            if (type.isPresent() && !custom && Fields.field(m, k).isPresent()) {
                f.error(m.entries.get(k), path + "." + k, "'" + k + "' is only for CUSTOM events; " + type.get() + " has its own weight and flags");
            }
        }
        for (String k : List.of("ideology", "sovereignty", "domesticPressure", "hawkishness", "normAdherence",
                "continuity")) {
            if (type.isPresent() && !government && Fields.field(m, k).isPresent()) {
                f.error(m.entries.get(k), path + "." + k, "'" + k + "' is only for ELECTION and COUP events (a new government's traits)");
            }
        }
        Optional<String> label = Fields.field(m, "label").flatMap(n -> f.string(n, path + ".label"));
        label.filter(Fields.MISSING::contains).ifPresent(n -> f.error(m.entries.get("label"), path + ".label", "the label '" + n
                + "' reads as a missing value in pandas and R, and events.csv names the event by it: give another"));
        double gamma = type.map(EventType::gamma).orElse(0.0);
        boolean interference = type.map(EventType::interference).orElse(false);
        boolean normBreaking = type.map(EventType::normBreaking).orElse(false);
        // bilateral triggers may be flagged territorial or armed; a border incident is both by its type (FORMATS 2.5)
        boolean mayBeFlagged = type.filter(t -> t.kind() == EventType.Kind.TRIGGER && !t.territorial()).isPresent();
        boolean territorial = triggerFlag(m, path, type, mayBeFlagged, "territorial", EventType::territorial);
        boolean armed = triggerFlag(m, path, type, mayBeFlagged, "armed", EventType::armed);
        OptionalDouble weight = type.isPresent() ? OptionalDouble.of(gamma) : OptionalDouble.empty();
        if (custom) {
            weight = f.required(m, path, "gamma", "the event's weight on the Goldstein scale, -10..10")
                    .map(n -> f.number(n, path + ".gamma", -10, 10)).orElse(OptionalDouble.empty());
            gamma = weight.orElse(0);
            interference = Fields.field(m, "interference").flatMap(n -> f.bool(n, path + ".interference")).orElse(false);
            normBreaking = Fields.field(m, "normBreaking").flatMap(n -> f.bool(n, path + ".normBreaking")).orElse(false);
        }
        Optional<EventType> declaredAnswer = declaredAnswer(m, path, type, weight);
        boolean envoy = envoy(m, path, type, weight);
        int lastsUntil = lastsUntil(m, path, type, weight, day);
        Optional<Level> setsLevel = setsLevel(m, path, type, weight);
        Map<String, Double> traits = new LinkedHashMap<>();
        if (government) {
            Fields.field(m, "ideology").flatMap(n -> f.mapping(n, path + ".ideology", IDEOLOGY)).ifPresent(im -> {
                for (String axis : IDEOLOGY) {
                    Fields.field(im, axis).ifPresent(n -> f.number(n, path + ".ideology." + axis, -1, 1)
                            .ifPresent(x -> traits.put("ideology." + axis, x)));
                }
            });
            for (String trait : TRAITS) {
                Fields.field(m, trait).ifPresent(n -> f.number(n, path + "." + trait, 0, 1)
                        .ifPresent(x -> traits.put(trait, x)));
            }
            Fields.field(m, "continuity").ifPresent(n -> f.number(n, path + ".continuity", 0, 1)
                    .ifPresent(x -> traits.put("continuity", x)));
        }
        if (f.problems().size() > problemsBefore || day.isEmpty() || type.isEmpty() || actor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Trigger((int) day.getAsLong(), type.get(), actor.get(), target, severity, label,
                gamma, interference, normBreaking, territorial, armed, traits, declaredAnswer, envoy, lastsUntil,
                setsLevel));
    }

    /**
     * The level a hostile bilateral trigger itself put its pair at (FORMATS 1.4): DOWNGRADED for an
     * expulsion, recall or withdrawal of a head of mission, SEVERED for a closing of every mission.
     */
    private Optional<Level> setsLevel(Node.Mapping m, String path, Optional<EventType> type, OptionalDouble gamma) {
        Optional<Node> node = Fields.field(m, "setsLevel");
        if (node.isEmpty() || !onATrigger(node.get(), "setsLevel", path, type)
                || !hostile(node.get(), "setsLevel", path, gamma, "'setsLevel' is the level a hostile act itself set")) {
            return Optional.empty();
        }
        return f.choice(node.get(), path + ".setsLevel", SET_LEVELS,
                " (the level the act itself put the pair at: DOWNGRADED for a head of mission expelled, recalled or"
                        + " withdrawn, SEVERED for relations broken off)");
    }

    /**
     * The last day a hostile bilateral act that goes on after its day lasted (FORMATS 1.4): a day
     * after the act's; one at or beyond the horizon is read as its last day (an act that outlasts
     * the horizon, or a horizon shortened by an override). {@link Trigger#NOT_LASTING} when not
     * given, or when the act is on the horizon's last day.
     */
    private int lastsUntil(Node.Mapping m, String path, Optional<EventType> type, OptionalDouble gamma, OptionalLong day) {
        Optional<Node> node = Fields.field(m, "lastsUntil");
        if (node.isEmpty() || !onATrigger(node.get(), "lastsUntil", path, type)
                || !hostile(node.get(), "lastsUntil", path, gamma, "'lastsUntil' is the end of a hostile act that goes on")) {
            return Trigger.NOT_LASTING;
        }
        OptionalLong until = f.integer(node.get(), path + ".lastsUntil", 0, MAX_DAYS);
        if (until.isEmpty()) {
            return Trigger.NOT_LASTING;
        }
        if (day.isPresent() && until.getAsLong() <= day.getAsLong()) {
            f.error(node.get(), path + ".lastsUntil", "the act's last day, " + until.getAsLong() + ", is not after its day, "
                    + day.getAsLong() + ": leave 'lastsUntil' out for an act done on its day");
            return Trigger.NOT_LASTING;
        }
        int last = (int) Math.min(until.getAsLong(), days - 1);
        return day.isPresent() && last <= day.getAsLong() ? Trigger.NOT_LASTING : last;
    }

    /**
     * Whether a bilateral trigger was the actor's own head of mission's conduct in the target's
     * country (FORMATS 1.4): for a hostile act ({@code gamma} below 0, when known), since what it
     * may owe is an answer to an injury.
     */
    private boolean envoy(Node.Mapping m, String path, Optional<EventType> type, OptionalDouble gamma) {
        Optional<Node> node = Fields.field(m, "envoy");
        if (node.isEmpty()) {
            return false;
        }
        if (!onATrigger(node.get(), "envoy", path, type)) {
            return false;
        }
        boolean value = f.bool(node.get(), path + ".envoy").orElse(false);
        return value && hostile(node.get(), "envoy", path, gamma, "'envoy' marks a hostile act of the actor's head of mission");
    }

    /** Whether a field that only bilateral triggers take is on one; if not, says so. */
    private boolean onATrigger(Node node, String field, String path, Optional<EventType> type) {
        if (type.isPresent() && type.get().kind() != EventType.Kind.TRIGGER) {
            f.error(node, path + "." + field, "'" + field + "' is only for bilateral triggers (CUSTOM, ASYLUM_GRANT, "
                    + "INTERFERENCE_STATEMENT, SAFE_CONDUCT_DENIED, SAFE_CONDUCT_GRANTED, EMBASSY_RAID, BORDER_INCIDENT); "
                    + type.get() + " is not one");
            return false;
        }
        return true;
    }

    /** Whether the act a field is given on is hostile (gamma below 0, when known); if not, says so after {@code what}. */
    private boolean hostile(Node node, String field, String path, OptionalDouble gamma, String what) {
        if (gamma.isPresent() && gamma.getAsDouble() >= 0) {
            f.error(node, path + "." + field, what + ", and this one's gamma is " + gamma.getAsDouble()
                    + " (a hostile act has a negative gamma; docs/MODEL.md 3.5)");
            return false;
        }
        return true;
    }

    /**
     * The answer the target had declared before a bilateral trigger that it takes against such an
     * act: one of the ladder's acts (FORMATS 1.4), for a hostile act ({@code gamma} below 0, when
     * known) since only a rise of grievance opens a climb.
     */
    private Optional<EventType> declaredAnswer(Node.Mapping m, String path, Optional<EventType> type,
            OptionalDouble gamma) {
        Optional<Node> node = Fields.field(m, "declaredAnswer");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!onATrigger(node.get(), "declaredAnswer", path, type)
                || !hostile(node.get(), "declaredAnswer", path, gamma, "a declared answer answers a hostile act")) {
            return Optional.empty();
        }
        // an event type off the ladder (a DIALOGUE, say) is told so, not offered the nearest ladder act
        Optional<EventType> named = node.get() instanceof Node.Scalar sc && sc.value instanceof String name
                ? Arrays.stream(EventType.values()).filter(t -> t.name().equals(name)).findFirst() : Optional.empty();
        if (named.isPresent() && named.get().rung() < Ladder.PROTEST) {
            f.error(node.get(), path + ".declaredAnswer", named.get() + " is not an act of the ladder: a declared answer "
                    + "is one of " + String.join(" | ", LADDER_ACTS.stream().map(Enum::name).toList()));
            return Optional.empty();
        }
        return f.choice(node.get(), path + ".declaredAnswer", LADDER_ACTS, "");
    }

    private Parameters parameters(Node node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (Parameter p : Parameter.values()) {
            names.add(p.key());
        }
        Parameters result = Parameters.defaults();
        Optional<Node.Mapping> m = f.mapping(node, "parameters", names);
        if (m.isEmpty()) {
            return result;
        }
        for (var e : m.get().entries.entrySet()) {
            Optional<Parameter> p = Parameter.byKey(e.getKey());
            if (p.isEmpty() || Fields.field(m.get(), e.getKey()).isEmpty()) {
                continue; // reported as unknown field, or empty: absent, so the default (FORMATS.md 0)
            }
            String path = "parameters." + e.getKey();
            Parameter param = p.get();
            switch (param.type()) {
                case BOOLEAN -> {
                    Optional<Boolean> b = f.bool(e.getValue(), path);
                    if (b.isPresent()) {
                        result = result.with(param, b.get() ? 1 : 0);
                    }
                }
                case INTEGER -> {
                    OptionalLong x = f.integer(e.getValue(), path, (long) param.min(), (long) param.max());
                    if (x.isPresent()) {
                        result = result.with(param, x.getAsLong());
                    }
                }
                case REAL -> {
                    OptionalDouble x = f.number(e.getValue(), path, param.min(), param.max());
                    if (x.isPresent()) {
                        result = result.with(param, x.getAsDouble());
                    }
                }
            }
        }
        return result;
    }

    private Optional<Scenario.Stop> stop(Node node) {
        return f.mapping(node, "stop", STOP).flatMap(m -> {
            Optional<Scenario.StopWhen> when = f.required(m, "stop", "when", "severed | restored | quiet")
                    .flatMap(n -> f.string(n, "stop.when")).flatMap(w -> {
                        for (Scenario.StopWhen s : Scenario.StopWhen.values()) {
                            if (w.chars().allMatch(c -> c < 128) && s.name().equalsIgnoreCase(w)) { // ASCII only: equalsIgnoreCase also folds ı and ſ
                                return Optional.of(s);
                            }
                        }
                        f.error(m.entries.get("when"), "stop.when", "expected severed | restored | quiet, found '" + w + "'");
                        return Optional.empty();
                    });
            Optional<Node> pairNode = Fields.field(m, "pair");
            Optional<Pair> pair = pairNode.flatMap(n -> pair(n, "stop.pair"));
            if (when.isPresent() && when.get() != Scenario.StopWhen.QUIET && pairNode.isEmpty()) {
                f.error(m, "stop.pair", "required field is missing: stop when " + when.get().name().toLowerCase() + " needs a pair");
            }
            return when.map(w -> new Scenario.Stop(w, pair));
        });
    }

    private Optional<Scenario.Expectations> expect(Node node) {
        return f.mapping(node, "expect", EXPECT).flatMap(m -> {
            int runs = (int) Fields.field(m, "runs").map(n -> f.integer(n, "expect.runs", 1, 10_000_000))
                    .orElse(OptionalLong.of(200)).orElse(200);
            List<Scenario.Pattern> patterns = new ArrayList<>();
            f.required(m, "expect", "patterns", "a list of patterns").flatMap(n -> f.sequence(n, "expect.patterns"))
                    .ifPresent(list -> {
                        Set<String> names = new HashSet<>();
                        for (int i = 0; i < list.items.size(); i++) {
                            Node item = list.items.get(i);
                            String path = "expect.patterns[" + i + "]";
                            pattern(item, path, i).ifPresent(p -> {
                                // tables in and out of sample, and comparisons of calibrations, are keyed by case and pattern
                                if (!names.add(p.name())) {
                                    f.error(item instanceof Node.Mapping pm && pm.entries.containsKey("name") ? pm.entries.get("name") : item,
                                            path + ".name", "the pattern name '" + p.name() + "' is used twice in this file;"
                                            + " give each pattern its own name");
                                }
                                patterns.add(p);
                            });
                        }
                    });
            return Optional.of(new Scenario.Expectations(runs, patterns));
        });
    }

    private Optional<Scenario.Pattern> pattern(Node node, String path, int index) {
        Optional<Node.Mapping> mm = f.mapping(node, path, PATTERN);
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        int before = f.problems().size();
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("reaches", "endsAt", "restored", "condemn")) {
            if (Fields.field(m, k).isPresent()) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            f.error(m, path, kinds.isEmpty()
                    ? "expected one of reaches, endsAt, restored or condemn"
                    : "expected exactly one of reaches, endsAt, restored or condemn, found " + String.join(" and ", kinds));
            return Optional.empty();
        }
        String kind = kinds.get(0);
        Optional<Bounds> probability = f.required(m, path, "probability", "bounds such as {min: 0.6}")
                .flatMap(n -> bounds(n, path + ".probability", 0, 1));
        Optional<String> given = Fields.field(m, "name").flatMap(n -> f.string(n, path + ".name"));
        given.filter(Fields.MISSING::contains).ifPresent(n -> f.error(m.entries.get("name"), path + ".name", "the pattern name '"
                + n + "' reads as a missing value in pandas and R, so the tables of patterns would lose it: give another"));
        Optional<Pair> pair = Optional.empty();
        if (!kind.equals("condemn")) {
            pair = f.required(m, path, "pair", "a pair of country ids").flatMap(n -> pair(n, path + ".pair"));
            if (Fields.field(m, "count").isPresent()) {
                f.error(m.entries.get("count"), path + ".count", "'count' goes with condemn only");
            }
        } else if (Fields.field(m, "pair").isPresent()) {
            f.error(m.entries.get("pair"), path + ".pair", "condemn patterns name a country, not a pair");
        }
        Optional<String> by = Optional.empty();
        if (Fields.field(m, "by").isPresent()) {
            Node byNode = m.entries.get("by");
            if (!kind.equals("reaches")) {
                f.error(byNode, path + ".by", "'by' goes with reaches only (whose act made the fall)");
            } else {
                by = countryRef(byNode, path + ".by");
                Optional<Pair> named = pair;
                by.filter(c -> named.isPresent() && !c.equals(named.get().a()) && !c.equals(named.get().b()))
                        .ifPresent(c -> f.error(byNode, path + ".by", "'" + c + "' is not one of the pair "
                                + named.get().key() + ": 'by' names the side whose act made the fall"));
            }
        }
        if (!kind.equals("reaches") && !kind.equals("restored") && Fields.field(m, "withinDays").isPresent()) {
            f.error(m.entries.get("withinDays"), path + ".withinDays", "'withinDays' goes with reaches and restored only");
        }
        OptionalInt within = Fields.field(m, "withinDays").map(n -> f.integer(n, path + ".withinDays", 0, days))
                .map(x -> x.isPresent() ? OptionalInt.of((int) x.getAsLong()) : OptionalInt.empty())
                .orElse(OptionalInt.empty());
        String pairKey = pair.map(Pair::key).orElse("");
        Scenario.Pattern result = null;
        switch (kind) {
            case "reaches" -> {
                Optional<Level> level = f.choice(m.entries.get("reaches"), path + ".reaches", Level.class);
                if (level.isPresent() && pair.isPresent() && probability.isPresent()) {
                    String name = given.orElse("reaches " + level.get() + " " + pairKey
                            + by.map(c -> " by " + c).orElse("")
                            + (within.isPresent() ? " within " + within.getAsInt() + " days" : ""));
                    result = new Scenario.Reaches(name, pair.get(), level.get(), within, probability.get(), by);
                }
            }
            case "endsAt" -> {
                Optional<Node.Mapping> lb = f.mapping(m.entries.get("endsAt"), path + ".endsAt", LEVEL_BOUNDS);
                Optional<Level> atLeast = lb.flatMap(b -> Fields.field(b, "atLeast"))
                        .flatMap(n -> f.choice(n, path + ".endsAt.atLeast", Level.class));
                Optional<Level> atMost = lb.flatMap(b -> Fields.field(b, "atMost"))
                        .flatMap(n -> f.choice(n, path + ".endsAt.atMost", Level.class));
                if (lb.isPresent() && Fields.field(lb.get(), "atLeast").isEmpty() && Fields.field(lb.get(), "atMost").isEmpty()) {
                    f.error(lb.get(), path + ".endsAt", "expected atLeast and/or atMost");
                }
                if (atLeast.isPresent() && atMost.isPresent() && atLeast.get().compareTo(atMost.get()) > 0) {
                    f.error(lb.get(), path + ".endsAt", "atLeast " + atLeast.get() + " is above atMost " + atMost.get());
                }
                if (pair.isPresent() && probability.isPresent() && (atLeast.isPresent() || atMost.isPresent())) {
                    String name = given.orElse("ends " + atLeast.map(l -> "at least " + l).orElse("")
                            + (atLeast.isPresent() && atMost.isPresent() ? " and " : "")
                            + atMost.map(l -> "at most " + l).orElse("") + " " + pairKey);
                    result = new Scenario.EndsAt(name, pair.get(), atLeast, atMost, probability.get());
                }
            }
            case "restored" -> {
                Optional<Boolean> b = f.bool(m.entries.get("restored"), path + ".restored");
                if (b.isPresent() && pair.isPresent() && probability.isPresent()) {
                    if (!b.get() && within.isPresent()) {
                        f.error(m.entries.get("withinDays"), path + ".withinDays",
                                "'withinDays' goes with restored: true only");
                    }
                    result = new Scenario.Restored(given.orElse((b.get() ? "restored " : "not restored ") + pairKey
                            + (within.isPresent() ? " within " + within.getAsInt() + " days" : "")),
                            pair.get(), b.get(), within, probability.get());
                }
            }
            default -> {
                Optional<String> country = countryRef(m.entries.get("condemn"), path + ".condemn");
                Optional<Bounds> count = f.required(m, path, "count", "bounds such as {min: 3}")
                        .flatMap(n -> bounds(n, path + ".count", 0, Integer.MAX_VALUE));
                if (country.isPresent() && count.isPresent() && probability.isPresent()) {
                    String name = given.orElse("condemn " + country.get() + " " + describe(count.get()));
                    result = new Scenario.Condemned(name, country.get(), count.get(), probability.get());
                }
            }
        }
        return f.problems().size() > before ? Optional.empty() : Optional.ofNullable(result);
    }

    private static String describe(Bounds b) {
        return b.min().map(x -> ">= " + Fields.fmt(x)).orElse("")
                + (b.min().isPresent() && b.max().isPresent() ? ", " : "")
                + b.max().map(x -> "<= " + Fields.fmt(x)).orElse("");
    }

    private Optional<Bounds> bounds(Node node, String path, double lo, double hi) {
        return f.mapping(node, path, BOUNDS).flatMap(m -> {
            Optional<Double> min = Fields.field(m, "min").map(n -> f.number(n, path + ".min", lo, hi))
                    .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble);
            Optional<Double> max = Fields.field(m, "max").map(n -> f.number(n, path + ".max", lo, hi))
                    .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble);
            if (Fields.field(m, "min").isEmpty() && Fields.field(m, "max").isEmpty()) {
                f.error(m, path, "expected min and/or max");
                return Optional.empty();
            }
            if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
                f.error(m, path, "min " + Fields.fmt(min.get()) + " is above max " + Fields.fmt(max.get()));
                return Optional.empty();
            }
            return Optional.of(new Bounds(min, max));
        });
    }
}

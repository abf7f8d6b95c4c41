package org.crisis.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisis.model.Parameter;
import org.crisis.observe.Outcome;
import org.crisis.scenario.Fields;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.scenario.Problem;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioJson;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;

/**
 * Reads and validates sweep files (SCENARIO.md, "Sweep"; docs/SWEEPS.md). Like scenario
 * files, every problem is reported at once with file, line, column, field path and what was
 * expected. Each varied path is checked against the scenario by setting its values (listed
 * values, range ends, grid levels) on a copy of the scenario and validating it; then every
 * point of the design is checked the same way, so no run can fail on an invalid scenario.
 */
public final class SweepReader {
    /** Top-level fields: those of SCENARIO.md, then the project's additions. */
    public static final Set<String> TOP = Fields.keys("scenario", "design", "samples", "replications", "seed",
            "vary", "outcomes", "name", "description", "commonRandomNumbers", "levels");
    public static final Set<String> FACTOR = Fields.keys("values", "min", "max", "steps");
    public static final int DEFAULT_MORRIS_LEVELS = 4;
    /** Columns of runs.csv that a varied column must not take. */
    static final Set<String> FIXED_COLUMNS = Set.of("point", "replication", "seed", "status", "message", "outcome",
            "n", "mean", "sd", "ci95_low", "ci95_high");
    private static final int MAX_REPORTED_POINTS = 5;
    /** Grid levels of a range each checked against the scenario; beyond, the first and last. */
    private static final int CHECKED_LEVELS = 100;
    /** Most points a design may have: 8 bytes per point and varied path are held in memory. */
    static final long MAX_POINTS = 20_000_000;

    private final Fields f = new Fields();
    private final Path file;

    private SweepReader(Path file) {
        this.file = file;
    }

    /** Reads a sweep file and the scenario it names. */
    public static Sweep read(Path file) throws InvalidInputException {
        return read(file, Optional.empty());
    }

    /**
     * Reads a sweep file; {@code scenario}, when given, replaces the file's {@code scenario:}
     * path (used by {@code crisis merge}, which reads the copies kept in a results directory).
     */
    public static Sweep read(Path file, Optional<Path> scenario) throws InvalidInputException {
        Node root = TreeReader.read(file);
        SweepReader r = new SweepReader(file);
        Optional<Sweep> sweep = r.sweep(root, scenario);
        if (!r.f.problems().isEmpty() || sweep.isEmpty()) {
            throw new InvalidInputException(r.f.problems());
        }
        return sweep.get();
    }

    private Optional<Sweep> sweep(Node root, Optional<Path> scenarioOverride) {
        Optional<Node.Mapping> top = f.mapping(root, "", TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = top.get();
        String name = Fields.field(m, "name").flatMap(n -> f.string(n, "name")).filter(n -> {
            String problem = Fields.nameProblem(n);
            if (problem != null) {
                f.error(m.entries().get("name"), "name", problem);
                return false;
            }
            return true;
        }).orElse(defaultName(file));
        String description = Fields.field(m, "description").flatMap(n -> f.string(n, "description")).orElse("");

        // the scenario, read and validated on its own first
        Optional<Path> scenarioFile = f.required(m, "", "scenario", "the path of a scenario file, relative to this file")
                .flatMap(n -> f.string(n, "scenario")).map(s -> scenarioOverride.orElseGet(
                        () -> file.toAbsolutePath().getParent().resolve(s).normalize()));
        Node tree = null;
        Scenario scenario = null;
        if (scenarioFile.isPresent()) {
            Node at = m.entries().get("scenario");
            if (!Files.exists(scenarioFile.get())) { // a directory, device or pipe: the reader says so, unopened
                f.error(at, "scenario", "no such file: " + scenarioFile.get());
            } else {
                try {
                    tree = TreeReader.read(scenarioFile.get());
                    scenario = ScenarioReader.bind(TreeReader.copyOf(tree));
                } catch (InvalidInputException e) {
                    f.problems().addAll(e.problems());
                    f.error(at, "scenario", "the scenario " + scenarioFile.get() + " is invalid (problems above)");
                    scenario = null;
                }
            }
        }

        Optional<Design> design = f.required(m, "", "design", "grid | random | lhs | sobol | morris")
                .flatMap(n -> f.string(n, "design").flatMap(text -> {
                    Optional<Design> d = Design.byKey(text);
                    if (d.isEmpty()) {
                        List<String> keys = new ArrayList<>();
                        for (Design x : Design.values()) {
                            keys.add(x.key());
                        }
                        String hint = Fields.closest(text, keys).map(s -> "; did you mean '" + s + "'?").orElse("");
                        f.error(n, "design", "unknown design '" + text + "': expected one of "
                                + String.join(" | ", keys) + hint);
                    }
                    return d;
                }));
        int samples = 0;
        if (design.isPresent() && design.get().sampled()) {
            int least = design.get() == Design.SOBOL ? 2 : 1;
            samples = (int) f.required(m, "", "samples", "the number of " + (design.get() == Design.MORRIS
                    ? "trajectories" : design.get() == Design.SOBOL ? "base samples N (points: N·(d+2))" : "points")
                    + " for design " + design.get().key())
                    .map(n -> f.integer(n, "samples", least, Integer.MAX_VALUE)).orElse(OptionalLong.empty()).orElse(0);
        } else {
            // a grid's size follows from vary; samples is accepted and ignored (SCENARIO.md's example has it)
            Fields.field(m, "samples").ifPresent(n -> f.integer(n, "samples", 1, Integer.MAX_VALUE));
        }
        int replications = (int) Fields.field(m, "replications").map(n -> f.integer(n, "replications", 1, 100_000_000))
                .orElse(OptionalLong.of(1)).orElse(1);
        long defaultSeed = scenario == null ? 1 : scenario.seed();
        long seed = Fields.field(m, "seed").map(n -> f.integer(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(OptionalLong.of(defaultSeed)).orElse(defaultSeed);
        boolean crn = Fields.field(m, "commonRandomNumbers").flatMap(n -> f.bool(n, "commonRandomNumbers")).orElse(true);
        int levels = DEFAULT_MORRIS_LEVELS;
        Optional<Node> levelsNode = Fields.field(m, "levels");
        if (levelsNode.isPresent()) {
            if (design.isPresent() && design.get() != Design.MORRIS) {
                f.error(levelsNode.get(), "levels", "'levels' is only for design: morris");
            } else {
                OptionalLong l = f.integer(levelsNode.get(), "levels", 2, 1000);
                if (l.isPresent() && l.getAsLong() % 2 != 0) {
                    f.error(levelsNode.get(), "levels", "expected an even number of levels (so that every step of Δ = p/(2(p−1)) stays in range), found " + l.getAsLong());
                } else if (l.isPresent()) {
                    levels = (int) l.getAsLong();
                }
            }
        }

        List<SweepFactor> factors = new ArrayList<>();
        Node.Mapping vary = null;
        Optional<Node> varyNode = f.required(m, "", "vary", "a mapping of dotted paths to values or ranges");
        if (varyNode.isPresent()) {
            if (!(varyNode.get() instanceof Node.Mapping vm)) {
                f.error(varyNode.get(), "vary", "expected a mapping of dotted paths to {values: [...]} or {min:, max:, steps:}, found "
                        + Fields.describe(varyNode.get()));
            } else {
                vary = vm;
                if (vm.entries().isEmpty()) {
                    f.error(vm, "vary", "expected at least one varied path");
                }
                if (design.orElse(null) == Design.GRID && !gridFits(vm)) {
                    return Optional.empty(); // refused before any value is built or checked
                }
                for (Map.Entry<String, Node> e : vm.entries().entrySet()) {
                    factor(vm, e.getKey(), e.getValue(), design.orElse(null), tree, scenario).ifPresent(factors::add);
                }
                // a structural value judged alone against the file's scenario (an event day beyond its horizon) may
                // be valid at every point where another varied field comes with it (a longer horizon): with two
                // or more such factors every point is checked whole instead (checkPoints)
                boolean whole = factors.stream().filter(SweepReader::structural).count() >= 2;
                for (Deferred d : deferred) {
                    // a value wrong whatever the others take (a misspelt name, a number for a boolean) is said at its place
                    if (!whole || d.intrinsic()) {
                        f.error(d.place(), d.where(), d.message());
                    }
                }
                deferred.clear();
                if (tree != null) {
                    sameFields(vm, factors, tree);
                }
            }
        }

        List<Outcome> outcomes = new ArrayList<>();
        Optional<Node> outcomesNode = f.required(m, "", "outcomes",
                "a list of outcome names such as severed:PER-MEX, daysToSevered:PER-MEX, severedPairs, polarisation");
        if (outcomesNode.isPresent()) {
            outcomes(outcomesNode.get(), scenario, outcomes);
        }
        if (!f.problems().isEmpty() || scenario == null || design.isEmpty()) {
            return Optional.empty();
        }
        columns(vary, factors, outcomes);
        if (!f.problems().isEmpty()) {
            return Optional.empty();
        }
        BigInteger count = BigInteger.ONE;
        if (design.get() == Design.GRID) {
            for (SweepFactor x : factors) {
                count = count.multiply(BigInteger.valueOf(x.gridLevels().size()));
            }
        } else {
            count = BigInteger.valueOf(samples).multiply(BigInteger.valueOf(design.get().points(1, factors.size())));
        }
        if (count.compareTo(BigInteger.valueOf(MAX_POINTS)) > 0
                || count.multiply(BigInteger.valueOf(factors.size())).compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
            f.error(m, "", "the design has " + pointCount(count) + " points; at most " + String.format(Locale.ROOT, "%,d", MAX_POINTS)
                    + " are supported (their coordinates are kept in memory); split it into several sweeps");
            return Optional.empty();
        }
        long points = count.longValueExact();
        if (design.get() == Design.SOBOL && 2 * factors.size() > Designs.MAX_SOBOL_DIMENSIONS) {
            f.error(vary, "vary", "design sobol supports at most " + Designs.MAX_SOBOL_DIMENSIONS / 2 + " varied paths, found " + factors.size());
            return Optional.empty();
        }
        if (points * replications > Integer.MAX_VALUE) {
            f.error(m, "", "the sweep has " + points + " points × " + replications + " replications = "
                    + points * replications + " runs; at most " + Integer.MAX_VALUE + " are supported (split it into several sweeps)");
            return Optional.empty();
        }
        DesignPoints designPoints = Sweep.design(design.get(), factors, samples, levels, seed);
        String fileSha;
        String scenarioSha;
        String resolvedSha;
        try {
            fileSha = Hashing.sha256(file);
            scenarioSha = Hashing.sha256(scenarioFile.get());
            resolvedSha = Hashing.sha256(new ObjectMapper().writeValueAsBytes(ScenarioJson.identity(scenario)));
        } catch (IOException e) {
            f.error(m, "", "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        Sweep sweep = new Sweep(name, description, file, fileSha, scenarioFile.get(), scenarioSha, resolvedSha, tree,
                scenario, design.get(), samples, replications, seed, crn, levels, factors, outcomes, designPoints);
        checkPoints(sweep, vary);
        return f.problems().isEmpty() ? Optional.of(sweep) : Optional.empty();
    }

    /** A number of points as written in messages: with thousands separators, and "more than 2^63" beyond a long. */
    static String pointCount(BigInteger count) {
        String exact = String.format(Locale.ROOT, "%,d", count);
        return count.bitLength() > 63 ? "more than 2^63 (" + exact + ")" : exact;
    }

    /**
     * Counts the points of a grid from the sweep file alone, before any value is built or
     * checked: the listed values and the distinct levels of each range. A grid of more than
     * {@link #MAX_POINTS} is refused at once with its exact size.
     */
    private boolean gridFits(Node.Mapping vary) {
        BigInteger count = BigInteger.ONE;
        StringBuilder product = new StringBuilder();
        for (Map.Entry<String, Node> e : vary.entries().entrySet()) {
            long levels;
            if (!(e.getValue() instanceof Node.Mapping m)) {
                continue; // reported by factor()
            }
            if (m.entries().get("values") instanceof Node.Sequence list) {
                levels = list.items().size();
            } else if (m.entries().get("min") instanceof Node.Scalar lo && lo.value() instanceof Number min
                    && m.entries().get("max") instanceof Node.Scalar hi && hi.value() instanceof Number max
                    && m.entries().get("steps") instanceof Node.Scalar st && st.value() instanceof Long steps
                    && steps >= 1 && steps <= 1_000_000 && min.doubleValue() <= max.doubleValue()) {
                levels = SweepFactor.levelCount(min.doubleValue(), max.doubleValue(), (int) (long) steps,
                        integerPath(e.getKey()));
            } else {
                continue; // reported by factor()
            }
            count = count.multiply(BigInteger.valueOf(Math.max(levels, 1)));
            product.append(product.length() == 0 ? "" : " \u00d7 ").append(String.format(Locale.ROOT, "%,d", levels));
        }
        if (count.compareTo(BigInteger.valueOf(MAX_POINTS)) > 0) {
            f.error(vary, "vary", "the grid has " + pointCount(count) + " points (" + product + "); at most "
                    + String.format(Locale.ROOT, "%,d", MAX_POINTS) + " are supported (their coordinates are kept in"
                    + " memory): use fewer steps or values, a sampled design (lhs, sobol), or several sweeps");
            return false;
        }
        return true;
    }

    /** Two varied paths must not name the same field (countries.PER.x and countries.0.x), nor one a value inside the other. */
    private void sameFields(Node.Mapping vary, List<SweepFactor> factors, Node tree) {
        List<String> paths = new ArrayList<>();
        List<List<String>> targets = new ArrayList<>();
        for (SweepFactor x : factors) {
            Optional<List<String>> t = Overrides.target(tree, x.path());
            if (t.isEmpty()) {
                continue;
            }
            for (int k = 0; k < targets.size(); k++) {
                if (Overrides.overlap(targets.get(k), t.get())) {
                    problem(vary.keyPosition(x.path()), "vary." + x.path(),
                            Overrides.sameField("vary." + paths.get(k), targets.get(k), t.get()).replace("sets", "varies").replace("set each", "vary each"));
                }
            }
            paths.add(x.path());
            targets.add(t.get());
        }
    }

    /** Outcome names, checked against the scenario's countries (when the scenario is valid). */
    private void outcomes(Node node, Scenario scenario, List<Outcome> outcomes) {
        Optional<Node.Sequence> seq = f.sequence(node, "outcomes");
        if (seq.isEmpty()) {
            return;
        }
        Node.Sequence list = seq.get();
        if (list.items().isEmpty()) {
            f.error(list, "outcomes", "expected at least one outcome");
        }
        List<String> ids = new ArrayList<>();
        if (scenario != null) {
            scenario.countries().forEach(c -> ids.add(c.id()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String path = "outcomes[" + i + "]";
            Optional<String> name = f.string(item, path);
            if (name.isEmpty()) {
                continue;
            }
            String text = name.get();
            if (!seen.add(text)) {
                f.error(item, path, "outcome '" + text + "' is listed twice");
                continue;
            }
            StringBuilder why = new StringBuilder();
            Optional<Outcome> o = Outcome.parse(text, ids, why);
            if (o.isPresent()) {
                outcomes.add(o.get());
            } else if (scenario != null || why.toString().startsWith("unknown outcome")) {
                f.error(item, path, why.toString());
            }
        }
    }

    /** One entry of {@code vary:}, checked against the scenario when it is valid. */
    private Optional<SweepFactor> factor(Node.Mapping vary, String path, Node node, Design design, Node tree,
            Scenario scenario) {
        String where = "vary." + path;
        int[] at = vary.keyPosition(path);
        Optional<Node.Mapping> mm = f.mapping(node, where, FACTOR);
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        int before = f.problems().size();
        if (!DottedPaths.wellFormed(path)) {
            problem(at, where, "expected a dotted path such as parameters.grievanceDecay or countries.PER.sovereignty");
            return Optional.empty();
        }
        Optional<String> bare = Overrides.bareParameter(path);
        if (bare.isPresent()) {
            problem(at, where, bare.get());
            return Optional.empty();
        }
        if (path.equals("seed")) {
            problem(at, where, "the runs' seeds come from the sweep's own seed (its top-level seed:), not the scenario's, so a"
                    + " varied scenario seed would change no run; for other random numbers at each point set"
                    + " commonRandomNumbers: false, for more of them raise replications");
            return Optional.empty();
        }
        if (path.equals("stop") || path.startsWith("stop.")) {
            problem(at, where, "the early stop is set in the scenario file, not varied: a sweep compares points whose"
                    + " runs are followed alike, and a stop changes how much of each run is seen (docs/FORMATS.md 1.7)");
            return Optional.empty();
        }
        if (path.equals("name") || path.equals("description")) {
            problem(at, where, "the scenario's " + path + " changes no run, so its points would be the same runs under other"
                    + " labels; vary a value the model reads");
            return Optional.empty();
        }
        boolean integer = integerPath(path);
        String column = SweepFactor.columnOf(path);
        boolean hasValues = Fields.field(m, "values").isPresent();
        boolean hasRange = Fields.field(m, "min").isPresent() || Fields.field(m, "max").isPresent();
        SweepFactor factor = null;
        if (hasValues && hasRange) {
            f.error(m, where, "give either values: [...] or min: and max:, not both");
        } else if (hasValues) {
            if (Fields.field(m, "steps").isPresent()) {
                f.error(m.entries().get("steps"), where + ".steps", "'steps' goes with min and max, not with values");
            }
            Optional<Node.Sequence> list = f.sequence(m.entries().get("values"), where + ".values");
            if (list.isPresent()) {
                if (list.get().items().isEmpty()) {
                    f.error(list.get(), where + ".values", "expected at least one value, found an empty list");
                }
                for (int i = 0; i < list.get().items().size(); i++) {
                    Node item = list.get().items().get(i);
                    if (!(item instanceof Node.Scalar s) || !s.isPlain()) {
                        f.error(item, where + ".values[" + i + "]", "expected a single value (number, text or true/false), found "
                                + Fields.describe(item));
                    } else if (s.value() instanceof String text && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
                        f.error(item, where + ".values[" + i + "]", "expected a value on one line, found a line break:"
                                + " each value is written on one line of runs.csv and of the sweep's journal");
                    } else if (s.value() instanceof String text && (text.isBlank() || Fields.MISSING.contains(text.trim()))) {
                        f.error(item, where + ".values[" + i + "]", "the value '" + text + "' reads as a missing value in"
                                + " pandas and R, and runs.csv and points.csv name each point by its values: give another");
                    }
                }
                // in a grid a value given twice runs its points twice with the same seeds: almost always a typo (0.1 for
                // 0.01); the sampling designs pick value number floor(u·k), so there a repeated value is a weight (SWEEPS.md)
                Map<Object, Integer> first = new java.util.HashMap<>();
                for (int i = 0; design == Design.GRID && i < list.get().items().size(); i++) {
                    if (list.get().items().get(i) instanceof Node.Scalar s && s.isPlain()) {
                        Object key = s.value() instanceof Number n ? (Object) n.doubleValue() : s.value();
                        Integer earlier = first.putIfAbsent(key, i);
                        if (earlier != null) {
                            f.error(s, where + ".values[" + i + "]", "the value " + s.value() + " is given twice (also at values["
                                    + earlier + "]): its points would run twice with the same seeds; give each value once");
                        }
                    }
                }
                if (f.problems().size() == before) {
                    factor = SweepFactor.ofValues(path, column, integer, list.get().items());
                }
            }
        } else if (hasRange) {
            DottedPaths.Range range = DottedPaths.Range.read(f, m, where);
            OptionalDouble min = range.min();
            OptionalDouble max = range.max();
            OptionalLong steps = Fields.field(m, "steps").map(n -> f.integer(n, where + ".steps", 1, 1_000_000))
                    .orElse(OptionalLong.empty());
            if (design == Design.GRID && Fields.field(m, "steps").isEmpty()) {
                f.error(m, where + ".steps", "required field is missing: a grid needs steps for a range (the number of evenly spaced values from min to max)");
            }
            if (min.isPresent() && max.isPresent()) {
                if (min.getAsDouble() > max.getAsDouble()) {
                    f.error(range.maxNode().get(), where, "empty range: min " + Fields.fmt(min.getAsDouble()) + " is above max "
                            + Fields.fmt(max.getAsDouble()));
                } else if (integer && Math.ceil(min.getAsDouble()) > Math.floor(max.getAsDouble())) {
                    f.error(range.maxNode().get(), where, path + " takes whole numbers and there is none from "
                            + Fields.fmt(min.getAsDouble()) + " to " + Fields.fmt(max.getAsDouble()));
                }
            }
            if (f.problems().size() == before) {
                factor = SweepFactor.ofRange(path, column, integer, min.getAsDouble(), max.getAsDouble(),
                        (int) steps.orElse(0));
            }
        } else {
            f.error(m, where, "expected values: [...] or a range min: and max: (with steps: for a grid)");
        }
        if (factor == null || scenario == null) {
            return Optional.ofNullable(factor);
        }
        check(factor, m, at, where, tree);
        return f.problems().size() == before ? Optional.of(factor) : Optional.empty();
    }

    /**
     * Sets each listed value, the range's ends and its grid levels on a copy of the scenario
     * and validates it; problems are reported at the sweep file's entry.
     */
    private void check(SweepFactor factor, Node.Mapping entry, int[] at, String where, Node tree) {
        List<Node> values = new ArrayList<>();
        List<Node> places = new ArrayList<>();
        if (!factor.isRange()) {
            values.addAll(factor.values());
            places.addAll(factor.values());
        } else {
            values.add(factor.at(0, false).node());
            places.add(entry.entries().get("min"));
            values.add(factor.at(1, false).node());
            places.add(entry.entries().get("max"));
            // levels between valid ends are valid (every rule on one number is a range); many levels: the ends only
            List<Node> levels = factor.gridLevels();
            List<Node> checked = levels.size() <= CHECKED_LEVELS ? levels
                    : List.of(levels.get(0), levels.get(levels.size() - 1));
            for (Node level : checked) {
                values.add(level);
                places.add(entry.entries().getOrDefault("steps", entry));
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (int k = 0; k < values.size(); k++) {
            Node value = values.get(k);
            Node place = places.get(k);
            Node copy = TreeReader.copyOf(tree);
            Optional<Problem> unknown = Overrides.set(copy, factor.path(), value);
            if (unknown.isPresent()) {
                problem(at, where, "no such path in the scenario: " + unknown.get().message());
                return;
            }
            try {
                ScenarioReader.bind(copy);
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    if (p.message().startsWith("unknown field")) {
                        problem(at, where, "no such path in the scenario: " + p.path() + ": " + p.message());
                        return;
                    }
                    String message = "value " + SweepFactor.text(value) + " makes the scenario invalid: "
                            + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
                    if (reported.add(message)) {
                        if (structural(factor)) {
                            deferred.add(new Deferred(place, where, message, p.path()));
                        } else {
                            f.error(place, where, message);
                        }
                    }
                }
            }
        }
    }

    /**
     * Every point of the design must give a valid scenario. Values checked one factor at a
     * time can still conflict: an event day beyond a varied horizon, a varied event type and
     * target, a pattern's min above its max. Only factors that take part in such cross-field
     * rules of the scenario format can conflict, so all points are checked (a bind each)
     * only when two or more of them are varied; numbers checked against their own range
     * (traits, ideology, parameters, trade, severity...) cannot conflict with anything.
     */
    private void checkPoints(Sweep sweep, Node.Mapping vary) {
        long structural = sweep.factors().stream().filter(SweepReader::structural).count();
        if (structural < 2) {
            return;
        }
        int bad = 0;
        for (int p = 0; p < sweep.pointCount(); p++) {
            try {
                sweep.scenarioAt(p);
            } catch (InvalidInputException e) {
                if (++bad <= MAX_REPORTED_POINTS) {
                    // every problem of the point, so that a value bad whatever the others take is named too
                    for (Problem q : e.problems()) {
                        f.error(vary, "vary", "point " + p + " (" + sweep.describe(p) + ") makes the scenario invalid: "
                                + (q.path().isEmpty() ? "" : q.path() + ": ") + q.message());
                    }
                }
            }
        }
        if (bad > MAX_REPORTED_POINTS) {
            f.error(vary, "vary", "... and " + (bad - MAX_REPORTED_POINTS) + " more points make the scenario invalid");
        }
    }

    /** Varied columns must be distinct and must not take the name of another column. */
    private void columns(Node.Mapping vary, List<SweepFactor> factors, List<Outcome> outcomes) {
        Set<String> taken = new HashSet<>(FIXED_COLUMNS);
        outcomes.forEach(o -> taken.add(o.column()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < factors.size(); i++) {
            SweepFactor x = factors.get(i);
            String column = taken.contains(x.column()) ? "vary_" + x.column() : x.column();
            if (!seen.add(column)) {
                problem(vary.keyPosition(x.path()), "vary." + x.path(), "its column name '" + column
                        + "' is the same as another varied path's; vary each value once");
            }
            if (!column.equals(x.column())) {
                factors.set(i, new SweepFactor(x.path(), column, x.integer(), x.values(), x.min(), x.max(), x.gridLevels()));
            }
        }
    }

    /**
     * A problem of a structural value found alone: reported if no whole-point check follows, or if
     * it is the value's own (its form, not its fit with another field), which no other value mends;
     * {@code field} the scenario's path at fault.
     */
    private record Deferred(Node place, String where, String message, String field) {
        /**
         * Wrong whatever the other varied values take: a misspelt name, a number for a boolean, or a value outside
         * its field's own range or of the wrong form (a trait above 1, a fractional or quoted number), whose bounds
         * are fixed; not a rule between fields (an event day beyond the horizon, a target equal to its actor, a
         * bound's min above its max, a pattern's window beyond the horizon: {@code withinDays}' range ends at days).
         */
        boolean intrinsic() {
            boolean ownRange = (message.contains("expected a number") || message.contains("expected a whole number in ["))
                    && !field.endsWith("withinDays");
            return message.contains("did you mean") || message.contains("expected one of")
                    || message.contains("expected true or false") || message.contains("unknown country") || ownRange;
        }
    }

    private final List<Deferred> deferred = new ArrayList<>();

    private void problem(int[] at, String path, String message) {
        f.problems().add(new Problem(file.toString(), at[0], at[1], path, message));
    }

    /** Whether a factor takes part in a rule that relates two fields of a scenario. */
    static boolean structural(SweepFactor factor) {
        for (Node v : factor.values()) {
            if (!(v instanceof Node.Scalar s) || !(s.value() instanceof Number)) {
                return true;
            }
        }
        String[] parts = factor.path().split("\\.");
        return STRUCTURAL.contains(parts[parts.length - 1]) || parts[0].equals("stop") || parts[0].equals("track");
    }

    /** Fields checked against another field: days and event days, pattern bounds. */
    private static final Set<String> STRUCTURAL = Set.of("days", "day", "withinDays", "min", "max", "atLeast", "atMost");

    /** Paths that hold whole numbers: days, events.N.day, integer parameters (and seed, which is not varied). */
    static boolean integerPath(String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1];
        if (parts.length == 1) {
            return last.equals("days") || last.equals("seed");
        }
        if (parts.length == 2 && parts[0].equals("parameters")) {
            return Parameter.byKey(last).map(p -> p.type() == Parameter.Type.INTEGER).orElse(false);
        }
        if (parts.length == 3 && parts[0].equals("events")) {
            return last.equals("day");
        }
        if (parts[0].equals("expect")) {
            return last.equals("runs") || last.equals("withinDays");
        }
        return false;
    }

    /** The file name without extension, accents dropped, with characters other than letters, digits, '-' and '_' as '-'. */
    static String defaultName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        // accents dropped first (é to e), so that a name in another language stays readable
        String clean = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_-]", "-");
        return clean.isEmpty() ? "sweep" : clean;
    }
}

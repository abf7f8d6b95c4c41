package org.crisis.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crisis.io.Csv;
import org.crisis.model.Parameter;
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
 * Reads and validates calibration files (docs/CALIBRATION.md, "The calibration file"). Like
 * scenario and sweep files, every problem is reported at once with file, line, column, field
 * path and what was expected. Each case is read and validated as a scenario; each free value
 * is checked against every case that does not keep its own value, by setting the ends of its
 * range and its start on a copy of the case and validating it, so no candidate can make a case
 * invalid.
 */
public final class CalibrationReader {
    /** Top-level fields. */
    public static final Set<String> TOP = Fields.keys("name", "description", "cases", "parameters", "runs", "seed",
            "budget", "method", "ensemble", "loss", "folds", "$schema");
    /** Fields of an entry of {@code parameters:}. */
    public static final Set<String> PARAMETER = Fields.keys("min", "max", "scale", "start");
    /** Fields of {@code method:}. */
    public static final Set<String> METHOD = Fields.keys("name", "population", "sigma", "starts");
    /** Fields of {@code ensemble:}. */
    public static final Set<String> ENSEMBLE = Fields.keys("tolerance", "method", "particles", "budget", "quantile", "prior",
            "priorWidth", "heldOut");
    /** ABC-SMC's priors: flat over the searched ranges, or normal around the search's start. */
    public static final List<String> PRIORS = List.of("flat", "start");
    /** ABC-SMC's default width of the prior around the start, as a share of each range. */
    static final double DEFAULT_PRIOR_WIDTH = 0.2;
    /** Ensemble methods: the candidates within the tolerance, or ABC-SMC towards it. */
    public static final List<String> ENSEMBLE_METHODS = List.of("rejection", "abc-smc");
    public static final int DEFAULT_PARTICLES = 100;
    /** ABC-SMC's particles at least this many per free value (fewer under-explore: docs/CALIBRATION.md). */
    public static final int MIN_PARTICLES_PER_VALUE = 5;
    public static final int MIN_PARTICLES = 10;
    public static final double DEFAULT_QUANTILE = 0.5;
    /** ABC-SMC's default budget: this many times the particles. */
    public static final int DEFAULT_SMC_BUDGET_FACTOR = 30;
    /** Fields of {@code loss:}. */
    public static final Set<String> LOSS = Fields.keys("saturation", "balance", "score");
    /** The scores a pattern's loss term may take ({@code loss.score}). */
    public static final List<String> LOSS_SCORES = List.of("bounds", "brier");
    /** Scales of a free value. */
    public static final List<String> SCALES = List.of("linear", "log");
    /** Methods. */
    public static final List<String> METHODS = List.of("cmaes");
    public static final int DEFAULT_BUDGET = 100;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_SIGMA = 0.3;
    public static final double DEFAULT_TOLERANCE = 1.0;
    public static final int MAX_RUNS = 10_000_000;
    public static final int MAX_BUDGET = 1_000_000;
    public static final int MAX_POPULATION = 10_000;
    /** The most independent searches a fit may share its budget among. */
    public static final int MAX_STARTS = 1_000;
    public static final int MAX_FOLDS = 1000;
    /** Columns of the result files that a parameter's column must not take. */
    static final Set<String> FIXED_COLUMNS = Set.of("fold", "evaluation", "restart", "iteration", "loss", "passes",
            "patterns", "set", "weight", "stage");
    /** Stands for the cases in a message shared by several of them. */
    private static final String CASES = "\u0000cases\u0000";

    private final Fields f = new Fields();
    private final Path file;

    private CalibrationReader(Path file, List<Path> caseFiles) {
        this.file = file;
        this.caseFiles = caseFiles;
    }

    /** Reads a calibration file and its cases. */
    public static Calibration read(Path file) throws InvalidInputException {
        return read(file, new ArrayList<>());
    }

    /**
     * As {@link #read(Path)}, adding to {@code skipped} a line for each file of a case directory that is not a case
     * (no expect: block, or a sweep or calibration file), as crisis validate says them.
     */
    public static Calibration read(Path file, List<String> skipped) throws InvalidInputException {
        return read(file, null, skipped);
    }

    /**
     * Reads the copy of a calibration file that a results directory keeps, with its cases taken from
     * {@code caseFiles}, in that order, in place of the file's own {@code cases:} (which names the
     * originals, relative to where the file was): how {@code crisis rerun} runs a calibration again
     * from its {@code inputs/}. The file's {@code cases:} must still be a list; each of
     * {@code caseFiles} must be a case with patterns.
     */
    public static Calibration readCopy(Path file, List<Path> caseFiles) throws InvalidInputException {
        return read(file, List.copyOf(caseFiles), new ArrayList<>());
    }

    private static Calibration read(Path file, List<Path> caseFiles, List<String> skipped) throws InvalidInputException {
        Node root = TreeReader.read(file);
        CalibrationReader r = new CalibrationReader(file, caseFiles);
        Optional<Calibration> c = r.calibration(root);
        if (!r.f.problems().isEmpty() || c.isEmpty()) {
            throw new InvalidInputException(r.f.problems());
        }
        skipped.addAll(r.skipped);
        return c.get();
    }

    /** Files of the case directories that are not cases, each said in one line. */
    private final List<String> skipped = new ArrayList<>();
    /** The cases in place of the file's {@code cases:} ({@link #readCopy}), or null. */
    private final List<Path> caseFiles;

    private Optional<Calibration> calibration(Node root) {
        Optional<Node.Mapping> top = f.mapping(root, "", TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = top.get();
        Fields.field(m, "$schema").ifPresent(n -> f.string(n, "$schema"));
        String name = Fields.field(m, "name").flatMap(n -> f.string(n, "name")).filter(n -> {
            String problem = Fields.nameProblem(n);
            if (problem != null) {
                f.error(m.entries().get("name"), "name", problem);
                return false;
            }
            return true;
        }).orElse(SweepReader.defaultName(file));
        String description = Fields.field(m, "description").flatMap(n -> f.string(n, "description")).orElse("");
        OptionalLong runs = Fields.field(m, "runs").map(n -> f.integer(n, "runs", 1, MAX_RUNS)).orElse(OptionalLong.empty());
        long seed = Fields.field(m, "seed").map(n -> f.integer(n, "seed", Long.MIN_VALUE, Long.MAX_VALUE))
                .orElse(OptionalLong.of(DEFAULT_SEED)).orElse(DEFAULT_SEED);
        int budget = (int) Fields.field(m, "budget").map(n -> f.integer(n, "budget", 1, MAX_BUDGET))
                .orElse(OptionalLong.of(DEFAULT_BUDGET)).orElse(DEFAULT_BUDGET);
        int folds = (int) Fields.field(m, "folds").map(n -> f.integer(n, "folds", 2, MAX_FOLDS))
                .orElse(OptionalLong.of(0)).orElse(0);
        double tolerance = DEFAULT_TOLERANCE;
        Optional<Calibration.Smc> smc = Optional.empty();
        boolean heldOut = false;
        Optional<Node> ensembleNode = Fields.field(m, "ensemble");
        if (ensembleNode.isPresent()) {
            Optional<Node.Mapping> e = f.mapping(ensembleNode.get(), "ensemble", ENSEMBLE);
            if (e.isPresent()) {
                tolerance = Fields.field(e.get(), "tolerance")
                        .map(n -> f.number(n, "ensemble.tolerance", 0, Double.MAX_VALUE))
                        .orElse(OptionalDouble.of(DEFAULT_TOLERANCE)).orElse(DEFAULT_TOLERANCE);
                smc = smc(e.get());
                heldOut = Fields.field(e.get(), "heldOut").flatMap(n -> f.bool(n, "ensemble.heldOut")).orElse(false);
            }
        }
        double saturation = CalibrationLoss.UNSATURATED;
        boolean balanced = false;
        boolean brier = false;
        Optional<Node> lossNode = Fields.field(m, "loss");
        if (lossNode.isPresent()) {
            Optional<Node.Mapping> l = f.mapping(lossNode.get(), "loss", LOSS);
            if (l.isPresent()) {
                saturation = Fields.field(l.get(), "saturation")
                        .map(n -> f.number(n, "loss.saturation", Double.MIN_NORMAL, Double.MAX_VALUE))
                        .orElse(OptionalDouble.of(CalibrationLoss.UNSATURATED)).orElse(CalibrationLoss.UNSATURATED);
                balanced = Fields.field(l.get(), "balance").flatMap(n -> f.bool(n, "loss.balance")).orElse(false);
                Optional<Node> scoreNode = Fields.field(l.get(), "score");
                String score = scoreNode.flatMap(n -> f.string(n, "loss.score")).orElse("bounds");
                if (scoreNode.isPresent() && !LOSS_SCORES.contains(score)) {
                    String hint = Fields.closest(score, LOSS_SCORES).map(x -> "; did you mean '" + x + "'?").orElse("");
                    f.error(scoreNode.get(), "loss.score", "unknown score '" + score + "': expected "
                            + String.join(" | ", LOSS_SCORES) + hint);
                }
                brier = score.equals("brier");
                if (brier && saturation != CalibrationLoss.UNSATURATED) {
                    f.error(l.get().entries().get("saturation"), "loss.saturation",
                            "only for loss.score: bounds (a Brier term is at most 1 already)");
                }
            }
        }
        int[] population = {0};
        double[] sigma = {DEFAULT_SIGMA};
        int[] starts = {1};
        Fields.field(m, "method").ifPresent(n -> method(n, population, sigma, starts));

        List<CalibrationCase> cases = new ArrayList<>();
        Optional<Node> casesNode = f.required(m, "", "cases",
                "a list of scenario files with expect: blocks, or directories of them, relative to this file");
        if (casesNode.isPresent()) {
            cases(casesNode.get(), runs, cases);
        }

        List<CalibrationParameter> parameters = new ArrayList<>();
        Optional<Node> parametersNode = f.required(m, "", "parameters",
                "a mapping of dotted paths to ranges, e.g. parameters.grievanceDecay: {min: 0.005, max: 0.08, scale: log}");
        if (parametersNode.isPresent()) {
            if (!(parametersNode.get() instanceof Node.Mapping pm)) {
                f.error(parametersNode.get(), "parameters", "expected a mapping of dotted paths to {min:, max:, scale:, start:}, found "
                        + Fields.describe(parametersNode.get()));
            } else {
                if (pm.entries().isEmpty()) {
                    f.error(pm, "parameters", "expected at least one free value");
                }
                Set<String> columns = new HashSet<>();
                for (Map.Entry<String, Node> e : pm.entries().entrySet()) {
                    parameter(pm, e.getKey(), e.getValue(), cases).ifPresent(p -> {
                        if (!columns.add(p.column())) {
                            problem(pm.keyPosition(p.path()), "parameters." + p.path(), "its column name '" + p.column()
                                    + "' is the same as another free value's; give each value once");
                        } else if (!sameField(pm, p, parameters, cases)) {
                            parameters.add(p);
                        }
                    });
                }
            }
        }
        if (smc.isPresent() && smc.get().particles() < MIN_PARTICLES_PER_VALUE * parameters.size()) {
            Node.Mapping e = (Node.Mapping) ensembleNode.get();
            Node at = e.entries().getOrDefault("particles", e);
            f.error(at, "ensemble.particles", "expected at least " + MIN_PARTICLES_PER_VALUE + " particles per free value ("
                    + MIN_PARTICLES_PER_VALUE * parameters.size() + " for " + parameters.size() + "), found "
                    + smc.get().particles() + ": with fewer, the moves of ABC-SMC explore too little of the acceptable region");
        }
        if (starts[0] > budget) {
            Node.Mapping mm = (Node.Mapping) m.entries().get("method");
            f.error(mm.entries().get("starts"), "method.starts", "expected at most as many starts as the budget's "
                    + "evaluations (" + budget + "), found " + starts[0] + ": each start evaluates at least its point");
        }
        if (folds > 0 && !cases.isEmpty() && folds > cases.size()) {
            f.error(m.entries().get("folds"), "folds", "expected at most as many folds as cases (" + cases.size()
                    + "), found " + folds);
        }
        if (!f.problems().isEmpty() || cases.isEmpty() || parameters.isEmpty()) {
            if (f.problems().isEmpty()) {
                f.error(m, "", "nothing to calibrate");
            }
            return Optional.empty();
        }
        List<CalibrationCase> withKept = kept(cases, parameters);
        // a free value every case keeps moves nothing: every candidate would score alike, and best.yaml offer it as fitted
        for (CalibrationParameter p : parameters) {
            if (withKept.stream().allMatch(c -> c.kept().contains(p.path()))
                    && m.entries().get("parameters") instanceof Node.Mapping pm) {
                problem(pm.keyPosition(p.path()), "parameters." + p.path(), "every case sets " + p.path() + " itself and keeps"
                        + " its own value, so the calibration cannot move it: drop it, or add cases that leave it to the model");
            }
        }
        if (!f.problems().isEmpty()) {
            return Optional.empty();
        }
        String sha;
        try {
            sha = Hashing.sha256(file);
        } catch (IOException e) {
            f.error(m, "", "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        int lambda = population[0] > 0 ? population[0] : Calibration.defaultPopulation(parameters.size());
        return Optional.of(new Calibration(name, description, file, sha, withKept, parameters, seed, budget, lambda,
                sigma[0], starts[0], tolerance, folds, saturation, balanced, smc, heldOut, brier));
    }

    private void method(Node node, int[] population, double[] sigma, int[] starts) {
        if (node instanceof Node.Scalar) {
            f.string(node, "method").ifPresent(text -> methodName(node, "method", text));
            return;
        }
        Optional<Node.Mapping> mm = f.mapping(node, "method", METHOD);
        if (mm.isEmpty()) {
            return;
        }
        Node.Mapping m = mm.get();
        f.required(m, "method", "name", "the method, cmaes").flatMap(n -> f.string(n, "method.name"))
                .ifPresent(text -> methodName(m.entries().get("name"), "method.name", text));
        Fields.field(m, "population").map(n -> f.integer(n, "method.population", 2, MAX_POPULATION))
                .ifPresent(x -> x.ifPresent(v -> population[0] = (int) v));
        Fields.field(m, "sigma").ifPresent(n -> {
            OptionalDouble s = f.number(n, "method.sigma", 0, 1);
            if (s.isPresent() && s.getAsDouble() == 0) {
                f.error(n, "method.sigma", "expected a step size above 0 (in the unit cube), found 0");
            } else {
                s.ifPresent(v -> sigma[0] = v);
            }
        });
        Fields.field(m, "starts").map(n -> f.integer(n, "method.starts", 1, MAX_STARTS))
                .ifPresent(x -> x.ifPresent(v -> starts[0] = (int) v));
    }

    /** ABC-SMC's settings under {@code ensemble:}, if its method is abc-smc; its fields are refused otherwise. */
    private Optional<Calibration.Smc> smc(Node.Mapping e) {
        Optional<Node> methodNode = Fields.field(e, "method");
        Optional<String> given = methodNode.flatMap(n -> f.string(n, "ensemble.method"));
        if (methodNode.isPresent() && given.isEmpty()) {
            return Optional.empty(); // not a string: said already
        }
        String method = given.orElse("rejection");
        if (!ENSEMBLE_METHODS.contains(method)) {
            String hint = Fields.closest(method, ENSEMBLE_METHODS).map(x -> "; did you mean '" + x + "'?").orElse("");
            f.error(e.entries().get("method"), "ensemble.method", "unknown ensemble method '" + method + "': expected "
                    + String.join(" | ", ENSEMBLE_METHODS) + hint);
            return Optional.empty();
        }
        if (!method.equals("abc-smc")) {
            for (String field : List.of("particles", "budget", "quantile", "prior", "priorWidth")) {
                Fields.field(e, field).ifPresent(n -> f.error(n, "ensemble." + field,
                        "only for ensemble.method: abc-smc (the rejection ensemble has a tolerance only)"));
            }
            return Optional.empty();
        }
        OptionalLong count = Fields.field(e, "particles").map(n -> f.integer(n, "ensemble.particles", MIN_PARTICLES, MAX_BUDGET))
                .orElse(OptionalLong.of(DEFAULT_PARTICLES));
        int particles = (int) count.orElse(DEFAULT_PARTICLES);
        long defaultBudget = Math.min(MAX_BUDGET, (long) DEFAULT_SMC_BUDGET_FACTOR * particles);
        int budget = (int) Fields.field(e, "budget").map(n -> f.integer(n, "ensemble.budget", 1, MAX_BUDGET))
                .orElse(OptionalLong.of(defaultBudget)).orElse(defaultBudget);
        if (count.isPresent() && budget < particles && Fields.field(e, "budget").isPresent()) {
            f.error(e.entries().get("budget"), "ensemble.budget", "expected at least the particles (" + particles
                    + "): the first generation draws that many from the prior; found " + budget);
        }
        double quantile = DEFAULT_QUANTILE;
        Optional<Node> q = Fields.field(e, "quantile");
        if (q.isPresent()) {
            OptionalDouble x = f.number(q.get(), "ensemble.quantile", -Double.MAX_VALUE, Double.MAX_VALUE);
            if (x.isPresent() && !(x.getAsDouble() > 0 && x.getAsDouble() < 1)) {
                f.error(q.get(), "ensemble.quantile", "expected a number strictly between 0 and 1, found "
                        + Csv.number(x.getAsDouble()));
            } else if (x.isPresent()) {
                quantile = x.getAsDouble();
            }
        }
        Optional<Node> priorNode = Fields.field(e, "prior");
        Optional<String> priorText = priorNode.flatMap(n -> f.string(n, "ensemble.prior"));
        String prior = priorText.orElse("flat");
        boolean priorKnown = (priorNode.isEmpty() || priorText.isPresent()) && PRIORS.contains(prior);
        if (priorText.isPresent() && !PRIORS.contains(prior)) {
            String hint = Fields.closest(prior, PRIORS).map(x -> "; did you mean '" + x + "'?").orElse("");
            f.error(e.entries().get("prior"), "ensemble.prior", "unknown prior '" + prior + "': expected "
                    + String.join(" | ", PRIORS) + hint);
        }
        double width = prior.equals("start") ? DEFAULT_PRIOR_WIDTH : 0;
        Optional<Node> w = Fields.field(e, "priorWidth");
        if (w.isPresent() && priorKnown) { // with a prior already refused, its width is not judged
            OptionalDouble x = f.number(w.get(), "ensemble.priorWidth", -Double.MAX_VALUE, Double.MAX_VALUE);
            if (!prior.equals("start")) {
                f.error(w.get(), "ensemble.priorWidth", "only with ensemble.prior: start (a flat prior has no width)");
            } else if (x.isPresent() && !(x.getAsDouble() > 0 && x.getAsDouble() <= 1)) {
                f.error(w.get(), "ensemble.priorWidth", "expected a number above 0 and at most 1 (a share of each range), found "
                        + Csv.number(x.getAsDouble()));
            } else if (x.isPresent()) {
                width = x.getAsDouble();
            }
        }
        return Optional.of(new Calibration.Smc(particles, budget, quantile, width));
    }

    private void methodName(Node at, String path, String text) {
        if (!METHODS.contains(text)) {
            String hint = Fields.closest(text, METHODS).map(s -> "; did you mean '" + s + "'?").orElse("");
            f.error(at, path, "unknown method '" + text + "': expected " + String.join(" | ", METHODS) + hint);
        }
    }

    /** The entries of {@code cases:}: files, or directories whose scenario files with patterns are all taken. */
    private void cases(Node node, OptionalLong runs, List<CalibrationCase> cases) {
        Optional<Node.Sequence> seq = f.sequence(node, "cases");
        if (seq.isEmpty()) {
            return;
        }
        if (seq.get().items().isEmpty()) {
            f.error(seq.get(), "cases", "expected at least one scenario file or directory");
            return;
        }
        Map<String, String> names = new HashMap<>();
        Set<Path> files = new HashSet<>();
        if (caseFiles != null) {
            entry(seq.get(), "cases", null, caseFiles, false, runs, cases, names, files);
            return;
        }
        Path base = file.toAbsolutePath().getParent();
        for (int i = 0; i < seq.get().items().size(); i++) {
            Node item = seq.get().items().get(i);
            String path = "cases[" + i + "]";
            Optional<String> text = f.string(item, path);
            if (text.isEmpty()) {
                continue;
            }
            Path p = base.resolve(text.get()).normalize();
            List<Path> found = new ArrayList<>();
            boolean directory = Files.isDirectory(p);
            if (directory) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(TreeReader::isInputFile)
                            .sorted().forEach(found::add);
                } catch (IOException e) {
                    f.error(item, path, "cannot list " + p + ": " + e.getMessage());
                    continue;
                }
            } else if (Files.isRegularFile(p)) {
                found.add(p);
            } else {
                f.error(item, path, "no such file or directory: " + p);
                continue;
            }
            entry(item, path, p, found, directory, runs, cases, names, files);
        }
    }

    /** The cases of one entry of {@code cases:} (a file, or a directory's files), added in order. */
    private void entry(Node item, String path, Path p, List<Path> found, boolean directory, OptionalLong runs,
            List<CalibrationCase> cases, Map<String, String> names, Set<Path> files) {
        int before = cases.size();
        int problemsBefore = f.problems().size();
        List<Path> twice = new ArrayList<>();
        for (Path caseFile : found) {
            if (!files.add(caseFile)) {
                twice.add(caseFile);
                continue;
            }
            readCase(item, path, caseFile, directory, runs).ifPresent(c -> {
                String other = names.putIfAbsent(c.name(), c.file().toString());
                if (other != null) {
                    f.error(item, path, "two cases are named '" + c.name() + "' (" + other + " and " + c.file()
                            + "); case names must be unique: folds and tables are keyed by them");
                } else {
                    cases.add(c);
                }
            });
        }
        if (!twice.isEmpty()) {
            // one problem for the entry, however many of its cases an earlier entry gave (a directory listed twice)
            f.error(item, path, twice.size() == 1 ? "the case " + twice.get(0) + " is listed twice"
                    : twice.size() + " cases are listed twice, an earlier entry giving them too (" + firstOf(twice.stream()
                            .map(Path::toString).toList()) + ")");
        }
        if (directory && cases.size() == before && twice.isEmpty() && f.problems().size() == problemsBefore) {
            f.error(item, path, "no scenario file with expected patterns (an expect: block) in " + p);
        }
    }

    public static final String SWEEP_FILE = "sweep";
    public static final String CALIBRATION_FILE = "calibration";

    /**
     * "sweep" for the tree of a sweep file (it names a scenario and has a key of sweeps alone),
     * "calibration" for a calibration file's (it names cases and free parameters), null otherwise
     * (a file that declares countries is a scenario).
     */
    public static String otherKind(Node tree) {
        if (!(tree instanceof Node.Mapping m)) {
            return null;
        }
        Set<String> keys = m.entries().keySet();
        if (keys.contains("countries")) {
            return null;
        }
        if (keys.contains("cases") && keys.contains("parameters")) {
            return CALIBRATION_FILE;
        }
        // results' manifest.json and summary.json name a scenario too, but none of these keys
        return keys.contains("scenario") && !Collections.disjoint(keys, SWEEP_KEYS) ? SWEEP_FILE : null;
    }

    /** Keys that only sweep files have, one of which beside a scenario marks a sweep even when its vary is misspelled. */
    private static final Set<String> SWEEP_KEYS = Set.of("design", "vary", "samples", "replications", "levels", "commonRandomNumbers");

    /**
     * One case file; a file of a directory without patterns, or a sweep or calibration file there
     * (this one, with {@code cases: [.]}), is skipped; a file named alone must have patterns.
     */
    private Optional<CalibrationCase> readCase(Node at, String path, Path caseFile, boolean fromDirectory, OptionalLong runs) {
        Node tree;
        Scenario scenario;
        try {
            tree = TreeReader.read(caseFile);
            String other = otherKind(tree);
            if (other != null) {
                if (!fromDirectory) {
                    f.error(at, path, caseFile + " is a " + other + " file, not a case");
                } else if (!caseFile.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                    skipped.add(caseFile + ": a " + other + " file, not a case, skipped");
                }
                return Optional.empty();
            }
            scenario = ScenarioReader.bind(TreeReader.copyOf(tree));
        } catch (InvalidInputException e) {
            f.problems().addAll(e.problems());
            f.error(at, path, "the case " + caseFile + " is invalid (problems above)");
            return Optional.empty();
        }
        if (Validation.patterns(scenario).isEmpty()) {
            if (!fromDirectory) {
                f.error(at, path, "the case " + caseFile + " has no expected patterns (an expect: block with patterns)");
            } else {
                skipped.add(caseFile + ": no expect: block, skipped");
            }
            return Optional.empty();
        }
        int n = (int) (runs.isPresent() ? runs.getAsLong() : scenario.expect().get().runs());
        try {
            String sha = Hashing.sha256(caseFile);
            String resolved = Hashing.sha256(new ObjectMapper().writeValueAsBytes(ScenarioJson.identity(scenario)));
            return Optional.of(new CalibrationCase(scenario.name(), caseFile, sha, resolved, tree, scenario, n, Set.of()));
        } catch (IOException e) {
            f.error(at, path, "cannot read " + caseFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One entry of {@code parameters:}, checked against every case. */
    private Optional<CalibrationParameter> parameter(Node.Mapping map, String path, Node node, List<CalibrationCase> cases) {
        String where = "parameters." + path;
        int[] at = map.keyPosition(path);
        Optional<Node.Mapping> mm = f.mapping(node, where, PARAMETER);
        if (mm.isEmpty()) {
            return Optional.empty();
        }
        Node.Mapping m = mm.get();
        int before = f.problems().size();
        if (!DottedPaths.wellFormed(path)) {
            problem(at, where, "expected a dotted path such as parameters.grievanceDecay");
            return Optional.empty();
        }
        Optional<String> bare = Overrides.bareParameter(path);
        if (bare.isPresent()) {
            problem(at, where, bare.get());
            return Optional.empty();
        }
        String[] parts = path.split("\\.");
        if (parts[0].equals("parameters")) {
            if (parts.length != 2) {
                problem(at, where, "expected parameters.NAME, e.g. parameters.grievanceDecay");
                return Optional.empty();
            }
            Optional<Parameter> p = Parameter.byKey(parts[1]);
            if (p.isEmpty()) {
                List<String> keys = new ArrayList<>();
                for (Parameter x : Parameter.values()) {
                    keys.add(x.key());
                }
                String hint = Fields.closest(parts[1], keys).map(s -> "; did you mean 'parameters." + s + "'?").orElse("");
                problem(at, where, "unknown model parameter '" + parts[1] + "'" + hint);
                return Optional.empty();
            }
            if (p.get().type() == Parameter.Type.BOOLEAN) {
                problem(at, where, "'" + parts[1] + "' is a switch (true or false) and cannot be calibrated; set it in the cases");
                return Optional.empty();
            }
        }
        boolean integer = SweepReader.integerPath(path);
        DottedPaths.Range range = DottedPaths.Range.read(f, m, where);
        OptionalDouble min = range.min();
        OptionalDouble max = range.max();
        boolean log = false;
        Optional<Node> scaleNode = Fields.field(m, "scale");
        if (scaleNode.isPresent()) {
            Optional<String> scale = f.string(scaleNode.get(), where + ".scale");
            if (scale.isPresent() && !SCALES.contains(scale.get())) {
                String hint = Fields.closest(scale.get(), SCALES).map(s -> "; did you mean '" + s + "'?").orElse("");
                f.error(scaleNode.get(), where + ".scale", "expected linear | log, found '" + scale.get() + "'" + hint);
            }
            log = scale.map("log"::equals).orElse(false);
        }
        OptionalDouble start = Fields.field(m, "start").map(n -> f.number(n, where + ".start", -Double.MAX_VALUE,
                Double.MAX_VALUE)).orElse(OptionalDouble.empty());
        if (min.isPresent() && max.isPresent()) {
            double lo = min.getAsDouble();
            double hi = max.getAsDouble();
            boolean empty = lo >= hi;
            if (empty) {
                f.error(range.maxNode().get(), where, "empty range: min " + Fields.fmt(lo) + " is not below max " + Fields.fmt(hi));
            } else if (integer && Math.ceil(lo) >= Math.floor(hi)) {
                f.error(range.maxNode().get(), where, path + " takes whole numbers and there are fewer than two from "
                        + Fields.fmt(lo) + " to " + Fields.fmt(hi));
            } else if (log && lo <= 0) {
                f.error(range.minNode().get(), where + ".min", "a log scale needs min above 0, found " + Fields.fmt(lo));
            }
            if (!empty && start.isPresent() && (start.getAsDouble() < lo || start.getAsDouble() > hi)) { // an empty range is error enough
                f.error(m.entries().get("start"), where + ".start", "expected a start in [" + Fields.fmt(lo) + ", "
                        + Fields.fmt(hi) + "], found " + Fields.fmt(start.getAsDouble()));
            }
        }
        if (f.problems().size() > before) {
            return Optional.empty();
        }
        double lo = min.getAsDouble();
        double hi = max.getAsDouble();
        double defaultStart = Parameter.byKey(parts.length == 2 && parts[0].equals("parameters") ? parts[1] : "")
                .map(Parameter::defaultValue).filter(d -> d >= lo && d <= hi)
                .orElse(log ? StrictMath.sqrt(lo * hi) : (lo + hi) / 2);
        String column = SweepFactor.columnOf(path);
        if (FIXED_COLUMNS.contains(column)) {
            column = "parameter_" + column;
        }
        CalibrationParameter p = new CalibrationParameter(path, column, integer, lo, hi, log, start.orElse(defaultStart));
        check(p, m, at, where, cases);
        return f.problems().size() == before ? Optional.of(p) : Optional.empty();
    }

    /**
     * Sets both ends of the range and the start on a copy of each case that does not keep its
     * own value, and validates it; problems are reported at the calibration file's entry.
     */
    private void check(CalibrationParameter p, Node.Mapping entry, int[] at, String where, List<CalibrationCase> cases) {
        List<SweepFactor.Setting> values = List.of(p.at(0), p.at(1), p.at(p.u(p.start())));
        List<Node> places = List.of(entry.entries().get("min"), entry.entries().get("max"),
                entry.entries().getOrDefault("start", entry));
        // the same problem in several cases is reported once, naming them
        Map<String, List<String>> casesOf = new java.util.LinkedHashMap<>();
        Map<String, Node> placeOf = new HashMap<>();
        for (CalibrationCase c : cases) {
            if (keeps(c.tree(), p.path())) {
                continue;
            }
            for (int k = 0; k < values.size(); k++) {
                try {
                    Validation.scenario(c.tree(), Map.of(p.path(), values.get(k).node()));
                } catch (InvalidInputException e) {
                    for (Problem x : e.problems()) {
                        String message;
                        if (x.source().equals(org.crisis.scenario.Overrides.SOURCE) && x.line() == 0
                                && x.path().equals(p.path())) {
                            message = "no such path in " + CASES + ": " + x.message();
                        } else if (x.message().startsWith("unknown field")) {
                            message = "no such path in " + CASES + ": " + x.path() + ": " + x.message();
                        } else {
                            message = "value " + values.get(k).text() + " makes " + CASES + " invalid: "
                                    + (x.path().isEmpty() ? "" : x.path() + ": ") + x.message();
                        }
                        List<String> names = casesOf.computeIfAbsent(message, m -> new ArrayList<>());
                        if (!names.contains(c.name())) {
                            names.add(c.name());
                        }
                        placeOf.putIfAbsent(message, places.get(k));
                    }
                }
            }
        }
        casesOf.forEach((message, names) -> f.error(placeOf.get(message), where, message.replace(CASES,
                names.size() == 1 ? "case " + names.get(0) : names.size() + " cases (" + firstOf(names) + ")")));
    }

    /** The first few of a list for a message, "a, b, c and 593 more" beyond them, so one mistake is one readable line. */
    static String firstOf(List<String> names) {
        int shown = 5;
        return names.size() <= shown + 1 ? String.join(", ", names)
                : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }

    /** Whether a case sets a model parameter in its own {@code parameters:} block, which then keeps its value. */
    static boolean keeps(Node tree, String path) {
        String name = path.startsWith("parameters.") && path.indexOf('.', "parameters.".length()) < 0
                ? path.substring("parameters.".length()) : "";
        return !name.isEmpty() && tree instanceof Node.Mapping m && m.entries().get("parameters") instanceof Node.Mapping params
                && Fields.field(params, name).isPresent();
    }

    private static List<CalibrationCase> kept(List<CalibrationCase> cases, List<CalibrationParameter> parameters) {
        List<CalibrationCase> out = new ArrayList<>();
        for (CalibrationCase c : cases) {
            Set<String> kept = new LinkedHashSet<>();
            for (CalibrationParameter p : parameters) {
                if (keeps(c.tree(), p.path())) {
                    kept.add(p.path());
                }
            }
            out.add(new CalibrationCase(c.name(), c.file(), c.sha256(), c.resolvedSha256(), c.tree(), c.scenario(),
                    c.runs(), kept));
        }
        return out;
    }

    /**
     * Whether {@code p} names, in some case, a field another free value already names
     * (countries.JOR.sovereignty and countries.0.sovereignty, relations.A-B.x and relations.B-A.x):
     * the search would move two values of which the case keeps one. Reported as --set reports it.
     */
    private boolean sameField(Node.Mapping pm, CalibrationParameter p, List<CalibrationParameter> before, List<CalibrationCase> cases) {
        for (CalibrationCase c : cases) {
            Optional<List<String>> t = Overrides.target(c.tree(), p.path());
            if (t.isEmpty()) {
                continue;
            }
            for (CalibrationParameter q : before) {
                Optional<List<String>> u = Overrides.target(c.tree(), q.path());
                if (u.isPresent() && Overrides.overlap(u.get(), t.get())) {
                    problem(pm.keyPosition(p.path()), "parameters." + p.path(), Overrides.sameField("parameters." + q.path(),
                            u.get(), t.get()).replace("sets", "frees").replace("set each", "free each") + " (in case " + c.name() + ")");
                    return true;
                }
            }
        }
        return false;
    }

    private void problem(int[] at, String path, String message) {
        f.problems().add(new Problem(file.toString(), at[0], at[1], path, message));
    }
}

package org.crisis.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisis.io.CsvTable;
import org.crisis.io.JsonFiles;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.scenario.Problem;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.TreeReader;

/**
 * Parameter sets drawn from a calibration's ensemble ({@code crisis run --parameters-from
 * DIR}, docs/CALIBRATION.md "Forecasts with the ensemble"): each run draws one set of
 * posterior.csv with probability proportional to its weight, so a forecast carries the
 * uncertainty of the parameters as well as chance. The draw of run k uses
 * {@code u = (Seeds.derive(seed_k, -5) >>> 11) · 2⁻⁵³} and takes the first set whose cumulative
 * weight (in file order, divided by the total) exceeds u: it depends only on the run's seed,
 * so a run set is reproducible and two scenarios run with the same master seed draw the same
 * sets (common random numbers). A model parameter the scenario sets itself (in its
 * {@code parameters:} block or with {@code --set}) keeps its value, as in the calibration.
 */
public final class ParameterDraws {
    static final long DRAW_STREAM = -5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final String posteriorSha256;
    private final List<String> paths;
    private final List<String> columns;
    private final List<String> kept;
    private final List<String[]> texts;
    private final int[] evaluations;
    private final double[] weights;
    private final double[] cumulative;
    private final Scenario[] scenarios;

    private ParameterDraws(Path directory, String posteriorSha256, List<String> paths, List<String> columns,
            List<String> kept, List<String[]> texts, int[] evaluations, double[] weights, Scenario[] scenarios) {
        this.directory = directory;
        this.posteriorSha256 = posteriorSha256;
        this.paths = paths;
        this.columns = columns;
        this.kept = kept;
        this.texts = texts;
        this.evaluations = evaluations;
        this.weights = weights;
        this.cumulative = cumulative(weights);
        this.scenarios = scenarios;
    }

    /**
     * Reads the ensemble of a calibration's results directory and prepares the scenario of
     * each set: {@code tree} (the scenario as parsed, {@code --set} applied) with the set's
     * values. A value the scenario's {@code parameters:} block gives, or one of the
     * {@code overrides} ({@code --set path=value}) sets, keeps its value.
     */
    public static ParameterDraws read(Path directory, Node tree, List<String> overrides) throws InvalidInputException {
        Path manifestFile = directory.resolve("manifest.json");
        Path posterior = directory.resolve("posterior.csv");
        String source = directory.toString();
        if (!Files.isDirectory(directory)) {
            throw InvalidInputException.of(source, Files.exists(directory)
                    ? "--parameters-from: not a directory (give the results directory of crisis calibrate, which holds posterior.csv)"
                    : "--parameters-from: no such directory");
        }
        JsonNode manifest;
        CsvTable<InvalidInputException> table;
        String sha;
        try {
            if (!Files.isRegularFile(manifestFile)) {
                throw InvalidInputException.of(source, "--parameters-from: not a results directory of crisis calibrate (no manifest.json)");
            }
            manifest = JSON.readTree(manifestFile.toFile());
            if (!manifest.path("calibration").isObject()) {
                throw InvalidInputException.of(source, "--parameters-from: not a results directory of crisis calibrate");
            }
            if (!Files.isRegularFile(posterior)) {
                throw InvalidInputException.of(source, "--parameters-from: no posterior.csv (it is written by the fit on all"
                        + " cases: crisis calibrate without --fold, or --fold 0/K)");
            }
            table = CsvTable.read(posterior, ParameterDraws::invalid);
            sha = Hashing.sha256(posterior);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of(source, "--parameters-from: " + manifestFile + " is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")") + ": "
                    + JsonFiles.plainParserMessage(e.getOriginalMessage()));
        } catch (IOException e) {
            throw InvalidInputException.of(source, "--parameters-from: cannot read: " + e.getMessage());
        }
        List<String> paths = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (JsonNode p : manifest.path("calibration").path("parameters")) {
            paths.add(p.path("path").asText());
            columns.add(p.path("column").asText());
        }
        String file = posterior.toString();
        if (table.size() == 0 || paths.isEmpty()) {
            throw InvalidInputException.of(file, "expected a header and at least one parameter set");
        }
        List<String> header = table.columns();
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = header.indexOf(columns.get(i));
            if (at[i] < 0) {
                throw InvalidInputException.of(file, "no column '" + columns.get(i) + "' (for " + paths.get(i)
                        + ", named in manifest.json)");
            }
        }
        int weightAt = header.indexOf("weight");
        int evaluationAt = header.indexOf("evaluation");
        if (weightAt < 0) {
            throw InvalidInputException.of(file, "no column 'weight'");
        }
        List<String> kept = new ArrayList<>();
        for (String p : paths) {
            if (CalibrationReader.keeps(tree, p) || setByOverride(tree, p, overrides)) {
                kept.add(p);
            }
        }
        List<String[]> texts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> evaluations = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, List<int[]>> invalidSets = new LinkedHashMap<>(); // each problem once, with the sets (and lines) it comes from
        for (int r = 0; r < table.size(); r++) {
            int line = table.line(r);
            double w = CsvTable.parse(table.text(r, weightAt));
            if (!(w >= 0) || Double.isInfinite(w)) {
                problems.add(new Problem(file, line, weightAt + 1, "weight", "expected a weight of 0 or more, found '"
                        + table.text(r, weightAt) + "'"));
                continue;
            }
            String[] values = new String[at.length];
            Map<String, Node> set = new LinkedHashMap<>();
            for (int i = 0; i < at.length; i++) {
                values[i] = table.text(r, at[i]);
                if (!kept.contains(paths.get(i))) {
                    set.put(paths.get(i), TreeReader.scalar(file, values[i]));
                }
            }
            try {
                scenarios.add(Validation.scenario(tree, set));
            } catch (InvalidInputException e) {
                for (Problem p : e.problems()) {
                    invalidSets.computeIfAbsent((p.path().isEmpty() ? "" : p.path() + ": ") + p.message(), k -> new ArrayList<>())
                            .add(new int[] {r + 1, line});
                }
                continue;
            }
            texts.add(values);
            weights.add(w);
            int evaluation = r + 1;
            if (evaluationAt >= 0) {
                try {
                    evaluation = Integer.parseInt(table.text(r, evaluationAt));
                } catch (NumberFormatException e) {
                    evaluation = 0; // an ensemble written by hand may leave it out; it is only recorded
                }
            }
            evaluations.add(evaluation);
        }
        invalidSets.forEach((what, sets) -> problems.add(new Problem(file, sets.get(0)[1], 0, "", setsOf(sets, table.size())
                + " the scenario invalid: " + what)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (texts.isEmpty() || !(total > 0)) {
            throw InvalidInputException.of(file, "expected at least one parameter set with a weight above 0");
        }
        return new ParameterDraws(directory, sha, List.copyOf(paths), List.copyOf(columns), List.copyOf(kept), texts,
                evaluations.stream().mapToInt(Integer::intValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(),
                scenarios.toArray(new Scenario[0]));
    }

    /** "set 3 makes", "sets 3, 5 and 9 make", "every set (16) makes", "12 of 16 sets (1, 2, 3, …) make". */
    private static String setsOf(List<int[]> sets, int all) {
        if (sets.size() == 1) {
            return "set " + sets.get(0)[0] + " makes";
        }
        if (sets.size() == all) {
            return "every set (" + all + ") makes";
        }
        List<String> numbers = sets.stream().limit(5).map(x -> Integer.toString(x[0])).toList();
        return sets.size() + " of " + all + " sets (" + String.join(", ", numbers) + (sets.size() > 5 ? ", …" : "") + ") make";
    }

    /** A problem of posterior.csv as the reader words it ({@code FILE:LINE: what}), as an input error at its line. */
    private static InvalidInputException invalid(String message) {
        int colon = message.indexOf(": ");
        String place = colon < 0 ? "" : message.substring(0, colon);
        String what = colon < 0 ? message : message.substring(colon + 2);
        int last = place.lastIndexOf(':');
        if (last > 0 && place.substring(last + 1).chars().allMatch(Character::isDigit) && last + 1 < place.length()) {
            int line = Integer.parseInt(place.substring(last + 1));
            return new InvalidInputException(List.of(new Problem(place.substring(0, last), line, 0, "", what)));
        }
        return InvalidInputException.of(place, what);
    }

    /** The set (from 0, in posterior.csv order) that the run with this seed draws. */
    public int draw(long runSeed) {
        return draw(cumulative, runSeed);
    }

    /** The draw rule: the set (from 0) of cumulative shares {@code cumulative} that the run with this seed draws. */
    static int draw(double[] cumulative, long runSeed) {
        double u = (Seeds.derive(runSeed, DRAW_STREAM) >>> 11) * 0x1.0p-53;
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Cumulative shares of weights, in their order (the last is 1). */
    static double[] cumulative(double[] weights) {
        double total = Arrays.stream(weights).sum(); // compensated, as the draws of earlier versions divided
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        return cumulative;
    }

    /** A value as posterior.csv writes it: a whole number as one, else a number, else its text. */
    private static JsonNode number(String text) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            double v = CsvTable.parse(text);
            return Double.isFinite(v) ? JsonNodeFactory.instance.numberNode(v) : JsonNodeFactory.instance.textNode(text);
        }
    }

    /** The scenario of a set. */
    public Scenario scenario(int set) {
        return scenarios[set];
    }

    public int size() {
        return scenarios.length;
    }

    /** Whether an override ({@code path=value}) sets the field {@code path} names, or a field that holds it or lies in it. */
    private static boolean setByOverride(Node tree, String path, List<String> overrides) {
        Optional<List<String>> target = Overrides.target(tree, path);
        for (String o : overrides) {
            int eq = o.indexOf('=');
            Optional<List<String>> set = eq < 0 ? Optional.empty() : Overrides.target(tree, o.substring(0, eq).trim());
            if (target.isPresent() && set.isPresent() && Overrides.overlap(target.get(), set.get())) {
                return true;
            }
        }
        return false;
    }

    /** Paths the scenario or --set gives a value, which keep it. */
    public List<String> kept() {
        return kept;
    }

    public List<String> paths() {
        return paths;
    }

    /** Columns added to runs.csv after {@code seed}: {@code parameter_set} (from 1, as in posterior.csv), then one per value. */
    public List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add("parameter_set");
        c.addAll(columns);
        return c;
    }

    /** Appends the cells of a set: {@code ,set,v1,v2,...} (a kept value is the scenario's, written empty). */
    public StringBuilder cells(StringBuilder s, int set) {
        s.append(',').append(set + 1);
        String[] v = texts.get(set);
        for (int i = 0; i < v.length; i++) {
            s.append(',');
            if (!kept.contains(paths.get(i))) {
                s.append(v[i]);
            }
        }
        return s;
    }

    /** What the manifest records. */
    public ObjectNode manifest() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("directory", directory.toAbsolutePath().normalize().toString());
        o.put("posterior_sha256", posteriorSha256);
        o.put("sets", scenarios.length);
        o.put("rule", "run k draws set j (from 1, posterior.csv order) with probability weight_j / sum of weights:"
                + " u = (derive(seed_k, -5) >>> 11) * 2^-53, the first j whose cumulative share exceeds u");
        ArrayNode p = o.putArray("paths");
        paths.forEach(p::add);
        ArrayNode k = o.putArray("kept");
        kept.forEach(k::add);
        ArrayNode e = o.putArray("evaluations");
        for (int x : evaluations) {
            e.add(x);
        }
        // the sets drawn from, on record beside the runs that drew them once the calibration's directory is gone
        ArrayNode sets = o.putArray("ensemble");
        double total = Arrays.stream(weights).sum();
        for (int j = 0; j < texts.size(); j++) {
            ObjectNode set = sets.addObject();
            set.put("set", j + 1);
            set.put("evaluation", evaluations[j]);
            set.put("weight", weights[j]);
            set.put("probability", weights[j] / total);
            ObjectNode values = set.putObject("values");
            for (int i = 0; i < paths.size(); i++) {
                if (kept.contains(paths.get(i))) {
                    continue; // the runs keep the scenario's value, as runs.csv's empty cells say
                }
                values.set(paths.get(i), number(texts.get(j)[i]));
            }
        }
        return o;
    }
}

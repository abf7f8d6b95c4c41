package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisis.io.CsvTable;
import org.crisis.stats.Brier;
import org.crisis.stats.CaseBootstrap;

/**
 * The results directory of one {@code crisis calibrate} (docs/CALIBRATION.md, "Results"): the
 * manifest (its {@code calibration} object names the free values, the cases and the method),
 * candidates.csv (every evaluated set with its loss and passes), and when present
 * posterior.csv (the ensemble), patterns.csv (every pattern at the best set of the fit on all
 * cases) and folds.csv (every pattern in and out of sample at each fold's best set).
 */
public final class CalibrationResults {
    /** A free value as the manifest describes it. */
    record Parameter(String path, String column, double min, double max, boolean log, boolean integer) {
        /** The position of a value in its range, 0..1, on its search scale (log or linear). */
        double u(double x) {
            if (log) {
                return (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));
            }
            return (x - min) / (max - min);
        }

        /** The value at a position of the range, on its search scale. */
        double at(double u) {
            return log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
        }

        /** The model parameter's name for a {@code parameters.NAME} path, else the path. */
        String label() {
            return path.startsWith("parameters.") ? path.substring("parameters.".length()) : path;
        }
    }

    private final Path directory;
    private final JsonNode manifest;
    private final List<Parameter> parameters;
    private final CsvTable<ReportException> candidates;
    private final CsvTable<ReportException> posterior;
    private final CsvTable<ReportException> patterns;
    private final CsvTable<ReportException> folds;

    private CalibrationResults(Path directory, JsonNode manifest, List<Parameter> parameters, CsvTable<ReportException> candidates,
            CsvTable<ReportException> posterior, CsvTable<ReportException> patterns, CsvTable<ReportException> folds) {
        this.directory = directory;
        this.manifest = manifest;
        this.parameters = List.copyOf(parameters);
        this.candidates = candidates;
        this.posterior = posterior;
        this.patterns = patterns;
        this.folds = folds;
    }

    /** Whether a directory holds the results of crisis calibrate (its manifest has a {@code calibration}). */
    public static boolean isCalibration(Path directory) {
        Path m = directory.resolve("manifest.json");
        if (!Files.isRegularFile(m)) {
            return false;
        }
        try {
            return Manifests.read(m).path("calibration").isObject();
        } catch (ReportException e) {
            return false;
        }
    }

    public static CalibrationResults open(Path directory) throws ReportException {
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + ": no such directory");
        }
        JsonNode m = Manifests.read(directory.resolve("manifest.json"));
        JsonNode c = m.path("calibration");
        if (!c.isObject()) {
            throw new ReportException(directory + ": not a results directory of crisis calibrate");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : c.path("parameters")) {
            parameters.add(new Parameter(p.path("path").asText(), p.path("column").asText(), p.path("min").asDouble(),
                    p.path("max").asDouble(), "log".equals(p.path("scale").asText()), p.path("integer").asBoolean()));
        }
        if (parameters.isEmpty()) {
            throw new ReportException(directory + "/manifest.json: no free values in calibration.parameters");
        }
        CsvTable<ReportException> candidates = CsvTable.read(directory.resolve("candidates.csv"), ReportException::new);
        for (String col : List.of("fold", "evaluation", "loss", "passes", "patterns")) {
            candidates.column(col);
        }
        for (Parameter p : parameters) {
            candidates.column(p.column());
        }
        return new CalibrationResults(directory, m, parameters, candidates, optional(directory.resolve("posterior.csv")),
                optional(directory.resolve("patterns.csv")), optional(directory.resolve("folds.csv")));
    }

    private static CsvTable<ReportException> optional(Path file) throws ReportException {
        return Files.isRegularFile(file) ? CsvTable.read(file, ReportException::new) : null;
    }

    Path directory() {
        return directory;
    }

    JsonNode manifest() {
        return manifest;
    }

    JsonNode calibration() {
        return manifest.path("calibration");
    }

    String name() {
        return calibration().path("name").asText(directory.getFileName().toString());
    }

    List<Parameter> parameters() {
        return parameters;
    }

    CsvTable<ReportException> candidates() {
        return candidates;
    }

    /** The ensemble, or null when the fit on all cases is not in this directory. */
    CsvTable<ReportException> posterior() {
        return posterior;
    }

    CsvTable<ReportException> patterns() {
        return patterns;
    }

    CsvTable<ReportException> folds() {
        return folds;
    }

    /** The fits in candidates.csv, in order (0 is the fit on all cases). */
    List<Integer> fits() {
        List<Integer> list = new ArrayList<>();
        int col = candidates.find("fold");
        for (int r = 0; r < candidates.size(); r++) {
            int f = (int) candidates.number(r, col);
            if (!list.contains(f)) {
                list.add(f);
            }
        }
        return list;
    }

    /**
     * The rows of candidates.csv of one fit's search (CMA-ES): ABC-SMC's candidates, in the
     * column {@code stage}, sample the ensemble and are not searched for the best.
     */
    List<Integer> rowsOf(int fold) {
        List<Integer> rows = new ArrayList<>();
        int col = candidates.find("fold");
        int stage = candidates.find("stage");
        for (int r = 0; r < candidates.size(); r++) {
            if ((int) candidates.number(r, col) == fold && (stage < 0 || !"smc".equals(candidates.text(r, stage)))) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** A held-out pattern at the best set of the fold that held its case out (a row of folds.csv). */
    record HeldOut(String caseName, String pattern, String min, String max, int fold, double observed, boolean pass) {
        String key() {
            return caseName + "\u0000" + pattern;
        }
    }

    /** The held-out patterns in the order of folds.csv (fold by fold), or an empty list without folds. */
    List<HeldOut> heldOut() throws ReportException {
        return heldOut("");
    }

    /**
     * The held-out patterns with runs drawn from each fold's ensemble ({@code ensemble.heldOut}: folds.csv's
     * {@code ensemble_} columns), or an empty list unless every held-out pattern has them.
     */
    List<HeldOut> heldOutDrawn() throws ReportException {
        return folds == null || folds.find("ensemble_result") < 0 ? List.of() : heldOut("ensemble_");
    }

    /**
     * The Brier score and ROC area of held-out rows (the one-sided patterns' shares against what they say of the
     * record), or null where a bound is not a number (an edited folds.csv), which {@link #badBound} names.
     */
    static Brier brier(List<HeldOut> rows) {
        Brier.Tally tally = new Brier.Tally();
        for (HeldOut x : rows) {
            Double min = bound(x.min());
            Double max = bound(x.max());
            if (min == null || max == null) {
                return null;
            }
            tally.add(x.observed(), min, max);
        }
        return tally.result();
    }

    /** The first row with a bound that is not a number, or null. */
    static HeldOut badBound(List<HeldOut> rows) {
        return rows.stream().filter(x -> bound(x.min()) == null || bound(x.max()) == null).findFirst().orElse(null);
    }

    /** A bound of folds.csv: NaN when absent, null when it is not a number. */
    static Double bound(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<HeldOut> heldOut(String prefix) throws ReportException {
        List<HeldOut> list = new ArrayList<>();
        if (folds == null) {
            return list;
        }
        for (int r = 0; r < folds.size(); r++) {
            if (folds.text(r, folds.column("sample")).equals("out")) {
                String result = folds.text(r, folds.column(prefix + "result"));
                if (result.isEmpty()) {
                    return List.of(); // a fold without its ensemble's forecasts
                }
                list.add(new HeldOut(folds.text(r, folds.column("case")), folds.text(r, folds.column("pattern")),
                        folds.text(r, folds.column("min")), folds.text(r, folds.column("max")),
                        (int) folds.number(r, folds.column("fold")), folds.number(r, folds.column(prefix + "observed")),
                        result.equals("pass")));
            }
        }
        return list;
    }

    /**
     * Passes and patterns of folds.csv's rows held out ({@code out}) or in sample, pooled over
     * its folds: the figures of the out-of-sample headline, whose interval comes from the same
     * rows. {0, 0} without folds.csv.
     */
    int[] pooled(boolean out) throws ReportException {
        int[] r = new int[2];
        if (folds == null) {
            return r;
        }
        String sample = out ? "out" : "in";
        for (int row = 0; row < folds.size(); row++) {
            if (folds.text(row, folds.column("sample")).equals(sample)) {
                r[0] += folds.text(row, folds.column("result")).equals("pass") ? 1 : 0;
                r[1]++;
            }
        }
        return r;
    }

    /** The folds folds.csv has rows of, in order of first appearance. */
    List<Integer> foldsInFile() throws ReportException {
        List<Integer> list = new ArrayList<>();
        if (folds != null) {
            for (int row = 0; row < folds.size(); row++) {
                int f = (int) folds.number(row, folds.column("fold"));
                if (!list.contains(f)) {
                    list.add(f);
                }
            }
        }
        return list;
    }

    /** K, the folds of the cross-validation (the manifest's {@code folds.k}); 0 without folds. */
    int foldCount() {
        return manifest.path("folds").path("k").asInt();
    }

    /** The folds 1..K whose fits this directory holds (the manifest's {@code folds.fits}, else its results). */
    List<Integer> foldsHeld() {
        List<Integer> list = new ArrayList<>();
        for (JsonNode f : manifest.path("folds").path("fits")) {
            if (f.asInt() > 0) {
                list.add(f.asInt());
            }
        }
        if (list.isEmpty()) {
            for (JsonNode f : manifest.path("results").path("fits")) {
                if (f.path("fold").asInt() > 0) {
                    list.add(f.path("fold").asInt());
                }
            }
        }
        return list;
    }

    /**
     * Whether this directory holds only some of the folds of its cross-validation (that of
     * {@code crisis calibrate --fold I/K}): its held-out patterns are those of its folds alone.
     */
    boolean someFoldsOnly() {
        List<Integer> held = foldsHeld();
        return foldCount() > 0 && !held.isEmpty() && held.size() < foldCount();
    }

    /** "fold 1 of 2 only", "folds 1 and 3 of 5 only" for a directory of some folds; empty for one of all. */
    String someFoldsWords() {
        if (!someFoldsOnly()) {
            return "";
        }
        List<String> held = foldsHeld().stream().map(String::valueOf).toList();
        String which = held.size() == 1 ? held.get(0)
                : String.join(", ", held.subList(0, held.size() - 1)) + " and " + held.get(held.size() - 1);
        return (held.size() == 1 ? "fold " : "folds ") + which + " of " + foldCount() + " only";
    }

    /** Passes and patterns of each held-out case, cases in order of first appearance. */
    static Map<String, int[]> byCase(List<HeldOut> heldOut) {
        Map<String, int[]> cases = new LinkedHashMap<>();
        for (HeldOut h : heldOut) {
            int[] c = cases.computeIfAbsent(h.caseName(), k -> new int[2]);
            c[0] += h.pass() ? 1 : 0;
            c[1]++;
        }
        return cases;
    }

    /**
     * The 95 % interval of the out-of-sample pass rate by resampling the held-out cases, as
     * crisis calibrate writes it into the manifest (the same cases in the same order, the same
     * seed); null with fewer than two held-out cases.
     */
    double[] heldOutInterval() throws ReportException {
        return interval(heldOut(), seed());
    }

    /** The 95 % interval of the pass rate of these held-out patterns by resampling their cases; null with fewer than two. */
    static double[] interval(List<HeldOut> heldOut, long seed) {
        Map<String, int[]> cases = byCase(heldOut);
        if (cases.size() < 2) {
            return null;
        }
        return CaseBootstrap.passRate(cases.values().stream().mapToInt(c -> c[0]).toArray(),
                cases.values().stream().mapToInt(c -> c[1]).toArray(), seed);
    }

    /** The master seed, which also seeds the resampling of cases. */
    long seed() {
        return calibration().path("master_seed").asLong(1);
    }

    /** The manifest's figures of a fit, or a missing node. */
    JsonNode fit(int fold) {
        for (JsonNode f : manifest.path("results").path("fits")) {
            if (f.path("fold").asInt() == fold) {
                return f;
            }
        }
        return manifest.path("results").path("none");
    }
}

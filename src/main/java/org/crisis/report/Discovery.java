package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisis.discover.Prim;
import org.crisis.io.CsvTable;

/**
 * Scenario discovery on a sweep ({@code crisis discover}): the sweep's points are the cases,
 * its varied values the inputs (numbers or categories), and a yes/no question about an outcome
 * says which cases are of interest; {@link Prim} finds the box of varied values where they
 * concentrate. Reads the sweep's result files only (manifest.json, points.csv, runs.csv).
 *
 * <p>Cases are either the runs (the default: a point weighs its runs with a value, and its
 * cases of interest are the runs whose value passes the question) or the points (each weighs
 * one and is of interest when the mean over its runs passes). A yes/no outcome asks "did it
 * happen" of a run and "did it happen in at least half the runs" of a point; a number needs a
 * threshold. Method, choices and outputs: docs/REPORTS.md, "crisis discover".
 *
 * <pre>{@code
 * Discovery d = Discovery.open(Path.of("results/asylum-severity"));
 * Discovery.Found f = d.find(Discovery.Settings.of(d.outcome("severed_per_mex")));
 * Report.Written w = Discovery.write(f, Path.of("results/asylum-severity/discover-severed_per_mex"));
 * }</pre>
 */
public final class Discovery {
    /** Fewer points with a value than this and PRIM has nothing to peel. */
    static final int MIN_POINTS = 10;

    /** What a case is: one run, or one point of the design (the mean over its runs). */
    public enum Cases {
        RUNS, POINTS;

        public String word() {
            return this == RUNS ? "run" : "point";
        }
    }

    /** A comparison of an outcome's value with a number: {@code >= 0.5}. */
    public record Threshold(String operator, double value) {
        private static final List<String> OPERATORS = List.of(">=", ">", "<=", "<");

        /** Reads {@code --threshold OP VALUE}; refuses an unknown operator or a value that is not a finite number. */
        public static Threshold parse(String operator, String value) throws ReportException {
            String op = operator.strip();
            if (!OPERATORS.contains(op)) {
                throw new ReportException("--threshold: unknown comparison '" + operator + "'; use one of >=, >, <=, <"
                        + " (quoted, as in --threshold '>=' 0.5)");
            }
            double v = CsvTable.parse(value.strip());
            if (!Double.isFinite(v) || value.strip().matches(".*[^0-9eE.+-].*")) {
                throw new ReportException("--threshold " + operator + " " + value + ": '" + value + "' is not a number");
            }
            return new Threshold(op, v);
        }

        public boolean test(double x) {
            return switch (operator) {
                case ">=" -> x >= value;
                case ">" -> x > value;
                case "<=" -> x <= value;
                default -> x < value;
            };
        }

        public String text() {
            return operator + " " + exact(value);
        }

        /** For file names: {@code ge-0.5}. */
        String tag() {
            String op = switch (operator) {
                case ">=" -> "ge";
                case ">" -> "gt";
                case "<=" -> "le";
                default -> "lt";
            };
            return op + "-" + exact(value);
        }
    }

    /** An outcome of the sweep: its name in the sweep file, its column, and whether it is yes/no. */
    public record Outcome(String name, String column, boolean share) {}

    /**
     * What to look for and how.
     *
     * @param outcome the outcome asked about
     * @param threshold the question on the run's value or the point's mean; null for "happened"
     *     (a yes/no outcome: 1 in a run, at least half the runs at a point)
     * @param cases runs or points
     * @param prim peeling share, minimum support and objective
     * @param paste whether to paste the chosen box
     * @param choice how the box is chosen: {@code knee}, {@code box} (number {@code value}),
     *     {@code density} (the first box whose density reaches {@code value}) or {@code coverage}
     *     (the last whose coverage is at least {@code value})
     * @param value the number of the choice
     */
    public record Settings(Outcome outcome, Threshold threshold, Cases cases, Prim.Options prim, boolean paste,
            String choice, double value) {
        public static Settings of(Outcome outcome) {
            return new Settings(outcome, null, Cases.RUNS, Prim.Options.DEFAULT, false, "knee", Double.NaN);
        }
    }

    /** One varied value: its column, dotted path, and its value at each point as written. */
    record Factor(String column, String path, Map<Integer, String> values) {
        /** Whether every value is a number. */
        boolean numeric() {
            for (String v : values.values()) {
                if (!Double.isFinite(CsvTable.parse(v)) || v.matches(".*[^0-9eE.+-].*")) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One outcome at one point: runs with a value and their mean. */
    record PointValue(int point, double n, double mean) {}

    private final Path directory;
    private final String name;
    private final JsonNode manifest;
    private final List<Factor> factors;
    private final List<Outcome> outcomes;
    private final Map<String, List<PointValue>> values;
    private final int points;

    private Discovery(Path directory, String name, JsonNode manifest, List<Factor> factors, List<Outcome> outcomes,
            Map<String, List<PointValue>> values, int points) {
        this.directory = directory;
        this.name = name;
        this.manifest = manifest;
        this.factors = factors;
        this.outcomes = outcomes;
        this.values = values;
        this.points = points;
    }

    /** Opens a sweep's results directory (refusing run sets, calibrations and damaged files). */
    public static Discovery open(Path directory) throws ReportException {
        if (CalibrationResults.isCalibration(directory)) {
            throw new ReportException(directory + ": the results of crisis calibrate, not of a sweep; crisis discover takes"
                    + " the results directory of crisis sweep");
        }
        Results r = Results.open(directory);
        if (!(r instanceof SweepResults sweep)) {
            throw new ReportException(directory + ": the results of crisis run, not of a sweep; crisis discover takes the"
                    + " results directory of crisis sweep");
        }
        return of(sweep);
    }

    /** The cases of an opened sweep: varied values as written at each point, and each outcome's n and mean there. */
    static Discovery of(SweepResults sweep) throws ReportException {
        Path dir = sweep.directory();
        Path pointsFile = dir.resolve("points.csv");
        Map<String, Map<Integer, String>> byFactor = new LinkedHashMap<>();
        sweep.factors().forEach(f -> byFactor.put(f, new LinkedHashMap<>()));
        Map<String, List<PointValue>> values = new LinkedHashMap<>();
        Set<Integer> ids = new LinkedHashSet<>();
        if (Files.isRegularFile(pointsFile)) {
            CsvTable<ReportException> t = CsvTable.read(pointsFile, ReportException::new);
            int point = t.column("point");
            int outcome = t.column("outcome");
            int n = t.column("n");
            int mean = t.column("mean");
            int[] f = new int[sweep.factors().size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = t.column(sweep.factors().get(i));
            }
            for (int r = 0; r < t.size(); r++) {
                int p = (int) t.number(r, point);
                ids.add(p);
                for (int i = 0; i < f.length; i++) {
                    byFactor.get(sweep.factors().get(i)).putIfAbsent(p, t.text(r, f[i]));
                }
                values.computeIfAbsent(t.text(r, outcome), k -> new ArrayList<>())
                        .add(new PointValue(p, t.number(r, n), t.number(r, mean)));
            }
        } else {
            CsvTable<ReportException> t = sweep.runs();
            int point = t.column("point");
            int status = t.find("status");
            int[] f = new int[sweep.factors().size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = t.column(sweep.factors().get(i));
            }
            for (String o : sweep.outcomes()) {
                int c = t.column(o);
                Map<Integer, double[]> sums = new LinkedHashMap<>();
                for (int r = 0; r < t.size(); r++) {
                    int p = (int) t.number(r, point);
                    ids.add(p);
                    for (int i = 0; i < f.length; i++) {
                        byFactor.get(sweep.factors().get(i)).putIfAbsent(p, t.text(r, f[i]));
                    }
                    double[] s = sums.computeIfAbsent(p, k -> new double[2]);
                    double x = t.number(r, c);
                    if ((status < 0 || SweepResults.ok(t.text(r, status))) && !Double.isNaN(x)) {
                        s[0]++;
                        s[1] += x;
                    }
                }
                List<PointValue> list = new ArrayList<>();
                sums.forEach((p, s) -> list.add(new PointValue(p, s[0], s[0] > 0 ? s[1] / s[0] : Double.NaN)));
                values.put(o, list);
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (String f : sweep.factors()) {
            factors.add(new Factor(f, sweep.path(f), byFactor.get(f)));
        }
        Map<String, String> names = new HashMap<>();
        for (JsonNode o : SweepResults.sweep(sweep.manifest()).path("outcomes")) {
            if (o.isObject() && o.hasNonNull("column")) {
                names.put(o.path("column").asText(), o.path("name").asText(o.path("column").asText()));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String o : sweep.outcomes()) {
            outcomes.add(new Outcome(names.getOrDefault(o, o), o, sweep.share(o)));
        }
        return new Discovery(dir, sweep.name(), sweep.manifest(), factors, outcomes, values, ids.size());
    }

    public Path directory() {
        return directory;
    }

    public String name() {
        return name;
    }

    /** The sweep's outcomes, in the order of its files. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** The outcome with this name or column, or null. */
    public Outcome outcome(String nameOrColumn) {
        for (Outcome o : outcomes) {
            if (o.name().equals(nameOrColumn) || o.column().equals(nameOrColumn)) {
                return o;
            }
        }
        return null;
    }

    /** The country ids of the sweep's scenario (from the manifest), for telling a valid outcome name from a typo. */
    public List<String> countries() {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : manifest.path("scenario").path("resolved").path("countries")) {
            if (c.hasNonNull("id")) {
                ids.add(c.path("id").asText());
            }
        }
        return ids;
    }

    /**
     * The outcome name {@code name} with its pair the other way round ({@code severed:PER-MEX}
     * for {@code severed:MEX-PER}), if it names an outcome of a pair ({@code key:A-B}); empty
     * otherwise. Pairs have no direction: {@code crisis discover --outcome} and
     * {@code crisis report --rank-by} look a name up in either order.
     */
    public static Optional<String> otherPairOrder(String name) {
        int colon = name.indexOf(':');
        String pair = colon < 0 ? "" : name.substring(colon + 1);
        int dash = pair.indexOf('-');
        if (dash <= 0 || dash == pair.length() - 1 || pair.indexOf('-', dash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, colon + 1) + pair.substring(dash + 1) + "-" + pair.substring(0, dash));
    }

    List<Factor> factors() {
        return factors;
    }

    List<PointValue> values(String column) {
        return values.getOrDefault(column, List.of());
    }

    int pointCount() {
        return points;
    }

    JsonNode manifest() {
        return manifest;
    }

    // --- finding the box ---------------------------------------------------------------------

    /** What PRIM found, with everything the page, the CSV files and the terminal need. */
    public static final class Found {
        final Discovery sweep;
        final Settings settings;
        /** Per case (point): its id, weight (runs or 1), cases of interest, and the value drawn (share of runs, or the point's mean). */
        final int[] point;
        final double[] weight;
        final double[] hits;
        final double[] shown;
        /** Varied values used as inputs, and those left out because they take one value at these points. */
        final List<Factor> inputs;
        final List<String> constant;
        final int pointsWithout;
        final Prim prim;
        final List<Prim.Step> trajectory;
        final int peeled;
        final int chosen;
        final String rule;
        final List<Prim.Limit> limits;

        Found(Discovery sweep, Settings settings, int[] point, double[] weight, double[] hits, double[] shown,
                List<Factor> inputs, List<String> constant, int pointsWithout, Prim prim, List<Prim.Step> trajectory,
                int peeled, int chosen, String rule) {
            this.sweep = sweep;
            this.settings = settings;
            this.point = point;
            this.weight = weight;
            this.hits = hits;
            this.shown = shown;
            this.inputs = inputs;
            this.constant = constant;
            this.pointsWithout = pointsWithout;
            this.prim = prim;
            this.trajectory = trajectory;
            this.peeled = peeled;
            this.chosen = chosen;
            this.rule = rule;
            this.limits = prim.limits(box().box());
        }

        Prim.Step box() {
            return trajectory.get(chosen);
        }

        /** The question in words: "severed:PER-MEX in a run", "a share of severed:PER-MEX >= 0.5 at a point". */
        String question() {
            Outcome o = settings.outcome();
            Threshold t = settings.threshold();
            if (settings.cases() == Cases.RUNS) {
                return t == null ? o.name() + " in a run" : o.name() + " " + t.text() + " in a run";
            }
            Threshold at = t == null ? new Threshold(">=", 0.5) : t;
            return (o.share() ? "a share of runs with " : "a mean of ") + o.name() + " " + at.text() + " at a point";
        }

        /** Plural of the case: runs or points. */
        String cases() {
            return settings.cases().word() + "s";
        }

        /** The name of the default output directory, inside the sweep's: {@code discover-severed_per_mex}. */
        public String defaultDirectoryName() {
            String s = "discover-" + settings.outcome().column();
            if (settings.threshold() != null) {
                s += "-" + settings.threshold().tag();
            }
            if (settings.cases() == Cases.POINTS) {
                s += "-points";
            }
            return ReportOutput.safeName(s);
        }

        public Path sweepDirectory() {
            return sweep.directory();
        }

        /** Lines for the terminal: the question, the trajectory, the chosen box and its limits. */
        public List<String> summary() {
            List<String> out = new ArrayList<>();
            Prim.Stats all = trajectory.get(0).stats();
            out.add(String.format(Locale.ROOT, "PRIM on %s: %s of interest out of %s %s (%s)", question(),
                    count(all.hits()), count(all.weight()), cases(), Format.percent(all.density()).replace('\u00a0', ' ')));
            out.add(String.format(Locale.ROOT, "trajectory: %d boxes (peel %s, minimum support %s%s); box %d chosen (%s)",
                    trajectory.size(), exact(settings.prim().peelAlpha()), exact(settings.prim().minSupport()),
                    settings.paste() ? ", pasting asked" : "", chosen, rule));
            Prim.Stats s = box().stats();
            out.add(String.format(Locale.ROOT, "box %d: coverage %s, density %s, mass %s, %d restricted varied value%s", chosen,
                    plain(Format.percent(s.coverage())), plain(Format.percent(s.density())), plain(Format.percent(s.mass())),
                    s.restricted(), s.restricted() == 1 ? "" : "s"));
            if (limits.isEmpty()) {
                out.add("  no limit: " + noBoxReason());
            }
            for (Prim.Limit l : limits) {
                out.add("  " + DiscoveryPage.condition(this, l) + "   (quasi-p " + Format.p(l.p()) + ")");
            }
            return out;
        }

        String noBoxReason() {
            return trajectory.size() == 1
                    ? "no peel of any varied value raises the share of " + cases() + " of interest: PRIM found no box"
                    : "the chosen box is the whole sweep";
        }
    }

    /** Builds the cases for the settings and runs PRIM; every unusable question is refused with a clear message. */
    public Found find(Settings s) throws ReportException {
        Outcome o = s.outcome();
        Threshold t = s.threshold();
        if (t == null && !o.share()) {
            throw new ReportException(o.name() + " is a number, not a yes/no outcome: say which values count with --threshold,"
                    + " e.g. --threshold '>=' " + exact(typical(o)));
        }
        List<PointValue> pv = values(o.column());
        Map<Integer, double[]> cases = new LinkedHashMap<>();
        int without = 0;
        if (s.cases() == Cases.POINTS) {
            Threshold at = t == null ? new Threshold(">=", 0.5) : t;
            for (PointValue p : pv) {
                if (p.n() > 0 && Double.isFinite(p.mean())) {
                    cases.put(p.point(), new double[] {1, at.test(p.mean()) ? 1 : 0, p.mean()});
                } else {
                    without++;
                }
            }
        } else if (t == null) {
            for (PointValue p : pv) {
                if (p.n() > 0 && Double.isFinite(p.mean())) {
                    double h = Math.round(p.n() * p.mean());
                    cases.put(p.point(), new double[] {p.n(), h, h / p.n()});
                } else {
                    without++;
                }
            }
        } else {
            Path runsFile = directory.resolve("runs.csv");
            if (!Files.isRegularFile(runsFile)) {
                throw new ReportException(runsFile + ": no such file; a threshold on each run needs the sweep's runs.csv"
                        + " (or ask of the points' means with --cases points)");
            }
            CsvTable<ReportException> runs = CsvTable.read(runsFile, ReportException::new);
            Inputs.sweepRuns(runs, factors.stream().map(Factor::column).toList(), SweepResults.described(manifest));
            int point = runs.column("point");
            int status = runs.find("status");
            int c = runs.find(o.column());
            if (c < 0) {
                throw new ReportException(runsFile + ": no column '" + o.column() + "'");
            }
            for (int r = 0; r < runs.size(); r++) {
                double x = runs.number(r, c);
                if (status >= 0 && !SweepResults.ok(runs.text(r, status)) || Double.isNaN(x)) {
                    continue;
                }
                double[] k = cases.computeIfAbsent((int) runs.number(r, point), p -> new double[3]);
                k[0]++;
                k[1] += t.test(x) ? 1 : 0;
            }
            for (double[] k : cases.values()) {
                k[2] = k[1] / k[0];
            }
            without = points - cases.size();
        }
        if (cases.size() < MIN_POINTS) {
            throw new ReportException(String.format(Locale.ROOT, "too few points: %d of the sweep's %d point%s %s a value of %s;"
                    + " scenario discovery needs at least %d", cases.size(), points, points == 1 ? "" : "s",
                    points == 1 ? "has" : "have", o.name(), MIN_POINTS));
        }
        int n = cases.size();
        int[] ids = new int[n];
        double[] w = new double[n];
        double[] h = new double[n];
        double[] shown = new double[n];
        int i = 0;
        double totalW = 0;
        double totalH = 0;
        for (Map.Entry<Integer, double[]> e : cases.entrySet()) {
            ids[i] = e.getKey();
            w[i] = e.getValue()[0];
            h[i] = e.getValue()[1];
            shown[i] = e.getValue()[2];
            totalW += w[i];
            totalH += h[i];
            i++;
        }
        String caseWord = s.cases().word();
        if (totalH == 0 || totalH == totalW) {
            throw new ReportException("no variation: " + (totalH == 0 ? "no " + caseWord : "every " + caseWord) + " of the sweep"
                    + " has " + describe(s) + valueRange(o, pv, s) + "; there is nothing to tell apart"
                    + (t == null && s.cases() != Cases.POINTS ? "" : ": choose a threshold inside the range (--threshold)"));
        }
        List<Prim.Dimension> dims = new ArrayList<>();
        List<Factor> inputs = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        for (Factor f : factors) {
            String[] text = new String[n];
            Set<String> distinct = new LinkedHashSet<>();
            for (int k = 0; k < n; k++) {
                text[k] = f.values().getOrDefault(ids[k], "");
                distinct.add(text[k]);
            }
            if (distinct.size() < 2) {
                constant.add(f.path());
                continue;
            }
            inputs.add(f);
            if (f.numeric()) {
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = CsvTable.parse(text[k]);
                }
                dims.add(Prim.Dimension.numeric(f.path(), x));
            } else {
                dims.add(Prim.Dimension.categorical(f.path(), text));
            }
        }
        if (dims.isEmpty()) {
            throw new ReportException("no variation: every varied value of the sweep takes a single value at the " + n
                    + " points with a value of " + o.name() + " (" + String.join(", ", constant) + ")");
        }
        Prim prim = new Prim(dims, w, h, s.prim());
        List<Prim.Step> trajectory = new ArrayList<>(prim.peel());
        int peeled = trajectory.size();
        int chosen;
        String rule;
        switch (s.choice()) {
            case "box" -> {
                chosen = (int) s.value();
                if (chosen < 0 || chosen >= peeled) {
                    throw new ReportException("--box " + (long) s.value() + ": the trajectory has boxes 0 to " + (peeled - 1));
                }
                rule = "--box " + chosen;
            }
            case "density" -> {
                chosen = Prim.firstWithDensity(trajectory, s.value());
                if (chosen < 0) {
                    Prim.Step densest = trajectory.get(peeled - 1);
                    throw new ReportException("--min-density " + exact(s.value()) + ": no box reaches it; the densest, box "
                            + densest.index() + ", has " + plain(Format.percent(densest.stats().density())));
                }
                rule = "the first box with density at least " + exact(s.value());
            }
            case "coverage" -> {
                chosen = Prim.lastWithCoverage(trajectory, s.value());
                rule = "the last box with coverage at least " + exact(s.value());
            }
            default -> {
                chosen = Prim.knee(trajectory);
                rule = "the knee: largest coverage + density";
            }
        }
        if (s.paste()) {
            List<Prim.Step> pasted = prim.paste(trajectory.get(chosen));
            if (!pasted.isEmpty()) {
                trajectory.addAll(pasted);
                chosen = trajectory.size() - 1;
                rule += ", then pasted";
            } else {
                rule += "; no paste raised its density";
            }
        }
        return new Found(this, s, ids, w, h, shown, inputs, constant, without, prim, trajectory, peeled, chosen, rule);
    }

    private static String describe(Settings s) {
        Outcome o = s.outcome();
        if (s.cases() == Cases.POINTS) {
            Threshold at = s.threshold() == null ? new Threshold(">=", 0.5) : s.threshold();
            return (o.share() ? "a share of runs with " : "a mean of ") + o.name() + " " + at.text();
        }
        return s.threshold() == null ? o.name() : o.name() + " " + s.threshold().text();
    }

    /** " (the points' means of X range from 0 to 12)" for a threshold or for points as cases, else empty. */
    private String valueRange(Outcome o, List<PointValue> pv, Settings s) {
        if (s.threshold() == null && s.cases() != Cases.POINTS) {
            return "";
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointValue p : pv) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                lo = Math.min(lo, p.mean());
                hi = Math.max(hi, p.mean());
            }
        }
        if (!(lo <= hi)) {
            return "";
        }
        return " (the points' means of " + o.name() + " range from " + exact(lo) + " to " + exact(hi) + ")";
    }

    /** A round number inside the outcome's range, for the example of a threshold. */
    private double typical(Outcome o) {
        List<Double> means = new ArrayList<>();
        for (PointValue p : values(o.column())) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                means.add(p.mean());
            }
        }
        if (means.isEmpty()) {
            return 1;
        }
        means.sort(Double::compare);
        return new BigDecimal(means.get(means.size() / 2)).round(new MathContext(1)).doubleValue();
    }

    // --- writing -----------------------------------------------------------------------------

    /** Writes discover.html, trajectory.csv and box.csv into {@code out} (locked while written). */
    public static Report.Written write(Found f, Path out) throws ReportException {
        ReportOutput.check(out, List.of(f.sweep.directory()));
        Svg svg = new Svg();
        Page page = DiscoveryPage.page(f, svg);
        String generated = "Generated by crisis discover on " + ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + " from "
                + f.sweep.directory().toAbsolutePath().normalize() + ".";
        String html = page.render(DiscoveryPage.lead(f), generated);
        String trajectory = DiscoveryPage.trajectoryCsv(f, false).toString();
        String box = DiscoveryPage.boxCsv(f, false).toString();
        try (ReportOutput o = ReportOutput.open(out)) {
            List<Path> tables = new ArrayList<>();
            tables.add(o.write("trajectory.csv", trajectory));
            tables.add(o.write("box.csv", box));
            Path p = o.writePage("discover.html", html);
            return new Report.Written(p, tables, "scenario discovery", List.of());
        }
    }

    // --- numbers as written --------------------------------------------------------------------

    /** A value as the sweep writes it: at most 6 significant digits, plain notation, no trailing zeros. */
    static String exact(double x) {
        if (Double.isNaN(x)) {
            return Format.NONE;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : "-\u221e";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String count(double x) {
        return String.format(Locale.ROOT, "%,d", Math.round(x));
    }

    static String plain(String s) {
        return s.replace('\u00a0', ' ');
    }
}

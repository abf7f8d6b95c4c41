package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;
import org.crisis.io.Csv;
import org.crisis.io.CsvTable;
import org.crisis.stats.Convergence;
import org.crisis.stats.Intervals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

/**
 * The report of a sweep: each outcome against each varied value (pooled over the other
 * values, with a 95 % interval band), heat maps of the ranking outcome over pairs of varied
 * values, sensitivity indices with their intervals, the points ranked, and whether the
 * replications per point gave the stated precision.
 */
final class SweepReport implements ReportKind {
    private static final int MAX_OUTCOMES = 8;
    private static final int MAX_FACTORS = 8;
    private static final int MAX_HEATMAPS = 10;
    private static final int RANKED_ROWS = 20;
    private static final int DISTINCT_AS_BINS = 12;
    /** Bins of a continuous varied value in the charts of each outcome against it, and for η² wherever the report ranks by it. */
    private static final int MARGINAL_BINS = 10;
    private final SweepResults sweep;
    private final ReportOptions options;
    private final Svg svg;
    private final Map<String, String> tables = new LinkedHashMap<>();

    SweepReport(SweepResults sweep, ReportOptions options, Svg svg) {
        this.sweep = sweep;
        this.options = options;
        this.svg = svg;
    }

    @Override
    public Map<String, String> tables() {
        return tables;
    }

    @Override
    public String lead() {
        return String.format(Locale.ROOT, "A %s design of %,d points with %s replications each, varying %s.", sweep.design(),
                sweep.pointCount(), sweep.setting("replications").isEmpty() ? "several" : sweep.setting("replications"),
                String.join(", ", sweep.factors().stream().map(sweep::path).toList()));
    }

    @Override
    public String kind() {
        return "sweep";
    }

    @Override
    public Page build() throws ReportException {
        Page page = new Page("Crisis report \u00b7 sweep", sweep.name());
        String rank = rankOutcome();
        overview(page);
        Map<String, Bins> bins = new LinkedHashMap<>();
        for (String f : sweep.factors()) {
            bins.put(f, Bins.of(sweep, f, DISTINCT_AS_BINS, MARGINAL_BINS));
        }
        marginals(page, bins);
        heatMaps(page, rank);
        // pair plots coloured by the ranking outcome, and PRIM boxes of the yes/no outcomes
        Discovery discovery = Discovery.of(sweep);
        PairPlots.add(page, sweep, discovery, rank, outcomeName(rank), bins, svg);
        DiscoverySection.add(page, discovery, svg, tables);
        sensitivity(page);
        ranking(page, rank);
        precision(page);
        methods(page);
        return page;
    }

    /**
     * The outcome column to rank and map by: --rank-by (a column or an outcome name, a pair in
     * either order as for crisis discover), else the first.
     */
    private String rankOutcome() throws ReportException {
        if (sweep.outcomes().isEmpty()) {
            throw new ReportException(sweep.directory() + ": the sweep has no outcomes in points.csv");
        }
        String asked = options.rankBy();
        if (asked == null || asked.isBlank()) {
            return sweep.outcomes().get(0);
        }
        List<String> names = new ArrayList<>(List.of(asked));
        Discovery.otherPairOrder(asked).ifPresent(names::add);
        for (String name : names) {
            for (String o : sweep.outcomes()) {
                if (o.equals(name) || o.equals(SweepResults.columnOf(name)) || outcomeName(o).equals(name)) {
                    return o;
                }
            }
        }
        throw new ReportException("--rank-by " + asked + ": not an outcome of this sweep; outcomes: "
                + String.join(", ", sweep.outcomes()));
    }

    /** The outcome's name in the sweep file (severed:PER-MEX), or its column. */
    private String outcomeName(String column) {
        for (JsonNode o : SweepResults.sweep(sweep.manifest()).path("outcomes")) {
            if (column.equals(o.path("column").asText())) {
                return o.path("name").asText(column);
            }
        }
        return column;
    }

    // --- header -------------------------------------------------------------------------

    private void overview(Page page) {
        Html h = page.section("overview", "Sweep");
        JsonNode m = sweep.manifest();
        h.raw("<div class=\"table\"><table class=\"facts\"><tbody>\n");
        RunSetReport.fact(h, "Sweep", sweep.name() + (sweep.setting("file").isEmpty() ? "" : " (" + sweep.setting("file") + ")"));
        String scenario = m.path("scenario").path("name").asText("");
        if (!scenario.isEmpty()) {
            RunSetReport.fact(h, "Scenario", scenario + ", " + m.path("scenario").path("days").asText("?") + " days"
                    + (m.path("scenario").hasNonNull("start") ? " from " + m.path("scenario").path("start").asText() : ""));
        }
        RunSetReport.fact(h, "Design", sweep.design() + (sweep.setting("samples").isEmpty() ? "" : ", " + sweep.setting("samples") + " samples"));
        RunSetReport.fact(h, "Points", String.format(Locale.ROOT, "%,d", sweep.pointCount()));
        RunSetReport.fact(h, "Replications per point", sweep.setting("replications"));
        String failed = m.path("results").path("failed_runs").asText("");
        RunSetReport.fact(h, "Runs", sweep.setting("runs") + (failed.isEmpty() ? "" : " (" + failed + " failed)"));
        RunSetReport.fact(h, "Seeds", "master seed " + sweep.setting("master_seed")
                + (sweep.setting("seed_rule").isEmpty() ? "" : "; " + sweep.setting("seed_rule")));
        StringBuilder vary = new StringBuilder();
        for (String f : sweep.factors()) {
            String d = sweep.domain(f);
            vary.append(vary.length() == 0 ? "" : "; ").append(sweep.path(f)).append(d.isEmpty() ? "" : ": " + d);
        }
        RunSetReport.fact(h, "Varied", vary.toString());
        RunSetReport.fact(h, "Outcomes", String.join(", ", sweep.outcomes().stream().map(this::outcomeName).toList()));
        JsonNode sens = SweepResults.sweep(m).path("sensitivity");
        if (sens.isObject()) {
            RunSetReport.fact(h, "Sensitivity", sens.path("method").asText("") + (sens.has("bootstrap")
                    ? "; intervals from " + sens.path("bootstrap").asText() + " bootstrap resamples" : ""));
        }
        Manifests.provenance(h, m, sweep.directory());
        h.raw("</tbody></table></div>\n");
        if (!sweep.description().isBlank()) {
            h.element("div", "description", sweep.description().strip());
        }
    }

    // --- outcome against each varied value ------------------------------------------------------

    /** Points grouped by one varied value: its distinct values, or equal-count bins of a continuous range. */
    record Bins(String factor, String[] labels, double[] x, Map<Integer, Integer> binOfPoint) {
        static Bins of(SweepResults sweep, String factor, int distinctLimit, int bins) {
            int f = sweep.factors().indexOf(factor);
            Map<Integer, Double> value = new LinkedHashMap<>();
            Map<Integer, String> text = new LinkedHashMap<>();
            for (String o : sweep.outcomes()) {
                for (SweepResults.PointStat p : sweep.points(o)) {
                    value.putIfAbsent(p.point(), p.values()[f]);
                    text.putIfAbsent(p.point(), p.texts()[f]);
                }
            }
            return of(factor, value, text, distinctLimit, bins);
        }

        /**
         * The bins of one varied value taken by cases ({@code value} and {@code text} by case, in
         * order: the points of a sweep, or the points two sweeps share): a value given as text at
         * any case is a category.
         */
        static Bins of(String factor, Map<Integer, Double> value, Map<Integer, String> text, int distinctLimit, int bins) {
            boolean categorical = false;
            for (Map.Entry<Integer, Double> e : value.entrySet()) {
                categorical |= Double.isNaN(e.getValue()) && !text.getOrDefault(e.getKey(), "").isEmpty();
            }
            if (categorical) {
                return categories(factor, text);
            }
            TreeSet<Double> distinct = new TreeSet<>();
            value.values().forEach(v -> {
                if (!Double.isNaN(v)) {
                    distinct.add(v);
                }
            });
            Map<Integer, Integer> binOf = new HashMap<>();
            if (distinct.size() <= distinctLimit) {
                List<Double> list = new ArrayList<>(distinct);
                String[] labels = new String[list.size()];
                double[] x = new double[list.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = list.get(i);
                    labels[i] = Format.number(x[i]);
                }
                value.forEach((p, v) -> {
                    int i = list.indexOf(v);
                    if (i >= 0) {
                        binOf.put(p, i);
                    }
                });
                return new Bins(factor, labels, x, binOf);
            }
            double[] sorted = value.values().stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).sorted().toArray();
            int most = Math.min(bins, sorted.length);
            double[] cuts = new double[most + 1];
            for (int i = 0; i <= most; i++) {
                // an edge is a value some point takes (the order statistic nearest the quantile), so every bin holds its
                // lower edge's points; tied values give equal edges, kept once, so that a value falls in one bin
                cuts[i] = sorted[(int) Math.round(i * (sorted.length - 1) / (double) most)];
            }
            double[] edges = Arrays.stream(cuts).distinct().toArray();
            int k = edges.length - 1;
            double[] sum = new double[k];
            int[] count = new int[k];
            value.forEach((p, v) -> {
                if (Double.isNaN(v)) {
                    return;
                }
                int i = Arrays.binarySearch(edges, v);
                int bin = i >= 0 ? Math.min(k - 1, i) : Math.min(k - 1, Math.max(0, -i - 2));
                binOf.put(p, bin);
                sum[bin] += v;
                count[bin]++;
            });
            String[] labels = new String[k];
            double[] x = new double[k];
            // a value of whole numbers (days, a memory) is labelled by the whole numbers each bin holds: a bin holds
            // its lower edge and the values below its upper one, the last its upper edge too
            boolean whole = distinct.stream().allMatch(v -> v == Math.rint(v));
            for (int i = 0; i < k; i++) {
                x[i] = count[i] == 0 ? (edges[i] + edges[i + 1]) / 2 : sum[i] / count[i];
                double lo = whole ? Math.ceil(edges[i]) : edges[i];
                double hi = !whole ? edges[i + 1]
                        : Math.max(lo, i == k - 1 ? Math.floor(edges[i + 1]) : Math.ceil(edges[i + 1]) - 1); // (an empty bin: its edge)
                labels[i] = Format.number(lo) + " to " + Format.number(hi); // ASCII: also a CSV cell
            }
            return new Bins(factor, labels, x, binOf);
        }

        /** A varied value given as text (a level, an event type): one bin per value, at positions 0, 1, ... */
        private static Bins categories(String factor, Map<Integer, String> text) {
            List<String> labels = new ArrayList<>();
            Map<Integer, Integer> binOf = new HashMap<>();
            text.values().stream().filter(t -> !t.isEmpty()).distinct().sorted().forEach(labels::add);
            text.forEach((p, t) -> {
                int i = labels.indexOf(t);
                if (i >= 0) {
                    binOf.put(p, i);
                }
            });
            double[] x = new double[labels.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return new Bins(factor, labels.toArray(String[]::new), x, binOf);
        }

        int size() {
            return x.length;
        }
    }

    /** n, mean and 95 % interval of the runs of several points, from their per-point summaries. */
    record Pooled(double n, double mean, double low, double high) {
        /**
         * Under common random numbers: the runs of one replication share a seed at every point, so the
         * interval is Student's t over the replications (the points are the design's, fixed), not over
         * the runs as if each were a draw of its own. The mean is the runs' pooled mean, a ratio of
         * each replication's sum over the points to its count of runs with a value, and the interval
         * is the ratio estimator's over the replications (Cochran 1977, 6.4): Student's t over the
         * replications' residuals (sum − mean · count) / the mean count. Where every run has a value
         * it is the t interval of the replications' means about their mean. No interval with fewer
         * than two replications.
         */
        static Pooled clustered(List<SweepResults.PointStat> points, Map<Integer, double[]> byReplication, boolean share) {
            // (a share with no spread over the replications: its interval is Wilson's over them)
            Pooled pooled = of(points, share);
            if (pooled.n() == 0) {
                return pooled;
            }
            int replications = 0;
            for (SweepResults.PointStat p : points) {
                double[] v = byReplication.get(p.point());
                replications = Math.max(replications, v == null ? 0 : v.length);
            }
            double[] sums = new double[replications];
            double[] counts = new double[replications];
            double total = 0;
            double runs = 0;
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            int r2 = 0; // replications with a value at some point
            for (int r = 0; r < replications; r++) {
                for (SweepResults.PointStat p : points) {
                    double[] v = byReplication.get(p.point());
                    if (v != null && r < v.length && !Double.isNaN(v[r])) {
                        sums[r] += v[r];
                        counts[r]++;
                    }
                }
                total += sums[r];
                runs += counts[r];
                if (counts[r] > 0) {
                    r2++;
                    lowest = Math.min(lowest, sums[r] / counts[r]);
                    highest = Math.max(highest, sums[r] / counts[r]);
                }
            }
            if (r2 < 2) {
                return new Pooled(pooled.n(), pooled.mean(), Double.NaN, Double.NaN);
            }
            // the same share in every replication, up to rounding (an average of k/10 need not return k/10 exactly)
            if (share && highest - lowest < 1e-9) {
                // every replication the same share (seen in no run, in every one, or in as many): no spread to measure,
                // so Wilson's interval over the replications, as if each were one draw
                double[] ci = Intervals.wilson(lowest * r2, r2);
                return new Pooled(pooled.n(), pooled.mean(), ci[0], ci[1]);
            }
            // the ratio estimator over the replications, each a cluster of runs (one a point), those with no value included
            double ratio = total / runs;
            double meanCount = runs / replications;
            double ss = 0;
            for (int r = 0; r < replications; r++) {
                double e = (sums[r] - ratio * counts[r]) / meanCount;
                ss += e * e;
            }
            double half = new TDistribution(null, replications - 1).inverseCumulativeProbability(0.975)
                    * Math.sqrt(ss / (replications - 1) / replications);
            double low = pooled.mean() - half;
            double high = pooled.mean() + half;
            if (share) {
                low = Math.max(0, low);
                high = Math.min(1, high);
            }
            return new Pooled(pooled.n(), pooled.mean(), low, high);
        }

        static Pooled of(List<SweepResults.PointStat> points, boolean share) {
            double n = 0;
            double sum = 0;
            for (SweepResults.PointStat p : points) {
                if (p.n() > 0 && !Double.isNaN(p.mean())) {
                    n += p.n();
                    sum += p.n() * p.mean();
                }
            }
            if (n == 0) {
                return new Pooled(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = sum / n;
            if (share) {
                double[] ci = Intervals.wilson(Math.round(sum), Math.round(n));
                return new Pooled(n, mean, ci[0], ci[1]);
            }
            double ss = 0;
            for (SweepResults.PointStat p : points) {
                if (p.n() > 0 && !Double.isNaN(p.mean())) {
                    double sd = Double.isNaN(p.sd()) ? 0 : p.sd();
                    ss += (p.n() - 1) * sd * sd + p.n() * (p.mean() - mean) * (p.mean() - mean);
                }
            }
            if (n < 2) {
                return new Pooled(n, mean, Double.NaN, Double.NaN);
            }
            double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
            return new Pooled(n, mean, mean - half, mean + half);
        }
    }

    /**
     * How much of an outcome's variation over the points the cells of {@code cellOf} explain:
     * the share of the variance of the points' means (weighted by their runs) that lies between
     * the cells' means, the correlation ratio eta squared. 0 for an outcome that does not vary.
     */
    static double explained(List<SweepResults.PointStat> points, java.util.function.Function<SweepResults.PointStat, Object> cellOf) {
        double n = 0;
        double sum = 0;
        for (SweepResults.PointStat p : points) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                n += p.n();
                sum += p.n() * p.mean();
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double total = 0;
        Map<Object, double[]> cells = new HashMap<>();
        for (SweepResults.PointStat p : points) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                total += p.n() * (p.mean() - mean) * (p.mean() - mean);
                Object key = cellOf.apply(p);
                if (key != null) {
                    double[] c = cells.computeIfAbsent(key, k -> new double[2]);
                    c[0] += p.n();
                    c[1] += p.n() * p.mean();
                }
            }
        }
        if (!(total > 1e-12 * n * Math.max(1, mean * mean))) {
            return 0;
        }
        double between = 0;
        for (double[] c : cells.values()) {
            double m = c[1] / c[0];
            between += c[0] * (m - mean) * (m - mean);
        }
        return Math.min(1, between / total);
    }

    /** The value an outcome has in every run of the sweep, or NaN if it varies or was never observed. */
    private double constantValue(String outcome) {
        List<SweepResults.PointStat> pts = sweep.points(outcome);
        double[] means = new double[pts.size()];
        int k = 0;
        for (SweepResults.PointStat p : pts) {
            if (!(p.n() > 0) || Double.isNaN(p.mean())) {
                continue;
            }
            if (p.n() > 1 && !(p.sd() == 0)) {
                return Double.NaN;
            }
            means[k++] = p.mean();
        }
        return k == 0 ? Double.NaN : ChartStyle.constant(Arrays.copyOf(means, k));
    }

    private boolean neverObserved(String outcome) {
        return sweep.points(outcome).stream().noneMatch(p -> p.n() > 0 && !Double.isNaN(p.mean()));
    }

    /** An outcome's varied values, most explanatory first, with their eta squared. */
    private List<Map.Entry<String, Double>> rankedFactors(String outcome, Map<String, Bins> bins) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (String f : sweep.factors()) {
            Bins b = bins.get(f);
            out.add(Map.entry(f, explained(sweep.points(outcome), p -> b.binOfPoint().get(p.point()))));
        }
        out.sort((a, b) -> Double.compare(b.getValue(), a.getValue())); // stable: file order among equals
        return out;
    }

    /**
     * An outcome fixed by its pair's starting level in the sweep's base scenario (RunSetResults.startsThere), unless a
     * varied value sets that pair's level; the level, or null.
     */
    private RelationLevel startsThere(OutcomeSummary o) {
        if (o == null || o.a() == null || o.b() == null) {
            return null;
        }
        for (String factor : sweep.factors()) {
            String path = sweep.path(factor);
            if (path.equals("relations." + o.a() + "-" + o.b() + ".level") || path.equals("relations." + o.b() + "-" + o.a() + ".level")) {
                return null;
            }
        }
        return RunSetResults.startsThere(sweep.manifest().path("scenario").path("resolved"), o);
    }

    /** Common random numbers: the same replication seeds at every point (the manifest says so unless it says false). */
    private boolean commonRandomNumbers() {
        return !sweep.setting("common_random_numbers").equals("false");
    }

    /**
     * The pooled estimate of {@code o} over {@code points}: under common random numbers with an interval over the
     * replications (runs.csv), else over the runs; null's interval (NaN) under common random numbers without runs.csv.
     */
    private Pooled pooled(String o, List<SweepResults.PointStat> points, boolean share) throws ReportException {
        Pooled p;
        if (!commonRandomNumbers()) {
            p = Pooled.of(points, share);
        } else {
            Map<Integer, double[]> reps = replications.containsKey(o) ? replications.get(o) : sweep.byReplication(o);
            replications.put(o, reps);
            if (reps == null) {
                Pooled runs = Pooled.of(points, share);
                p = new Pooled(runs.n(), runs.mean(), Double.NaN, Double.NaN);
            } else {
                p = Pooled.clustered(points, reps, share);
            }
        }
        double[] cut = sweep.within(o, p.low(), p.high()); // (NaN stays NaN)
        return new Pooled(p.n(), p.mean(), cut[0], cut[1]);
    }

    private final Map<String, Map<Integer, double[]>> replications = new HashMap<>();

    /**
     * The η² that chance alone gives a varied value of k bins over n points, (k − 1)/(n − 1) (the expected
     * correlation ratio of a value that does nothing), said when it is large enough to reorder the values.
     */
    private String chanceEta(Map<String, Bins> bins) {
        int n = sweep.pointCount();
        int k = bins.values().stream().mapToInt(b -> b.labels().length).max().orElse(1);
        if (k < 2 || n <= k) {
            return "";
        }
        double chance = (k - 1) / (double) (n - 1);
        if (chance < 0.02) {
            return "";
        }
        return String.format(Locale.ROOT, " With %d points in up to %d bins, a varied value that makes no difference still "
                + "shows an \u03b7\u00b2 of about %.2f by chance alone, so values whose \u03b7\u00b2 differ by less than "
                + "that are not told apart: more points (samples), or a Sobol or Morris design, rank them with intervals.",
                n, k, chance);
    }

    private void marginals(Page page, Map<String, Bins> bins) throws ReportException {
        Html h = page.section("marginals", "Outcomes against each varied value");
        // outcomes that do not vary get a line, not charts; the others are ranked by their best-explaining value
        List<String> constant = new ArrayList<>();
        List<String> unobserved = new ArrayList<>();
        Map<String, List<Map.Entry<String, Double>>> ranked = new LinkedHashMap<>();
        for (String o : sweep.outcomes()) {
            double v = constantValue(o);
            if (!Double.isNaN(v)) {
                constant.add(outcomeName(o) + " (" + ChartStyle.constantText(v, sweep.share(o)) + ")");
            } else if (neverObserved(o)) {
                unobserved.add(outcomeName(o));
            } else {
                ranked.put(o, rankedFactors(o, bins));
            }
        }
        List<String> order = new ArrayList<>(ranked.keySet());
        order.sort((a, b) -> Double.compare(ranked.get(b).get(0).getValue(), ranked.get(a).get(0).getValue()));
        List<String> shown = order.subList(0, Math.min(MAX_OUTCOMES, order.size()));
        int factorsShown = Math.min(MAX_FACTORS, sweep.factors().size());

        h.paragraph("For each outcome and each varied value: the mean (or share of runs) over all runs at that value, pooled over "
                + "the other varied values, with its 95 % interval as a band: "
                + (commonRandomNumbers()
                        ? "under common random numbers a replication's runs share their seed at every point, so the interval is "
                                + "Student's t over the replications (each one's mean over the points at that value; for an outcome "
                                + "that some runs lack, the ratio estimator's interval over the replications; for a share the "
                                + "same in every replication, Wilson's over them), not over "
                                + "the runs; with a single replication, or without runs.csv, there is none (run more replications "
                                + "for one). "
                        : "Wilson for shares, t for means, over the runs (each point has seeds of its own). ")
                + "Continuous ranges "
                + "are cut into bins with equal numbers of points; the point sits at the bin's mean value. Outcomes come in order "
                + "of importance, and so do the varied values of each: \u03b7\u00b2 (in each chart's caption) is the share of the "
                + "variation of the points' means that lies between that value's bins, so 1 means the value alone decides the "
                + "outcome and 0 that it makes no difference on average." + chanceEta(bins));
        List<String> said = new ArrayList<>();
        if (!constant.isEmpty()) {
            said.add("Not drawn: " + String.join("; ", constant) + ".");
        }
        if (!unobserved.isEmpty()) {
            said.add("Never observed (no run has a value): " + String.join(", ", unobserved) + ".");
        }
        if (order.size() > shown.size()) {
            said.add("Left out: " + (order.size() - shown.size()) + " of the " + order.size() + " outcomes that vary, the least "
                    + "explained by any single value (" + String.join(", ", order.subList(shown.size(), order.size()).stream()
                            .map(this::outcomeName).toList()) + ").");
        }
        if (sweep.factors().size() > factorsShown) {
            said.add("For each outcome, the " + factorsShown + " of " + sweep.factors().size()
                    + " varied values that explain it most are drawn.");
        }
        if (!said.isEmpty()) {
            said.add("Every outcome and varied value is in report-marginals.csv.");
            h.note(String.join(" ", said));
        }

        // parameter_column: the varied value's column in runs.csv and points.csv, to join on
        Csv.Rows csv = new Csv.Rows("outcome", "parameter", "bin", "x", "points", "runs", "mean", "ci95_low", "ci95_high", "eta2",
                "parameter_column");
        for (String o : sweep.outcomes()) {
            for (Map.Entry<String, Double> fe : ranked.containsKey(o) ? ranked.get(o) : rankedFactors(o, bins)) {
                Bins b = bins.get(fe.getKey());
                List<List<SweepResults.PointStat>> groups = groups(o, b);
                for (int i = 0; i < b.size(); i++) {
                    Pooled p = pooled(o, groups.get(i), sweep.share(o));
                    csv.row(o, sweep.path(fe.getKey()), b.labels()[i], b.x()[i], groups.get(i).size(), p.n(), p.mean(), p.low(),
                            p.high(), fe.getValue(), fe.getKey());
                }
            }
        }
        for (String o : shown) {
            boolean share = sweep.share(o);
            h.heading(3, "outcome-" + ReportOutput.safeName(o), outcomeName(o));
            h.open("div", "grid3");
            for (Map.Entry<String, Double> fe : ranked.get(o).subList(0, factorsShown)) {
                String f = fe.getKey();
                Bins b = bins.get(f);
                List<List<SweepResults.PointStat>> groups = groups(o, b);
                double[] mean = new double[b.size()];
                double[] lo = new double[b.size()];
                double[] hi = new double[b.size()];
                for (int i = 0; i < b.size(); i++) {
                    Pooled p = pooled(o, groups.get(i), share);
                    mean[i] = p.mean();
                    lo[i] = p.low();
                    hi[i] = p.high();
                }
                NumberAxis y = new NumberAxis(share ? "share of runs" : "mean");
                y.setAutoRangeIncludesZero(false);
                if (share) {
                    y.setRange(0, 1.0001);
                    y.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
                }
                JFreeChart c = LineCharts.lines(outcomeName(o) + " by " + shortPath(f), sweep.path(f), y,
                        List.of(new LineCharts.Line("", ChartStyle.colour(0), b.x(), mean, lo, hi, false)), Double.NaN, true);
                c.removeLegend();
                h.figure("marginal-" + o + "-" + f, svg.render(c, 380, 260, outcomeName(o) + " by " + sweep.path(f)),
                        String.format(Locale.ROOT, "\u03b7\u00b2 = %.2f", fe.getValue()), null);
            }
            h.close("div");
        }
        tables.put("report-marginals.csv", csv.toString());
    }

    private List<List<SweepResults.PointStat>> groups(String outcome, Bins b) {
        List<List<SweepResults.PointStat>> g = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            g.add(new ArrayList<>());
        }
        for (SweepResults.PointStat p : sweep.points(outcome)) {
            Integer bin = b.binOfPoint().get(p.point());
            if (bin != null) {
                g.get(bin).add(p);
            }
        }
        return g;
    }

    private String shortPath(String factor) {
        return shortName(sweep.path(factor));
    }

    /** A varied value's dotted path shortened for a heading: its last part, with the country or pair of a country's or a relation's. */
    static String shortName(String p) {
        int dot = p.lastIndexOf('.');
        String tail = dot < 0 ? p : p.substring(dot + 1);
        // keep the country of country traits: countries.PER.domesticPressure -> PER domesticPressure
        String[] parts = p.split("\\.");
        if (parts.length >= 3 && (parts[0].equals("countries") || parts[0].equals("relations"))) {
            return parts[1] + " " + String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return tail;
    }

    // --- heat maps -----------------------------------------------------------------------

    private void heatMaps(Page page, String rank) {
        List<String> factors = sweep.factors();
        if (factors.size() < 2) {
            return;
        }
        Html h = page.section("heatmaps", "Heat maps of " + outcomeName(rank));
        boolean share = sweep.share(rank);
        double constant = constantValue(rank);
        // an outcome constant in all runs gets no chart, only its cells in report-heatmaps.csv
        boolean draw = Double.isNaN(constant) && !neverObserved(rank);
        if (!draw) {
            h.note(outcomeName(rank) + " is " + (Double.isNaN(constant) ? "never observed (no run has a value)"
                    : ChartStyle.constantText(constant, share)) + ": no heat map. Choose another outcome with --rank-by.");
        }
        Map<String, Bins> bins = new LinkedHashMap<>();
        for (String f : factors) {
            bins.put(f, Bins.of(sweep, f, DISTINCT_AS_BINS, 6));
        }
        // every pair of varied values, ranked by how much of the outcome's variation its cells explain
        record PairCells(int i, int j, double eta2) {}
        List<PairCells> pairs = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            for (int j = i + 1; j < factors.size(); j++) {
                Bins bx = bins.get(factors.get(i));
                Bins by = bins.get(factors.get(j));
                double eta2 = explained(sweep.points(rank), p -> {
                    Integer a = bx.binOfPoint().get(p.point());
                    Integer b = by.binOfPoint().get(p.point());
                    return a == null || b == null ? null : List.of(a, b);
                });
                pairs.add(new PairCells(i, j, eta2));
            }
        }
        pairs.sort((a, b) -> Double.compare(b.eta2(), a.eta2()));
        int shown = draw ? Math.min(MAX_HEATMAPS, pairs.size()) : 0;
        if (draw) {
            h.paragraph("The " + (share ? "share of runs" : "mean") + " of " + outcomeName(rank) + " over pairs of varied values, "
                + "pooled over the others (--rank-by chooses the outcome). Continuous ranges are cut into up to 6 bins of equal "
                + "numbers of points; empty cells are white. Pairs come in order of \u03b7\u00b2, the share of the variation of "
                + "the points' means that lies between the pair's cells (its two values together, with their interaction).");
        }
        if (draw && pairs.size() > shown) {
            h.note("Shown: the " + shown + " of " + pairs.size() + " pairs of varied values that explain " + outcomeName(rank)
                    + " most; the other " + (pairs.size() - shown) + " are in report-heatmaps.csv.");
        }
        Csv.Rows csv = new Csv.Rows("outcome", "parameter_x", "bin_x", "parameter_y", "bin_y", "points", "runs", "mean", "eta2",
                "parameter_x_column", "parameter_y_column");
        h.open("div", "grid2");
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.get(k).i();
            int j = pairs.get(k).j();
            Bins bx = bins.get(factors.get(i));
            Bins by = bins.get(factors.get(j));
            List<List<List<SweepResults.PointStat>>> cells = new ArrayList<>();
            for (int a = 0; a < bx.size(); a++) {
                List<List<SweepResults.PointStat>> col = new ArrayList<>();
                for (int b = 0; b < by.size(); b++) {
                    col.add(new ArrayList<>());
                }
                cells.add(col);
            }
            for (SweepResults.PointStat p : sweep.points(rank)) {
                Integer a = bx.binOfPoint().get(p.point());
                Integer b = by.binOfPoint().get(p.point());
                if (a != null && b != null) {
                    cells.get(a).get(b).add(p);
                }
            }
            double[][] value = new double[bx.size()][by.size()];
            for (int a = 0; a < bx.size(); a++) {
                for (int b = 0; b < by.size(); b++) {
                    Pooled pooled = Pooled.of(cells.get(a).get(b), share);
                    value[a][b] = pooled.mean();
                    csv.row(rank, sweep.path(factors.get(i)), bx.labels()[a], sweep.path(factors.get(j)), by.labels()[b],
                            cells.get(a).get(b).size(), pooled.n(), pooled.mean(), pairs.get(k).eta2(), factors.get(i), factors.get(j));
                }
            }
            if (k >= shown) {
                continue;
            }
            JFreeChart c = HeatMaps.heatMap(outcomeName(rank) + ": " + shortPath(factors.get(i)) + " \u00d7 " + shortPath(factors.get(j)),
                    sweep.path(factors.get(i)), bx.labels(), sweep.path(factors.get(j)), by.labels(), value, share,
                    share ? "share of runs" : "mean");
            h.figure("heatmap-" + factors.get(i) + "-" + factors.get(j), svg.render(c, 560, 420,
                    "Heat map " + factors.get(i) + " by " + factors.get(j)),
                    String.format(Locale.ROOT, "\u03b7\u00b2 = %.2f", pairs.get(k).eta2()), null);
        }
        h.close("div");
        tables.put("report-heatmaps.csv", csv.toString());
    }

    // --- sensitivity ---------------------------------------------------------------------

    /** A total-order index below this matters little: a value that explains under 5 % of the variance with its interactions. */
    static final double NEGLIGIBLE = 0.05;
    /**
     * What a total-order Sobol index with its 95 % interval says: the value matters (the interval lies above
     * {@link #NEGLIGIBLE}), it does not (below it), or the sweep cannot tell (the interval straddles it).
     */
    static String sobolVerdict(double st, double low, double high) {
        if (Double.isNaN(st) || Double.isNaN(low) || Double.isNaN(high)) {
            return Format.NONE;
        }
        if (low > NEGLIGIBLE) {
            return "matters";
        }
        if (high < NEGLIGIBLE) {
            return "negligible";
        }
        return "unresolved: interval straddles " + NEGLIGIBLE;
    }

    private void sensitivity(Page page) throws ReportException {
        CsvTable<ReportException> t = sweep.sensitivity();
        if (t == null) {
            return;
        }
        Html h = page.section("sensitivity", "Sensitivity");
        int outcome = find(t, "outcome");
        int parameter = find(t, "parameter", "factor", "path");
        int s1 = find(t, "s1");
        int muStar = find(t, "mu_star", "mustar", "mu*");
        boolean sobol = s1 >= 0;
        if (outcome < 0 || parameter < 0 || !sobol && muStar < 0) {
            h.note("sensitivity.csv has columns " + String.join(", ", t.columns()) + "; expected outcome, parameter and S1/ST (Sobol) or mu_star/sigma (Morris).");
            return;
        }
        String[][] series = sobol
                ? new String[][] {{"first order S1", "s1", "s1_ci95_low", "s1_low", "s1_ci95_high", "s1_high"},
                    {"total order ST", "st", "st_ci95_low", "st_low", "st_ci95_high", "st_high"}}
                : new String[][] {{"\u03bc* (mean |elementary effect|)", "mu_star", "mu_star_ci95_low", "mu_star_low",
                    "mu_star_ci95_high", "mu_star_high"}, {"\u03c3 (spread of effects)", "sigma", "sigma_ci95_low", "sigma_low",
                    "sigma_ci95_high", "sigma_high"}};
        int[][] col = new int[series.length][3];
        for (int s = 0; s < series.length; s++) {
            col[s][0] = find(t, series[s][1]);
            col[s][1] = find(t, series[s][2], series[s][3]);
            col[s][2] = find(t, series[s][4], series[s][5]);
        }
        int rows = find(t, "rows", "n", "points");
        h.paragraph(sobol
                ? "Sobol indices of each varied value with 95 % bootstrap intervals: first order S1 is the share of the outcome's "
                        + "variance due to that value alone, total order ST includes its interactions. Small negative estimates are "
                        + "sampling noise around 0. Indices rest on the points' mean outcomes; outcomes defined only in some runs "
                        + "(days to an event) use fewer points (rows)."
                : "Morris elementary effects: \u03bc* is the mean absolute change of the outcome over the value's range (its "
                        + "importance), \u03c3 the spread of those changes (non-linearity or interaction).");
        Map<String, List<Integer>> byOutcome = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            byOutcome.computeIfAbsent(t.text(r, outcome), k -> new ArrayList<>()).add(r);
        }
        List<String> head = new ArrayList<>(List.of("outcome", "varied value", series[0][0], "95 % interval", series[1][0],
                "95 % interval", "rows"));
        if (sobol) {
            head.add("verdict");
        }
        boolean[] numericColumns = sobol ? new boolean[] {false, false, true, true, true, true, true, false}
                : new boolean[] {false, false, true, true, true, true, true};
        Html.Cells table = new Html.Cells(head, numericColumns);
        int unresolved = 0;
        h.open("div", "grid2");
        for (Map.Entry<String, List<Integer>> e : byOutcome.entrySet()) {
            List<Integer> rs = e.getValue();
            List<String> cats = new ArrayList<>();
            double[][] v = new double[2][rs.size()];
            double[][] lo = new double[2][rs.size()];
            double[][] hi = new double[2][rs.size()];
            boolean first = true;
            for (int i = 0; i < rs.size(); i++) {
                int r = rs.get(i);
                String param = t.text(r, parameter);
                cats.add(sweep.path(param));
                for (int s = 0; s < 2; s++) {
                    v[s][i] = t.number(r, col[s][0]);
                    // no estimate, no interval (sweeps of earlier versions wrote 0 to 0 beside an empty index)
                    lo[s][i] = Double.isNaN(v[s][i]) ? Double.NaN : t.number(r, col[s][1]);
                    hi[s][i] = Double.isNaN(v[s][i]) ? Double.NaN : t.number(r, col[s][2]);
                }
                List<String> row = new ArrayList<>(List.of(first ? outcomeName(e.getKey()) : "", sweep.path(param),
                        Format.number(v[0][i]), Format.interval(lo[0][i], hi[0][i], false), Format.number(v[1][i]),
                        Format.interval(lo[1][i], hi[1][i], false), rows < 0 ? Format.NONE : t.text(r, rows)));
                if (sobol) {
                    String verdict = sobolVerdict(v[1][i], lo[1][i], hi[1][i]);
                    unresolved += verdict.startsWith("unresolved") ? 1 : 0;
                    row.add(verdict);
                }
                table.row(null, row);
                first = false;
            }
            JFreeChart c = BarCharts.bars((sobol ? "Sobol indices, " : "Morris, ") + outcomeName(e.getKey()),
                    sobol ? "index" : "effect", List.of(series[0][0], series[1][0]), cats, v, lo, hi);
            int height = Math.max(220, 110 + 46 * cats.size());
            h.figure("sensitivity-" + e.getKey(), svg.render(c, 560, height, "Sensitivity " + e.getKey()), null, null);
        }
        h.close("div");
        h.table(table);
        if (sobol && unresolved > 0) {
            h.note(String.format(Locale.ROOT, "%d of the %d total-order indices are unresolved: the interval reaches from "
                    + "below %.2f to above it, so the sweep cannot say whether the value matters to the outcome. Sobol "
                    + "intervals narrow as 1/\u221an in the base samples: a sweep with about four times as many halves them.",
                    unresolved, t.size(), NEGLIGIBLE));
        }
        Csv.Rows csv = new Csv.Rows(t.columns());
        for (int r = 0; r < t.size(); r++) {
            Object[] cells = new Object[t.columns().size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = t.text(r, c);
            }
            for (int[] sc : col) {
                if (sc[0] >= 0 && Double.isNaN(t.number(r, sc[0]))) {
                    for (int k = 1; k < 3; k++) {
                        if (sc[k] >= 0) {
                            cells[sc[k]] = null;
                        }
                    }
                }
            }
            csv.row(cells);
        }
        tables.put("report-sensitivity.csv", csv.toString());
    }

    /** The first of the column names present, ignoring case; -1 if none. */
    static int find(CsvTable<ReportException> t, String... names) {
        for (String n : names) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (t.columns().get(c).equalsIgnoreCase(n)) {
                    return c;
                }
            }
        }
        return -1;
    }

    // --- ranking ---------------------------------------------------------------------------

    private void ranking(Page page, String rank) {
        Html h = page.section("ranking", "Points ranked by " + outcomeName(rank));
        boolean share = sweep.share(rank);
        List<SweepResults.PointStat> pts = new ArrayList<>(sweep.points(rank));
        pts.sort((a, b) -> {
            boolean na = Double.isNaN(a.mean());
            boolean nb = Double.isNaN(b.mean());
            if (na != nb) {
                return na ? 1 : -1;
            }
            int c = Double.compare(b.mean(), a.mean());
            return c != 0 ? c : Integer.compare(a.point(), b.point());
        });
        h.paragraph("The " + Math.min(RANKED_ROWS, pts.size()) + " points with the highest " + (share ? "share" : "mean") + " of "
                + outcomeName(rank) + " (--rank-by chooses the outcome); all " + pts.size() + " are in report-ranking.csv. "
                + "Overlapping intervals mean the order between those points is not settled by the replications.");
        List<String> header = new ArrayList<>(List.of("rank", "point"));
        sweep.factors().forEach(f -> header.add(breakable(shortPath(f))));
        header.addAll(List.of(share ? "share" : "mean", "95 % interval", "runs"));
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        for (int k = 0; k < sweep.factors().size() && !pts.isEmpty(); k++) {
            numeric[2 + k] = !Double.isNaN(pts.get(0).values()[k]); // a level name or a boolean is text
        }
        // one column per varied value, headed by its short name (the full paths are in the Sweep table above);
        // headers wrap, at word starts where they can, so that many columns fit the page
        Html.Cells t = new Html.Cells(header, numeric).cls("ranking");
        List<String> csvHeader = new ArrayList<>(List.of("rank", "point"));
        csvHeader.addAll(sweep.factors());
        csvHeader.addAll(List.of("outcome", "n", "mean", "ci95_low", "ci95_high"));
        Csv.Rows csv = new Csv.Rows(csvHeader);
        for (int i = 0; i < pts.size(); i++) {
            SweepResults.PointStat p = pts.get(i);
            List<Object> cells = new ArrayList<>(List.of(i + 1, p.point()));
            for (int k = 0; k < p.values().length; k++) {
                cells.add(Double.isNaN(p.values()[k]) ? p.texts()[k] : p.values()[k]); // text as written
            }
            cells.addAll(List.of(rank, p.n(), p.mean(), p.low(), p.high()));
            csv.row(cells.toArray());
            if (i < RANKED_ROWS) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), Integer.toString(p.point())));
                for (int k = 0; k < p.values().length; k++) {
                    row.add(Double.isNaN(p.values()[k]) ? p.texts()[k] : Format.number(p.values()[k]));
                }
                row.add(share ? Format.percent(p.mean()) : Format.estimate(p.mean(), p.low(), p.high()));
                row.add(Format.interval(p.low(), p.high(), share));
                row.add(Format.number(p.n()));
                t.row(row);
            }
        }
        h.table(t);
        tables.put("report-ranking.csv", csv.toString());
    }

    /** A dotted path that may wrap after a dot or before a capital: parameters.condemnationWeight. */
    static String breakable(String path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(path.charAt(i - 1))) {
                b.append('\u200b');
            }
            b.append(c);
            if (c == '.' || c == '_') {
                b.append('\u200b');
            }
        }
        return b.toString();
    }

    // --- precision -------------------------------------------------------------------------

    private void precision(Page page) {
        Html h = page.section("precision", "Precision at each point");
        String reps = sweep.setting("replications");
        h.paragraph(String.format(Locale.ROOT, "How wide the 95 %% interval of each outcome is at a single point with %s "
                + "replications, against the stated precision (\u00b1%s on shares, \u00b1%s %% of the mean on numbers, of the "
                + "range 0 to 4 on levels).",
                reps.isEmpty() ? "its" : reps, Format.number(options.precision()), Format.number(options.relativePrecision() * 100)));
        Html.Cells t = new Html.Cells(List.of("outcome", "median \u00b1 at a point", "points within the precision", "verdict"),
                false, true, true, false);
        // half-widths of numbers are relative to the point's mean (0.05: ±5 % of it); half_width_unit says which
        Csv.Rows csv = new Csv.Rows("outcome", "type", "points", "median_half_width", "target_half_width", "share_of_points_within",
                "replications_per_point_needed", "half_width_unit");
        List<String> fixed = new ArrayList<>();
        for (String o : sweep.outcomes()) {
            boolean share = sweep.share(o);
            RelationLevel starts = startsThere(sweep.described(o));
            if (starts != null) {
                fixed.add(outcomeName(o) + " (starts " + starts.name() + ")");
                continue; // 1 (or day 0) in every run of every point by the base scenario's level, which no value varies
            }
            List<Double> halves = new ArrayList<>();
            List<Double> wilsonNeeded = new ArrayList<>();
            List<Double> numberNeeded = new ArrayList<>();
            int within = 0;
            int zeroMeans = 0;
            // a level's relative precision is of its scale (0 SEVERED to 4 ALLIED), not of a mean that may be near 0
            OutcomeSummary described = sweep.described(o);
            double fixedScale = described == null ? Double.NaN : described.relativeScale();
            String type = share ? "share" : "number";
            String unit = share ? "absolute" : Double.isNaN(fixedScale) ? "relative_to_mean" : "relative_to_scale";
            double wanted = share ? options.precision() : options.relativePrecision();
            Set<Double> shares = new HashSet<>();
            for (SweepResults.PointStat p : sweep.points(o)) {
                if (Double.isNaN(p.low()) || Double.isNaN(p.high())) {
                    continue;
                }
                double half = (p.high() - p.low()) / 2;
                double scale = Double.isNaN(fixedScale) ? Math.abs(p.mean()) : fixedScale;
                if (!share && scale == 0) {
                    zeroMeans++;
                    continue; // a precision relative to a mean of 0 means nothing
                }
                shares.add(p.mean());
                double target = share ? options.precision() : options.relativePrecision() * scale;
                halves.add(share ? half : half / Math.max(1e-12, scale));
                if (share) {
                    wilsonNeeded.add(Convergence.wilsonNeeded(p.mean(), options.precision()));
                } else if (p.n() >= 2) {
                    // the point's half-width is Student's t over its own n values; the need, as a run set's, is z·sd/√n
                    double zOverT = 1.959964 / new TDistribution(null, p.n() - 1).inverseCumulativeProbability(0.975);
                    double relative = zOverT * half / Math.max(1e-12, scale) / options.relativePrecision();
                    numberNeeded.add(p.n() * relative * relative);
                }
                within += half <= target + 1e-12 ? 1 : 0;
            }
            if (halves.isEmpty()) {
                t.row(List.of(outcomeName(o), Format.NONE, Format.NONE, zeroMeans > 0
                        ? "No precision relative to the mean: the mean is 0 at every point with an interval."
                        : "No point has an interval (too few runs with a value)."));
                // the table keeps the page's rows: the outcome with nothing to judge, its figures empty
                csv.row(o, type, 0, Double.NaN, wanted, Double.NaN, Double.NaN, unit);
                continue;
            }
            double[] sorted = halves.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = RepresentativeRun.quantile(sorted, 0.5);
            // the replications that would bring every point within the precision, led by the point that needs most
            // (a median over points would be the need at a share of 0 wherever most points never see the event):
            // shares, the fewest runs whose Wilson interval at the point's share is within it (as for a run set,
            // Convergence; not 0 at a share of 0 or 1); numbers, the widest half-width scaled by 1/sqrt(n)
            double worst = sorted[sorted.length - 1];
            double needed = Math.ceil((share ? wilsonNeeded : numberNeeded).stream().mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN));
            if (!share && worst == 0) {
                needed = Double.NaN;
            }
            String bring = Double.isNaN(needed) ? "." : String.format(Locale.ROOT,
                    ": about %,d replications per point would bring every point within it.", (long) needed);
            String verdict = within == sorted.length ? "Enough at every point."
                    : median <= wanted ? "Enough at a typical point, not at " + (sorted.length - within) + " of " + sorted.length + bring
                    : "Not enough at a typical point" + bring;
            if (share && within < sorted.length && shares.size() == 1 && (shares.contains(0.0) || shares.contains(1.0))) {
                // never (or always) in any run of any point: the interval is one-sided, and the need is to bound it
                boolean never = shares.contains(0.0);
                // at a share of 0 (or 1) Wilson's interval is one-sided: after n runs it reaches z²/(n + z²) from its end
                double z2 = Intervals.Z95 * Intervals.Z95;
                double reach = z2 / (needed + z2);
                verdict = String.format(Locale.ROOT, "%s in every run of every point: a point's interval reaches %s; about"
                        + " %,d replications per point would bring its half-width within \u00b1%s, the interval then"
                        + " reaching %s.", never ? "0" : "1", Format.percent(never ? worstBound(o, true) : worstBound(o, false)),
                        (long) needed, Format.number(options.precision()), Format.percent(never ? reach : 1 - reach));
            }
            String med = share ? Format.number(median) : Format.number(median * 100) + " % of the "
                    + (Double.isNaN(fixedScale) ? "mean" : "scale's range " + Format.number(fixedScale));
            t.row(median <= wanted ? null : "sig", List.of(outcomeName(o), med,
                    String.format(Locale.ROOT, "%d of %d", within, sorted.length), verdict));
            csv.row(o, type, sorted.length, median, wanted, within / (double) sorted.length, needed, unit);
        }
        h.table(t);
        if (!fixed.isEmpty()) {
            h.note("Not judged, being fixed by the pair's starting level at every point rather than estimated: "
                    + String.join("; ", fixed) + ".");
        }
        h.note(commonRandomNumbers()
                ? "Pooled estimates (the charts above) average over many points, but under common random numbers their "
                        + "precision is set by the number of replications, not of runs."
                : "Pooled estimates (the charts above) rest on the runs of many points and are more precise than a single point.");
        tables.put("report-precision.csv", csv.toString());
    }

    /** The highest upper bound (never) or lowest lower bound (always) of a share's interval over the points. */
    private double worstBound(String o, boolean never) {
        return sweep.points(o).stream().filter(p -> !Double.isNaN(p.low()) && !Double.isNaN(p.high()))
                .mapToDouble(p -> never ? p.high() : p.low()).reduce(never ? Double::max : Double::min).orElse(Double.NaN);
    }

    private void methods(Page page) {
        Html h = page.section("methods", "How to read this report");
        h.notes(List.of(
                sweep.setting("common_random_numbers").equals("false")
                        ? "Each point of the design was run with its own seeds, so differences between points include different random draws."
                        : "Each point of the design is run with the same replication seeds (common random numbers), so differences between points are not blurred by different random draws.",
                "Pooled means and shares combine the runs of all points in a bin; their intervals treat the mix of the other varied values as fixed.",
                sweep.sensitivity() == null ? "This design has no sensitivity indices (sobol and morris designs do)."
                        : "Sensitivity indices come from sensitivity.csv as the sweep wrote it; see docs/SWEEPS.md for the estimators.",
                "Every table is also written as CSV beside this file (report-*.csv)."));
    }
}

package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.io.Csv;
import org.crisis.io.Provenance;
import org.crisis.stats.Holm;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;

/**
 * Two sweeps compared point by point (docs/REPORTS.md, "Comparison of two sweeps"): the same
 * design run on two scenarios, or with two model options. Points are matched by their varied
 * values ({@link SweepMatch}); at each matched point, for each outcome both sweeps record, each
 * sweep's mean, the difference B − A with its 95 % interval and a p-value, computed as the
 * comparison of run sets computes them ({@link OutcomeComparison}): paired by replication where
 * the two sweeps' runs at that point have the same seeds (common random numbers), as independent
 * samples elsewhere. An outcome's p-values are adjusted across its points by Holm's method
 * ({@link Holm}). Writes comparison.html, comparison-points.csv, comparison-unmatched.csv and
 * comparison-differences.csv.
 */
final class SweepComparison implements ReportKind {
    /** The level of the tests, after adjustment: a difference is significant where the adjusted p is below it. */
    static final double ALPHA = 0.05;
    /** Rows of an outcome's table on the page; every point is in comparison-points.csv. */
    private static final int TABLE_ROWS = 40;
    /** Points of one sweep only listed on the page; all are in comparison-unmatched.csv. */
    private static final int UNMATCHED_ROWS = 40;
    private static final int MAX_CHANGES = 40;
    /** A varied value with at most this many settings gets a row or column of the heat map each; others are binned. */
    private static final int DISTINCT_AS_BINS = 12;
    private static final int HEAT_BINS = 6;

    /** One outcome at one matched point: the comparison of its runs in the two sweeps, and its Holm-adjusted p-value. */
    record PointDifference(SweepMatch.Matched point, OutcomeComparison comparison, double pHolm, boolean agree) {
        boolean significant() {
            return pHolm < ALPHA;
        }
    }

    /** One outcome over the matched points. */
    record OutcomeDifferences(String column, String name, boolean share, boolean day, List<PointDifference> points) {
        long tested() {
            return points.stream().filter(p -> !Double.isNaN(p.comparison().p())).count();
        }

        /** Points whose paired runs gave the same value in A and B in every replication: nothing for a test to find. */
        long agreeing() {
            return points.stream().filter(PointDifference::agree).count();
        }

        List<PointDifference> higher() {
            return points.stream().filter(p -> p.significant() && p.comparison().difference() > 0).toList();
        }

        List<PointDifference> lower() {
            return points.stream().filter(p -> p.significant() && p.comparison().difference() < 0).toList();
        }

        /** Points whose rank test finds a difference that the difference of the means does not show (0 or none). */
        List<PointDifference> unsigned() {
            return points.stream().filter(p -> p.significant()
                    && (Double.isNaN(p.comparison().difference()) || p.comparison().difference() == 0)).toList();
        }
    }

    private final SweepResults a;
    private final SweepResults b;
    private final Svg svg;
    private final SweepMatch match;
    /** By matched point: whether its runs are paired (the same seed in each replication of both sweeps). */
    private final boolean[] paired;
    /** By matched point: the replications whose seeds are the same in both sweeps. */
    private final int[] sameSeeds;
    private final List<OutcomeDifferences> outcomes = new ArrayList<>();
    /** Outcomes of one sweep only, or recorded differently, with why they are not compared. */
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    SweepComparison(SweepResults a, SweepResults b, Svg svg) throws ReportException {
        this.a = a;
        this.b = b;
        this.svg = svg;
        for (SweepResults s : List.of(a, b)) {
            if (!s.hasRuns()) {
                throw new ReportException(s.directory() + ": no runs.csv; comparing two sweeps needs each run's values and seeds,"
                        + " which runs.csv holds");
            }
        }
        this.match = SweepMatch.of(SweepMatch.side(a, resolved(a)), SweepMatch.side(b, resolved(b)));
        if (a.directory().toAbsolutePath().normalize().equals(b.directory().toAbsolutePath().normalize())) {
            warnings.add("A and B are the same directory, " + a.directory() + ": every difference is 0");
        }
        List<SweepMatch.Matched> points = match.matched();
        this.paired = new boolean[points.size()];
        this.sameSeeds = new int[points.size()];
        Map<Integer, String[]> seedsA = a.seeds();
        Map<Integer, String[]> seedsB = b.seeds();
        for (int i = 0; i < points.size(); i++) {
            String[] x = seedsA == null ? null : seedsA.get(points.get(i).pointA());
            String[] y = seedsB == null ? null : seedsB.get(points.get(i).pointB());
            sameSeeds[i] = sameSeeds(x, y);
            paired[i] = x != null && y != null && x.length == y.length && sameSeeds[i] == x.length;
        }
    }

    /** How many replications have the same seed in both sweeps' runs at a point (0 where either has no seeds). */
    static int sameSeeds(String[] x, String[] y) {
        if (x == null || y == null) {
            return 0;
        }
        int same = 0;
        for (int r = 0; r < Math.min(x.length, y.length); r++) {
            same += x[r] != null && x[r].equals(y[r]) ? 1 : 0;
        }
        return same;
    }

    @Override
    public String kind() {
        return "sweep comparison";
    }

    @Override
    public String page() {
        return "comparison.html";
    }

    @Override
    public Map<String, String> tables() {
        return tables;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String lead() {
        return "A: " + a.name() + " (" + a.directory() + ") and B: " + b.name() + " (" + b.directory() + "), "
                + String.format(Locale.ROOT, "%,d points matched by their values of ", match.matched().size())
                + String.join(", ", match.paths()) + ". Differences are B minus A.";
    }

    private String title() {
        return a.name().equals(b.name()) ? a.name() + ": two sweeps" : a.name() + " vs " + b.name();
    }

    @Override
    public Page build() throws ReportException {
        compare();
        Page page = new Page("Crisis report \u00b7 comparison of two sweeps", title());
        overview(page);
        outcomes(page);
        unmatched(page);
        methods(page);
        return page;
    }

    // --- the statistics -------------------------------------------------------------------------

    /** Each outcome both sweeps record, at each matched point; the others named as skipped. */
    private void compare() throws ReportException {
        for (String o : a.outcomes()) {
            if (!b.outcomes().contains(o)) {
                skipped.add(name(o) + " (A only)");
            } else if (a.share(o) != b.share(o)) {
                skipped.add(name(o) + " (a share of runs in " + (a.share(o) ? "A" : "B") + ", a number in " + (a.share(o) ? "B" : "A")
                        + ")");
            } else {
                outcomes.add(differences(o));
            }
        }
        for (String o : b.outcomes()) {
            if (!a.outcomes().contains(o)) {
                skipped.add(nameIn(b, o) + " (B only)");
            }
        }
        if (outcomes.isEmpty()) {
            throw new ReportException(a.directory() + " and " + b.directory() + " record no outcome in common: A records "
                    + String.join(", ", a.outcomes().stream().map(this::name).toList()) + "; B records "
                    + String.join(", ", b.outcomes().stream().map(o -> nameIn(b, o)).toList()));
        }
        if (!skipped.isEmpty()) {
            warnings.add("not compared, being recorded by one sweep only or differently: " + String.join(", ", skipped));
        }
        if (!match.onlyA().isEmpty() || !match.onlyB().isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "%d point%s of A and %d of B have no counterpart in the other sweep: listed, "
                    + "not compared", match.onlyA().size(), match.onlyA().size() == 1 ? "" : "s", match.onlyB().size()));
        }
        int daysA = resolved(a).path("days").asInt(-1);
        int daysB = resolved(b).path("days").asInt(-1);
        if (daysA != daysB) {
            warnings.add(String.format(Locale.ROOT, "A runs %d days and B %d: shares of events by the end are not like for like",
                    daysA, daysB));
        }
        Manifests.otherBuilds("A", Provenance.builds(a.manifest()), "B", Provenance.builds(b.manifest())).ifPresent(warnings::add);
    }

    /** One outcome at every matched point, with its p-values adjusted across the points. */
    private OutcomeDifferences differences(String o) throws ReportException {
        boolean share = a.share(o);
        Map<Integer, double[]> va = a.byReplication(o);
        Map<Integer, double[]> vb = b.byReplication(o);
        List<SweepMatch.Matched> points = match.matched();
        List<OutcomeComparison> compared = new ArrayList<>();
        double[] p = new double[points.size()];
        boolean[] agree = new boolean[points.size()];
        for (int i = 0; i < points.size(); i++) {
            double[] x = va == null ? new double[0] : va.getOrDefault(points.get(i).pointA(), new double[0]);
            double[] y = vb == null ? new double[0] : vb.getOrDefault(points.get(i).pointB(), new double[0]);
            double[][] pairs = both(x, y);
            OutcomeComparison c = paired[i] ? OutcomeComparison.paired(x, y, pairs, share)
                    : OutcomeComparison.independent(x, y, share);
            compared.add(c);
            // paired runs equal in every replication can show no difference: left out of Holm's count, which they
            // would only make stricter for the points where something differs (a discrete test's p cannot fall there)
            agree[i] = paired[i] && pairs[0].length > 0 && Arrays.equals(pairs[0], pairs[1]);
            p[i] = agree[i] ? Double.NaN : c.p();
        }
        double[] adjusted = Holm.adjust(p);
        List<PointDifference> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new PointDifference(points.get(i), compared.get(i), adjusted[i], agree[i]));
        }
        OutcomeSummary described = a.described(o);
        return new OutcomeDifferences(o, name(o), share, described != null && "day".equals(described.kind()), out);
    }

    /** The values of the replications where both have one, side by side (a point's runs by replication). */
    static double[][] both(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        double[] p = new double[n];
        double[] q = new double[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
                p[k] = x[r];
                q[k++] = y[r];
            }
        }
        return new double[][] {Arrays.copyOf(p, k), Arrays.copyOf(q, k)};
    }

    /** The outcome's name in the first sweep's file (severed:PER-MEX), or its column. */
    private String name(String column) {
        return nameIn(a, column);
    }

    private static String nameIn(SweepResults s, String column) {
        OutcomeSummary d = s.described(column);
        return d == null ? column : d.outcome();
    }

    // --- the sweeps and how their points pair ------------------------------------------------------

    private long pairedPoints() {
        long n = 0;
        for (boolean p : paired) {
            n += p ? 1 : 0;
        }
        return n;
    }

    private void overview(Page page) {
        Html h = page.section("sweeps", "Sweeps");
        Html.Cells t = new Html.Cells(List.of("", "A", "B"), false, false, false);
        for (String[] row : List.of(
                new String[] {"Sweep", a.name(), b.name()},
                new String[] {"Scenario", scenario(a), scenario(b)},
                new String[] {"Design", design(a), design(b)},
                new String[] {"Points", count(a.pointCount()), count(b.pointCount())},
                new String[] {"Replications per point", a.setting("replications"), b.setting("replications")},
                new String[] {"Master seed", a.setting("master_seed"), b.setting("master_seed")},
                new String[] {"Seeds", seeds(a), seeds(b)},
                new String[] {"Outcomes", String.join(", ", a.outcomes().stream().map(o -> nameIn(a, o)).toList()),
                    String.join(", ", b.outcomes().stream().map(o -> nameIn(b, o)).toList())},
                new String[] {"Tool", "crisis " + a.manifest().path("version").asText(""), "crisis " + b.manifest().path("version").asText("")},
                new String[] {"Results directory", a.directory().toAbsolutePath().normalize().toString(),
                    b.directory().toAbsolutePath().normalize().toString()})) {
            t.row(List.of(row));
        }
        h.table(t);
        boolean all = match.onlyA().isEmpty() && match.onlyB().isEmpty();
        h.paragraph(String.format(Locale.ROOT, "Points matched by their values of %s, exactly as points.csv writes them: %,d in "
                + "both sweeps; ", String.join(", ", match.paths()), match.matched().size())
                + (all ? "every point of each sweep has its match in the other."
                        : String.format(Locale.ROOT, "%,d of A's %,d and %,d of B's %,d in one sweep only (listed under Points in "
                                + "one sweep only, not compared).", match.onlyA().size(), a.pointCount(), match.onlyB().size(),
                                b.pointCount())));
        long pairs = pairedPoints();
        h.raw("<p class=\"verdict " + (pairs == paired.length ? "ok" : "short") + "\">").text(pairing()).raw("</p>\n");

        Csv.Rows diff = new Csv.Rows("path", "a", "b");
        List<ScenarioDiff.Change> changes = ScenarioDiff.between(resolved(a), resolved(b));
        changes.forEach(c -> diff.row(c.path(), c.before(), c.after()));
        tables.put("comparison-differences.csv", diff.toString());
        h.heading(3, null, "What differs, B against A");
        if (changes.isEmpty()) {
            h.paragraph("The resolved scenarios are identical: the sweeps differ only in their own settings above, if at all.");
            return;
        }
        h.paragraph("The resolved scenarios (the scenario each sweep ran, with the model's defaults filled in, before each "
                + "point's varied values are set), value by value.");
        Html.Cells c = new Html.Cells(List.of("value (dotted path, or a scripted event)", "A", "B"), false, false, false).nowrap(0).cls("diff");
        // a value the sweeps vary is set at every point from the sweep, whatever the scenario says: that difference is no
        // difference between the runs
        List<String> overridden = changes.stream().map(ScenarioDiff.Change::path)
                .filter(x -> match.keys().stream().anyMatch(v -> SweepMatch.canonical(x, resolved(b)).equals(v)
                        || SweepMatch.canonical(x, resolved(b)).startsWith(v + "."))).toList();
        for (ScenarioDiff.Change ch : changes.subList(0, Math.min(MAX_CHANGES, changes.size()))) {
            int from = ComparisonReport.commonPrefix(ch.before(), ch.after());
            c.row(List.of(ch.path() + (overridden.contains(ch.path()) ? " (varied by the sweeps: no effect)" : ""),
                    ComparisonReport.clip(ch.before(), from), ComparisonReport.clip(ch.after(), from)));
        }
        h.table(c);
        changes.stream().filter(ch -> ch.path().equals("days")).findFirst().ifPresent(ch -> h.raw("<p class=\"verdict short\">")
                .text("A runs " + ch.before() + " days and B " + ch.after() + ": shares of events by the end, and days to them,"
                        + " are not like for like.").raw("</p>\n"));
        if (!overridden.isEmpty()) {
            String which = String.join(", ", overridden);
            h.raw("<p class=\"verdict short\">").text((overridden.size() == changes.size() ? "Every value that differs" : "Of "
                    + "the values that differ, " + which) + " is varied by the sweeps, which set it at every point whatever the"
                    + " scenario says: " + (overridden.size() == changes.size() ? "the two sweeps ran the same scenario, and any"
                    + " difference below is chance or the sweeps' own settings." : "that difference has no effect on the runs."))
                    .raw("</p>\n");
            warnings.add("B's scenario differs from A's in " + which + ", which the sweeps vary: no effect on the runs");
        }
        if (changes.size() > MAX_CHANGES) {
            h.note(changes.size() + " values differ; all are in comparison-differences.csv.");
        }
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The scenario a sweep ran, resolved (the manifest's {@code scenario.resolved}; the
     * {@code scenario} itself in a manifest that holds it directly).
     */
    static JsonNode resolved(SweepResults s) {
        JsonNode sc = s.manifest().path("scenario");
        return sc.path("resolved").isObject() ? sc.path("resolved") : sc;
    }

    private static String scenario(SweepResults s) {
        JsonNode sc = resolved(s);
        String name = sc.path("name").asText("");
        String file = s.manifest().path("scenario").path("file").asText("");
        return (name.isEmpty() ? Format.NONE : name + ", " + sc.path("days").asText("?") + " days")
                + (file.isEmpty() ? "" : " (" + file + ")");
    }

    private static String design(SweepResults s) {
        return s.design() + (s.setting("samples").isEmpty() ? "" : ", " + s.setting("samples") + " samples");
    }

    private static String seeds(SweepResults s) {
        return s.setting("common_random_numbers").equals("false") ? "each point its own seeds"
                : "the same seeds at every point (common random numbers)";
    }

    /** Whether, and why, the matched points' runs are compared in pairs. */
    private String pairing() {
        int n = paired.length;
        long pairs = pairedPoints();
        String how = "compared in pairs, replication by replication (McNemar's exact test for shares, Wilcoxon's signed-rank "
                + "test for numbers), which removes most run-to-run noise from the differences";
        if (pairs == n) {
            return String.format(Locale.ROOT, "At %s the two sweeps ran the same seed in each replication (common random "
                    + "numbers), so their runs are %s.", n == 1 ? "the matched point" : "all " + count(n) + " matched points", how);
        }
        String why = !a.setting("master_seed").equals(b.setting("master_seed"))
                ? "the sweeps have different master seeds (" + a.setting("master_seed") + " and " + b.setting("master_seed") + ")"
                : !a.setting("replications").equals(b.setting("replications"))
                        ? "the sweeps have the same master seed but different replications per point (" + a.setting("replications")
                                + " and " + b.setting("replications") + ")"
                        : "their runs there have different seeds (with common random numbers off, a point's seeds follow its "
                                + "number in the design, so the same values at another point number get other seeds)";
        long overlapping = 0;
        for (int i = 0; i < n; i++) {
            overlapping += !paired[i] && sameSeeds[i] > 0 ? 1 : 0;
        }
        String overlap = overlapping == 0 ? "" : String.format(Locale.ROOT, " But at %,d of those points some replications of "
                + "each used the same seeds: the samples are not independent there (where the scenarios are alike those runs "
                + "are the same), so the tests overstate the noise and their p-values are too large. Run both sweeps with the "
                + "same seed and replications to pair them.", overlapping);
        String independent = "compared as independent samples (Newcombe's interval and the two-proportion z test, or Fisher's "
                + "exact test when an expected count is below 5, for shares; Welch's interval and Mann\u2013Whitney U for numbers)";
        if (pairs == 0) {
            return "At no matched point do the two sweeps run the same seed in every replication, because " + why + ": the runs are "
                    + independent + "." + overlap;
        }
        return String.format(Locale.ROOT, "At %,d of the %,d matched points the two sweeps ran the same seed in each replication "
                + "(common random numbers), so their runs are %s; at the other %,d the seeds differ and the runs are %s "
                + "(the column paired says which).%s", pairs, n, how, n - pairs, independent, overlap);
    }

    // --- outcomes ----------------------------------------------------------------------------------

    private void outcomes(Page page) {
        Html h = page.section("outcomes", "Outcomes compared");
        h.paragraph("At each matched point, for each outcome both sweeps record: each sweep's share of runs or mean, the "
                + "difference B \u2212 A with its 95 % interval and a two-sided p-value, as the comparison of run sets computes "
                + "them (paired where the runs share seeds, independent elsewhere). With many points tested, some would differ by "
                + "chance alone, so each outcome's p-values are adjusted across its points by Holm's method: a point counts as "
                + "different where the adjusted p is below 0.05, which keeps the chance of calling any point of that outcome "
                + "different when none is at 5 % (across outcomes there is no adjustment). Rows so marked are shaded.");
        if (!skipped.isEmpty()) {
            h.note("Not compared, being recorded by one sweep only or differently: " + String.join("; ", skipped) + ".");
        }
        Csv.Rows csv = new Csv.Rows(csvHeader());
        for (OutcomeDifferences d : outcomes) {
            h.heading(3, "outcome-" + ReportOutput.safeName(d.column()), d.name());
            h.raw("<p class=\"verdict\">").text(verdict(d)).raw("</p>\n");
            figure(h, d);
            table(h, d);
            for (PointDifference p : d.points()) {
                OutcomeComparison c = p.comparison();
                List<Object> row = new ArrayList<>(p.point().values());
                row.addAll(Arrays.asList(d.column(), c.first().n(), c.second().n(), c.first().mean(), c.second().mean(),
                        c.difference(), c.low(), c.high(), Csv.probability(c.p()), Csv.probability(p.pHolm()), c.paired(), c.test(),
                        c.effectName(), c.effect(), p.point().pointA(), p.point().pointB(), c.paired() ? (Object) c.pairs() : null));
                csv.row(row.toArray());
            }
        }
        tables.put("comparison-points.csv", csv.toString());
    }

    /** The columns of comparison-points.csv: the varied values' columns (as in points.csv), then the statistics. */
    private List<String> csvHeader() {
        List<String> header = new ArrayList<>(match.columns());
        header.addAll(List.of("outcome", "n_a", "n_b", "mean_a", "mean_b", "difference", "ci95_low", "ci95_high", "p", "p_holm", "paired",
                "test", "effect_measure", "effect", "point_a", "point_b", "n_pairs"));
        return header;
    }

    /**
     * One sentence: at how many points B raises or lowers the outcome with an adjusted p below
     * 0.05, by how much on average there, and the average difference over the points compared;
     * points that differ with no difference of the means, points whose runs agree in every
     * replication and points with nothing to test are counted apart, and an outcome whose runs
     * agree everywhere, or that could be compared nowhere, is said to be so.
     */
    static String verdict(OutcomeDifferences d) {
        List<PointDifference> up = d.higher();
        List<PointDifference> down = d.lower();
        int n = d.points().size();
        long tested = d.tested();
        String of = String.format(Locale.ROOT, "%,d", n);
        String adjusted = " (Holm-adjusted p < 0.05)";
        String all = average(d.points());
        long withDifference = d.points().stream().filter(x -> !Double.isNaN(x.comparison().difference())).count();
        String overall = Double.isNaN(meanDifference(d.points())) ? ""
                : "; over " + (withDifference == n ? "all " + of + " points" : "the " + withDifference + " points compared")
                + " the difference averages " + signed(meanDifference(d.points()), d.share());
        String untested = tested == n ? "" : String.format(Locale.ROOT, "; %,d of the points had nothing to test (no run with a "
                + "value in A or in B%s)", n - tested, d.share() ? "" : ", or no replication with one in both");
        long agreeing = d.agreeing();
        String same = agreeing == 0 || agreeing == n ? "" : String.format(Locale.ROOT, "; at %,d %s every replication gave the"
                + " same value in A and B (left out of Holm's adjustment)", agreeing, agreeing == 1 ? "point" : "points");
        if (agreeing == n) {
            return "At every one of the " + of + " points every replication gave the same value of " + d.name() + " in A and B:"
                    + " what differs between the sweeps did not change this outcome here.";
        }
        if (tested == 0) {
            return "B and A could not be compared on " + d.name() + " at any of the " + of + " points" + untested + ".";
        }
        String s;
        List<PointDifference> neither = d.unsigned();
        String shapeOnly = neither.isEmpty() ? "" : String.format(Locale.ROOT, "; at %,d more the runs differ (Holm-adjusted p"
                + " < 0.05) with no difference of the means, in how the values spread rather than where they centre",
                neither.size());
        if (up.isEmpty() && down.isEmpty() && !neither.isEmpty()) {
            s = "B differs from A on " + d.name() + " at " + neither.size() + " of " + of + " points" + adjusted
                    + " with no difference of the means there, in how the values spread rather than where they centre"
                    + (all.isEmpty() ? "" : "; the differences of the means average " + all);
            return s + same + untested + ".";
        }
        if (up.isEmpty() && down.isEmpty()) {
            s = "B differs from A on " + d.name() + " at none of the " + of + " points (no Holm-adjusted p below 0.05)"
                    + (all.isEmpty() ? "" : "; the differences average " + all);
        } else if (down.isEmpty()) {
            s = "B raises " + d.name() + " at " + up.size() + " of " + of + " points" + adjusted + ", by "
                    + amount(meanDifference(up), d.share()) + " on average there" + overall;
        } else if (up.isEmpty()) {
            s = "B lowers " + d.name() + " at " + down.size() + " of " + of + " points" + adjusted + ", by "
                    + amount(-meanDifference(down), d.share()) + " on average there" + overall;
        } else {
            s = "B raises " + d.name() + " at " + up.size() + " of " + of + " points and lowers it at " + down.size() + adjusted
                    + ": by " + amount(meanDifference(up), d.share()) + " on average where it raises it, by "
                    + amount(-meanDifference(down), d.share()) + " where it lowers it" + overall;
        }
        return s + shapeOnly + same + untested + "." + (d.day() ? " These days count only the runs where the event happened"
                + " (paired: in both); whether it happened, and how often, is the share's own outcome." : "");
    }

    /** The points' mean difference, with the lowest and the highest: {@code +0.12 (+12.0 pp) (from 0 (+0.0 pp) to ...)}. */
    private static String average(List<PointDifference> points) {
        double m = meanDifference(points);
        if (Double.isNaN(m)) {
            return "";
        }
        double lo = points.stream().mapToDouble(p -> p.comparison().difference()).filter(x -> !Double.isNaN(x)).min().orElse(m);
        double hi = points.stream().mapToDouble(p -> p.comparison().difference()).filter(x -> !Double.isNaN(x)).max().orElse(m);
        boolean share = points.get(0).comparison().share();
        return signed(m, share) + (lo == hi ? "" : " (from " + signed(lo, share) + " to " + signed(hi, share) + ")");
    }

    /** The mean of the points' differences (those with one); NaN if none has one. */
    static double meanDifference(List<PointDifference> points) {
        return points.stream().mapToDouble(p -> p.comparison().difference()).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    /** A size of difference: 0.12 (12 percentage points) for shares, a number otherwise. */
    private static String amount(double d, boolean share) {
        return share ? Format.number(d) + String.format(Locale.ROOT, " (%.1f percentage points)", d * 100) : Format.number(d);
    }

    private static String signed(double d, boolean share) {
        return share ? Format.signed(d) + String.format(Locale.ROOT, " (%+.1f pp)", d * 100) : Format.signed(d);
    }

    /** The outcome's table: each point (the most significant, past {@link #TABLE_ROWS}), in point order. */
    private void table(Html h, OutcomeDifferences d) {
        List<PointDifference> rows = d.points();
        if (rows.size() > TABLE_ROWS) {
            List<PointDifference> most = new ArrayList<>(rows);
            most.sort(Comparator.comparingDouble((PointDifference p) -> Double.isNaN(p.pHolm()) ? 2 : p.pHolm())
                    .thenComparingDouble(p -> -Math.abs(Double.isNaN(p.comparison().difference()) ? 0 : p.comparison().difference())));
            List<PointDifference> kept = most.subList(0, TABLE_ROWS);
            rows = d.points().stream().filter(kept::contains).toList();
        }
        List<String> header = new ArrayList<>();
        match.paths().forEach(p -> header.add(SweepReport.shortName(p)));
        header.addAll(List.of("runs A / B", "A", "B", "B \u2212 A (95 % interval)", "p", "Holm p", "effect size", "compared"));
        boolean[] numeric = new boolean[header.size()];
        int first = match.paths().size();
        for (int i = first; i < first + 7; i++) {
            numeric[i] = true;
        }
        Html.Cells t = new Html.Cells(header, numeric).nowrap(first + 3);
        for (PointDifference p : rows) {
            OutcomeComparison c = p.comparison();
            List<String> row = new ArrayList<>(p.point().values());
            row.add(c.first().n() + " / " + c.second().n());
            row.add(d.share() ? Format.percent(c.first().mean()) : Format.number(c.first().mean()));
            row.add(d.share() ? Format.percent(c.second().mean()) : Format.number(c.second().mean()));
            row.add(ComparisonReport.difference(c));
            row.add(Format.p(c.p()));
            row.add(Format.p(p.pHolm()));
            row.add(Double.isNaN(c.effect()) ? Format.NONE : c.effectName() + " = " + Format.fixed(c.effect(), 2));
            row.add(c.paired() ? "paired" : "independent");
            t.row(p.significant() ? "sig" : null, row);
        }
        h.table(t);
        if (rows.size() < d.points().size()) {
            h.note(String.format(Locale.ROOT, "The %d of %,d points with the smallest adjusted p-values (then the largest "
                    + "differences); every point is in comparison-points.csv.", rows.size(), d.points().size()));
        }
    }

    // --- charts ------------------------------------------------------------------------------------

    private void figure(Html h, OutcomeDifferences d) {
        if (match.paths().size() == 1) {
            line(h, d);
        } else {
            heatMap(h, d);
        }
    }

    /** A matched point's value of varied value {@code i} as a number, NaN if it is text (a level, a type). */
    private static double number(SweepMatch.Matched p, int i) {
        try {
            return Double.parseDouble(p.values().get(i));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One varied value: the difference against its values, with its 95 % interval as a band, and a line at 0. */
    private void line(Html h, OutcomeDifferences d) {
        List<PointDifference> points = d.points();
        boolean text = points.stream().anyMatch(p -> Double.isNaN(number(p.point(), 0)));
        List<String> categories = points.stream().map(p -> p.point().values().get(0)).distinct().sorted().toList();
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.function.IntToDoubleFunction xOf = i -> text ? categories.indexOf(points.get(i).point().values().get(0))
                : number(points.get(i).point(), 0);
        Arrays.sort(order, Comparator.comparingDouble(i -> xOf.applyAsDouble(i)));
        double[] x = new double[order.length];
        double[] y = new double[order.length];
        double[] lo = new double[order.length];
        double[] hi = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            OutcomeComparison c = points.get(order[k]).comparison();
            x[k] = xOf.applyAsDouble(order[k]);
            y[k] = c.difference();
            lo[k] = Double.isNaN(c.low()) ? c.difference() : c.low();
            hi[k] = Double.isNaN(c.high()) ? c.difference() : c.high();
        }
        String path = match.paths().get(0);
        NumberAxis axis = new NumberAxis(d.share() ? "difference of shares, B \u2212 A" : "difference, B \u2212 A");
        axis.setAutoRangeIncludesZero(true);
        if (d.share()) {
            axis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
        }
        if (!Double.isNaN(ChartStyle.constant(y, lo, hi))) {
            double v = Math.abs(ChartStyle.constant(y, lo, hi));
            double pad = v == 0 ? (d.share() ? 0.05 : 1) : v;
            axis.setRange(-Math.max(v, pad) - pad * 0.1, Math.max(v, pad) + pad * 0.1); // one value everywhere: a plain range around 0
        }
        String title = d.name() + ", B \u2212 A, by " + SweepReport.shortName(path);
        JFreeChart c = LineCharts.lines(title, path, axis,
                List.of(new LineCharts.Line("", ChartStyle.colour(0), x, y, lo, hi, false)), Double.NaN, true);
        c.removeLegend();
        c.getXYPlot().addRangeMarker(new ValueMarker(0, new java.awt.Color(0x777777), new java.awt.BasicStroke(1f)));
        if (text) {
            SymbolAxis s = new SymbolAxis(path, categories.toArray(String[]::new));
            s.setGridBandsVisible(false);
            ChartStyle.axis(s);
            c.getXYPlot().setDomainAxis(s);
            s.setRange(-0.5, categories.size() - 0.5);
        }
        h.figure("difference-" + d.column(), svg.render(c, 620, 320, title),
                "The difference B \u2212 A at each matched point (line) with its 95 % interval (band); the grey line is no "
                        + "difference.", "narrow");
    }

    /**
     * Two or more varied values: the difference over the first two's values (a continuous range in
     * up to 6 bins of equal numbers of points), each cell the mean difference of its points.
     */
    private void heatMap(Html h, OutcomeDifferences d) {
        List<PointDifference> points = d.points();
        SweepReport.Bins[] bins = new SweepReport.Bins[2];
        for (int f = 0; f < 2; f++) {
            Map<Integer, Double> value = new LinkedHashMap<>();
            Map<Integer, String> text = new LinkedHashMap<>();
            for (int i = 0; i < points.size(); i++) {
                value.put(i, number(points.get(i).point(), f));
                text.put(i, points.get(i).point().values().get(f));
            }
            bins[f] = SweepReport.Bins.of(match.columns().get(f), value, text, DISTINCT_AS_BINS, HEAT_BINS);
        }
        double[][] sum = new double[bins[0].size()][bins[1].size()];
        int[][] count = new int[bins[0].size()][bins[1].size()];
        for (int i = 0; i < points.size(); i++) {
            Integer x = bins[0].binOfPoint().get(i);
            Integer y = bins[1].binOfPoint().get(i);
            double v = points.get(i).comparison().difference();
            if (x != null && y != null && !Double.isNaN(v)) {
                sum[x][y] += v;
                count[x][y]++;
            }
        }
        double[][] value = new double[sum.length][];
        for (int x = 0; x < sum.length; x++) {
            value[x] = new double[sum[x].length];
            for (int y = 0; y < sum[x].length; y++) {
                value[x][y] = count[x][y] == 0 ? Double.NaN : sum[x][y] / count[x][y];
            }
        }
        String px = match.paths().get(0);
        String py = match.paths().get(1);
        String title = d.name() + ", B \u2212 A: " + SweepReport.shortName(px) + " \u00d7 " + SweepReport.shortName(py);
        JFreeChart c = HeatMaps.differences(title, px, bins[0].labels(), py, bins[1].labels(), value, d.share(),
                d.share() ? "B \u2212 A, share of runs" : "B \u2212 A");
        List<String> others = match.paths().subList(2, match.paths().size());
        h.figure("difference-" + d.column(), svg.render(c, 620, 420, title),
                "The difference B \u2212 A" + (d.share() ? " in percentage points" : "") + " over the values of "
                        + SweepReport.shortName(px) + " and " + SweepReport.shortName(py)
                        + (others.isEmpty() ? "" : ", each cell the mean over its points of the other varied values ("
                                + String.join(", ", others) + ")")
                        + "; blue where B is lower, red where higher; empty cells are white.", "narrow");
    }

    // --- points in one sweep only --------------------------------------------------------------------

    private void unmatched(Page page) {
        List<String> columns = new ArrayList<>(match.columns());
        columns.addAll(List.of("sweep", "point"));
        Csv.Rows csv = new Csv.Rows(columns);
        List<String[]> rows = new ArrayList<>();
        for (SweepMatch.Unmatched u : match.onlyA()) {
            rows.add(row(u, "A"));
        }
        for (SweepMatch.Unmatched u : match.onlyB()) {
            rows.add(row(u, "B"));
        }
        for (String[] r : rows) {
            csv.row((Object[]) r);
        }
        tables.put("comparison-unmatched.csv", csv.toString());
        if (rows.isEmpty()) {
            return;
        }
        Html h = page.section("unmatched", "Points in one sweep only");
        h.paragraph(String.format(Locale.ROOT, "%,d point%s of A and %,d of B have no point with the same values in the other "
                + "sweep, so they are not compared: their values, and their point in the sweep that ran them.", match.onlyA().size(),
                match.onlyA().size() == 1 ? "" : "s", match.onlyB().size()));
        List<String> header = new ArrayList<>(List.of("sweep", "point"));
        match.paths().forEach(p -> header.add(SweepReport.shortName(p)));
        Html.Cells t = new Html.Cells(header, false, true);
        for (String[] r : rows.subList(0, Math.min(UNMATCHED_ROWS, rows.size()))) {
            List<String> cells = new ArrayList<>(List.of(r[r.length - 2], r[r.length - 1]));
            cells.addAll(Arrays.asList(r).subList(0, r.length - 2));
            t.row(cells);
        }
        h.table(t);
        if (rows.size() > UNMATCHED_ROWS) {
            h.note("The first " + UNMATCHED_ROWS + " of " + rows.size() + "; all are in comparison-unmatched.csv.");
        }
    }

    private static String[] row(SweepMatch.Unmatched u, String side) {
        List<String> r = new ArrayList<>(u.values());
        r.add(side);
        r.add(Integer.toString(u.point()));
        return r.toArray(String[]::new);
    }

    private void methods(Page page) {
        Html h = page.section("methods", "How to read this comparison");
        h.notes(List.of(
                "Points are matched by their varied values, as points.csv writes them (numbers to six decimals, so 0.30 in a sweep file is 0.3); a "
                        + "combination a design gives more than once is matched occurrence by occurrence, in point order.",
                "Independent runs: difference of shares with Newcombe's hybrid score interval; test: pooled two-proportion z test, "
                        + "or Fisher's exact test when an expected cell count is below 5. Difference of means with Welch's t "
                        + "interval; test: Mann\u2013Whitney U.",
                "Paired runs (the same seed in each replication of both sweeps at a point): McNemar's exact test with Agresti and "
                        + "Min's adjusted Wald interval for shares; for numbers, the paired t interval of the mean difference and "
                        + "Wilcoxon's signed-rank test (zero differences dropped). A number measured only in the runs where its "
                        + "event happened is compared over the replications where both sweeps have a value.",
                "Holm's adjustment is made across the points of each outcome, not across outcomes: with several outcomes, some "
                        + "may show a difference by chance.",
                "With few replications per point the intervals are wide and the tests weak: a point without a significant "
                        + "difference is not shown to be alike in both sweeps.",
                "Every table is also written as CSV beside this file: comparison-points.csv (every outcome at every matched "
                        + "point), comparison-unmatched.csv, comparison-differences.csv."));
    }
}

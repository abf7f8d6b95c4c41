package org.crisis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.io.Csv;
import org.crisis.stats.Convergence;
import org.crisis.stats.Intervals;
import org.crisis.stats.KaplanMeier;
import org.crisis.stats.LogRank;
import org.crisis.stats.OutcomeStatistics;
import org.jfree.chart.JFreeChart;

/**
 * Several run sets side by side, each compared with the first (the baseline): outcome by
 * outcome, the difference with its 95 % interval, a test and an effect size; overlaid fan
 * charts, level shares and survival curves for the pairs all sets track. When a set shares
 * the baseline's seeds run for run (common random numbers), its comparison pairs runs by
 * replication.
 */
final class ComparisonReport implements ReportKind {
    private static final int MAX_CHANGES = 40;
    private final List<RunSetResults> sets;
    private final ReportOptions options;
    private final Svg svg;
    private final List<String> labels = new ArrayList<>();
    private final boolean[] paired;

    private boolean anyPaired() {
        for (boolean p : paired) {
            if (p) {
                return true;
            }
        }
        return false;
    }
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    ComparisonReport(List<RunSetResults> sets, ReportOptions options, Svg svg) throws ReportException {
        // a pair tracked in the other order than the baseline's is compared as the baseline names it
        List<RunSetResults> oriented = new ArrayList<>(List.of(sets.get(0)));
        for (RunSetResults s : sets.subList(1, sets.size())) {
            oriented.add(s.orientedAs(sets.get(0).pairs()));
        }
        this.sets = oriented;
        this.options = options;
        this.svg = svg;
        this.paired = new boolean[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            labels.add(String.valueOf((char) ('A' + Math.min(i, 25))) + (i >= 26 ? Integer.toString(i) : ""));
            paired[i] = i > 0 && sameSeeds(sets.get(0), sets.get(i));
        }
    }

    /** Common random numbers: the same master seed, the same runs, and the same seed for each replication. */
    static boolean sameSeeds(RunSetResults a, RunSetResults b) throws ReportException {
        if (!a.masterSeed().equals(b.masterSeed()) || a.runCount() != b.runCount()) {
            return false;
        }
        Map<Integer, String> sa = seedsByReplication(a);
        Map<Integer, String> sb = seedsByReplication(b);
        return !sa.isEmpty() && sa.equals(sb);
    }

    private static Map<Integer, String> seedsByReplication(RunSetResults s) throws ReportException {
        int[] rep = s.replications();
        List<String> seeds = s.seeds();
        Map<Integer, String> m = new HashMap<>();
        for (int i = 0; i < rep.length; i++) {
            m.put(rep[i], seeds.get(i));
        }
        return m;
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
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sets.size(); i++) {
            s.append(i == 0 ? "" : i == sets.size() - 1 ? " and " : ", ").append(labels.get(i)).append(": ")
                    .append(sets.get(i).name()).append(" (").append(String.format(Locale.ROOT, "%,d runs", sets.get(i).runCount())).append(')');
        }
        return s + ". Differences are each set minus " + labels.get(0) + ".";
    }

    @Override
    public String kind() {
        return "comparison";
    }

    @Override
    public Page build() throws ReportException {
        for (int i = 1; i < sets.size(); i++) {
            if (sets.get(i).days() != sets.get(0).days()) {
                warnings.add(String.format(Locale.ROOT, "%s runs %d days and %s %d: shares of events by the end are not like for like",
                        labels.get(0), sets.get(0).days(), labels.get(i), sets.get(i).days()));
            }
            Manifests.otherBuilds(labels.get(0), List.of(sets.get(0).version()), labels.get(i), List.of(sets.get(i).version()))
                    .ifPresent(warnings::add);
        }
        Page page = new Page("Crisis report \u00b7 comparison of " + sets.size() + " run sets", title());
        overview(page);
        outcomes(page);
        pairs(page);
        convergence(page);
        methods(page);
        page.script();
        return page;
    }

    private String title() {
        List<String> names = new ArrayList<>();
        for (RunSetResults s : sets) {
            if (!names.contains(s.name())) {
                names.add(s.name());
            }
        }
        if (names.size() == 1 || names.size() == sets.size()) {
            return names.size() == 1 ? names.get(0) + ": " + sets.size() + " variants" : String.join(" vs ", names);
        }
        // some sets share a scenario's name: each set by its label, and its directory where the name repeats
        List<String> each = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            String n = sets.get(i).name();
            boolean repeated = sets.stream().filter(s -> s.name().equals(n)).count() > 1;
            each.add(labels.get(i) + " " + n + (repeated ? " (" + sets.get(i).directory().getFileName() + ")" : ""));
        }
        return String.join(" vs ", each);
    }

    /** "A" or "A peru-mexico-…" for legends. */
    private String legend(int i) {
        String n = sets.get(i).name();
        String dir = String.valueOf(sets.get(i).directory().getFileName());
        boolean sameNames = sets.stream().allMatch(s -> s.name().equals(sets.get(0).name()));
        String shown = sameNames ? dir : n;
        return labels.get(i) + " " + (shown.length() > 32 ? shown.substring(0, 31) + "\u2026" : shown);
    }

    // --- run sets and what differs ----------------------------------------------------------------

    private void overview(Page page) {
        Html h = page.section("sets", "Run sets");
        Html.Cells t = new Html.Cells(List.of("", "scenario", "results directory", "replications", "master seed",
                "overrides", "tool", "run"), false, false, false, true, true, false, false, false).nowrap(6, 7);
        Csv.Rows csv = new Csv.Rows("label", "scenario", "directory", "runs", "kept_runs", "master_seed", "overrides", "version",
                "started", "ended", "scenario_sha256", "paired_with_first");
        for (int i = 0; i < sets.size(); i++) {
            RunSetResults s = sets.get(i);
            t.row(List.of(labels.get(i), s.name(), s.directory().toString(), String.format(Locale.ROOT, "%,d", s.runCount()),
                    s.masterSeed(), s.overrides().isEmpty() ? Format.NONE : String.join(", ", s.overrides()),
                    "crisis " + s.version(), RunSetReport.timestamp(s.started())));
            csv.row(labels.get(i), s.name(), s.directory().toString(), s.runCount(), s.keptRuns(), s.masterSeed(),
                    String.join(" ", s.overrides()), s.version(), s.started(), s.ended(), s.scenarioSha256(), paired[i]);
        }
        h.table(t);
        tables.put("report-run-sets.csv", csv.toString());
        for (int i = 1; i < sets.size(); i++) {
            h.raw("<p class=\"verdict " + (paired[i] ? "ok" : "short") + "\">").text(pairing(i)).raw("</p>\n");
        }
        for (String reversed : reversedPairs()) {
            h.note(reversed);
        }
        for (int i = 0; i < sets.size(); i++) {
            RunSetResults s = sets.get(i);
            if (!s.stop().isEmpty()) {
                h.note(labels.get(i) + " ends runs early (" + s.stop() + "): " + s.stoppedEarly() + " of " + s.runDays().length
                        + " runs stopped before day " + (s.days() - 1) + ". Its shares, counts and durations cover each run up "
                        + "to its stop, so a difference from a set without the stop (or with another) is partly the stop's own, "
                        + "not the scenario's; the survival curves censor stopped runs.");
            }
        }
        Csv.Rows diff = new Csv.Rows("set", "path", "baseline", "value");
        for (int i = 1; i < sets.size(); i++) {
            List<ScenarioDiff.Change> changes = ScenarioDiff.between(sets.get(0).manifest().path("scenario"),
                    sets.get(i).manifest().path("scenario"));
            String label = labels.get(i);
            changes.forEach(c -> diff.row(label, c.path(), c.before(), c.after()));
            h.heading(3, null, "What differs, " + labels.get(i) + " against " + labels.get(0));
            if (changes.isEmpty()) {
                h.paragraph("The resolved scenarios are identical" + (sets.get(0).overrides().equals(sets.get(i).overrides())
                        ? "." : "; the overrides differ only in form."));
                continue;
            }
            Html.Cells c = new Html.Cells(List.of("value (dotted path, or a scripted event)", labels.get(0), labels.get(i)), false, false, false).nowrap(0).cls("diff");
            int shown = 0;
            for (ScenarioDiff.Change ch : changes) {
                if (shown++ >= MAX_CHANGES) {
                    break;
                }
                int from = commonPrefix(ch.before(), ch.after());
                c.row(List.of(ch.path(), clip(ch.before(), from), clip(ch.after(), from)));
            }
            h.table(c);
            if (changes.size() > MAX_CHANGES) {
                h.note(changes.size() + " values differ; all are in report-differences.csv.");
            }
        }
        tables.put("report-differences.csv", diff.toString());
    }

    /** How many outcomes not compared the terminal names before it counts the rest. */
    static final int SAID = 5;

    /** A set's interval as its summary.json gives it: cut at what the outcome's values can take (a day not below 0). */
    private static double[] within(OutcomeSummary o, OutcomeStatistics s) {
        return Intervals.within(o.kind(), o.unit(), s.interval());
    }

    /** A long text shown around where it starts to differ from the other. */
    static String clip(String s, int differsAt) {
        String one = s.replace('\n', ' ');
        if (one.isEmpty()) {
            return Format.NONE;
        }
        int start = differsAt > 60 ? differsAt - 30 : 0;
        String shown = one.substring(Math.min(start, one.length()));
        shown = shown.length() > 90 ? shown.substring(0, 89) + "\u2026" : shown;
        return start > 0 ? "\u2026" + shown : shown;
    }

    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private String pairing(int i) {
        RunSetResults a = sets.get(0);
        RunSetResults b = sets.get(i);
        if (paired[i]) {
            return String.format(Locale.ROOT, "%s and %s share master seed %s and the same %,d run seeds (common random numbers): "
                    + "replication k of each used the same random stream, so their comparison pairs runs by replication "
                    + "(McNemar's exact test for shares, Wilcoxon's signed-rank test for numbers), which removes most run-to-run "
                    + "noise from the differences.", labels.get(0), labels.get(i), a.masterSeed(), a.runCount());
        }
        String why = !a.masterSeed().equals(b.masterSeed())
                ? String.format(Locale.ROOT, "have different master seeds (%s and %s)", a.masterSeed(), b.masterSeed())
                : a.runCount() != b.runCount()
                        ? String.format(Locale.ROOT, "have the same master seed but different numbers of runs (%,d and %,d)",
                                a.runCount(), b.runCount())
                        : "have the same master seed and runs but different run seeds";
        String overlap = a.masterSeed().equals(b.masterSeed()) && a.runCount() != b.runCount()
                ? String.format(Locale.ROOT, " But the first %,d runs of each used the same seeds: the sets are not "
                        + "independent (where the scenarios are alike those runs are the same), so the tests below "
                        + "overstate the noise in the differences and their p-values are too large. Run both with the same "
                        + "number of runs to pair them, or give one another --seed.", Math.min(a.runCount(), b.runCount()))
                : "";
        return String.format(Locale.ROOT, "%s and %s %s: they are compared as independent samples (two-proportion z "
                + "test, or Fisher's exact test when an expected count is below 5, for shares; Mann\u2013Whitney U for "
                + "numbers). Runs with the same master seed and number of runs would be paired (common random numbers).%s",
                labels.get(0), labels.get(i), why, overlap);
    }

    // --- outcome comparison -----------------------------------------------------------------------

    private void outcomes(Page page) throws ReportException {
        Html h = page.section("outcomes", "Outcomes compared");
        h.paragraph("Each outcome in each run set (share of runs with a 95 % Wilson interval, or mean with a 95 % t interval), "
                + "the difference from " + labels.get(0) + " with its 95 % interval, a test of no difference (two-sided p) and an "
                + "effect size: Cohen's h for shares (0.2 small, 0.5 medium, 0.8 large) and the rank-biserial correlation r for "
                + "numbers (share of pairs of runs where the set is higher minus lower; paired sets count the pairs that do not "
                + "differ, so a difference in a few runs of many is near 0). Rows with p < 0.05 are shaded; with many "
                + "outcomes some will be by chance.");
        RunSetResults base = sets.get(0);
        List<String> common = new ArrayList<>();
        for (OutcomeSummary o : base.outcomes()) {
            boolean all = true;
            for (RunSetResults s : sets) {
                all &= s.outcome(o.column()) != null;
            }
            if (all) {
                common.add(o.column());
            }
        }
        // outcomes some sets record and others do not (a pair or a country only one scenario has) are named, not dropped
        Map<String, List<String>> partial = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            for (OutcomeSummary o : sets.get(i).outcomes()) {
                if (!common.contains(o.column())) {
                    partial.computeIfAbsent(o.outcome(), x -> new ArrayList<>()).add(labels.get(i));
                }
            }
        }
        List<Pair> pairs = commonPairs();
        List<String> header = new ArrayList<>(List.of("outcome"));
        header.addAll(labels);
        header.addAll(List.of("compared", "difference (95 % interval)", "test", "p", "effect size"));
        boolean[] numeric = new boolean[header.size()];
        for (int i = 1; i <= sets.size(); i++) {
            numeric[i] = true;
        }
        numeric[sets.size() + 2] = true;
        numeric[sets.size() + 4] = true;
        numeric[sets.size() + 5] = true;
        Html.Cells t = new Html.Cells(header, numeric).nowrap(sets.size() + 1);
        Csv.Rows csv = new Csv.Rows("group", "outcome", "column", "type", "set", "baseline", "paired", "n_baseline", "n_set",
                "value_baseline", "value_set", "difference", "ci95_low", "ci95_high", "test", "p", "effect_measure", "effect", "n_pairs",
                "baseline_ci95_low", "baseline_ci95_high", "set_ci95_low", "set_ci95_high");
        List<String> untested = new ArrayList<>();
        for (RunSetViews.Group g : RunSetViews.groups(base, pairs, common)) {
            t.group(g.pair() == null ? "Region" : RunSetViews.pairTitle(base, g.pair()));
            for (String[] c : g.columns()) {
                OutcomeSummary o = base.outcome(c[0]);
                if (fixedInEverySet(c[0])) {
                    // 100 % in every run of every set by the pair's starting level: nothing to compare or test
                    List<String> row = new ArrayList<>();
                    row.add(o.label());
                    for (RunSetResults set : sets) {
                        row.add("starts " + set.startsThere(set.outcome(c[0])).name());
                    }
                    row.addAll(List.of(Format.NONE, Format.NONE, "none: fixed by the starting level", Format.NONE, Format.NONE));
                    t.row(null, row);
                    double fixedValue = base.outcome(c[0]).mean(); // 1 for a share, 0 days to the level
                    for (int i = 1; i < sets.size(); i++) {
                        csv.row(g.key(), o.outcome(), c[0], o.share() ? "share" : "number", labels.get(i), labels.get(0), paired[i],
                                base.outcome(c[0]).n(), sets.get(i).outcome(c[0]).n(), fixedValue, fixedValue, 0, null, null,
                                "fixed by the starting level", null, null, null, null, null, null, null, null);
                    }
                    continue;
                }
                for (int i = 1; i < sets.size(); i++) {
                    OutcomeComparison cmp = compare(c[0], o.share(), i);
                    List<String> row = new ArrayList<>();
                    row.add(i == 1 ? o.label() : "");
                    for (int j = 0; j < sets.size(); j++) {
                        RelationLevel starts = sets.get(j).startsThere(sets.get(j).outcome(c[0]));
                        row.add(i != 1 ? "" : starts != null ? "starts " + starts.name() : value(sets.get(j).outcome(c[0])));
                    }
                    row.add(labels.get(i) + "\u2212" + labels.get(0));
                    row.add(difference(cmp));
                    row.add(cmp.test());
                    row.add(Format.p(cmp.p()));
                    row.add(Double.isNaN(cmp.effect()) ? Format.NONE : cmp.effectName() + " = " + Format.fixed(cmp.effect(), 2));
                    t.row(cmp.p() < 0.05 ? "sig" : null, row);
                    if (!o.share() && Double.isNaN(cmp.p())) {
                        untested.add(o.outcome() + (sets.size() > 2 ? " (" + labels.get(i) + "\u2212" + labels.get(0) + ")" : ""));
                    }
                    double[] first = within(o, cmp.first());
                    double[] second = within(o, cmp.second());
                    csv.row(g.key(), o.outcome(), c[0], o.share() ? "share" : "number", labels.get(i), labels.get(0), cmp.paired(),
                            cmp.first().n(), cmp.second().n(), cmp.first().mean(), cmp.second().mean(), cmp.difference(),
                            cmp.low(), cmp.high(), cmp.test(), Csv.probability(cmp.p()), cmp.effectName(), cmp.effect(),
                            cmp.paired() ? (Object) cmp.pairs() : null, first[0], first[1], second[0], second[1]);
                }
            }
        }
        h.table(t);
        if (!untested.isEmpty()) {
            h.note("No test and no effect size for " + words(untested) + ": one set or both have no value to compare (a number "
                    + "measured only in the runs where its event happened, with no such run; paired sets, no replication where "
                    + "both have a value; or a measure the scenario does not define, as polarisation needs three countries).");
        }
        if (!partial.isEmpty()) {
            List<String> named = new ArrayList<>();
            partial.forEach((outcome, in) -> named.add(outcome + " (" + String.join(", ", in) + " only)"));
            h.note("Not compared, since not every run set records them (a pair, a country or a measure one scenario has and "
                    + "another lacks): " + words(named) + ".");
            // on the terminal a long list is a wall of text: its count and first few, the page has them all
            warnings.add("not compared, recorded by only some of the run sets: " + (named.size() <= SAID ? String.join(", ", named)
                    : named.size() + " outcomes, such as " + String.join(", ", named.subList(0, SAID))
                    + " (the page lists them all)"));
        }
        tables.put("report-comparison.csv", csv.toString());
    }

    /** A share that every set's pair starts at or below: 1 in every run by construction, in every set. */
    private boolean fixedInEverySet(String column) {
        for (RunSetResults set : sets) {
            OutcomeSummary o = set.outcome(column);
            if (o == null || set.startsThere(o) == null) {
                return false;
            }
        }
        return true;
    }

    private static String value(OutcomeSummary o) {
        if (o == null) {
            return Format.NONE;
        }
        String value = o.share() ? Format.percent(o.mean()) : Format.estimate(o.mean(), o.low(), o.high());
        String interval = Format.interval(o.low(), o.high(), o.share());
        return interval.equals(Format.NONE) ? value : value + " (" + interval + ")";
    }

    static String difference(OutcomeComparison c) {
        if (Double.isNaN(c.difference())) {
            return Format.NONE;
        }
        if (c.share()) {
            return Format.points(c.difference()) + " (" + String.format(Locale.ROOT, "%+.1f to %+.1f", c.low() * 100, c.high() * 100) + ")";
        }
        int d = Format.decimals((c.high() - c.low()) / 2);
        String diff = d < 0 ? Format.signed(c.difference()) : (c.difference() > 0 ? "+" : "") + Format.fixed(c.difference(), d);
        // a paired number is compared over the replications where both sets have a value, which may be fewer than either set's
        boolean fewer = c.paired() && c.pairs() < Math.max(c.first().n(), c.second().n());
        return diff + " (" + Format.interval(c.low(), c.high(), false) + ")" + (fewer ? ", over the " + c.pairs() + (c.pairs() == 1 ? " pair" : " pairs") + " with both" : "");
    }

    /** The comparison of one outcome column between the baseline and set {@code i}. */
    OutcomeComparison compare(String column, boolean share, int i) throws ReportException {
        RunSetResults a = sets.get(0);
        RunSetResults b = sets.get(i);
        double[] x = a.values(column);
        double[] y = b.values(column);
        return paired[i] ? OutcomeComparison.paired(x, y, aligned(a, b, x, y), share) : OutcomeComparison.independent(x, y, share);
    }

    /** The two sets' values of the same replications where both have one. */
    private static double[][] aligned(RunSetResults a, RunSetResults b, double[] x, double[] y) throws ReportException {
        Map<Integer, Integer> rowOf = new HashMap<>();
        int[] rb = b.replications();
        for (int k = 0; k < rb.length; k++) {
            rowOf.put(rb[k], k);
        }
        int[] ra = a.replications();
        double[] p = new double[ra.length];
        double[] q = new double[ra.length];
        int n = 0;
        for (int k = 0; k < ra.length; k++) {
            Integer j = rowOf.get(ra[k]);
            if (j != null && !Double.isNaN(x[k]) && !Double.isNaN(y[j])) {
                p[n] = x[k];
                q[n++] = y[j];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(p, n), java.util.Arrays.copyOf(q, n)};
    }

    /** The pairs a set tracks in the other order from the baseline (BLU-RED for RED-BLU): said, as they are lined up. */
    private List<String> reversedPairs() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < sets.size(); i++) {
            for (Pair p : sets.get(i).turned()) {
                Pair q = new Pair(p.b(), p.a());
                out.add(labels.get(i) + " tracks " + p.key() + ", the pair " + labels.get(0) + " tracks as " + q.key()
                        + ": its outcomes are compared as " + q.key() + "'s (a pair's outcomes are the same either way),"
                        + " and its charts show " + q.a() + "'s grievance against " + q.b() + " as " + labels.get(0) + "'s do.");
            }
        }
        return out;
    }

    private List<Pair> commonPairs() {
        List<Pair> out = new ArrayList<>();
        for (Pair p : sets.get(0).pairs()) {
            boolean all = true;
            for (RunSetResults s : sets) {
                all &= s.pairs().contains(p);
            }
            if (all) {
                out.add(p);
            }
        }
        return out;
    }

    // --- overlaid charts ----------------------------------------------------------------------

    /** The two lowest levels, as ensemble.csv's shares of runs give them (the levels of the result files). */
    private static final String SEVERED = RelationLevel.SEVERED.name();
    private static final String DOWNGRADED = RelationLevel.DOWNGRADED.name();

    /** "a, b and c". */
    static String words(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private void pairs(Page page) throws ReportException {
        Html h = page.section("pairs", "Tracked pairs overlaid");
        List<Pair> pairs = commonPairs();
        if (pairs.isEmpty()) {
            h.note("The run sets track no pair in common.");
            warnings.add("the run sets track no pair in common: no overlaid charts");
            return;
        }
        List<String> events = new ArrayList<>();
        for (Pair p : pairs) {
            RunSetViews.times(sets.get(0), p).stream().map(OutcomeSummary::event).filter(e -> !events.contains(e))
                    .forEach(events::add);
        }
        h.paragraph("For each pair all sets track: grievance fan charts (median and middle 50 % of runs) of each set overlaid, "
                + "the share of runs at " + RelationLevel.SEVERED.name() + " on each day"
                + (events.isEmpty() ? "" : ", and Kaplan\u2013Meier curves of the time to " + words(events))
                + ", with the log-rank test of " + labels.get(0) + " against each other set"
                + (anyPaired() ? " (a test for independent samples: it does not use the pairing of sets run on the same "
                        + "seeds, so for them its p-value tends to be larger than a paired test's would be)" : "") + ".");
        List<Map<Pair, PairEnsemble>> ensembles = new ArrayList<>();
        for (RunSetResults s : sets) {
            ensembles.add(s.ensemble());
        }
        double horizon = sets.stream().mapToInt(RunSetResults::days).max().orElse(1);
        String dayLabel = RunSetViews.dayLabel(sets.get(0).start());
        Csv.Rows km = new Csv.Rows("pair", "event", "set", "runs", "observed", "share_by_horizon", "ci95_low", "ci95_high",
                "median_day", "logrank_vs_baseline_chi2", "logrank_p");
        for (Pair p : pairs) {
            h.heading(3, "pair-" + ReportOutput.safeName(p.key()), RunSetViews.pairTitle(sets.get(0), p));
            h.open("div", "grid2");
            for (int dir = 0; dir < 2; dir++) {
                List<LineCharts.Band> bands = new ArrayList<>();
                for (int i = 0; i < sets.size(); i++) {
                    PairEnsemble e = ensembles.get(i).get(p);
                    if (e == null) {
                        continue;
                    }
                    double[][] q = dir == 0 ? e.ab() : e.ba();
                    bands.add(new LineCharts.Band(legend(i), ChartStyle.colour(i), RunSetReport.toDouble(e.day()), q[2], q[1], q[3], null, null));
                }
                if (bands.isEmpty()) {
                    continue;
                }
                String who = dir == 0 ? p.a() + " against " + p.b() : p.b() + " against " + p.a();
                JFreeChart fan = LineCharts.fan("Grievance of " + who, dayLabel, "grievance", bands, horizon);
                h.figure("fan-" + p.key() + (dir == 0 ? "-ab" : "-ba"), svg.render(fan, 560, 330, "Grievance of " + who,
                        ChartHover.fan(sets.get(0).start(), bands)), null, null);
            }
            List<LineCharts.Line> low = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                PairEnsemble e = ensembles.get(i).get(p);
                if (e != null) {
                    double[] x = RunSetReport.toDouble(e.day());
                    double[] severed = e.share()[RelationLevel.SEVERED.ordinal()];
                    double[] atMostDowngraded = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        atMostDowngraded[k] = severed[k] + e.share()[RelationLevel.DOWNGRADED.ordinal()][k];
                    }
                    low.add(new LineCharts.Line(legend(i) + " " + SEVERED, ChartStyle.colour(i), x, severed, null, null, false));
                    low.add(new LineCharts.Line(legend(i) + " " + DOWNGRADED + " or below", ChartStyle.colour(i), x, atMostDowngraded,
                            null, null, true));
                }
            }
            if (!low.isEmpty()) {
                org.jfree.chart.axis.NumberAxis y = new org.jfree.chart.axis.NumberAxis("share of runs");
                y.setRange(0, 1.0001);
                y.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
                JFreeChart c = LineCharts.lines("Runs at " + SEVERED + " and at " + DOWNGRADED + " or below, " + p.key(), dayLabel,
                        y, low, horizon, false);
                h.figure("severed-" + p.key(), svg.render(c, 560, 330, "Share severed " + p.key(),
                        ChartHover.of("day", sets.get(0).start(), true, false, low, "")),
                        "Share of runs at " + SEVERED + " (solid) and at " + DOWNGRADED + " or below (dashed) on each day.", null);
            }
            Html.Cells t = new Html.Cells(List.of("time to", "set", sets.stream().mapToInt(RunSetResults::days).distinct().count() == 1
                    ? "by day " + ((int) horizon - 1) + ", the last" : "by each set's last day", "median day",
                    "log-rank p vs " + labels.get(0)), false, false, true, true, true);
            for (OutcomeSummary tt : RunSetViews.times(sets.get(0), p)) {
                List<LineCharts.Line> curves = new ArrayList<>();
                double[] t0 = null;
                boolean[] e0 = null;
                for (int i = 0; i < sets.size(); i++) {
                    RunSetResults s = sets.get(i);
                    double[] d = s.outcome(tt.column()) == null ? null : s.values(tt.column());
                    if (d == null) {
                        continue;
                    }
                    double[] runDays = s.runDays();
                    double[] time = KaplanMeier.times(d, runDays);
                    boolean[] ev = KaplanMeier.observed(d);
                    KaplanMeier k = KaplanMeier.of(time, ev);
                    curves.add(LineCharts.survivalLine(legend(i), ChartStyle.colour(i), k, s.days(), false, false));
                    String lr = Format.NONE;
                    double chi = Double.NaN;
                    double pv = Double.NaN;
                    if (i == 0) {
                        t0 = time;
                        e0 = ev;
                    } else if (t0 != null && sets.get(0).startsThere(tt) == null && s.startsThere(tt) == null) {
                        LogRank l = LogRank.test(t0, e0, time, ev);
                        chi = l.chiSquared();
                        pv = l.p();
                        lr = Format.p(pv);
                    }
                    double[] by = RunSetReport.byHorizon(k, d, runDays, s.days());
                    RelationLevel starts = s.startsThere(tt);
                    t.row(List.of(i == 0 ? tt.event() : "", labels.get(i), starts != null ? "starts " + starts.name() : Double.isNaN(by[0])
                            ? "not estimable (no run followed past day " + RunSetReport.lastFollowedDay(runDays) + ")"
                            : Format.percent(by[0]), Format.number(k.median()), lr));
                    km.row(p.key(), tt.event(), labels.get(i), k.n(), k.observed(), by[0], by[1], by[2], k.median(), chi,
                            Csv.probability(pv));
                }
                if (curves.size() > 0) {
                    JFreeChart c = LineCharts.survival("Time to " + tt.event() + ", " + p.key(), dayLabel, curves, horizon);
                    h.figure("survival-" + tt.event() + "-" + p.key(), svg.render(c, 560, 330, "Time to " + tt.event() + " " + p.key(),
                            ChartHover.of("day", sets.get(0).start(), true, true, curves, "95 %")),
                            "Kaplan\u2013Meier: runs in which the " + tt.event() + " has not happened yet.", null);
                }
            }
            h.close("div");
            h.table(t);
        }
        tables.put("report-time-to-event.csv", km.toString());
    }

    // --- convergence per set ----------------------------------------------------------------------

    private void convergence(Page page) throws ReportException {
        Html h = page.section("convergence", "Convergence");
        h.paragraph(String.format(Locale.ROOT, "Whether each set's replications were enough for its headline estimates at the "
                + "stated precision (\u00b1%s on shares, \u00b1%s %% of the mean on numbers). Run crisis report on a single "
                + "directory for the running-estimate charts.", Format.number(options.precision()),
                Format.number(options.relativePrecision() * 100)));
        Html.Cells t = new Html.Cells(List.of("set", "outcome", "estimate", "\u00b1 now", "verdict"), false, false, true, true, false);
        Csv.Rows csv = new Csv.Rows("set", "outcome", "column", "type", "n", "estimate", "ci95_half_width", "target_half_width",
                "enough", "replications_needed");
        List<String> fixed = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            RunSetResults s = sets.get(i);
            for (String column : RunSetViews.headline(s)) {
                OutcomeSummary o = s.outcome(column);
                if (s.startsThere(o) != null) {
                    fixed.add(labels.get(i) + " " + RunSetViews.title(s, column));
                    continue; // 100 % by the pair's starting level: not an estimate to judge (the run set's report says so)
                }
                double[] v = ordered(s, column);
                Convergence c = Convergence.of(column, v, o.share(),
                        o.share() ? options.precision() : options.relativePrecision(), 50, o.relativeScale());
                t.row(c.enough() ? null : "sig", List.of(labels.get(i), RunSetViews.title(s, column),
                        o.share() ? Format.percent(c.finalMean()) : Format.number(c.finalMean()), Format.number(c.halfWidth()),
                        Format.verdict(c)));
                csv.row(labels.get(i), o.outcome(), column, o.share() ? "share" : "number", c.n(), c.finalMean(), c.halfWidth(),
                        c.targetHalfWidth(), c.enough(), c.needed());
            }
        }
        h.table(t);
        if (!fixed.isEmpty()) {
            h.note("Not judged, being 100 % by the pair's starting level rather than estimated: " + String.join("; ", fixed) + ".");
        }
        tables.put("report-convergence.csv", csv.toString());
    }

    static double[] ordered(RunSetResults s, String column) throws ReportException {
        int[] rep = s.replications();
        double[] raw = s.values(column);
        Integer[] idx = new Integer[rep.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = k;
        }
        java.util.Arrays.sort(idx, (x, y) -> Integer.compare(rep[x], rep[y]));
        double[] v = new double[raw.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = raw[idx[k]];
        }
        return v;
    }

    private void methods(Page page) {
        Html h = page.section("methods", "How to read this comparison");
        h.notes(List.of(
                "Independent sets: difference of shares with Newcombe's hybrid score interval; test: pooled two-proportion z test, or Fisher's exact test when an expected cell count is below 5. Difference of means with Welch's t interval; test: Mann\u2013Whitney U (normal approximation with tie and continuity corrections, exact for small samples without ties).",
                "Paired sets (common random numbers): McNemar's exact test on the runs where the two sets disagree, with Agresti and Min's adjusted Wald interval of the paired difference (a half added to each cell of the pairs' table, so never of zero width); numbers: paired t interval of the mean difference, Wilcoxon signed-rank test (zero differences dropped).",
                "Effect sizes: Cohen's h = 2 asin \u221ap\u2082 \u2212 2 asin \u221ap\u2081 for shares; rank-biserial r for numbers (matched-pairs r when paired, pairs that do not differ counting, Pratt 1959), from \u22121 (always lower) to +1 (always higher).",
                "Durations (days to ...) are compared over the runs where the event happened; the survival curves and log-rank tests include the others as censored, which is the fairer comparison of timing.",
                "p-values are not adjusted for the many outcomes compared.",
                "Every table is also written as CSV beside this file (report-*.csv)."));
    }
}

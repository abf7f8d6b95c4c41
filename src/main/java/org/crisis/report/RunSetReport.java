package org.crisis.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisis.io.Columns;
import org.crisis.io.Csv;
import org.crisis.stats.Convergence;
import org.crisis.stats.Intervals;
import org.crisis.stats.KaplanMeier;
import org.crisis.stats.VarianceComponents;
import org.jfree.chart.JFreeChart;

/** The report of one run set: header, outcomes, per-pair charts, network, representative run, convergence. */
final class RunSetReport implements ReportKind {
    private static final int MAX_CHAIN_ROWS = 60;
    private final RunSetResults set;
    private final ReportOptions options;
    private final Svg svg;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    RunSetReport(RunSetResults set, ReportOptions options, Svg svg) {
        this.set = set;
        this.options = options;
        this.svg = svg;
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
    public String kind() {
        return "run set";
    }

    @Override
    public Page build() throws ReportException {
        for (int d : options.days()) {
            if (d >= set.days()) {
                throw new ReportException("--days " + d + " lies beyond the horizon: the runs of " + set.directory()
                        + " last " + set.days() + " days, 0 to " + (set.days() - 1));
            }
        }
        Page page = new Page("Crisis report \u00b7 run set", set.name());
        overview(page);
        outcomes(page);
        parametersAndChance(page);
        pairs(page);
        int median = RepresentativeRun.choose(set);
        int run = chooseRun(median);
        if (run >= 0) {
            // every run the page shows, read in one pass over each file
            List<Replay.Choice> choices = Replay.choices(set, run, options.run() != null, median);
            List<Integer> runs = choices.stream().map(Replay.Choice::run).toList();
            Map<Integer, List<EventRecord>> events = set.events(runs);
            Map<Integer, Map<Pair, RunTrajectory>> trajectories = set.trajectories(runs);
            network(page, run, events.get(run), trajectories.get(run));
            replay(page, choices, events, trajectories);
            representative(page, run, events.get(run), trajectories.get(run));
        } else {
            warnings.add(set.directory() + " has no kept runs: network, timeline and cause chains left out");
            page.section("network", "Regional network").note(
                    "No run of this set was kept (crisis run --keep none), so there are no events or trajectories to draw the network and a representative run from.");
        }
        convergence(page);
        methods(page);
        page.script();
        return page;
    }

    @Override
    public String lead() {
        return String.format(Locale.ROOT, "%s of %s over %s%s.", RunSetViews.plural(set.runCount(), "replication"),
                set.name(), RunSetViews.plural(set.days(), "day"), set.start().isEmpty() ? "" : " from " + set.start());
    }

    // --- header -----------------------------------------------------------------------------

    private void overview(Page page) {
        Html h = page.section("overview", "Run set");
        h.raw("<div class=\"table\"><table class=\"facts\"><tbody>\n");
        fact(h, "Scenario", set.name());
        fact(h, "Replications", String.format(Locale.ROOT, "%,d (events and trajectories kept for the first %,d)",
                set.runCount(), set.keptAvailable()));
        fact(h, "Horizon", set.days() + " days" + (set.start().isEmpty() ? "" : ", from " + set.start() + endDate()));
        if (!set.stop().isEmpty()) {
            fact(h, "Early stop", set.stop());
        }
        fact(h, "Seeds", "master seed " + set.masterSeed() + (set.seedRule().isEmpty() ? "" : "; " + set.seedRule()));
        fact(h, "Tool", "crisis " + set.version());
        fact(h, "Run", timestamp(set.started()) + " to " + timestamp(set.ended()));
        fact(h, "Command", String.join(" ", set.command()));
        if (!set.overrides().isEmpty()) {
            fact(h, "Overrides", String.join(", ", set.overrides()));
        }
        fact(h, "Scenario SHA-256", set.scenarioSha256());
        fact(h, "Results directory", set.directory().toAbsolutePath().normalize().toString());
        fact(h, "Countries", set.countries().size() + ": " + String.join(", ",
                set.countries().stream().map(c -> c.id().equals(c.name()) ? c.id() : c.id() + " " + c.name()).toList()));
        h.raw("</tbody></table></div>\n");
        if (!set.description().isBlank()) {
            h.element("div", "description", set.description().strip());
        }
        List<RunSetResults.Scripted> scripted = set.scripted();
        if (!scripted.isEmpty()) {
            Html.Cells t = new Html.Cells(List.of("day", "date", "actor", "target", "event", "weight \u03b3", "severity"),
                    true, false, false, false, false, true, true);
            for (RunSetResults.Scripted e : scripted) {
                t.row(List.of(Integer.toString(e.day()), date(e.day()), e.actor(), e.target(),
                        e.label().isEmpty() ? e.type() : e.type() + " (" + e.label() + ")",
                        Double.isNaN(e.gamma()) ? "its type's" : Format.number(e.gamma()),
                        Double.isNaN(e.severity()) ? Format.NONE : Format.number(e.severity())));
            }
            h.heading(3, null, "Scripted events");
            h.table(t);
        }
    }

    /** " to" the date of the last day simulated, day {@code days − 1}; empty without a start date. */
    private String endDate() {
        String end = date(Math.max(0, set.days() - 1));
        return end.isEmpty() ? "" : " to " + end;
    }

    /** The calendar date of a day, or empty. */
    String date(int day) {
        try {
            return set.start().isEmpty() ? "" : LocalDate.parse(set.start()).plusDays(day).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** An ISO instant to the second: {@code 2026-11-26 23:47:04 UTC}. */
    static String timestamp(String iso) {
        try {
            return java.time.Instant.parse(iso).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    .replace('T', ' ').replace("Z", " UTC");
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static void fact(Html h, String name, String value) {
        h.raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>\n");
    }

    // --- outcomes ---------------------------------------------------------------------------

    private void outcomes(Page page) {
        Html h = page.section("outcomes", "Outcomes");
        h.paragraph("Share of runs (with a 95 % Wilson interval) or mean (with a 95 % Student-t interval), and the spread "
                + "over runs: median with the 5 % and 95 % quantiles. Durations count only the runs where the event happened; "
                + "the survival curves below include the others as censored.");
        if (set.outcomes().stream().anyMatch(o -> o.spread() != null)) {
            h.note("Each run drew one parameter set of a calibration's ensemble, so a share or mean here is the forecast "
                    + "averaged over the sets, and its interval the chance error of that average alone: it does not widen "
                    + "with the sets' disagreement. How far the sets' own expectations lie apart, and how much of the "
                    + "spread they explain, is under Parameters and chance.");
        }
        if (!set.stop().isEmpty()) {
            h.note("This scenario ends a run early (" + set.stop() + "): " + set.stoppedEarly() + " of " + set.runDays().length
                    + " runs stopped before day " + (set.days() - 1) + ". A share here counts what happened before each run "
                    + "stopped, not by the horizon, and its interval is for that share. What a stopped run would have done "
                    + "next is not known: the survival curves below censor it at its stop, and say where that leaves too "
                    + "little to estimate.");
        }
        Csv.Rows csv = new Csv.Rows("group", "outcome", "column", "type", "n", "missing", "mean", "sd", "ci95_low", "ci95_high",
                "q05", "q25", "q50", "q75", "q95");
        Html.Cells t = new Html.Cells(List.of("outcome", "share or mean", "95 % interval", "median (5 % to 95 %)", "runs with a value"),
                false, true, true, true, true);
        List<String> columns = set.outcomes().stream().map(OutcomeSummary::column).toList();
        for (RunSetViews.Group g : RunSetViews.groups(set, set.pairs(), columns)) {
            t.group(g.pair() == null ? "Region" : RunSetViews.pairTitle(set, g.pair()));
            for (String[] c : g.columns()) {
                OutcomeSummary o = set.outcome(c[0]);
                RelationLevel starts = set.startsThere(o);
                boolean constant = !o.share() && o.n() > 1 && o.sd() == 0;
                t.row(List.of(
                        set.outcome(c[0]).label(),
                        starts != null ? "starts " + starts.name()
                                : o.share() ? Format.percent(o.mean()) : Format.estimate(o.mean(), o.low(), o.high()),
                        starts != null ? "(not an estimate)" : constant ? "(the same in every run)"
                                : Format.interval(o.low(), o.high(), o.share()),
                        o.share() ? Format.NONE : Format.spread(o.q50(), o.q05(), o.q95()),
                        o.n() + (o.missing() > 0 ? " of " + (o.n() + o.missing()) : "")));
                csv.row(g.key(), o.outcome(), o.column(), o.share() ? "share" : "number", o.n(), o.missing(), o.mean(),
                        o.sd(), o.low(), o.high(), o.q05(), o.q25(), o.q50(), o.q75(), o.q95());
            }
        }
        h.table(t);
        tables.put("report-outcomes.csv", csv.toString());
        thirdParties(h);
    }

    /** The last day any run was followed to (its days run, less one). */
    static int lastFollowedDay(double[] runDays) {
        double last = 0;
        for (double d : runDays) {
            last = Math.max(last, d);
        }
        return (int) last - 1;
    }

    /**
     * The share of runs in which the event happened by the horizon ({@code days} − 1) and its 95 %
     * interval, {share, low, high}; all NaN where no run was followed that far and the survival curve
     * has not reached 0, since past the last day followed it says nothing.
     */
    static double[] byHorizon(KaplanMeier k, double[] daysTo, double[] runDays, int days) {
        double s = k.at(days);
        if (s > 0 && lastFollowedDay(runDays) < days - 1) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] ci = happenedInterval(k, daysTo, runDays, days);
        return new double[] {1 - s, ci[0], ci[1]};
    }

    /** The lowest and highest mean of an outcome over the runs of one parameter set; NaN without the sets' column. */
    static double[] setMeans(double[] sets, double[] values) {
        if (sets == null || values == null || sets.length != values.length) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Map<Double, double[]> bySet = new java.util.HashMap<>();
        for (int i = 0; i < sets.length; i++) {
            if (!Double.isNaN(sets[i]) && !Double.isNaN(values[i])) {
                double[] sum = bySet.computeIfAbsent(sets[i], k -> new double[2]);
                sum[0] += values[i];
                sum[1]++;
            }
        }
        double low = Double.NaN;
        double high = Double.NaN;
        for (double[] sum : bySet.values()) {
            double mean = sum[0] / sum[1];
            low = Double.isNaN(low) ? mean : Math.min(low, mean);
            high = Double.isNaN(high) ? mean : Math.max(high, mean);
        }
        return new double[] {low, high};
    }

    /**
     * With parameter sets drawn from a calibration's ensemble ({@code crisis run
     * --parameters-from}): how much of each outcome's spread over runs the sets explain, and how
     * much chance does (summary.json {@code spread}).
     */
    private void parametersAndChance(Page page) {
        if (set.outcomes().stream().noneMatch(o -> o.spread() != null)) {
            return;
        }
        Html h = page.section("spread", "Parameters and chance");
        h.paragraph("Each run drew one parameter set of the calibration's ensemble. An outcome's spread over runs is split "
                + "into what the parameter sets explain (the variance of the outcomes the sets expect) and what chance does "
                + "(the variance among runs of one set), by the one-way random-effects analysis of variance; the p-value tests "
                + "whether the sets expect the same at all, by shuffling the runs' sets (" + VarianceComponents.PERMUTATIONS
                + " times, " + VarianceComponents.FEW_PERMUTATIONS + " for an outcome with more than "
                + String.format(Locale.ROOT, "%,d", VarianceComponents.MANY_RUNS) + " runs with a value; valid for rare and"
                + " discrete outcomes, and never below 1 in " + (VarianceComponents.PERMUTATIONS + 1) + ", or 1 in "
                + (VarianceComponents.FEW_PERMUTATIONS + 1) + "). A large share for the sets means the forecast depends on "
                + "parameters history does not pin down; a small one, that it is chance within any acceptable set. Where the"
                + " test cannot tell the sets apart (p above 0.05) the share, an estimate, is marked so.");
        Csv.Rows csv = new Csv.Rows("group", "outcome", "column", "sets", "variance_parameters", "variance_chance",
                "parameters_share", "p_value", "set_mean_lowest", "set_mean_highest");
        Html.Cells t = new Html.Cells(List.of("outcome", "variance", "from the parameter sets", "from chance", "p (sets alike)",
                "the sets' own, lowest to highest"), false, true, true, true, true, true);
        double[] drawn = set.values("parameter_set");
        List<String> columns = set.outcomes().stream().map(OutcomeSummary::column).toList();
        for (RunSetViews.Group g : RunSetViews.groups(set, set.pairs(), columns)) {
            boolean started = false;
            for (String[] c : g.columns()) {
                OutcomeSummary o = set.outcome(c[0]);
                OutcomeSummary.Spread s = o.spread();
                if (s == null || Double.isNaN(s.share())) {
                    continue; // no value, or one that does not vary
                }
                if (!started) {
                    t.group(g.pair() == null ? "Region" : RunSetViews.pairTitle(set, g.pair()));
                    started = true;
                }
                double[] range = setMeans(drawn, set.values(c[0]));
                String share = Format.percent(s.share()) + (s.pValue() > 0.05 ? " (sets not told apart)" : "");
                t.row(List.of(o.label(), Format.number(s.parameters() + s.chance()), share,
                        Format.percent(1 - s.share()), Format.p(s.pValue()), Double.isNaN(range[0]) ? Format.NONE
                                : o.share() ? Format.percent(range[0]) + " to " + Format.percent(range[1])
                                : Format.number(range[0]) + " to " + Format.number(range[1])));
                csv.row(g.key(), o.outcome(), o.column(), s.sets(), s.parameters(), s.chance(), s.share(), Csv.probability(s.pValue()),
                        range[0], range[1]);
            }
        }
        h.table(t);
        tables.put("report-spread.csv", csv.toString());
    }

    /** The outcomes of one country (summary.json scope {@code country}: what third parties did about it), per country. */
    private void thirdParties(Html h) {
        Map<String, OutcomeSummary> measures = new LinkedHashMap<>();
        Map<String, OutcomeSummary> byCountry = new LinkedHashMap<>();
        for (OutcomeSummary o : set.outcomes()) {
            if (o.scope().equals("country")) {
                measures.putIfAbsent(o.measure(), o);
                byCountry.put(o.measure() + ":" + o.country(), o);
            }
        }
        List<String> header = new ArrayList<>(List.of("country", "name"));
        List<String> shown = new ArrayList<>(List.of("country", "name"));
        List<String> named = new ArrayList<>();
        for (OutcomeSummary m : measures.values()) {
            String column = Columns.of(m.measure());
            header.addAll(List.of(column + "_mean", column + "_ci95_low", column + "_ci95_high"));
            shown.addAll(List.of(m.shortLabel() + " (mean)", "95 % interval"));
            named.add(m.shortLabel() + " (" + m.measure() + ")");
        }
        List<String[]> rows = new ArrayList<>();
        Csv.Rows csv = new Csv.Rows(header);
        for (RunSetResults.Country c : set.countries()) {
            List<String> row = new ArrayList<>(List.of(c.id(), c.name()));
            List<Object> cells = new ArrayList<>(List.of(c.id(), c.name()));
            boolean any = false;
            for (String m : measures.keySet()) {
                OutcomeSummary o = byCountry.get(m + ":" + c.id());
                any |= o != null;
                row.add(o == null ? Format.NONE : Format.estimate(o.mean(), o.low(), o.high()));
                row.add(o == null ? Format.NONE : Format.interval(o.low(), o.high(), false));
                cells.addAll(List.of(o == null ? Double.NaN : o.mean(), o == null ? Double.NaN : o.low(),
                        o == null ? Double.NaN : o.high()));
            }
            if (!any) {
                continue;
            }
            rows.add(row.toArray(String[]::new));
            csv.row(cells.toArray());
        }
        if (rows.isEmpty()) {
            return;
        }
        h.heading(3, null, "Third parties");
        h.paragraph("Mean number per run, with its 95 % interval, of the " + String.join(" and the ", named) + ".");
        boolean[] numeric = new boolean[shown.size()];
        for (int k = 2; k < numeric.length; k++) {
            numeric[k] = true;
        }
        Html.Cells t = new Html.Cells(shown, numeric);
        rows.forEach(r -> t.row(List.of(r)));
        h.table(t);
        tables.put("report-third-parties.csv", csv.toString());
    }

    // --- per pair: fan chart, level shares, survival -----------------------------------------

    private void pairs(Page page) throws ReportException {
        Html h = page.section("pairs", "Tracked pairs");
        Map<Pair, PairEnsemble> ensemble = set.ensemble();
        if (ensemble.isEmpty() && set.hasEnsemble()) {
            h.note("The run set tracks no pair (its ensemble.csv has no rows): no fan charts or level shares.");
        } else if (ensemble.isEmpty()) {
            h.note("No ensemble.csv in the results directory: fan charts and level shares are left out.");
            warnings.add(set.directory() + " has no ensemble.csv: fan charts and level shares left out");
        } else {
            h.paragraph("Grievance of each side against the other over all runs: the line is the median run on each day, "
                    + "the dark band holds the middle 50 % of runs and the light band 90 %. Beside it, the share of runs at each "
                    + "level on each day.");
        }
        Csv.Rows survivalCsv = new Csv.Rows("pair", "event", "day", "at_risk", "events", "survival", "ci95_low", "ci95_high");
        Csv.Rows kmCsv = new Csv.Rows("pair", "event", "runs", "observed", "share_by_horizon", "ci95_low", "ci95_high", "median_day");
        double[] runDays = set.runDays();
        String dayLabel = RunSetViews.dayLabel(set.start());
        for (Pair p : set.pairs()) {
            h.heading(3, "pair-" + ReportOutput.safeName(p.key()), RunSetViews.pairTitle(set, p));
            PairEnsemble e = ensemble.get(p);
            h.open("div", "grid2");
            if (e != null) {
                double[] x = toDouble(e.day());
                List<LineCharts.Band> bands = List.of(
                        new LineCharts.Band(p.a() + " against " + p.b(), ChartStyle.colour(0), x, e.ab()[2], e.ab()[1], e.ab()[3], e.ab()[0], e.ab()[4]),
                        new LineCharts.Band(p.b() + " against " + p.a(), ChartStyle.colour(1), x, e.ba()[2], e.ba()[1], e.ba()[3], e.ba()[0], e.ba()[4]));
                JFreeChart fan = LineCharts.fan("Grievance, " + p.key(), dayLabel, "grievance", bands, set.days());
                h.figure("fan-" + p.key(), svg.render(fan, 560, 340, "Grievance fan chart " + p.key(), ChartHover.fan(set.start(), bands)),
                        "Median and 50 % / 90 % bands over " + RunSetViews.plural(set.runCount(), "run") + ".", null);
                JFreeChart levels = LineCharts.levelShares("Level, " + p.key(), dayLabel, e.day(), e.share());
                h.figure("levels-" + p.key(), svg.render(levels, 560, 340, "Level shares " + p.key(),
                        ChartHover.levelShares(set.start(), e.day(), e.share())),
                        "Share of runs at each level on each day.", null);
            }
            h.close("div");
            List<LineCharts.Line> curves = new ArrayList<>();
            Html.Cells km = new Html.Cells(List.of("time to", "happened in", "by day " + (set.days() - 1) + ", the last (95 % interval)",
                    "median day"), false, true, true, true);
            List<String> events = new ArrayList<>();
            for (OutcomeSummary tt : RunSetViews.times(set, p)) {
                double[] d = set.values(tt.column());
                if (d == null) {
                    continue;
                }
                events.add(tt.event());
                KaplanMeier k = KaplanMeier.ofDurations(d, runDays);
                curves.add(LineCharts.survivalLine(tt.event(), RunSetViews.colour(tt), k, set.days(), true, false));
                double[] by = byHorizon(k, d, runDays, set.days());
                RelationLevel starts = set.startsThere(tt);
                km.row(List.of(tt.event(), k.observed() + " of " + k.n() + " runs",
                        starts != null ? "starts " + starts.name() + " (not an estimate)"
                                : !Double.isNaN(by[0]) ? Format.percent(by[0]) + " (" + Format.interval(by[1], by[2], true) + ")"
                                : "not estimable: no run followed past day " + lastFollowedDay(runDays),
                        Format.number(k.median())));
                kmCsv.row(p.key(), tt.event(), k.n(), k.observed(), by[0], by[1], by[2], k.median());
                for (int i = 0; i < k.time().length; i++) {
                    survivalCsv.row(p.key(), tt.event(), k.time()[i], k.atRisk()[i], k.events()[i], k.survival()[i], k.low()[i], k.high()[i]);
                }
            }
            if (!curves.isEmpty()) {
                h.open("div", "grid2");
                JFreeChart sc = LineCharts.survival("Time to " + String.join(", ", events) + ", " + p.key(), dayLabel, curves,
                        set.days());
                h.figure("survival-" + p.key(), svg.render(sc, 560, 340, "Survival curves " + p.key(),
                        ChartHover.survival(set.start(), curves)),
                        "Kaplan\u2013Meier: share of runs in which the event has not happened by each day, with 95 % bands; "
                                + "runs that end without it are censored at their last day.", null);
                h.open("div", null).table(km);
                h.note("Kaplan\u2013Meier estimates: \u201cby day " + (set.days() - 1) + "\u201d is the share of runs in which the event "
                        + "happened within the horizon (days 0 to " + (set.days() - 1) + "), counting runs cut short as censored"
                        + (set.stop().isEmpty() ? "" : " (which assumes a run that stopped would have gone on like those that "
                                + "did not; an early stop picks the runs it ends by what happened in them, so read these as "
                                + "the runs that had not stopped)")
                        + "; the median day "
                        + "is when half the runs have seen it (\u2013 if fewer than half do). Day 0 counts both a pair already there at "
                        + "the start and one that got there on the first day.");
                h.close("div");
                h.close("div");
            }
        }
        tables.put("report-survival.csv", survivalCsv.toString());
        tables.put("report-time-to-event.csv", kmCsv.toString());
    }

    /** How many replications the short estimates need, said only of those with a figure (one run gives numbers no spread). */
    static String neededForAll(List<Convergence> all) {
        List<Convergence> shortOnes = all.stream().filter(c -> !c.enough()).toList();
        List<Convergence> known = shortOnes.stream().filter(c -> !Double.isNaN(c.needed()) && !Double.isInfinite(c.needed())).toList();
        long most = (long) known.stream().mapToDouble(Convergence::needed).max().orElse(0);
        if (known.isEmpty()) {
            return "too few replications to say how many would do";
        }
        return known.size() == shortOnes.size() ? String.format(Locale.ROOT, "about %,d replications would do for all of them", most)
                : String.format(Locale.ROOT, "about %,d replications would do for the %d of them with a spread to judge by; for the other %d,"
                        + " too few replications to say", most, known.size(), shortOnes.size() - known.size());
    }

    /**
     * The 95 % interval of the share of runs in which the event happened by day {@code t}: from
     * the Kaplan–Meier band where the estimate lies inside (0, 1); where it is 0 or 1 the log-log
     * band has no width, and the share is a plain count among the runs followed to {@code t}
     * (those that had the event, or ran to {@code t} without it), so its Wilson interval.
     */
    static double[] happenedInterval(KaplanMeier k, double[] daysTo, double[] runDays, double t) {
        double s = k.at(t);
        if (s > 0 && s < 1) {
            return new double[] {1 - highAt(k, t), 1 - lowAt(k, t)};
        }
        int followed = 0;
        for (int i = 0; i < daysTo.length; i++) {
            if (!Double.isNaN(daysTo[i]) || runDays[i] >= t) {
                followed++;
            }
        }
        return Intervals.wilson(s == 0 ? followed : 0, followed);
    }

    static double lowAt(KaplanMeier k, double t) {
        double v = 1;
        for (int i = 0; i < k.time().length && k.time()[i] <= t; i++) {
            v = k.low()[i];
        }
        return v;
    }

    static double highAt(KaplanMeier k, double t) {
        double v = 1;
        for (int i = 0; i < k.time().length && k.time()[i] <= t; i++) {
            v = k.high()[i];
        }
        return v;
    }

    static double[] toDouble(int[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    // --- representative run: network and timeline ---------------------------------------------

    /** The run --run asks for, else the representative run ({@code median}); -1 if none was kept. */
    private int chooseRun(int median) throws ReportException {
        if (options.run() != null) {
            int k = options.run();
            if (k < 0 || k >= set.keptAvailable()) {
                throw new ReportException(set.notKept(k));
            }
            return k;
        }
        return median;
    }

    private int runDays(int run) {
        double[] d = set.runDays();
        try {
            int[] rep = set.replications();
            for (int i = 0; i < rep.length; i++) {
                if (rep[i] == run && !Double.isNaN(d[i])) {
                    return (int) d[i];
                }
            }
        } catch (ReportException e) {
            // fall through to the horizon
        }
        return set.days();
    }

    /** The last day run {@code run} simulated (runs.csv {@code days} counts days 0 to days - 1), within the horizon. */
    private int lastDay(int run) {
        return Math.max(0, Math.min(set.days(), runDays(run)) - 1);
    }

    private void replay(Page page, List<Replay.Choice> choices, Map<Integer, List<EventRecord>> events,
            Map<Integer, Map<Pair, RunTrajectory>> trajectories) throws ReportException {
        Map<Integer, Replay.RunData> data = new LinkedHashMap<>();
        for (Replay.Choice c : choices) {
            int k = c.run();
            data.put(k, new Replay.RunData(k, lastDay(k), events.get(k), trajectories.get(k)));
        }
        String json = Replay.json(set, BlocLayout.order(set.countries()), choices, data);
        Replay.section(page, set, choices, data, json, tables);
    }

    private void network(Page page, int run, List<EventRecord> events, Map<Pair, RunTrajectory> trajectories) {
        Html h = page.section("network", "Regional network");
        int last = lastDay(run);
        RegionalNetwork net = RegionalNetwork.of(set, events, trajectories, last);
        List<String> order = BlocLayout.order(set.countries());
        List<int[]> days = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (options.days().isEmpty()) {
            days.add(new int[] {0});
            names.add("day 0"); // at the end of day 0, after its events: the scenario's own relations are the replay's start
            days.add(new int[] {net.peakDay()});
            names.add("peak");
            days.add(new int[] {last});
            names.add("end");
        } else {
            for (int d : options.days()) { // within the horizon (build)
                // a run stopped early (an early stop of the scenario) is drawn as it ended
                days.add(new int[] {Math.min(last, d)});
                names.add(d > last ? "day " + d + " (the run ended on day " + last + ")" : "day " + d);
            }
        }
        h.paragraph("Relations among all " + set.countries().size() + " countries in run " + run
                + (options.run() == null ? " (the representative run, below)" : " (the run --run asked for, below)")
                + " at the end of the chosen days. Countries sit on a circle, those sharing blocs "
                + "side by side (clockwise from the top); "
                + "each line is a pair whose level is not " + RelationLevel.NORMAL.name() + ", coloured by level, tracked pairs "
                + "drawn thicker. Levels of the tracked pairs come from the run's trajectories; the others start at the scenario's "
                + "relations and take the level each of the run's events left them at (events.csv level_after), so they are exact "
                + "too. The replay below shows every day.");
        Set<Pair> tracked = new LinkedHashSet<>(set.pairs());
        // the table names each pair as the other results files do: a tracked pair as tracked, a listed relation as listed
        Map<Pair, Pair> named = new HashMap<>();
        for (RunSetResults.Relation r : set.relations()) {
            named.put(RegionalNetwork.key(r.a(), r.b()), new Pair(r.a(), r.b()));
        }
        for (Pair p : tracked) {
            named.put(RegionalNetwork.key(p.a(), p.b()), p);
        }
        Csv.Rows csv = new Csv.Rows("run", "panel", "day", "a", "b", "level");
        h.open("div", "grid3");
        for (int i = 0; i < days.size(); i++) {
            int d = days.get(i)[0];
            Map<Pair, RelationLevel> levels = net.on(d);
            String sub = "day " + d + (date(d).isEmpty() ? "" : ", " + date(d)) + String.format(Locale.ROOT,
                    " \u00b7 %d severed, %d downgraded", net.count(d, RelationLevel.SEVERED), net.count(d, RelationLevel.DOWNGRADED));
            // the peak is the day with the most ruptures, then downgrades: day 0 when no later day ranks above it
            String title = "Run " + run + ", " + names.get(i)
                    + ("peak".equals(names.get(i)) && d == 0 ? " (no later day had more pairs " + RelationLevel.SEVERED.name()
                            + ", or as many and more " + RelationLevel.DOWNGRADED.name() + ")" : "");
            h.figure("network-" + names.get(i).replace(' ', '-'),
                    NetworkDiagram.render(svg, title, sub, order, levels, tracked), null, null);
            String panel = names.get(i);
            levels.forEach((p, l) -> {
                Pair n = named.getOrDefault(p, p);
                csv.row(run, panel, d, n.a(), n.b(), l.name());
            });
        }
        h.close("div");
        tables.put("report-network.csv", csv.toString());
    }

    private void representative(Page page, int run, List<EventRecord> events, Map<Pair, RunTrajectory> trajectories) {
        Html h = page.section("run", "Representative run");
        h.paragraph(options.run() != null ? "Run " + run + ", as asked (--run)." : "Run " + run + ": of the "
                + set.keptAvailable() + " kept runs, the one closest to the median of all runs on " + RepresentativeRun.measures(set)
                + " (distances in interquartile ranges, summed). Use --run K for another.");
        if (events.isEmpty()) {
            h.note("No events recorded for run " + run + ".");
            return;
        }
        CauseChains chains = new CauseChains(events, set.scripted());
        List<Pair> pairs = set.pairs();
        String[] rows = new String[pairs.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = pairs.get(i).key();
        }
        List<TimelineChart.Mark> marks = new ArrayList<>();
        List<ChartHover.Mark> hover = new ArrayList<>();
        Map<Long, EventRecord> byId = new java.util.HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        for (EventRecord e : events) {
            for (int i = 0; i < pairs.size(); i++) {
                if (CauseChains.concerns(e, pairs.get(i))) {
                    marks.add(new TimelineChart.Mark(e.id(), e.day(), i, chains.kind(e), chains.causeOf(e)));
                    EventRecord cause = byId.get(chains.causeOf(e));
                    hover.add(new ChartHover.Mark(e.day(), i, TimelineChart.MARK_COLOURS[chains.kind(e)],
                            chains.line(e) + (cause == null ? "" : "\nanswers " + chains.line(cause))));
                    // on every row it concerns: a statement about two tracked pairs' quarrel belongs to both
                }
            }
        }
        if (!pairs.isEmpty()) {
            int height = Math.max(220, 120 + 46 * pairs.size());
            JFreeChart tl = TimelineChart.timeline("Events between tracked pairs, run " + run, RunSetViews.dayLabel(set.start()), rows,
                    marks, runDays(run));
            h.figure("timeline", svg.render(tl, 1100, height, "Event timeline of run " + run,
                    ChartHover.marks("day", set.start(), hover)),
                    "Each mark is an event between the two countries of a row (or a third party's statement about them); grey lines join a "
                            + "response to the event it answers when both are on the chart.", null);
        }
        Csv.Rows csv = new Csv.Rows("run", "pair", "id", "day", "date", "actor", "target", "type", "label", "cause", "chain");
        Html.Cells t = new Html.Cells(List.of("day", "pair", "event", "level after", "cause chain (trigger first)"),
                true, false, false, false, false).nowrap(1, 2, 3);
        int shown = 0;
        int total = 0;
        for (Pair p : pairs) {
            RunTrajectory tr = trajectories.get(p);
            for (EventRecord e : chains.keyEvents(p)) {
                if (chains.scripted(e)) {
                    continue;
                }
                total++;
                List<EventRecord> chain = chains.chain(e);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < chain.size(); i++) {
                    if (chain.size() > 8 && i == 3) {
                        text.append(" \u21d2 \u2026 (").append(chain.size() - 6).append(" more)");
                        i = chain.size() - 3;
                    }
                    text.append(i == 0 ? "" : " \u21d2 ").append(CauseChains.brief(chain.get(i)));
                }
                if (!chain.isEmpty() && chains.unprompted(chain.get(0))) {
                    text.insert(0, "(standing grievance) ");
                }
                csv.row(run, p.key(), e.id(), e.day(), e.date(), e.actor(), e.target(), e.type(), e.label(),
                        e.cause() < 0 ? "" : Long.toString(e.cause()), Csv.plain(text.toString()));
                if (shown < MAX_CHAIN_ROWS) {
                    t.row(List.of(Integer.toString(e.day()), p.key(), e.direction() + " " + e.title(),
                            tr == null ? Format.NONE : tr.levelOn(e.day()).name(), text.toString()));
                    shown++;
                }
            }
        }
        h.heading(3, null, "Cause chains of the key events");
        h.paragraph("Key events are the acts between a tracked pair that act on its level (events.csv level_act); the "
                + "scripted triggers start the chains and are not rows of their own. "
                + "Each is traced back through the events it answered to the scripted trigger that started it. "
                + "Level after: the pair's level at the end of that day. `crisis explain " + "DIR --pair A-B --run " + run
                + "` prints these chains as a tree, with the triggers; with --all, protests, summons and dialogue too.");
        if (total == 0) {
            h.note("No key events between tracked pairs in this run.");
        } else {
            h.table(t);
            if (total > shown) {
                h.note("Showing the first " + shown + " of " + total + " key events; all are in report-timeline.csv.");
            }
        }
        tables.put("report-timeline.csv", csv.toString());
    }

    // --- convergence ------------------------------------------------------------------------

    private void convergence(Page page) throws ReportException {
        Html h = page.section("convergence", "Convergence");
        List<String> headline = RunSetViews.headline(set);
        h.paragraph(String.format(Locale.ROOT, "How the headline estimates settle as replications accumulate, in replication "
                + "order. Stated precision: a 95 %% interval of at most \u00b1%s on shares and \u00b1%s %% of the mean on numbers "
                + "(--precision, --relative-precision). The dashed lines mark that precision around the final estimate.",
                Format.number(options.precision()), Format.number(options.relativePrecision() * 100)));
        int[] order = replicationOrder();
        Csv.Rows csv = new Csv.Rows("outcome", "column", "type", "n", "estimate", "ci95_half_width", "target_half_width",
                "enough", "replications_needed");
        Html.Cells t = new Html.Cells(List.of("outcome", "estimate", "\u00b1 now", "\u00b1 wanted", "verdict"),
                false, true, true, true, false);
        List<Convergence> all = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String column : headline) {
            OutcomeSummary o = set.outcome(column);
            RelationLevel starts = set.startsThere(o);
            if (starts != null) {
                fixed.add(RunSetViews.title(set, column) + " (starts " + starts.name() + ")");
                continue; // 1 in every run by the starting level: nothing to settle
            }
            double[] raw = set.values(column);
            double[] v = new double[raw.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = raw[order[i]];
            }
            Convergence c = Convergence.of(column, v, o.share(),
                    o.share() ? options.precision() : options.relativePrecision(), 400, o.relativeScale());
            all.add(c);
            t.row(c.enough() ? null : "sig", List.of(RunSetViews.title(set, column),
                    o.share() ? Format.percent(c.finalMean()) : Format.number(c.finalMean()),
                    Format.number(c.halfWidth()), Format.number(c.targetHalfWidth()), Format.verdict(c)));
            csv.row(o.outcome(), column, o.share() ? "share" : "number", c.n(), c.finalMean(), c.halfWidth(),
                    c.targetHalfWidth(), c.enough(), c.needed());
        }
        long shortOnes = all.stream().filter(c -> !c.enough()).count();
        if (shortOnes > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d headline estimates are less precise than asked; see Convergence",
                    shortOnes, all.size()));
        }
        if (!all.isEmpty()) {
            h.raw("<p class=\"verdict " + (shortOnes == 0 ? "ok" : "short") + "\">").text(shortOnes == 0
                    ? "The replications were enough: every headline estimate is within the stated precision."
                    : String.format(Locale.ROOT, "The replications were not enough for %d of %d headline estimates at the stated precision; "
                            + "%s.", shortOnes, all.size(), neededForAll(all)))
                    .raw("</p>\n");
        }
        h.table(t);
        if (!fixed.isEmpty()) {
            h.note("Not judged, being 100 % by the pair's starting level rather than estimated: " + String.join("; ", fixed) + ".");
        }
        List<Convergence> shares = all.stream().filter(Convergence::share).toList();
        List<Convergence> numbers = all.stream().filter(c -> !c.share()).toList();
        h.open("div", "grid2");
        if (!shares.isEmpty()) {
            List<String> shareTitles = shares.stream().map(c -> RunSetViews.title(set, c.name())).toList();
            JFreeChart hw = LineCharts.halfWidths("95 % half-width of the shares", shares, shareTitles, false, options.precision());
            h.figure("halfwidth-shares", svg.render(hw, 560, 320, "Half-width of the share estimates",
                    ChartHover.of("replications", "", false, false, LineCharts.halfWidthLines(shares, shareTitles, false), "")),
                    null, null);
        }
        if (!numbers.isEmpty()) {
            List<String> numberTitles = numbers.stream().map(c -> RunSetViews.title(set, c.name())).toList();
            JFreeChart hw = LineCharts.halfWidths("95 % half-width of the means, relative", numbers, numberTitles, true,
                    options.relativePrecision());
            h.figure("halfwidth-numbers", svg.render(hw, 560, 320, "Relative half-width of the mean estimates",
                    ChartHover.of("replications", "", true, false, LineCharts.halfWidthLines(numbers, numberTitles, true), "")),
                    null, null);
        }
        h.close("div");
        h.open("div", "grid3");
        for (Convergence c : all) {
            JFreeChart chart = LineCharts.convergence(c, RunSetViews.title(set, c.name()));
            h.figure("convergence-" + c.name(), svg.render(chart, 380, 250, "Convergence " + c.name(),
                    ChartHover.of("replications", "", c.share(), false, List.of(LineCharts.convergenceLine(c)), "95 %")), null, null);
        }
        h.close("div");
        tables.put("report-convergence.csv", csv.toString());
    }

    /** Indices of runs.csv rows in replication order. */
    private int[] replicationOrder() throws ReportException {
        int[] rep = set.replications();
        Integer[] idx = new Integer[rep.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(rep[a], rep[b]));
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private void methods(Page page) {
        Html h = page.section("methods", "How to read this report");
        h.notes(List.of(
                "Shares are the fraction of replications in which something happened; their 95 % intervals are Wilson score intervals. Means have Student-t intervals.",
                "Grievance bands are quantiles across runs on each day (ensemble.csv, all runs); they show the spread of runs, not the uncertainty of the median.",
                "Survival curves are Kaplan\u2013Meier estimates; a run that ends (at the horizon or by an early stop) before the event is censored at its last day. Bands: Greenwood variance on the log(\u2212log) scale. Where no run ends early, the curve's share by the last day is the share of runs in Outcomes, but its interval is this one, not Wilson's, so the two differ a little.",
                "The regional network and the event timeline show one run, not an average; see the choice of run above.",
                "Convergence: running estimate in replication order; the replications needed are estimated from the final spread.",
                "Every table is also written as CSV beside this file (report-*.csv)."));
    }
}

package org.crisis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisis.io.CsvTable;
import org.jfree.chart.JFreeChart;

/**
 * Pair plots of a sweep's report: varied values against each other, every point of the design a
 * dot coloured by the ranking outcome (its share of runs, or its mean), for the varied values
 * that explain that outcome most; what is left out is said at the top.
 */
final class PairPlots {
    /** Varied values paired (4 give 6 plots). */
    static final int VALUES = 4;

    private PairPlots() {}

    /** A varied value's value at each point: the number, or the index of its category. */
    private record Values(Discovery.Factor factor, Map<Integer, Double> value, List<String> categories) {
        static Values of(Discovery.Factor f) {
            Map<Integer, Double> v = new HashMap<>();
            if (f.numeric()) {
                f.values().forEach((p, text) -> v.put(p, CsvTable.parse(text)));
                return new Values(f, v, null);
            }
            List<String> cats = new ArrayList<>(new LinkedHashSet<>(f.values().values()));
            f.values().forEach((p, text) -> v.put(p, (double) cats.indexOf(text)));
            return new Values(f, v, cats);
        }
    }

    static void add(Page page, SweepResults sweep, Discovery d, String rank, String rankName, Map<String, SweepReport.Bins> bins,
            Svg svg) {
        Html h = page.section("pairs", "Pair plots");
        boolean share = sweep.share(rank);
        List<SweepResults.PointStat> stats = sweep.points(rank);
        Map<Integer, Double> mean = new HashMap<>();
        for (SweepResults.PointStat p : stats) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                mean.put(p.point(), p.mean());
            }
        }
        double lo = mean.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = mean.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (mean.isEmpty()) {
            h.paragraph(rankName + " has no value at any point: nothing to colour (--rank-by chooses another outcome).");
            return;
        }
        if (lo == hi) {
            h.paragraph(rankName + " is " + (share ? Format.percent(lo) : Format.number(lo)) + " at every point: pair plots "
                    + "coloured by it would be one colour (--rank-by chooses another outcome).");
            return;
        }
        List<Values> values = new ArrayList<>();
        List<String> single = new ArrayList<>();
        for (Discovery.Factor f : d.factors()) {
            Values v = Values.of(f);
            if (new LinkedHashSet<>(v.value().values()).size() < 2) {
                single.add(f.path());
            } else {
                values.add(v);
            }
        }
        if (values.size() < 2) {
            h.paragraph("The sweep varies " + (values.isEmpty() ? "nothing" : "one value") + " between points: there are no pairs "
                    + "to plot (the charts of each outcome against each varied value are above).");
            return;
        }
        Map<Values, Double> eta = new java.util.IdentityHashMap<>();
        for (Values v : values) {
            // the bins of the charts of each outcome against each varied value, so that the report ranks the values one way
            Map<Integer, Integer> cells = bins.get(v.factor().column()).binOfPoint();
            eta.put(v, SweepReport.explained(stats, p -> cells.get(p.point())));
        }
        List<Values> ranked = new ArrayList<>(values);
        ranked.sort((a, b) -> Double.compare(eta.get(b), eta.get(a)));
        List<Values> drawn = ranked.subList(0, Math.min(VALUES, ranked.size()));
        int[] all = mean.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int withValue = all.length;
        int[] pid = Arrays.stream(DiscoveryCharts.sample(all, DiscoveryCharts.MAX_POINTS)).map(i -> all[i]).toArray();
        List<String> said = new ArrayList<>();
        said.add(String.format(Locale.ROOT, "Each varied value against another, every point of the design a dot coloured by its %s"
                + " of %s (the ranking outcome; --rank-by chooses another). The %d varied values that explain it most (\u03b7\u00b2"
                + " over the bins of the charts above: %s) are paired.", share ? "share of runs" : "mean", rankName, drawn.size(),
                String.join(", ", drawn.stream().map(v -> v.factor().path() + " " + String.format(Locale.ROOT, "%.2f", eta.get(v)))
                        .toList())));
        if (ranked.size() > drawn.size()) {
            said.add("Left out: " + String.join(", ", ranked.subList(drawn.size(), ranked.size()).stream()
                    .map(v -> v.factor().path() + " (\u03b7\u00b2 " + String.format(Locale.ROOT, "%.2f", eta.get(v)) + ")").toList()) + ".");
        }
        if (!single.isEmpty()) {
            said.add("One value at every point, not paired: " + String.join(", ", single) + ".");
        }
        int without = sweep.pointCount() - withValue;
        if (without > 0) {
            said.add(without + " point" + (without == 1 ? "" : "s") + " without a value of " + rankName + " not drawn.");
        }
        if (withValue > pid.length) {
            said.add(String.format(Locale.ROOT, "%,d of the %,d points are drawn (a fixed sample), so that the page stays light.",
                    pid.length, withValue));
        }
        said.add("Values with few settings (a grid) are spread a little (jittered) so that points do not hide each other.");
        h.note(String.join(" ", said));
        int n = pid.length;
        double[] colour = new double[n];
        for (int i = 0; i < n; i++) {
            colour[i] = mean.get(pid[i]);
        }
        DiscoveryCharts.Colours colours = DiscoveryCharts.Colours.ramp(colour, share, share ? "share of runs" : "mean");
        h.open("div", "grid3");
        for (int a = 0; a < drawn.size(); a++) {
            for (int b = a + 1; b < drawn.size(); b++) {
                Values vx = drawn.get(a);
                Values vy = drawn.get(b);
                DiscoveryCharts.Axis x = axis(vx, pid);
                DiscoveryCharts.Axis y = axis(vy, pid);
                JFreeChart c = DiscoveryCharts.scatter(DiscoveryPage.shortName(vx.factor().path()) + " \u00d7 "
                        + DiscoveryPage.shortName(vy.factor().path()), x, y, pid, colours, List.of(), null);
                h.figure("pairs-" + vx.factor().column() + "-" + vy.factor().column(), svg.render(c, 420, 360,
                        rankName + " over " + vx.factor().path() + " and " + vy.factor().path()), null, null);
            }
        }
        h.close("div");
    }

    private static DiscoveryCharts.Axis axis(Values v, int[] ids) {
        double[] x = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            x[i] = v.value().getOrDefault(ids[i], Double.NaN);
        }
        return DiscoveryCharts.Axis.of(v.factor().path(), x, v.categories());
    }
}

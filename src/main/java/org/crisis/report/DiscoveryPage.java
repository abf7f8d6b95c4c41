package org.crisis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.discover.Prim;
import org.crisis.io.Csv;
import org.jfree.chart.JFreeChart;

/**
 * The page of {@code crisis discover} (discover.html), its CSV files, and the "Scenario
 * discovery" section of a sweep's report: the question, the chosen box with its limits and
 * their quasi-p-values, the peeling trajectory, and the box over the sweep's points.
 */
final class DiscoveryPage {
    /** Yes/no outcomes drawn in a sweep's report (the others are in report-discovery.csv). */
    static final int REPORT_OUTCOMES = 3;
    /** Pairs of restricted values drawn with the box. */
    static final int PAIRS = 6;

    private DiscoveryPage() {}

    // --- words ----------------------------------------------------------------------------------

    static String lead(Discovery.Found f) {
        return String.format(Locale.ROOT, "Which varied values of the sweep lead to %s? PRIM (patient rule induction) on "
                + "the %s %s of %s.", f.question(), Discovery.count(f.trajectory.get(0).stats().weight()), f.cases(),
                f.sweep.name());
    }

    /** One limit in words: {@code countries.PER.sovereignty ≥ 0.7}, {@code relations.PER-MEX.level in {NORMAL, CORDIAL}}. */
    static String condition(Discovery.Found f, Prim.Limit l) {
        String path = f.prim.dimensions().get(l.dimension()).name();
        return switch (l.side()) {
            case "lower" -> path + " \u2265 " + Discovery.exact(l.value());
            case "upper" -> path + " \u2264 " + Discovery.exact(l.value());
            default -> l.categories().size() == 1 ? path + " = " + l.categories().get(0)
                    : path + " in {" + String.join(", ", l.categories()) + "}";
        };
    }

    /** The box in words, one condition per restricted value: {@code 0.2 ≤ x ≤ 0.5 and y ≥ 0.6}. */
    static String conditions(Discovery.Found f) {
        Map<Integer, List<Prim.Limit>> byDim = new LinkedHashMap<>();
        for (Prim.Limit l : f.limits) {
            byDim.computeIfAbsent(l.dimension(), k -> new ArrayList<>()).add(l);
        }
        List<String> parts = new ArrayList<>();
        for (List<Prim.Limit> ls : byDim.values()) {
            if (ls.size() == 2) {
                String path = f.prim.dimensions().get(ls.get(0).dimension()).name();
                parts.add(Discovery.exact(ls.get(0).value()) + " \u2264 " + path + " \u2264 " + Discovery.exact(ls.get(1).value()));
            } else {
                parts.add(condition(f, ls.get(0)));
            }
        }
        return String.join(" and ", parts);
    }

    /** What a case of interest has: "severed:PER-MEX", "a share of runs with severed:PER-MEX ≥ 0.5". */
    private static String having(Discovery.Found f) {
        String q = f.question();
        return q.substring(0, q.lastIndexOf(f.settings.cases() == Discovery.Cases.RUNS ? " in a run" : " at a point"));
    }

    /** The headline: what the box holds against the whole sweep. */
    static String headline(Discovery.Found f) {
        Prim.Stats all = f.trajectory.get(0).stats();
        Prim.Stats s = f.box().stats();
        String cases = f.cases();
        if (f.limits.isEmpty()) {
            return String.format(Locale.ROOT, "No box: %s. Over the whole sweep %s of %s have %s.", f.noBoxReason(),
                    Format.percent(all.density()), cases, having(f));
        }
        return String.format(Locale.ROOT, "In the box (%s), %s of %s have %s, against %s over the whole sweep; the box holds "
                + "%s of those %s and %s of all %s.", conditions(f), Format.percent(s.density()), cases, having(f),
                Format.percent(all.density()), Format.percent(s.coverage()), cases, Format.percent(s.mass()), cases);
    }

    // --- tables -----------------------------------------------------------------------------------

    /** One row per limit of the chosen box, with its quasi-p-value and the box without it. */
    static Html.Cells limitsTable(Discovery.Found f) {
        Html.Cells t = new Html.Cells(List.of("varied value", "limit of the box", "in the sweep", "quasi-p",
                "without this limit: density", f.cases()), false, false, false, true, true, true);
        Prim.Box init = f.prim.initial();
        for (Prim.Limit l : f.limits) {
            Prim.Dimension d = f.prim.dimensions().get(l.dimension());
            String limit = switch (l.side()) {
                case "lower" -> "\u2265 " + Discovery.exact(l.value());
                case "upper" -> "\u2264 " + Discovery.exact(l.value());
                default -> String.join(", ", l.categories());
            };
            String range = d.isNumeric()
                    ? Discovery.exact(init.lower()[l.dimension()]) + " to " + Discovery.exact(init.upper()[l.dimension()])
                    : String.join(", ", d.categories());
            double without = l.relaxedWeight() > 0 ? l.relaxedHits() / l.relaxedWeight() : Double.NaN;
            t.row(l.p() < 0.05 ? "sig" : null, List.of(d.name(), limit, range, Format.p(l.p()), Format.percent(without),
                    Discovery.count(l.relaxedWeight())));
        }
        return t;
    }

    /** The trajectory as a table: every box when there are at most {@code rows}, else those around the chosen one. */
    static Html.Cells trajectoryTable(Discovery.Found f, int rows) {
        Html.Cells t = new Html.Cells(List.of("box", "step", "coverage", "density", "mass"), true, false, true, true, true);
        int from = 0;
        int to = f.trajectory.size();
        if (to > rows) {
            from = Math.max(0, Math.min(f.chosen - rows / 2, to - rows));
            to = from + rows;
            t.caption(String.format(Locale.ROOT, "Boxes %d to %d of %d (all in trajectory.csv)", from, to - 1, f.trajectory.size()));
        }
        for (Prim.Step s : f.trajectory.subList(from, to)) {
            Prim.Stats st = s.stats();
            t.row(s.index() == f.chosen ? "sig" : null, List.of(s.index() == f.chosen ? s.index() + " chosen" : Integer.toString(s.index()),
                    s.index() == 0 ? "the whole sweep" : move(f, s).replace(">=", "\u2265").replace("<=", "\u2264"),
                    Format.percent(st.coverage()), Format.percent(st.density()), Format.percent(st.mass())));
        }
        return t;
    }

    /** The move of a step in words: {@code x ≥ 0.3} (a peel or paste to a new limit), {@code without A}, {@code with A}. */
    static String move(Discovery.Found f, Prim.Step s) {
        Prim.Move m = s.move();
        if (m.dimension() < 0) {
            return "";
        }
        String path = f.prim.dimensions().get(m.dimension()).name();
        return switch (m.side()) {
            case "lower" -> path + " >= " + Discovery.exact(Double.parseDouble(m.limit()));
            case "upper" -> path + " <= " + Discovery.exact(Double.parseDouble(m.limit()));
            default -> path + (s.kind().equals("paste") ? " with " : " without ") + m.limit();
        };
    }

    static Csv.Rows trajectoryCsv(Discovery.Found f, boolean withOutcome) {
        List<String> header = new ArrayList<>();
        if (withOutcome) {
            header.add("outcome");
        }
        header.addAll(List.of("box", "step", "coverage", "density", "mass", "cases", "cases_of_interest", "restricted", "move",
                "chosen"));
        Csv.Rows csv = new Csv.Rows(header);
        for (Prim.Step s : f.trajectory) {
            List<Object> row = new ArrayList<>();
            if (withOutcome) {
                row.add(f.settings.outcome().name());
            }
            Prim.Stats st = s.stats();
            row.addAll(List.of(s.index(), s.kind(), st.coverage(), st.density(), st.mass(), Math.round(st.weight()),
                    Math.round(st.hits()), st.restricted(), move(f, s), s.index() == f.chosen ? 1 : 0));
            csv.row(row.toArray());
        }
        return csv;
    }

    /** One row per restricted varied value of the chosen box: limits and their quasi-p-values, the box's statistics. */
    static Csv.Rows boxCsv(Discovery.Found f, boolean withOutcome) {
        List<String> header = new ArrayList<>();
        if (withOutcome) {
            header.add("outcome");
        }
        header.addAll(List.of("box", "dimension", "column", "kind", "lower", "upper", "p_lower", "p_upper", "categories",
                "p_categories", "coverage", "density", "mass", "cases", "cases_of_interest"));
        Csv.Rows csv = new Csv.Rows(header);
        Prim.Step box = f.box();
        Prim.Stats s = box.stats();
        for (int j = 0; j < f.prim.dimensions().size(); j++) {
            if (!f.prim.restricts(box.box(), j)) {
                continue;
            }
            Prim.Dimension d = f.prim.dimensions().get(j);
            Object pLower = null;
            Object pUpper = null;
            Object pCategories = null;
            List<String> kept = List.of();
            for (Prim.Limit l : f.limits) {
                if (l.dimension() != j) {
                    continue;
                }
                switch (l.side()) {
                    case "lower" -> pLower = probability(l.p());
                    case "upper" -> pUpper = probability(l.p());
                    default -> {
                        pCategories = probability(l.p());
                        kept = l.categories();
                    }
                }
            }
            List<Object> row = new ArrayList<>();
            if (withOutcome) {
                row.add(f.settings.outcome().name());
            }
            row.addAll(List.of(box.index(), d.name(), f.inputs.get(j).column(), d.isNumeric() ? "number" : "category"));
            row.add(d.isNumeric() ? box.box().lower()[j] : null);
            row.add(d.isNumeric() ? box.box().upper()[j] : null);
            row.add(pLower);
            row.add(pUpper);
            row.add(d.isNumeric() ? null : String.join(";", kept));
            row.add(pCategories);
            row.addAll(List.of(s.coverage(), s.density(), s.mass(), Math.round(s.weight()), Math.round(s.hits())));
            csv.row(row.toArray());
        }
        return csv;
    }

    /** A probability for a CSV cell: 6 decimals, or 4 significant digits below 0.0001 (1.234e-55), never rounded to 0. */
    static Object probability(double p) {
        return Csv.probability(p);
    }

    // --- charts -------------------------------------------------------------------------------------

    record Figure(String id, String svg, String caption) {}

    static Figure trajectoryFigure(Discovery.Found f, Svg svg, String id) {
        JFreeChart c = DiscoveryCharts.trajectory("Peeling trajectory: " + f.settings.outcome().name(), f.trajectory, f.chosen);
        return new Figure(id, svg.render(c, 560, 420, "Peeling trajectory of " + f.settings.outcome().name()),
                String.format(Locale.ROOT, "%d boxes; box %d chosen (%s)", f.trajectory.size(), f.chosen, f.rule));
    }

    /** The restricted values, most significant limit first. */
    static List<Integer> restrictedBySignificance(Discovery.Found f) {
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (Prim.Limit l : f.limits) {
            best.merge(l.dimension(), l.p(), Math::min);
        }
        List<Integer> dims = new ArrayList<>(best.keySet());
        dims.sort(Comparator.comparingDouble(best::get));
        return dims;
    }

    /** The cases drawn: all of them, or a fixed sample of {@link DiscoveryCharts#MAX_POINTS} points. */
    static int[] drawn(Discovery.Found f) {
        return DiscoveryCharts.sample(f.point, DiscoveryCharts.MAX_POINTS);
    }

    private static DiscoveryCharts.Axis axis(Discovery.Found f, int j, int[] cases) {
        Prim.Dimension d = f.prim.dimensions().get(j);
        double[] v = new double[cases.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.value(cases[i]);
        }
        return DiscoveryCharts.Axis.of(d.name(), v, d.isNumeric() ? null : d.categories());
    }

    private static int[] ids(Discovery.Found f, int[] cases) {
        int[] ids = new int[cases.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = f.point[cases[i]];
        }
        return ids;
    }

    private static List<double[]> spans(Discovery.Found f, DiscoveryCharts.Axis axis, int j) {
        Prim.Box b = f.box().box();
        return DiscoveryCharts.spans(axis, b.lower()[j], b.upper()[j], b.in()[j]);
    }

    private static DiscoveryCharts.Colours colours(Discovery.Found f, int[] cases) {
        if (f.settings.cases() == Discovery.Cases.POINTS) {
            boolean[] yes = new boolean[cases.length];
            for (int i = 0; i < yes.length; i++) {
                yes[i] = f.hits[cases[i]] > 0;
            }
            return DiscoveryCharts.Colours.binary(yes, "of interest", "not of interest");
        }
        return DiscoveryCharts.Colours.ramp(shown(f, cases), true, "share of runs of interest");
    }

    private static double[] shown(Discovery.Found f, int[] cases) {
        double[] v = new double[cases.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.shown[cases[i]];
        }
        return v;
    }

    /**
     * The box over the sweep's points: each pair of restricted values (the most significant first,
     * up to {@code maxPairs}), or the one restricted value against the outcome.
     */
    static List<Figure> boxFigures(Discovery.Found f, Svg svg, int maxPairs, String idPrefix) {
        List<Integer> dims = restrictedBySignificance(f);
        List<Figure> out = new ArrayList<>();
        String name = f.settings.outcome().name();
        int[] cases = drawn(f);
        int[] ids = ids(f, cases);
        if (dims.size() == 1) {
            int j = dims.get(0);
            DiscoveryCharts.Axis x = axis(f, j, cases);
            boolean runs = f.settings.cases() == Discovery.Cases.RUNS;
            boolean share = runs || f.settings.outcome().share();
            String label = runs ? "share of runs with " + having(f) : (f.settings.outcome().share() ? "share of runs with " : "mean of ")
                    + name;
            DiscoveryCharts.Axis y = DiscoveryCharts.Axis.plain(label, shown(f, cases));
            List<double[]> ys = List.of(new double[] {share ? -0.02 : y.min(), share ? 1.02 : y.max()});
            org.jfree.chart.plot.ValueMarker marker = null;
            if (!runs) {
                Discovery.Threshold t = f.settings.threshold() == null ? new Discovery.Threshold(">=", 0.5) : f.settings.threshold();
                marker = DiscoveryCharts.threshold(t.value(), t.text());
            }
            JFreeChart c = DiscoveryCharts.scatter(name + " by " + x.label(), x, y, ids, colours(f, cases),
                    DiscoveryCharts.rectangles(spans(f, x, j), ys), marker);
            if (share) {
                c.getXYPlot().getRangeAxis().setRange(-0.02, 1.02);
                ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis())
                        .setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(Locale.ROOT));
            }
            out.add(new Figure(idPrefix + "-" + f.inputs.get(j).column(), svg.render(c, 560, 380, "Box on " + x.label()),
                    caption(f)));
            return out;
        }
        int shown = Math.min(dims.size(), maxDims(maxPairs));
        for (int a = 0; a < shown && out.size() < maxPairs; a++) {
            for (int b = a + 1; b < shown && out.size() < maxPairs; b++) {
                int jx = dims.get(a);
                int jy = dims.get(b);
                DiscoveryCharts.Axis x = axis(f, jx, cases);
                DiscoveryCharts.Axis y = axis(f, jy, cases);
                JFreeChart c = DiscoveryCharts.scatter(shortName(x.label()) + " \u00d7 " + shortName(y.label()), x, y, ids,
                        colours(f, cases), DiscoveryCharts.rectangles(spans(f, x, jx), spans(f, y, jy)), null);
                out.add(new Figure(idPrefix + "-" + f.inputs.get(jx).column() + "-" + f.inputs.get(jy).column(),
                        svg.render(c, 460, 380, "Box on " + x.label() + " by " + y.label()), caption(f)));
            }
        }
        return out;
    }

    /** The largest number of values whose pairs fit in {@code pairs}. */
    static int maxDims(int pairs) {
        int k = 2;
        while ((k + 1) * k / 2 <= pairs) {
            k++;
        }
        return k;
    }

    private static String caption(Discovery.Found f) {
        String jitter = " Values with few settings are spread a little (jittered) so that points do not hide each other."
                + (f.point.length > DiscoveryCharts.MAX_POINTS ? String.format(Locale.ROOT, " A fixed sample of %,d of the %,d points is"
                        + " drawn.", DiscoveryCharts.MAX_POINTS, f.point.length) : "");
        return f.settings.cases() == Discovery.Cases.POINTS
                ? "Each dot a point of the sweep, in vermillion when it is of interest; the rectangle is the box." + jitter
                : "Each dot a point of the sweep, coloured by its share of runs of interest; the rectangle is the box." + jitter;
    }

    /** {@code countries.PER.domesticPressure} → {@code PER domesticPressure}; {@code parameters.memory} → {@code memory}. */
    static String shortName(String path) {
        String[] parts = path.split("\\.");
        if (parts.length >= 3 && (parts[0].equals("countries") || parts[0].equals("relations"))) {
            return parts[1] + " " + String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    // --- the discover page ---------------------------------------------------------------------------

    static Page page(Discovery.Found f, Svg svg) {
        Page page = new Page("Crisis \u00b7 scenario discovery", f.sweep.name() + ": " + f.settings.outcome().name());
        question(page, f);
        Html h = page.section("box", "The box");
        h.element("p", "lead", headline(f));
        if (!f.limits.isEmpty()) {
            h.table(limitsTable(f));
            h.note("Quasi-p: the one-sided binomial probability of at least the box's cases of interest among its " + f.cases()
                    + " if each were of interest as often as in the box without that limit (the EMA Workbench's quasi-p-value). "
                    + "A small value (rows shaded: below 0.05) says the limit matters; a large one that the box would be about as "
                    + "dense without it. Not corrected for the search that chose the box.");
        }
        h = page.section("trajectory", "Peeling trajectory");
        h.paragraph("Each dot is a box met while peeling, from the whole sweep (coverage 100 %) inwards: coverage is the share of "
                + "all " + f.cases() + " of interest that the box holds, density the share of its own " + f.cases()
                + " that are of interest. Colours count the varied values a box restricts. trajectory.csv lists every box; "
                + "--box K chooses another.");
        Figure t = trajectoryFigure(f, svg, "trajectory");
        h.open("div", "grid2");
        h.figure(t.id(), t.svg(), t.caption(), null);
        h.raw("<div>");
        h.table(trajectoryTable(f, 24));
        h.raw("</div>");
        h.close("div");
        if (!f.limits.isEmpty()) {
            h = page.section("scatter", "The box over the sweep");
            List<Integer> dims = restrictedBySignificance(f);
            int drawn = Math.min(dims.size(), maxDims(PAIRS));
            if (dims.size() > drawn) {
                h.note(String.format(Locale.ROOT, "The box restricts %d varied values; the pairs of the %d with the most significant"
                        + " limits are drawn, leaving out %s.", dims.size(), drawn, String.join(", ",
                                dims.subList(drawn, dims.size()).stream().map(j -> f.prim.dimensions().get(j).name()).toList())));
            }
            List<Figure> figs = boxFigures(f, svg, PAIRS, "box");
            h.open("div", "grid2");
            for (Figure fig : figs) {
                h.figure(fig.id(), fig.svg(), fig.caption(), null);
            }
            h.close("div");
        }
        methods(page, f);
        return page;
    }

    private static void question(Page page, Discovery.Found f) {
        Html h = page.section("question", "Question");
        h.raw("<div class=\"table\"><table class=\"facts\"><tbody>\n");
        RunSetReport.fact(h, "Sweep", f.sweep.name() + " (" + f.sweep.directory().toAbsolutePath().normalize() + ")");
        RunSetReport.fact(h, "Of interest", f.question());
        Prim.Stats all = f.trajectory.get(0).stats();
        String cases = f.settings.cases() == Discovery.Cases.RUNS
                ? String.format(Locale.ROOT, "runs: %s runs of %s points (each point weighs its runs)",
                        Discovery.count(all.weight()), Discovery.count(f.point.length))
                : String.format(Locale.ROOT, "points: %s points (each the mean over its runs)", Discovery.count(all.weight()));
        if (f.pointsWithout > 0) {
            cases += String.format(Locale.ROOT, "; %d point%s without a value of %s left out", f.pointsWithout,
                    f.pointsWithout == 1 ? "" : "s", f.settings.outcome().name());
        }
        RunSetReport.fact(h, "Cases", cases);
        RunSetReport.fact(h, "Of interest overall", String.format(Locale.ROOT, "%s of %s %s (%s)", Discovery.count(all.hits()),
                Discovery.count(all.weight()), f.cases(), Format.percent(all.density())));
        List<String> inputs = new ArrayList<>();
        for (int j = 0; j < f.inputs.size(); j++) {
            Prim.Dimension d = f.prim.dimensions().get(j);
            inputs.add(d.name() + (d.isNumeric() ? "" : " (categories " + String.join(", ", d.categories()) + ")"));
        }
        RunSetReport.fact(h, "Varied values", String.join("; ", inputs)
                + (f.constant.isEmpty() ? "" : "; left out, one value at these points: " + String.join(", ", f.constant)));
        Prim.Options o = f.settings.prim();
        RunSetReport.fact(h, "PRIM", String.format(Locale.ROOT, "peel %s of the box at a time, minimum support %s, objective %s%s",
                Discovery.exact(o.peelAlpha()), Discovery.exact(o.minSupport()),
                o.objective() == Prim.Objective.ORIGINAL ? "density (Friedman and Fisher)" : "gain in density per case removed (lenient)",
                f.settings.paste() ? ", pasting" : ""));
        RunSetReport.fact(h, "Box chosen", "box " + f.chosen + " of " + f.trajectory.size() + ": " + f.rule);
        h.raw("</tbody></table></div>\n");
    }

    private static void methods(Page page, Discovery.Found f) {
        Html h = page.section("methods", "How to read this page");
        h.notes(List.of(
                "PRIM starts from the box that holds every point and repeatedly peels off the " + Discovery.exact(
                        f.settings.prim().peelAlpha() * 100) + " % of its " + f.cases() + " at one end of one varied value (all "
                        + "points sharing the end value go together, so a grid loses a whole level), or one category, choosing "
                        + "the peel that raises the density most; it stops before a box would hold less than "
                        + Discovery.exact(f.settings.prim().minSupport() * 100) + " % of the " + f.cases()
                        + " or when no peel raises the density.",
                "Limits are values of the sweep: the box holds the points whose value lies between its limits, ends included.",
                "The knee (the default choice) is the box with the largest coverage + density: peeling further loses more "
                        + "coverage than it gains density. --min-density D takes the first box that is dense enough, "
                        + "--min-coverage C the densest box that still covers enough, --box K any box.",
                f.settings.cases() == Discovery.Cases.RUNS
                        ? "Cases are runs: a point weighs its runs, so densities are shares of runs. Runs of one point are never "
                                + "separated by a peel."
                        : "Cases are points: a point is of interest when the mean over its runs passes the question.",
                "A box describes the sweep's own points: its limits are as fine as the sweep's values, and its quasi-p-values "
                        + "take runs as independent; a box found in one sweep is worth checking in another.",
                "trajectory.csv and box.csv hold the trajectory and the chosen box's limits."));
    }
}

package org.crisis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.io.Csv;

/**
 * The "Scenario discovery" section of a sweep's report: for each yes/no outcome that varies
 * between points, PRIM with its defaults (cases are runs, the knee is chosen), most varying
 * outcome first; the first {@link DiscoveryPage#REPORT_OUTCOMES} are drawn (box in words, its
 * limits, the trajectory and the box over the two most significant restricted values), every
 * one is in report-discovery.csv and report-discovery-trajectory.csv, and what is left out is
 * said at the top.
 */
final class DiscoverySection {
    private DiscoverySection() {}

    /** Variance of the points' shares, weighted by their runs: how much the varied values move the outcome. */
    static double variation(List<Discovery.PointValue> values) {
        double n = 0;
        double sum = 0;
        for (Discovery.PointValue p : values) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                n += p.n();
                sum += p.n() * p.mean();
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        double ss = 0;
        for (Discovery.PointValue p : values) {
            if (p.n() > 0 && Double.isFinite(p.mean())) {
                ss += p.n() * (p.mean() - mean) * (p.mean() - mean);
            }
        }
        return ss / n;
    }

    static void add(Page page, Discovery d, Svg svg, Map<String, String> tables) {
        Html h = page.section("discovery", "Scenario discovery");
        h.paragraph("Which combinations of varied values lead to each yes/no outcome? PRIM (patient rule induction, as the EMA "
                + "Workbench uses it) peels the sweep down, 5 % of the runs at a time, to the box of varied values where runs "
                + "with the outcome concentrate: density is the share of the box's runs with the outcome, coverage the share of all "
                + "such runs that the box holds. The box shown is the knee of the peeling trajectory (largest coverage + density). "
                + "crisis discover asks other questions (a threshold on a number, points instead of runs, another box) and draws "
                + "every pair of restricted values; see docs/REPORTS.md.");
        List<String> leftOut = new ArrayList<>();
        Map<Discovery.Outcome, Double> varying = new LinkedHashMap<>();
        for (Discovery.Outcome o : d.outcomes()) {
            if (!o.share()) {
                continue;
            }
            double v = variation(d.values(o.column()));
            if (Double.isNaN(v)) {
                leftOut.add(o.name() + " (never observed)");
            } else if (!(v > 1e-12)) {
                leftOut.add(o.name() + " (the same share at every point)");
            } else {
                varying.put(o, v);
            }
        }
        List<Discovery.Outcome> order = new ArrayList<>(varying.keySet());
        order.sort((a, b) -> Double.compare(varying.get(b), varying.get(a)));
        List<Discovery.Found> found = new ArrayList<>();
        for (Discovery.Outcome o : order) {
            try {
                found.add(d.find(Discovery.Settings.of(o)));
            } catch (ReportException e) {
                leftOut.add(o.name() + " (" + e.getMessage() + ")");
            }
        }
        if (d.outcomes().stream().noneMatch(Discovery.Outcome::share)) {
            String example = d.outcomes().isEmpty() ? "OUTCOME" : d.outcomes().get(0).name();
            h.note("This sweep has no yes/no outcome (a share of runs); crisis discover --threshold asks about a number, e.g. "
                    + "crisis discover DIR --outcome " + example + " --threshold '>=' VALUE.");
            return;
        }
        List<Discovery.Found> shown = found.subList(0, Math.min(DiscoveryPage.REPORT_OUTCOMES, found.size()));
        List<String> said = new ArrayList<>();
        if (!found.isEmpty()) {
            said.add("Yes/no outcomes in decreasing variation of their share between points: " + String.join(", ",
                    found.stream().map(f -> f.settings.outcome().name()).toList()) + ".");
        }
        if (found.size() > shown.size()) {
            said.add("Drawn: the first " + shown.size() + "; left out: " + String.join(", ", found.subList(shown.size(),
                    found.size()).stream().map(f -> f.settings.outcome().name()).toList()) + " (their boxes are in report-discovery.csv).");
        }
        if (!leftOut.isEmpty()) {
            said.add("Not analysed: " + String.join("; ", leftOut) + ".");
        }
        if (!said.isEmpty()) {
            h.note(String.join(" ", said));
        }
        StringBuilder box = new StringBuilder();
        StringBuilder trajectory = new StringBuilder();
        for (Discovery.Found f : found) {
            append(box, DiscoveryPage.boxCsv(f, true));
            append(trajectory, DiscoveryPage.trajectoryCsv(f, true));
        }
        if (!found.isEmpty()) {
            tables.put("report-discovery.csv", box.toString());
            tables.put("report-discovery-trajectory.csv", trajectory.toString());
        }
        for (Discovery.Found f : shown) {
            String column = f.settings.outcome().column();
            h.heading(3, "discovery-" + ReportOutput.safeName(column), f.settings.outcome().name());
            h.paragraph(DiscoveryPage.headline(f));
            if (!f.limits.isEmpty()) {
                h.table(DiscoveryPage.limitsTable(f));
            }
            h.open("div", "grid2");
            DiscoveryPage.Figure t = DiscoveryPage.trajectoryFigure(f, svg, "discovery-trajectory-" + column);
            h.figure(t.id(), t.svg(), t.caption(), null);
            if (!f.limits.isEmpty()) {
                DiscoveryPage.Figure b = DiscoveryPage.boxFigures(f, svg, 1, "discovery-box-" + column).get(0);
                h.figure(b.id(), b.svg(), b.caption(), null);
            }
            h.close("div");
        }
        if (!shown.isEmpty()) {
            h.note(String.format(Locale.ROOT, "Quasi-p: the one-sided binomial probability of at least the box's runs with the "
                    + "outcome if each had it as often as in the box without that limit (rows shaded: below 0.05). Not corrected "
                    + "for the search that chose the box; runs are taken as independent."));
        }
    }

    /** Appends a table to {@code into}: all of it the first time, its rows without the header after. */
    private static void append(StringBuilder into, Csv.Rows table) {
        String text = table.toString();
        into.append(into.length() == 0 ? text : text.substring(text.indexOf('\n') + 1));
    }
}

package org.crisis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pieces shared by the run-set and comparison reports: labels, outcome groups, survival events, headline outcomes. */
final class RunSetViews {
    private RunSetViews() {}

    /** A time-to-event of a pair, from a runs.csv duration column. */
    record TimeTo(String key, String label, String prefix, Color colour) {}

    static final List<TimeTo> TIMES = List.of(
            new TimeTo("downgrade", "downgrade", "days_to_downgraded", ChartStyle.DOWNGRADE),
            new TimeTo("rupture", "rupture", "days_to_severed", ChartStyle.RUPTURE),
            new TimeTo("restoration", "restoration", "days_to_restored", ChartStyle.RESTORATION));

    /** The pair of the day axis label: "day (0 = 2025-11-03)". */
    static String dayLabel(String start) {
        return start == null || start.isEmpty() ? "day" : "day (0 = " + start + ")";
    }

    /** A group of outcome columns: one tracked pair's, or the region's (pair null); each column with its measure. */
    record Group(Pair pair, List<String[]> columns) {
        String key() {
            return pair == null ? "Region" : pair.key();
        }
    }

    /** Outcomes grouped: one group per tracked pair, then the region; third-party counts left out. */
    static List<Group> groups(List<Pair> pairs, List<String> columns) {
        List<Group> out = new ArrayList<>();
        List<String> left = new ArrayList<>(columns);
        for (Pair p : pairs) {
            List<String[]> g = new ArrayList<>();
            String suffix = "_" + p.column();
            for (String c : columns) {
                if (c.endsWith(suffix) && left.contains(c)) {
                    g.add(new String[] {c, c.substring(0, c.length() - suffix.length())});
                    left.remove(c);
                }
            }
            if (!g.isEmpty()) {
                out.add(new Group(p, g));
            }
        }
        List<String[]> region = new ArrayList<>();
        for (String c : left) {
            if (!c.startsWith("sides_") && !c.startsWith("condemn_")) {
                region.add(new String[] {c, c});
            }
        }
        if (!region.isEmpty()) {
            out.add(new Group(null, region));
        }
        return out;
    }

    /** Headline outcomes for convergence: shares severed of each pair, downgraded and restored of the first, two regional numbers. */
    static List<String> headline(List<Pair> pairs, java.util.function.Predicate<String> has) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String s = "_" + pairs.get(i).column();
            for (String m : i == 0 ? List.of("severed", "downgraded", "restored") : List.of("severed")) {
                if (has.test(m + s)) {
                    out.add(m + s);
                }
            }
        }
        for (String c : List.of("severed_pairs", "polarisation")) {
            if (has.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A readable title of a column, e.g. "PER-MEX reached SEVERED": the pair the column names,
     * then the outcome's label from summary.json (the column itself for one it does not list).
     */
    static String title(RunSetResults set, String column) {
        OutcomeSummary o = set.outcome(column);
        String label = o == null ? column.replace('_', ' ') : o.label();
        for (Pair p : set.pairs()) {
            if (column.endsWith("_" + p.column())) {
                return p.key() + " " + label;
            }
        }
        return label;
    }

    static String pairTitle(RunSetResults set, Pair p) {
        String a = set.countryName(p.a());
        String b = set.countryName(p.b());
        return p.key() + (a.equals(p.a()) && b.equals(p.b()) ? "" : ": " + a + " and " + b);
    }

    static String plural(long n, String word) {
        return String.format(Locale.ROOT, "%,d %s%s", n, word, n == 1 ? "" : "s");
    }
}

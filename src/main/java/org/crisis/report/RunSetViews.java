package org.crisis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Pieces shared by the run-set and comparison reports: labels, outcome groups, survival events, headline outcomes. */
final class RunSetViews {
    private RunSetViews() {}

    /**
     * The times to a pair's events the run set records (summary.json: kind {@code day}, with
     * an {@code event}), in the order a pair passes them: moves down the levels from the mildest
     * to the gravest, then moves back up.
     */
    static List<OutcomeSummary> times(RunSetResults set, Pair p) {
        List<OutcomeSummary> out = new ArrayList<>();
        for (OutcomeSummary o : set.outcomes()) {
            if (o.timeToEvent() && o.about(p)) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparingInt(RunSetViews::passing));
        return out;
    }

    private static int passing(OutcomeSummary o) {
        int level = RelationLevel.parse(o.level()).ordinal();
        return o.direction().equals("up") ? RelationLevel.values().length + level : -level;
    }

    /** The colour of a time to an event: the level a move down reaches, the colour of reconciliation for a move up. */
    static Color colour(OutcomeSummary o) {
        return o.direction().equals("up") ? ChartStyle.RESTORATION : RelationLevel.parse(o.level()).colour();
    }

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

    /**
     * Outcomes grouped by whom summary.json says they are about: one group per tracked pair,
     * then the region (global outcomes); outcomes of one country (third parties) left out.
     */
    static List<Group> groups(RunSetResults set, List<Pair> pairs, List<String> columns) {
        List<Group> out = new ArrayList<>();
        List<String> left = new ArrayList<>(columns);
        for (Pair p : pairs) {
            List<String[]> g = new ArrayList<>();
            for (String c : columns) {
                OutcomeSummary o = set.outcome(c);
                if (o != null && o.about(p) && left.contains(c)) {
                    g.add(new String[] {c, o.measure()});
                    left.remove(c);
                }
            }
            if (!g.isEmpty()) {
                out.add(new Group(p, g));
            }
        }
        List<String[]> region = new ArrayList<>();
        for (String c : left) {
            OutcomeSummary o = set.outcome(c);
            if (o != null && o.scope().equals("global")) {
                region.add(new String[] {c, c});
            }
        }
        if (!region.isEmpty()) {
            out.add(new Group(null, region));
        }
        return out;
    }

    /** The headline outcomes (summary.json role {@code headline}) whose precision the report checks, in file order. */
    static List<String> headline(RunSetResults set) {
        List<String> out = new ArrayList<>();
        for (OutcomeSummary o : set.outcomes()) {
            if (o.has("headline")) {
                out.add(o.column());
            }
        }
        return out;
    }

    /**
     * A readable title of a column, e.g. "PER-MEX reached SEVERED": the pair summary.json says
     * the outcome is about, then its label (the column itself for one it does not list).
     */
    static String title(RunSetResults set, String column) {
        OutcomeSummary o = set.outcome(column);
        if (o == null) {
            return column.replace('_', ' ');
        }
        for (Pair p : set.pairs()) {
            if (o.about(p)) {
                return p.key() + " " + o.label();
            }
        }
        return o.label();
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

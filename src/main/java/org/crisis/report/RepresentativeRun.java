package org.crisis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.crisis.stats.OutcomeStatistics;

/**
 * The kept run closest to the typical run of the set: for each measure summary.json marks
 * {@code representative} (a day to an event counted as horizon + 1 where it never came), the
 * distance of the run's value from the median of all runs in units of that measure's
 * interquartile range (or standard deviation if the IQR is 0); the run with the smallest sum
 * is chosen, the earliest on ties. Only kept runs have events and trajectories, so only they
 * are candidates.
 */
final class RepresentativeRun {
    private RepresentativeRun() {}

    /** The chosen replication, or -1 if no run was kept. */
    static int choose(RunSetResults set) throws ReportException {
        int kept = set.keptAvailable();
        if (kept <= 0) {
            return -1;
        }
        int[] replication = set.replications();
        List<double[]> measures = new ArrayList<>();
        double never = set.days() + 1.0;
        for (OutcomeSummary o : set.outcomes()) {
            double[] v = o.has("representative") ? set.values(o.column()) : null;
            if (v == null) {
                continue;
            }
            if (o.kind().equals("day")) {
                v = v.clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.isNaN(v[i]) ? never : v[i];
                }
            }
            measures.add(v);
        }
        double[] score = new double[replication.length];
        for (double[] v : measures) {
            double[] clean = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (clean.length == 0) {
                continue;
            }
            double median = quantile(clean, 0.5);
            double scale = quantile(clean, 0.75) - quantile(clean, 0.25);
            if (scale <= 0) {
                scale = OutcomeStatistics.of(clean, false).sd();
            }
            if (!(scale > 0)) {
                scale = 1;
            }
            for (int i = 0; i < v.length; i++) {
                score[i] += Double.isNaN(v[i]) ? 1 : Math.abs(v[i] - median) / scale;
            }
        }
        int best = -1;
        for (int i = 0; i < replication.length; i++) {
            if (replication[i] >= kept) {
                continue;
            }
            if (best < 0 || score[i] < score[best] || score[i] == score[best] && replication[i] < replication[best]) {
                best = i;
            }
        }
        return best < 0 ? -1 : replication[best];
    }

    /**
     * The measures in words: "PER-MEX reached SEVERED, …, and the region's polarisation at the
     * end": each tracked pair's, then the others.
     */
    static String measures(RunSetResults set) {
        List<String> pair = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (OutcomeSummary o : set.outcomes()) {
            if (o.has("representative")) {
                List<String> to = o.scope().equals("pair") ? pair : other;
                if (!to.contains(o.shortLabel())) {
                    to.add(o.shortLabel());
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (!pair.isEmpty()) {
            parts.add("each tracked pair's " + String.join(", ", pair));
        }
        if (!other.isEmpty()) {
            parts.add("the region's " + String.join(", ", other));
        }
        return parts.isEmpty() ? "nothing (summary.json marks no representative measure)" : String.join(", and on ", parts);
    }

    /**
     * The measures of escalation a run set records (summary.json: role {@code escalation}, with
     * runs.csv values), by rank: the outcomes of each rank, in summary.json's order.
     */
    static TreeMap<Integer, List<OutcomeSummary>> escalation(RunSetResults set) throws ReportException {
        TreeMap<Integer, List<OutcomeSummary>> out = new TreeMap<>();
        for (OutcomeSummary o : set.outcomes()) {
            if (o.has("escalation") && o.escalationRank() > 0 && set.values(o.column()) != null) {
                out.computeIfAbsent(o.escalationRank(), k -> new ArrayList<>()).add(o);
            }
        }
        return out;
    }

    /**
     * The least and the most escalated of the kept runs, {@code {least, most}} ({@code {-1, -1}}
     * if none was kept, or summary.json marks no measure of escalation). Runs are compared on
     * the measures summary.json marks {@code escalation}, rank by rank: the values of a rank's
     * outcomes are summed (the tracked pairs' lowest levels, say), oriented so that the more
     * escalated run comes first (its {@code more_escalated}: lower or higher values), and a
     * later rank breaks ties (the peak of severed pairs, then total conflict, as crisis run
     * writes them). Measures a run set did not record are left out, and the earliest run wins
     * ties either way.
     */
    static int[] extremes(RunSetResults set) throws ReportException {
        int kept = set.keptAvailable();
        int[] replication = set.replications();
        TreeMap<Integer, List<OutcomeSummary>> ranks = escalation(set);
        if (ranks.isEmpty()) {
            return new int[] {-1, -1};
        }
        double[][] key = new double[ranks.size()][replication.length];
        int r = 0;
        for (List<OutcomeSummary> rank : ranks.values()) {
            for (OutcomeSummary o : rank) {
                double[] v = set.values(o.column());
                for (int i = 0; i < v.length; i++) {
                    key[r][i] += o.escalationKey(v[i]);
                }
            }
            r++;
        }
        // escalation as one comparable key, rank by rank: the smaller, the more escalated
        Comparator<Integer> moreEscalated = (x, y) -> {
            for (double[] k : key) {
                int c = Double.compare(k[x], k[y]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        int least = -1;
        int most = -1;
        for (int i = 0; i < replication.length; i++) {
            if (replication[i] >= kept) {
                continue;
            }
            if (most < 0 || better(moreEscalated.compare(i, most), replication[i], replication[most])) {
                most = i;
            }
            if (least < 0 || better(-moreEscalated.compare(i, least), replication[i], replication[least])) {
                least = i;
            }
        }
        return new int[] {least < 0 ? -1 : replication[least], most < 0 ? -1 : replication[most]};
    }

    /** Whether a candidate that compares {@code c} (negative: ahead) beats the current one, the earlier run on ties. */
    private static boolean better(int c, int candidateRun, int currentRun) {
        return c < 0 || c == 0 && candidateRun < currentRun;
    }

    /** Type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

package org.crisis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kept run closest to the typical run of the set: for each measure (per tracked pair:
 * severed, lowest and final level, days to severance with "never" as horizon + 1, hostile
 * events; for the region: severed pairs and polarisation where present), the distance of the
 * run's value from the median of all runs in units of that measure's interquartile range (or
 * standard deviation if the IQR is 0); the run with the smallest sum is chosen, the earliest
 * on ties. Only kept runs have events and trajectories, so only they are candidates.
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
        for (Pair p : set.pairs()) {
            String s = "_" + p.column();
            for (String m : List.of("severed", "lowest_level", "final_level", "hostile_events", "days_to_severed")) {
                double[] v = set.values(m + s);
                if (v == null) {
                    continue;
                }
                if (m.startsWith("days_to")) {
                    v = v.clone();
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.isNaN(v[i]) ? never : v[i];
                    }
                }
                measures.add(v);
            }
        }
        for (String m : List.of("severed_pairs", "peak_severed_pairs", "polarisation")) {
            double[] v = set.values(m);
            if (v != null) {
                measures.add(v);
            }
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
                scale = Summary.of(clean, false).sd();
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
     * The least and the most escalated of the kept runs, {@code {least, most}} ({@code {-1, -1}}
     * if none was kept). A run is more escalated than another when its tracked pairs fell
     * lower (the sum of their lowest levels, runs.csv {@code lowest_level_*}, is smaller), then
     * when more of the region's pairs were severed at once ({@code peak_severed_pairs}), then
     * when its events were more hostile in all ({@code total_conflict}, the sum of the negative
     * Goldstein weights); measures a run set did not record are left out, and the earliest run
     * wins ties either way.
     */
    static int[] extremes(RunSetResults set) throws ReportException {
        int kept = set.keptAvailable();
        int[] replication = set.replications();
        double[] depth = new double[replication.length];
        for (Pair p : set.pairs()) {
            double[] v = set.values("lowest_level_" + p.column());
            for (int i = 0; v != null && i < v.length; i++) {
                depth[i] += Double.isNaN(v[i]) ? 0 : v[i];
            }
        }
        double[] peak = orZero(set.values("peak_severed_pairs"), replication.length);
        double[] conflict = orZero(set.values("total_conflict"), replication.length);
        // escalation as one comparable key: lower levels, more severed pairs, more (negative) conflict
        java.util.Comparator<Integer> moreEscalated = java.util.Comparator.<Integer>comparingDouble(i -> depth[i])
                .thenComparingDouble(i -> -peak[i]).thenComparingDouble(i -> conflict[i]);
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

    private static double[] orZero(double[] v, int n) {
        if (v == null) {
            return new double[n];
        }
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(out[i]) ? 0 : out[i];
        }
        return out;
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

package org.crisis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisis.stats.OutcomeStatistics;

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

package org.crisis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of countries around the regional network's circle, so that countries sharing
 * blocs sit next to each other: the scenario's first country first, then each time the
 * country not yet placed that shares most with the one placed last (ties: scenario order).
 * What two countries share is a weighted Jaccard index of their blocs, each bloc weighing
 * ln((n + 1) / members), so a bloc every country belongs to (the OAS of a regional scenario)
 * counts for little and a small one (ALBA, Mercosur) for much. Countries without blocs keep
 * their scenario order where the chain reaches them.
 */
final class BlocLayout {
    private BlocLayout() {}

    static List<String> order(List<RunSetResults.Country> countries) {
        int n = countries.size();
        Map<String, Integer> members = new HashMap<>();
        List<Set<String>> blocs = new ArrayList<>();
        for (RunSetResults.Country c : countries) {
            Set<String> b = new HashSet<>(c.blocs());
            blocs.add(b);
            b.forEach(x -> members.merge(x, 1, Integer::sum));
        }
        Map<String, Double> weight = new HashMap<>();
        members.forEach((b, m) -> weight.put(b, Math.log((n + 1.0) / m)));
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        boolean[] placed = new boolean[n];
        int last = 0;
        placed[0] = true;
        out.add(countries.get(0).id());
        for (int k = 1; k < n; k++) {
            int best = -1;
            double bestShare = -1;
            for (int j = 0; j < n; j++) {
                if (placed[j]) {
                    continue;
                }
                double s = share(blocs.get(last), blocs.get(j), weight);
                if (s > bestShare) {
                    best = j;
                    bestShare = s;
                }
            }
            placed[best] = true;
            out.add(countries.get(best).id());
            last = best;
        }
        return out;
    }

    /** The weighted Jaccard index of two sets of blocs: 0 when they share none, 1 when they are the same. */
    static double share(Set<String> a, Set<String> b, Map<String, Double> weight) {
        double both = 0;
        double either = 0;
        for (String x : a) {
            double w = weight.get(x);
            either += w;
            if (b.contains(x)) {
                both += w;
            }
        }
        for (String x : b) {
            if (!a.contains(x)) {
                either += weight.get(x);
            }
        }
        return either > 0 ? both / either : 0;
    }
}

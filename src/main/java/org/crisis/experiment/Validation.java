package org.crisis.experiment;

import java.util.ArrayList;
import java.util.List;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.Scenario;

/**
 * Checks a scenario's expected patterns over replications: the share of runs showing each
 * pattern, its 95 % Wilson interval, and whether the share lies within the bounds.
 * Patterns are counted run by run; no run is kept.
 */
public final class Validation {
    private Validation() {}

    /** One pattern's verdict. */
    public record Row(String scenario, String pattern, Scenario.Bounds bounds, int runs, int held, double low,
            double high) {
        public double observed() {
            return held / (double) runs;
        }

        public boolean pass() {
            return bounds.holds(observed());
        }
    }

    /** Runs the scenario {@code runs} times (its {@code expect.runs} when 0) and checks every pattern. */
    public static List<Row> check(Scenario s, int runs, long seed, int threads, Progress progress) throws Exception {
        List<Scenario.Pattern> patterns = s.expect().map(Scenario.Expectations::patterns).orElse(List.of());
        int n = runs > 0 ? runs : s.expect().map(Scenario.Expectations::runs).orElse(200);
        int[] held = new int[patterns.size()];
        Replications.run(n, threads, k -> {
            MeasuredRun m = MeasuredRun.of(s, Seeds.derive(seed, k));
            boolean[] r = new boolean[patterns.size()];
            for (int p = 0; p < r.length; p++) {
                r[p] = m.holds(patterns.get(p));
            }
            return r;
        }, r -> {
            for (int p = 0; p < r.length; p++) {
                held[p] += r[p] ? 1 : 0;
            }
        }, progress);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < held.length; p++) {
            double[] ci = Intervals.wilson(held[p], n);
            rows.add(new Row(s.name(), patterns.get(p).name(), patterns.get(p).probability(), n, held[p], ci[0], ci[1]));
        }
        return rows;
    }
}

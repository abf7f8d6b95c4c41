package org.crisis.experiment;

import org.crisis.stats.Brier;
import org.crisis.stats.CaseBootstrap;
import org.crisis.stats.Intervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.scenario.Problem;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;

/**
 * Checks a scenario's expected patterns over replications: the share of runs showing each
 * pattern, its 95 % Wilson interval, and whether the share lies within the bounds.
 * Patterns are counted run by run; no run is kept. Run {@code k} uses
 * {@code Seeds.derive(seed, k)}, so two checks with the same seed are a common-random-numbers
 * comparison (what {@code crisis calibrate} relies on).
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
            return Validation.pass(bounds, held, runs);
        }
    }

    /**
     * The verdicts of many patterns summed: how many pass, of those that say something happened
     * (a lower bound above 0) and of the others, their balanced rate (the mean of the two rates,
     * the measure a class-balanced calibration weighs), and a 95 % interval of the pooled rate by
     * resampling cases, since one case's patterns share its runs (null for fewer than
     * {@link #MIN_CASES} cases, where resampling them gives intervals too narrow to trust); and the
     * Brier score of the observed shares against what the one-sided patterns say of the record
     * ({@link Brier}), which, unlike the pass count, does not reward a share of 0 or 1 where the
     * record's event is uncertain.
     */
    public record Summary(int passed, int total, int happenedPassed, int happened, double[] interval, Brier brier) {
        /** Cases below which no interval is given: a cluster bootstrap of a few cases understates the spread. */
        public static final int MIN_CASES = 20;

        /** Sums {@code rows} (grouped by their scenario); the interval's resampling uses {@code seed}. */
        public static Summary of(List<Row> rows, long seed) {
            Map<String, int[]> byCase = new LinkedHashMap<>();
            int passed = 0;
            int happenedPassed = 0;
            int happened = 0;
            Brier.Tally brier = new Brier.Tally();
            for (Row r : rows) {
                brier.add(r.observed(), r.bounds().min().orElse(Double.NaN), r.bounds().max().orElse(Double.NaN));
                int[] c = byCase.computeIfAbsent(r.scenario(), k -> new int[2]);
                c[1]++;
                if (r.pass()) {
                    c[0]++;
                    passed++;
                }
                if (CalibrationLoss.happened(r.bounds())) {
                    happened++;
                    happenedPassed += r.pass() ? 1 : 0;
                }
            }
            double[] interval = byCase.size() < MIN_CASES ? null
                    : CaseBootstrap.passRate(byCase.values().stream().mapToInt(c -> c[0]).toArray(),
                            byCase.values().stream().mapToInt(c -> c[1]).toArray(), seed);
            return new Summary(passed, rows.size(), happenedPassed, happened, interval, brier.result());
        }

        /** The mean of the pass rates of the two kinds of pattern; NaN when either kind is absent. */
        public double balanced() {
            int others = total - happened;
            return happened == 0 || others == 0 ? Double.NaN
                    : (happenedPassed / (double) happened + (passed - happenedPassed) / (double) others) / 2;
        }

        /**
         * Lines for a reader: the pass rate with its interval, then the two kinds of pattern
         * and the balanced rate, e.g. {@code 47 of 62 patterns pass (75.8 %, 95 % interval ...)},
         * then the Brier score when some pattern has a one-sided bound, and the area under the ROC
         * curve when both kinds of one-sided pattern occur.
         */
        public List<String> lines() {
            String first = String.format(Locale.ROOT, "%d of %d %s (%s", passed, total,
                    total == 1 ? "pattern passes" : "patterns pass", percent(passed, total))
                    + (interval == null ? ")" : String.format(Locale.ROOT,
                            ", 95 %% interval %.1f–%.1f %% by resampling cases)", 100 * interval[0], 100 * interval[1]));
            int others = total - happened;
            String second = String.format(Locale.ROOT,
                    "of the %d that record something happened (a lower bound above 0), %d pass (%s); of the %d others, %d (%s)",
                    happened, happenedPassed, percent(happenedPassed, happened), others, passed - happenedPassed,
                    percent(passed - happenedPassed, others))
                    + (Double.isNaN(balanced()) ? "" : String.format(Locale.ROOT, "; balanced rate %.1f %%",
                            100 * balanced()));
            if (brier.events() == 0) {
                return List.of(first, second);
            }
            String third = brier.sentence("shares", n -> n + (n == 1 ? " pattern" : " patterns"),
                    q -> String.format(Locale.ROOT, "%.1f %%", 100 * q));
            String fourth = brier.discrimination("shares");
            return fourth == null ? List.of(first, second, third) : List.of(first, second, third, fourth);
        }

        private static String percent(int k, int n) {
            return n == 0 ? "none" : String.format(Locale.ROOT, "%.1f %%", 100.0 * k / n);
        }
    }

    /** Whether {@code held} of {@code runs} lies within the bounds: the verdict of {@code crisis validate}. */
    public static boolean pass(Scenario.Bounds bounds, int held, int runs) {
        return bounds.holds(held / (double) runs);
    }

    /** Runs the scenario {@code runs} times (its {@code expect.runs} when 0) and checks every pattern. */
    public static List<Row> check(Scenario s, int runs, long seed, int threads, Progress progress) throws Exception {
        return check(s, null, runs, seed, threads, progress);
    }

    /** As {@link #check(Scenario, int, long, int, Progress)}, each run drawing its parameters from {@code draws} if given. */
    public static List<Row> check(Scenario s, ParameterDraws draws, int runs, long seed, int threads, Progress progress)
            throws Exception {
        int n = runs > 0 ? runs : s.expect().map(Scenario.Expectations::runs).orElse(200);
        return rows(s, n, held(s, draws, n, seed, threads, progress));
    }

    /** The expected patterns of a scenario (none without an {@code expect:} block). */
    public static List<Scenario.Pattern> patterns(Scenario s) {
        return s.expect().map(Scenario.Expectations::patterns).orElse(List.of());
    }

    /**
     * Per pattern, in the order of the scenario's {@code expect.patterns}: in how many of
     * runs 0..{@code runs}-1 (seeds {@code Seeds.derive(seed, k)}) it holds. Independent of
     * the number of threads.
     */
    public static int[] held(Scenario s, int runs, long seed, int threads, Progress progress) throws Exception {
        return held(s, null, runs, seed, threads, progress);
    }

    /**
     * As {@link #held(Scenario, int, long, int, Progress)}, with each run drawing its parameter
     * set from a calibration's ensemble when {@code draws} is given, as {@code crisis run
     * --parameters-from} does (the draw depends on the run's seed alone).
     */
    public static int[] held(Scenario s, ParameterDraws draws, int runs, long seed, int threads, Progress progress)
            throws Exception {
        int[] held = new int[patterns(s).size()];
        Replications.run(runs, threads, k -> {
            long runSeed = Seeds.derive(seed, k);
            return shows(draws == null ? s : draws.scenario(draws.draw(runSeed)), patterns(s), runSeed);
        }, r -> {
            for (int p = 0; p < r.length; p++) {
                held[p] += r[p] ? 1 : 0;
            }
        }, progress);
        return held;
    }

    /** Runs the scenario once with {@code seed}; per expected pattern, whether the run shows it. */
    public static boolean[] shows(Scenario s, long seed) {
        return shows(s, patterns(s), seed);
    }

    private static boolean[] shows(Scenario s, List<Scenario.Pattern> patterns, long seed) {
        MeasuredRun m = MeasuredRun.of(s, seed);
        boolean[] r = new boolean[patterns.size()];
        for (int p = 0; p < r.length; p++) {
            r[p] = m.holds(patterns.get(p));
        }
        return r;
    }

    /** The verdicts of held counts over {@code runs} runs. */
    public static List<Row> rows(Scenario s, int runs, int[] held) {
        List<Scenario.Pattern> patterns = patterns(s);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < held.length; p++) {
            double[] ci = Intervals.wilson(held[p], runs);
            rows.add(new Row(s.name(), patterns.get(p).name(), patterns.get(p).probability(), runs, held[p], ci[0], ci[1]));
        }
        return rows;
    }

    /**
     * A parsed scenario with values set by dotted path, as {@code --set} and sweeps set them
     * ({@link Overrides}), then validated. The tree is not changed (a copy is set).
     */
    public static Scenario scenario(Node tree, Map<String, Node> values) throws InvalidInputException {
        Node copy = TreeReader.copyOf(tree);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Node> v : values.entrySet()) {
            Optional<Problem> p = Overrides.set(copy, v.getKey(), v.getValue());
            p.ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ScenarioReader.bind(copy);
    }
}

package org.crisis.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Scenario;

/**
 * Evaluates one candidate: sets its values in each case (except the values a case keeps),
 * runs every case {@code runs} times and counts, per pattern, the runs that show it. Run k of
 * every case and every candidate uses {@code Seeds.derive(seed, k)} (common random numbers:
 * candidates differ by their values, not by their luck). The runs of all cases go to the
 * worker threads together and are counted in order, so the counts do not depend on the
 * number of threads.
 */
final class CalibrationEvaluator implements CalibrationRunner.Model {
    private final List<CalibrationParameter> parameters;
    private final long seed;
    private final int threads;

    CalibrationEvaluator(List<CalibrationParameter> parameters, long seed, int threads) {
        this.parameters = parameters;
        this.seed = seed;
        this.threads = threads;
    }

    /** The scenario of a case with a candidate's values set. */
    static Scenario scenario(CalibrationCase c, List<CalibrationParameter> parameters, List<SweepFactor.Setting> values)
            throws InvalidInputException {
        Map<String, Node> set = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!c.kept().contains(parameters.get(i).path())) {
                set.put(parameters.get(i).path(), values.get(i).node());
            }
        }
        return Validation.scenario(c.tree(), set);
    }

    @Override
    public int[] held(List<CalibrationCase> cases, List<SweepFactor.Setting> values) throws Exception {
        Scenario[][] scenarios = new Scenario[cases.size()][1];
        for (int c = 0; c < cases.size(); c++) {
            scenarios[c][0] = scenario(cases.get(c), parameters, values);
        }
        return held(cases, scenarios, null);
    }

    /**
     * As {@link #held}, each run drawing its set from {@code sets} by the rule of {@code crisis run
     * --parameters-from} ({@link ParameterDraws}: the draw depends on the run's seed alone), so the
     * counts are those of {@code crisis validate --parameters-from} on an ensemble of these sets.
     */
    @Override
    public int[] drawn(List<CalibrationCase> cases, List<List<SweepFactor.Setting>> sets, double[] weights) throws Exception {
        Scenario[][] scenarios = new Scenario[cases.size()][sets.size()];
        for (int c = 0; c < cases.size(); c++) {
            for (int s = 0; s < sets.size(); s++) {
                scenarios[c][s] = scenario(cases.get(c), parameters, sets.get(s));
            }
        }
        return held(cases, scenarios, ParameterDraws.cumulative(weights));
    }

    /** Runs every case: run k of case c with the scenario of the set it draws (the only one without {@code cumulative}). */
    private int[] held(List<CalibrationCase> cases, Scenario[][] scenarios, double[] cumulative) throws Exception {
        int[] firstRun = new int[cases.size()];
        int[] firstPattern = new int[cases.size()];
        int runs = 0;
        int patterns = 0;
        for (int c = 0; c < scenarios.length; c++) {
            firstRun[c] = runs;
            firstPattern[c] = patterns;
            runs += cases.get(c).runs();
            patterns += cases.get(c).patterns().size();
        }
        int[] held = new int[patterns];
        int[] delivered = {0};
        Replications.run(runs, threads, j -> {
            int c = caseOf(firstRun, j);
            long runSeed = Seeds.derive(seed, j - firstRun[c]);
            int set = cumulative == null ? 0 : ParameterDraws.draw(cumulative, runSeed);
            return Validation.shows(scenarios[c][set], runSeed);
        }, r -> {
            int c = caseOf(firstRun, delivered[0]++);
            for (int p = 0; p < r.length; p++) {
                held[firstPattern[c] + p] += r[p] ? 1 : 0;
            }
        }, Progress.none());
        return held;
    }

    /** The case of job j: the last case whose first run is at or before j (cases have at least one run). */
    private static int caseOf(int[] firstRun, int j) {
        int i = Arrays.binarySearch(firstRun, j);
        return i >= 0 ? i : -i - 2;
    }
}

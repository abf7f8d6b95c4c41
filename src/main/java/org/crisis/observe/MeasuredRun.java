package org.crisis.observe;

import java.util.List;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;
import org.crisis.sim.CrisisModel;

/**
 * One run of a scenario with its pair records attached, for checks that need no daily
 * trajectory (validation, tests).
 *
 * <pre>{@code
 * MeasuredRun r = MeasuredRun.of(scenario, seed);
 * boolean severed = r.records().of(r.world(), per, mex).firstSevered() >= 0;
 * }</pre>
 */
public record MeasuredRun(CrisisModel model, PairRecords records) {

    /** Runs {@code scenario} to its end with {@code seed}. */
    public static MeasuredRun of(Scenario scenario, long seed) {
        PairRecords records = new PairRecords();
        CrisisModel model = new CrisisModel(scenario, seed, CrisisModel.DailyObserver.NONE, List.of(records));
        model.runToEnd();
        return new MeasuredRun(model, records);
    }

    public World world() {
        return model.world();
    }

    /** The final level and the measures of the pair {@code a}, {@code b} (ids). */
    public Pair pair(String a, String b) {
        World w = world();
        int i = w.indexOf(a);
        int j = w.indexOf(b);
        if (i < 0 || j < 0 || i == j) {
            throw new IllegalArgumentException("no pair " + a + "-" + b + " in this run");
        }
        org.crisis.model.Dyad d = w.existing(i, j);
        PairRecords.Record m = records.of(w, i, j);
        return new Pair(d == null ? Level.NORMAL : d.level(), m == null ? PairRecords.Record.untouched() : m);
    }

    /** A pair's level at the end of the run and its measures. */
    public record Pair(Level level, PairRecords.Record measures) {
        public Level lowestLevel() {
            return measures.lowestLevel();
        }

        public int firstSevered() {
            return measures.firstSevered();
        }

        public int firstDowngraded() {
            return measures.firstDowngraded();
        }

        public int restoredDay() {
            return measures.restoredDay();
        }
    }

    /** Whether this run shows {@code pattern}. */
    public boolean holds(Scenario.Pattern pattern) {
        return Patterns.holds(pattern, world(), records);
    }

    /** The value of {@code outcome} in this run (polarisation is not measured here: NaN). */
    public double value(Outcome outcome) {
        return outcome.value(world(), records, model.daysRun(), Double.NaN, Double.NaN);
    }
}

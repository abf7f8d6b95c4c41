package org.crisis.observe;

import java.util.List;
import java.util.Optional;
import org.crisis.model.Dyad;
import org.crisis.model.World;
import org.crisis.model.WorldListener;
import org.crisis.scenario.Scenario;
import org.crisis.sim.CrisisModel;

/**
 * Runs one replication and collects what it measures: the tracked pairs each day, and the
 * outcomes at the end. One instance per run.
 *
 * <pre>{@code
 * RunResult r = RunObserver.run(scenario, pairs, outcomes, 0, seed, true);
 * }</pre>
 */
public final class RunObserver implements CrisisModel.DailyObserver {
    private final int[][] tracked;
    private final Trajectory trajectory;
    private final Dyad[] dyads;
    /** Per tracked pair: the grievances read on the last day, and the pair's stamp then (its stored state). */
    private final double[] lastAB;
    private final double[] lastBA;
    private final int[] lastStamp;
    private double polarisationStart = Double.NaN;
    private final long seed;
    private final boolean measurePolarisation;
    private final PairRecords records = new PairRecords();
    /** The levels each event left its pair at, heard only when the run's events are kept. */
    private final EventLevels levels;

    private RunObserver(int[][] tracked, int days, long seed, boolean measurePolarisation, boolean keepEvents) {
        this.tracked = tracked;
        this.trajectory = new Trajectory(tracked.length, days);
        this.dyads = new Dyad[tracked.length];
        this.lastAB = new double[tracked.length];
        this.lastBA = new double[tracked.length];
        this.lastStamp = new int[tracked.length];
        this.seed = seed;
        this.measurePolarisation = measurePolarisation;
        this.levels = keepEvents ? new EventLevels() : null;
    }

    @Override
    public void startOfRun(World w) {
        for (int p = 0; p < tracked.length; p++) {
            dyads[p] = w.dyad(tracked[p][0], tracked[p][1]);
            lastStamp[p] = -1;
        }
        if (measurePolarisation) {
            polarisationStart = Polarisation.balancedShare(w, seed);
        }
    }

    /** Only with tracked pairs is there anything to read every day. */
    @Override
    public boolean daily() {
        return tracked.length > 0;
    }

    @Override
    public void endOfDay(World w) {
        for (int p = 0; p < tracked.length; p++) {
            Dyad d = dyads[p];
            if (d.stamp() != lastStamp[p]) {
                lastStamp[p] = d.stamp();
                lastAB[p] = w.grievance(d, tracked[p][0]);
                lastBA[p] = w.grievance(d, tracked[p][1]);
            } else {
                // untouched since yesterday: one more day of decay (and mediation)
                double keep = w.dailyFactor(d, tracked[p][0], w.day());
                lastAB[p] *= keep;
                lastBA[p] *= d.fadeAlike() ? keep : w.dailyFactor(d, tracked[p][1], w.day());
            }
            trajectory.set(p, d.level().ordinal(), lastAB[p], lastBA[p]);
        }
        trajectory.endDay();
    }

    /** Runs replication {@code index} with {@code seed} and measures it. */
    public static RunResult run(Scenario scenario, int[][] tracked, List<Outcome> outcomes, int index, long seed,
            boolean keepEvents) {
        boolean polarisation = outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.POLARISATION
                || o.kind() == Outcome.Kind.POLARISATION_START);
        RunObserver observer = new RunObserver(tracked, scenario.days(), seed, polarisation, keepEvents);
        List<WorldListener> measures = observer.levels == null ? List.of(observer.records)
                : List.of(observer.records, observer.levels);
        CrisisModel model = new CrisisModel(scenario, seed, observer, measures);
        model.runToEnd();
        World w = model.world();
        double polarisationEnd = polarisation ? Polarisation.balancedShare(w, seed + 1) : Double.NaN;
        double[] values = new double[outcomes.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = outcomes.get(k).value(w, observer.records, model.daysRun(), observer.polarisationStart, polarisationEnd);
        }
        return new RunResult(index, seed, model.daysRun(), values, observer.trajectory,
                keepEvents ? Optional.of(List.copyOf(w.events())) : Optional.empty(), observer.levels);
    }

    /** Country indexes of the scenario's pairs. */
    public static int[][] indexes(Scenario s, List<Scenario.Pair> pairs) {
        int[][] t = new int[pairs.size()][];
        for (int p = 0; p < t.length; p++) {
            t[p] = new int[] {s.indexOf(pairs.get(p).a()), s.indexOf(pairs.get(p).b())};
        }
        return t;
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.crisis.model.Level;
import org.crisis.observe.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * The ensemble of trajectories (README, "ensemble.csv"): shares at each level are exact, and
 * grievance quantiles, read from histograms of 200 bins, lie within one bin (0.005) of the
 * exact quantiles of the data, and are the runs' value where they agree, whatever order the
 * runs arrive in.
 */
class EnsembleTest {
    private static final double BIN = 1.0 / 200;

    /** A run's trajectory of one pair; {@code ab[day]}, {@code ba[day]} and {@code level[day]}. */
    private static Trajectory trajectory(int[] level, double[] ab, double[] ba) throws ReflectiveOperationException {
        // Trajectory is filled by the simulator's observer; its writers are package-private
        Constructor<Trajectory> make = Trajectory.class.getDeclaredConstructor(int.class, int.class);
        make.setAccessible(true);
        Method set = Trajectory.class.getDeclaredMethod("set", int.class, int.class, double.class, double.class);
        set.setAccessible(true);
        Method endDay = Trajectory.class.getDeclaredMethod("endDay");
        endDay.setAccessible(true);
        Trajectory t = make.newInstance(1, ab.length);
        for (int day = 0; day < ab.length; day++) {
            set.invoke(t, 0, level[day], ab[day], ba[day]);
            endDay.invoke(t);
        }
        return t;
    }

    /** The exact q-quantile of the data: the smallest value with at least q·n values at or below it. */
    private static double exact(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Test
    void grievanceQuantilesAreWithinOneBinOfTheExactQuantiles() throws Exception {
        int runs = 1000;
        int days = 3;
        MersenneTwisterFast r = new MersenneTwisterFast(8);
        double[][] ab = new double[days][runs];
        double[][] ba = new double[days][runs];
        Ensemble e = new Ensemble(1, days);
        for (int k = 0; k < runs; k++) {
            int[] level = new int[days];
            double[] x = new double[days];
            double[] y = new double[days];
            for (int day = 0; day < days; day++) {
                // day 0 uniform; day 1 skewed towards 0; day 2 three in ten without grievance
                double u = r.nextDouble();
                x[day] = day == 0 ? u : day == 1 ? u * u * u : (k % 10 < 3 ? 0 : u);
                y[day] = 1 - Math.sqrt(r.nextDouble());
                ab[day][k] = (float) x[day]; // trajectories hold floats
                ba[day][k] = (float) y[day];
                level[day] = Level.NORMAL.ordinal();
            }
            e.add(trajectory(level, x, y));
        }
        for (int day = 0; day < days; day++) {
            for (double q : Ensemble.QUANTILES) {
                assertEquals(exact(ab[day], q), e.quantile(day, 0, 0, q), BIN + 1e-9, "day " + day + " ab q" + q);
                assertEquals(exact(ba[day], q), e.quantile(day, 0, 1, q), BIN + 1e-9, "day " + day + " ba q" + q);
            }
        }
        assertEquals(0.0, e.quantile(2, 0, 0, 0.05), 0.0, "no grievance is exactly 0");
        assertEquals(0.0, e.quantile(2, 0, 0, 0.25), 0.0);
        assertTrue(e.quantile(2, 0, 0, 0.5) > 0);
    }

    @Test
    void runsThatAgreeGiveTheirValueAndAFadingGrievanceIsNotRaisedToABinsMiddle() throws Exception {
        Ensemble e = new Ensemble(1, 2);
        for (int k = 0; k < 100; k++) {
            // every run the same: 0.15 on day 0, faded to 4.8e-5 on day 1 (inside the first bin)
            e.add(trajectory(new int[] {2, 2}, new double[] {0.15, 4.8e-5}, new double[] {0.15, 0}));
        }
        for (double q : Ensemble.QUANTILES) {
            // kept to 1/65535 of a bin (8e-8), beside the bin's 0.005
            assertEquals(0.15, e.quantile(0, 0, 0, q), 1e-7, "no spread where the runs agree, q" + q);
            assertEquals(4.8e-5, e.quantile(1, 0, 0, q), 1e-7, "the faded value itself, not 0.0025, q" + q);
            assertEquals(0.0, e.quantile(1, 0, 1, q), 0.0);
        }
    }

    @Test
    void aFullGrievanceFallsInTheTopBin() throws Exception {
        Ensemble e = new Ensemble(1, 1);
        for (int k = 0; k < 10; k++) {
            e.add(trajectory(new int[] {2}, new double[] {1.0}, new double[] {0.9999}));
        }
        assertEquals(1.0, e.quantile(0, 0, 0, 0.95), BIN);
        assertTrue(e.quantile(0, 0, 0, 0.95) <= 1.0);
        assertEquals(1.0, e.quantile(0, 0, 1, 0.5), BIN);
    }

    @Test
    void levelSharesAreExactAndCountOnlyRunsThatReachedTheDay() throws Exception {
        Ensemble e = new Ensemble(1, 3);
        e.add(trajectory(new int[] {2, 1, 0}, new double[3], new double[3]));
        e.add(trajectory(new int[] {2, 1, 1}, new double[3], new double[3]));
        e.add(trajectory(new int[] {2, 2}, new double[2], new double[2])); // stopped after two days
        e.add(trajectory(new int[] {4}, new double[1], new double[1])); // stopped after one
        assertEquals(4, e.runs(0));
        assertEquals(3, e.runs(1));
        assertEquals(2, e.runs(2));
        assertEquals(0.75, e.share(0, 0, Level.NORMAL), 0.0);
        assertEquals(0.25, e.share(0, 0, Level.ALLIED), 0.0);
        assertEquals(2 / 3.0, e.share(1, 0, Level.DOWNGRADED), 0.0);
        assertEquals(0.5, e.share(2, 0, Level.SEVERED), 0.0);
        assertEquals(0.5, e.share(2, 0, Level.DOWNGRADED), 0.0);
        assertEquals(0.0, e.share(2, 0, Level.NORMAL), 0.0);
    }

    @Test
    void theOrderInWhichRunsArriveDoesNotMatter() throws Exception {
        MersenneTwisterFast r = new MersenneTwisterFast(3);
        List<Trajectory> runs = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int[] level = new int[5];
            double[] ab = new double[5];
            double[] ba = new double[5];
            for (int d = 0; d < 5; d++) {
                level[d] = r.nextInt(5);
                ab[d] = r.nextDouble();
                ba[d] = r.nextDouble() * 0.3;
            }
            runs.add(trajectory(level, ab, ba));
        }
        Ensemble forward = new Ensemble(1, 5);
        runs.forEach(forward::add);
        Collections.shuffle(runs, new java.util.Random(1));
        Ensemble shuffled = new Ensemble(1, 5);
        runs.forEach(shuffled::add);
        for (int d = 0; d < 5; d++) {
            for (Level l : Level.values()) {
                assertEquals(forward.share(d, 0, l), shuffled.share(d, 0, l), 0.0);
            }
            for (double q : Ensemble.QUANTILES) {
                assertEquals(forward.quantile(d, 0, 0, q), shuffled.quantile(d, 0, 0, q), 0.0);
                assertEquals(forward.quantile(d, 0, 1, q), shuffled.quantile(d, 0, 1, q), 0.0);
            }
        }
    }
}

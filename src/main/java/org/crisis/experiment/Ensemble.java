package org.crisis.experiment;

import org.crisis.model.Level;
import org.crisis.observe.Trajectory;

/**
 * The ensemble of trajectories, accumulated run by run without keeping them: per tracked
 * pair and day, how many runs stood at each level, and a histogram of each grievance with
 * {@link #BINS} bins on (0, 1] plus one for "no grievance", from which quantiles are read
 * (exact to a bin, 0.005), with the lowest and highest grievance each bin holds (to 1/65535 of a
 * bin, two bytes each), so that a quantile is read between the values the runs had, not the bin's
 * edges: where the runs agree it is their value, and a grievance that fades towards 0 is not shown
 * at a bin's middle.
 * Counts, lowest and highest do not depend on the order runs arrive in, so they merge exactly.
 */
public final class Ensemble {
    static final int BINS = 200;
    private static final int SLOTS = BINS + 1;
    private static final double ZERO = 1e-9;
    static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    private static final int LEVELS = Level.values().length;

    private final int pairs;
    private final int days;
    private final int[] levelCounts;
    /**
     * Two ints a slot, side by side so that a count touches one cache line: the runs in the slot, and
     * where in its bin the lowest and the highest grievance lie, 0 to {@link #STEPS}, packed as
     * {@code lowest << 16 | highest} ({@link #EMPTY} before any).
     */
    private final int[] histogram;
    private final int[] reached;

    public Ensemble(int pairs, int days) {
        this.pairs = pairs;
        this.days = days;
        this.levelCounts = new int[pairs * days * LEVELS];
        this.histogram = new int[pairs * days * 2 * SLOTS * 2];
        for (int i = 1; i < histogram.length; i += 2) {
            histogram[i] = EMPTY;
        }
        this.reached = new int[days];
    }

    public void add(Trajectory t) {
        for (int day = 0; day < t.days(); day++) {
            reached[day]++;
            for (int p = 0; p < pairs; p++) {
                int cell = day * pairs + p;
                levelCounts[cell * LEVELS + t.level(day, p)]++;
                count((cell * 2) * SLOTS, t.grievanceAB(day, p));
                count((cell * 2 + 1) * SLOTS, t.grievanceBA(day, p));
            }
        }
    }

    /** Steps within a bin at which the lowest and highest grievance are kept. */
    private static final int STEPS = 0xFFFE;
    /** A slot's lowest and highest before any grievance: a lowest above every step, a highest below. */
    private static final int EMPTY = 0xFFFF << 16;

    /** Counts grievance {@code g} (0 or more) in the histogram that begins at {@code base}: slot 0 for none, else its bin. */
    private void count(int base, double g) {
        if (g < ZERO) {
            histogram[2 * base]++;
            return;
        }
        double x = g * BINS;
        int b = Math.min((int) x, BINS - 1);
        int at = 2 * (base + 1 + b);
        histogram[at]++;
        int step = Math.min(STEPS, (int) ((x - b) * STEPS + 0.5)); // above the top bin only for g > 1
        int packed = histogram[at + 1];
        int low = Math.min(packed >>> 16, step);
        int high = Math.max(packed & 0xFFFF, step);
        histogram[at + 1] = low << 16 | high;
    }

    /** Runs that reached a day (fewer than all when runs stop early). */
    public int runs(int day) {
        return reached[day];
    }

    public int days() {
        return days;
    }

    public int pairs() {
        return pairs;
    }

    public double share(int day, int pair, Level level) {
        int n = reached[day];
        return n == 0 ? Double.NaN : levelCounts[(day * pairs + pair) * LEVELS + level.ordinal()] / (double) n;
    }

    /**
     * Quantile {@code q} of a direction's grievance (0: a against b, 1: b against a), by linear
     * interpolation within the bin between the lowest and highest grievance the runs had in it.
     */
    public double quantile(int day, int pair, int direction, double q) {
        int n = reached[day];
        if (n == 0) {
            return Double.NaN;
        }
        int base = ((day * pairs + pair) * 2 + direction) * SLOTS;
        double rank = q * n;
        long cumulative = histogram[2 * base];
        if (cumulative >= rank) {
            return 0;
        }
        for (int b = 0; b < BINS; b++) {
            int at = 2 * (base + 1 + b);
            int c = histogram[at];
            if (c > 0 && cumulative + c >= rank) {
                double within = Math.max(0, Math.min(1, (rank - cumulative) / c));
                double low = (histogram[at + 1] >>> 16) / (double) STEPS;
                double high = (histogram[at + 1] & 0xFFFF) / (double) STEPS;
                return (b + low + within * (high - low)) / BINS;
            }
            cumulative += c;
        }
        return 1.0;
    }
}

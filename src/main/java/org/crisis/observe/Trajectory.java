package org.crisis.observe;

/**
 * Daily level and both grievances of each tracked pair over one run, in flat primitive
 * arrays filled without allocation during the run.
 */
public final class Trajectory {
    private final int pairs;
    private final byte[] level;
    private final float[] grievanceAB;
    private final float[] grievanceBA;
    private int days;

    Trajectory(int pairs, int capacity) {
        this.pairs = pairs;
        this.level = new byte[pairs * capacity];
        this.grievanceAB = new float[pairs * capacity];
        this.grievanceBA = new float[pairs * capacity];
    }

    void set(int pair, int levelOrdinal, double gab, double gba) {
        int k = days * pairs + pair;
        level[k] = (byte) levelOrdinal;
        grievanceAB[k] = (float) gab;
        grievanceBA[k] = (float) gba;
    }

    void endDay() {
        days++;
    }

    /** Days recorded (the horizon, or fewer if the run stopped early). */
    public int days() {
        return days;
    }

    public int pairs() {
        return pairs;
    }

    public int level(int day, int pair) {
        return level[day * pairs + pair];
    }

    public double grievanceAB(int day, int pair) {
        return grievanceAB[day * pairs + pair];
    }

    public double grievanceBA(int day, int pair) {
        return grievanceBA[day * pairs + pair];
    }
}

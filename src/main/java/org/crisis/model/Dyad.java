package org.crisis.model;

/**
 * The relation between two countries {@code a < b}: the symmetric level and, per
 * direction (index 0 is a's view of b, 1 is b's view of a), grievance, trade dependence
 * and posture on the escalation ladder; plus what a run measures about the pair.
 * Created only when a pair is first touched, so untouched pairs cost nothing.
 */
public final class Dyad {
    final int a;
    final int b;
    int level;
    final double[] grievance = new double[2];
    final double[] trade = new double[2];
    /** Rung of each side's last act towards the other. */
    final int[] posture = new int[2];
    /** Governments of the side and of the other when the side took its posture. */
    final int[] postureOwnGovernment = new int[2];
    final int[] postureOtherGovernment = new int[2];
    /** Day each side last escalated against the other (reciprocity), or far in the past. */
    final int[] lastEscalation = {Integer.MIN_VALUE / 2, Integer.MIN_VALUE / 2};
    /** Id of the latest event each side would be answering, for causes. */
    final int[] grievanceCause = {Event.NONE, Event.NONE};
    /** Decaying count of third-party condemnations of each side's acts against the other. */
    final double[] condemnation = new double[2];
    /** Ideological distance and shared blocs of the two, cached; refreshed when a government changes. */
    double distance;
    double sharedBlocs;
    /**
     * What the two governments' statements about each other have built, in [-1, 1]: support
     * moves it up, condemnation down; part of the affinity, discounted by a new government.
     */
    double stance;
    int lastEventDay = Integer.MIN_VALUE / 2;
    /** In the active set; while not, decay is owed from {@code decayedThrough} on. */
    boolean active;
    boolean pinned;
    int decayedThrough = -1;
    int indexInActive = -1;
    int mediationUntil = Integer.MIN_VALUE / 2;
    double mediationCredibility;
    int mediationEvent = Event.NONE;

    // measures (docs/MODEL.md, section 8)
    int lowestLevel;
    /** First day at each level or below, by level ordinal; -1 if never. */
    final int[] firstAtOrBelow = {-1, -1, -1, -1, -1};
    int firstDowngraded = -1;
    int firstSevered = -1;
    boolean wasLow;
    int restoredDay = -1;
    int hostileEvents;
    int cooperativeEvents;

    Dyad(int a, int b, int level) {
        this.a = a;
        this.b = b;
        this.level = level;
        this.lowestLevel = level;
        for (int l = level; l < firstAtOrBelow.length; l++) {
            firstAtOrBelow[l] = 0;
        }
        if (level <= Level.DOWNGRADED.ordinal()) {
            wasLow = true;
            firstDowngraded = 0;
            if (level == Level.SEVERED.ordinal()) {
                firstSevered = 0;
            }
        }
    }

    int side(int country) {
        return country == a ? 0 : 1;
    }

    int other(int country) {
        return country == a ? b : a;
    }

    boolean mediated(int day) {
        return day < mediationUntil;
    }

    boolean hasBusiness(int day, int memory, double floor) {
        return grievance[0] > floor || grievance[1] > floor || day - lastEventDay <= memory
                || day < mediationUntil || level < Level.NORMAL.ordinal();
    }

    public int a() {
        return a;
    }

    public int b() {
        return b;
    }

    public Level level() {
        return Level.of(level);
    }

    /** Grievance of {@code country} against the other side. */
    public double grievanceOf(int country) {
        return grievance[side(country)];
    }

    public double grievanceA() {
        return grievance[0];
    }

    public double grievanceB() {
        return grievance[1];
    }

    public Level lowestLevel() {
        return Level.of(lowestLevel);
    }

    /** First day at {@code level} or below, or -1 if never (day 0 if the run began there). */
    public int firstDayAtOrBelow(Level level) {
        return firstAtOrBelow[level.ordinal()];
    }

    /** First day at DOWNGRADED or below, or -1. */
    public int firstDowngraded() {
        return firstDowngraded;
    }

    /** First day SEVERED, or -1. */
    public int firstSevered() {
        return firstSevered;
    }

    /** First day back at NORMAL or above after having been DOWNGRADED or below, or -1. */
    public int restoredDay() {
        return restoredDay;
    }

    public int hostileEvents() {
        return hostileEvents;
    }

    public int cooperativeEvents() {
        return cooperativeEvents;
    }

    public int posture(int country) {
        return posture[side(country)];
    }
}

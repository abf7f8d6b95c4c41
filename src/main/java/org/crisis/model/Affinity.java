package org.crisis.model;

/**
 * Affinity A(i,j) and the stances statements build (docs/MODEL.md 3.2): structure
 * (ideological distance, shared blocs), the level of relations, and the stance.
 */
final class Affinity {
    private final World w;
    private final double aIdeo;
    private final double aBloc;
    private final double aLevel;
    private final double stanceWeight;
    private final double stanceGain;
    private final double socialWeight;

    Affinity(World w, Parameters p) {
        this.w = w;
        this.aIdeo = p.get(Parameter.AFFINITY_IDEOLOGY);
        this.aBloc = p.get(Parameter.AFFINITY_BLOC);
        this.aLevel = p.get(Parameter.AFFINITY_LEVEL);
        this.stanceWeight = p.get(Parameter.STANCE_WEIGHT);
        this.stanceGain = p.get(Parameter.STANCE_GAIN);
        this.socialWeight = p.get(Parameter.SOCIAL_AXIS_WEIGHT);
    }

    /**
     * Ideological distance scaled to [0, 1]: a weighted Euclidean distance in which the
     * social axis counts {@code w_s} and the economic (left-right) axis {@code 1 − w_s}.
     */
    double distance(int i, int j) {
        Country x = w.countries.get(i);
        Country y = w.countries.get(j);
        return distance(x.economic - y.economic, x.social - y.social);
    }

    double distance(double de, double ds) {
        return Math.sqrt((1 - socialWeight) * de * de + socialWeight * ds * ds) / 2;
    }

    /** Shared blocs, saturating at two: 0, 0.5 or 1. */
    double sharedBlocs(int i, int j) {
        long[] x = w.countries.get(i).blocs;
        long[] y = w.countries.get(j).blocs;
        int shared = Long.bitCount(x[0] & y[0]) + Long.bitCount(x[1] & y[1]);
        return Math.min(shared, 2) / 2.0;
    }

    boolean shareBloc(int i, int j) {
        long[] x = w.countries.get(i).blocs;
        long[] y = w.countries.get(j).blocs;
        return (x[0] & y[0]) != 0 || (x[1] & y[1]) != 0;
    }

    double of(int i, int j) {
        Dyad d = w.existing(i, j);
        return d == null ? of(distance(i, j), sharedBlocs(i, j), Level.NORMAL.ordinal()) : of(d);
    }

    /** Affinity of a pair with a relation: structure, level, and the stance its statements built. */
    double of(Dyad d) {
        double a = of(d.distance, d.sharedBlocs, d.level) + stanceWeight * d.stance;
        return a > 1 ? 1 : a < -1 ? -1 : a;
    }

    double of(double distance, double shared, int level) {
        double raw = aIdeo * (1 - distance) + aBloc * shared + aLevel * (level - 2) / 2.0;
        double lo = -aLevel;
        double hi = aIdeo + aBloc + aLevel;
        return hi > lo ? 2 * (raw - lo) / (hi - lo) - 1 : 0;
    }

    /**
     * A statement of {@code speaker} about {@code target} moves their stance a share
     * {@code stanceGain} of the way to +1 (support) or -1 (condemnation).
     */
    void takeStance(int speaker, int target, boolean support) {
        Dyad d = w.dyad(speaker, target);
        w.touch(d);
        d.stance += stanceGain * ((support ? 1 : -1) - d.stance);
    }

    /** Caches a pair's structural terms; again whenever a government changes. */
    void refresh(Dyad d) {
        d.distance = distance(d.a, d.b);
        d.sharedBlocs = sharedBlocs(d.a, d.b);
    }
}

package org.crisis.experiment;

/**
 * The points of a design as coordinates in the unit cube, one row per point, one column per
 * factor; {@link SweepFactor#at} turns a coordinate into a value. Immutable.
 */
public final class DesignPoints {
    private final int count;
    private final int dimensions;
    private final double[] u;

    DesignPoints(int count, int dimensions, double[] u) {
        if (u.length != (long) count * dimensions) {
            throw new IllegalArgumentException("expected " + count + " x " + dimensions + " coordinates");
        }
        this.count = count;
        this.dimensions = dimensions;
        this.u = u;
    }

    public int count() {
        return count;
    }

    public int dimensions() {
        return dimensions;
    }

    /** Coordinate of factor {@code factor} at point {@code point}, in [0, 1]. */
    public double u(int point, int factor) {
        return u[point * dimensions + factor];
    }

    /** A copy of one point's coordinates. */
    public double[] point(int point) {
        double[] p = new double[dimensions];
        System.arraycopy(u, point * dimensions, p, 0, dimensions);
        return p;
    }
}

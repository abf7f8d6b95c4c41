package org.crisis.experiment;

import java.util.Locale;
import java.util.Optional;

/**
 * How a sweep chooses its points (docs/SWEEPS.md, "Designs"). {@link #SOBOL} and
 * {@link #MORRIS} also produce sensitivity indices.
 */
public enum Design {
    /** Full factorial over listed values and {@code steps} levels of each range. */
    GRID,
    /** {@code samples} independent uniform points. */
    RANDOM,
    /** Latin hypercube: {@code samples} points, one in each of {@code samples} strata per factor. */
    LHS,
    /** Saltelli's scheme on a Sobol sequence: {@code samples}·(d + 2) points, for Sobol indices. */
    SOBOL,
    /** Morris trajectories: {@code samples}·(d + 1) points, for elementary effects. */
    MORRIS;

    /** The name used in sweep files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Design> byKey(String key) {
        for (Design d : values()) {
            if (d.key().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code samples} is needed (every design but the grid). */
    public boolean sampled() {
        return this != GRID;
    }

    /** Whether the design writes sensitivity.csv. */
    public boolean sensitivity() {
        return this == SOBOL || this == MORRIS;
    }

    /** Number of points for {@code samples} and {@code d} factors (grid: use {@link Designs#grid}). */
    public long points(int samples, int d) {
        return switch (this) {
            case SOBOL -> (long) samples * (d + 2);
            case MORRIS -> (long) samples * (d + 1);
            default -> samples;
        };
    }
}

package org.crisis.experiment;

import java.math.BigDecimal;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.TreeReader;

/**
 * One free value of a calibration (an entry of {@code parameters:} in a calibration file): the
 * dotted path it sets in every case, its column in the result files, its range and scale, and
 * where the search starts. The optimiser works on a coordinate {@code u} in [0, 1] per
 * parameter; {@link #at(double)} turns it into the value set in the scenarios
 * (docs/CALIBRATION.md, "Search space"):
 *
 * <ul>
 *   <li>linear scale: {@code min + u·(max − min)};</li>
 *   <li>log scale: {@code exp(ln min + u·(ln max − ln min))}, so that each factor of ten of the
 *       range gets the same share of the unit interval;</li>
 *   <li>real values are rounded to 6 significant digits (the value written is the value used);
 *       whole-number paths take {@code floor(min + u·(max − min + 1))} on a linear scale (each
 *       whole number equally likely, as in sweeps) and the nearest whole number on a log
 *       scale.</li>
 * </ul>
 *
 * @param path dotted path in the scenarios, e.g. {@code parameters.grievanceDecay}
 * @param column snake_case column name, e.g. {@code parameters_grievance_decay}
 * @param integer whether the path holds a whole number
 * @param log whether the range is searched on a log scale
 * @param start where the search starts, in [min, max]
 */
public record CalibrationParameter(String path, String column, boolean integer, double min, double max, boolean log,
        double start) {

    /** The value at coordinate {@code u} in [0, 1] (clamped): the node to set and its text. */
    public SweepFactor.Setting at(double u) {
        double c = Math.max(0, Math.min(1, u));
        Node n;
        if (integer) {
            long lo = (long) Math.ceil(min);
            long hi = (long) Math.floor(max);
            long x;
            if (log) {
                x = Math.round(StrictMath.exp(StrictMath.log(lo) + c * (StrictMath.log(hi) - StrictMath.log(lo))));
            } else {
                x = lo + (long) Math.floor(c * (hi - lo + 1));
            }
            n = number(Long.toString(Math.max(lo, Math.min(hi, x))));
        } else {
            double x = log ? StrictMath.exp(StrictMath.log(min) + c * (StrictMath.log(max) - StrictMath.log(min)))
                    : min + c * (max - min);
            x = Math.max(min, Math.min(max, SweepFactor.tidy(x, 6)));
            n = number(BigDecimal.valueOf(x).stripTrailingZeros().toPlainString());
        }
        return new SweepFactor.Setting(n, SweepFactor.text(n));
    }

    /**
     * "min" or "max" when {@code value} is at that end of the range (a whole-number value at the first or last whole
     * number in it; another within {@code share} of the range of it on the search scale), else "".
     */
    public String endOf(double value, double share) {
        if (integer) {
            return value <= Math.ceil(min) ? "min" : value >= Math.floor(max) ? "max" : "";
        }
        double u = u(value);
        return u <= share ? "min" : u >= 1 - share ? "max" : "";
    }

    /** The end of the range as a value takes it: a whole-number range's first or last whole number. */
    public double end(String which) {
        double v = "min".equals(which) ? min : max;
        return integer ? ("min".equals(which) ? Math.ceil(v) : Math.floor(v)) : v;
    }

    /** The coordinate of a value of the range (the inverse of {@link #at}, up to rounding). */
    public double u(double value) {
        double lo = integer ? Math.ceil(min) : min;
        double hi = integer ? Math.floor(max) : max;
        if (hi <= lo) {
            return 0;
        }
        double x = Math.max(lo, Math.min(hi, value));
        double u;
        if (log) {
            u = (StrictMath.log(x) - StrictMath.log(lo)) / (StrictMath.log(hi) - StrictMath.log(lo));
        } else if (integer) {
            u = (x - lo + 0.5) / (hi - lo + 1); // the middle of the whole number's share
        } else {
            u = (x - lo) / (hi - lo);
        }
        return Math.max(0, Math.min(1, u));
    }

    /** The parameter's name within {@code parameters.} (e.g. {@code grievanceDecay}), or empty for another path. */
    public String parameterName() {
        return path.startsWith("parameters.") && path.indexOf('.', "parameters.".length()) < 0
                ? path.substring("parameters.".length()) : "";
    }

    /** A number node as the scenario reader sees it (whole numbers as Long). */
    static Node number(String text) {
        try {
            return TreeReader.parse("calibration", text, true);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("not a number: " + text, e);
        }
    }
}

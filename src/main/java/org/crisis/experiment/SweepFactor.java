package org.crisis.experiment;

import org.crisis.io.Csv;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.TreeReader;

/**
 * One varied value of a sweep (an entry of {@code vary:}): the dotted path it sets, its
 * column in the result files, and its domain, either a list of {@code values} or a range
 * {@code min..max} (with {@code steps} grid levels). A design chooses a coordinate
 * {@code u} in [0, 1] per factor and point; {@link #at(double, boolean)} turns it into the
 * value written into the scenario and the text written into the CSV files.
 *
 * <p>Mapping (docs/SWEEPS.md, "Designs"): a list of k values takes value
 * {@code floor(u·k)}; a range takes {@code min + u·(max − min)} rounded to 6 significant
 * digits, or for an integer path (days, event days, integer parameters) the whole number
 * {@code floor(min + u·(max − min + 1))}, so each whole number is equally likely. In a grid
 * a range has {@code steps} evenly spaced levels (whole numbers rounded, duplicates dropped).
 *
 * @param path dotted path in the scenario, e.g. {@code countries.PER.sovereignty}
 * @param column snake_case column name, e.g. {@code countries_per_sovereignty}
 * @param integer whether the path holds a whole number
 * @param values the listed values (empty for a range)
 * @param min range minimum (unused for a list)
 * @param max range maximum (unused for a list)
 * @param gridLevels the levels used by a grid: the values, or {@code steps} points of the range
 */
public record SweepFactor(String path, String column, boolean integer, List<Node> values, double min, double max,
        List<Node> gridLevels) {

    /** The value a point gives a factor: the node to set and its CSV text. */
    public record Setting(Node node, String text) {}

    public SweepFactor {
        values = List.copyOf(values);
        gridLevels = List.copyOf(gridLevels);
    }

    /** A factor over listed values (YAML scalars as written in the sweep file). */
    public static SweepFactor ofValues(String path, String column, boolean integer, List<Node> values) {
        return new SweepFactor(path, column, integer, values, Double.NaN, Double.NaN, values);
    }

    /** A factor over a range; {@code steps} (0 when absent) gives its grid levels. */
    public static SweepFactor ofRange(String path, String column, boolean integer, double min, double max, int steps) {
        List<Node> levels = new ArrayList<>();
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < steps; i++) {
            double level = level(min, max, steps, i, integer);
            if (seen.add(level)) {
                levels.add(integer ? whole((long) level) : real(level));
            }
        }
        return new SweepFactor(path, column, integer, List.of(), min, max, levels);
    }

    /** Grid level i of a range: whole numbers rounded, others rounded to 10 significant digits. */
    private static double level(double min, double max, int steps, int i, boolean integer) {
        double x = steps == 1 ? min : min + (max - min) * i / (steps - 1);
        return (integer ? Math.round(x) : tidy(x, 10)) + 0.0; // + 0.0: no -0.0 beside 0.0
    }

    /** The number of distinct grid levels {@link #ofRange} gives, without building them. */
    public static int levelCount(double min, double max, int steps, boolean integer) {
        if (steps == 1 || min == max) {
            return 1;
        }
        double step = (max - min) / (steps - 1);
        if (integer ? step >= 1 : step > 2e-9 * Math.max(Math.abs(min), Math.abs(max))) {
            return steps; // levels further apart than the rounding: all distinct
        }
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < steps; i++) {
            seen.add(level(min, max, steps, i, integer));
        }
        return seen.size();
    }

    public boolean isRange() {
        return values.isEmpty();
    }

    /** The value at coordinate {@code u} in [0, 1]; {@code grid} picks the grid levels of a range. */
    public Setting at(double u, boolean grid) {
        List<Node> list = grid || !isRange() ? gridLevels : null;
        if (list != null) {
            int k = list.size();
            int i = Math.min(k - 1, Math.max(0, (int) Math.floor(u * k)));
            Node n = list.get(i);
            return new Setting(n, text(n));
        }
        Node n;
        if (integer) {
            long lo = (long) Math.ceil(min);
            long hi = (long) Math.floor(max);
            n = whole(Math.min(hi, lo + (long) Math.floor(u * (hi - lo + 1))));
        } else {
            n = real(tidy(min + u * (max - min), 6));
        }
        return new Setting(n, text(n));
    }

    /** Extreme and listed values, the ones checked against the scenario before a sweep runs. */
    public List<Node> checkedValues() {
        if (!isRange()) {
            return values;
        }
        List<Node> list = new ArrayList<>(gridLevels);
        list.add(0, at(0, false).node());
        list.add(at(1, false).node());
        return list;
    }

    /** {@code x} rounded to {@code digits} significant digits, so that the CSV shows the value used. */
    static double tidy(double x, int digits) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).round(new MathContext(digits)).doubleValue();
    }

    private static Node whole(long x) {
        return number(Long.toString(x));
    }

    private static Node real(double x) {
        return number(plain(x));
    }

    /** A number node as the scenario reader sees it (whole numbers as Long); JSON is the cheap parser. */
    private static Node number(String text) {
        try {
            return TreeReader.parse("sweep", text, true);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("not a number: " + text, e);
        }
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** A value as a CSV cell: numbers in plain decimal notation, text quoted when needed. */
    public static String text(Node n) {
        if (!(n instanceof Node.Scalar s) || s.value() == null) {
            return "";
        }
        Object v = s.value();
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof Number x) {
            double d = x.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? Double.toString(d) : plain(d);
        }
        return Csv.text(new StringBuilder(), v.toString()).toString();
    }

    /**
     * The column name of a path: camelCase to snake_case, dots and dashes to underscores,
     * e.g. {@code relations.PER-MEX.trade.PER} to {@code relations_per_mex_trade_per}.
     */
    public static String columnOf(String path) {
        return org.crisis.io.Columns.of(path);
    }
}

package org.crisis.experiment;

import org.crisis.stats.Intervals;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.crisis.observe.Outcome;

/**
 * The values of one outcome over the runs of a set, and their summary: n, mean, standard
 * deviation, 95 % interval (Wilson for yes/no outcomes, Student's t otherwise) and quantiles
 * (R's and numpy's default definition, type 7). Runs where the outcome did not happen (NaN,
 * e.g. days to rupture without a rupture) are counted apart as {@code missing}.
 */
public final class OutcomeStatistics {
    static final double[] QUANTILES = {5, 25, 50, 75, 95};
    private final Outcome outcome;
    private double[] values = new double[64];
    private int n;
    private int missing;

    public OutcomeStatistics(Outcome outcome) {
        this.outcome = outcome;
    }

    public void add(double x) {
        if (Double.isNaN(x)) {
            missing++;
            return;
        }
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = x;
    }

    public int n() {
        return n;
    }

    public double mean() {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += values[k];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public double sd() {
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean();
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double d = values[k] - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    public double[] interval() {
        if (outcome.binary()) {
            long successes = 0;
            for (int k = 0; k < n; k++) {
                successes += values[k] != 0 ? 1 : 0;
            }
            return Intervals.wilson(successes, n);
        }
        return Intervals.mean(mean(), sd(), n);
    }

    public double quantile(double percent) {
        if (n == 0) {
            return Double.NaN;
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        return p.evaluate(values, 0, n, percent);
    }

    /** Share of runs (with a value) at or below {@code x}. */
    public double shareAtMost(double x) {
        int c = 0;
        for (int k = 0; k < n; k++) {
            c += values[k] <= x ? 1 : 0;
        }
        return n == 0 ? Double.NaN : c / (double) n;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", outcome.name());
        o.put("column", outcome.column());
        o.put("type", outcome.binary() ? "share" : "number");
        o.put("label", outcome.label());
        o.put("unit", outcome.unit());
        o.put("kind", outcome.measure().fileName());
        o.put("n", n);
        o.put("missing", missing);
        put(o, "mean", mean());
        put(o, "sd", sd());
        double[] ci = interval();
        put(o, "ci95_low", ci[0]);
        put(o, "ci95_high", ci[1]);
        ObjectNode q = o.putObject("quantiles");
        for (double p : QUANTILES) {
            put(q, "q" + (p < 10 ? "0" : "") + (int) p, quantile(p));
        }
        return o;
    }

    static void put(ObjectNode o, String key, double x) {
        if (Double.isNaN(x)) {
            o.putNull(key);
        } else {
            o.put(key, Math.round(x * 1e6) / 1e6);
        }
    }
}

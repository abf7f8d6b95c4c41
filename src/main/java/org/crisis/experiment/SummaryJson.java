package org.crisis.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.crisis.io.Csv;
import org.crisis.observe.Outcome;
import org.crisis.stats.Intervals;
import org.crisis.stats.OutcomeStatistics;
import org.crisis.stats.VarianceComponents;

/**
 * An outcome's entry in summary.json (docs/FORMATS.md, 5.1): what the outcome is and what it
 * is for, as observe describes it ({@link Outcome#describe}, {@link Outcome#roles}, and for a
 * measure of escalation its {@link Outcome#escalation rank and orientation}), then its
 * statistics over the runs, rounded to six decimals (null where there is no value).
 */
final class SummaryJson {
    private SummaryJson() {}

    /** The entry of an outcome of a run set whose tracked pairs are {@code tracked}. */
    static ObjectNode of(Outcome outcome, List<String[]> tracked, OutcomeStatistics s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", outcome.name());
        outcome.describe().forEach(o::put);
        ArrayNode roles = o.putArray("roles");
        outcome.roles(tracked).forEach(roles::add);
        Outcome.Escalation escalation = outcome.escalation();
        if (escalation != null) {
            o.putObject("escalation").put("rank", escalation.rank()).put("more_escalated", escalation.moreEscalated());
        }
        o.put("n", s.n());
        o.put("missing", s.missing());
        put(o, "mean", s.mean());
        put(o, "sd", s.sd());
        double[] ci = Intervals.within(outcome.measure().fileName(), outcome.unit(), s.interval());
        put(o, "ci95_low", ci[0]);
        put(o, "ci95_high", ci[1]);
        ObjectNode q = o.putObject("quantiles");
        for (double p : OutcomeStatistics.QUANTILES) {
            put(q, "q" + (p < 10 ? "0" : "") + (int) p, s.quantile(p));
        }
        return o;
    }

    /**
     * With parameter sets drawn from a calibration's ensemble: how much of the outcome's spread
     * over runs the sets explain and how much chance does ({@link VarianceComponents}).
     */
    static void spread(ObjectNode o, VarianceComponents v) {
        ObjectNode s = o.putObject("spread");
        s.put("sets", v.sets());
        put(s, "parameters", v.parameters());
        put(s, "chance", v.chance());
        put(s, "parameters_share", v.parameterShare());
        probability(s, "p_value", v.pValue());
    }

    /**
     * A probability: six decimals from 0.0001 up, below that four significant digits (a p-value
     * of 2.6e-38 is written 2.6E-38, not 0); null for NaN.
     */
    static void probability(ObjectNode o, String key, double p) {
        if (Csv.probability(p) instanceof String small) { // the CSV files' rule, one place
            o.put(key, Double.parseDouble(small));
        } else {
            put(o, key, p);
        }
    }

    /** A number rounded to six decimals, or null for NaN. */
    static void put(ObjectNode o, String key, double x) {
        if (Double.isNaN(x)) {
            o.putNull(key);
        } else {
            o.put(key, Math.round(x * 1e6) / 1e6);
        }
    }
}

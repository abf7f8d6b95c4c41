package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.crisis.observe.Outcome;
import org.crisis.stats.OutcomeStatistics;
import org.junit.jupiter.api.Test;

/** An outcome's entry in summary.json: what observe says it is, then its statistics (docs/FORMATS.md 5.1). */
class SummaryJsonTest {
    private static ObjectNode json(Outcome o, double... values) {
        OutcomeStatistics s = new OutcomeStatistics(o.binary());
        for (double v : values) {
            s.add(v);
        }
        return SummaryJson.of(o, List.<String[]>of(new String[] {"PER", "MEX"}), s);
    }

    @Test
    void runsWithoutAValueAreCountedApartAndQuantilesAreRounded() {
        ObjectNode json = json(new Outcome(Outcome.Kind.DAYS_TO_SEVERED, "PER", "MEX"), 10, Double.NaN, 20, Double.NaN, 30);
        assertEquals(3, json.get("n").asInt());
        assertEquals(2, json.get("missing").asInt());
        assertEquals("days_to_severed_per_mex", json.get("column").asText());
        assertEquals("number", json.get("type").asText());
        assertEquals("day", json.get("kind").asText());
        assertEquals(20.0, json.get("quantiles").get("q50").asDouble(), 0.0);
        assertEquals(11.0, json.get("quantiles").get("q05").asDouble(), 0.0, "h = 0.1: 10 + 0.1·10");
    }

    @Test
    void aYesNoOutcomeIsAShare() {
        ObjectNode json = json(new Outcome(Outcome.Kind.SEVERED, "PER", "MEX"), 1, 1, 0);
        assertEquals("share", json.get("type").asText());
        assertEquals("share", json.get("kind").asText());
        assertEquals(0.666667, json.get("mean").asDouble(), 0.0);
        assertEquals("pair", json.get("scope").asText());
        assertEquals("[\"headline\",\"representative\"]", json.get("roles").toString());
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("outcome", "column", "type", "label", "unit", "kind", "measure", "scope", "a", "b", "event", "level",
                "direction", "roles", "n", "missing", "mean", "sd", "ci95_low", "ci95_high", "quantiles"), keys,
                "what the outcome is, what it is for, then its statistics");
    }

    @Test
    void aMeasureOfEscalationSaysItsRankAndWhichValuesAreTheMoreEscalated() {
        ObjectNode json = json(new Outcome(Outcome.Kind.LOWEST_LEVEL, "PER", "MEX"), 0, 2, 4);
        assertEquals("[\"representative\",\"escalation\"]", json.get("roles").toString());
        assertEquals("{\"rank\":1,\"more_escalated\":\"lower\"}", json.get("escalation").toString());
        ObjectNode peak = json(new Outcome(Outcome.Kind.PEAK_SEVERED_PAIRS, "", ""), 0, 1);
        assertEquals("{\"rank\":2,\"more_escalated\":\"higher\"}", peak.get("escalation").toString());
        assertTrue(json(new Outcome(Outcome.Kind.SEVERED, "PER", "MEX"), 1).get("escalation") == null, "only for its measures");
    }

    @Test
    void aTinyPValueOfTheSpreadKeepsItsSignificantDigits() {
        ObjectNode json = json(new Outcome(Outcome.Kind.SEVERED, "PER", "MEX"), 1, 0);
        SummaryJson.spread(json, new org.crisis.stats.VarianceComponents(200, 20, 0.1, 0.1, 2.63412e-38));
        assertEquals(2.634e-38, json.get("spread").get("p_value").asDouble(), 0.0, "not rounded to 0");
        assertEquals("2.634E-38", json.get("spread").get("p_value").toString());
        SummaryJson.spread(json, new org.crisis.stats.VarianceComponents(200, 20, 0.1, 0.1, 0.01234567));
        assertEquals(0.012346, json.get("spread").get("p_value").asDouble(), 0.0, "six decimals above 0.0001");
    }

    @Test
    void withoutValuesTheStatisticsAreNull() {
        ObjectNode json = json(new Outcome(Outcome.Kind.DAYS_TO_SEVERED, "PER", "MEX"), Double.NaN);
        assertTrue(json.get("mean").isNull());
        assertTrue(json.get("ci95_low").isNull());
        assertTrue(json.get("quantiles").get("q50").isNull());
    }

    @Test
    void aNumbersIntervalIsCutAtWhatItCanTake() {
        // days to a rupture made on day 0 in 104 runs and on day 2 in one: Student's t reaches below day 0
        double[] days = new double[105];
        days[104] = 2;
        ObjectNode json = json(new Outcome(Outcome.Kind.DAYS_TO_SEVERED, "PER", "MEX"), days);
        assertEquals(0.0, json.get("ci95_low").asDouble(), 0.0, "not below day 0");
        assertTrue(json.get("ci95_high").asDouble() > 0.019, json.toString());
        // a level stays within 0 .. 4
        assertEquals(4.0, json(new Outcome(Outcome.Kind.LOWEST_LEVEL, "PER", "MEX"), 4, 4, 4, 4, 0).get("ci95_high").asDouble(), 0.0);
        assertEquals(0.0, json(new Outcome(Outcome.Kind.LOWEST_LEVEL, "PER", "MEX"), 0, 0, 0, 0, 4).get("ci95_low").asDouble(), 0.0);
        // polarisation, a share of triads, within 0 .. 1; total conflict, a sum of hostile weights, keeps its interval
        ObjectNode polarisation = json(new Outcome(Outcome.Kind.POLARISATION, "", ""), 1, 1, 1, 0.2);
        assertEquals(1.0, polarisation.get("ci95_high").asDouble(), 0.0);
        ObjectNode conflict = json(new Outcome(Outcome.Kind.TOTAL_CONFLICT, "", ""), -1, -1, -1, -30);
        double[] free = org.crisis.stats.Intervals.mean(-8.25, Math.sqrt(((3 * 7.25 * 7.25) + 21.75 * 21.75) / 3), 4);
        assertEquals(free[1], conflict.get("ci95_high").asDouble(), 1e-6, "uncut: it may be positive or negative");
    }
}

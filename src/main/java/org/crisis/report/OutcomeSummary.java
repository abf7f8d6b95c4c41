package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One outcome of summary.json: a share (of runs where something happened) or a number, with
 * its 95 % interval and quantiles over the runs that have a value; {@code label} is how the
 * measure reads, without the pair or country its column names (written by crisis run).
 */
record OutcomeSummary(String outcome, String column, String label, String unit, boolean share, int n, int missing, double mean, double sd,
        double low, double high, double q05, double q25, double q50, double q75, double q95) {

    static OutcomeSummary of(JsonNode o) {
        JsonNode q = o.path("quantiles");
        return new OutcomeSummary(o.path("outcome").asText(o.path("column").asText()), o.path("column").asText(),
                o.path("label").asText(o.path("column").asText()), o.path("unit").asText(),
                "share".equals(o.path("type").asText()), o.path("n").asInt(), o.path("missing").asInt(),
                number(o, "mean"), number(o, "sd"), number(o, "ci95_low"), number(o, "ci95_high"),
                number(q, "q05"), number(q, "q25"), number(q, "q50"), number(q, "q75"), number(q, "q95"));
    }

    static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}

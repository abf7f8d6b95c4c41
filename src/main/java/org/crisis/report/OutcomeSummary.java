package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One outcome as the result files describe it (summary.json of a run set, or the outcomes of a
 * sweep's manifest.json; docs/FORMATS.md 5.1), so that the report needs no copy of the model:
 * {@code label} is how the measure reads, without the pair or country its column names;
 * {@code kind} what its values are (share, day, level, count, number); {@code measure} its name
 * without pair or country; {@code scope} whom it is about (pair {@code a}-{@code b}, a
 * {@code country}, or global); for a pair's events the {@code event} (a noun), the
 * {@code level} it takes the pair to and its {@code direction} (down or up); {@code roles} what
 * a run set's outcome is for (headline, representative, run_length, escalation), and for a
 * measure of escalation its {@code escalationRank} (the measures of rank 1 compare runs first,
 * the next rank breaks ties; 0 if none) and which of its values are the more escalated
 * ({@code moreEscalated}: lower or higher). A run set's outcome also has its statistics over
 * the runs: share or mean, 95 % interval, quantiles (NaN in a sweep's description).
 */
record OutcomeSummary(String outcome, String column, String label, String unit, String kind, String measure, String scope,
        String a, String b, String country, String event, String level, String direction, Set<String> roles, boolean share,
        int n, int missing, double mean, double sd, double low, double high, double q05, double q25, double q50, double q75,
        double q95, int escalationRank, String moreEscalated, Spread spread) {

    /**
     * With parameter sets drawn from a calibration's ensemble, the outcome's spread split into
     * the sets' part and chance's (summary.json {@code spread}; null when the run set drew none).
     */
    record Spread(int sets, double parameters, double chance, double share, double pValue) {}

    /**
     * What a relative precision multiplies for this outcome: NaN for its mean, the range 4 for a level (0 SEVERED to
     * 4 ALLIED), whose zero is arbitrary, so that a lowest level near SEVERED does not ask ±5 % of almost nothing.
     */
    double relativeScale() {
        return "level".equals(kind) ? 4 : Double.NaN;
    }

    /** This pair outcome under another column name with its pair turned ({@link RunSetResults#orientedAs}). */
    OutcomeSummary turned(String column, Pair pair) {
        String was = ":" + pair.b() + "-" + pair.a();
        String name = outcome.endsWith(was) ? outcome.substring(0, outcome.length() - was.length()) + ":" + pair.key() : outcome;
        return new OutcomeSummary(name, column, label, unit, kind, measure, scope, pair.a(), pair.b(), country, event, level,
                direction, roles, share, n, missing, mean, sd, low, high, q05, q25, q50, q75, q95, escalationRank, moreEscalated,
                spread);
    }

    /** The kinds of value, as result files name them. */
    static final Set<String> KINDS = Set.of("share", "day", "level", "count", "number");

    /** An outcome of summary.json ({@code outcome}) or of a sweep's manifest ({@code name}). */
    static OutcomeSummary of(JsonNode o) {
        JsonNode q = o.path("quantiles");
        String column = o.path("column").asText();
        Set<String> roles = new LinkedHashSet<>();
        o.path("roles").forEach(r -> roles.add(r.asText()));
        String type = o.path("type").asText();
        String kind = o.path("kind").asText("");
        return new OutcomeSummary(o.path("outcome").asText(o.path("name").asText(column)), column,
                o.path("label").asText(column), o.path("unit").asText(), kind, o.path("measure").asText(""),
                o.path("scope").asText(""), o.path("a").asText(""), o.path("b").asText(""), o.path("country").asText(""),
                o.path("event").asText(""), o.path("level").asText(""), o.path("direction").asText(""), Set.copyOf(roles),
                "share".equals(type) || type.isEmpty() && "share".equals(kind), o.path("n").asInt(), o.path("missing").asInt(),
                number(o, "mean"), number(o, "sd"), number(o, "ci95_low"), number(o, "ci95_high"),
                number(q, "q05"), number(q, "q25"), number(q, "q50"), number(q, "q75"), number(q, "q95"),
                o.path("escalation").path("rank").asInt(0), o.path("escalation").path("more_escalated").asText(""),
                spread(o.get("spread")));
    }

    private static Spread spread(JsonNode s) {
        return s == null || !s.isObject() ? null : new Spread(s.path("sets").asInt(), number(s, "parameters"),
                number(s, "chance"), number(s, "parameters_share"), number(s, "p_value"));
    }

    static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * A value as a key of escalation: smaller the more escalated the run (a value where higher
     * is more escalated is negated); NaN counts as 0.
     */
    double escalationKey(double value) {
        double v = Double.isNaN(value) ? 0 : value;
        return moreEscalated.equals("higher") ? -v : v;
    }

    /** About this pair, either way round. */
    boolean about(Pair p) {
        return scope.equals("pair") && p.is(a, b);
    }

    /** A time to a pair's event: a day, with the event it times. */
    boolean timeToEvent() {
        return kind.equals("day") && scope.equals("pair") && !event.isEmpty();
    }

    /** The label without a parenthesis at its end (its scale or the runs it counts), for running text. */
    String shortLabel() {
        int open = label.lastIndexOf(" (");
        return open > 0 && label.endsWith(")") ? label.substring(0, open) : label;
    }
}

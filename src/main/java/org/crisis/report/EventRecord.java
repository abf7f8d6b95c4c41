package org.crisis.report;

/**
 * One row of events.csv: an event of a kept run. {@code cause} is the id of the event it
 * answers in the same run, or -1 for an exogenous (scripted) trigger; {@code about} is the
 * country a third party's statement is about.
 */
record EventRecord(int run, long id, int day, String date, String actor, String target, String type,
        double gamma, long cause, double severity, String about, String label) {

    /** Types a country chooses in answer to something (the ladder, statements, reconciliation). */
    static final java.util.Set<String> RESPONSES = java.util.Set.of("PROTEST", "SUMMON_AMBASSADOR", "RECALL_AMBASSADOR",
            "EXPEL_DIPLOMATS", "SEVER_RELATIONS", "SANCTION", "CONDEMN", "SUPPORT", "MEDIATE", "DIALOGUE",
            "RETURN_AMBASSADOR", "RESTORE_RELATIONS");

    /** A scripted (exogenous) event of the scenario: no cause, and not a response type. */
    boolean scripted() {
        return cause < 0 && !RESPONSES.contains(type);
    }

    /** A response with no recorded cause: a move on standing grievance rather than an answer to an event. */
    boolean unprompted() {
        return cause < 0 && RESPONSES.contains(type);
    }

    /** Between {@code x} and {@code y}, either way round. */
    boolean between(String x, String y) {
        return actor.equals(x) && target.equals(y) || actor.equals(y) && target.equals(x);
    }

    /** The type, with the label of a CUSTOM trigger. */
    String title() {
        return label.isEmpty() ? type : type + " (" + label + ")";
    }

    /** {@code MEX → PER}, or the actor alone for domestic events. */
    String direction() {
        return target.isEmpty() ? actor : actor + " \u2192 " + target;
    }

    static EventRecord of(Table t, int r, int[] c) {
        return new EventRecord((int) t.number(r, c[0]), (long) t.number(r, c[1]), (int) t.number(r, c[2]),
                t.text(r, c[3]), t.text(r, c[4]), t.text(r, c[5]), t.text(r, c[6]), t.number(r, c[7]),
                t.text(r, c[8]).isEmpty() ? -1 : (long) t.number(r, c[8]), t.number(r, c[9]), t.text(r, c[10]),
                t.text(r, c[11]));
    }

    static final String[] COLUMNS = {"run", "id", "day", "date", "actor", "target", "type", "gamma", "cause",
        "severity", "about", "label"};
}

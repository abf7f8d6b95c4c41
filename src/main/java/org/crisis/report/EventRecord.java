package org.crisis.report;

import org.crisis.io.CsvTable;

/**
 * One row of events.csv: an event of a kept run. {@code cause} is the id of the event it
 * answers in the same run, or -1 for an exogenous (scripted) trigger; {@code about} is the
 * country a third party's statement is about. What the event means in the model is read from
 * the file, not re-derived from its type: {@code kind} (trigger, domestic, response,
 * statement), {@code rung} (the escalation rung it puts its actor on, 0 for none),
 * {@code levelAct} (it acts on its pair's level), {@code newGovernment} (it changes its actor's
 * government), and the levels it found and left its pair at (null without a pair).
 */
record EventRecord(int run, long id, int day, String date, String actor, String target, String type,
        double gamma, long cause, double severity, String about, String label, String kind, int rung,
        boolean levelAct, boolean newGovernment, RelationLevel levelBefore, RelationLevel levelAfter) {

    /** The values of events.csv {@code kind}: how an event enters the world (docs/FORMATS.md 5.1). */
    static final java.util.List<String> KINDS = java.util.List.of("trigger", "domestic", "response", "statement");

    /** A country's own choice in answer to something: a response or a third party's statement. */
    boolean chosen() {
        return kind.equals("response") || kind.equals("statement");
    }

    /** A third party's statement. */
    boolean statement() {
        return kind.equals("statement");
    }

    /** A scripted (exogenous) event of the scenario: no cause, and not a country's own choice. */
    boolean scripted() {
        return cause < 0 && !chosen();
    }

    /** A response with no recorded cause: a move on standing grievance rather than an answer to an event. */
    boolean unprompted() {
        return cause < 0 && chosen();
    }

    /** A move up the escalation ladder. */
    boolean escalation() {
        return rung > 0;
    }

    /** An act on the level that is not an escalation: a step back up towards normal relations. */
    boolean reconciliation() {
        return levelAct && rung == 0;
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

    static EventRecord of(CsvTable<ReportException> t, int r, int[] c) {
        return new EventRecord((int) t.number(r, c[0]), (long) t.number(r, c[1]), (int) t.number(r, c[2]),
                t.text(r, c[3]), t.text(r, c[4]), t.text(r, c[5]), t.text(r, c[6]), t.number(r, c[7]),
                t.text(r, c[8]).isEmpty() ? -1 : (long) t.number(r, c[8]), t.number(r, c[9]), t.text(r, c[10]),
                t.text(r, c[11]), t.text(r, c[12]), t.text(r, c[13]).isEmpty() ? 0 : (int) t.number(r, c[13]),
                t.text(r, c[14]).equals("1"), t.text(r, c[15]).equals("1"), level(t.text(r, c[16])),
                level(t.text(r, c[17])));
    }

    private static RelationLevel level(String text) {
        return text.isEmpty() ? null : RelationLevel.parse(text);
    }

    static final String[] COLUMNS = {"run", "id", "day", "date", "actor", "target", "type", "gamma", "cause",
        "severity", "about", "label", "kind", "rung", "level_act", "new_government", "level_before", "level_after"};

    /** Columns a file may lack (written empty by older versions of crisis run). */
    static boolean optional(String column) {
        return column.equals("about") || column.equals("label");
    }
}

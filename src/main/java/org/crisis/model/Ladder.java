package org.crisis.model;

/**
 * The escalation ladder's rungs, 0 (no hostile posture) to 6 (sanctions), and the
 * act that puts a state on each (docs/MODEL.md, "Decision").
 */
public final class Ladder {
    public static final int NONE = 0;
    public static final int PROTEST = 1;
    public static final int SUMMON = 2;
    public static final int RECALL = 3;
    public static final int EXPEL = 4;
    public static final int SEVER = 5;
    public static final int SANCTION = 6;
    public static final int TOP = SANCTION;

    private static final EventType[] ACTS = {
        null, EventType.PROTEST, EventType.SUMMON_AMBASSADOR, EventType.RECALL_AMBASSADOR,
        EventType.EXPEL_DIPLOMATS, EventType.SEVER_RELATIONS, EventType.SANCTION
    };

    private Ladder() {}

    /** The act that climbs to rung {@code rung} (1..6). */
    public static EventType act(int rung) {
        return ACTS[rung];
    }
}

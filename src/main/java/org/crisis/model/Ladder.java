package org.crisis.model;

/**
 * The escalation ladder's rungs, 0 (no hostile posture) to 6 (sanctions), and the
 * act that puts a state on each (docs/MODEL.md 3.5).
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

    /**
     * The highest rung a grievance {@code g} justifies by itself (docs/MODEL.md 3.5, costs
     * aside): the last {@code r} with {@code E ≥ θ_r}, where E is the effective grievance of a
     * side with pressure {@code p}, hawkishness {@code h} and a record {@code record} from the
     * library's share, and no reciprocity.
     */
    public static int justifiedRung(Parameters parameters, double g, double p, double h, double record) {
        double e = g * (1 + parameters.get(Parameter.PRESSURE_WEIGHT) * (p - 0.5)
                + parameters.get(Parameter.HAWK_WEIGHT) * (h - 0.5) + parameters.get(Parameter.RECORD_WEIGHT) * record);
        int r = NONE;
        while (r < TOP && e >= parameters.get(THRESHOLDS[r + 1])) {
            r++;
        }
        return r;
    }

    private static final Parameter[] THRESHOLDS = {
        null, Parameter.THRESHOLD_PROTEST, Parameter.THRESHOLD_SUMMON, Parameter.THRESHOLD_RECALL,
        Parameter.THRESHOLD_EXPEL, Parameter.THRESHOLD_SEVER, Parameter.THRESHOLD_SANCTION
    };

    /** The act that climbs to rung {@code rung} (1..6). */
    public static EventType act(int rung) {
        return ACTS[rung];
    }
}

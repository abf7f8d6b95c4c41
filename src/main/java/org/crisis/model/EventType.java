package org.crisis.model;

/**
 * Kinds of event with their Goldstein-scale weight, judged from the target's side,
 * their flags and their effect on the ladder (docs/MODEL.md 3.1).
 */
public enum EventType {
    // exogenous triggers
    ASYLUM_GRANT(-4.0, true, false, false, Kind.TRIGGER, -1),
    INTERFERENCE_STATEMENT(-3.0, true, false, false, Kind.TRIGGER, -1),
    SAFE_CONDUCT_DENIED(-4.0, false, false, false, Kind.TRIGGER, -1),
    SAFE_CONDUCT_GRANTED(3.0, false, false, false, Kind.TRIGGER, -1),
    EMBASSY_RAID(-9.0, false, true, false, Kind.TRIGGER, -1),
    BORDER_INCIDENT(-6.0, false, false, true, Kind.TRIGGER, -1),
    DISPUTED_ELECTION(-5.0, false, true, false, Kind.DOMESTIC, -1),
    COUP(-7.0, false, true, false, Kind.DOMESTIC, -1),
    ELECTION(0.0, false, false, false, Kind.DOMESTIC, -1),
    CUSTOM(0.0, false, false, false, Kind.TRIGGER, -1),
    // the escalation ladder
    PROTEST(-2.4, false, false, false, Kind.RESPONSE, Ladder.PROTEST),
    SUMMON_AMBASSADOR(-2.4, false, false, false, Kind.RESPONSE, Ladder.SUMMON),
    RECALL_AMBASSADOR(-5.0, false, false, false, Kind.RESPONSE, Ladder.RECALL),
    EXPEL_DIPLOMATS(-5.0, false, false, false, Kind.RESPONSE, Ladder.EXPEL),
    SEVER_RELATIONS(-7.0, false, false, false, Kind.RESPONSE, Ladder.SEVER),
    SANCTION(-8.0, false, false, false, Kind.RESPONSE, Ladder.SANCTION),
    // third parties
    CONDEMN(-2.0, false, false, false, Kind.STATEMENT, -1),
    SUPPORT(3.0, false, false, false, Kind.STATEMENT, -1),
    MEDIATE(5.0, false, false, false, Kind.STATEMENT, -1),
    // reconciliation
    DIALOGUE(4.0, false, false, false, Kind.RESPONSE, -1),
    RETURN_AMBASSADOR(5.0, false, false, false, Kind.RESPONSE, -1),
    RESTORE_RELATIONS(6.0, false, false, false, Kind.RESPONSE, -1);

    /** How an event enters the world. */
    public enum Kind {
        /** Bilateral exogenous trigger. */
        TRIGGER,
        /** Domestic event of the actor, no target. */
        DOMESTIC,
        /** A state's own move on the ladder. */
        RESPONSE,
        /** A third party's statement or offer. */
        STATEMENT
    }

    private final double gamma;
    private final boolean interference;
    private final boolean normBreaking;
    private final boolean territorial;
    private final Kind kind;
    private final int rung;

    EventType(double gamma, boolean interference, boolean normBreaking, boolean territorial, Kind kind, int rung) {
        this.gamma = gamma;
        this.interference = interference;
        this.normBreaking = normBreaking;
        this.territorial = territorial;
        this.kind = kind;
        this.rung = rung;
    }

    public double gamma() {
        return gamma;
    }

    public boolean interference() {
        return interference;
    }

    public boolean normBreaking() {
        return normBreaking;
    }

    /** Disputes the target's sovereignty over its territory (docs/MODEL.md 3.3). */
    public boolean territorial() {
        return territorial;
    }

    /** Done by armed forces against the target's by its type: a border incident (docs/FORMATS.md 2.5). */
    public boolean armed() {
        return this == BORDER_INCIDENT;
    }

    public Kind kind() {
        return kind;
    }

    public boolean domestic() {
        return kind == Kind.DOMESTIC;
    }

    /** Changes the actor's government (ELECTION, COUP). */
    public boolean changesGovernment() {
        return this == ELECTION || this == COUP;
    }

    /** A step back up the levels below NORMAL (RETURN_AMBASSADOR, RESTORE_RELATIONS). */
    public boolean restores() {
        return this == RETURN_AMBASSADOR || this == RESTORE_RELATIONS;
    }

    /** Rung of the escalation ladder this act puts its actor on, or -1. */
    public int rung() {
        return rung;
    }

    /**
     * The level an act of this type puts its pair at by itself, whatever the level before: what
     * {@link #levelAfter} makes of the top of the ladder, DOWNGRADED for a recall or an expulsion,
     * SEVERED for a rupture; null for a type that takes no pair down.
     */
    public Level ownLevel() {
        Level fromTop = levelAfter(Level.ALLIED, true);
        return fromTop != Level.ALLIED ? fromTop : null;
    }

    /** The level after this event, from the level before (docs/MODEL.md, events table). */
    public Level levelAfter(Level before, boolean full) {
        return switch (this) {
            case RECALL_AMBASSADOR, EXPEL_DIPLOMATS ->
                before.compareTo(Level.DOWNGRADED) > 0 ? Level.DOWNGRADED : before;
            case SEVER_RELATIONS -> Level.SEVERED;
            case RETURN_AMBASSADOR -> before == Level.DOWNGRADED ? Level.NORMAL : before;
            case RESTORE_RELATIONS -> before == Level.SEVERED ? (full ? Level.NORMAL : Level.DOWNGRADED) : before;
            default -> before;
        };
    }
}

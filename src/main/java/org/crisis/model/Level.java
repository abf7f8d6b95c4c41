package org.crisis.model;

/** The formal, symmetric diplomatic ladder of a relation (docs/MODEL.md, section 1). */
public enum Level {
    SEVERED, DOWNGRADED, NORMAL, CORDIAL, ALLIED;

    private static final Level[] VALUES = values();

    public static Level of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The escalation rung a state holding this level stands at at least. */
    /**
     * The highest rung a posture can hold at this level without changing it: a summons at
     * NORMAL or better, an expulsion at DOWNGRADED, sanctions at SEVERED.
     */
    public int holdsUpTo() {
        return switch (this) {
            case SEVERED -> Ladder.SANCTION;
            case DOWNGRADED -> Ladder.EXPEL;
            default -> Ladder.SUMMON;
        };
    }

    int impliedRung() {
        return switch (this) {
            case SEVERED -> Ladder.SEVER;
            case DOWNGRADED -> Ladder.RECALL;
            default -> Ladder.NONE;
        };
    }
}

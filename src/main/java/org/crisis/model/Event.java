package org.crisis.model;

/**
 * Something that happened: {@code actor} did {@code type} to {@code target} on {@code day},
 * in answer to the event {@code cause}. Countries are indexes into the world;
 * {@code target} and {@code cause} are {@link #NONE} when absent.
 *
 * @param gamma Goldstein-scale weight judged from the target's side
 * @param armed done by the actor's armed forces against the target's (docs/FORMATS.md 2.5)
 * @param about for a third party's statement, the other country of the crisis it speaks to
 * @param root the exogenous event at the start of this event's cause chain (its own id if it
 *     has no cause): the crisis it belongs to
 * @param setsLevel for a scripted trigger, the level the act itself put its pair at (docs/FORMATS.md
 *     1.4), or null
 */
public record Event(int id, int day, int actor, int target, EventType type, double gamma, double severity,
        boolean interference, boolean normBreaking, boolean territorial, boolean armed, int cause, int about, String label,
        int root, Level setsLevel) {
    public static final int NONE = -1;

    /**
     * The level this act itself puts its pair at, whatever the level before, or null if it sets
     * none: DOWNGRADED for a recall or an expulsion, SEVERED for a rupture, a trigger's own
     * {@link #setsLevel()} (docs/FORMATS.md 1.3, 1.4 and 1.8).
     */
    public Level ownLevel() {
        Level byType = type.ownLevel();
        return byType != null ? byType : setsLevel;
    }

    public boolean hostile() {
        return gamma < 0;
    }

    public boolean cooperative() {
        return gamma > 0;
    }

    public boolean bilateral() {
        return target != NONE;
    }
}

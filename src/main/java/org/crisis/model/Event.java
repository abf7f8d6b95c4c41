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
 */
public record Event(int id, int day, int actor, int target, EventType type, double gamma, double severity,
        boolean interference, boolean normBreaking, boolean territorial, boolean armed, int cause, int about, String label,
        int root) {
    public static final int NONE = -1;

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

package org.crisis.model;

/**
 * What a country does, before it becomes an {@link Event}: the world gives it an id, a day
 * and a root when it records it.
 *
 * <pre>{@code
 * world.act(Act.of(mex, per, EventType.ASYLUM_GRANT, Event.NONE).withSeverity(1.5));
 * }</pre>
 *
 * @param gamma Goldstein-scale weight judged from the target's side
 * @param armed done by the actor's armed forces against the target's (docs/FORMATS.md 2.5)
 * @param cause id of the event answered, or {@link Event#NONE}
 * @param about for a third party's statement, the other country of the crisis it speaks to
 */
public record Act(int actor, int target, EventType type, double gamma, double severity, boolean interference,
        boolean normBreaking, boolean territorial, boolean armed, int cause, int about, String label) {

    /** An act with its type's own weight and flags. */
    public static Act of(int actor, int target, EventType type, int cause) {
        return new Act(actor, target, type, type.gamma(), 1.0, type.interference(), type.normBreaking(),
                type.territorial(), type.armed(), cause, Event.NONE, "");
    }

    /** A third party's statement about {@code target} in the crisis with {@code about}. */
    static Act statement(int speaker, int target, EventType type, double gamma, boolean legitimacy, int cause,
            int about) {
        return new Act(speaker, target, type, gamma, 1.0, legitimacy, false, false, false, cause, about, "");
    }

    public Act withSeverity(double s) {
        return new Act(actor, target, type, gamma, s, interference, normBreaking, territorial, armed, cause, about, label);
    }
}

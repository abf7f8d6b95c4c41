package org.crisis.model;

/**
 * What an observer of a run hears from the world, so that measures live outside the model
 * (agents and relations carry no measurement state). Calls arrive in the order things
 * happen; a listener must not change the world.
 */
public interface WorldListener {
    /** A pair's relation came into being at {@code level}, on {@code day} (day 0 for a scenario's listed pairs). */
    default void relationCreated(Dyad d, int level, int day) {}

    /** A pair's level moved from {@code from} to {@code to} on {@code day}. */
    default void levelChanged(Dyad d, int from, int to, int day) {}

    /** An event was recorded (and its effects applied). */
    default void eventRecorded(Event e, Dyad onPair) {}
}

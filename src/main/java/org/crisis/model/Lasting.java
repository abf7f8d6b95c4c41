package org.crisis.model;

/**
 * What acts that last have done to a pair, per side (index as in {@link Dyad}: 0 is a, 1 is b), under
 * {@code lastingActs} (docs/MODEL.md 3.5); a pair has one only from the first such act, so a run
 * without them allocates nothing. Days are far in the past where no act of its kind has lasted.
 */
final class Lasting {
    /** Far in the past. */
    static final int FAR = Integer.MIN_VALUE / 2;

    /** The days {@code (from, until]} over whose ends each side's grievance does not fade. */
    final int[] from = {FAR, FAR};
    final int[] until = {FAR, FAR};
    /**
     * The first and last day of the acts that are not armed (under armedExchange; all of them
     * without it) and of those that are: each of their days is a rise of the side's grievance of
     * that kind.
     */
    final int[] plainFrom = {FAR, FAR};
    final int[] plainUntil = {FAR, FAR};
    final int[] armedFrom = {FAR, FAR};
    final int[] armedUntil = {FAR, FAR};
    /** The last day of a grave act that lasted: a rise from a grave act, for the rupture's gate. */
    final int[] graveUntil = {FAR, FAR};
}

package org.crisis.model;

import sim.engine.Steppable;

/**
 * What a world run on a schedule asks of it (docs/MODEL.md 1.3 and 3.11): a side's turn on
 * the day it may next act, and the third parties' reaction on a day with salient events.
 * Implemented by {@code org.crisis.sim.CrisisModel} on MASON's {@code Schedule}.
 */
public interface Agenda {
    /** Puts {@code turn} on the schedule on {@code day}, in the phase of decisions (days past the horizon are dropped). */
    void decisions(int day, Steppable turn);

    /** The day the schedule has reached. */
    int today();

    /** A salient event was recorded on {@code day}: the third parties react later that day. */
    void salient(int day);
}

package org.crisis.observe;

import java.util.List;
import java.util.Optional;
import org.crisis.model.Event;

/**
 * What one run produced: its outcomes (in the order of the run set's outcome list), its
 * daily trajectory of the tracked pairs, and, when kept, its events with the levels each
 * left its pair at ({@code levels} is null when the events are not kept).
 */
public record RunResult(int index, long seed, int daysRun, double[] outcomes, Trajectory trajectory,
        Optional<List<Event>> events, EventLevels levels) {}

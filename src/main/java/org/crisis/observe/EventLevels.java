package org.crisis.observe;

import java.util.ArrayList;
import java.util.List;
import org.crisis.model.Dyad;
import org.crisis.model.Event;
import org.crisis.model.Level;
import org.crisis.model.WorldListener;

/**
 * The level each bilateral event of a run found its pair at and left it at, heard from the
 * world as it applies the event (docs/MODEL.md 3.1 and 3.5): the result files carry the
 * model's own answer, not a copy of its rule. Events without a pair (domestic events) have
 * neither.
 */
public final class EventLevels implements WorldListener {
    private final List<Level> before = new ArrayList<>();
    private final List<Level> after = new ArrayList<>();
    private Dyad changed;
    private int changedFrom = -1;

    @Override
    public void levelChanged(Dyad d, int from, int to, int day) {
        if (changed != d) {
            changed = d;
            changedFrom = from;
        }
    }

    @Override
    public void eventRecorded(Event e, Dyad onPair) {
        while (before.size() < e.id()) {
            before.add(null);
            after.add(null);
        }
        if (onPair != null) {
            Level now = onPair.level();
            before.set(e.id() - 1, changed == onPair ? Level.of(changedFrom) : now);
            after.set(e.id() - 1, now);
        }
        changed = null;
        changedFrom = -1;
    }

    /** The level of the event's pair before it, or null for an event without a pair. */
    public Level before(Event e) {
        return e.id() - 1 < before.size() ? before.get(e.id() - 1) : null;
    }

    /** The level the event left its pair at, or null for an event without a pair. */
    public Level after(Event e) {
        return e.id() - 1 < after.size() ? after.get(e.id() - 1) : null;
    }
}

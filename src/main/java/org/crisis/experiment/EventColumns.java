package org.crisis.experiment;

import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.observe.EventLevels;

/**
 * The columns of events.csv that carry the model's meaning of an event, so that a reader of
 * the file needs no copy of the model's rules (docs/FORMATS.md, events.csv): how the event
 * enters the world, the ladder rung it puts its actor on, whether it acts on the pair's level,
 * whether it changes a government, and the levels it found and left its pair at.
 */
final class EventColumns {
    static final String HEADER = "kind,rung,level_act,new_government,level_before,level_after";

    /** The cells that depend on the type alone, by type ordinal: kind,rung,level_act,new_government. */
    private static final String[] BY_TYPE = new String[EventType.values().length];

    static {
        for (EventType t : EventType.values()) {
            BY_TYPE[t.ordinal()] = t.kind().name().toLowerCase(java.util.Locale.ROOT) + ','
                    + (t.rung() > 0 ? Integer.toString(t.rung()) : "") + ','
                    + (levelAct(t) ? 1 : 0) + ','
                    + (t.changesGovernment() ? 1 : 0);
        }
    }

    private EventColumns() {}

    /**
     * Whether an event of type {@code t} acts on its pair's level: the model's rule moves some
     * level with it (docs/MODEL.md 3.1), or it puts its actor on a rung that a NORMAL relation
     * cannot hold (docs/MODEL.md 3.5), from a recall up.
     */
    static boolean levelAct(EventType t) {
        if (t.rung() > Level.NORMAL.holdsUpTo()) {
            return true;
        }
        for (Level l : Level.values()) {
            if (t.levelAfter(l, true) != l || t.levelAfter(l, false) != l) {
                return true;
            }
        }
        return false;
    }

    /** Appends the cells of {@code e} (without a leading comma); levels empty for an event without a pair. */
    static StringBuilder append(StringBuilder s, Event e, EventLevels levels) {
        s.append(BY_TYPE[e.type().ordinal()]).append(',');
        Level before = levels == null ? null : levels.before(e);
        Level after = levels == null ? null : levels.after(e);
        if (before != null) {
            s.append(before.name());
        }
        s.append(',');
        if (after != null) {
            s.append(after.name());
        }
        return s;
    }
}

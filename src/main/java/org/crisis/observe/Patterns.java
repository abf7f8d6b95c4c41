package org.crisis.observe;

import org.crisis.model.Dyad;
import org.crisis.model.Level;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;

/** Whether one run shows an expected pattern (docs/FORMATS.md, "Expected patterns"), from the run's world and its pair records. */
public final class Patterns {
    private Patterns() {}

    public static boolean holds(Scenario.Pattern pattern, World w, PairRecords records) {
        if (pattern instanceof Scenario.Condemned c) {
            return c.count().holds(w.condemners(w.indexOf(c.country())));
        }
        Scenario.Pair pair = pattern instanceof Scenario.Reaches r ? r.pair()
                : pattern instanceof Scenario.EndsAt e ? e.pair() : ((Scenario.Restored) pattern).pair();
        Dyad d = w.existing(w.indexOf(pair.a()), w.indexOf(pair.b()));
        PairRecords.Record m = records.of(w, w.indexOf(pair.a()), w.indexOf(pair.b()));
        Level last = d == null ? Level.NORMAL : d.level();
        if (pattern instanceof Scenario.Reaches r) {
            int first;
            if (r.by().isPresent()) {
                // only the acts of one side count (FORMATS 1.8); a pair never touched saw none
                int by = w.indexOf(r.by().get());
                first = d == null ? -1 : m.firstActAtOrBelow(by == d.a() ? 0 : 1, r.level());
            } else {
                first = d == null ? (r.level().compareTo(Level.NORMAL) >= 0 ? 0 : -1) : m.firstDayAtOrBelow(r.level());
            }
            return first >= 0 && (r.withinDays().isEmpty() || first <= r.withinDays().getAsInt());
        }
        if (pattern instanceof Scenario.EndsAt e) {
            return e.atLeast().map(l -> last.compareTo(l) >= 0).orElse(true)
                    && e.atMost().map(l -> last.compareTo(l) <= 0).orElse(true);
        }
        Scenario.Restored r = (Scenario.Restored) pattern;
        boolean restored = m != null && m.restoredDay() >= 0
                && (r.withinDays().isEmpty() || m.restoredDay() <= r.withinDays().getAsInt());
        return restored == r.restored();
    }
}

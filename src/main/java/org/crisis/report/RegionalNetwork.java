package org.crisis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels of every pair of countries through one kept run, rebuilt from what the results
 * directory holds: the scenario's starting relations (unlisted pairs NORMAL), changed by the
 * run's events as the model applied them (events.csv {@code level_after}); for the
 * tracked pairs the recorded trajectory overrides the rebuilt level, as it is exact.
 */
final class RegionalNetwork {
    private final List<Map<Pair, RelationLevel>> byDay;

    private RegionalNetwork(List<Map<Pair, RelationLevel>> byDay) {
        this.byDay = byDay;
    }

    static RegionalNetwork of(RunSetResults set, List<EventRecord> events, Map<Pair, RunTrajectory> trajectories, int lastDay) {
        Map<Pair, RelationLevel> now = new LinkedHashMap<>();
        for (RunSetResults.Relation r : set.relations()) {
            now.put(key(r.a(), r.b()), r.level());
        }
        Map<Integer, List<EventRecord>> eventsByDay = new HashMap<>();
        for (EventRecord e : events) {
            if (e.levelAfter() != null && !e.target().isEmpty()) {
                eventsByDay.computeIfAbsent(e.day(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Map<Pair, RelationLevel>> byDay = new ArrayList<>();
        for (int d = 0; d <= lastDay; d++) {
            for (EventRecord e : eventsByDay.getOrDefault(d, List.of())) {
                Pair p = key(e.actor(), e.target());
                now.put(p, e.levelAfter());
            }
            for (RunTrajectory t : trajectories.values()) {
                if (t.day().length > 0 && d <= t.lastDay()) {
                    now.put(key(t.pair().a(), t.pair().b()), t.levelOn(d));
                }
            }
            Map<Pair, RelationLevel> snapshot = new LinkedHashMap<>();
            now.forEach((p, l) -> {
                if (l != RelationLevel.NORMAL) {
                    snapshot.put(p, l);
                }
            });
            byDay.add(snapshot);
        }
        return new RegionalNetwork(byDay);
    }

    /** Pairs in a canonical order so both directions meet. */
    static Pair key(String x, String y) {
        return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
    }

    /** Pairs not at NORMAL on day {@code d} (clamped to the run). */
    Map<Pair, RelationLevel> on(int d) {
        return byDay.get(Math.max(0, Math.min(byDay.size() - 1, d)));
    }

    int lastDay() {
        return byDay.size() - 1;
    }

    /** The day with most severed pairs, then most downgraded; the earliest such. */
    int peakDay() {
        int best = 0;
        long bestScore = -1;
        for (int d = 0; d < byDay.size(); d++) {
            long severed = byDay.get(d).values().stream().filter(l -> l == RelationLevel.SEVERED).count();
            long downgraded = byDay.get(d).values().stream().filter(l -> l == RelationLevel.DOWNGRADED).count();
            long score = severed * 100_000 + downgraded;
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    long count(int d, RelationLevel level) {
        return on(d).values().stream().filter(l -> l == level).count();
    }
}

package org.crisis.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario;

/**
 * A generated world for benchmarks: {@code n} countries with random outlooks and traits in
 * ten blocs, background tension (each country holds a grievance against three others, one
 * pair in ten already downgraded) and {@code triggers} triggers spread over the horizon.
 */
public final class SyntheticScenario {
    private static final EventType[] TRIGGERS = {
        EventType.ASYLUM_GRANT, EventType.INTERFERENCE_STATEMENT, EventType.BORDER_INCIDENT,
        EventType.EMBASSY_RAID, EventType.DISPUTED_ELECTION
    };

    private SyntheticScenario() {}

    public static Scenario of(int n, int triggers, int days, long seed) {
        MersenneTwisterFast r = new MersenneTwisterFast(seed);
        List<Scenario.Country> countries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> blocs = new ArrayList<>();
            int k = 1 + r.nextInt(3);
            for (int b = 0; b < k; b++) {
                String bloc = "B" + r.nextInt(10);
                if (!blocs.contains(bloc)) {
                    blocs.add(bloc);
                }
            }
            countries.add(new Scenario.Country("C" + i, "Country " + i,
                    new Scenario.Ideology(r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1), r.nextDouble(),
                    r.nextDouble(), r.nextDouble(), r.nextDouble(), blocs));
        }
        List<Scenario.Relation> relations = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                int j = r.nextInt(n);
                String key = Math.min(i, j) + "-" + Math.max(i, j);
                if (j == i || !seen.add(key)) {
                    continue;
                }
                Level level = r.nextDouble() < 0.1 ? Level.DOWNGRADED : Level.NORMAL;
                relations.add(new Scenario.Relation(new Scenario.Pair("C" + i, "C" + j), level,
                        0.05 + 0.25 * r.nextDouble(), 0.25 * r.nextDouble(), 0.1 * r.nextDouble(), 0.1 * r.nextDouble()));
            }
        }
        List<Scenario.Trigger> events = new ArrayList<>();
        for (int t = 0; t < triggers; t++) {
            EventType type = TRIGGERS[r.nextInt(TRIGGERS.length)];
            int actor = r.nextInt(n);
            int target = (actor + 1 + r.nextInt(n - 1)) % n;
            events.add(new Scenario.Trigger(r.nextInt(days), type, "C" + actor,
                    type.domestic() ? Optional.empty() : Optional.of("C" + target), 1.0, Optional.empty(),
                    type.gamma(), type.interference(), type.normBreaking(), Map.of()));
        }
        events.sort(java.util.Comparator.comparingInt(Scenario.Trigger::day));
        return new Scenario("synthetic-" + n, "generated benchmark world", Optional.empty(), days, seed, countries,
                relations, events, Parameters.defaults(), List.of(), Optional.empty(), Optional.empty());
    }
}

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
 * A generated world for benchmarks: {@code n} countries with random outlooks in regions of
 * ten (each region a bloc; three in ten countries also in one of three global blocs),
 * traits spread around the middle (triangular on [0, 1]; norm adherence leaning high, as
 * most states keep most norms), background tension (each country holds a grievance against
 * three others, below the threshold of a protest; one pair in ten already downgraded) and {@code triggers} triggers spread
 * over the horizon.
 */
public final class SyntheticScenario {
    private static final EventType[] TRIGGERS = {
        EventType.ASYLUM_GRANT, EventType.INTERFERENCE_STATEMENT, EventType.BORDER_INCIDENT,
        EventType.EMBASSY_RAID, EventType.DISPUTED_ELECTION
    };

    /** Countries per region. */
    static final int REGION = 10;

    private SyntheticScenario() {}

    /** A country of the same region (crises and tensions are mostly regional). */
    private static int neighbour(MersenneTwisterFast r, int i, int n) {
        int start = i / REGION * REGION;
        return Math.min(n - 1, start + r.nextInt(REGION));
    }

    private static double middle(MersenneTwisterFast r) {
        return (r.nextDouble() + r.nextDouble()) / 2;
    }

    public static Scenario of(int n, int triggers, int days, long seed) {
        MersenneTwisterFast r = new MersenneTwisterFast(seed);
        List<Scenario.Country> countries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> blocs = new ArrayList<>();
            blocs.add("R" + i / REGION);
            if (r.nextDouble() < 0.3) {
                blocs.add("G" + r.nextInt(3));
            }
            countries.add(new Scenario.Country("C" + i, "Country " + i,
                    new Scenario.Ideology(r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1), middle(r),
                    middle(r), middle(r), 0.4 + 0.6 * middle(r), blocs));
        }
        List<Scenario.Relation> relations = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                int j = neighbour(r, i, n);
                String key = Math.min(i, j) + "-" + Math.max(i, j);
                if (j == i || !seen.add(key)) {
                    continue;
                }
                Level level = r.nextDouble() < 0.1 ? Level.DOWNGRADED : Level.NORMAL;
                relations.add(new Scenario.Relation(new Scenario.Pair("C" + i, "C" + j), level,
                        0.03 + 0.09 * r.nextDouble(), 0.09 * r.nextDouble(), 0.1 * r.nextDouble(), 0.1 * r.nextDouble()));
            }
        }
        List<Scenario.Trigger> events = new ArrayList<>();
        for (int t = 0; t < triggers; t++) {
            EventType type = TRIGGERS[r.nextInt(TRIGGERS.length)];
            int actor = r.nextInt(n);
            int target = neighbour(r, actor, n);
            if (target == actor) {
                target = (actor + 1) % n;
            }
            events.add(new Scenario.Trigger(r.nextInt(days), type, "C" + actor,
                    type.domestic() ? Optional.empty() : Optional.of("C" + target), 1.0, Optional.empty(),
                    type.gamma(), type.interference(), type.normBreaking(), type.territorial(), type.armed(), Map.of()));
        }
        events.sort(java.util.Comparator.comparingInt(Scenario.Trigger::day));
        return new Scenario("synthetic-" + n, "generated benchmark world", Optional.empty(), days, seed, countries,
                relations, events, Parameters.defaults(), List.of(), Optional.empty(), Optional.empty());
    }
}

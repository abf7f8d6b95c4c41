package org.crisis.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameters;

/**
 * A validated scenario with every default filled in (format: SCENARIO.md). Built by
 * {@link ScenarioReader}; never holds an invalid value.
 */
public record Scenario(
        String name,
        String description,
        Optional<LocalDate> start,
        int days,
        long seed,
        List<Country> countries,
        List<Relation> relations,
        List<Trigger> events,
        Parameters parameters,
        List<Pair> track,
        Optional<Stop> stop,
        Optional<Expectations> expect) {

    /** Trait defaults for a country that omits them. */
    public static final double DEFAULT_TRAIT = 0.5;

    public Scenario {
        countries = List.copyOf(countries);
        relations = List.copyOf(relations);
        events = List.copyOf(events);
        track = List.copyOf(track);
    }

    /**
     * Pairs whose daily trajectory is written: {@code track} if given, else the pairs of the
     * bilateral events, the actor of each domestic event with every other country, and when
     * there are no events the pairs listed in {@code relations}.
     */
    public List<Pair> trackedPairs() {
        if (!track.isEmpty()) {
            return track;
        }
        java.util.LinkedHashMap<String, Pair> pairs = new java.util.LinkedHashMap<>();
        for (Trigger t : events) {
            if (t.target().isPresent()) {
                add(pairs, new Pair(t.actor(), t.target().get()));
            } else if (t.type() != EventType.ELECTION) {
                for (Country c : countries) {
                    if (!c.id().equals(t.actor())) {
                        add(pairs, new Pair(t.actor(), c.id()));
                    }
                }
            }
        }
        if (events.isEmpty()) {
            relations.forEach(r -> add(pairs, r.between()));
        }
        return List.copyOf(pairs.values());
    }

    private static void add(Map<String, Pair> pairs, Pair p) {
        String key = p.a().compareTo(p.b()) < 0 ? p.a() + "-" + p.b() : p.b() + "-" + p.a();
        pairs.putIfAbsent(key, p);
    }

    /** Index of a country id in {@link #countries()}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < countries.size(); i++) {
            if (countries.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** An unordered pair of country ids, written {@code A-B}. */
    public record Pair(String a, String b) {
        public String key() {
            return a + "-" + b;
        }

        public boolean sameAs(String x, String y) {
            return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Ideological position: economic left(-1)..right(+1), social liberal(-1)..conservative(+1). */
    public record Ideology(double economic, double social) {}

    public record Country(
            String id,
            String name,
            Ideology ideology,
            double sovereignty,
            double domesticPressure,
            double hawkishness,
            double normAdherence,
            List<String> blocs) {
        public Country {
            blocs = List.copyOf(blocs);
        }
    }

    /** Initial state of a pair; {@code grievanceA} is a's grievance against b. */
    public record Relation(Pair between, Level level, double grievanceA, double grievanceB,
            double tradeA, double tradeB) {}

    /**
     * An exogenous event. {@code government} holds the traits a new government sets
     * (keys {@code ideology.economic}, {@code ideology.social}, {@code sovereignty},
     * {@code domesticPressure}, {@code hawkishness}, {@code normAdherence}).
     */
    public record Trigger(int day, EventType type, String actor, Optional<String> target,
            double severity, Optional<String> label, double gamma, boolean interference,
            boolean normBreaking, Map<String, Double> government) {
        public Trigger {
            government = Map.copyOf(government);
        }
    }

    /** When a run ends early. */
    public enum StopWhen { SEVERED, RESTORED, QUIET }

    public record Stop(StopWhen when, Optional<Pair> pair) {}

    /** The {@code expect:} block: patterns with probability bounds over replications. */
    public record Expectations(int runs, List<Pattern> patterns) {
        public Expectations {
            patterns = List.copyOf(patterns);
        }
    }

    /** Inclusive bounds on a share or a count; an absent bound is open. */
    public record Bounds(Optional<Double> min, Optional<Double> max) {
        public boolean holds(double x) {
            return min.map(m -> x >= m).orElse(true) && max.map(m -> x <= m).orElse(true);
        }
    }

    /** One expected pattern, held when its observed share of runs lies within {@code probability}. */
    public sealed interface Pattern {
        String name();

        Bounds probability();
    }

    public record Reaches(String name, Pair pair, Level level, OptionalInt withinDays,
            Bounds probability) implements Pattern {}

    public record EndsAt(String name, Pair pair, Optional<Level> atLeast, Optional<Level> atMost,
            Bounds probability) implements Pattern {}

    public record Restored(String name, Pair pair, boolean restored, Bounds probability)
            implements Pattern {}

    public record Condemned(String name, String country, Bounds count, Bounds probability)
            implements Pattern {}
}

package org.crisis.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;

/**
 * A validated scenario with every default filled in (format: docs/FORMATS.md). Built by
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
        Optional<Expectations> expect,
        List<Organisation> organisations) {

    /** Trait defaults for a country that omits them. */
    public static final double DEFAULT_TRAIT = 0.5;

    public Scenario {
        organisations = List.copyOf(organisations);
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

    /** A scenario that names no regional organisation. */
    public Scenario(String name, String description, Optional<LocalDate> start, int days, long seed,
            List<Country> countries, List<Relation> relations, List<Trigger> events, Parameters parameters,
            List<Pair> track, Optional<Stop> stop, Optional<Expectations> expect) {
        this(name, description, start, days, seed, countries, relations, events, parameters, track, stop, expect,
                List.of());
    }

    /** The same scenario with other parameters. */
    public Scenario withParameters(Parameters p) {
        return new Scenario(name, description, start, days, seed, countries, relations, events, p, track, stop,
                expect, organisations);
    }

    /**
     * A regional organisation named in countries' {@code blocs}; {@code democraticClause}
     * when its members are committed to act together on a break of democratic order in one
     * of them (docs/MODEL.md 3.8).
     */
    public record Organisation(String id, boolean democraticClause) {}

    /**
     * Warnings about a standing starting state (docs/FORMATS.md, "relations"): a listed
     * grievance that, at the listed level, would by itself justify a move beyond what the
     * level holds (above a summons at NORMAL or better, above an expulsion at DOWNGRADED),
     * with the given parameters and the side's traits; and thresholds of the ladder out of order
     * (a rung's above the next one's), with which a government would skip rungs, as a calibration
     * whose ranges overlap can make them.
     */
    public List<String> standingWarnings() {
        List<String> warnings = new java.util.ArrayList<>();
        org.crisis.model.Parameter[] ladder = {org.crisis.model.Parameter.THRESHOLD_PROTEST,
                org.crisis.model.Parameter.THRESHOLD_SUMMON, org.crisis.model.Parameter.THRESHOLD_RECALL,
                org.crisis.model.Parameter.THRESHOLD_EXPEL, org.crisis.model.Parameter.THRESHOLD_SEVER,
                org.crisis.model.Parameter.THRESHOLD_SANCTION};
        for (int k = 0; k + 1 < ladder.length; k++) {
            double low = parameters.get(ladder[k]);
            double high = parameters.get(ladder[k + 1]);
            if (low > high) {
                // no values in the text: a sweep groups its points' warnings by it
                warnings.add("parameters: " + ladder[k].key() + " is above " + ladder[k + 1].key() + ": the ladder's thresholds"
                        + " should rise rung by rung (docs/MODEL.md 3.5), or a government skips the rungs between");
            }
        }
        double[] records = recordShifts();
        for (int r = 0; r < relations.size(); r++) {
            Relation rel = relations.get(r);
            int cap = rel.level().holdsUpTo();
            for (int side = 0; side < 2; side++) {
                String id = side == 0 ? rel.between().a() : rel.between().b();
                String other = side == 0 ? rel.between().b() : rel.between().a();
                double g = side == 0 ? rel.grievanceA() : rel.grievanceB();
                Country c = countries.get(indexOf(id));
                int justified = org.crisis.model.Ladder.justifiedRung(parameters, g, c.domesticPressure(),
                        c.hawkishness(), records[indexOf(id)]);
                if (justified > cap) {
                    boolean byRecord = org.crisis.model.Ladder.justifiedRung(parameters, g, c.domesticPressure(),
                            c.hawkishness(), 0) <= cap;
                    warnings.add(String.format(java.util.Locale.ROOT,
                            "relations[%d]: %s's grievance %s against %s would justify %s, more than %s holds%s; "
                                    + "the first event that aggrieves it further will set it off (lower the "
                                    + "grievance or the level if the state is standing)", r, id, Fields.fmt(g), other,
                            org.crisis.model.Ladder.act(justified), rel.level(), byRecord ? ", because of " + id
                                    + "'s record in the case library's earlier crises (recordWeight, docs/MODEL.md 3.5;"
                                    + " without it the level would hold it)" : ""));
                }
            }
        }
        return warnings;
    }

    /**
     * Each country's record in the case library's crises whose outcome was known by this scenario's start,
     * as its shift from the library's share (StateRecords), in the order of {@link #countries()};
     * all 0 when the option {@code recordWeight} is off, which reads no table.
     */
    public double[] recordShifts() {
        double[] out = new double[countries.size()];
        if (parameters.get(Parameter.RECORD_WEIGHT) != 0) {
            StateRecords records = StateRecords.shipped();
            for (int i = 0; i < out.length; i++) {
                out[i] = records.shift(countries.get(i).id(), start);
            }
        }
        return out;
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
            List<String> blocs,
            boolean majorPower) {
        public Country {
            blocs = List.copyOf(blocs);
        }

        /** A country that is not a major power. */
        public Country(String id, String name, Ideology ideology, double sovereignty, double domesticPressure,
                double hawkishness, double normAdherence, List<String> blocs) {
            this(id, name, ideology, sovereignty, domesticPressure, hawkishness, normAdherence, blocs, false);
        }
    }

    /** Initial state of a pair; {@code grievanceA} is a's grievance against b. */
    public record Relation(Pair between, Level level, double grievanceA, double grievanceB,
            double tradeA, double tradeB) {}

    /**
     * An exogenous event. {@code government} holds the traits a new government sets
     * (keys {@code ideology.economic}, {@code ideology.social}, {@code sovereignty},
     * {@code domesticPressure}, {@code hawkishness}, {@code normAdherence}, and
     * {@code continuity} when the scenario states it). {@code declaredAnswer} is the act of the
     * ladder the target had declared, before this act, that it answers such an act with, or had
     * practised against such acts (docs/FORMATS.md 1.4; docs/MODEL.md 3.5). {@code envoy}: the act was the actor's own head of
     * mission's conduct in the target's country. {@code lastsUntil}: the last day a hostile act that goes on after its day
     * lasted (persons or property of the target held), or {@link #NOT_LASTING}. {@code setsLevel}: the level the act
     * itself put the pair at under the level rule (an expulsion, recall or withdrawal of a head of mission, a closing of
     * a mission; docs/FORMATS.md 1.3 and 1.4), {@code DOWNGRADED} or {@code SEVERED}, when the record shows it did.
     */
    public record Trigger(int day, EventType type, String actor, Optional<String> target,
            double severity, Optional<String> label, double gamma, boolean interference,
            boolean normBreaking, boolean territorial, boolean armed, Map<String, Double> government,
            Optional<EventType> declaredAnswer, boolean envoy, int lastsUntil, Optional<Level> setsLevel) {
        /** {@link #lastsUntil()} of an act done on its day. */
        public static final int NOT_LASTING = -1;

        public Trigger {
            government = Map.copyOf(government);
        }

        /** An act that sets no level of its own. */
        public Trigger(int day, EventType type, String actor, Optional<String> target, double severity,
                Optional<String> label, double gamma, boolean interference, boolean normBreaking,
                boolean territorial, boolean armed, Map<String, Double> government,
                Optional<EventType> declaredAnswer, boolean envoy, int lastsUntil) {
            this(day, type, actor, target, severity, label, gamma, interference, normBreaking, territorial, armed,
                    government, declaredAnswer, envoy, lastsUntil, Optional.empty());
        }

        /** An act done on its day. */
        public Trigger(int day, EventType type, String actor, Optional<String> target, double severity,
                Optional<String> label, double gamma, boolean interference, boolean normBreaking,
                boolean territorial, boolean armed, Map<String, Double> government,
                Optional<EventType> declaredAnswer, boolean envoy) {
            this(day, type, actor, target, severity, label, gamma, interference, normBreaking, territorial, armed,
                    government, declaredAnswer, envoy, NOT_LASTING);
        }

        /** A trigger that is no envoy's own act. */
        public Trigger(int day, EventType type, String actor, Optional<String> target, double severity,
                Optional<String> label, double gamma, boolean interference, boolean normBreaking,
                boolean territorial, boolean armed, Map<String, Double> government,
                Optional<EventType> declaredAnswer) {
            this(day, type, actor, target, severity, label, gamma, interference, normBreaking, territorial, armed,
                    government, declaredAnswer, false);
        }

        /** A trigger that crosses no answer its target declared before it. */
        public Trigger(int day, EventType type, String actor, Optional<String> target, double severity,
                Optional<String> label, double gamma, boolean interference, boolean normBreaking,
                boolean territorial, boolean armed, Map<String, Double> government) {
            this(day, type, actor, target, severity, label, gamma, interference, normBreaking, territorial, armed,
                    government, Optional.empty());
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

    /**
     * The pair at {@code level} or below, by the end or within {@code withinDays}; with {@code by}, only
     * by an act of that country whose own level is {@code level} or lower (docs/FORMATS.md 1.8).
     */
    public record Reaches(String name, Pair pair, Level level, OptionalInt withinDays, Bounds probability,
            Optional<String> by) implements Pattern {
        /** Any fall of the pair, whoever made it. */
        public Reaches(String name, Pair pair, Level level, OptionalInt withinDays, Bounds probability) {
            this(name, pair, level, withinDays, probability, Optional.empty());
        }
    }

    public record EndsAt(String name, Pair pair, Optional<Level> atLeast, Optional<Level> atMost,
            Bounds probability) implements Pattern {}

    /** Restored (or not) by the end, or within {@code withinDays} of day 0 when given. */
    public record Restored(String name, Pair pair, boolean restored, OptionalInt withinDays, Bounds probability)
            implements Pattern {
        public Restored(String name, Pair pair, boolean restored, Bounds probability) {
            this(name, pair, restored, OptionalInt.empty(), probability);
        }
    }

    public record Condemned(String name, String country, Bounds count, Bounds probability)
            implements Pattern {}
}

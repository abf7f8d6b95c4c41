package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Replications;
import org.crisis.experiment.Seeds;
import org.crisis.model.DayByDay;
import org.crisis.model.Dyad;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.World;
import org.crisis.model.WorldListener;
import org.crisis.observe.MeasuredRun;
import org.crisis.observe.Outcome;
import org.crisis.observe.PairRecords;
import org.crisis.observe.Patterns;
import org.crisis.observe.Polarisation;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The sampled run (docs/MODEL.md 3.11: decisions only on the days a side can act, by
 * thinning, on MASON's schedule) against the plain day-by-day rule ({@link DayByDay}, test
 * code), on every scenario shipped in {@code scenarios/} and every case of the library: the
 * two are independent samples of {@value #DEFAULT_RUNS} runs each (system property
 * {@code crisis.equivalence.runs} for more, {@code crisis.equivalence.only} for some files,
 * {@code crisis.equivalence.seed} for other samples), and every outcome is compared in distribution:
 * per pair of interest (tracked, in a pattern or the stop condition) the levels reached and
 * the lowest and final level, the days to each level and to a restoration, the days spent
 * downgraded, the hostile and cooperative events; per country of interest its supporters and
 * condemners; the events, conflict, severed pairs, days run and polarisation of the run; and
 * whether each expected pattern held. Yes/no outcomes by Fisher's exact test, levels by a
 * chi-square test, numbers by Kolmogorov-Smirnov and by Mann-Whitney; all the p-values
 * together corrected by Holm's method, at a family-wise level of 1 %.
 */
class SampledRunEquivalenceTest {
    static final int DEFAULT_RUNS = 2000;
    private static final int RUNS = Integer.getInteger("crisis.equivalence.runs", DEFAULT_RUNS);
    /** Only the scenario files whose name matches (system property {@code crisis.equivalence.only}, a regular expression). */
    private static final String ONLY = System.getProperty("crisis.equivalence.only", ".*");
    /** Master seeds of the two samples are this and this + 1 (system property {@code crisis.equivalence.seed}). */
    private static final long SEED = Long.getLong("crisis.equivalence.seed", 1001);
    private static final double ALPHA = 0.01;
    /** Numbers compared only where both samples have at least this many (days to a level reached in few runs). */
    private static final int MIN_VALUES = 20;

    private enum Type { YES_NO, LEVEL, NUMBER }

    /** One outcome of a run and how it is compared. */
    private record Measure(String name, Type type, Extractor value) {}

    @FunctionalInterface
    private interface Extractor {
        double of(World w, PairRecords r, int daysRun);
    }

    /** A finished run: its world, its pair records and the days it ran. */
    private record Finished(World world, PairRecords records, int daysRun) {}

    @Test
    void theSampledRunHasTheDistributionOfTheDayByDayRuleOnEveryScenarioAndCase() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("scenarios"), Path.of("scenarios", "cases"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(f -> f.toString().endsWith(".yaml"))
                        .filter(f -> f.getFileName().toString().matches(ONLY)).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= (ONLY.equals(".*") ? 40 : 1), "scenarios and cases: " + files.size());
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            scenarios.add(ScenarioReader.read(f, List.of()));
        }
        assertNoDifference(scenarios, RUNS);
    }

    /**
     * The stop conditions (no shipped scenario has one): on five scenarios, a stop when the
     * first tracked pair is severed, when it is restored, when the world is quiet, and when it
     * is quiet with that pair back at NORMAL; half the runs of the main test.
     */
    @Test
    void runsStopOnTheSameDaysInDistribution() throws Exception {
        List<Scenario> variants = new ArrayList<>();
        for (String name : List.of("peru-mexico-asylum-2025", "colombia-venezuela-2019-2022", "cases/colombia-ecuador-2008",
                "cases/richardson-unstable", "cases/turkey-netherlands-2017")) {
            Path f = Path.of("scenarios", name + ".yaml");
            if (!f.getFileName().toString().matches(ONLY)) {
                continue;
            }
            Scenario s = ScenarioReader.read(f, List.of());
            Scenario.Pair pair = s.trackedPairs().get(0);
            variants.add(withStop(s, new Scenario.Stop(Scenario.StopWhen.SEVERED, Optional.of(pair))));
            variants.add(withStop(s, new Scenario.Stop(Scenario.StopWhen.RESTORED, Optional.of(pair))));
            variants.add(withStop(s, new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.empty())));
            variants.add(withStop(s, new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.of(pair))));
        }
        assertNoDifference(variants, Math.max(100, RUNS / 2));
    }

    /**
     * The options of sections 3.3 and 3.5 (a rupture answers a grave act; a restoration waits
     * for ripe grievances; a grave injury raises the bar for mending and fades; an exogenous
     * answer in kind is expected; force answers force; a posture's face fades, and talks both ways
     * lighten it), all on, on the cases whose ruptures,
     * mediations, restorations and armed exchanges they touch, with territorial acts felt twice as hard (τ = 1, section 3.3),
     * which the gate reads as grave; a quarter of the runs of the main test.
     */
    @Test
    void theRuleOptionsKeepTheDistributionOfTheDayByDayRule() throws Exception {
        List<Scenario> variants = new ArrayList<>();
        for (String name : List.of("iran-saudi-2016", "israel-turkey-2010", "kenya-somalia-2020", "colombia-ecuador-2008",
                "georgia-russia-2008", "iran-pakistan-2024", "belarus-france-1998",
                // breaks whose governments later talk: where talks take the face off (gestureRelief)
                "chad-qatar-2017", "soviet-union-israel-1953")) {
            Path f = Path.of("scenarios", "cases", name + ".yaml");
            if (!f.getFileName().toString().matches(ONLY)) {
                continue;
            }
            Scenario s = ScenarioReader.read(f, List.of());
            variants.add(s.withParameters(s.parameters().with(Parameter.RIPE_RESTORATION, 1).with(Parameter.RUPTURE_GATE, 1)
                    .with(Parameter.TERRITORIAL_SALIENCE, 1).with(Parameter.INJURY_MEMORY, 2.0)
                    .with(Parameter.INJURY_FADING, 0.02).with(Parameter.IN_KIND_TRIGGERS, 1)
                    .with(Parameter.ARMED_EXCHANGE, 1).with(Parameter.RECIPROCAL_GESTURE, 1)
                    .with(Parameter.FOLLOW_VICTIM, 1).with(Parameter.BORROWED_QUARREL_ONLY, 1)
                    .with(Parameter.TRIGGER_RECIPROCITY, 0.3).with(Parameter.STANDING_LEVEL, 1)
                    .with(Parameter.BREACH_ONCE_A_DAY, 1).with(Parameter.FACE_HALF_LIFE, 90).with(Parameter.GESTURE_RELIEF, 0.8)));
        }
        assertNoDifference(variants, Math.max(100, RUNS / 4));
    }

    /**
     * Declared answers (section 3.5): on cases of ruptures, recalls and restraint, every hostile
     * bilateral trigger carries one, a recall, an expulsion and a rupture in turn, with the rule
     * options off and, for a second variant, on; a quarter of the runs of the main test.
     */
    @Test
    void declaredAnswersKeepTheDistributionOfTheDayByDayRule() throws Exception {
        List<Scenario> variants = new ArrayList<>();
        for (String name : List.of("china-kiribati-2003", "turkey-netherlands-2017", "colombia-ecuador-2008",
                "kenya-somalia-2020", "israel-sweden-2014")) {
            Path f = Path.of("scenarios", "cases", name + ".yaml");
            if (!f.getFileName().toString().matches(ONLY)) {
                continue;
            }
            Scenario s = declaring(ScenarioReader.read(f, List.of()));
            variants.add(s);
            variants.add(s.withParameters(s.parameters().with(Parameter.RUPTURE_GATE, 1).with(Parameter.RIPE_RESTORATION, 1)
                    .with(Parameter.INJURY_MEMORY, 2.0).with(Parameter.INJURY_FADING, 0.02)
                    .with(Parameter.RECALL_LAPSE, 14)));
        }
        assertNoDifference(variants, Math.max(100, RUNS / 4));
    }

    /**
     * Acts that last (section 3.5, lastingActs): on cases of detentions, ruptures and restraint, every
     * hostile bilateral trigger goes on for 90 days (to the horizon if sooner), with the option on and
     * the rule options off and, for a second variant, on; a quarter of the runs of the main test.
     */
    @Test
    void lastingActsKeepTheDistributionOfTheDayByDayRule() throws Exception {
        List<Scenario> variants = new ArrayList<>();
        for (String name : List.of("canada-china-2018-2019", "greece-turkey-2018", "colombia-ecuador-2008",
                "israel-sweden-2014", "turkey-netherlands-2017")) {
            Path f = Path.of("scenarios", "cases", name + ".yaml");
            if (!f.getFileName().toString().matches(ONLY)) {
                continue;
            }
            Scenario s = lasting(ScenarioReader.read(f, List.of()), 90);
            variants.add(s.withParameters(s.parameters().with(Parameter.LASTING_ACTS, 1)));
            Scenario options = renamed(s, s.name() + " + rule options");
            variants.add(options.withParameters(s.parameters().with(Parameter.LASTING_ACTS, 1).with(Parameter.RUPTURE_GATE, 1)
                    .with(Parameter.RIPE_RESTORATION, 1).with(Parameter.INJURY_MEMORY, 2.0).with(Parameter.INJURY_FADING, 0.02)
                    .with(Parameter.RECALL_LAPSE, 14).with(Parameter.RECIPROCAL_GESTURE, 1)));
            if (name.equals("greece-turkey-2018")) {
                // with a quiet stop: the run waits for the end of an act that lasts
                variants.add(withStop(s.withParameters(s.parameters().with(Parameter.LASTING_ACTS, 1)),
                        new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.empty())));
            }
        }
        assertNoDifference(variants, Math.max(100, RUNS / 4));
    }

    private static Scenario renamed(Scenario s, String name) {
        return new Scenario(name, s.description(), s.start(), s.days(), s.seed(), s.countries(), s.relations(), s.events(),
                s.parameters(), s.track(), s.stop(), s.expect(), s.organisations());
    }

    /** The scenario with each hostile bilateral trigger lasting {@code days} days, to the horizon if sooner. */
    private static Scenario lasting(Scenario s, int days) {
        List<Scenario.Trigger> events = new ArrayList<>();
        for (Scenario.Trigger t : s.events()) {
            boolean hostile = t.type().kind() == EventType.Kind.TRIGGER && t.target().isPresent() && t.gamma() < 0
                    && t.day() < s.days() - 1;
            events.add(!hostile ? t : new Scenario.Trigger(t.day(), t.type(), t.actor(), t.target(), t.severity(),
                    t.label(), t.gamma(), t.interference(), t.normBreaking(), t.territorial(), t.armed(), t.government(),
                    t.declaredAnswer(), t.envoy(), Math.min(t.day() + days, s.days() - 1)));
        }
        return new Scenario(s.name() + " lasting", s.description(), s.start(), s.days(), s.seed(), s.countries(),
                s.relations(), events, s.parameters(), s.track(), s.stop(), s.expect(), s.organisations());
    }

    /** The scenario with a declared answer on each hostile bilateral trigger: a recall, an expulsion, a rupture in turn. */
    private static Scenario declaring(Scenario s) {
        EventType[] answers = {EventType.RECALL_AMBASSADOR, EventType.EXPEL_DIPLOMATS, EventType.SEVER_RELATIONS};
        List<Scenario.Trigger> events = new ArrayList<>();
        int k = 0;
        for (Scenario.Trigger t : s.events()) {
            boolean crossing = t.type().kind() == EventType.Kind.TRIGGER && t.target().isPresent() && t.gamma() < 0;
            events.add(!crossing ? t : new Scenario.Trigger(t.day(), t.type(), t.actor(), t.target(), t.severity(),
                    t.label(), t.gamma(), t.interference(), t.normBreaking(), t.territorial(), t.armed(), t.government(),
                    Optional.of(answers[k++ % answers.length])));
        }
        return new Scenario(s.name() + " declared", s.description(), s.start(), s.days(), s.seed(), s.countries(),
                s.relations(), events, s.parameters(), s.track(), s.stop(), s.expect(), s.organisations());
    }

    private static Scenario withStop(Scenario s, Scenario.Stop stop) {
        String name = s.name() + " stop " + stop.when().name().toLowerCase(Locale.ROOT)
                + stop.pair().map(p -> " " + p.a() + "-" + p.b()).orElse("");
        return new Scenario(name, s.description(), s.start(), s.days(), s.seed(), s.countries(), s.relations(),
                s.events(), s.parameters(), s.track(), Optional.of(stop), s.expect(), s.organisations());
    }

    /** Runs both ways on each scenario, compares every measure, and asserts that Holm's correction rejects none. */
    private static void assertNoDifference(List<Scenario> scenarios, int runs) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        List<TwoSample.Result> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<Measure> measures = measures(s);
            double[][] sampled = sample(runs, measures, threads, k -> finished(MeasuredRun.of(s, Seeds.derive(SEED, k))));
            double[][] reference = sample(runs, measures, threads, k -> reference(s, Seeds.derive(SEED + 1, k)));
            for (int m = 0; m < measures.size(); m++) {
                compare(s.name() + " " + measures.get(m).name(), measures.get(m).type(), sampled[m], reference[m], results);
            }
        }
        List<TwoSample.Result> rejected = TwoSample.holm(results, ALPHA);
        List<TwoSample.Result> sorted = new ArrayList<>(results);
        sorted.sort(java.util.Comparator.comparingDouble(TwoSample.Result::p));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d scenarios, %d runs each way, %d tests; Holm at %.2f rejects %d; smallest p-values:%n", scenarios.size(),
                runs, results.size(), ALPHA, rejected.size()));
        for (TwoSample.Result r : sorted.subList(0, Math.min(12, sorted.size()))) {
            report.append(String.format(Locale.ROOT, "  p = %.2e  %s %s %s%n", r.p(), r.test(), r.name(), r.detail()));
        }
        System.out.print(report);
        assertEquals(List.of(), rejected, report.toString());
    }

    @FunctionalInterface
    private interface Job {
        Finished run(int k);
    }

    /** Runs 0..runs-1; per measure, its value in each run. */
    private static double[][] sample(int runs, List<Measure> measures, int threads, Job job) throws Exception {
        double[][] values = new double[measures.size()][runs];
        int[] next = {0};
        Replications.run(runs, threads, k -> {
            Finished f = job.run(k);
            double[] v = new double[measures.size()];
            for (int m = 0; m < v.length; m++) {
                v[m] = measures.get(m).value().of(f.world(), f.records(), f.daysRun());
            }
            return v;
        }, v -> {
            for (int m = 0; m < v.length; m++) {
                values[m][next[0]] = v[m];
            }
            next[0]++;
        }, Progress.none());
        return values;
    }

    private static Finished finished(MeasuredRun r) {
        return new Finished(r.world(), r.records(), r.model().daysRun());
    }

    /** The same scenario stepped day by day, with its own stream. */
    static Finished reference(Scenario s, long seed) {
        World w = new World(s.parameters(), new MersenneTwisterFast(seed));
        PairRecords records = new PairRecords();
        w.listen(records);
        StopRule stop = new StopRule(s);
        w.listen(stop);
        WorldBuilder.populate(w, s);
        List<Scenario.Trigger> events = s.events();
        int[] next = {0};
        int daysRun = DayByDay.run(w, s.days(), (world, day) -> {
            while (next[0] < events.size() && events.get(next[0]).day() == day) {
                WorldBuilder.apply(world, s, events.get(next[0]++));
            }
        }, stop::stopped);
        w.settle();
        return new Finished(w, records, daysRun);
    }

    /** The scenario's stop condition, as CrisisModel reads it. */
    private static final class StopRule implements WorldListener {
        private final Scenario s;
        private final int[] pair;
        private boolean wasLow;
        private boolean restored;

        StopRule(Scenario s) {
            this.s = s;
            this.pair = s.stop().flatMap(Scenario.Stop::pair)
                    .map(p -> new int[] {s.indexOf(p.a()), s.indexOf(p.b())}).orElse(null);
        }

        private boolean isPair(Dyad d) {
            return pair != null && Math.min(pair[0], pair[1]) == d.a() && Math.max(pair[0], pair[1]) == d.b();
        }

        @Override
        public void relationCreated(Dyad d, int level, int day) {
            wasLow |= isPair(d) && level <= Level.DOWNGRADED.ordinal();
        }

        @Override
        public void levelChanged(Dyad d, int from, int to, int day) {
            if (isPair(d)) {
                if (to <= Level.DOWNGRADED.ordinal()) {
                    wasLow = true;
                } else if (wasLow) {
                    restored = true;
                }
            }
        }

        boolean stopped(World w) {
            if (s.stop().isEmpty()) {
                return false;
            }
            Dyad d = pair == null ? null : w.existing(pair[0], pair[1]);
            return switch (s.stop().get().when()) {
                case SEVERED -> d != null && d.level() == Level.SEVERED;
                case RESTORED -> restored;
                case QUIET -> w.day() - w.lastEventDay() >= w.parameters().get(Parameter.MEMORY)
                        && (d == null || d.level().compareTo(Level.NORMAL) >= 0)
                        && s.events().stream().allMatch(e -> e.day() <= w.day() // no scripted news still to come
                                && (!s.parameters().on(Parameter.LASTING_ACTS) || e.lastsUntil() <= w.day()));
            };
        }
    }

    /** Every outcome of interest of a scenario. */
    private static List<Measure> measures(Scenario s) {
        Map<String, Scenario.Pair> pairs = new LinkedHashMap<>();
        Set<String> countries = new LinkedHashSet<>();
        List<Scenario.Pair> named = new ArrayList<>(s.trackedPairs());
        s.stop().flatMap(Scenario.Stop::pair).ifPresent(named::add);
        List<Scenario.Pattern> patterns = s.expect().map(Scenario.Expectations::patterns).orElse(List.of());
        for (Scenario.Pattern p : patterns) {
            if (p instanceof Scenario.Reaches r) {
                named.add(r.pair());
            } else if (p instanceof Scenario.EndsAt e) {
                named.add(e.pair());
            } else if (p instanceof Scenario.Restored r) {
                named.add(r.pair());
            } else if (p instanceof Scenario.Condemned c) {
                countries.add(c.country());
            }
        }
        for (Scenario.Pair p : named) {
            String key = p.a().compareTo(p.b()) < 0 ? p.a() + "-" + p.b() : p.b() + "-" + p.a();
            pairs.putIfAbsent(key, p);
            countries.add(p.a());
            countries.add(p.b());
        }
        List<Measure> list = new ArrayList<>();
        for (Scenario.Pair p : pairs.values()) {
            for (Outcome.Kind k : Outcome.Kind.values()) {
                Outcome o = new Outcome(k, p.a(), p.b());
                Type type = switch (k) {
                    case SEVERED, DOWNGRADED, RESTORED -> Type.YES_NO;
                    case LOWEST_LEVEL, FINAL_LEVEL -> Type.LEVEL;
                    case DAYS_TO_SEVERED, DAYS_TO_DOWNGRADED, DAYS_TO_RESTORED, HOSTILE_EVENTS, COOPERATIVE_EVENTS,
                            DAYS_DOWNGRADED -> Type.NUMBER;
                    default -> null;
                };
                if (type != null) {
                    list.add(new Measure(o.name(), type, (w, r, days) -> o.value(w, r, days, Double.NaN, Double.NaN)));
                }
            }
        }
        for (String c : countries) {
            for (Outcome.Kind k : List.of(Outcome.Kind.SIDES, Outcome.Kind.CONDEMN)) {
                Outcome o = new Outcome(k, c, "");
                list.add(new Measure(o.name(), Type.NUMBER, (w, r, days) -> o.value(w, r, days, Double.NaN, Double.NaN)));
            }
        }
        for (Outcome.Kind k : List.of(Outcome.Kind.SEVERED_PAIRS, Outcome.Kind.PEAK_SEVERED_PAIRS,
                Outcome.Kind.TOTAL_CONFLICT, Outcome.Kind.EVENTS, Outcome.Kind.DAYS)) {
            Outcome o = new Outcome(k, "", "");
            // a sum of event weights: two runs with the same events in another order within a day differ in the last
            // bits, which a rank test on thousands of runs reads as a shift (sudan-ussr-1971 at the sixty-second
            // round's defaults); compared to 1e-9, the sum's resolution in the outputs
            list.add(new Measure(o.name(), Type.NUMBER, (w, r, days) -> Math.rint(o.value(w, r, days, Double.NaN, Double.NaN) * 1e9)
                    / 1e9));
        }
        list.add(new Measure("polarisation", Type.NUMBER, (w, r, days) -> Polarisation.balancedShare(w, 1)));
        for (Scenario.Pattern p : patterns) {
            list.add(new Measure("pattern " + p.name(), Type.YES_NO, (w, r, days) -> Patterns.holds(p, w, r) ? 1 : 0));
        }
        return list;
    }

    private static void compare(String name, Type type, double[] a, double[] b, List<TwoSample.Result> out) {
        switch (type) {
            case YES_NO -> {
                int x = count(a);
                int y = count(b);
                out.add(new TwoSample.Result(name, "Fisher", TwoSample.fisher(x, a.length, y, b.length),
                        String.format(Locale.ROOT, "(%.3f against %.3f)", x / (double) a.length, y / (double) b.length)));
            }
            case LEVEL -> out.add(new TwoSample.Result(name, "chi-square", TwoSample.categories(a, b), ""));
            case NUMBER -> {
                double[] x = finite(a);
                double[] y = finite(b);
                if (x.length >= MIN_VALUES && y.length >= MIN_VALUES) {
                    String detail = String.format(Locale.ROOT, "(means %.3f against %.3f, n %d and %d)", mean(x), mean(y),
                            x.length, y.length);
                    out.add(new TwoSample.Result(name, "Kolmogorov-Smirnov", TwoSample.ks(x, y), detail));
                    out.add(new TwoSample.Result(name, "Mann-Whitney", TwoSample.mannWhitney(x, y), detail));
                }
            }
        }
    }

    private static int count(double[] v) {
        int n = 0;
        for (double x : v) {
            n += x > 0 ? 1 : 0;
        }
        return n;
    }

    private static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }
}

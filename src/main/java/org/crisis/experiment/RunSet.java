package org.crisis.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.crisis.io.Csv;
import org.crisis.io.Provenance;
import org.crisis.model.Event;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.observe.Outcome;
import org.crisis.observe.RunObserver;
import org.crisis.observe.RunResult;
import org.crisis.observe.Trajectory;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioJson;
import org.crisis.scenario.StateRecords;
import org.crisis.stats.Intervals;
import org.crisis.stats.OutcomeStatistics;
import org.crisis.stats.VarianceComponents;

/**
 * N replications of one scenario, run on all cores and written as a results directory
 * (README, "Output files"): manifest.json, runs.csv, summary.json, events.csv,
 * trajectories.csv and ensemble.csv. Everything but the manifest's timings is identical for
 * the same scenario, parameters and seed, whatever the number of threads.
 *
 * <pre>{@code
 * RunSet.Summary s = new RunSet(spec).execute(Progress.none());
 * }</pre>
 */
public final class RunSet {
    /** Runs whose events and trajectories are written when {@code --keep} is not given. */
    public static final int DEFAULT_KEEP = 100;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to run.
     *
     * @param keep runs (from the first) whose events and trajectories are written
     * @param draws parameter sets each run draws from a calibration's ensemble, or null
     */
    public record Spec(Scenario scenario, String scenarioSha256, List<String> commandLine, List<String> overrides,
            int runs, long seed, int threads, int keep, Path out, Path resultsRoot, String version, ParameterDraws draws) {
        public Spec(Scenario scenario, String scenarioSha256, List<String> commandLine, List<String> overrides,
                int runs, long seed, int threads, int keep, Path out, Path resultsRoot, String version) {
            this(scenario, scenarioSha256, commandLine, overrides, runs, seed, threads, keep, out, resultsRoot, version, null);
        }
    }

    /**
     * What a finished run set reports to its user: with {@code meanDays}, the mean days a run lasted
     * (below the horizon when an early stop ended some runs).
     */
    public record Summary(Path directory, int runs, List<PairSummary> pairs, double seconds, double meanDays) {}

    /** Per tracked pair: share of runs downgraded, severed, restored, with the median day of each. */
    public record PairSummary(Scenario.Pair pair, double downgraded, double downgradedMedianDay, double severed,
            double severedMedianDay, double restored, double restoredMedianDay) {}

    private final Spec spec;
    private final Scenario scenario;
    private final List<Scenario.Pair> pairs;
    private final int[][] tracked;
    /** The tracked pairs' ids, {a, b}, in the scenario's order. */
    private final List<String[]> pairIdList;
    private final List<Outcome> outcomes;
    private final OutcomeStatistics[] statistics;
    /** The seed stream of outcome k's permutation test is derive(master_seed, SPREAD_STREAM − k), apart from the runs'. */
    static final long SPREAD_STREAM = -8;

    /**
     * With parameter sets drawn from an ensemble: the set each run drew, in run order, and for each outcome the runs
     * without a value, so that its spread's split can pair the values the outcome's statistics keep with their sets
     * (null without an ensemble).
     */
    private final int[] drawn;
    private final BitSet[] noValue;
    private final Ensemble ensemble;
    private final LocalDate start;
    private final String[] dates;
    private final String[] pairIds;

    public RunSet(Spec spec) {
        this.spec = spec;
        this.scenario = spec.scenario();
        this.pairs = scenario.trackedPairs();
        this.tracked = RunObserver.indexes(scenario, pairs);
        List<String[]> ids = new ArrayList<>();
        pairs.forEach(p -> ids.add(new String[] {p.a(), p.b()}));
        this.pairIdList = List.copyOf(ids);
        this.outcomes = Outcome.standard(ids);
        this.statistics = new OutcomeStatistics[outcomes.size()];
        for (int k = 0; k < statistics.length; k++) {
            statistics[k] = new OutcomeStatistics(outcomes.get(k).binary());
        }
        this.drawn = spec.draws() == null ? null : new int[spec.runs()];
        this.noValue = spec.draws() == null ? null : new BitSet[outcomes.size()];
        for (int k = 0; noValue != null && k < noValue.length; k++) {
            noValue[k] = new BitSet();
        }
        this.ensemble = new Ensemble(pairs.size(), scenario.days());
        this.start = scenario.start().orElse(null);
        this.dates = new String[scenario.days()];
        this.pairIds = pairs.stream().map(p -> p.a() + "," + p.b()).toArray(String[]::new);
    }

    public Summary execute(Progress progress) throws Exception {
        Instant began = Instant.now();
        try (ResultsDirectory dir = ResultsDirectory.create(spec.out(), spec.resultsRoot(), scenario.name())) {
            AtomicBoolean committed = new AtomicBoolean();
            Thread cleanup = new Thread(() -> {
                try {
                    dir.close();
                    if (!committed.get()) {
                        System.err.println("\ncrisis run: interrupted; nothing was written (a run set is written whole): run"
                                + " the same command again");
                    }
                } catch (IOException e) {
                    // best effort on interrupt
                }
            });
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                // the streamed files are closed before the directory moves into place
                try (BufferedWriter runs = writer(dir.file("runs.csv"));
                        BufferedWriter events = writer(dir.file("events.csv"));
                        BufferedWriter trajectories = writer(dir.file("trajectories.csv"))) {
                    header(runs, events, trajectories);
                    StringBuilder line = new StringBuilder(256);
                    Replications.run(spec.runs(), spec.threads(),
                            k -> RunObserver.run(scenarioOf(Seeds.derive(spec.seed(), k)), tracked, outcomes, k,
                                    Seeds.derive(spec.seed(), k), k < spec.keep()),
                            r -> consume(r, runs, events, trajectories, line), progress);
                }
                progress.finish();
                writeEnsemble(dir.file("ensemble.csv"));
                JSON.writeValue(dir.file("summary.json").toFile(), summaryJson());
                JSON.writeValue(dir.file("manifest.json").toFile(), manifest(began, Instant.now()));
                dir.commit();
                committed.set(true);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // shutting down already (Ctrl-C while the files were written): the hook runs
                }
            }
            return new Summary(dir.target(), spec.runs(), pairSummaries(), progress.elapsedSeconds(), meanDays());
        }
    }

    /** The run's scenario: the set it draws from the ensemble, or the scenario. */
    private Scenario scenarioOf(long seed) {
        return spec.draws() == null ? scenario : spec.draws().scenario(spec.draws().draw(seed));
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private void header(Writer runs, Writer events, Writer trajectories) throws IOException {
        StringBuilder h = new StringBuilder("point,replication,seed");
        if (spec.draws() != null) {
            spec.draws().columns().forEach(c -> h.append(',').append(c));
        }
        for (Outcome o : outcomes) {
            h.append(',').append(o.column());
        }
        runs.write(h.append('\n').toString());
        events.write("run,id,day,date,actor,target,type,gamma,cause,severity,about,label,root," + EventColumns.HEADER + "\n");
        trajectories.write("run,day,date,a,b,level,grievance_ab,grievance_ba\n");
    }

    private void consume(RunResult r, Writer runs, Writer events, Writer trajectories, StringBuilder s)
            throws IOException {
        s.setLength(0);
        s.append(0).append(',').append(r.index()).append(',').append(r.seed());
        int set = -1;
        if (spec.draws() != null) {
            set = spec.draws().draw(r.seed());
            spec.draws().cells(s, set);
            drawn[r.index()] = set;
        }
        for (int k = 0; k < outcomes.size(); k++) {
            double x = r.outcomes()[k];
            statistics[k].add(x);
            if (noValue != null && Double.isNaN(x)) {
                noValue[k].set(r.index());
            }
            Csv.number(s.append(','), x, 6);
        }
        runs.write(s.append('\n').toString());
        Trajectory t = r.trajectory();
        ensemble.add(t);
        if (r.events().isPresent()) {
            List<Scenario.Country> countries = scenario.countries();
            for (Event e : r.events().get()) {
                s.setLength(0);
                s.append(r.index()).append(',').append(e.id()).append(',').append(e.day()).append(',');
                date(s, e.day()).append(',').append(countries.get(e.actor()).id()).append(',');
                if (e.target() != Event.NONE) {
                    s.append(countries.get(e.target()).id());
                }
                s.append(',').append(e.type().name()).append(',');
                Csv.number(s, e.gamma(), 3).append(',');
                if (e.cause() != Event.NONE) {
                    s.append(e.cause());
                }
                Csv.number(s.append(','), e.severity(), 3).append(',');
                if (e.about() != Event.NONE) {
                    s.append(countries.get(e.about()).id());
                }
                Csv.text(s.append(','), e.label()).append(',').append(e.root()).append(',');
                EventColumns.append(s, e, r.levels()).append('\n');
                events.write(s.toString());
            }
            // one run's trajectories in one block: the day's date and the pair's ids written once
            s.setLength(0);
            for (int day = 0; day < t.days(); day++) {
                for (int p = 0; p < t.pairs(); p++) {
                    s.append(r.index()).append(',').append(day).append(',');
                    date(s, day).append(',').append(pairIds[p]).append(',').append(LEVELS[t.level(day, p)]).append(',');
                    Csv.number(s, t.grievanceAB(day, p), 4).append(',');
                    Csv.number(s, t.grievanceBA(day, p), 4).append('\n');
                }
                if (s.length() > 1 << 16) {
                    trajectories.write(s.toString());
                    s.setLength(0);
                }
            }
            trajectories.write(s.toString());
        }
    }

    private static final String[] LEVELS = java.util.Arrays.stream(Level.values()).map(Level::name).toArray(String[]::new);

    /** The date of {@code day}, if the scenario has a start; dates are formatted once per day of the horizon. */
    private StringBuilder date(StringBuilder s, int day) {
        if (start == null) {
            return s;
        }
        if (dates[day] == null) {
            dates[day] = start.plusDays(day).toString();
        }
        return s.append(dates[day]);
    }

    private void writeEnsemble(Path file) throws IOException {
        try (BufferedWriter w = writer(file)) {
            StringBuilder s = new StringBuilder("a,b,day,date,runs");
            for (Level l : Level.values()) {
                s.append(",share_").append(l.name().toLowerCase(java.util.Locale.ROOT));
            }
            for (String dir : new String[] {"ab", "ba"}) {
                for (double q : Ensemble.QUANTILES) {
                    s.append(",grievance_").append(dir).append("_q").append(String.format("%02d", Math.round(q * 100)));
                }
            }
            w.write(s.append('\n').toString());
            for (int p = 0; p < pairs.size(); p++) {
                for (int day = 0; day < ensemble.days(); day++) {
                    if (ensemble.runs(day) == 0) {
                        break;
                    }
                    s.setLength(0);
                    s.append(pairs.get(p).a()).append(',').append(pairs.get(p).b()).append(',').append(day).append(',');
                    date(s, day).append(',').append(ensemble.runs(day));
                    for (Level l : Level.values()) {
                        Csv.number(s.append(','), ensemble.share(day, p, l), 6);
                    }
                    for (int d = 0; d < 2; d++) {
                        for (double q : Ensemble.QUANTILES) {
                            Csv.number(s.append(','), ensemble.quantile(day, p, d, q), 4);
                        }
                    }
                    w.write(s.append('\n').toString());
                }
            }
        }
    }

    private OutcomeStatistics stats(Outcome.Kind kind, Scenario.Pair p) {
        for (int k = 0; k < outcomes.size(); k++) {
            Outcome o = outcomes.get(k);
            if (o.kind() == kind && o.a().equals(p.a()) && o.b().equals(p.b())) {
                return statistics[k];
            }
        }
        throw new IllegalStateException("no outcome " + kind + " for " + p);
    }

    private double meanDays() {
        for (int k = 0; k < outcomes.size(); k++) {
            if (outcomes.get(k).kind() == Outcome.Kind.DAYS) {
                return statistics[k].mean();
            }
        }
        return scenario.days();
    }

    private List<PairSummary> pairSummaries() {
        List<PairSummary> list = new ArrayList<>();
        for (Scenario.Pair p : pairs) {
            list.add(new PairSummary(p, stats(Outcome.Kind.DOWNGRADED, p).mean(),
                    stats(Outcome.Kind.DAYS_TO_DOWNGRADED, p).quantile(50), stats(Outcome.Kind.SEVERED, p).mean(),
                    stats(Outcome.Kind.DAYS_TO_SEVERED, p).quantile(50), stats(Outcome.Kind.RESTORED, p).mean(),
                    stats(Outcome.Kind.DAYS_TO_RESTORED, p).quantile(50)));
        }
        return list;
    }

    /**
     * Each outcome's split of its spread between the sets and chance, its permutation test on its own stream
     * (derive(master_seed, SPREAD_STREAM − k)), the outcomes on {@code --threads} threads.
     */
    private List<VarianceComponents> spreads() {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, spec.threads()));
        try {
            return pool.submit(() -> IntStream.range(0, noValue.length).parallel().mapToObj(k -> {
                int[] set = new int[statistics[k].n()];
                int j = 0;
                for (int run = 0; run < drawn.length; run++) {
                    if (!noValue[k].get(run)) {
                        set[j++] = drawn[run];
                    }
                }
                return statistics[k].split(set, Seeds.derive(spec.seed(), SPREAD_STREAM - k));
            }).toList()).join();
        } finally {
            pool.shutdown();
        }
    }

    private ObjectNode summaryJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario.name());
        root.put("runs", spec.runs());
        ArrayNode list = root.putArray("outcomes");
        // each outcome's permutation test on its own stream (derive(master_seed, -8 - k)), the outcomes on all cores
        List<VarianceComponents> split = noValue == null ? null : spreads();
        for (int k = 0; k < statistics.length; k++) {
            ObjectNode entry = SummaryJson.of(outcomes.get(k), pairIdList, statistics[k]);
            if (split != null) {
                SummaryJson.spread(entry, split.get(k));
            }
            list.add(entry);
        }
        ArrayNode pairList = root.putArray("pairs");
        for (Scenario.Pair p : pairs) {
            ObjectNode n = pairList.addObject();
            n.put("a", p.a());
            n.put("b", p.b());
            OutcomeStatistics lowest = stats(Outcome.Kind.LOWEST_LEVEL, p);
            ObjectNode reached = n.putObject("reached");
            for (Level l : Level.values()) {
                double share = lowest.shareAtMost(l.ordinal());
                ObjectNode r = reached.putObject(l.name());
                SummaryJson.put(r, "probability", share);
                long successes = Math.round(share * lowest.n());
                double[] ci = Intervals.wilson(successes, lowest.n());
                SummaryJson.put(r, "ci95_low", ci[0]);
                SummaryJson.put(r, "ci95_high", ci[1]);
            }
        }
        return root;
    }

    private ObjectNode manifest(Instant began, Instant ended) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("tool", "crisis");
        m.put("version", spec.version());
        m.set("runtime", Provenance.runtime());
        ArrayNode command = m.putArray("command");
        spec.commandLine().forEach(command::add);
        ArrayNode overrides = m.putArray("overrides");
        spec.overrides().forEach(overrides::add);
        m.put("scenario_sha256", spec.scenarioSha256());
        ObjectNode resolved = ScenarioJson.toJson(scenario);
        m.put("resolved_scenario_sha256", Hashing.sha256(JSON.writeValueAsBytes(resolved)));
        m.set("scenario", resolved);
        m.set("parameters", ScenarioJson.parameters(scenario.parameters()));
        if (scenario.parameters().get(Parameter.RECORD_WEIGHT) != 0) {
            // the states' records the runs read (docs/MODEL.md 3.5): the table changes as the case library grows
            ObjectNode records = m.putObject("state_records");
            records.put("sha256", StateRecords.shipped().sha256());
            ObjectNode shifts = records.putObject("shifts");
            double[] shift = scenario.recordShifts();
            for (int i = 0; i < shift.length; i++) {
                shifts.put(scenario.countries().get(i).id(), shift[i]);
            }
        }
        if (spec.draws() != null) {
            m.set("parameters_from", spec.draws().manifest());
        }
        m.put("runs", spec.runs());
        m.put("master_seed", spec.seed());
        m.put("seed_rule", "run k uses SplitMix64(master_seed + (k + 1) * 0x9E3779B97F4A7C15); see runs.csv");
        m.put("threads", spec.threads());
        m.put("kept_runs", Math.min(spec.keep(), spec.runs()));
        m.put("started", began.toString());
        m.put("ended", ended.toString());
        return m;
    }
}

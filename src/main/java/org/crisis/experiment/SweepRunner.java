package org.crisis.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisis.observe.Outcome;
import org.crisis.observe.RunObserver;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;

/**
 * Runs a sweep on all cores into a results directory, resumably (docs/SWEEPS.md). Finished
 * runs go to the journal in run order as they complete; when every run of the sweep (or of
 * its shard) is in the journal, the final files are written from it and moved into place.
 * A run that throws is recorded as failed and the sweep goes on. Final files do not depend
 * on the number of threads, on interruptions or on sharding.
 *
 * <pre>{@code
 * SweepRunner.Result r = new SweepRunner(sweep, options).execute();
 * }</pre>
 */
public final class SweepRunner {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int[][] NO_PAIRS = new int[0][];
    private static final int POINT_CACHE = 256;

    /**
     * How to run.
     *
     * @param out results directory, or null for {@code results/NAME-TIMESTAMP}
     * @param mode resume behaviour
     * @param progress show a progress bar (terminal) or a log line every 5 s
     * @param log where to say what happens (resuming, shard), e.g. standard error
     */
    public record Options(int threads, Path out, Path resultsRoot, SweepShard shard, Mode mode, boolean progress,
            PrintStream log, List<String> commandLine, String version) {}

    /** Whether to resume an unfinished sweep (docs/SWEEPS.md, "Resume"). */
    public enum Mode {
        /** Resume if the same sweep was interrupted, else start. */
        AUTO,
        /** Resume; refuse if nothing was interrupted. */
        RESUME,
        /** Discard an interrupted sweep and start over. */
        RESTART
    }

    /**
     * What a finished sweep reports.
     *
     * @param directory the results directory
     * @param runs runs in the results (of the shard, for a shard)
     * @param failed runs that failed
     * @param resumed runs already done by earlier sessions
     * @param seconds time of this session
     */
    public record Result(Path directory, long runs, long failed, long resumed, double seconds) {}

    /** A sweep refused before running, for a reason the user can fix (exit status 2). */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** One run of the model; replaceable in tests. */
    @FunctionalInterface
    interface Model {
        double[] run(Scenario scenario, List<Outcome> outcomes, long seed);
    }

    /** Thrown by the test hook that stops a sweep after some runs, as a kill would. */
    static final class Stopped extends RuntimeException {
        Stopped(long runs) {
            super("stopped after " + runs + " runs");
        }
    }

    private final Sweep sweep;
    private final Options options;
    private Model model = (scenario, outcomes, seed) -> RunObserver.run(scenario, NO_PAIRS, outcomes, 0, seed, false)
            .outcomes();
    private long stopAfter = -1;
    private final Map<Integer, PointSetup> setups = new LinkedHashMap<>(POINT_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PointSetup> eldest) {
            return size() > POINT_CACHE;
        }
    };

    public SweepRunner(Sweep sweep, Options options) {
        this.sweep = sweep;
        this.options = options;
    }

    SweepRunner withModel(Model m) {
        this.model = m;
        return this;
    }

    /** Test hook: stop (as if killed) once this many runs are in the journal. */
    SweepRunner stopAfter(long runs) {
        this.stopAfter = runs;
        return this;
    }

    /** The scenario of a point and its values as CSV cells; or why the scenario is invalid. */
    private record PointSetup(Scenario scenario, String values, String error) {}

    public Result execute() throws IOException, Refused {
        long begin = System.nanoTime();
        SweepShard shard = options.shard();
        SweepDirectory dir = SweepDirectory.open(sweep, shard, options.out(), options.resultsRoot(), options.mode(),
                options.version());
        try {
            if (dir.finished) {
                options.log().println("crisis sweep: this sweep already finished; results in " + dir.target);
                dir.removeWork();
                return finishedResult(dir.target, begin);
            }
            long total = sweep.runCount();
            long owned = shard.runs(total);
            List<Path> segments = SweepJournal.segments(dir.work);
            BitSet done = SweepJournal.done(segments, sweep.replications(), total);
            int[] todo = todo(done, shard, total, owned);
            long already = owned - todo.length;
            if (dir.resumed) {
                options.log().printf(Locale.ROOT, "crisis sweep: resuming %s: %d of %d runs already done%n", dir.work,
                        already, owned);
                dir.otherBuilds("crisis sweep", options.version()).ifPresent(options.log()::println);
            }
            if (!shard.all()) {
                options.log().printf(Locale.ROOT, "crisis sweep: shard %s: %d of %d runs%n", shard, owned, total);
            }
            if (todo.length > 0) {
                runAll(dir, todo);
            }
            segments = SweepJournal.segments(dir.work);
            Path staging = dir.staging();
            SweepAssembly.Totals totals;
            try (SweepJournal.Rows rows = SweepJournal.merged(segments, sweep.replications())) {
                totals = SweepAssembly.write(sweep, shard, rows, staging);
            }
            ObjectNode manifest = SweepManifest.of(sweep, shard, options.commandLine(), options.version(),
                    options.threads());
            dir.recordSessions(manifest);
            ObjectNode results = manifest.putObject("results");
            results.put("runs", totals.runs());
            results.put("failed_runs", totals.failed());
            ObjectNode timings = manifest.putObject("timings");
            timings.put("started", dir.started.toString());
            timings.put("ended", Instant.now().toString());
            timings.put("sessions", segments.size());
            timings.put("runs_this_session", todo.length);
            timings.put("seconds_this_session", Math.round((System.nanoTime() - begin) / 1e6) / 1e3);
            SweepManifest.files(manifest, staging);
            JSON.writeValue(staging.resolve("manifest.json").toFile(), manifest);
            Path where = dir.commit();
            return new Result(where, totals.runs(), totals.failed(), already, (System.nanoTime() - begin) / 1e9);
        } finally {
            dir.close();
        }
    }

    private Result finishedResult(Path target, long begin) throws IOException {
        var m = JSON.readTree(target.resolve("manifest.json").toFile());
        return new Result(target, m.path("results").path("runs").asLong(), m.path("results").path("failed_runs").asLong(),
                m.path("results").path("runs").asLong(), (System.nanoTime() - begin) / 1e9);
    }

    /** The runs of the shard not yet in the journal, in increasing order. */
    private static int[] todo(BitSet done, SweepShard shard, long total, long owned) {
        int[] todo = new int[(int) (owned - countOwned(done, shard))];
        int k = 0;
        for (long run = shard.next(0); run < total; run += shard.count()) {
            if (!done.get((int) run)) {
                todo[k++] = (int) run;
            }
        }
        return todo;
    }

    private static long countOwned(BitSet done, SweepShard shard) {
        long c = 0;
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            c += shard.owns(i) ? 1 : 0;
        }
        return c;
    }

    private void runAll(SweepDirectory dir, int[] todo) throws IOException {
        Progress progress = options.progress() ? Progress.of(todo.length, "runs", true) : Progress.none();
        long[] appended = {0};
        try (SweepJournal.Appender journal = new SweepJournal.Appender(dir.work)) {
            // on Ctrl-C keep what is buffered (a kill -9 loses at most the last second of runs)
            Thread flush = new Thread(() -> {
                try {
                    journal.flush();
                    System.err.println("\ncrisis sweep: interrupted; the finished runs are kept: run the same command again to resume");
                } catch (IOException e) {
                    // the runs are done again on resume
                }
            });
            Runtime.getRuntime().addShutdownHook(flush);
            try {
                Replications.run(todo.length, Math.max(1, options.threads()), k -> runOne(todo[k]), row -> {
                    journal.append(row);
                    if (++appended[0] == stopAfter) {
                        journal.flush();
                        throw new Stopped(appended[0]);
                    }
                }, progress);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                progress.finish();
                try {
                    Runtime.getRuntime().removeShutdownHook(flush);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        }
    }

    /** One run as its runs.csv row; a run that throws gives a failed row with the message. */
    private String runOne(int run) {
        int r = sweep.replications();
        int point = run / r;
        int replication = run % r;
        long seed = sweep.seedOf(point, replication);
        PointSetup setup = setup(point);
        int m = sweep.outcomes().size();
        if (setup.error() != null) {
            return SweepRows.row(point, replication, seed, setup.values(), null, m, setup.error());
        }
        try {
            double[] values = model.run(setup.scenario(), sweep.outcomes(), seed);
            return SweepRows.row(point, replication, seed, setup.values(), values, m, "");
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return SweepRows.row(point, replication, seed, setup.values(), null, m, message);
        }
    }

    private PointSetup setup(int point) {
        synchronized (setups) {
            PointSetup s = setups.get(point);
            if (s != null) {
                return s;
            }
        }
        List<SweepFactor.Setting> settings = sweep.settingsAt(point);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < settings.size(); i++) {
            values.append(i == 0 ? "" : ",").append(settings.get(i).text());
        }
        PointSetup s;
        try {
            s = new PointSetup(sweep.scenarioWith(settings), values.toString(), null);
        } catch (InvalidInputException e) {
            s = new PointSetup(null, values.toString(), "invalid scenario: " + e.getMessage());
        } catch (RuntimeException e) {
            s = new PointSetup(null, values.toString(), "cannot build the scenario: " + e);
        }
        synchronized (setups) {
            setups.put(point, s);
        }
        return s;
    }
}

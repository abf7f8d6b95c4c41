package org.crisis.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Replications;
import org.crisis.experiment.Seeds;
import org.crisis.experiment.SyntheticScenario;
import org.crisis.model.World;
import org.crisis.observe.Outcome;
import org.crisis.observe.RunObserver;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.sim.CrisisModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis bench}: throughput and per-day cost figures, printed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print performance figures of the simulator.",
        subcommands = {BenchCommand.Runs.class, BenchCommand.Day.class})
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage, on standard error. */
    @Override
    public Integer call() {
        System.err.println("crisis bench: a subcommand is required: runs or day");
        spec.commandLine().usage(System.err);
        return Main.INVALID_INPUT;
    }

    /** Replications per second, in memory (no files written). */
    @Command(name = "runs", mixinStandardHelpOptions = true,
            description = "Replications per second of a scenario, measured in memory (no events or trajectories written).")
    static final class Runs implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO", description = "Scenario file whose runs are timed (.yaml, .yml, .json).")
        Path file;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "10000", description = "Replications (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores).")
        Integer threads;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000", description = "Replications run first and not counted, in "
                + "batches of this many until the JIT compiler is quiet (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--quiet-jit", paramLabel = "SECONDS", defaultValue = "1",
                description = "Warm-up: batches of --warmup replications until the JIT compiler has compiled "
                    + "nothing for this long (at most a minute), so that the timed runs measure compiled code "
                    + "on every thread (default: ${DEFAULT-VALUE}; 0: one batch only).")
        double quietJit;

        @Override
        public Integer call() throws Exception {
            String bad = threads != null && threads < 1 ? "--threads must be at least 1, found " + threads
                    : runs < 1 ? "--runs must be at least 1, found " + runs
                    : warmup < 0 ? "--warmup must be at least 0, found " + warmup
                    : quietJit < 0 || !Double.isFinite(quietJit) ? "--quiet-jit must be 0 or more seconds, found " + quietJit
                    : null;
            if (bad != null) {
                System.err.println("crisis bench runs: " + bad);
                return Main.INVALID_INPUT;
            }
            String wrong = CheckCommand.wrongKind(file, "scenario", "crisis bench runs");
            if (wrong != null) {
                System.err.println(wrong);
                return Main.INVALID_INPUT;
            }
            Scenario s;
            try {
                s = ScenarioReader.read(file, List.of());
            } catch (InvalidInputException e) {
                System.err.println(e.getMessage());
                return Main.INVALID_INPUT;
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            List<Scenario.Pair> pairs = s.trackedPairs();
            int[][] tracked = RunObserver.indexes(s, pairs);
            List<String[]> ids = pairs.stream().map(p -> new String[] {p.a(), p.b()}).toList();
            List<Outcome> outcomes = Outcome.standard(ids);
            double[] sink = new double[1];
            JitWatch jit = new JitWatch();
            long warmupStart = System.nanoTime();
            int warmed = 0;
            do {
                int first = warmed;
                Replications.run(warmup, t, k -> RunObserver.run(s, tracked, outcomes, k, Seeds.derive(1, first + k), false),
                        r -> sink[0] += r.outcomes()[0], Progress.none());
                warmed += warmup;
            } while (!jit.quietFor(quietJit) && System.nanoTime() - warmupStart < 60e9);
            long start = System.nanoTime();
            Replications.run(runs, t, k -> RunObserver.run(s, tracked, outcomes, k, Seeds.derive(2, k), false),
                    r -> sink[0] += r.outcomes()[0], Progress.none());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "scenario %s: %d runs of %d days on %d thread%s: %.2f s, %.0f runs/s (%.1f µs per run-day; "
                    + "after %d warm-up runs)%n",
                    s.name(), runs, s.days(), t, t == 1 ? "" : "s", seconds, runs / seconds,
                    seconds * 1e6 * t / ((double) runs * s.days()), warmed);
            return 0;
        }
    }

    /** Cost of one simulated day in a generated world, and what it allocates. */
    @Command(name = "day", mixinStandardHelpOptions = true,
            description = {"Mean time per simulated day in generated worlds of N countries with "
                               + "background tension and triggers, what days without events allocate, and "
                               + "how many decisions were tried and taken per day.",
                "Elapsed time is us/day; cpu_us/day is the simulating thread's processor time "
                    + "(less moved by other work on a shared machine)."})
    static final class Day implements Callable<Integer> {
        @Option(names = "--countries", split = ",", paramLabel = "N,N,...", defaultValue = "20,200,1000",
                description = "World sizes (default: ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(names = "--triggers", paramLabel = "N", defaultValue = "20", description = "Triggers per world (default: ${DEFAULT-VALUE}).")
        int triggers;

        @Option(names = "--days", paramLabel = "D", defaultValue = "365", description = "Horizon (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--repeats", paramLabel = "N", defaultValue = "20", description = "Runs per size after warm-up (default: ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--quiet-jit", paramLabel = "SECONDS", defaultValue = "1",
                description = "Warm-up: runs of each size until the JIT compiler has compiled nothing for "
                    + "this long (at least half the repeats, at most a minute), so that the timed runs "
                    + "measure compiled code (default: ${DEFAULT-VALUE}; 0: half the repeats only).")
        double quietJit;

        @Override
        public Integer call() {
            String bad = sizes.length == 0 ? "--countries needs at least one size"
                    : java.util.Arrays.stream(sizes).anyMatch(n -> n < 2) ? "--countries must all be at least 2 (a world needs a pair)"
                    : repeats < 1 ? "--repeats must be at least 1, found " + repeats
                    : days < 1 ? "--days must be at least 1, found " + days
                    : triggers < 0 ? "--triggers must be at least 0, found " + triggers
                    : quietJit < 0 || !Double.isFinite(quietJit) ? "--quiet-jit must be 0 or more seconds, found " + quietJit
                    : null;
            if (bad != null) {
                System.err.println("crisis bench day: " + bad);
                return Main.INVALID_INPUT;
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long me = Thread.currentThread().getId();
            System.out.println("countries  us/day  pairs_touched  us/day/touched_pair  bytes/day(quiet days)  events/run"
                    + "  decisions_tried/day  acts/day  warmup_runs  cpu_us/day");
            for (int n : sizes) {
                Scenario s = SyntheticScenario.of(n, triggers, days, 7);
                int warmup = warmUp(s);
                // timed without observer: nothing is read on days without work
                long nanos = 0;
                long cpuNanos = 0;
                long touched = 0;
                long events = 0;
                long tried = 0;
                long acts = 0;
                for (int k = 0; k < repeats; k++) {
                    CrisisModel m = new CrisisModel(s, 100 + k, CrisisModel.DailyObserver.NONE);
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    m.runToEnd();
                    nanos += System.nanoTime() - t0;
                    cpuNanos += threads.getCurrentThreadCpuTime() - c0;
                    touched += m.world().touchedDyads().size();
                    events += m.world().events().size();
                    long[] work = m.world().samplingWork();
                    tried += work[0];
                    acts += work[1];
                }
                // the same runs again, read at the end of every day, for what quiet days allocate
                long quietBytes = 0;
                long quietDays = 0;
                for (int k = 0; k < Math.max(1, repeats / 4); k++) {
                    AllocationProbe probe = new AllocationProbe(threads, me);
                    new CrisisModel(s, 100 + k, probe).runToEnd();
                    quietBytes += probe.quietBytes;
                    quietDays += probe.quietDays;
                }
                double runDays = (double) repeats * days;
                double usPerDay = nanos / 1e3 / runDays;
                double pairs = touched / (double) repeats;
                System.out.printf(Locale.ROOT, "%9d  %6.2f  %13.0f  %19.4f  %21.1f  %10.0f  %19.2f  %8.2f  %11d  %10.2f%n", n,
                        usPerDay, pairs, usPerDay / pairs, quietDays == 0 ? Double.NaN : quietBytes / (double) quietDays,
                        events / (double) repeats, tried / runDays, acts / runDays, warmup,
                        cpuNanos / 1e3 / runDays);
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "peak heap: %.1f MB%n", peak / 1e6);
            return 0;
        }

        /**
         * Runs of {@code s} not timed: at least half the repeats (three at least), then on until
         * the JIT compiler has finished no compilation for {@code quietJit} seconds, at most a
         * minute in all. Timing earlier would measure the interpreter and the compiler's own work
         * (on a loaded machine of two processors, compiled code of a 200-country world arrives
         * after some thirty runs). Returns the number of runs.
         */
        private int warmUp(Scenario s) {
            JitWatch jit = new JitWatch();
            long start = System.nanoTime();
            int runs = 0;
            while (true) {
                new CrisisModel(s, runs, CrisisModel.DailyObserver.NONE).runToEnd();
                runs++;
                if (runs >= Math.max(3, repeats / 2) && jit.quietFor(quietJit) || System.nanoTime() - start >= 60e9) {
                    return runs;
                }
            }
        }
    }

    /** Watches the JIT compiler's total compilation time, to tell when it has been quiet for a while. */
    private static final class JitWatch {
        private final java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private final boolean watched = jit != null && jit.isCompilationTimeMonitoringSupported();
        private long compiled = watched ? jit.getTotalCompilationTime() : 0;
        private long lastCompilation = System.nanoTime();

        /** Whether no compilation has finished for {@code seconds} (always, when 0 or not monitored). */
        boolean quietFor(double seconds) {
            if (!watched || seconds <= 0) {
                return true;
            }
            long now = System.nanoTime();
            if (jit.getTotalCompilationTime() != compiled) {
                compiled = jit.getTotalCompilationTime();
                lastCompilation = now;
            }
            return now - lastCompilation >= seconds * 1e9;
        }
    }

    /** Measures bytes allocated by the simulating thread between consecutive days with no event. */
    private static final class AllocationProbe implements CrisisModel.DailyObserver {
        private final com.sun.management.ThreadMXBean threads;
        private final long thread;
        private long before = -1;
        private int eventsBefore;
        long quietBytes;
        long quietDays;

        AllocationProbe(com.sun.management.ThreadMXBean threads, long thread) {
            this.threads = threads;
            this.thread = thread;
        }

        @Override
        public void endOfDay(World w) {
            long now = threads.getThreadAllocatedBytes(thread);
            int events = w.events().size();
            if (before >= 0 && events == eventsBefore) {
                quietBytes += now - before;
                quietDays++;
            }
            eventsBefore = events;
            before = threads.getThreadAllocatedBytes(thread);
        }
    }
}

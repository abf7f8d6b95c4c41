package org.crisis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crisis.experiment.Sweep;
import org.crisis.experiment.SweepReader;
import org.crisis.experiment.SweepRunner;
import org.crisis.experiment.SweepShard;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;
import org.crisis.scenario.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis sweep}: a parameter sweep into a results directory, resumable (docs/SWEEPS.md). */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep on all cores, resumably.",
            "Writes runs.csv, points.csv, manifest.json and, for the sobol and morris designs, "
                + "sensitivity.csv into results/NAME-TIMESTAMP or --out DIR. File formats: docs/FORMATS.md; "
                + "designs, seeds, shards: docs/SWEEPS.md.",
            "",
            "Resume: an interrupted sweep (Ctrl-C, kill -9, full disk) keeps its finished runs in a "
                + "work directory, results/.NAME.incomplete (or .DIR.incomplete beside --out DIR). Running "
                + "the same command again finishes it, with final files identical to an uninterrupted "
                + "sweep's. A sweep whose sweep file or scenario changed is not resumed (exit 2).",
            "",
            "Exit status: 0 done; 1 runs failed (counted) or I/O error; 2 invalid input, results "
                + "directory in the way, or resume refused; 130 interrupted by Ctrl-C, 143 by SIGTERM (a batch "
                + "scheduler's time limit; either way the finished runs are kept: run it again to resume).",
            ""},
        footer = {"", "Examples:",
            "  crisis sweep scenarios/sweeps/asylum-severity.yaml",
            "  crisis sweep scenarios/sweeps/sobol-baseline.yaml --out results/sobol",
            "  crisis sweep big.yaml --shard 3/8 --out shards/3",
            "  crisis merge shards/*"})
final class SweepCommand implements Callable<Integer> {
    /** Up to this many points a sweep says, before it runs, which of them its varied values give a standing warning. */
    static final int WARNED_POINTS = 20_000;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (.yaml, .yml, .json).")
    Path file;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results directory (default: results/NAME-TIMESTAMP, stamped with the sweep's start). Must not exist or be empty, unless it is the --out of the interrupted sweep being resumed.")
    Path out;

    @Option(names = "--resume", description = "Only resume: fail (exit 2) if there is no interrupted sweep to finish. Without it an interrupted sweep is resumed anyway, and a new one started otherwise.")
    boolean resume;

    @Option(names = "--restart", description = "Discard an interrupted sweep of the same name (or --out) and start over.")
    boolean restart;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N (runs whose number leaves remainder I-1 mod N); join shards with crisis merge.")
    String shard;

    @Option(names = "--quiet", description = "No progress bar or progress log.")
    boolean quiet;

    @Override
    public Integer call() {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            System.err.println("crisis sweep: --threads must be at least 1, found " + threadCount);
            return Main.INVALID_INPUT;
        }
        if (resume && restart) {
            System.err.println("crisis sweep: --resume and --restart exclude each other");
            return Main.INVALID_INPUT;
        }
        SweepShard part = SweepShard.ALL;
        if (shard != null) {
            StringBuilder why = new StringBuilder();
            Optional<SweepShard> s = SweepShard.parse(shard, why);
            if (s.isEmpty()) {
                System.err.println("crisis sweep: --shard: " + why);
                return Main.INVALID_INPUT;
            }
            part = s.get();
        }
        if (out != null) {
            try {
                WorkDirectory.checkOut(out, "--out"); // before anything is read or written
            } catch (OutputUnavailableException e) {
                System.err.println("crisis sweep: " + e.getMessage());
                return Main.exitCode(e);
            }
        }
        String wrong = CheckCommand.wrongKind(file, "sweep", "crisis sweep");
        if (wrong != null) {
            System.err.println(wrong);
            return Main.INVALID_INPUT;
        }
        Sweep sweep;
        try {
            sweep = SweepReader.read(file);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.err.printf("%s: %d problem%s; nothing was run%n", file, e.problems().size(),
                    e.problems().size() == 1 ? "" : "s");
            return Main.INVALID_INPUT;
        }
        if (part.count() > sweep.runCount()) {
            System.err.printf(Locale.ROOT, "crisis sweep: --shard %s: %s has %d runs, fewer than the %d shards asked for, so"
                    + " some would be empty: split it into at most %d%n", part, file, sweep.runCount(), part.count(),
                    sweep.runCount());
            return Main.INVALID_INPUT;
        }
        List<String> command = CommandLines.of("sweep");
        SweepRunner.Mode mode = resume ? SweepRunner.Mode.RESUME : restart ? SweepRunner.Mode.RESTART : SweepRunner.Mode.AUTO;
        SweepRunner.Options options = new SweepRunner.Options(threadCount, out, Path.of("results"), part, mode, !quiet,
                System.err, command, Main.version());
        Integer inTheWay = Main.refuseOutInTheWay("crisis sweep", out, resume);
        if (inTheWay != null) {
            return inTheWay;
        }
        try {
            // before a first start only: a resumed sweep said them when it began (a shard says them of the whole sweep)
            if (!resume) {
                CheckCommand.warnStanding(file, sweep, WARNED_POINTS, quiet);
            }
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.err.printf("%s: %d problem%s; nothing was run%n", file, e.problems().size(),
                    e.problems().size() == 1 ? "" : "s");
            return Main.INVALID_INPUT;
        }
        System.out.printf(Locale.ROOT, "%s: %s design, %d point%s x %d replication%s = %d runs%s%n", sweep.name(),
                sweep.design().key(), sweep.pointCount(), sweep.pointCount() == 1 ? "" : "s", sweep.replications(),
                sweep.replications() == 1 ? "" : "s", sweep.runCount(),
                part.all() ? "" : " (shard " + part + ": " + part.runs(sweep.runCount()) + " run"
                        + (part.runs(sweep.runCount()) == 1 ? "" : "s") + ")");
        SweepRunner.Result r;
        try {
            r = new SweepRunner(sweep, options).execute();
        } catch (SweepRunner.Refused | OutputUnavailableException e) {
            System.err.println("crisis sweep: " + e.getMessage());
            return Main.exitCode(e);
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("crisis sweep: " + (e instanceof java.nio.file.FileSystemException f ? Main.describe(f)
                    : e.getCause() instanceof java.nio.file.FileSystemException f ? Main.describe(f) : e.getMessage()));
            System.err.println("crisis sweep: the finished runs are kept; run the same command again to resume");
            return 1;
        }
        System.out.printf(Locale.ROOT, "%d runs in %.1f s%s%n", r.runs() - r.resumed(), r.seconds(),
                r.resumed() > 0 ? " (" + r.resumed() + " done before)" : "");
        if (r.failed() > 0) {
            System.out.printf(Locale.ROOT, "failed runs: %d of %d (status 'failed' in runs.csv, with the message)%n",
                    r.failed(), r.runs());
        }
        System.out.println("results: " + r.directory());
        return r.failed() > 0 ? 1 : 0;
    }
}

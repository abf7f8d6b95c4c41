package org.crisis.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisis.experiment.CalibrationRunner;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Rerun;
import org.crisis.experiment.RunSet;
import org.crisis.experiment.SweepRunner;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.Provenance;
import org.crisis.io.WorkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis rerun}: a run set made again from its manifest, and compared with the original. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Run a run set, a sweep or a calibration again from its results directory and compare the files.",
            "A run set (crisis run): reads the scenario, parameters, master seed, runs and kept runs that DIR's "
                + "manifest.json records (the scenario file itself is not needed), writes a new results directory, and "
                + "compares runs.csv, summary.json, events.csv, trajectories.csv and ensemble.csv with DIR's, byte for byte. "
                + "A sweep, one shard of it or a merged sweep (crisis sweep, crisis merge): runs the copies of the sweep "
                + "and scenario files kept in DIR/inputs again (the same shard), and compares the result files DIR's "
                + "manifest lists. A calibration, one fold of it or its merged folds (crisis calibrate): runs the copies "
                + "of the calibration file and cases kept in DIR/inputs again, with the budget and folds it ran, and "
                + "compares candidates.csv, best.yaml, posterior.csv, patterns.csv, folds.csv and folds-posterior.csv "
                + "(those it wrote); this takes as long as the calibration did. Exit 0 when every file is identical, 1 "
                + "when one differs, 2 for a directory it cannot rerun. A rerun by another build may differ where the "
                + "model changed: a difference names both builds.",
            ""})
final class RerunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Results directory of crisis run, crisis sweep, crisis merge or crisis calibrate.")
    Path directory;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the rerun is written (default: results/NAME-TIMESTAMP; a calibration's, results/NAME-rerun-TIMESTAMP). Must not exist or be empty.")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores; the files do not depend on it).")
    Integer threads;

    @Option(names = "--parameters-from", paramLabel = "CALIB_DIR",
            description = "Where the calibration directory of a run set made with --parameters-from is now, if not at the path its manifest records; its posterior.csv must be the one the runs drew from.")
    Path parametersFrom;

    @Option(names = "--quiet", description = "No progress bar (on a terminal) or progress line every 5 s (otherwise).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            System.err.println("crisis rerun: --threads must be at least 1, found " + threadCount);
            return Main.INVALID_INPUT;
        }
        if (out != null) {
            WorkDirectory.checkOut(out, "--out"); // before anything is read or written
        }
        // a directory it cannot rerun: InvalidInputException, exit 2 (Main)
        if (Rerun.isSweep(directory)) {
            if (parametersFrom != null) {
                System.err.println("crisis rerun: --parameters-from: a sweep draws no parameters from an ensemble; leave the option out");
                return Main.INVALID_INPUT;
            }
            return sweep(threadCount);
        }
        if (Rerun.isCalibration(directory)) {
            if (parametersFrom != null) {
                System.err.println("crisis rerun: --parameters-from: a calibration draws no parameters from an ensemble; leave the option out");
                return Main.INVALID_INPUT;
            }
            return calibration(threadCount);
        }
        Rerun.Source source = Rerun.read(directory, parametersFrom);
        List<String> command = CommandLines.of("rerun");
        RunSet.Spec spec = new RunSet.Spec(source.scenario(), source.scenarioSha256(), command, source.overrides(),
                source.runs(), source.seed(), threadCount, source.kept(), out, Path.of("results"), Main.version(),
                source.draws());
        RunSet.Summary summary = new RunSet(spec).execute(quiet ? Progress.none() : Progress.of(source.runs(), "runs", true));
        System.out.printf(Locale.ROOT, "%s: %d run%s again, master seed %d, in %.1f s%n", source.scenario().name(),
                summary.runs(), summary.runs() == 1 ? "" : "s", source.seed(), summary.seconds());
        return verdicts(Rerun.compare(directory, summary.directory()), source.builds(), summary.directory());
    }

    private int sweep(int threadCount) throws Exception {
        Rerun.SweepSource source = Rerun.readSweep(directory);
        List<String> command = CommandLines.of("rerun");
        SweepRunner.Options options = new SweepRunner.Options(threadCount, out, Path.of("results"), source.shard(),
                SweepRunner.Mode.AUTO, !quiet, System.err, command, Main.version());
        SweepRunner.Result r;
        try {
            r = new SweepRunner(source.sweep(), options).execute();
        } catch (SweepRunner.Refused | OutputUnavailableException e) {
            System.err.println("crisis rerun: " + e.getMessage());
            return Main.exitCode(e);
        }
        System.out.printf(Locale.ROOT, "%s: %d run%s of the sweep again%s, master seed %d, in %.1f s%n", source.sweep().name(),
                r.runs(), r.runs() == 1 ? "" : "s", source.shard().all() ? "" : " (shard " + source.shard() + ")",
                source.sweep().seed(), r.seconds());
        return verdicts(Rerun.compareSweep(directory, r.directory(), source.files()), source.builds(), r.directory());
    }

    private int calibration(int threadCount) throws Exception {
        Rerun.CalibrationSource source = Rerun.readCalibration(directory);
        List<String> command = CommandLines.of("rerun");
        // a directory of its own, beside which its work directory is its own too (never another calibration's)
        Path target = out != null ? out : source.defaultOut(Path.of("results"), Instant.now());
        CalibrationRunner.Options options = new CalibrationRunner.Options(threadCount, target, Path.of("results"),
                source.folds(), SweepRunner.Mode.AUTO, !quiet, System.err, command, Main.version());
        CalibrationRunner.Result r;
        try {
            r = new CalibrationRunner(source.calibration(), options).execute();
        } catch (CalibrationRunner.Refused | OutputUnavailableException e) {
            System.err.println("crisis rerun: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        System.out.printf(Locale.ROOT, "%s: %s again (%d evaluation%s), master seed %d, in %.1f s%n",
                source.calibration().name(), source.folds(), r.simulated(), r.simulated() == 1 ? "" : "s",
                source.calibration().seed(), r.seconds());
        return verdicts(Rerun.compareCalibration(directory, r.directory()), source.builds(), r.directory());
    }

    /** The verdicts, then whether the rerun reproduces the directory, naming the builds when it does not. */
    private int verdicts(List<Rerun.Verdict> verdicts, List<String> madeBy, Path again) {
        int width = verdicts.stream().mapToInt(v -> v.file().length()).max().orElse(0);
        for (Rerun.Verdict v : verdicts) {
            System.out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", v.file(), v.detail());
        }
        boolean same = verdicts.stream().allMatch(Rerun.Verdict::same);
        String version = Main.version();
        System.out.println(same ? "identical: the rerun reproduces " + directory
                : "different: the rerun does not reproduce " + directory
                        + (madeBy.equals(List.of(version)) ? " with the same build (" + Provenance.named(version) + ")"
                        : " (made by " + String.join(" and ", madeBy.stream().map(Provenance::named).toList())
                                + ", rerun by " + Provenance.named(version) + ": the model may have changed between them)"));
        System.out.println("results: " + again);
        return same ? 0 : Main.FAILURE;
    }
}

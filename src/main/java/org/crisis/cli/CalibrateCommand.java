package org.crisis.cli;

import static org.crisis.experiment.CalibrationRunner.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crisis.experiment.Calibration;
import org.crisis.experiment.CalibrationFolds;
import org.crisis.experiment.CalibrationMerge;
import org.crisis.experiment.CalibrationReader;
import org.crisis.experiment.CalibrationRunner;
import org.crisis.experiment.SweepRunner;
import org.crisis.io.OutputUnavailableException;
import org.crisis.io.WorkDirectory;
import org.crisis.scenario.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis calibrate}: fit free parameters to the case library, with cross-validation (docs/CALIBRATION.md). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit model parameters to the expected patterns of a case library.",
            "Free parameters are dotted paths with ranges, fitted to the expect: patterns of a "
                + "library of cases: CMA-ES on a smooth loss over every pattern, common random numbers "
                + "across candidates, an ensemble of acceptable sets (the search's own, or drawn by ABC-SMC; "
                + "format and method: "
                + "docs/CALIBRATION.md). Writes candidates.csv, best.yaml, posterior.csv, patterns.csv, "
                + "folds.csv (and folds-posterior.csv with --held-out-ensembles) and manifest.json into "
                + "results/NAME-TIMESTAMP or --out.",
            "",
            "Cross-validation by episode: --folds K also fits K times on all cases but one fold and "
                + "scores the held-out fold; --fold I/K runs one of them (0/K is the fit on all cases), and "
                + "--merge-folds joins their directories.",
            "",
            "Resume: an interrupted calibration (Ctrl-C, kill -9) keeps its evaluations in a work "
                + "directory, results/.NAME.incomplete (or .DIR.incomplete beside --out DIR). Running the "
                + "same command again finishes it with the results an uninterrupted one would have given; a "
                + "larger --budget extends it.",
            "",
            "Exit status: 0 done; 1 I/O error; 2 invalid input, results directory in the way, or "
                + "resume refused; 130 interrupted by Ctrl-C, 143 by SIGTERM (a batch "
                + "scheduler's time limit; either way the evaluations done are kept: run it again to resume).",
            ""},
        footer = {"", "Examples:",
            "  crisis calibrate scenarios/calibration/library.yaml",
            "  crisis calibrate scenarios/calibration/library.yaml --folds 5",
            "  crisis calibrate scenarios/calibration/library.yaml --fold 3/5 --out folds/3",
            "  crisis calibrate --merge-folds folds/* --out results/library-cv",
            "  crisis run SCENARIO --runs 1000 --parameters-from results/library-cv"})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CALIBRATION",
            description = "Calibration file (.yaml, .yml, .json); with --merge-folds, the results directories of the folds.")
    List<Path> inputs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads for each candidate's runs (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results directory (default: results/NAME-TIMESTAMP, stamped with the calibration's start; with --merge-folds results/NAME-folds-K-TIMESTAMP, stamped with the merge). Must not exist or be empty, unless it is the --out of the interrupted calibration being resumed.")
    Path out;

    @Option(names = "--resume", description = "Only resume: fail (exit 2) if there is no interrupted calibration to finish.")
    boolean resume;

    @Option(names = "--restart", description = "Discard an interrupted calibration of the same name (or --out) and start over.")
    boolean restart;

    /** --folds given without K (no K a user could write: K = 0 is refused like any K below 2). */
    private static final int FILES_FOLDS = Integer.MIN_VALUE;

    @Option(names = "--folds", paramLabel = "K", arity = "0..1", fallbackValue = "" + Integer.MIN_VALUE,
            description = "Also cross-validate: fit on all cases but one fold, for each of K folds, and score the held-out fold. Without K: the file's folds.")
    Integer folds;

    @Option(names = "--fold", paramLabel = "I/K", description = "Run only fold I of K (0/K: the fit on all cases), e.g. as a task of a job array.")
    String fold;

    @Option(names = "--budget", paramLabel = "N", description = "Candidate evaluations per fit (default: the file's budget).")
    Integer budget;

    @Option(names = "--held-out-ensembles", description = "With folds: each fold also draws its own ensemble and runs its"
            + " held-out cases with values drawn from it, as crisis run --parameters-from forecasts (the file's"
            + " ensemble.heldOut: true; with abc-smc, one ABC-SMC per fold).")
    boolean heldOutEnsembles;

    @Option(names = "--merge-folds", description = "Join the results directories of the folds of one calibration (given as arguments).")
    boolean merge;

    @Option(names = "--quiet", description = "No progress bar or progress log.")
    boolean quiet;

    @Override
    public Integer call() {
        List<String> command = CommandLines.of("calibrate");
        if (out != null) {
            try {
                WorkDirectory.checkOut(out, "--out"); // before anything is read or written, as every command does
            } catch (OutputUnavailableException e) {
                return invalid(e.getMessage());
            }
        }
        if (merge) {
            return merge(command);
        }
        if (inputs.size() != 1) {
            return invalid("expected one calibration file, found " + inputs.size() + " arguments (--merge-folds joins directories)");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            return invalid("--threads must be at least 1, found " + threadCount);
        }
        if (resume && restart) {
            return invalid("--resume and --restart exclude each other");
        }
        if (folds != null && fold != null) {
            return invalid("--folds and --fold exclude each other");
        }
        if (budget != null && (budget < 1 || budget > CalibrationReader.MAX_BUDGET)) {
            return invalid("--budget must be from 1 to " + CalibrationReader.MAX_BUDGET + ", as a file's budget, found " + budget);
        }
        int[] one = null;
        if (fold != null) {
            StringBuilder why = new StringBuilder();
            Optional<int[]> parsed = CalibrationFolds.parse(fold, why);
            if (parsed.isEmpty()) {
                return invalid("--fold: " + why);
            }
            one = parsed.get();
        }
        Path file = inputs.get(0);
        String wrong = CheckCommand.wrongKind(file, "calibration", "crisis calibrate");
        if (wrong != null) {
            System.err.println(wrong);
            return Main.INVALID_INPUT;
        }
        Calibration calibration;
        try {
            List<String> skipped = new ArrayList<>();
            calibration = CalibrationReader.read(file, skipped);
            skipped.forEach(System.err::println);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.err.printf("%s: %d problem%s; nothing was run%n", file, e.problems().size(),
                    e.problems().size() == 1 ? "" : "s");
            return Main.INVALID_INPUT;
        }
        if (heldOutEnsembles) {
            calibration = calibration.withHeldOut();
        }
        if (budget != null) {
            if (calibration.starts() > budget) {
                return invalid("--budget " + budget + " is below the file's " + calibration.starts() + " starts (method.starts):"
                        + " each start evaluates at least its point");
            }
            calibration = calibration.withBudget(budget);
        }
        CalibrationFolds selection = CalibrationFolds.NONE;
        int cases = calibration.cases().size();
        if (folds != null) {
            int k = folds == FILES_FOLDS ? calibration.folds() : folds;
            if (folds == FILES_FOLDS && k == 0) {
                return invalid("--folds without K needs folds: in " + file);
            }
            if (k < 2 || k > cases) {
                return invalid("--folds must be from 2 to the number of cases (" + cases + "), found " + k);
            }
            selection = CalibrationFolds.all(k);
        } else if (one != null) {
            if (one[1] > cases) {
                return invalid("--fold " + fold + ": at most as many folds as cases (" + cases + ")");
            }
            selection = CalibrationFolds.one(one[0], one[1]);
        }
        if (heldOutEnsembles && folds == null && one == null) {
            // with --fold 0/K it is accepted: a job array gives every task the same options
            return invalid("--held-out-ensembles scores the folds' held-out cases: give --folds [K] or --fold I/K");
        }
        Integer inTheWay = Main.refuseOutInTheWay("crisis calibrate", out, resume);
        if (inTheWay != null) {
            return inTheWay;
        }
        SweepRunner.Mode mode = resume ? SweepRunner.Mode.RESUME : restart ? SweepRunner.Mode.RESTART : SweepRunner.Mode.AUTO;
        CalibrationRunner.Options options = new CalibrationRunner.Options(threadCount, out, Path.of("results"), selection,
                mode, !quiet, System.err, command, Main.version());
        int runs = 0;
        for (var c : calibration.cases()) {
            runs += c.runs();
        }
        boolean folds = options.folds().fits().stream().anyMatch(f -> f > 0);
        boolean heldOut = calibration.heldOut();
        long ensembles = options.folds().fits().stream().filter(f -> f == 0 || heldOut).count();
        String smc = calibration.smc().filter(x -> ensembles > 0)
                .map(x -> String.format(Locale.ROOT, "; then ABC-SMC for the ensemble of %s, %d particles, at most %d"
                        + " candidates%s", ensembles == 1 && options.folds().fits().contains(0) ? "the fit on all cases"
                        : ensembles == 1 ? "the fold" : "each of the " + ensembles + " fits", x.particles(), x.budget(),
                        ensembles > 1 ? " each" : ""))
                .orElse("");
        if (heldOut && folds) {
            smc += "; held-out cases also run with values drawn from each fold's ensemble";
        }
        String starts = calibration.starts() > 1 ? ", " + calibration.starts() + " starts" : "";
        System.out.printf(Locale.ROOT, "%s: %s, %s, %s; CMA-ES, population %d%s, budget %s of %s%s; %s%n", calibration.name(),
                count(cases, "case"), count(calibration.patternCount(), "pattern"), count(calibration.parameters().size(),
                        "free value"), calibration.population(), starts, count(calibration.budget(), "candidate"),
                count(runs, "run"), smc, selection);
        CalibrationRunner.Result r;
        try {
            r = new CalibrationRunner(calibration, options).execute();
        } catch (CalibrationRunner.Refused | OutputUnavailableException e) {
            return invalid(e.getMessage());
        } catch (IOException | RuntimeException e) {
            System.err.println("crisis calibrate: " + (e instanceof IOException || e instanceof java.io.UncheckedIOException
                    ? "" : "a run failed: ") + e);
            System.err.println("crisis calibrate: the finished evaluations are kept; run the same command again to resume");
            return 1;
        }
        System.out.printf(Locale.ROOT, "%s simulated in %.1f s (candidates of the search and the ensemble, and the folds'"
                + " held-out scorings)%s%n", count(r.simulated(), "evaluation"), r.seconds(),
                r.resumed() > 0 ? "; " + r.resumed() + " recorded before were used again" : "");
        headline(r.fits(), selection.k(), calibration.seed());
        rangeEnds(r.directory());
        System.out.println("results: " + r.directory());
        return 0;
    }

    private Integer merge(List<String> command) {
        if (folds != null || fold != null || budget != null || resume || restart || threads != null || heldOutEnsembles) {
            return invalid("--merge-folds takes the fold directories and --out only");
        }
        CalibrationMerge.Result r;
        try {
            r = CalibrationMerge.merge(inputs, out, Path.of("results"), command, Main.version());
        } catch (CalibrationRunner.Refused | OutputUnavailableException e) {
            return invalid(e.getMessage());
        } catch (IOException | RuntimeException e) {
            System.err.println("crisis calibrate: " + e.getMessage());
            return 1;
        }
        System.out.printf(Locale.ROOT, "merged %s of %s%n", count(r.fits().size(), "fit"), count(r.k(), "fold"));
        headline(r.fits(), r.k(), r.seed());
        rangeEnds(r.directory());
        Main.builds("crisis calibrate", "folds", r.versions());
        System.out.println("results: " + r.directory());
        return 0;
    }

    /** best.yaml's notes of values the search left at an end of their range, repeated on standard error. */
    private static void rangeEnds(Path directory) {
        Path best = directory.resolve("best.yaml");
        try {
            if (Files.exists(best)) {
                for (String line : Files.readAllLines(best)) {
                    if (line.startsWith("# Note: ") && line.contains(": at the end of its range")) {
                        System.err.println("crisis calibrate: " + line.substring("# Note: ".length()));
                    }
                }
            }
        } catch (IOException e) {
            // best.yaml is there to read; if it cannot be, the results directory says the rest
        }
    }

    /**
     * The headline: out-of-sample pass rate, with its 95 % interval by resampling the held-out
     * cases, and the in-sample rate beside it.
     */
    static void headline(List<CalibrationRunner.FitSummary> fits, int k, long seed) {
        for (CalibrationRunner.FitSummary f : fits) {
            if (f.fold() == 0) {
                System.out.printf(Locale.ROOT, "in sample (fit on all cases): %d of %s %s (%s), best loss %s at evaluation %d of %d%n",
                        f.passes(), count(f.patterns(), "pattern"), f.patterns() == 1 ? "passes" : "pass",
                        percent(f.passes(), f.patterns()), org.crisis.io.Csv.number(f.bestLoss()),
                        f.bestEvaluation(), f.evaluations());
            }
        }
        CalibrationRunner.Pooled p = CalibrationRunner.pool(fits, seed);
        if (p.folds() > 0) {
            double[] ci = p.interval();
            String interval = ci == null ? "" : String.format(Locale.ROOT, ", 95 %% interval %.1f–%.1f %% by resampling cases",
                    100 * ci[0], 100 * ci[1]);
            System.out.printf(Locale.ROOT, "out of sample (%s of %s%s): %d of %s %s (%s%s); in sample at the same fits: %d of %d (%s)%n",
                    p.folds() == k ? "all" : String.valueOf(p.folds()), count(k, "fold"), p.folds() == k ? "" : " only", p.passes(),
                    count(p.patterns(), "pattern"), p.patterns() == 1 ? "passes" : "pass", percent(p.passes(), p.patterns()),
                    interval, p.inPasses(), p.inPatterns(), percent(p.inPasses(), p.inPatterns()));
            int heldOutCases = fits.stream().filter(f -> f.fold() > 0).mapToInt(f -> f.heldOut().size()).sum();
            if (ci != null && heldOutCases < org.crisis.experiment.Validation.Summary.MIN_CASES) {
                System.err.printf(Locale.ROOT, "crisis calibrate: the held-out figures rest on %s: an interval by resampling"
                        + " fewer than %d cases is too narrow to trust (crisis validate gives none)%n", count(heldOutCases, "case"),
                        org.crisis.experiment.Validation.Summary.MIN_CASES);
            }
        }
        CalibrationRunner.Drawn d = CalibrationRunner.poolDrawn(fits, seed);
        if (d != null) {
            String interval = d.interval() == null ? "" : String.format(Locale.ROOT, ", 95 %% interval %.1f–%.1f %%",
                    100 * d.interval()[0], 100 * d.interval()[1]);
            String against = d.difference() == null ? "" : String.format(Locale.ROOT, " (paired 95 %% interval %+.1f to %+.1f)",
                    100 * d.difference()[0], 100 * d.difference()[1]);
            System.out.printf(Locale.ROOT, "out of sample (%s of %s%s), runs drawn from each fold's ensemble: %d of %s"
                    + " %s (%s%s); %+.1f points against the folds' best sets%s, by resampling cases%n",
                    d.folds() == k ? "all" : String.valueOf(d.folds()), count(k, "fold"), d.folds() == k ? "" : " only", d.passes(),
                    count(d.patterns(), "pattern"), d.patterns() == 1 ? "passes" : "pass", percent(d.passes(), d.patterns()), interval, 100.0 * (d.passes() - d.bestPasses()) / d.patterns(), against);
        }
    }

    private static String percent(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * a / b);
    }

    private static int invalid(String message) {
        System.err.println("crisis calibrate: " + message);
        return Main.INVALID_INPUT;
    }
}

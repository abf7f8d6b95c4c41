package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisis.experiment.Hashing;
import org.crisis.experiment.ParameterDraws;
import org.crisis.experiment.Progress;
import org.crisis.experiment.ResultsDirectory;
import org.crisis.experiment.RunSet;
import org.crisis.io.WorkDirectory;
import org.crisis.model.Level;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;
import org.crisis.stats.Intervals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis run}: replications of one scenario into a results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario N times and write a results directory.",
            "Replications run in parallel. The directory holds manifest.json, runs.csv, summary.json, "
                + "events.csv, trajectories.csv and ensemble.csv (docs/FORMATS.md, section 5)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml, .json).")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Replications (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's seed, else 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario value by dotted path, e.g. parameters.grievanceDecay=0.03 or countries.PER.hawkishness=0.2. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/NAME-TIMESTAMP). Must not exist or be empty.")
    Path out;

    @Option(names = "--keep", paramLabel = "N|all|none", defaultValue = "100",
            description = "Runs (the first N) whose events and trajectories are written (default: ${DEFAULT-VALUE}).")
    String keep;

    @Option(names = "--quiet", description = "No progress bar (on a terminal) or progress line every 5 s (otherwise).")
    boolean quiet;

    @Option(names = "--parameters-from", paramLabel = "CALIB_DIR",
            description = "Each run draws its parameter set from the ensemble of a crisis calibrate results directory (posterior.csv, by weight, from the run's seed); the drawn values are columns of runs.csv. Values the scenario or --set gives keep theirs.")
    Path parametersFrom;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            System.err.println("crisis run: --runs must be at least 1, found " + runs);
            return Main.INVALID_INPUT;
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            System.err.println("crisis run: --threads must be at least 1, found " + threadCount);
            return Main.INVALID_INPUT;
        }
        int kept;
        switch (keep.toLowerCase(Locale.ROOT)) {
            case "all" -> kept = Integer.MAX_VALUE;
            case "none" -> kept = 0;
            default -> {
                try {
                    kept = Integer.parseInt(keep);
                } catch (NumberFormatException e) {
                    kept = -1;
                }
                if (kept < 0) {
                    System.err.println("crisis run: --keep expects a number of runs (0 or more), 'all' or 'none', found '" + keep + "'");
                    return Main.INVALID_INPUT;
                }
            }
        }
        if (out != null) {
            WorkDirectory.checkOut(out, "--out"); // before anything is read or written
        }
        String wrong = CheckCommand.wrongKind(file, "scenario", "crisis run");
        if (wrong != null) {
            System.err.println(wrong);
            return Main.INVALID_INPUT;
        }
        Scenario scenario;
        ParameterDraws draws = null;
        try {
            if (parametersFrom == null) {
                scenario = ScenarioReader.read(file, overrides);
            } else {
                Node tree = ScenarioReader.tree(file, overrides);
                scenario = ScenarioReader.bind(TreeReader.copyOf(tree), overrides);
                draws = ParameterDraws.read(parametersFrom, tree, overrides);
            }
            scenario.standingWarnings().forEach(w -> System.err.println(file + ": warning: " + w));
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return Main.INVALID_INPUT;
        }
        if (draws != null) {
            ResultsDirectory.refuseInTheWay(out); // RunSet refuses it too, but only after this line would have been said
            List<String> drawn = new ArrayList<>(draws.paths());
            drawn.removeAll(draws.kept());
            if (drawn.isEmpty()) {
                // the sets would differ in nothing the runs read: their split of the spread would be chance alone
                System.err.println("crisis run: the scenario or --set gives every free value of " + parametersFrom + " ("
                        + String.join(", ", draws.kept()) + "), so the sets drawn would change nothing; remove those values"
                        + " from the scenario (or the --set) to forecast with the ensemble, or leave out --parameters-from");
                return Main.INVALID_INPUT;
            }
            System.err.printf(Locale.ROOT, "crisis run: each run draws one of %d parameter sets of %s: %s%s%n", draws.size(),
                    parametersFrom, String.join(", ", drawn),
                    draws.kept().isEmpty() ? "" : "; the scenario or --set gives " + String.join(", ", draws.kept()) + ", which keeps its value");
        }
        List<String> command = CommandLines.of("run");
        RunSet.Spec spec = new RunSet.Spec(scenario, Hashing.sha256(file), command, overrides, runs,
                seed == null ? scenario.seed() : seed, threadCount, kept, out, Path.of("results"), Main.version(), draws);
        // an output directory that exists or is being written: OutputUnavailableException, exit 2 (Main)
        RunSet.Summary summary = new RunSet(spec).execute(quiet ? Progress.none() : Progress.of(runs, "runs", true));
        print(scenario, summary);
        return 0;
    }

    private static void print(Scenario scenario, RunSet.Summary s) {
        System.out.printf(Locale.ROOT, "%s: %d run%s of %s%d days in %.1f s%n", scenario.name(), s.runs(),
                s.runs() == 1 ? "" : "s", scenario.stop().isPresent() ? "at most " : "", scenario.days(), s.seconds());
        summary(scenario, s.pairs(), s.runs()).forEach(System.out::println);
        scenario.stop().filter(stop -> s.meanDays() < scenario.days()).ifPresent(stop -> System.out.printf(Locale.ROOT,
                "(some runs ended early, stop when %s%s: a run lasted %.1f of %d days on average, and a share counts what"
                + " happened before each run stopped)%n", stop.when().name().toLowerCase(Locale.ROOT),
                stop.pair().map(p -> " (" + p.key() + ")").orElse(""), s.meanDays(), scenario.days()));
        System.out.println("results: " + s.directory());
    }

    /**
     * The table of tracked pairs. A pair listed at DOWNGRADED or SEVERED is there on day 0 in
     * every run, so its share of runs "downgraded" says nothing: it reads "starts DOWNGRADED".
     */
    static List<String> summary(Scenario scenario, List<RunSet.PairSummary> pairs, long runs) {
        List<String> out = new ArrayList<>();
        if (pairs.isEmpty()) {
            return out;
        }
        out.add(String.format(Locale.ROOT, "%-12s %26s %26s %26s", "pair", "downgraded", "severed", "restored"));
        for (RunSet.PairSummary p : pairs) {
            Level start = startLevel(scenario, p.pair());
            String downgraded = start.compareTo(Level.DOWNGRADED) <= 0 ? "starts " + start.name()
                    : cell(p.downgraded(), p.downgradedMedianDay(), runs);
            String severed = start == Level.SEVERED ? "starts SEVERED" : cell(p.severed(), p.severedMedianDay(), runs);
            out.add(String.format(Locale.ROOT, "%-12s %26s %26s %26s", p.pair().key(), downgraded, severed,
                    cell(p.restored(), p.restoredMedianDay(), runs)));
        }
        if (runs > 1) {
            out.add("(share of runs, in brackets its 95 % Wilson interval: the sampling error of the share, not the");
            out.add(" parameters' uncertainty; day: the median day among the runs where it happened. The report's");
            out.add(" Kaplan-Meier median counts every run, those without it too, and is '\u2013' when fewer than half");
            out.add(" the runs saw it by the end.)");
        } else {
            out.add("(one run, as --runs defaults to: each share is 0 or 100 %, one draw of a stochastic model; --runs 200");
            out.add(" or more gives the share of runs and its interval. Day: the day it happened.)");
        }
        return out;
    }

    private static Level startLevel(Scenario scenario, Scenario.Pair pair) {
        for (Scenario.Relation r : scenario.relations()) {
            Scenario.Pair b = r.between();
            if (b.a().equals(pair.a()) && b.b().equals(pair.b()) || b.a().equals(pair.b()) && b.b().equals(pair.a())) {
                return r.level();
            }
        }
        return Level.NORMAL;
    }

    /**
     * An interval in per cent: whole numbers between 10 and 90 %, one decimal where either bound is
     * nearer 0 or 100 %, where whole numbers would round 0.2 % to 0 and 99.8 % to 100 and so show a
     * share of 0 or 1 as certain; a bound at 0 or 100 % is written whole.
     */
    private static String interval(double low, double high) {
        boolean fine = low * 100 < 9.95 || high * 100 > 90.05;
        return "(" + bound(low * 100, fine) + "\u2013" + bound(high * 100, fine) + ")";
    }

    private static String bound(double x, boolean fine) {
        return String.format(Locale.ROOT, fine && x >= 0.05 && x <= 99.95 ? "%.1f" : "%.0f", x);
    }

    private static String cell(double share, double medianDay, long runs) {
        if (Double.isNaN(share)) {
            return "-";
        }
        String percent = share > 0 && share < 0.005 ? " <1%" : share < 1 && share >= 0.995 ? ">99%"
                : String.format(Locale.ROOT, "%3.0f%%", share * 100);
        if (runs > 1) {
            double[] ci = Intervals.wilson(Math.rint(share * runs), runs); // the share is a count over runs
            percent += String.format(Locale.ROOT, " %-11s", interval(ci[0], ci[1]));
        }
        return percent
                + (Double.isNaN(medianDay) ? "          " : String.format(Locale.ROOT, "  day %4.0f", medianDay));
    }
}

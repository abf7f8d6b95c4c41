package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisis.experiment.Hashing;
import org.crisis.experiment.Progress;
import org.crisis.experiment.RunSet;
import org.crisis.experiment.WorkDirectory;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis run}: replications of one scenario into a results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario N times (in parallel) and write a results directory:",
            "manifest.json, runs.csv, summary.json, events.csv, trajectories.csv, ensemble.csv."})
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
                    System.err.println("crisis run: --keep expects a number, 'all' or 'none', found '" + keep + "'");
                    return Main.INVALID_INPUT;
                }
            }
        }
        if (out != null) {
            WorkDirectory.checkOut(out, "--out"); // before anything is read or written
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file, overrides);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            return Main.INVALID_INPUT;
        }
        List<String> command = new ArrayList<>(List.of("crisis", "run"));
        command.addAll(CommandLines.current());
        RunSet.Spec spec = new RunSet.Spec(scenario, Hashing.sha256(file), command, overrides, runs,
                seed == null ? scenario.seed() : seed, threadCount, kept, out, Path.of("results"), Main.version());
        // an output directory that exists or is being written: OutputUnavailableException, exit 2 (Main)
        RunSet.Summary summary = new RunSet(spec).execute(quiet ? Progress.none() : Progress.of(runs, "runs", true));
        print(scenario, summary);
        return 0;
    }

    private static void print(Scenario scenario, RunSet.Summary s) {
        System.out.printf(Locale.ROOT, "%s: %d run%s of %d days in %.1f s%n", scenario.name(), s.runs(),
                s.runs() == 1 ? "" : "s", scenario.days(), s.seconds());
        if (!s.pairs().isEmpty()) {
            System.out.printf(Locale.ROOT, "%-12s %18s %18s %18s%n", "pair", "downgraded", "severed", "restored");
            for (RunSet.PairSummary p : s.pairs()) {
                System.out.printf(Locale.ROOT, "%-12s %18s %18s %18s%n", p.pair().key(),
                        cell(p.downgraded(), p.downgradedMedianDay()), cell(p.severed(), p.severedMedianDay()),
                        cell(p.restored(), p.restoredMedianDay()));
            }
            System.out.println("(share of runs; median day among those runs)");
        }
        System.out.println("results: " + s.directory());
    }

    private static String cell(double share, double medianDay) {
        if (Double.isNaN(share)) {
            return "-";
        }
        String percent = share > 0 && share < 0.005 ? " <1%" : String.format(Locale.ROOT, "%3.0f%%", share * 100);
        return percent
                + (Double.isNaN(medianDay) ? "          " : String.format(Locale.ROOT, "  day %4.0f", medianDay));
    }
}

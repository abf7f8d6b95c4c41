package org.crisis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crisis.discover.Prim;
import org.crisis.io.WorkDirectory;
import org.crisis.observe.Outcome;
import org.crisis.report.Discovery;
import org.crisis.report.Report;
import org.crisis.report.ReportException;
import org.crisis.scenario.Fields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis discover}: scenario discovery with PRIM on a sweep's results. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        // written out: picocli marks an option of two values as one that repeats ("[--threshold=OP VALUE]...")
        customSynopsis = {"crisis discover [-hV] [--paste] [--box=K] [--cases=runs|points]",
            "                       [--min-coverage=C] [--min-density=D]",
            "                       [--min-support=BETA] [--objective=original|lenient1]",
            "                       [--out=DIR] --outcome=NAME [--peel=ALPHA]",
            "                       [--threshold OP VALUE] SWEEP_DIR"},
        description = {"Find which varied values of a sweep lead to an outcome (scenario discovery "
                           + "with PRIM).",
            "Friedman and Fisher's patient rule induction, as the EMA Workbench uses it: boxes of "
                + "varied values peeled a little at a time, trading coverage (the share of all cases of "
                + "interest in the box) against density (the share of the box's cases that are of "
                + "interest). Writes discover.html, trajectory.csv and box.csv; see docs/REPORTS.md, "
                + "\"crisis discover\".",
            ""},
        footer = {"", "Exit status: 0 written, 2 missing or invalid directory, outcome or option (nothing written), 1 other failure.",
            "Examples:",
            "  crisis discover results/asylum-severity --outcome severed:PER-MEX",
            "  crisis discover results/asylum-severity --outcome condemn:MEX \\",
            "      --threshold '>=' 2",
            "  crisis discover results/asylum-severity --outcome severed:PER-MEX \\",
            "      --cases points --box 3"})
final class DiscoverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "Results directory of crisis sweep.")
    Path directory;

    @Option(names = "--outcome", required = true, paramLabel = "NAME",
            description = "The outcome asked about: its name in the sweep file (severed:PER-MEX) or its column (severed_per_mex).")
    String outcome;

    @Option(names = "--threshold", arity = "2", paramLabel = "OP VALUE", hideParamSyntax = true,
            description = "Which values count: OP is >=, >, <= or < (quote it), e.g. --threshold '<=' 30. Needed for numbers;"
                    + " a yes/no outcome counts when it happened (a run) or happened in at least half the runs (a point).")
    List<String> threshold;

    @Option(names = "--cases", paramLabel = "runs|points", defaultValue = "runs",
            description = "What a case is: each run (default; a point weighs its runs) or each point (the mean over its runs).")
    String cases;

    @Option(names = "--peel", paramLabel = "ALPHA", defaultValue = "0.05",
            description = "Share of the box peeled off at each step, in (0, 0.5) (default: ${DEFAULT-VALUE}).")
    double peel;

    @Option(names = "--min-support", paramLabel = "BETA", defaultValue = "0.05",
            description = "Smallest share of the cases a box may hold, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double minSupport;

    @Option(names = "--objective", paramLabel = "original|lenient1", defaultValue = "original",
            description = "How peels are scored: the density after the peel (original, Friedman and Fisher), or the gain in"
                    + " density per case removed (lenient1, the EMA Workbench's default).")
    String objective;

    @Option(names = "--box", paramLabel = "K", description = "Choose box K of the trajectory (default: the knee, the box with the largest coverage + density).")
    Integer box;

    @Option(names = "--min-density", paramLabel = "D", description = "Choose the first box (the largest) whose density reaches D.")
    Double minDensity;

    @Option(names = "--min-coverage", paramLabel = "C", description = "Choose the last box (the densest) whose coverage is at least C.")
    Double minCoverage;

    @Option(names = "--paste", description = "Paste the chosen box: widen it again where that raises its density.")
    boolean paste;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the results (default: SWEEP_DIR/discover-OUTCOME). Created if missing; no '..'.")
    Path out;

    @Override
    public Integer call() {
        try {
            Discovery.Settings settings = settings();
            Discovery sweep = Discovery.open(directory);
            Discovery.Outcome o = resolve(sweep, outcome);
            settings = new Discovery.Settings(o, settings.threshold(), settings.cases(), settings.prim(), settings.paste(),
                    settings.choice(), settings.value());
            Discovery.Found found = sweep.find(settings);
            Path target = out != null ? out : WorkDirectory.withoutParentSteps(directory).resolve(found.defaultDirectoryName());
            Report.Written w = Discovery.write(found, target);
            found.summary().forEach(System.out::println);
            System.out.println("results: " + w.html().getParent() + " (discover.html, trajectory.csv, box.csv)");
            return 0;
        } catch (ReportException e) {
            System.err.println("crisis discover: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
    }

    /** The options, checked before any file is read. */
    private Discovery.Settings settings() throws ReportException {
        Discovery.Cases c = switch (cases.toLowerCase(Locale.ROOT)) {
            case "runs", "run" -> Discovery.Cases.RUNS;
            case "points", "point" -> Discovery.Cases.POINTS;
            default -> throw new ReportException("--cases: expected runs or points, found '" + cases + "'");
        };
        if (!(peel > 0 && peel < 0.5)) {
            throw new ReportException("--peel: the share peeled at each step must be in (0, 0.5), found " + peel);
        }
        if (!(minSupport > 0 && minSupport < 1)) {
            throw new ReportException("--min-support: must be in (0, 1), found " + minSupport);
        }
        Prim.Objective obj = switch (objective.toLowerCase(Locale.ROOT)) {
            case "original" -> Prim.Objective.ORIGINAL;
            case "lenient1" -> Prim.Objective.LENIENT1;
            default -> throw new ReportException("--objective: expected original or lenient1, found '" + objective + "'");
        };
        int chosen = (box != null ? 1 : 0) + (minDensity != null ? 1 : 0) + (minCoverage != null ? 1 : 0);
        if (chosen > 1) {
            throw new ReportException("--box, --min-density and --min-coverage each choose the box: give one of them");
        }
        String choice = "knee";
        double value = Double.NaN;
        if (box != null) {
            if (box < 0) {
                throw new ReportException("--box: expected a box number of 0 or more, found " + box);
            }
            choice = "box";
            value = box;
        } else if (minDensity != null) {
            if (!(minDensity > 0 && minDensity <= 1)) {
                throw new ReportException("--min-density: expected a share in (0, 1], found " + minDensity);
            }
            choice = "density";
            value = minDensity;
        } else if (minCoverage != null) {
            if (!(minCoverage > 0 && minCoverage <= 1)) {
                throw new ReportException("--min-coverage: expected a share in (0, 1], found " + minCoverage);
            }
            choice = "coverage";
            value = minCoverage;
        }
        if (threshold != null && threshold.size() != 2) {
            throw new ReportException("--threshold: give it once, as OP VALUE (e.g. --threshold '<=' 30)");
        }
        Discovery.Threshold t = threshold == null ? null : Discovery.Threshold.parse(threshold.get(0), threshold.get(1));
        return new Discovery.Settings(null, t, c, new Prim.Options(peel, minSupport, obj), paste, choice, value);
    }

    /**
     * The sweep's outcome named by {@code name} (its name or column; a pair in either order). A
     * valid outcome the sweep did not record, a likely typo and an unknown name are told apart.
     */
    static Discovery.Outcome resolve(Discovery sweep, String name) throws ReportException {
        Discovery.Outcome o = sweep.outcome(name);
        if (o != null) {
            return o;
        }
        List<String> recorded = sweep.outcomes().stream().map(Discovery.Outcome::name).toList();
        StringBuilder why = new StringBuilder();
        Optional<Outcome> parsed = Outcome.parse(name, sweep.countries(), why);
        if (parsed.isPresent()) {
            // pairs have no direction: severed:MEX-PER is severed:PER-MEX
            Optional<String> other = Discovery.otherPairOrder(name);
            Discovery.Outcome reversed = other.isEmpty() ? null : sweep.outcome(other.get());
            if (reversed != null) {
                return reversed;
            }
            throw new ReportException("--outcome " + name + ": not recorded by this sweep; its outcomes are "
                    + String.join(", ", recorded) + " (add " + name + " to the sweep file's outcomes and run the sweep again)");
        }
        Set<String> candidates = new LinkedHashSet<>(recorded);
        sweep.outcomes().forEach(x -> candidates.add(x.column()));
        Optional<String> near = Fields.closest(name, candidates);
        if (near.isPresent()) {
            Discovery.Outcome n = sweep.outcome(near.get());
            throw new ReportException("--outcome " + name + ": unknown outcome; did you mean '" + n.name() + "'?");
        }
        List<String> lines = new ArrayList<>();
        lines.add("--outcome " + name + ": " + why);
        lines.add("outcomes of this sweep: " + String.join(", ", recorded));
        throw new ReportException(String.join("\n", lines));
    }
}

package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisis.io.WorkDirectory;
import org.crisis.report.CalibrationComparison;
import org.crisis.report.CalibrationReport;
import org.crisis.report.CalibrationResults;
import org.crisis.report.Report;
import org.crisis.report.ReportException;
import org.crisis.report.ReportOptions;
import org.crisis.report.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crisis report}: report.html and CSV tables from results directories. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an HTML report and its tables from results directories.",
            "The report.html is self-contained; every table is also written as CSV.",
            "",
            "One run set (crisis run): outcomes with 95 %% intervals, grievance fan charts, level "
                + "shares, survival curves, the regional network, a representative run's event timeline "
                + "with cause chains, and convergence of the estimates.",
            "Several run sets: outcomes side by side, differences with 95 %% intervals, tests and "
                + "effect sizes (paired when the sets share seeds), overlaid charts; the first directory is "
                + "the baseline.",
            "One sweep (crisis sweep): each outcome against each varied value, heat maps, pair plots, "
                + "scenario discovery (PRIM boxes), sensitivity indices, points ranked.",
            "Two sweeps over the same varied paths (a scenario and its variant, say): points matched by "
                + "their values; at each, for each outcome both record, A's and B's means, B-A with a 95 %% "
                + "interval and a p-value (paired where the runs share seeds), adjusted across the points by "
                + "Holm's method; a verdict and a chart of B-A per outcome. Writes comparison.html and "
                + "comparison-points.csv (one row per point and outcome) into compare-A-vs-B beside the first "
                + "unless --out says otherwise.",
            "One calibration (crisis calibrate): loss by evaluation, parameter traces, the ensemble's "
                + "marginals and pairs, the patterns in and out of sample, the folds.",
            "Several cross-validated calibrations: each one's out-of-sample pass rate with a 95 %% "
                + "interval by resampling cases, each against the first as a paired difference, and the "
                + "patterns whose held-out result differs.",
            "The page needs no network and prints cleanly; see docs/REPORTS.md.",
            ""},
        footer = {"", "Exit status: 0 written, 2 missing or invalid directory or option, 1 other failure.",
            "Examples:",
            "  crisis report results/peru-mexico-asylum-2025-20251103-101500",
            "  crisis report results/granted results/denied --out results/compare",
            "  crisis report results/asylum-severity --rank-by severed:PER-MEX",
            "  crisis report results/severity results/severity-low-threshold",
            "  crisis report results/library-folds-5-A results/library-folds-5-B --out results/compare-calibrations"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "Results directories of crisis run, crisis sweep or crisis calibrate.")
    List<Path> directories;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for report.html and report-*.csv, or the comparison.html and comparison-*.csv of two sweeps (default: the results directory; for several, compare-A-vs-B beside the first). Created if missing; no '..'.")
    Path out;

    @Option(names = "--days", paramLabel = "D", split = ",",
            description = "Days at which to draw the regional network, e.g. 0,30,364 (a run of 365 days ends on day 364) (default: day 0, the peak and the last day of the representative run, each drawn at the end of its day).")
    List<Integer> days = new ArrayList<>();

    @Option(names = "--run", paramLabel = "K", description = "Kept run to show as the representative run (default: the one closest to the median).")
    Integer run;

    @Option(names = "--precision", paramLabel = "H", defaultValue = "0.05",
            description = "Wanted 95 %% half-width for shares in the convergence check (default: ${DEFAULT-VALUE}).")
    double precision;

    @Option(names = "--relative-precision", paramLabel = "R", defaultValue = "0.05",
            description = "Wanted 95 %% half-width for numbers, relative to the mean (default: ${DEFAULT-VALUE}).")
    double relativePrecision;

    @Option(names = "--rank-by", paramLabel = "OUTCOME",
            description = "Sweep outcome to rank points by and draw heat maps of: its name (a pair in either order) or column (default: the first outcome).")
    String rankBy;

    @Override
    public Integer call() {
        if (!(precision > 0 && precision < 1)) {
            System.err.println("crisis report: --precision must be in (0, 1), found " + precision);
            return Main.INVALID_INPUT;
        }
        if (!(relativePrecision > 0)) {
            System.err.println("crisis report: --relative-precision must be positive, found " + relativePrecision);
            return Main.INVALID_INPUT;
        }
        for (int d : days) {
            if (d < 0) {
                System.err.println("crisis report: --days must be 0 or more, found " + d);
                return Main.INVALID_INPUT;
            }
        }
        for (Path d : directories) {
            if (Files.isRegularFile(d)) {
                System.err.println("crisis report: " + d + " is a file: crisis report takes results directories (of crisis run,"
                        + " sweep, merge or calibrate)");
                return Main.INVALID_INPUT;
            }
        }
        for (int i = 0; i < directories.size(); i++) {
            Path d = directories.get(i);
            if (directories.subList(0, i).stream().anyMatch(e -> WorkDirectory.sameDirectory(e, d))) {
                System.err.println("crisis report: " + d + " is given twice: a set compared with itself differs in nothing;"
                        + " give each results directory once");
                return Main.INVALID_INPUT;
            }
        }
        long start = System.nanoTime();
        try {
            ReportOptions options = new ReportOptions(out, days, run, precision, relativePrecision, rankBy);
            long calibrations = directories.stream().filter(CalibrationResults::isCalibration).count();
            if (calibrations > 0 && calibrations < directories.size()) {
                Path other = directories.stream().filter(d -> !CalibrationResults.isCalibration(d)).findFirst().orElseThrow();
                throw new ReportException(!Files.isDirectory(other) ? other + ": no such directory"
                        : "calibrations are reported on their own or against each other, not with runs or sweeps;"
                        + " give only crisis calibrate directories (" + other + " is not one)");
            }
            boolean twoSweeps = calibrations == 0 && directories.size() == 2 && Results.isSweep(directories.get(0))
                    && Results.isSweep(directories.get(1));
            if (calibrations > 0 || twoSweeps) {
                if (calibrations > 0) {
                    Report.checkOptions(options, false, false);
                }
                for (String o : List.of("--precision", "--relative-precision")) {
                    if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                        throw new ReportException(o + (twoSweeps ? ": a comparison of two sweeps checks no convergence (the"
                                + " report of each sweep does); drop it here"
                                : ": only reports of run sets and sweeps check convergence; drop it here"));
                    }
                }
            }
            Report.Written w = calibrations == 1 ? CalibrationReport.write(directories.get(0), options)
                    : calibrations > 1 ? CalibrationComparison.write(directories, options)
                    : Report.write(directories, options);
            w.warnings().forEach(m -> System.err.println("crisis report: " + m));
            System.out.printf(Locale.ROOT, "%s report of %d director%s in %.1f s%n", w.kind(), directories.size(),
                    directories.size() == 1 ? "y" : "ies", (System.nanoTime() - start) / 1e9);
            System.out.println("tables: " + w.tables().size() + " CSV files in " + w.html().getParent());
            System.out.println("report: " + w.html());
            return 0;
        } catch (ReportException e) {
            System.err.println("crisis report: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
    }
}

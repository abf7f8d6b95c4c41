package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crisis.io.Csv;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Replications;
import org.crisis.experiment.ParameterDraws;
import org.crisis.experiment.Validation;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Node;
import org.crisis.scenario.Overrides;
import org.crisis.scenario.Problem;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis validate}: checks scenarios' expected patterns against replications. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the expect: patterns of scenarios over replications.",
            "Takes scenario files, or directories of them (a file named twice is checked once; sweep and "
                + "calibration files are skipped, saying so). Prints one row per pattern, then a summary: the "
                + "pass rate with a 95 %% interval by resampling cases (from 20 cases), the rates of the patterns "
                + "that record something happened and of the others, their balanced rate, the Brier score of "
                + "the shares against what the patterns say happened and the area under the ROC curve of the shares (on stderr with --format csv, so that stdout "
                + "stays one table), and on stderr how many failed; exit status 1 if any pattern fails, 2 on "
                + "invalid input."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenario files, or directories of them.")
    List<Path> inputs;

    @Option(names = "--runs", paramLabel = "N", description = "Replications per scenario (default: each file's expect.runs).")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: each scenario's seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "table|csv", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value in every scenario by dotted path. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--parameters-from", paramLabel = "CALIB_DIR",
            description = "Each run draws its parameter set from the ensemble of a crisis calibrate results directory "
                    + "(posterior.csv, by weight, from the run's seed), as crisis run --parameters-from does: the patterns are "
                    + "checked against forecasts that carry the parameters' uncertainty. Values a scenario or --set gives keep theirs.")
    Path parametersFrom;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("csv")) {
            System.err.println("crisis validate: --format expects table or csv, found '" + format + "'");
            return Main.INVALID_INPUT;
        }
        if ((runs != null && runs < 1) || (threads != null && threads < 1)) {
            System.err.println("crisis validate: --runs and --threads must be at least 1");
            return Main.INVALID_INPUT;
        }
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>(); // a file named twice (or in a directory also named) is checked once
        for (Path p : inputs) {
            Path results = CheckCommand.resultsOf(p);
            if (results != null) {
                System.err.println(CheckCommand.resultsSaid(p, results) + ", not case files; validate takes scenario files"
                        + " with expect: blocks, and crisis report " + results + " reads results");
                return Main.INVALID_INPUT;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(TreeReader::isInputFile).sorted()
                            .filter(f -> seen.add(f.toAbsolutePath().normalize())).forEach(files::add);
                }
            } else if (Files.exists(p)) {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    files.add(p);
                }
            } else {
                System.err.println(p + ": no such file or directory");
                return Main.INVALID_INPUT;
            }
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // the files are read on all threads (parsing YAML is a good part of a library's check); verdicts in file order
        List<Read> reads = new ArrayList<>();
        Replications.run(files.size(), t, k -> Read.of(files.get(k), overrides, parametersFrom), reads::add, Progress.none());
        List<Scenario> scenarios = new ArrayList<>();
        List<ParameterDraws> draws = new ArrayList<>();
        java.util.Map<String, Path> named = new java.util.HashMap<>();
        boolean invalid = false;
        for (int k = 0; k < files.size(); k++) {
            Read r = reads.get(k);
            if (r.failure() != null) {
                throw r.failure();
            }
            if (r.otherKind() != null) {
                System.err.println(files.get(k) + ": a " + r.otherKind() + " file, not a scenario (use "
                        + CheckCommand.commandFor(r.otherKind()) + "), skipped");
            } else if (r.invalid() != null) {
                // a --set that fails on one file of several: say which file it failed on
                for (Problem p : r.invalid().problems()) {
                    System.err.println(p.source().equals(Overrides.SOURCE) ? files.get(k) + ": " + p : p);
                }
                invalid = true;
            } else if (r.scenario().expect().isEmpty()) {
                System.err.println(files.get(k) + ": no expect: block, skipped");
            } else if (named.containsKey(r.scenario().name())) {
                // the table's rows name their case: two cases of one name could not be told apart
                System.err.println(files.get(k) + ": a case named '" + r.scenario().name() + "' is already given by "
                        + named.get(r.scenario().name()) + "; case names must be unique (rename one)");
                invalid = true;
            } else {
                named.put(r.scenario().name(), files.get(k));
                scenarios.add(r.scenario());
                draws.add(r.draws());
                if (r.draws() != null && !r.draws().kept().isEmpty()) {
                    System.err.println(files.get(k) + ": the scenario or --set gives " + String.join(", ", r.draws().kept())
                            + ", which keeps its value in every run");
                }
            }
        }
        if (invalid) {
            return Main.INVALID_INPUT;
        }
        if (scenarios.isEmpty()) {
            System.err.println("crisis validate: no scenario with an expect: block in " + inputs);
            return Main.INVALID_INPUT;
        }
        boolean csv = format.equals("csv");
        if (csv) {
            System.err.println("crisis validate: " + provenance()); // stdout stays one table
            System.out.println("case,pattern,min,max,observed,low,high,result");
        } else {
            System.out.println(provenance());
            System.out.printf(Locale.ROOT, "%-32s %-46s %11s %8s %15s %s%n", "case", "pattern", "expected", "observed",
                    "95% interval", "result");
        }
        List<Validation.Row> all = new ArrayList<>();
        if (parametersFrom != null) {
            System.err.printf(Locale.ROOT, "crisis validate: each run draws one of %d parameter sets of %s%n", draws.get(0).size(),
                    parametersFrom);
        }
        for (int c = 0; c < scenarios.size(); c++) {
            Scenario s = scenarios.get(c);
            int n = runs != null ? runs : s.expect().get().runs();
            Progress progress = Progress.of(n, "runs", false);
            List<Validation.Row> rows = Validation.check(s, draws.get(c), n, seed == null ? s.seed() : seed, t, progress);
            progress.finish();
            all.addAll(rows);
            for (Validation.Row r : rows) {
                if (csv) {
                    StringBuilder b = new StringBuilder();
                    Csv.text(b, r.scenario()).append(',');
                    Csv.text(b, r.pattern()).append(',');
                    r.bounds().min().ifPresent(x -> Csv.number(b, x, 6));
                    b.append(',');
                    r.bounds().max().ifPresent(x -> Csv.number(b, x, 6));
                    b.append(',');
                    Csv.number(b, r.observed(), 4).append(',');
                    Csv.number(b, r.low(), 4).append(',');
                    Csv.number(b, r.high(), 4).append(',').append(r.pass() ? "pass" : "fail");
                    System.out.println(b);
                } else {
                    System.out.printf(Locale.ROOT, "%-32s %-46s %11s %8s    [%.2f, %.2f] %s%n", clip(r.scenario(), 32),
                            clip(r.pattern(), 46), bounds(r.bounds()), share(r), r.low(), r.high(),
                            r.pass() ? "pass" : "FAIL");
                }
            }
        }
        Validation.Summary summary = Validation.Summary.of(all, seed == null ? 1 : seed);
        for (String line : summary.lines()) {
            if (csv) {
                System.err.println("crisis validate: " + line); // stdout stays one table
            } else {
                System.out.println(line);
            }
        }
        int passed = summary.passed();
        int total = summary.total();
        if (passed < total) {
            System.err.printf(Locale.ROOT, "crisis validate: %d of %d pattern%s fail%s%n", total - passed, total,
                    total == 1 ? "" : "s", total - passed == 1 ? "s" : "");
            return 1;
        }
        return 0;
    }

    /** What the figures depend on besides the files, so a saved log can be rerun: the build, seeds, runs and overrides. */
    String provenance() {
        return "crisis " + Main.version() + "; seed " + (seed == null ? "each case's own" : seed) + "; runs a case: "
                + (runs == null ? "each case's expect.runs" : runs)
                + (overrides.isEmpty() ? "" : "; --set " + String.join(" --set ", overrides))
                + (parametersFrom == null ? "" : "; --parameters-from " + parametersFrom);
    }

    /** A file read: its scenario (and the ensemble's sets of it, if asked), or why it is invalid, or what else went wrong. */
    private record Read(Scenario scenario, ParameterDraws draws, InvalidInputException invalid, Exception failure,
            String otherKind) {
        static Read of(Path f, List<String> overrides, Path parametersFrom) {
            try {
                if (parametersFrom == null) {
                    return new Read(ScenarioReader.read(f, overrides), null, null, null, null);
                }
                Node tree = ScenarioReader.tree(f, overrides);
                Scenario s = ScenarioReader.bind(TreeReader.copyOf(tree), overrides);
                // a file without expect: is skipped: its draws are not read
                return new Read(s, s.expect().isEmpty() ? null : ParameterDraws.read(parametersFrom, tree, overrides), null, null, null);
            } catch (InvalidInputException e) {
                // not a scenario: a sweep or calibration file is skipped, said to be one (only an invalid file is looked at again)
                return new Read(null, null, e, null, CheckCommand.kind(f));
            } catch (Exception e) {
                return new Read(null, null, null, e, null);
            }
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /**
     * The observed share to two decimals, or to four where two would contradict the result (0.495
     * against a minimum of 0.5 would read 0.50 beside FAIL).
     */
    private static String share(Validation.Row r) {
        double two = Math.round(r.observed() * 100) / 100.0;
        boolean readsAsPass = r.bounds().min().map(m -> two >= m).orElse(true) && r.bounds().max().map(m -> two <= m).orElse(true);
        return String.format(Locale.ROOT, readsAsPass == r.pass() ? "%.2f" : "%.4f", r.observed());
    }

    private static String bounds(Scenario.Bounds b) {
        String lo = b.min().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("0");
        String hi = b.max().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("1");
        return "[" + lo + "," + hi + "]";
    }

}

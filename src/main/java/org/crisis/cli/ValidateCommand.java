package org.crisis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.crisis.io.Csv;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Replications;
import org.crisis.experiment.Validation;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis validate}: checks scenarios' expected patterns against replications. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the expect: patterns of scenarios over replications.",
            "Takes scenario files, or directories of them. Prints one row per pattern; exit status 1 "
                + "if any pattern fails, 2 on invalid input."})
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
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                System.err.println(p + ": no such file or directory");
                return Main.INVALID_INPUT;
            }
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // the files are read on all threads (parsing YAML is a good part of a library's check); verdicts in file order
        List<Read> reads = new ArrayList<>();
        Replications.run(files.size(), t, k -> Read.of(files.get(k), overrides), reads::add, Progress.none());
        List<Scenario> scenarios = new ArrayList<>();
        boolean invalid = false;
        for (int k = 0; k < files.size(); k++) {
            Read r = reads.get(k);
            if (r.failure() != null) {
                throw r.failure();
            }
            if (r.invalid() != null) {
                System.err.println(r.invalid().getMessage());
                invalid = true;
            } else if (r.scenario().expect().isEmpty()) {
                System.err.println(files.get(k) + ": no expect: block, skipped");
            } else {
                scenarios.add(r.scenario());
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
            System.out.println("case,pattern,min,max,observed,low,high,result");
        } else {
            System.out.printf(Locale.ROOT, "%-32s %-46s %11s %8s %15s %s%n", "case", "pattern", "expected", "observed",
                    "95% interval", "result");
        }
        int passed = 0;
        int total = 0;
        for (Scenario s : scenarios) {
            int n = runs != null ? runs : s.expect().get().runs();
            Progress progress = Progress.of(n, "runs", false);
            List<Validation.Row> rows = Validation.check(s, n, seed == null ? s.seed() : seed, t, progress);
            progress.finish();
            for (Validation.Row r : rows) {
                total++;
                passed += r.pass() ? 1 : 0;
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
                    System.out.printf(Locale.ROOT, "%-32s %-46s %11s %8.2f    [%.2f, %.2f] %s%n", clip(r.scenario(), 32),
                            clip(r.pattern(), 46), bounds(r.bounds()), r.observed(), r.low(), r.high(),
                            r.pass() ? "pass" : "FAIL");
                }
            }
        }
        if (!csv) {
            System.out.printf(Locale.ROOT, "%d of %d patterns pass%n", passed, total);
        }
        return passed == total ? 0 : 1;
    }

    /** A file read: its scenario, or why it is invalid, or what else went wrong. */
    private record Read(Scenario scenario, InvalidInputException invalid, Exception failure) {
        static Read of(Path f, List<String> overrides) {
            try {
                return new Read(ScenarioReader.read(f, overrides), null, null);
            } catch (InvalidInputException e) {
                return new Read(null, e, null);
            } catch (Exception e) {
                return new Read(null, null, e);
            }
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String bounds(Scenario.Bounds b) {
        String lo = b.min().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("0");
        String hi = b.max().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("1");
        return "[" + lo + "," + hi + "]";
    }

}

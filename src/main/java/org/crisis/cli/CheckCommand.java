package org.crisis.cli;

import static org.crisis.experiment.CalibrationRunner.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.crisis.experiment.Calibration;
import org.crisis.experiment.CalibrationReader;
import org.crisis.experiment.Progress;
import org.crisis.experiment.Sweep;
import org.crisis.experiment.SweepReader;
import org.crisis.io.JsonFiles;
import org.crisis.model.Parameter;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.crisis.scenario.TreeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis check}: validates scenario files (and sweep and calibration files, said to be such) without running them. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate scenario files without running them.",
            "Exit status 2 if any is invalid. A directory stands for its .yaml, .yml and .json files "
                + "(not its subdirectories). A sweep or calibration file is recognised, said to be one and "
                + "checked as such; a results directory (or its manifest.json or summary.json) is said to be one."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenario files (.yaml, .yml, .json), or directories of them.")
    List<Path> inputs;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value by dotted path, e.g. parameters.grievanceDecay=0.03.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        int status = 0;
        int empty = 0; // directories with no input file
        int results = 0; // results directories and their files, said to be such
        for (Path p : inputs) {
            Path dir = resultsOf(p);
            if (dir != null) {
                System.err.println(resultsSaid(p, dir) + ", not a scenario; crisis report " + dir + " reads it");
                status = Main.INVALID_INPUT;
                results++;
                continue;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    List<Path> found = list.filter(TreeReader::isInputFile)
                            .sorted().toList();
                    if (found.isEmpty()) {
                        // said, and the other inputs still checked: every problem at once
                        System.err.println(p + ": no .yaml, .yml or .json file in this directory");
                        status = Main.INVALID_INPUT;
                        empty++;
                    }
                    files.addAll(found);
                }
            } else {
                files.add(p); // a missing file is reported by the reader, with the others
            }
        }
        int invalid = 0;
        int problems = 0;
        int warnings = 0;
        for (Path file : files) {
            try {
                String kind = kind(file);
                if (SWEEP.equals(kind)) {
                    Sweep w = SweepReader.read(file);
                    System.out.printf(Locale.ROOT, "%s: this is a sweep file (use crisis sweep): ok (%s: %s design, %d points x %d replications = %d runs)%n",
                            file, w.name(), w.design().key(), w.pointCount(), w.replications(), w.runCount());
                    if (!overrides.isEmpty()) {
                        System.out.println(file + ": --set does not apply to sweep files; ignored");
                    }
                    warnings += warnStanding(file, w, Integer.MAX_VALUE, false);
                    continue;
                }
                if (CALIBRATION.equals(kind)) {
                    List<String> skipped = new java.util.ArrayList<>();
                    Calibration c = CalibrationReader.read(file, skipped);
                    skipped.forEach(System.err::println);
                    int patterns = c.cases().stream().mapToInt(k -> k.patterns().size()).sum();
                    System.out.printf(Locale.ROOT, "%s: this is a calibration file (use crisis calibrate): ok (%s: %s, %s, %s,"
                            + " budget %d)%n", file, c.name(), count(c.cases().size(), "case"), count(patterns, "pattern"),
                            count(c.parameters().size(), "free value"), c.budget());
                    if (!overrides.isEmpty()) {
                        System.out.println(file + ": --set does not apply to calibration files; ignored");
                    }
                    continue;
                }
                Scenario s = ScenarioReader.read(file, overrides);
                System.out.printf("%s: ok (%s: %s, %s%s, %s)%n", file, s.name(),
                        s.countries().size() + (s.countries().size() == 1 ? " country" : " countries"), count(s.events().size(), "event"),
                        signs(s.events(), s.parameters().on(Parameter.LASTING_ACTS)), count(s.days(), "day"));
                s.standingWarnings().forEach(w -> System.err.println(file + ": warning: " + w));
                warnings += s.standingWarnings().size();
            } catch (InvalidInputException e) {
                System.err.println(e.getMessage());
                System.err.printf("%s: %d problem%s%n", file, e.problems().size(), e.problems().size() == 1 ? "" : "s");
                status = Main.INVALID_INPUT;
                invalid++;
                problems += e.problems().size();
            }
        }
        if (files.size() + empty + results > 1) {
            // the per-file lines of a directory scroll past: the totals come last
            System.err.printf(Locale.ROOT, "crisis check: %s: %s%s%n", count(files.size(), "file"),
                    invalid == 0 ? "all ok" : (files.size() - invalid) + " ok, " + invalid + " with problems (" + count(problems, "problem") + ")",
                    (warnings == 0 ? "" : "; " + count(warnings, "warning"))
                    + (empty == 0 ? "" : "; " + empty + (empty == 1 ? " directory" : " directories") + " with no input file")
                    + (results == 0 ? "" : "; " + count(results, "results path") + ", not checked"));
        }
        return status;
    }

    /**
     * How the scripted events weigh, {@code " (3 hostile, 1 cooperative)"}, so that a weight of the wrong sign (a
     * deportation written with a positive gamma) shows before the run, and how many last after their day
     * ({@code lastsUntil}), with a word when the option that reads them is off, and how many set a level themselves
     * ({@code setsLevel}); "" without events.
     */
    static String signs(List<Scenario.Trigger> events, boolean lastingActs) {
        int hostile = 0;
        int cooperative = 0;
        for (Scenario.Trigger t : events) {
            hostile += t.gamma() < 0 ? 1 : 0;
            cooperative += t.gamma() > 0 ? 1 : 0;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (hostile > 0) {
            parts.add(hostile + " hostile");
        }
        if (cooperative > 0) {
            parts.add(cooperative + " cooperative");
        }
        int other = events.size() - hostile - cooperative;
        if (other > 0) {
            parts.add(other + " of weight 0");
        }
        long lasting = events.stream().filter(t -> t.lastsUntil() != Scenario.Trigger.NOT_LASTING).count();
        String lasts = lasting == 0 ? "" : "; " + lasting + " that last" + (lasting == 1 ? "s" : "") + (lastingActs ? ""
                : ", read only under parameters.lastingActs");
        long setting = events.stream().filter(t -> t.setsLevel().isPresent()).count();
        String sets = setting == 0 ? "" : "; " + setting + " that set" + (setting == 1 ? "s" : "") + " a level";
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + lasts + sets + ")";
    }

    /**
     * The scenario's standing-grievance warnings (FORMATS 1.9), and those a sweep's varied values raise at some of its
     * points (a hawkishness, a threshold, a grievance), on standard error; the points are looked at only up to
     * {@code pointLimit} of them (crisis sweep keeps its start quick), beyond which the scenario's own are given as they
     * stand and a line says where to look. Looked at, a warning of the scenario's is given as the scenario's only where
     * every point raises it; where the varied values lift it at some points it is counted like the points' own, and
     * where they lift it at all it is not given (a sweep across a threshold that puts the ladder back in order).
     * Returns how many warnings it printed.
     */
    static int warnStanding(Path file, Sweep w, int pointLimit, boolean quiet) throws InvalidInputException {
        List<String> base = w.scenario().standingWarnings();
        if (w.pointCount() > pointLimit) {
            base.forEach(m -> System.err.println(w.scenarioFile() + ": warning: " + m));
            System.err.printf(Locale.ROOT, "%s: %,d points: not checked for warnings of their own before running; crisis"
                    + " check %s lists any%n", file, w.pointCount(), file);
            return base.size();
        }
        Map<String, int[]> atPoints = pointWarnings(w, quiet);
        int said = 0;
        for (String m : base) {
            int[] n = atPoints.get(m);
            if (n != null && n[0] == w.pointCount()) {
                System.err.println(w.scenarioFile() + ": warning: " + m);
                said++;
            }
        }
        for (Map.Entry<String, int[]> e : atPoints.entrySet()) {
            int[] n = e.getValue();
            if (!(base.contains(e.getKey()) && n[0] == w.pointCount())) {
                System.err.printf(Locale.ROOT, "%s: warning: at %d of %d points (the first: %s): %s%n",
                        file, n[0], w.pointCount(), w.describe(n[1]), e.getKey());
                said++;
            }
        }
        return said;
    }

    /** Points a block of the warnings' pass takes: enough to share out, few enough to show progress. */
    private static final int BLOCK = 2048;

    /**
     * The standing-grievance warnings that a sweep's points raise, each with how many points raise
     * it and the first: every point is built, on all cores, in blocks merged in the points' order,
     * so the result is the same on any number of threads.
     */
    static Map<String, int[]> pointWarnings(Sweep w, boolean quiet) throws InvalidInputException {
        int blocks = (w.pointCount() + BLOCK - 1) / BLOCK;
        Progress progress = quiet ? Progress.none() : Progress.of(w.pointCount(), "points", false);
        List<Block> found = IntStream.range(0, blocks).parallel().mapToObj(b -> {
            Map<String, int[]> here = new LinkedHashMap<>(); // message: {points, first point}
            int end = Math.min(w.pointCount(), (b + 1) * BLOCK);
            try {
                for (int k = b * BLOCK; k < end; k++) {
                    for (String m : w.scenarioAt(k).standingWarnings()) {
                        int point = k;
                        here.computeIfAbsent(m, x -> new int[] {0, point})[0]++;
                    }
                }
            } catch (InvalidInputException e) {
                return new Block(here, e);
            }
            progress.advance(end - b * BLOCK);
            return new Block(here, null);
        }).toList();
        progress.finish();
        Map<String, int[]> atPoints = new LinkedHashMap<>();
        for (Block block : found) {
            if (block.invalid() != null) {
                throw block.invalid();
            }
            block.warnings().forEach((m, n) -> {
                int[] seen = atPoints.putIfAbsent(m, n.clone());
                if (seen != null) {
                    seen[0] += n[0];
                }
            });
        }
        return atPoints;
    }

    /** One block's warnings, or the problem of its first point that is not a valid scenario. */
    private record Block(Map<String, int[]> warnings, InvalidInputException invalid) {}

    /** The JSON files crisis writes into a results directory (a scenario saved beside them is checked as one). */
    private static final Set<String> RESULTS_JSON = Set.of("manifest.json", "summary.json");

    /** "p: a results directory (...)" or "p: a file of the results directory dir (...)", for a message to go on. */
    static String resultsSaid(Path p, Path dir) {
        return p + ": " + (Files.isDirectory(p) ? "a results directory" : "a file of the results directory " + dir)
                + " (crisis wrote its manifest.json)";
    }

    /**
     * The results directory {@code p} is, or whose manifest.json or summary.json it is (a directory
     * holding a {@code manifest.json} that crisis wrote), or null: those files are outputs, not scenarios.
     */
    static Path resultsOf(Path p) {
        Path name = p.getFileName();
        boolean written = name != null && Files.isRegularFile(p) && RESULTS_JSON.contains(name.toString());
        Path dir = Files.isDirectory(p) ? p : !written ? null : p.getParent() == null ? Path.of(".") : p.getParent();
        if (dir == null || !Files.isRegularFile(dir.resolve("manifest.json"))) {
            return null;
        }
        try {
            return JsonFiles.readObject(dir.resolve("manifest.json")).path("tool").asText().equals("crisis") ? dir : null;
        } catch (IOException | JsonFiles.Invalid e) {
            return null; // not one crisis wrote: its files are checked as they are
        }
    }

    static final String SWEEP = CalibrationReader.SWEEP_FILE;
    static final String CALIBRATION = CalibrationReader.CALIBRATION_FILE;

    /**
     * "sweep" for a sweep file, "calibration" for a calibration file, null otherwise: a scenario,
     * or a file that cannot be read (the scenario reader then says why). One parse of the file.
     */
    static String kind(Path file) {
        try {
            return CalibrationReader.otherKind(TreeReader.read(file));
        } catch (InvalidInputException e) {
            return null; // not readable: the scenario reader then reports why
        }
    }

    /**
     * Null if {@code file} is of the kind {@code expected} ("scenario", "sweep" or "calibration") or
     * cannot be read (its reader then says why); else the line that names what it is and the command
     * for it, for {@code command} to print before any error its own reader would list.
     */
    static String wrongKind(Path file, String expected, String command) {
        String kind;
        try {
            var tree = TreeReader.read(file);
            kind = CalibrationReader.otherKind(tree);
            if (kind == null) {
                kind = tree instanceof org.crisis.scenario.Node.Mapping m && m.entries().containsKey("countries") ? "scenario" : null;
            }
        } catch (InvalidInputException e) {
            return null;
        }
        if (kind == null || kind.equals(expected)) {
            return null;
        }
        return command + ": " + file + " is a " + kind + " file, not a " + expected + ": use " + commandFor(kind) + " " + file;
    }

    /** The command that takes a file of {@code kind} ("scenario", "sweep" or "calibration"). */
    static String commandFor(String kind) {
        return switch (kind) {
            case SWEEP -> "crisis sweep";
            case CALIBRATION -> "crisis calibrate";
            default -> "crisis run";
        };
    }
}

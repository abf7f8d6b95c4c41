package org.crisis.cli;

import org.crisis.io.OutputUnavailableException;
import org.crisis.io.Provenance;
import org.crisis.experiment.SweepRunner;
import org.crisis.report.ReportException;
import org.crisis.scenario.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.crisis.scenario.Fields;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crisis} command line. Exit status: 0 success, 1 failure, 2 invalid input. */
@Command(name = "crisis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based diplomatic crisis simulator.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int FAILURE = 1;
    public static final int INVALID_INPUT = 2;

    /** The commands, in the order of the usage message. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, CheckCommand.class, ValidateCommand.class,
            BenchCommand.class, SweepCommand.class, MergeCommand.class, CalibrateCommand.class, ReportCommand.class,
            DiscoverCommand.class, ExplainCommand.class, RerunCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        // the same bytes on every machine: numbers in files, messages and charts' axes never follow the locale;
        // the caller's locale is given back after the command (a test's JVM runs many commands and other code)
        Locale before = Locale.getDefault();
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.ROOT);
        try {
            return executeInRootLocale(args);
        } finally {
            Locale.setDefault(before); // sets the categories too: they are given back after it
            Locale.setDefault(Locale.Category.FORMAT, format);
            Locale.setDefault(Locale.Category.DISPLAY, display);
        }
    }

    private static int executeInRootLocale(String... args) {
        try {
            return parseAndRun(args);
        } catch (OutOfMemoryError e) {
            // in a command, or before one (a heap too small even to build the command line: --help under -Xmx2m)
            report(args.length > 0 ? "crisis " + args[0] : "crisis", e);
            return FAILURE;
        }
    }

    private static int parseAndRun(String... args) {
        CommandLines.remember(args);
        CommandLine cli = commandLine(args);
        cli.setParameterExceptionHandler((ex, a) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getCommandLine().getParent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                // a mistyped command: say so, with the nearest command
                String word = u.getUnmatched().get(0);
                Set<String> commands = u.getCommandLine().getSubcommands().keySet();
                ex.getCommandLine().getErr().println("crisis: unknown command '" + word + "'"
                        + Fields.closest(word, commands).map(c -> "; did you mean '" + c + "'?")
                                .orElse("; commands: " + String.join(", ", commands)));
                ex.getCommandLine().getErr().println("Try 'crisis --help' for more information.");
                return INVALID_INPUT;
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getCommandLine().getParent() != null
                    && u.getCommandLine().getSubcommands().isEmpty()
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                // a second file where a command takes one: say what it takes, not picocli's "index 2"
                List<String> takes = u.getCommandLine().getCommandSpec().positionalParameters().stream()
                        .map(CommandLine.Model.PositionalParamSpec::paramLabel).toList();
                ex.getCommandLine().getErr().println(u.getCommandLine().getCommandSpec().qualifiedName() + ": unexpected argument '"
                        + u.getUnmatched().get(0) + "': it takes " + (takes.isEmpty() ? "no file" : String.join(" ", takes))
                        + " and options (which start with --)");
                ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                        + " --help' for more information.");
                return INVALID_INPUT;
            }
            // picocli names Java's types: a whole number is what a user writes
            ex.getCommandLine().getErr().println("crisis: " + ex.getMessage().replace("is not a long", "is not a whole number")
                    .replace("is not an int", "is not a whole number").replace("is not a double", "is not a number"));
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return INVALID_INPUT;
        });
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            report(command.getCommandSpec().qualifiedName(), ex);
            return exitCode(ex);
        });
        return cli.execute(args);
    }

    /**
     * The command line for {@code args}, before any handler is set (handlers reach the commands
     * present when they are set). Building a command's model (picocli reflects over its options
     * and their types) is most of picocli's start-up, so when the first argument names a
     * command other than {@code help}, only that command is built: the others could not take
     * part in parsing these arguments. Otherwise (no command, an option, a mistyped name,
     * {@code help}) all are, as usage and suggestions list them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
                .toList();
        for (Class<?> c : named.isEmpty() ? COMMANDS : named) {
            cli.addSubcommand(c);
        }
        return cli;
    }

    /**
     * The exit status of a command that threw: 2 for input it cannot use (an invalid file or
     * option, an output directory that exists or another process is writing, results it cannot
     * read), 1 for anything else (an I/O error, not enough memory, a bug).
     */
    static int exitCode(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof OutputUnavailableException
                || e instanceof SweepRunner.Refused || e instanceof ReportException) {
            return INVALID_INPUT;
        }
        return FAILURE;
    }

    /**
     * Refuses, before a command says its plan, an {@code --out} that exists and is not an empty
     * directory when there is no interrupted work of it to resume (the command's run refuses it
     * too, later): the exit status to return, or null if {@code out} is free.
     */
    static Integer refuseOutInTheWay(String command, java.nio.file.Path out, boolean resume) {
        if (out == null || resume || java.nio.file.Files.exists(org.crisis.io.WorkDirectory.workFor(out))) {
            return null;
        }
        try {
            org.crisis.experiment.ResultsDirectory.refuseInTheWay(out);
            return null;
        } catch (OutputUnavailableException e) {
            System.err.println(command + ": " + e.getMessage());
            return INVALID_INPUT;
        } catch (IOException e) {
            System.err.println(command + ": " + (e instanceof java.nio.file.FileSystemException f ? describe(f) : e.getMessage()));
            return FAILURE;
        }
    }

    /** A file system error as "path: what happened" (Java's message is often the bare path). */
    static String describe(java.nio.file.FileSystemException e) {
        return org.crisis.io.WorkDirectory.describe(e);
    }

    /** Says on standard error what went wrong, in one or a few lines: no stack trace unless CRISIS_DEBUG is set. */
    static void report(String command, Throwable e) {
        java.io.PrintStream err = System.err;
        if (e instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            err.println(command + ": out of memory: the Java heap (at most " + max + " MB) is too small for this"
                    + " command. Give Java more (CRISIS_JAVA_OPTS=-Xmx4g ./crisis ..., or java -Xmx4g -jar crisis.jar ...),"
                    + " or ask for less: fewer days, tracked pairs, kept runs (--keep) or sweep points.");
        } else if (e instanceof InvalidInputException) {
            err.println(e.getMessage()); // file:line:column: path: message, one problem a line
        } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            // a damaged JSON file among the results read back (a manifest, a journal's header): its line, not the parser's internals
            err.println(command + ": not valid JSON" + (j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr()) + ": "
                    + org.crisis.io.JsonFiles.plainParserMessage(j.getOriginalMessage().lines().findFirst().orElse("syntax error")));
        } else if (e instanceof java.nio.file.FileSystemException f) {
            err.println(command + ": " + describe(f));
        } else if (e instanceof UncheckedIOException u && u.getCause() instanceof java.nio.file.FileSystemException f) {
            err.println(command + ": " + describe(f));
        } else if (e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof SweepRunner.Refused || e instanceof ReportException) {
            err.println(command + ": " + e.getMessage());
        } else {
            err.println(command + ": failed: " + e + " (a bug in crisis; set CRISIS_DEBUG=1 for the stack trace)");
        }
        if (System.getenv("CRISIS_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** No command: the usage, on standard error, as for any other incomplete command line. */
    @Override
    public Integer call() {
        System.err.println("crisis: a command is required");
        spec.commandLine().usage(System.err);
        return INVALID_INPUT;
    }

    /**
     * The version from this jar's manifest, with the commit the jar was built from as semantic versioning's build
     * metadata ({@code 0.1.0+0acffeffd04e}; {@code .dirty} when tracked files differed from that commit): every
     * manifest, report and comparison carries it, so a result names the code that made it. "dev" outside a jar.
     */
    static String version() {
        return VersionHolder.VERSION;
    }

    /** Read once: the manifest of the jar that holds this class, not whichever manifest comes first on the class path. */
    private static final class VersionHolder {
        static final String VERSION = version(codeSource());
    }

    private static Path codeSource() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The version the jar at {@code location} records, or "dev" for classes outside a jar (tests, an IDE). */
    static String version(Path location) {
        if (location == null || !Files.isRegularFile(location)) {
            return "dev";
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Manifest m = jar.getManifest();
            String v = m == null ? null : m.getMainAttributes().getValue("Implementation-Version");
            if (v == null) {
                return "dev";
            }
            Attributes a = m.getMainAttributes();
            return v + buildMetadata(a.getValue("Build-Commit"), a.getValue("Build-Dirty"));
        } catch (IOException e) {
            return "dev";
        }
    }

    /** Warns on standard error when the parts of a merged result were run by more than one build. */
    static void builds(String command, String parts, List<String> versions) {
        if (versions.size() > 1) {
            System.err.println(command + ": the " + parts + " were run by " + versions.size() + " builds ("
                    + String.join(", ", versions.stream().map(Provenance::named).toList()) + "): if the model's code differs"
                    + " between them, the merged results mix them (manifest.json's merged_from_versions names each one's)");
        }
    }

    /** {@code +COMMIT[.dirty]} for a commit the build recorded, else nothing (a build outside a git clone). */
    static String buildMetadata(String commit, String dirty) {
        if (commit == null || commit.isBlank() || !commit.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "";
        }
        return "+" + commit.substring(0, Math.min(12, commit.length())) + ("true".equals(dirty) ? ".dirty" : "");
    }

    /** Version from the jar's manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"crisis " + version()};
        }
    }
}

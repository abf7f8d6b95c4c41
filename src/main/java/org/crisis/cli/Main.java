package org.crisis.cli;

import java.util.Set;
import org.crisis.scenario.Fields;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crisis} command line. Exit status: 0 success, 1 failure, 2 invalid input. */
@Command(name = "crisis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based diplomatic crisis simulator.",
        subcommands = {RunCommand.class, CheckCommand.class, ValidateCommand.class, BenchCommand.class, SweepCommand.class,
            MergeCommand.class, ReportCommand.class,
            ExplainCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLines.remember(args);
        CommandLine cli = new CommandLine(new Main());
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
            ex.getCommandLine().getErr().println("crisis: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return INVALID_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Version from the jar's manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"crisis " + version()};
        }
    }
}

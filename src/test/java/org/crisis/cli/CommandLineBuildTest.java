package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Only the command named first is built (Main.commandLine): it must parse and describe itself
 * exactly as in the full command line, and everything that lists commands must see them all.
 */
class CommandLineBuildTest {
    private static final List<String> ALL = List.of("run", "check", "validate", "bench", "sweep", "merge", "calibrate",
            "report", "discover", "explain", "rerun", "help");

    /** The usage help of one command, as {@code --help} prints it. */
    static String usage(CommandLine c) {
        StringWriter out = new StringWriter();
        c.usage(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void aNamedCommandIsBuiltAloneAndAsInTheFullCommandLine() {
        CommandLine full = Main.commandLine("--help");
        assertEquals(ALL, new ArrayList<>(full.getSubcommands().keySet()));
        for (String name : ALL.subList(0, ALL.size() - 1)) {
            CommandLine alone = Main.commandLine(name, "--help");
            assertEquals(List.of(name), new ArrayList<>(alone.getSubcommands().keySet()));
            CommandLine sub = alone.getSubcommands().get(name);
            assertEquals(usage(full.getSubcommands().get(name)), usage(sub), name);
            assertEquals(full.getSubcommands().get(name).getSubcommands().keySet(), sub.getSubcommands().keySet(), name);
        }
    }

    @Test
    void anythingElseSeesEveryCommand() {
        for (String[] args : List.of(new String[0], new String[] {"help", "validate"}, new String[] {"valdate"},
                new String[] {"-V"}, new String[] {"--help"})) {
            assertEquals(ALL, new ArrayList<>(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }
}

package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} reads as written: it fits an 80-column terminal, and no
 * sentence is broken by a line of the source (picocli wraps each description line on its
 * own, so a hard break inside a paragraph leaves a stub of a line behind).
 */
class HelpTextTest {
    private static final int WIDTH = 80;

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                collect(e.getValue(), into);
            }
        }
    }

    @Test
    void everyHelpFitsEightyColumnsWithNoSentenceBrokenMidLine() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine("--help"), all);
        List<String> problems = new ArrayList<>();
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            String[] lines = CommandLineBuildTest.usage(c).split("\\R");
            for (int k = 0; k < lines.length; k++) {
                String line = lines[k];
                if (line.length() > WIDTH) {
                    problems.add(name + ": longer than " + WIDTH + " columns: " + line);
                }
                // a short line of prose followed by the rest of its sentence: a hard break in the source
                if (k + 1 < lines.length && !line.isBlank() && !line.startsWith(" ") && line.length() < WIDTH * 3 / 4) {
                    String next = lines[k + 1];
                    if (!next.isEmpty() && Character.isLowerCase(next.charAt(0))) {
                        problems.add(name + ": sentence broken after \"" + line + "\"");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

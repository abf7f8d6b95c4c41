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

    @Test
    void aSynopsisWrittenOutNamesEveryOptionAndParameterOnce() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine("--help"), all);
        List<String> problems = new ArrayList<>();
        for (CommandLine c : all) {
            String[] custom = c.getCommandSpec().usageMessage().customSynopsis();
            if (custom.length == 0) {
                continue;
            }
            String synopsis = String.join(" ", custom);
            assertTrue(synopsis.startsWith(c.getCommandSpec().qualifiedName() + " "), synopsis);
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue; // -h and -V, in the [-hV] cluster
                }
                int times = synopsis.split(java.util.regex.Pattern.quote(o.longestName()) + "(?![-a-z])", -1).length - 1;
                if (times != 1) {
                    problems.add(c.getCommandSpec().qualifiedName() + ": " + o.longestName() + " named " + times + " times");
                }
            }
            for (CommandLine.Model.PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
                if (!synopsis.contains(p.paramLabel())) {
                    problems.add(c.getCommandSpec().qualifiedName() + ": " + p.paramLabel() + " missing");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

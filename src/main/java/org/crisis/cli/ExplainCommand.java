package org.crisis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crisis.report.Explanation;
import org.crisis.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis explain}: the cause chains of a pair's key events in one kept run, as text. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Print the cause chains of a pair's key events in one kept run.",
            "",
            "Key events are recalls, expulsions, ruptures, sanctions, returns of ambassadors and "
                + "restorations between the pair, and scripted triggers on it. Each is shown under the "
                + "event it answered, back to the trigger that started the chain, with the pair's level "
                + "before and after. With --all, every event that concerns the pair: protests, summons, "
                + "dialogue and third parties' statements too.",
            ""},
        footer = {"", "Exit status: 0 printed, 2 missing or invalid directory, pair or run.",
            "Example:",
            "  crisis explain results/peru-mexico-asylum-2025-20251103-101500 \\",
            "      --pair PER-MEX --run 3"})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results directory of crisis run.")
    Path directory;

    @Option(names = "--pair", paramLabel = "A-B", required = true, description = "The pair, e.g. PER-MEX (either order).")
    String pair;

    @Option(names = "--run", paramLabel = "K", description = "Kept run (default: the representative run, as in the report).")
    Integer run;

    @Option(names = "--all", description = "Star every event that concerns the pair, protests, summons, dialogue and third "
            + "parties' statements too, not only the key events.")
    boolean all;

    @Override
    public Integer call() {
        try {
            Explanation.of(directory, pair, run, all).forEach(System.out::println);
            return 0;
        } catch (ReportException e) {
            System.err.println("crisis explain: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
    }
}

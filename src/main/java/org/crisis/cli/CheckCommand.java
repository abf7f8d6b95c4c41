package org.crisis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crisis check}: validates scenario files without running them. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate scenario files without running them; exit status 2 if any is invalid.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (.yaml, .yml, .json).")
    List<Path> files;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value by dotted path, e.g. parameters.grievanceDecay=0.03.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        int status = 0;
        for (Path file : files) {
            try {
                Scenario s = ScenarioReader.read(file, overrides);
                System.out.printf("%s: ok (%s: %d countries, %d events, %d days)%n", file, s.name(),
                        s.countries().size(), s.events().size(), s.days());
                s.standingWarnings().forEach(w -> System.err.println(file + ": warning: " + w));
            } catch (InvalidInputException e) {
                System.err.println(e.getMessage());
                System.err.printf("%s: %d problem%s%n", file, e.problems().size(), e.problems().size() == 1 ? "" : "s");
                status = Main.INVALID_INPUT;
            }
        }
        return status;
    }
}

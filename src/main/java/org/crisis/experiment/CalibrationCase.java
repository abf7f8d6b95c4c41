package org.crisis.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.crisis.scenario.Node;
import org.crisis.scenario.Scenario;

/**
 * One case of a calibration: a scenario file with an {@code expect:} block.
 *
 * @param name the scenario's {@code name} (unique within a calibration; folds and tables use it)
 * @param file the scenario file
 * @param sha256 SHA-256 of the file's bytes
 * @param resolvedSha256 SHA-256 of the resolved scenario (ScenarioJson), as in crisis run
 * @param tree the scenario as parsed (never changed: each candidate sets its values on a copy)
 * @param scenario the scenario as written, validated
 * @param runs replications per candidate (the calibration's {@code runs}, else the case's {@code expect.runs})
 * @param kept calibrated paths the case sets in its own {@code parameters:} block, which keep its value
 */
public record CalibrationCase(String name, Path file, String sha256, String resolvedSha256, Node tree,
        Scenario scenario, int runs, Set<String> kept) {
    public CalibrationCase {
        kept = Set.copyOf(kept);
    }

    public List<Scenario.Pattern> patterns() {
        return Validation.patterns(scenario);
    }
}

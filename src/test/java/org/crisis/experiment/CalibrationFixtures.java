package org.crisis.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small cases and calibration files for the calibration tests: two countries, two months, one incident. */
final class CalibrationFixtures {
    /**
     * A case whose patterns a few parameters control: RED, sensitive and hawkish, answers one
     * border incident by BLU; the share of runs in which it downgrades the relation grows with
     * the grievance gain.
     */
    static String caseFile(String name, String patterns) {
        return """
                name: %s
                days: 60
                seed: 3
                countries:
                  - id: RED
                    sovereignty: 0.8
                    domesticPressure: 0.7
                    hawkishness: 0.6
                  - id: BLU
                    ideology: { economic: -0.5 }
                events:
                  - { day: 0, type: BORDER_INCIDENT, actor: BLU, target: RED, severity: 2 }
                parameters:
                  thirdParties: false
                  mediation: false
                track: [[RED, BLU]]
                expect:
                  runs: 20
                  patterns:
                %s""".formatted(name, patterns.indent(4));
    }

    static final String DOWNGRADED = "- { name: downgraded, pair: [RED, BLU], reaches: DOWNGRADED, probability: { min: 0.5 } }";
    static final String NO_RUPTURE = "- { name: no-rupture, pair: [RED, BLU], reaches: SEVERED, probability: { max: 0.2 } }";

    private CalibrationFixtures() {}

    /**
     * A calibration's results directory as {@code --parameters-from} reads it: a manifest naming
     * the grievance gain and the rupture threshold as free values, and a posterior.csv of the
     * given sets ({gain, threshold}) and weights.
     */
    static Path ensemble(Path directory, String[][] sets, double[] weights) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("manifest.json"), """
                {"tool": "crisis", "calibration": {"name": "test", "parameters": [
                  {"path": "parameters.grievanceGain", "column": "parameters_grievance_gain"},
                  {"path": "parameters.thresholdSever", "column": "parameters_threshold_sever"}]}}
                """);
        StringBuilder posterior = new StringBuilder("set,evaluation,parameters_grievance_gain,parameters_threshold_sever,loss,passes,patterns,weight\n");
        for (int i = 0; i < sets.length; i++) {
            posterior.append(i + 1).append(',').append(10 + i).append(',').append(sets[i][0]).append(',').append(sets[i][1])
                    .append(",0,2,2,").append(weights[i]).append('\n');
        }
        Files.writeString(directory.resolve("posterior.csv"), posterior.toString());
        return directory;
    }

    /** Writes cases/a.yaml, cases/b.yaml, cases/c.yaml and calibration.yaml with the given body (cases line added). */
    static Path calibration(Path dir, String body) throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("a.yaml"), caseFile("case-a", DOWNGRADED + "\n" + NO_RUPTURE));
        Files.writeString(cases.resolve("b.yaml"), caseFile("case-b", DOWNGRADED));
        Files.writeString(cases.resolve("c.yaml"), caseFile("case-c", NO_RUPTURE));
        Path file = dir.resolve("calibration.yaml");
        Files.writeString(file, "cases: [cases]\n" + body);
        return file;
    }

    static CalibrationRunner.Options options(Path out, int threads, CalibrationFolds folds, SweepRunner.Mode mode) {
        return options(out, threads, folds, mode, new PrintStream(PrintStream.nullOutputStream()));
    }

    static CalibrationRunner.Options options(Path out, int threads, CalibrationFolds folds, SweepRunner.Mode mode,
            PrintStream log) {
        return new CalibrationRunner.Options(threads, out, out.toAbsolutePath().getParent(), folds, mode, false, log,
                List.of("crisis", "calibrate", "test"), "test");
    }
}

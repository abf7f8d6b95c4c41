package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A results directory written by {@code crisis run} (a {@link RunSetResults}) or by
 * {@code crisis sweep} (a {@link SweepResults}); told apart by the manifest, where sweeps
 * have a {@code design}.
 */
public sealed interface Results permits RunSetResults, SweepResults {
    Path directory();

    /** The label the report uses for this directory: its scenario or sweep name. */
    String name();

    /** Opens a results directory, reading its manifest and its small files. */
    static Results open(Path directory) throws ReportException {
        if (!Files.exists(directory)) {
            throw new ReportException(directory + ": no such directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + ": not a directory; expected a results directory of crisis run, crisis sweep or"
                    + " crisis calibrate");
        }
        Path manifest = directory.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new ReportException(directory + ": not a results directory (no manifest.json); expected the output of crisis run,"
                    + " crisis sweep or crisis calibrate");
        }
        JsonNode m = Manifests.read(manifest);
        if (SweepResults.isSweep(m)) {
            return SweepResults.open(directory, m);
        }
        return RunSetResults.open(directory, m);
    }

    /** Whether {@code directory} holds a sweep's results (or a shard's), from its manifest alone. */
    static boolean isSweep(Path directory) throws ReportException {
        Path manifest = directory.resolve("manifest.json");
        return Files.isRegularFile(manifest) && SweepResults.isSweep(Manifests.read(manifest));
    }
}

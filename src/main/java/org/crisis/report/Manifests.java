package org.crisis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.crisis.io.Provenance;

/** Reading the JSON files of a results directory. */
final class Manifests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    static JsonNode read(Path file) throws ReportException {
        if (!Files.isRegularFile(file)) {
            throw new ReportException(file + ": no such file");
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new ReportException(file + ": expected a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReportException(file + ": not valid JSON (" + org.crisis.io.JsonFiles.plainParserMessage(
                    e.getOriginalMessage().lines().findFirst().orElse("")) + (e.getLocation() == null ? "" : ", line "
                    + e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A warning when two results directories were made by different builds (the version with its commit, README
     * "Reproducibility and seeds"). The same name is no proof of the same code (a build outside a clone names no
     * commit, and a dirty build's changes are not named), and a commit of the docs alone names another build.
     */
    static Optional<String> otherBuilds(String first, List<String> firstBuilds, String second, List<String> secondBuilds) {
        if (new TreeSet<>(firstBuilds).equals(new TreeSet<>(secondBuilds))) {
            return Optional.empty();
        }
        return Optional.of("written by different builds (" + first + " by " + named(firstBuilds) + ", " + second + " by "
                + named(secondBuilds) + "): a difference may come from the code as well as the inputs");
    }

    private static String named(List<String> builds) {
        return String.join(" and ", builds.stream().map(Provenance::named).toList());
    }

    /**
     * The rows of a report's facts table that say where its results came from: the tool's
     * version, when the work ran (manifest {@code timings}), the command and the directory.
     */
    static void provenance(Html h, JsonNode manifest, Path directory) {
        RunSetReport.fact(h, "Tool", "crisis " + manifest.path("version").asText(""));
        JsonNode timings = manifest.path("timings");
        if (timings.isObject()) {
            RunSetReport.fact(h, "Run", RunSetReport.timestamp(timings.path("started").asText("")) + " to "
                    + RunSetReport.timestamp(timings.path("ended").asText("")));
        }
        RunSetReport.fact(h, "Command", String.join(" ", texts(manifest.get("command"))));
        RunSetReport.fact(h, "Results directory", directory.toAbsolutePath().normalize().toString());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}

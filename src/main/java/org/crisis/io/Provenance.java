package org.crisis.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Which builds of crisis made a results directory, as its manifest records them (README, "Reproducibility and seeds"). */
public final class Provenance {
    private Provenance() {}

    /**
     * Each build once, in the order the manifest gives them: a merge's parts' ({@code merged_from_versions}, per part the
     * builds that worked on it; the merge's own {@code version} is the build that merged), else a resumed work's
     * sessions' ({@code session_versions}), else its {@code version} ("" when it gives none).
     */
    public static List<String> builds(JsonNode manifest) {
        List<String> builds = new ArrayList<>();
        if (manifest.path("merged_from_versions").isArray() && !manifest.path("merged_from_versions").isEmpty()) {
            for (JsonNode part : manifest.path("merged_from_versions")) {
                if (part.isArray()) {
                    part.forEach(v -> add(builds, v.asText()));
                } else {
                    add(builds, part.asText());
                }
            }
        } else if (manifest.path("session_versions").isArray() && !manifest.path("session_versions").isEmpty()) {
            manifest.path("session_versions").forEach(v -> add(builds, v.asText()));
        } else {
            builds.add(manifest.path("version").asText(""));
        }
        return builds;
    }

    /**
     * The Java runtime and system of the process that writes a manifest ({@code runtime}): results have been identical
     * across Java versions and systems, but nothing promises it, so a manifest says where it was made.
     */
    public static ObjectNode runtime() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("java", System.getProperty("java.version", ""));
        o.put("java_vendor", System.getProperty("java.vendor", ""));
        o.put("os", System.getProperty("os.name", "") + " " + System.getProperty("os.arch", ""));
        return o;
    }

    private static void add(List<String> builds, String build) {
        if (!builds.contains(build)) {
            builds.add(build);
        }
    }
}

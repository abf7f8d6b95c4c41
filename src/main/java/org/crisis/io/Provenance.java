package org.crisis.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
     * Writes into a merge's manifest, for each part in order, every build that worked on it ({@code merged_from_versions},
     * dropping the {@code session_versions} a copied part's manifest may carry), and returns those builds, each once.
     */
    public static List<String> recordParts(ObjectNode merged, List<JsonNode> parts) {
        merged.remove("session_versions");
        ArrayNode list = merged.putArray("merged_from_versions");
        List<String> all = new ArrayList<>();
        for (JsonNode part : parts) {
            ArrayNode builds = list.addArray();
            for (String b : builds(part)) {
                builds.add(b);
                add(all, b);
            }
        }
        return all;
    }

    /** A build as a message names it: "crisis VERSION", or what it is when it gave no version. */
    public static String named(String version) {
        return version.isEmpty() ? "a build that gave no version" : "crisis " + version;
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

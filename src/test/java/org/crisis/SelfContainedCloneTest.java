package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone with nothing beside it builds, tests and runs: no build, source, test, script or
 * scenario file reads a directory next to the clone (such as a shared data directory that
 * continuous integration happens to have), since users do not have it. Data the tests need
 * live in src/test/resources.
 */
class SelfContainedCloneTest {

    /** Files and directories of the project that are read by the build, the tests, the launcher or CI. */
    private static final List<String> SCANNED = List.of("pom.xml", "crisis", ".ci", "scripts", "src", "scenarios",
            "docs", "README.md");

    /**
     * A path leaving the clone for a sibling named "shared": a relative path up and into it, a
     * resolveSibling or resolve call with that name, or one of the known files of that
     * directory. Written in pieces so that this file does not match itself.
     */
    private static final Pattern OUTSIDE = Pattern.compile(String.join("|",
            "\\.\\.[/\\\\]+" + "shared\\b",
            "resolve(Sibling)?\\(\\s*\"" + "shared",
            "\\b" + "shared[/\\\\](data|bench|hooks|[A-Z]+\\.md)"));

    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    void noProjectFileRefersToADirectoryBesideTheClone() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String name : SCANNED) {
            Path top = ROOT.resolve(name);
            if (!Files.exists(top)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(top)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files++;
                    // ISO-8859-1 reads any byte sequence, so binary or odd files cannot stop the scan
                    String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                    found.addAll(matches(ROOT.relativize(f).toString(), text));
                }
            }
        }
        assertTrue(files > 100, "scanned " + files + " files from " + ROOT + ": is the working directory the project?");
        assertEquals(List.of(), found, "files that read outside the clone; put what they need in the repository");
    }

    @Test
    void theScanRecognisesPathsToTheSiblingDirectory() {
        String name = "sha" + "red"; // kept apart so that this file does not match itself
        assertEquals(1, matches("x", "Path.of(\"../" + name + "/data/icb/icb1v14.csv\")").size());
        assertEquals(1, matches("x", "see ..\\" + name + "\\SCENARIO.md").size());
        assertEquals(1, matches("x", "dir.resolveSibling(\"" + name + "\").resolve(\"data\")").size());
        assertEquals(1, matches("x", "root.getParent().resolve(\"" + name + "\")").size());
        assertEquals(1, matches("x", "cat ~/projects/" + name + "/SCENARIO.md").size());
        assertEquals(List.of(), matches("x", "double sharedBlocs(int i, int j) // shared blocs, shared/unshared"));
    }

    private static List<String> matches(String file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = OUTSIDE.matcher(lines[i]);
            if (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }
}

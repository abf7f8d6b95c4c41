package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code points at the model's documentation instead of repeating it: every section of
 * docs/MODEL.md that a source file cites ("docs/MODEL.md 3.8", "section 3.5") must exist as a
 * heading, and no citation may use a form that names no section.
 */
class ModelSectionsCitedTest {
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ", Pattern.MULTILINE);
    private static final Pattern CITED = Pattern.compile(
            "(?:docs/MODEL\\.md,?|[Ss]ections?|§)\\s*(\\d+(?:\\.\\d+)?)((?:\\s*(?:,|and)\\s*\\d+(?:\\.\\d+)?)*)");
    private static final Pattern VAGUE = Pattern.compile("MODEL \\d|docs/MODEL\\.md,? \\(?\"|MODEL\\.md \\(\"");

    private static Set<String> headings() throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = HEADING.matcher(Files.readString(Path.of("docs", "MODEL.md")));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everySectionTheCodeCitesExists() throws IOException {
        Set<String> headings = headings();
        assertTrue(headings.containsAll(List.of("1", "1.3", "3", "3.10", "5")), headings.toString());
        List<String> missing = new ArrayList<>();
        List<String> vague = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = CITED.matcher(text);
                while (m.find()) {
                    List<String> sections = new ArrayList<>(List.of(m.group(1)));
                    Matcher more = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(m.group(2));
                    while (more.find()) {
                        sections.add(more.group());
                    }
                    for (String s : sections) {
                        if (!headings.contains(s)) {
                            missing.add(f + ": section " + s);
                        }
                    }
                }
                Matcher v = VAGUE.matcher(text);
                while (v.find()) {
                    vague.add(f + ": '" + v.group() + "'");
                }
            }
        }
        assertEquals(List.of(), missing, "cited sections that docs/MODEL.md does not have");
        assertEquals(List.of(), vague, "citations of docs/MODEL.md that name no section");
    }
}

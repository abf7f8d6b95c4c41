package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crisis.io.Columns;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.observe.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The report knows the result files' formats, not the model's rules (issue 11): no string in
 * org.crisis.report names an event type, a level, an outcome or an outcome's label. Their
 * meaning is read from the files (events.csv {@code kind}, {@code level_after}; summary.json and
 * a sweep's manifest describe each outcome). The names are taken from the model and from
 * observe's list of outcomes when the test runs, so a new event type or outcome is covered
 * without touching this test. Levels are read through the report's one list of the level
 * format, {@code RelationLevel}, by its constants, never spelled in a string.
 */
class ReportKnowsFormatsNotRulesTest {
    private static final Path REPORT = Path.of(System.getProperty("user.dir"), "src/main/java/org/crisis/report");

    /** A string literal of a source file, with its line. */
    record Literal(Path file, int line, String text) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": \"" + text + "\"";
        }
    }

    /** The string literals (and text blocks) of Java source, leaving out comments and characters. */
    static List<Literal> literals(Path file, String source) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                out.add(new Literal(file, line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        text.append(source.charAt(j)).append(source.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(source.charAt(j++));
                    }
                }
                if (c == '"') {
                    out.add(new Literal(file, line, text.toString()));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            k += s.charAt(i) == '\n' ? 1 : 0;
        }
        return k;
    }

    /** Whether {@code word} stands in {@code text} as a word of its own (not inside a longer name). */
    static boolean word(String text, String word) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    /** Whether {@code name} starts a column name in {@code text}, as {@code hostile_events_per_mex} or alone. */
    static boolean column(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9])").matcher(text).find();
    }

    /**
     * Field names of the scenario format that are also plain outcome names ({@code days},
     * {@code events}): a string that is only such a word may be the field (the manifest's
     * scenario), so it is not taken for the outcome.
     */
    static Set<String> scenarioFields() throws IOException {
        Path schema = Path.of(System.getProperty("user.dir"), "src/main/resources/scenario.schema.json");
        Set<String> fields = new TreeSet<>();
        properties(new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.toFile()), fields);
        return fields;
    }

    private static void properties(com.fasterxml.jackson.databind.JsonNode node, Set<String> fields) {
        if (node.path("properties").isObject()) {
            node.path("properties").fieldNames().forEachRemaining(fields::add);
        }
        node.forEach(child -> properties(child, fields));
    }

    /** What a literal names of the model, or empty. */
    static List<String> named(String text, Set<String> fields) {
        List<String> found = new ArrayList<>();
        for (EventType t : EventType.values()) {
            if (word(text, t.name())) {
                found.add("event type " + t.name());
            }
        }
        for (Level l : Level.values()) {
            if (word(text, l.name())) {
                found.add("level " + l.name());
            }
        }
        for (Outcome.Kind k : Outcome.Kind.values()) {
            String label = new Outcome(k, "A", "B").label();
            if (label.contains(" ") && text.contains(label)) {
                found.add("the label of " + k.key());
            }
            Set<String> names = new LinkedHashSet<>(List.of(k.key(), Columns.of(k.key())));
            for (String name : names) {
                boolean compound = !name.equals(name.toLowerCase(java.util.Locale.ROOT)) || name.contains("_");
                if (compound ? column(text, name) : text.equals(name) && !fields.contains(name)) {
                    found.add("outcome " + name);
                }
            }
            String prefix = Columns.of(k.key()) + "_";
            if (text.length() > 1 && (text.endsWith("_") && prefix.startsWith(text)
                    || text.contains("_") && !text.endsWith("_") && prefix.startsWith(text + "_"))) {
                found.add("the start of outcome column " + prefix);
            }
        }
        return found;
    }

    static List<String> scan(Path dir) throws IOException {
        Set<String> fields = scenarioFields();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (Literal l : literals(f, Files.readString(f))) {
                    for (String what : named(l.text(), fields)) {
                        problems.add(l + " names " + what);
                    }
                }
            }
        }
        return problems;
    }

    @Test
    void noStringOfTheReportNamesAnEventTypeALevelOrAnOutcome() throws IOException {
        List<String> problems = scan(REPORT);
        assertEquals(List.of(), problems, "the report should read these from the result files:\n" + String.join("\n", problems));
    }

    @Test
    void theScanFindsWhatItLooksFor() throws IOException {
        String source = """
                class X {
                    // "SEVER_RELATIONS" in a comment is prose
                    String a = "RECALL_AMBASSADOR";
                    String b = "expected one of SEVERED, DOWNGRADED";
                    String c = name.startsWith("days_to_") ? "sides_" + id : "severed";
                    String d = "Time to " + x + ": reached SEVERED";
                    char e = '"';
                    String f = "hostile_events_per_mex and a \\"quote\\"";
                    String g = \"""
                        COUP
                        \""";
                    String h = "daysToRestored:A-B";
                    String i = "days_to";
                    String ok = "share_" + level + " grievance, events, day, severed pairs" + "days" + "events";
                }
                """;
        Path file = Path.of("X.java");
        Set<String> fields = scenarioFields();
        assertTrue(fields.containsAll(List.of("days", "events")) && !fields.contains("severed"), fields.toString());
        Set<String> found = new TreeSet<>();
        for (Literal l : literals(file, source)) {
            named(l.text(), fields).forEach(w -> found.add(l.line() + " " + w));
        }
        assertEquals(new TreeSet<>(List.of("3 event type RECALL_AMBASSADOR", "4 level SEVERED", "4 level DOWNGRADED",
                "5 the start of outcome column days_to_severed_", "5 the start of outcome column days_to_downgraded_",
                "5 the start of outcome column days_to_restored_", "5 the start of outcome column sides_", "5 outcome severed",
                "6 level SEVERED", "6 the label of severed", "8 outcome hostile_events", "9 event type COUP",
                "12 outcome daysToRestored", "13 the start of outcome column days_to_severed_",
                "13 the start of outcome column days_to_downgraded_", "13 the start of outcome column days_to_restored_")), found);
    }

    @Test
    void theNamesComeFromTheModelAndObserveAsTheyAreNow() {
        Set<String> outcomes = new LinkedHashSet<>();
        for (Outcome.Kind k : Outcome.Kind.values()) {
            outcomes.add(k.key());
        }
        assertTrue(outcomes.contains("daysDowngraded") && outcomes.size() >= 20, outcomes.toString());
        assertTrue(EventType.values().length >= 20 && Level.values().length == 5);
    }
}

package org.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.crisis.cli.Main;
import org.crisis.model.Parameter;
import org.junit.jupiter.api.Test;

/**
 * docs/FORMATS.md is the project's reference for its file formats: it names every field of
 * every JSON Schema in src/main/resources (and every value of their closed lists), and the
 * user-facing pointers lead to it rather than to a document users do not have.
 */
class FormatsDocTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static final Path DOC = ROOT.resolve("docs/FORMATS.md");

    /** Property names and enum values of a schema, wherever they are (top level, $defs, if/then/else). */
    static Set<String> names(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        collect(schema, names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(names::add);
            }
            JsonNode values = node.get("enum");
            if (values != null && values.isArray()) {
                values.forEach(v -> {
                    if (v.isTextual()) {
                        names.add(v.asText());
                    }
                });
            }
        }
        node.forEach(child -> collect(child, names));
    }

    private static List<Path> schemas() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("src/main/resources"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    @Test
    void everyFieldOfEverySchemaIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<Path> schemas = schemas();
        assertTrue(!schemas.isEmpty(), "no *.schema.json in src/main/resources");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path schema : schemas) {
            for (String name : names(new ObjectMapper().readTree(schema.toFile()))) {
                checked++;
                if (!doc.contains("`" + name + "`")) {
                    missing.add(schema.getFileName() + ": " + name);
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " names found in the schemas");
        assertEquals(List.of(), missing, "fields or values of the schemas that docs/FORMATS.md does not name (as `name`)");
    }

    @Test
    void theCollectorFindsNestedPropertiesAndValues() throws IOException {
        JsonNode schema = new ObjectMapper().readTree("""
                {"properties": {"a": {"type": "string"}},
                 "$defs": {"x": {"properties": {"b": {"enum": ["ONE", "TWO"]}},
                                 "allOf": [{"if": {"properties": {"c": {"const": 1}}}}]}}}""");
        assertEquals(Set.of("a", "b", "c", "ONE", "TWO"), names(schema));
    }

    @Test
    void userFacingPointersLeadToFormatsNotToAnOutsideContract() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("scenarios/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        pages.addAll(schemas());
        List<String> stale = new ArrayList<>();
        for (Path page : pages) {
            if (Files.readString(page).contains("SCENARIO.md")) {
                stale.add(ROOT.relativize(page).toString());
            }
        }
        assertEquals(List.of(), stale, "pages that send users to SCENARIO.md, which is not in the repository");
        for (String page : List.of("README.md", "scenarios/README.md", "docs/MODEL.md", "docs/SWEEPS.md")) {
            assertTrue(Files.readString(ROOT.resolve(page)).contains("FORMATS.md"), page + " does not point to docs/FORMATS.md");
        }
    }

    @Test
    void theParameterTableGivesEachParameterItsDefault() throws IOException {
        // section 1.6: | `key` | symbol | default | range | what it sets |
        String doc = Files.readString(DOC);
        int start = doc.indexOf("### 1.6 Parameters");
        assertTrue(start >= 0, "no section 1.6 Parameters");
        String section = doc.substring(start, doc.indexOf("\n### ", start + 1));
        List<String> wrong = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            String row = section.lines().filter(l -> l.startsWith("| `" + p.key() + "` |")).findFirst().orElse(null);
            if (row == null) {
                wrong.add(p.key() + ": no row");
                continue;
            }
            String cell = row.split("\\|")[3].trim();
            double documented = switch (cell) {
                case "`true`" -> 1;
                case "`false`" -> 0;
                default -> Double.parseDouble(cell);
            };
            if (documented != p.defaultValue()) {
                wrong.add(p.key() + ": documented " + cell + ", default " + p.defaultValue());
            }
        }
        assertEquals(List.of(), wrong, "docs/FORMATS.md section 1.6 against the model's defaults");
    }

    @Test
    void sweepHelpPointsToFormats() {
        String help = stdout("sweep", "--help");
        assertTrue(help.contains("docs/FORMATS.md"), help);
        assertTrue(!help.contains("SCENARIO.md"), help);
    }

    static String stdout(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Main.execute(args);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

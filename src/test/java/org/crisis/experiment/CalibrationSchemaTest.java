package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.crisis.model.Parameter;
import org.crisis.scenario.InvalidInputException;
import org.crisis.scenario.ScenarioSchemaTest.SchemaCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code calibration.schema.json} (for editors) in step with {@link CalibrationReader}:
 * the same fields, names, limits and defaults, and the same verdict on a set of files.
 */
class CalibrationSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode schema;
    private static SchemaCheck check;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CalibrationSchemaTest.class.getResourceAsStream("/calibration.schema.json")) {
            assertNotNull(in, "calibration.schema.json is not on the classpath (src/main/resources)");
            schema = JSON.readTree(in);
        }
        check = new SchemaCheck(schema);
        CalibrationFixtures.calibration(dir, "");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode top(String field) {
        return schema.path("properties").path(field);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.isNull()) { // an optional field's enum also lists null, for a field left empty
                out.add(n.asText());
            }
        });
        return out;
    }

    @Test
    void theFieldsAreTheReadersFields() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(new TreeSet<>(CalibrationReader.TOP), fields(schema));
        assertEquals(Set.of("cases", "parameters"), new TreeSet<>(texts(schema.path("required"))));
        assertEquals(new TreeSet<>(CalibrationReader.PARAMETER), fields(schema.path("$defs").path("range")));
        assertEquals(new TreeSet<>(CalibrationReader.METHOD), fields(schema.path("$defs").path("method")));
        assertEquals(new TreeSet<>(CalibrationReader.ENSEMBLE), fields(top("ensemble")));
        assertEquals(List.of("min", "max"), texts(schema.path("$defs").path("range").path("required")));
    }

    @Test
    void namesLimitsAndDefaultsAreTheReaders() {
        assertEquals(CalibrationReader.SCALES, texts(schema.path("$defs").path("range").path("properties").path("scale").path("enum")));
        assertEquals(CalibrationReader.METHODS, texts(schema.path("$defs").path("method").path("properties").path("name").path("enum")));
        assertEquals(CalibrationReader.METHODS, texts(top("method").path("anyOf").path(0).path("enum")));
        assertEquals(CalibrationReader.MAX_RUNS, top("runs").path("maximum").asInt());
        assertEquals(CalibrationReader.MAX_BUDGET, top("budget").path("maximum").asInt());
        assertEquals(CalibrationReader.DEFAULT_BUDGET, top("budget").path("default").asInt());
        assertEquals(CalibrationReader.DEFAULT_SEED, top("seed").path("default").asLong());
        assertEquals(CalibrationReader.MAX_FOLDS, top("folds").path("maximum").asInt());
        assertEquals(CalibrationReader.MAX_POPULATION,
                schema.path("$defs").path("method").path("properties").path("population").path("maximum").asInt());
        assertEquals(CalibrationReader.DEFAULT_SIGMA,
                schema.path("$defs").path("method").path("properties").path("sigma").path("default").asDouble());
        assertEquals(CalibrationReader.DEFAULT_TOLERANCE,
                top("ensemble").path("properties").path("tolerance").path("default").asDouble());
        JsonNode ensemble = top("ensemble").path("properties");
        assertEquals(CalibrationReader.ENSEMBLE_METHODS, texts(ensemble.path("method").path("enum")));
        assertEquals(CalibrationReader.ENSEMBLE_METHODS.get(0), ensemble.path("method").path("default").asText());
        assertEquals(CalibrationReader.DEFAULT_PARTICLES, ensemble.path("particles").path("default").asInt());
        assertEquals(CalibrationReader.MAX_BUDGET, ensemble.path("particles").path("maximum").asInt());
        assertEquals(CalibrationReader.MIN_PARTICLES, ensemble.path("particles").path("minimum").asInt());
        assertEquals(CalibrationReader.MAX_BUDGET, ensemble.path("budget").path("maximum").asInt());
        assertEquals(CalibrationReader.DEFAULT_QUANTILE, ensemble.path("quantile").path("default").asDouble());
    }

    @Test
    void theModelParametersOfferedAreTheModelsNumericParameters() {
        List<String> expected = Arrays.stream(Parameter.values()).filter(p -> p.type() != Parameter.Type.BOOLEAN)
                .map(p -> "parameters." + p.key()).toList();
        assertEquals(expected, texts(top("parameters").path("propertyNames").path("anyOf").path(0).path("enum")));
    }

    static Stream<Arguments> files() {
        String base = "cases: [cases]\nparameters:\n  parameters.grievanceGain: { min: 0.1, max: 1.6, scale: log }\n";
        return Stream.of(
                Arguments.of("minimal", base),
                Arguments.of("every field", base + """
                        name: fit-1
                        description: text
                        runs: 20
                        seed: -4
                        budget: 30
                        method: { name: cmaes, population: 6, sigma: 0.25 }
                        ensemble: { tolerance: 0.5 }
                        folds: 3
                        $schema: ../calibration.schema.json
                        """),
                Arguments.of("method as a word", base + "method: cmaes\n"),
                Arguments.of("other path", base + "  countries.RED.hawkishness: { min: 0.1, max: 0.9, start: 0.5 }\n"),
                Arguments.of("integer parameter", base + "  parameters.memory: { min: 10, max: 90 }\n"),
                Arguments.of("unknown field", base + "budjet: 3\n"),
                Arguments.of("no cases", base.replace("cases: [cases]\n", "")),
                Arguments.of("cases not a list", base.replace("cases: [cases]", "cases: cases")),
                Arguments.of("no case", base.replace("cases: [cases]", "cases: []")),
                Arguments.of("no parameters", "cases: [cases]\n"),
                Arguments.of("empty parameters", "cases: [cases]\nparameters: {}\n"),
                Arguments.of("unknown model parameter", base + "  parameters.grievanceGane: { min: 0.1, max: 1 }\n"),
                Arguments.of("switch", base + "  parameters.mediation: { min: 0, max: 1 }\n"),
                Arguments.of("missing min", base + "  parameters.rationality: { max: 3 }\n"),
                Arguments.of("unknown range field", base + "  parameters.rationality: { min: 1, max: 3, steps: 3 }\n"),
                Arguments.of("unknown scale", base + "  parameters.rationality: { min: 1, max: 3, scale: logs }\n"),
                Arguments.of("min a word", base + "  parameters.rationality: { min: low, max: 3 }\n"),
                Arguments.of("runs 0", base + "runs: 0\n"),
                Arguments.of("runs a fraction", base + "runs: 2.5\n"),
                Arguments.of("budget 0", base + "budget: 0\n"),
                Arguments.of("seed a word", base + "seed: x\n"),
                Arguments.of("folds 1", base + "folds: 1\n"),
                Arguments.of("unknown method", base + "method: nelder-mead\n"),
                Arguments.of("method without name", base + "method: { sigma: 0.2 }\n"),
                Arguments.of("population 1", base + "method: { name: cmaes, population: 1 }\n"),
                Arguments.of("sigma 0", base + "method: { name: cmaes, sigma: 0 }\n"),
                Arguments.of("sigma 1.5", base + "method: { name: cmaes, sigma: 1.5 }\n"),
                Arguments.of("tolerance negative", base + "ensemble: { tolerance: -1 }\n"),
                Arguments.of("abc-smc", base + "ensemble: { tolerance: 2, method: abc-smc, particles: 20, budget: 400,"
                        + " quantile: 0.4 }\n"),
                Arguments.of("rejection named", base + "ensemble: { tolerance: 2, method: rejection }\n"),
                Arguments.of("unknown ensemble method", base + "ensemble: { method: abc }\n"),
                Arguments.of("particles without abc-smc", base + "ensemble: { tolerance: 1, particles: 50 }\n"),
                Arguments.of("quantile with rejection", base + "ensemble: { method: rejection, quantile: 0.5 }\n"),
                Arguments.of("particles 9", base + "ensemble: { method: abc-smc, particles: 9 }\n"),
                Arguments.of("particles too many", base + "ensemble: { method: abc-smc, particles: 2000000 }\n"),
                Arguments.of("smc budget too large", base + "ensemble: { method: abc-smc, budget: 2000000 }\n"),
                Arguments.of("quantile 1", base + "ensemble: { method: abc-smc, quantile: 1 }\n"),
                Arguments.of("quantile 0", base + "ensemble: { method: abc-smc, quantile: 0 }\n"),
                Arguments.of("prior start", base + "ensemble: { method: abc-smc, particles: 20, prior: start }\n"),
                Arguments.of("prior start with a width", base + "ensemble: { method: abc-smc, particles: 20, prior: start,"
                        + " priorWidth: 0.1 }\n"),
                Arguments.of("prior unknown", base + "ensemble: { method: abc-smc, prior: normal }\n"),
                Arguments.of("prior with rejection", base + "ensemble: { method: rejection, prior: start }\n"),
                Arguments.of("prior width without start", base + "ensemble: { method: abc-smc, priorWidth: 0.1 }\n"),
                Arguments.of("prior width flat", base + "ensemble: { method: abc-smc, prior: flat, priorWidth: 0.1 }\n"),
                Arguments.of("prior width 0", base + "ensemble: { method: abc-smc, prior: start, priorWidth: 0 }\n"),
                Arguments.of("prior width 2", base + "ensemble: { method: abc-smc, prior: start, priorWidth: 2 }\n"),
                Arguments.of("held out", base + "folds: 3\nensemble: { tolerance: 1, heldOut: true }\n"),
                Arguments.of("held out with abc-smc", base + "folds: 3\nensemble: { method: abc-smc, particles: 20,"
                        + " prior: start, heldOut: true }\n"),
                Arguments.of("held out off", base + "ensemble: { heldOut: false }\n"),
                Arguments.of("held out a word", base + "folds: 3\nensemble: { heldOut: yes please }\n"),
                Arguments.of("held out a number", base + "folds: 3\nensemble: { heldOut: 1 }\n"),
                Arguments.of("ensemble unknown field", base + "ensemble: { size: 3 }\n"),
                Arguments.of("name with a space", base + "name: my fit\n"),
                Arguments.of("not a mapping", "- cases\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void schemaAndReaderGiveTheSameVerdict(String name, String text) throws Exception {
        assertSameVerdict(name, YAML.readTree(text), text);
    }

    /** The schema and the reader both accept the file, or both refuse it. */
    private static void assertSameVerdict(String label, JsonNode doc, String text) throws IOException {
        Path file = dir.resolve("calibration.yaml");
        Files.writeString(file, text);
        List<String> schemaErrors = check.errors(doc);
        List<String> readerProblems;
        try {
            CalibrationReader.read(file);
            readerProblems = List.of();
        } catch (InvalidInputException e) {
            readerProblems = e.problems().stream().map(Object::toString).toList();
        }
        assertEquals(readerProblems.isEmpty(), schemaErrors.isEmpty(), label + ": reader says " + readerProblems
                + ", schema says " + schemaErrors);
    }

    /** A calibration file with every field, at every level, each set to a valid value. */
    private static final String FULL = """
            $schema: ../calibration.schema.json
            name: full
            description: every field
            cases: [cases]
            parameters:
              parameters.grievanceGain: { min: 0.1, max: 1.6, scale: log, start: 0.4 }
            runs: 20
            seed: 3
            budget: 30
            method: { name: cmaes, population: 6, sigma: 0.25, starts: 2 }
            ensemble: { tolerance: 2, method: abc-smc, particles: 20, budget: 400, quantile: 0.4, prior: start,
                        priorWidth: 0.1, heldOut: true }
            loss: { saturation: 1, balance: true, score: bounds }
            folds: 3
            """;

    static Stream<Arguments> emptyFields() throws IOException {
        return SchemaCheck.fieldPaths(YAML.readTree(FULL)).stream().map(Arguments::of);
    }

    @Test
    void theFullFileHasEveryFieldTheReaderKnows() throws Exception {
        Set<String> names = SchemaCheck.fieldNames(YAML.readTree(FULL));
        for (Set<String> fields : List.of(CalibrationReader.TOP, CalibrationReader.PARAMETER, CalibrationReader.METHOD,
                CalibrationReader.ENSEMBLE, CalibrationReader.LOSS)) {
            assertTrue(names.containsAll(fields), "FULL lacks some of " + fields);
        }
    }

    @Test
    void theFullFileIsValidForBoth() throws Exception {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, FULL);
        assertEquals(List.of(), check.errors(YAML.readTree(FULL)));
        CalibrationReader.read(file);
    }

    /**
     * An empty value means the field is absent (docs/FORMATS.md 0), so a field left empty gets the
     * same verdict from the schema and the reader: accepted where it is optional, refused where required.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFields")
    void anEmptyFieldGetsTheSameVerdictFromSchemaAndReader(String path) throws Exception {
        JsonNode doc = SchemaCheck.withEmptyField(YAML.readTree(FULL), path);
        assertSameVerdict(path + " empty", doc, YAML.writeValueAsString(doc));
    }

    static Stream<Path> shipped() throws IOException {
        Path d = Path.of("scenarios", "calibration");
        if (!Files.isDirectory(d)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void theShippedCalibrationFilesAreValidForBoth(Path file) throws Exception {
        assertEquals(List.of(), check.errors(YAML.readTree(Files.readString(file))), file.toString());
        CalibrationReader.read(file);
    }

    @Test
    void everyObjectRejectsFieldsItDoesNotDeclare() {
        List<String> open = new ArrayList<>();
        walk(schema, "#", open);
        assertEquals(List.of(), open, "objects with properties but without additionalProperties: false");
    }

    private static void walk(JsonNode node, String at, List<String> open) {
        if (node.isObject()) {
            if ("object".equals(SchemaCheck.typeOf(node)) && node.has("properties")
                    && !node.path("additionalProperties").equals(JSON.getNodeFactory().booleanNode(false))) {
                open.add(at);
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), open));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, open);
            }
        }
    }
}

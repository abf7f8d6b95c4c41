package org.crisis.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code scenario.schema.json} (for editors) in step with {@link ScenarioReader} (for
 * the simulator): the same fields, enums, parameters and ranges, and the same verdict on a
 * set of files. Adding a field to the reader without adding it to the schema fails here.
 */
public class ScenarioSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode schema;
    private static SchemaCheck check;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/scenario.schema.json")) {
            assertNotNull(in, "scenario.schema.json is not on the classpath (src/main/resources)");
            schema = JSON.readTree(in);
        }
        check = new SchemaCheck(schema);
    }

    // ----- the same fields --------------------------------------------------------------

    @Test
    void isADraft2020_12SchemaOfAnObjectWithTheRequiredFieldsOfScenarioMd() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals("object", schema.path("type").asText());
        assertEquals(Set.of("name", "days", "countries"), strings(schema.path("required")));
    }

    @Test
    void topLevelFieldsAreTheReadersFields() {
        assertSameFields(ScenarioReader.TOP, schema, "top level");
    }

    @Test
    void countryFieldsAreTheReadersFields() {
        JsonNode country = top("countries").path("items");
        assertSameFields(ScenarioReader.COUNTRY, country, "countries[]");
        for (String trait : ScenarioReader.TRAITS) {
            JsonNode t = resolve(resolve(country).path("properties").path(trait));
            assertEquals("number", SchemaCheck.typeOf(t), trait);
            assertEquals(0.0, t.path("minimum").asDouble(), trait);
            assertEquals(1.0, t.path("maximum").asDouble(), trait);
            assertEquals(Scenario.DEFAULT_TRAIT, t.path("default").asDouble(), trait);
        }
        assertEquals(Set.of("id"), strings(resolve(country).path("required")));
    }

    @Test
    void ideologyAxesAreTheReadersAxesInCountriesAndInEvents() {
        JsonNode countryIdeology = resolve(top("countries").path("items")).path("properties").path("ideology");
        JsonNode eventIdeology = resolve(top("events").path("items")).path("properties").path("ideology");
        assertSameFields(ScenarioReader.IDEOLOGY, countryIdeology, "countries[].ideology");
        assertSameFields(ScenarioReader.IDEOLOGY, eventIdeology, "events[].ideology");
        for (String axis : ScenarioReader.IDEOLOGY) {
            JsonNode a = resolve(countryIdeology).path("properties").path(axis);
            assertEquals(-1.0, a.path("minimum").asDouble(), axis);
            assertEquals(1.0, a.path("maximum").asDouble(), axis);
        }
    }

    @Test
    void relationFieldsAreTheReadersFields() {
        assertSameFields(ScenarioReader.RELATION, top("relations").path("items"), "relations[]");
    }

    @Test
    void eventFieldsAreTheReadersFieldsIncludingTheTraitsOfANewGovernment() {
        JsonNode event = top("events").path("items");
        assertSameFields(ScenarioReader.EVENT, event, "events[]");
        assertTrue(fields(event).containsAll(ScenarioReader.TRAITS));
        assertEquals(Set.of("day", "type", "actor"), strings(resolve(event).path("required")));
    }

    @Test
    void stopExpectPatternAndBoundsFieldsAreTheReadersFields() {
        assertSameFields(ScenarioReader.STOP, top("stop"), "stop");
        assertSameFields(ScenarioReader.EXPECT, top("expect"), "expect");
        JsonNode pattern = resolve(top("expect")).path("properties").path("patterns").path("items");
        assertSameFields(ScenarioReader.PATTERN, pattern, "expect.patterns[]");
        JsonNode p = resolve(pattern).path("properties");
        assertSameFields(ScenarioReader.BOUNDS, p.path("probability"), "probability");
        assertSameFields(ScenarioReader.BOUNDS, p.path("count"), "count");
        assertSameFields(ScenarioReader.LEVEL_BOUNDS, p.path("endsAt"), "endsAt");
    }

    @Test
    void everyObjectRejectsFieldsItDoesNotDeclareAsTheReaderDoes() {
        List<String> open = new ArrayList<>();
        walk(schema, "#", (node, at) -> {
            if ("object".equals(SchemaCheck.typeOf(node)) && node.has("properties")
                    && !node.path("additionalProperties").equals(JSON.getNodeFactory().booleanNode(false))) {
                open.add(at);
            }
        });
        assertEquals(List.of(), open, "objects with properties but without additionalProperties: false");
    }

    // ----- the same parameters ----------------------------------------------------------

    @Test
    void parametersAreTheModelsParametersWithTheirTypesDefaultsAndRanges() {
        JsonNode params = resolve(top("parameters"));
        Map<String, String> expected = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            expected.put(p.key(), switch (p.type()) {
                case BOOLEAN -> "boolean default " + (p.defaultValue() != 0);
                case INTEGER -> "integer [" + fmt(p.min()) + ", " + fmt(p.max()) + "] default " + fmt(p.defaultValue());
                case REAL -> "number [" + fmt(p.min()) + ", " + fmt(p.max()) + "] default " + fmt(p.defaultValue());
            });
        }
        Map<String, String> actual = new LinkedHashMap<>();
        params.path("properties").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            String type = SchemaCheck.typeOf(s);
            actual.put(e.getKey(), type.equals("boolean")
                    ? "boolean default " + s.path("default").asBoolean()
                    : type + " [" + fmt(s.path("minimum").asDouble(Double.NaN)) + ", "
                            + fmt(s.path("maximum").asDouble(Double.NaN)) + "] default "
                            + fmt(s.path("default").asDouble(Double.NaN)));
        });
        assertEquals(expected, actual, () -> "the parameters of scenario.schema.json differ from Parameter.values();"
                + " the block should read:\n" + parametersBlock());
        assertEquals(false, params.path("additionalProperties").asBoolean(true));
    }

    @Test
    void everyParameterIsDescribedWithItsSymbolDefaultAndRange() {
        JsonNode props = resolve(top("parameters")).path("properties");
        for (Parameter p : Parameter.values()) {
            String description = props.path(p.key()).path("description").asText("");
            assertTrue(description.startsWith(p.symbol().isEmpty() ? "" : p.symbol() + ": "),
                    p.key() + ": description should start with its symbol " + p.symbol() + ", found: " + description);
            assertTrue(description.endsWith(defaultAndRange(p)),
                    p.key() + ": description should end with \"" + defaultAndRange(p) + "\", found: " + description);
        }
    }

    /** How a parameter's description ends, so that the prose cannot drift from the values. */
    private static String defaultAndRange(Parameter p) {
        return p.type() == Parameter.Type.BOOLEAN
                ? "Default " + (p.defaultValue() != 0) + "."
                : "Default " + fmt(p.defaultValue()) + ", range [" + fmt(p.min()) + ", " + fmt(p.max()) + "].";
    }

    // ----- the same enums ---------------------------------------------------------------

    @Test
    void levelsAreTheDiplomaticLadder() {
        assertEquals(names(Level.values()), list(def("level").path("enum")));
    }

    @Test
    void eventTypesAreTheModelsEventTypes() {
        assertEquals(names(EventType.values()), list(def("eventType").path("enum")));
    }

    @Test
    void domesticGovernmentChangingAndMaybeTerritorialTypesAreTheModelsOnes() {
        JsonNode rules = resolve(top("events").path("items")).path("allOf");
        List<String> domestic = Arrays.stream(EventType.values()).filter(EventType::domestic).map(Enum::name).toList();
        List<String> government = Arrays.stream(EventType.values()).filter(EventType::changesGovernment)
                .map(Enum::name).sorted().toList();
        List<String> mayBeTerritorial = Arrays.stream(EventType.values())
                .filter(t -> t.kind() == EventType.Kind.TRIGGER && !t.territorial()).map(Enum::name).sorted().toList();
        assertEquals(domestic, list(rules.path(0).path("if").path("properties").path("type").path("enum")));
        assertEquals("CUSTOM", rules.path(1).path("if").path("properties").path("type").path("const").asText());
        assertEquals(mayBeTerritorial, list(rules.path(2).path("if").path("properties").path("type").path("enum"))
                .stream().sorted().toList());
        // the same triggers may be flagged armed, and the one armed by its type is the one territorial by its type
        assertTrue(rules.path(2).path("else").path("properties").has("armed"), "armed is refused outside them");
        assertEquals(Arrays.stream(EventType.values()).filter(EventType::territorial).toList(),
                Arrays.stream(EventType.values()).filter(EventType::armed).toList());
        assertEquals(government, list(rules.path(3).path("if").path("properties").path("type").path("enum"))
                .stream().sorted().toList());
    }

    @Test
    void stopConditionsAreTheReadersOnesInLowerCase() {
        JsonNode when = resolve(top("stop")).path("properties").path("when").path("anyOf").path(0).path("enum");
        assertEquals(Arrays.stream(Scenario.StopWhen.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList(),
                list(when));
    }

    @Test
    void horizonIsTheReadersHorizon() {
        assertEquals(1, top("days").path("minimum").asInt());
        assertEquals(ScenarioReader.MAX_DAYS, top("days").path("maximum").asInt());
    }

    // ----- the same verdict on files ----------------------------------------------------

    @Test
    void theExampleOfScenarioMdIsValid() throws Exception {
        for (String name : List.of("peru-mexico-asylum-2025.yaml", "peru-mexico-asylum-2025-expect.yaml",
                "peru-mexico-asylum-2025.json")) {
            JsonNode doc = YAML.readTree(Files.readString(fixture(name)));
            assertEquals(List.of(), check.errors(doc), name);
        }
    }

    private static final String BASE = """
            name: test
            days: 100
            countries:
              - id: PER
              - id: MEX
              - id: VEN
            """;

    /**
     * Files on which the schema and the reader must agree. Checks that need the whole file
     * (ids unique and declared, a pair listed once, days within the horizon, min not above
     * max) are the reader's alone and are not listed here.
     */
    static Stream<Arguments> files() {
        return Stream.of(
                file("minimal", BASE),
                file("only the required fields", "name: n\ndays: 1\ncountries: [{id: A}]\n"),
                file("name with a space", BASE.replace("name: test", "name: my test")),
                file("name missing", BASE.replace("name: test\n", "")),
                file("days missing", BASE.replace("days: 100\n", "")),
                file("days 0", BASE.replace("days: 100", "days: 0")),
                file("days too many", BASE.replace("days: 100", "days: 100001")),
                file("days a fraction", BASE.replace("days: 100", "days: 10.5")),
                file("days quoted", BASE.replace("days: 100", "days: '100'")),
                file("seed negative", BASE + "seed: -3\n"),
                file("unknown top-level field", BASE + "colour: red\n"),
                file("$schema", "$schema: ../src/main/resources/scenario.schema.json\n" + BASE),
                file("$schema not a string", BASE + "$schema: 3\n"),
                file("start a date", BASE + "start: 2025-11-03\n"),
                file("start not a date", BASE + "start: 2025-13-45\n"),
                file("no countries", "name: n\ndays: 1\ncountries: []\n"),
                file("country without id", "name: n\ndays: 1\ncountries: [{name: Peru}]\n"),
                file("country id with a dash", "name: n\ndays: 1\ncountries: [{id: PE-R}]\n"),
                file("misspelt trait", BASE + "  - id: COL\n    sovereignity: 0.9\n"),
                file("trait 1.5", BASE + "  - id: COL\n    hawkishness: 1.5\n"),
                file("trait a word", BASE + "  - id: COL\n    hawkishness: high\n"),
                file("ideology 2", BASE + "  - id: COL\n    ideology: {economic: 2}\n"),
                file("ideology unknown axis", BASE + "  - id: COL\n    ideology: {cultural: 0.1}\n"),
                file("blocs", BASE + "  - id: COL\n    blocs: [OAS, CELAC]\n"),
                file("blocs not a list", BASE + "  - id: COL\n    blocs: OAS\n"),
                file("relation", BASE + "relations:\n  - between: [PER, MEX]\n    level: DOWNGRADED\n"
                        + "    grievance: {PER: 0.4, MEX: 0.1}\n    trade: {PER: 0.03}\n"),
                file("relation without between", BASE + "relations:\n  - level: SEVERED\n"),
                file("relation of three", BASE + "relations:\n  - between: [PER, MEX, VEN]\n"),
                file("relation with itself", BASE + "relations:\n  - between: [PER, PER]\n"),
                file("relation level lower case", BASE + "relations:\n  - between: [PER, MEX]\n    level: severed\n"),
                file("grievance 1.5", BASE + "relations:\n  - between: [PER, MEX]\n    grievance: {PER: 1.5}\n"),
                file("bilateral event", BASE + "events:\n  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PER}\n"),
                file("bilateral event without target", BASE + "events:\n  - {day: 0, type: BORDER_INCIDENT, actor: MEX}\n"),
                file("domestic event", BASE + "events:\n  - {day: 3, type: DISPUTED_ELECTION, actor: VEN}\n"),
                file("domestic event with target", BASE + "events:\n  - {day: 3, type: COUP, actor: VEN, target: PER}\n"),
                file("event without day", BASE + "events:\n  - {type: COUP, actor: VEN}\n"),
                file("event day negative", BASE + "events:\n  - {day: -1, type: COUP, actor: VEN}\n"),
                file("event type unknown", BASE + "events:\n  - {day: 1, type: INVASION, actor: VEN, target: PER}\n"),
                file("declared answer", BASE + "events:\n  - {day: 1, type: CUSTOM, actor: VEN, target: PER, gamma: -4, "
                        + "declaredAnswer: SEVER_RELATIONS}\n"),
                file("declared answer not on the ladder", BASE + "events:\n  - {day: 1, type: ASYLUM_GRANT, actor: VEN, "
                        + "target: PER, declaredAnswer: DIALOGUE}\n"),
                file("declared answer to a gesture", BASE + "events:\n  - {day: 1, type: SAFE_CONDUCT_GRANTED, actor: VEN, "
                        + "target: PER, declaredAnswer: PROTEST}\n"),
                file("declared answer to a friendly act", BASE + "events:\n  - {day: 1, type: CUSTOM, actor: VEN, target: PER, "
                        + "gamma: 0, declaredAnswer: PROTEST}\n"),
                file("declared answer to an election", BASE + "events:\n  - {day: 1, type: ELECTION, actor: VEN, "
                        + "declaredAnswer: PROTEST}\n"),
                file("severity 5", BASE + "events:\n  - {day: 1, type: EMBASSY_RAID, actor: VEN, target: PER, severity: 5}\n"),
                file("severity 6", BASE + "events:\n  - {day: 1, type: EMBASSY_RAID, actor: VEN, target: PER, severity: 6}\n"),
                file("custom event", BASE + "events:\n  - {day: 1, type: CUSTOM, label: x, actor: VEN, target: PER,"
                        + " gamma: -5, interference: true, normBreaking: false}\n"),
                file("custom event without gamma", BASE + "events:\n  - {day: 1, type: CUSTOM, actor: VEN, target: PER}\n"),
                file("custom event gamma 11", BASE + "events:\n  - {day: 1, type: CUSTOM, actor: VEN, target: PER, gamma: 11}\n"),
                file("gamma on a non-custom event", BASE + "events:\n  - {day: 1, type: PROTEST, actor: VEN, target: PER, gamma: -1}\n"),
                file("label on a non-custom event", BASE + "events:\n  - {day: 1, type: PROTEST, actor: VEN, target: PER, label: x}\n"),
                file("election with traits", BASE + "events:\n  - {day: 1, type: ELECTION, actor: VEN,"
                        + " ideology: {economic: 0.3}, hawkishness: 0.1, normAdherence: 0.9}\n"),
                file("coup with traits", BASE + "events:\n  - {day: 1, type: COUP, actor: VEN, sovereignty: 1}\n"),
                file("traits on a disputed election", BASE + "events:\n  - {day: 1, type: DISPUTED_ELECTION, actor: VEN, hawkishness: 0.1}\n"),
                file("ideology on a bilateral event", BASE + "events:\n  - {day: 1, type: PROTEST, actor: VEN, target: PER,"
                        + " ideology: {social: 0}}\n"),
                file("parameters", BASE + "parameters: {grievanceDecay: 0.05, memory: 60, mediation: false}\n"),
                file("parameter misspelt", BASE + "parameters: {grievanceDecai: 0.05}\n"),
                file("parameter out of range", BASE + "parameters: {grievanceDecay: 1.5}\n"),
                file("integer parameter a fraction", BASE + "parameters: {memory: 2.5}\n"),
                file("integer parameter written 60.0", BASE + "parameters: {memory: 60.0}\n"),
                file("boolean parameter a number", BASE + "parameters: {mediation: 0}\n"),
                file("track", BASE + "track: [[PER, MEX], [MEX, VEN]]\n"),
                file("track of one country", BASE + "track: [[PER]]\n"),
                file("stop severed", BASE + "stop: {when: severed, pair: [PER, MEX]}\n"),
                file("stop SEVERED in capitals", BASE + "stop: {when: SEVERED, pair: [PER, MEX]}\n"),
                file("stop severed without pair", BASE + "stop: {when: severed}\n"),
                file("stop restored without pair", BASE + "stop: {when: restored}\n"),
                file("stop quiet", BASE + "stop: {when: quiet}\n"),
                file("stop Quiet", BASE + "stop: {when: Quiet}\n"),
                file("stop sometimes", BASE + "stop: {when: sometimes}\n"),
                file("stop without when", BASE + "stop: {pair: [PER, MEX]}\n"),
                file("expect", BASE + "expect:\n  runs: 50\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: SEVERED, withinDays: 30, probability: {min: 0.6}}\n"
                        + "    - {pair: [PER, MEX], endsAt: {atMost: NORMAL}, probability: {max: 0.5}}\n"
                        + "    - {pair: [PER, MEX], restored: false, probability: {min: 0, max: 1}}\n"
                        + "    - {condemn: VEN, count: {min: 1, max: 2}, probability: {min: 0.1}}\n"),
                file("expect without patterns", BASE + "expect: {runs: 10}\n"),
                file("expect runs 0", BASE + "expect: {runs: 0, patterns: []}\n"),
                file("pattern of two kinds", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: SEVERED, restored: true, probability: {min: 0.6}}\n"),
                file("pattern of no kind", BASE + "expect:\n  patterns:\n    - {pair: [PER, MEX], probability: {min: 0.6}}\n"),
                file("pattern without probability", BASE + "expect:\n  patterns:\n    - {pair: [PER, MEX], reaches: SEVERED}\n"),
                file("probability 1.5", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: SEVERED, probability: {min: 1.5}}\n"),
                file("probability without bounds", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: SEVERED, probability: {}}\n"),
                file("withinDays on endsAt", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], endsAt: {atLeast: NORMAL}, withinDays: 3, probability: {min: 0.5}}\n"),
                file("endsAt without bounds", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], endsAt: {}, probability: {min: 0.5}}\n"),
                file("reaches an unknown level", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: BROKEN, probability: {min: 0.5}}\n"),
                file("reaches without pair", BASE + "expect:\n  patterns:\n    - {reaches: SEVERED, probability: {min: 0.5}}\n"),
                file("count on reaches", BASE + "expect:\n  patterns:\n"
                        + "    - {pair: [PER, MEX], reaches: SEVERED, count: {min: 1}, probability: {min: 0.5}}\n"),
                file("condemn with pair", BASE + "expect:\n  patterns:\n"
                        + "    - {condemn: VEN, pair: [PER, MEX], count: {min: 1}, probability: {min: 0.5}}\n"),
                file("condemn without count", BASE + "expect:\n  patterns:\n    - {condemn: VEN, probability: {min: 0.5}}\n"),
                file("count negative", BASE + "expect:\n  patterns:\n"
                        + "    - {condemn: VEN, count: {min: -1}, probability: {min: 0.5}}\n"));
    }

    private static Arguments file(String label, String yaml) {
        return Arguments.of(label, yaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void schemaAndReaderGiveTheSameVerdict(String label, String yaml) throws Exception {
        assertSameVerdict(label, YAML.readTree(yaml), yaml);
    }

    /** The schema and the reader both accept the document, or both refuse it. */
    private static void assertSameVerdict(String label, JsonNode doc, String yaml) {
        List<String> schemaErrors = check.errors(doc);
        List<Problem> readerProblems;
        try {
            ScenarioReader.bind(TreeReader.parse("test.yaml", yaml, false));
            readerProblems = List.of();
        } catch (InvalidInputException e) {
            readerProblems = e.problems();
        }
        assertEquals(readerProblems.isEmpty(), schemaErrors.isEmpty(), label + ": reader says " + readerProblems
                + ", schema says " + schemaErrors);
    }

    /** A scenario with every field the contract has, at every level, each set to a valid value. */
    private static final String FULL = """
            $schema: ../src/main/resources/scenario.schema.json
            name: full
            description: every field
            start: 2025-11-03
            days: 100
            seed: 7
            organisations:
              - {id: OAS, democraticClause: true}
            countries:
              - {id: PER, name: Peru, ideology: {economic: 0.2, social: -0.1}, sovereignty: 0.8, domesticPressure: 0.5,
                 hawkishness: 0.4, normAdherence: 0.7, blocs: [OAS], majorPower: false}
              - {id: MEX, blocs: [OAS]}
              - {id: VEN}
            relations:
              - {between: [PER, MEX], level: NORMAL, grievance: {PER: 0.1}, trade: {PER: 0.03}}
            events:
              - {day: 1, type: CUSTOM, actor: MEX, target: PER, severity: 2, label: x, gamma: -5, interference: true,
                 normBreaking: false, territorial: false, armed: false, declaredAnswer: RECALL_AMBASSADOR, envoy: true,
                 lastsUntil: 5, setsLevel: DOWNGRADED}
              - {day: 2, type: ELECTION, actor: VEN, ideology: {economic: 0.3, social: 0}, sovereignty: 0.5,
                 domesticPressure: 0.5, hawkishness: 0.1, normAdherence: 0.9, continuity: 0.5}
            parameters: {grievanceDecay: 0.05, memory: 60, mediation: false}
            track: [[PER, MEX]]
            stop: {when: severed, pair: [PER, MEX]}
            expect:
              runs: 50
              patterns:
                - {name: p, pair: [PER, MEX], reaches: SEVERED, by: PER, withinDays: 30, probability: {min: 0.6, max: 1}}
                - {pair: [PER, MEX], endsAt: {atLeast: SEVERED, atMost: NORMAL}, probability: {max: 0.5}}
                - {pair: [PER, MEX], restored: false, probability: {min: 0}}
                - {condemn: VEN, count: {min: 1, max: 2}, probability: {min: 0.1}}
            """;

    @Test
    void theFullScenarioIsValidForBoth() throws Exception {
        assertEquals(List.of(), check.errors(YAML.readTree(FULL)));
        ScenarioReader.bind(TreeReader.parse("full.yaml", FULL, false));
    }

    @Test
    void theFullScenarioHasEveryFieldTheReaderKnows() throws Exception {
        Set<String> names = SchemaCheck.fieldNames(YAML.readTree(FULL));
        for (Set<String> fields : List.of(ScenarioReader.TOP, ScenarioReader.ORGANISATION, ScenarioReader.COUNTRY,
                ScenarioReader.IDEOLOGY, ScenarioReader.RELATION, ScenarioReader.EVENT, ScenarioReader.STOP,
                ScenarioReader.EXPECT, ScenarioReader.PATTERN, ScenarioReader.BOUNDS, ScenarioReader.LEVEL_BOUNDS)) {
            assertTrue(names.containsAll(fields), "FULL lacks some of " + fields);
        }
    }

    /** Every field of {@link #FULL}, by its path in the tree. */
    static Stream<Arguments> emptyFields() throws IOException {
        return SchemaCheck.fieldPaths(YAML.readTree(FULL)).stream().map(Arguments::of);
    }

    /**
     * FORMATS.md 0: an empty value means the field is absent. So a field left empty must get the
     * same verdict from the schema and the reader, field by field: accepted where the field is
     * optional, refused where it is required.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFields")
    void anEmptyFieldGetsTheSameVerdictFromSchemaAndReader(String path) throws Exception {
        JsonNode doc = SchemaCheck.withEmptyField(YAML.readTree(FULL), path);
        assertSameVerdict(path + " empty", doc, YAML.writeValueAsString(doc));
    }

    static Stream<Path> projectScenarios() throws IOException {
        Path dir = Path.of("scenarios");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projectScenarios")
    void schemaAndReaderGiveTheSameVerdictOnTheProjectsScenarios(Path file) throws Exception {
        List<String> schemaErrors = check.errors(YAML.readTree(Files.readString(file)));
        List<Problem> readerProblems;
        try {
            ScenarioReader.read(file, List.of());
            readerProblems = List.of();
        } catch (InvalidInputException e) {
            readerProblems = e.problems();
        }
        assertEquals(readerProblems.isEmpty(), schemaErrors.isEmpty(), file + ": reader says " + readerProblems
                + ", schema says " + schemaErrors);
    }

    // ----- helpers ----------------------------------------------------------------------

    private static Path fixture(String name) throws URISyntaxException {
        var url = ScenarioSchemaTest.class.getResource("/scenarios/" + name);
        assertNotNull(url, name);
        return Path.of(url.toURI());
    }

    private static JsonNode top(String field) {
        JsonNode n = schema.path("properties").path(field);
        assertFalse(n.isMissingNode(), "no top-level property " + field);
        return n;
    }

    private static JsonNode def(String name) {
        JsonNode n = schema.path("$defs").path(name);
        assertFalse(n.isMissingNode(), "no $defs/" + name);
        return n;
    }

    private static JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local references are used: " + ref);
        }
        JsonNode n = schema.at(ref.substring(1));
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("dangling reference " + ref);
        }
        return n;
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref") || nullable(node) != null) {
            node = node.has("$ref") ? pointer(node.get("$ref").asText()) : nullable(node);
        }
        return node;
    }

    /**
     * The schema of an optional field that may also be left empty, written {@code anyOf: [{type: null}, S]}:
     * S; null for any other node.
     */
    private static JsonNode nullable(JsonNode node) {
        JsonNode alternatives = node.path("anyOf");
        if (alternatives.size() == 2 && alternatives.get(0).equals(NULL_TYPE)) {
            return alternatives.get(1);
        }
        return null;
    }

    private static final JsonNode NULL_TYPE = JSON.createObjectNode().put("type", "null");

    /** Property names a schema declares, through $ref and allOf. */
    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (nullable(node) != null) {
            return fields(nullable(node));
        }
        node.path("properties").fieldNames().forEachRemaining(names::add);
        if (node.has("$ref")) {
            names.addAll(fields(pointer(node.get("$ref").asText())));
        }
        node.path("allOf").forEach(n -> {
            if (n.has("$ref")) {
                names.addAll(fields(n));
            }
        });
        return names;
    }

    private static void assertSameFields(Set<String> reader, JsonNode node, String where) {
        assertEquals(new TreeSet<>(reader), fields(node), where + ": the schema's fields differ from ScenarioReader's");
    }

    private static Set<String> strings(JsonNode array) {
        return new HashSet<>(list(array));
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "none" : Fields.fmt(x);
    }

    private interface Visitor {
        void visit(JsonNode node, String at);
    }

    private static void walk(JsonNode node, String at, Visitor v) {
        if (node.isObject()) {
            v.visit(node, at);
            node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), v));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, v);
            }
        }
    }

    /** An optional field's type: the type, or null for a field left empty. */
    private static ArrayNode nullableType(String type) {
        return JSON.createArrayNode().add(type).add("null");
    }

    /** The {@code parameters} properties as they should be, for pasting into the schema. */
    private static String parametersBlock() {
        var props = JSON.createObjectNode();
        for (Parameter p : Parameter.values()) {
            var s = props.putObject(p.key());
            s.set("type", nullableType(switch (p.type()) {
                case BOOLEAN -> "boolean";
                case INTEGER -> "integer";
                case REAL -> "number";
            }));
            switch (p.type()) {
                case BOOLEAN -> s.put("default", p.defaultValue() != 0);
                case INTEGER -> s.put("minimum", (long) p.min()).put("maximum", (long) p.max())
                        .put("default", (long) p.defaultValue());
                case REAL -> s.put("minimum", p.min()).put("maximum", p.max())
                        .put("default", p.defaultValue());
            }
            s.put("description", (p.symbol().isEmpty() ? "" : p.symbol() + ": ") + "(what it does; MODEL.md section). "
                    + defaultAndRange(p));
        }
        return props.toPrettyString();
    }

    /**
     * Checks a document against the part of JSON Schema 2020-12 that scenario.schema.json
     * uses. Any other keyword is an error, so the schema cannot quietly outgrow this check.
     */
    public static final class SchemaCheck {
        private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "title",
                "description", "markdownDescription", "default", "examples", "then", "else");
        private final JsonNode root;

        public SchemaCheck(JsonNode root) {
            this.root = root;
        }

        /** A node's type, without the "null" that an optional field's type also lists. */
        public static String typeOf(JsonNode node) {
            JsonNode type = node.path("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            return type.asText();
        }

        /** Every field of a document, at every level, as a JSON Pointer: {@code /a/b/2/c}. */
        public static List<String> fieldPaths(JsonNode doc) {
            List<String> out = new ArrayList<>();
            collectFields(doc, "", out);
            return out;
        }

        private static void collectFields(JsonNode node, String pointer, List<String> out) {
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(name -> {
                    String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    out.add(at);
                    collectFields(node.get(name), at, out);
                });
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collectFields(node.get(i), pointer + "/" + i, out);
                }
            }
        }

        /** The names of every field of a document, at every level. */
        public static Set<String> fieldNames(JsonNode doc) {
            Set<String> names = new TreeSet<>();
            for (String pointer : fieldPaths(doc)) {
                names.add(JsonPointer.compile(pointer).last().getMatchingProperty());
            }
            return names;
        }

        /** The document with the field at {@code pointer} (one of {@link #fieldPaths}) set to null. */
        public static JsonNode withEmptyField(JsonNode doc, String pointer) {
            JsonNode root = doc.deepCopy();
            JsonPointer at = JsonPointer.compile(pointer);
            ((ObjectNode) root.at(at.head())).putNull(at.last().getMatchingProperty());
            return root;
        }

        public List<String> errors(JsonNode doc) {
            List<String> errors = new ArrayList<>();
            check(root, doc, "", errors);
            return errors;
        }

        private boolean valid(JsonNode s, JsonNode v) {
            List<String> errors = new ArrayList<>();
            check(s, v, "", errors);
            return errors.isEmpty();
        }

        private void check(JsonNode s, JsonNode v, String at, List<String> errors) {
            if (s.isBoolean()) {
                if (!s.asBoolean()) {
                    errors.add(at + ": not allowed here");
                }
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                var e = it.next();
                JsonNode arg = e.getValue();
                switch (e.getKey()) {
                    case "$ref" -> {
                        JsonNode target = root.at(arg.asText().substring(1));
                        if (target.isMissingNode()) {
                            throw new IllegalStateException("dangling $ref " + arg.asText());
                        }
                        check(target, v, at, errors);
                    }
                    case "type" -> {
                        boolean any = false;
                        for (JsonNode t : arg.isArray() ? arg : List.of(arg)) {
                            any |= is(v, t.asText());
                        }
                        if (!any) {
                            errors.add(at + ": expected " + (arg.isArray() ? arg : arg.asText()) + ", found " + v);
                        }
                    }
                    case "enum" -> {
                        boolean found = false;
                        for (JsonNode option : arg) {
                            found |= option.equals(v);
                        }
                        if (!found) {
                            errors.add(at + ": " + v + " is not one of " + arg);
                        }
                    }
                    case "const" -> {
                        if (!arg.equals(v)) {
                            errors.add(at + ": expected " + arg);
                        }
                    }
                    case "minimum" -> {
                        if (v.isNumber() && v.decimalValue().compareTo(arg.decimalValue()) < 0) {
                            errors.add(at + ": " + v + " below " + arg);
                        }
                    }
                    case "exclusiveMinimum" -> {
                        if (v.isNumber() && v.decimalValue().compareTo(arg.decimalValue()) <= 0) {
                            errors.add(at + ": " + v + " not above " + arg);
                        }
                    }
                    case "exclusiveMaximum" -> {
                        if (v.isNumber() && v.decimalValue().compareTo(arg.decimalValue()) >= 0) {
                            errors.add(at + ": " + v + " not below " + arg);
                        }
                    }
                    case "maximum" -> {
                        if (v.isNumber() && v.decimalValue().compareTo(arg.decimalValue()) > 0) {
                            errors.add(at + ": " + v + " above " + arg);
                        }
                    }
                    case "pattern" -> {
                        if (v.isTextual() && !Pattern.compile(arg.asText()).matcher(v.asText()).find()) {
                            errors.add(at + ": '" + v.asText() + "' does not match " + arg.asText());
                        }
                    }
                    case "maxLength" -> {
                        if (v.isTextual() && v.asText().codePointCount(0, v.asText().length()) > arg.asInt()) {
                            errors.add(at + ": longer than " + arg + " characters");
                        }
                    }
                    case "format" -> {
                        if (!arg.asText().equals("date")) {
                            throw new IllegalStateException("unsupported format " + arg);
                        }
                        if (v.isTextual()) {
                            try {
                                LocalDate.parse(v.asText());
                            } catch (DateTimeParseException x) {
                                errors.add(at + ": not a date: " + v.asText());
                            }
                        }
                    }
                    case "required" -> {
                        if (v.isObject()) {
                            arg.forEach(name -> {
                                if (!v.has(name.asText())) {
                                    errors.add(at + ": " + name.asText() + " is required");
                                }
                            });
                        }
                    }
                    case "properties" -> {
                        if (v.isObject()) {
                            arg.fields().forEachRemaining(p -> {
                                if (v.has(p.getKey())) {
                                    check(p.getValue(), v.get(p.getKey()), at + "." + p.getKey(), errors);
                                }
                            });
                        }
                    }
                    case "additionalProperties" -> {
                        if (v.isObject()) {
                            v.fields().forEachRemaining(p -> {
                                if (!s.path("properties").has(p.getKey())) {
                                    check(arg, p.getValue(), at + "." + p.getKey(), errors);
                                }
                            });
                        }
                    }
                    case "propertyNames" -> {
                        if (v.isObject()) {
                            v.fieldNames().forEachRemaining(n -> check(arg, TextNode.valueOf(n), at + "." + n, errors));
                        }
                    }
                    case "minProperties" -> {
                        if (v.isObject() && v.size() < arg.asInt()) {
                            errors.add(at + ": fewer than " + arg + " fields");
                        }
                    }
                    case "maxProperties" -> {
                        if (v.isObject() && v.size() > arg.asInt()) {
                            errors.add(at + ": more than " + arg + " fields");
                        }
                    }
                    case "prefixItems" -> {
                        if (v.isArray()) {
                            for (int i = 0; i < Math.min(arg.size(), v.size()); i++) {
                                check(arg.get(i), v.get(i), at + "[" + i + "]", errors);
                            }
                        }
                    }
                    case "items" -> {
                        if (v.isArray()) {
                            for (int i = s.path("prefixItems").size(); i < v.size(); i++) {
                                check(arg, v.get(i), at + "[" + i + "]", errors);
                            }
                        }
                    }
                    case "minItems" -> {
                        if (v.isArray() && v.size() < arg.asInt()) {
                            errors.add(at + ": fewer than " + arg + " items");
                        }
                    }
                    case "maxItems" -> {
                        if (v.isArray() && v.size() > arg.asInt()) {
                            errors.add(at + ": more than " + arg + " items");
                        }
                    }
                    case "uniqueItems" -> {
                        Set<JsonNode> distinct = new HashSet<>();
                        v.forEach(distinct::add);
                        if (arg.asBoolean() && v.isArray() && distinct.size() < v.size()) {
                            errors.add(at + ": items repeat");
                        }
                    }
                    case "allOf" -> arg.forEach(sub -> check(sub, v, at, errors));
                    case "anyOf" -> {
                        boolean any = false;
                        for (JsonNode sub : arg) {
                            any |= valid(sub, v);
                        }
                        if (!any) {
                            errors.add(at + ": matches none of anyOf");
                        }
                    }
                    case "oneOf" -> {
                        int n = 0;
                        for (JsonNode sub : arg) {
                            n += valid(sub, v) ? 1 : 0;
                        }
                        if (n != 1) {
                            errors.add(at + ": matches " + n + " of oneOf, expected exactly one");
                        }
                    }
                    case "not" -> {
                        if (valid(arg, v)) {
                            errors.add(at + ": matches a forbidden shape");
                        }
                    }
                    case "if" -> {
                        JsonNode branch = valid(arg, v) ? s.get("then") : s.get("else");
                        if (branch != null) {
                            check(branch, v, at, errors);
                        }
                    }
                    default -> {
                        if (!ANNOTATIONS.contains(e.getKey())) {
                            throw new IllegalStateException("keyword not understood by this check: " + e.getKey());
                        }
                    }
                }
            }
        }

        private static boolean is(JsonNode v, String type) {
            return switch (type) {
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                case "string" -> v.isTextual();
                case "boolean" -> v.isBoolean();
                case "null" -> v.isNull();
                case "number" -> v.isNumber();
                case "integer" -> v.isIntegralNumber()
                        || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
                default -> throw new IllegalStateException("unknown type " + type);
            };
        }
    }
}

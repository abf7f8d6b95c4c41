package org.crisis.scenario;

import static org.crisis.scenario.ScenarioReaderTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.scenario.Scenario.Ideology;
import org.crisis.scenario.Scenario.Pair;
import org.crisis.scenario.Scenario.Relation;
import org.crisis.scenario.Scenario.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set path=value} and sweep factors: dotted paths of SCENARIO.md name any value
 * of a scenario; a bad path is a problem of its own, a bad value is found by validation
 * and blamed on {@code --set}.
 */
class OverridesTest {
    private static final String FILE = """
            name: test
            days: 100
            countries:
              - id: PER
                ideology: {economic: 0.4, social: 0.5}
              - id: MEX
                domesticPressure: 0.3
              - id: VEN
            relations:
              - between: [PER, MEX]
                level: DOWNGRADED
                trade: {PER: 0.03, MEX: 0.01}
            events:
              - {day: 40, type: BORDER_INCIDENT, actor: PER, target: MEX}
              - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PER}
            parameters:
              rationality: 4
            """;

    // ----- the paths of SCENARIO.md -------------------------------------------------------

    @Test
    void everyPathOfScenarioMdSetsItsValueInTheExample() throws Exception {
        Path example = Path.of(getClass().getResource("/scenarios/peru-mexico-asylum-2025.yaml").toURI());

        Scenario s = ScenarioReader.read(example, List.of(
                "parameters.grievanceDecay=0.05",
                "countries.PER.domesticPressure=0.1",
                "countries.MEX.ideology.economic=0.2",
                "relations.PER-MEX.trade.PER=0.25",
                "events.0.severity=2.5"));

        assertEquals(0.05, s.parameters().get(Parameter.GRIEVANCE_DECAY));
        assertEquals(0.1, s.countries().get(0).domesticPressure());
        assertEquals(new Ideology(0.2, -0.2), s.countries().get(1).ideology());
        assertEquals(new Relation(new Pair("PER", "MEX"), Level.DOWNGRADED, 0.4, 0.1, 0.25, 0.01), s.relations().get(0));
        assertEquals(2.5, s.events().get(0).severity());
    }

    @Test
    void parameterIsSetByNameWhetherOrNotTheFileHasAParametersBlock() throws Exception {
        Scenario with = apply(FILE, "parameters.grievanceDecay=0.05");
        assertEquals(0.05, with.parameters().get(Parameter.GRIEVANCE_DECAY));
        assertEquals(4, with.parameters().get(Parameter.RATIONALITY), "the file's other parameters stay");

        Scenario without = apply(FILE.replace("parameters:\n  rationality: 4\n", ""), "parameters.memory=45");
        assertEquals(45, without.parameters().get(Parameter.MEMORY));
    }

    @Test
    void theStopsPairIsSetAsTwoIdsWithOrWithoutBrackets() throws Exception {
        for (String pair : List.of("PER,MEX", "[PER, MEX]", "[ PER , MEX ]", "PER-MEX")) {
            Scenario s = apply(FILE, "stop.when=severed", "stop.pair=" + pair);
            assertEquals(Scenario.StopWhen.SEVERED, s.stop().orElseThrow().when(), pair);
            assertEquals(new Scenario.Pair("PER", "MEX"), s.stop().orElseThrow().pair().orElseThrow(), pair);
        }
        InvalidInputException one = assertThrows(InvalidInputException.class,
                () -> apply(FILE, "stop.when=severed", "stop.pair=PER"));
        assertTrue(one.getMessage().contains("stop.pair: expected a list"), one.getMessage());
    }

    @Test
    void valuesAreReadAsYamlWouldReadThem() throws Exception {
        Scenario s = apply(FILE, "parameters.mediation=false", "parameters.memory=60", "relations.PER-MEX.level=SEVERED",
                "name=renamed", "countries.VEN.name=Venezuela");

        assertFalse(s.parameters().on(Parameter.MEDIATION));
        assertEquals(60, s.parameters().get(Parameter.MEMORY));
        assertEquals(Level.SEVERED, s.relations().get(0).level());
        assertEquals("renamed", s.name());
        assertEquals("Venezuela", s.countries().get(2).name());
    }

    @Test
    void countryIsFoundByIdAndATraitItOmitsIsAdded() throws Exception {
        Scenario s = apply(FILE, "countries.MEX.domesticPressure=0.9", "countries.VEN.hawkishness=0.2");

        assertEquals(0.9, s.countries().get(1).domesticPressure());
        assertEquals(0.2, s.countries().get(2).hawkishness());
        assertEquals(Scenario.DEFAULT_TRAIT, s.countries().get(2).sovereignty());
    }

    @Test
    void ideologyAxisIsSetAloneKeepingTheOtherAxis() throws Exception {
        Scenario s = apply(FILE, "countries.PER.ideology.social=-0.3", "countries.MEX.ideology.economic=-0.5");

        assertEquals(new Ideology(0.4, -0.3), s.countries().get(0).ideology());
        assertEquals(new Ideology(-0.5, 0), s.countries().get(1).ideology(), "an ideology the file omits is created");
    }

    @Test
    void relationIsFoundByItsPairInEitherOrder() throws Exception {
        Scenario s = apply(FILE, "relations.PER-MEX.trade.PER=0.2", "relations.MEX-PER.trade.MEX=0.3",
                "relations.MEX-PER.grievance.PER=0.6");

        assertEquals(List.of(new Relation(new Pair("PER", "MEX"), Level.DOWNGRADED, 0.6, 0, 0.2, 0.3)), s.relations());
    }

    @Test
    void relationNotYetListedIsAdded() throws Exception {
        Scenario s = apply(FILE, "relations.VEN-PER.level=CORDIAL", "relations.VEN-PER.grievance.VEN=0.1");
        assertEquals(List.of(
                new Relation(new Pair("PER", "MEX"), Level.DOWNGRADED, 0, 0, 0.03, 0.01),
                new Relation(new Pair("VEN", "PER"), Level.CORDIAL, 0.1, 0, 0, 0)), s.relations());

        Scenario none = apply(FILE.replace("relations:\n  - between: [PER, MEX]\n    level: DOWNGRADED\n"
                + "    trade: {PER: 0.03, MEX: 0.01}\n", ""), "relations.MEX-VEN.level=SEVERED");
        assertEquals(List.of(new Relation(new Pair("MEX", "VEN"), Level.SEVERED, 0, 0, 0, 0)), none.relations());
    }

    @Test
    void eventIsFoundByItsIndexInTheFileNotInDayOrder() throws Exception {
        Scenario s = apply(FILE, "events.0.severity=3");

        Trigger incident = s.events().stream().filter(t -> t.type() == EventType.BORDER_INCIDENT).findFirst().orElseThrow();
        assertEquals(40, incident.day());
        assertEquals(3.0, incident.severity());
        assertEquals(1.0, s.events().get(0).severity(), "the day-0 event, second in the file, is untouched");
    }

    @Test
    void assignmentsApplyInOrderSoTheLastOneWins() throws Exception {
        Scenario s = apply(FILE, "parameters.grievanceDecay=0.05", "parameters.grievanceDecay=0.07");

        assertEquals(0.07, s.parameters().get(Parameter.GRIEVANCE_DECAY));
    }

    @Test
    void blanksAroundPathAndValueDoNotMatter() throws Exception {
        Scenario s = apply(FILE, " parameters.grievanceDecay = 0.05 ");

        assertEquals(0.05, s.parameters().get(Parameter.GRIEVANCE_DECAY));
    }

    // ----- bad paths ----------------------------------------------------------------------

    @Test
    void aMisspeltCountryIdIsMatchedToTheNearestOfTheScenario() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE, false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Overrides.apply(root, List.of("countries.PRE.hawkishness=0.5")));
        assertProblem(e.problems().get(0), "countries.PRE.hawkishness", 0, 0, "no list item 'PRE' in countries",
                "did you mean 'PER'?");
    }

    @Test
    void aParameterSetWithoutItsPrefixIsPointedToIt() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE, false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Overrides.apply(root, List.of("thresholdRecall=0.3")));
        assertProblem(e.problems().get(0), "thresholdRecall", 0, 0,
                "'thresholdRecall' is a model parameter, set under parameters:; did you mean 'parameters.thresholdRecall'?");
    }

    @Test
    void badPathsAreEachReportedTogether() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE, false);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Overrides.apply(root, List.of(
                "parameters.grievanceDecay",
                "=0.3",
                "countries.COL.hawkishness=0.2",
                "events.7.severity=1",
                "events.PER-MEX.severity=1",
                "name.first=x",
                "parameters..memory=3")));

        List<Problem> problems = e.problems();
        assertEquals(7, problems.size(), problems::toString);
        problems.forEach(p -> assertEquals(Overrides.SOURCE, p.source()));
        assertProblem(problems.get(0), "parameters.grievanceDecay", 0, 0, "expected path=value",
                "e.g. parameters.grievanceDecay=0.03");
        assertProblem(problems.get(1), "=0.3", 0, 0, "expected path=value");
        assertProblem(problems.get(2), "countries.COL.hawkishness", 0, 0, "no list item 'COL' in countries",
                "(expected an index, a country id or a pair A-B)");
        assertProblem(problems.get(3), "events.7.severity", 0, 0, "no list item '7' in events", "its indices run from 0 to 1");
        assertProblem(problems.get(4), "events.PER-MEX.severity", 0, 0, "no list item 'PER-MEX' in events");
        assertProblem(problems.get(5), "name.first", 0, 0, "'name' is a single value, it has no field 'first'");
        assertProblem(problems.get(6), "parameters..memory", 0, 0, "empty segment in the path");
        assertTrue(e.getMessage().startsWith("--set: parameters.grievanceDecay: expected path=value"), e.getMessage());
    }

    @Test
    void readStopsAtBadPathsBeforeValidating(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), FILE.replace("days: 100", "days: 0"));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.read(file, List.of("countries.XYZ.hawkishness=0.2")));

        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals(Overrides.SOURCE, e.problems().get(0).source());
    }

    // ----- bad values ---------------------------------------------------------------------

    @Test
    void aListIsWrittenInBracketsAsTheFilesWriteOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), FILE);
        Scenario s = ScenarioReader.read(file, List.of("countries.PER.blocs=[OAS, CAN]", "countries.MEX.blocs=[]"));
        assertEquals(List.of("OAS", "CAN"), List.copyOf(s.countries().get(0).blocs()));
        assertTrue(s.countries().get(1).blocs().isEmpty());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.read(file, List.of("countries.PER.hawkishness=[0.3]")));
        assertTrue(e.getMessage().contains("--set: countries[0].hawkishness: expected a number in [0, 1], found a list"),
                e.getMessage());
    }

    @Test
    void invalidValueIsReportedByValidationAndBlamedOnSet(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), FILE);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file, List.of(
                "parameters.grievanceDecay=7",
                "countries.PER.hawkishness=high",
                "relations.PER-XYZ.level=SEVERED",
                "events.1.day=100")));

        List<Problem> problems = e.problems();
        assertEquals(4, problems.size(), problems::toString);
        problems.forEach(p -> assertEquals(Overrides.SOURCE, p.source(), p.toString()));
        assertProblem(problems.get(0), "countries[0].hawkishness", 0, 0, "expected a number in [0, 1], found 'high'");
        assertProblem(problems.get(1), "relations[1].between[1]", 0, 0, "unknown country 'XYZ'");
        assertProblem(problems.get(2), "events[1].day", 0, 0, "day 100 is outside the horizon");
        assertProblem(problems.get(3), "parameters.grievanceDecay", 0, 0, "expected a number in [0, 1], found 7");
        assertTrue(e.getMessage().contains("--set: parameters.grievanceDecay: expected a number in [0, 1], found 7"),
                e.getMessage());
    }

    @Test
    void fileProblemsKeepTheirPlaceBesideOverrideProblems() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE.replace("domesticPressure: 0.3", "domesticPressure: 3"), false);
        Overrides.apply(root, List.of("events.0.severity=9"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.bind(root));

        assertEquals(2, e.problems().size(), e::getMessage);
        assertProblem(e.problems().get(0), "countries[1].domesticPressure", 7, 23, "found 3");
        assertEquals("test.yaml", e.problems().get(0).source());
        assertProblem(e.problems().get(1), "events[0].severity", 0, 0, "expected a number in [0, 5], found 9");
        assertEquals(Overrides.SOURCE, e.problems().get(1).source());
    }

    @Test
    void aProblemInTheFileThatAnOverrideMayHaveCausedNamesTheOverride(@TempDir Path dir) throws Exception {
        // a horizon set shorter than the file's events: the events are where the problem shows, --set is its cause
        Path file = Files.writeString(dir.resolve("s.yaml"), FILE);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file,
                List.of("days=1")));
        assertTrue(e.problems().stream().anyMatch(p -> p.path().startsWith("events[")), e::getMessage);
        for (Problem p : e.problems()) {
            assertEquals(file.toString(), p.source(), p.toString());
            assertTrue(p.message().endsWith(" (the file as changed by --set days=1)"), p.toString());
        }
    }

    // ----- bugs ---------------------------------------------------------------------------

    @Test
    void hugeIndexIsAProblemNotACrash() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE, false);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Overrides.apply(root, List.of("events.99999999999.severity=1")));

        assertProblem(e.problems().get(0), "events.99999999999.severity", 0, 0, "no list item '99999999999' in events");
    }

    @Test
    void unknownFieldSetOnTheCommandLineIsBlamedOnSet() throws Exception {
        Node root = TreeReader.parse("test.yaml", FILE, false);
        Overrides.apply(root, List.of("parameters.grievanceDecai=0.05"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.bind(root));

        Problem p = e.problems().get(0);
        assertProblem(p, "parameters.grievanceDecai", 0, 0, "unknown field 'grievanceDecai'", "did you mean 'grievanceDecay'?");
        assertEquals(Overrides.SOURCE, p.source());
    }

    // ----- helpers ------------------------------------------------------------------------

    private static Scenario apply(String yaml, String... assignments) throws InvalidInputException {
        Node root = TreeReader.parse("test.yaml", yaml, false);
        Overrides.apply(root, List.of(assignments));
        return ScenarioReader.bind(root);
    }
}

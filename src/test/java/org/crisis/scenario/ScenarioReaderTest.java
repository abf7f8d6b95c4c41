package org.crisis.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.scenario.Scenario.Country;
import org.crisis.scenario.Scenario.Ideology;
import org.crisis.scenario.Scenario.Pair;
import org.crisis.scenario.Scenario.Relation;
import org.crisis.scenario.Scenario.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario format of SCENARIO.md as the reader accepts it: every valid file as written,
 * with its defaults filled in, and every invalid one answered with all its problems at once,
 * each with line, column, field path and what was expected.
 */
class ScenarioReaderTest {
    /** Three countries on lines 4-6; whatever a test appends starts on line 7. */
    private static final String BASE = """
            name: test
            days: 100
            countries:
              - id: PER
              - id: MEX
              - id: VEN
            """;

    // ----- the example of SCENARIO.md -----------------------------------------------------

    @Test
    void exampleOfScenarioMdIsValidAsItStandsWithEveryDefaultFilledIn() throws Exception {
        Scenario s = ScenarioReader.read(fixture("peru-mexico-asylum-2025.yaml"), List.of());

        assertEquals("peru-mexico-asylum-2025", s.name());
        assertEquals("Mexico grants asylum to Peru's former prime minister.", s.description());
        assertEquals(Optional.of(LocalDate.of(2025, 11, 3)), s.start());
        assertEquals(365, s.days());
        assertEquals(42, s.seed());
        assertEquals(List.of(
                new Country("PER", "Peru", new Ideology(0.4, 0.5), 0.9, 0.8, 0.6, 0.6, List.of("PacificAlliance", "OAS")),
                new Country("MEX", "Mexico", new Ideology(-0.5, -0.2), 0.6, 0.3, 0.3, 0.8, List.of("OAS", "CELAC")),
                new Country("VEN", "VEN", new Ideology(0, 0), 0.5, 0.5, 0.5, 0.5, List.of())), s.countries());
        assertEquals(List.of(new Relation(new Pair("PER", "MEX"), Level.DOWNGRADED, 0.4, 0.1, 0.03, 0.01)),
                s.relations());

        List<Trigger> events = s.events();
        assertEquals(4, events.size());
        assertEquals(new Trigger(0, EventType.ASYLUM_GRANT, "MEX", Optional.of("PER"), 1.0, Optional.empty(),
                EventType.ASYLUM_GRANT.gamma(), true, false, false, false, Map.of()), events.get(0));
        assertEquals(new Trigger(20, EventType.DISPUTED_ELECTION, "VEN", Optional.empty(), 1.0, Optional.empty(),
                EventType.DISPUTED_ELECTION.gamma(), false, EventType.DISPUTED_ELECTION.normBreaking(), false, false, Map.of()),
                events.get(1));
        assertEquals(new Trigger(45, EventType.CUSTOM, "PER", Optional.of("MEX"), 1.0, Optional.of("border-closure"),
                -5.0, false, false, false, false, Map.of()), events.get(2));
        assertEquals(new Trigger(180, EventType.ELECTION, "PER", Optional.empty(), 1.0, Optional.empty(),
                EventType.ELECTION.gamma(), false, false, false, false, Map.of("ideology.economic", -0.1, "hawkishness", 0.3)),
                events.get(3));

        for (Parameter p : Parameter.values()) {
            double expected = switch (p) {
                case GRIEVANCE_DECAY -> 0.02;
                case RATIONALITY -> 4;
                default -> p.defaultValue();
            };
            assertEquals(expected, s.parameters().get(p), p.key());
        }
        assertEquals(List.of(new Pair("PER", "MEX")), s.track());
        assertEquals(Optional.of(new Scenario.Stop(Scenario.StopWhen.SEVERED, Optional.of(new Pair("PER", "MEX")))),
                s.stop());
        assertEquals(Optional.empty(), s.expect());
    }

    @Test
    void exampleWithTheExpectBlockOfScenarioMdIsValid() throws Exception {
        Scenario s = ScenarioReader.read(fixture("peru-mexico-asylum-2025-expect.yaml"), List.of());

        Scenario.Expectations expect = s.expect().orElseThrow();
        assertEquals(200, expect.runs());
        Scenario.Bounds atLeastHalf = new Scenario.Bounds(Optional.of(0.5), Optional.empty());
        assertEquals(List.of(
                new Scenario.Reaches("rupture", new Pair("PER", "MEX"), Level.SEVERED, OptionalInt.of(30),
                        new Scenario.Bounds(Optional.of(0.6), Optional.empty())),
                new Scenario.EndsAt("ends at least NORMAL COL-VEN", new Pair("COL", "VEN"), Optional.of(Level.NORMAL),
                        Optional.empty(), atLeastHalf),
                new Scenario.Restored("restored PER-MEX", new Pair("PER", "MEX"), true,
                        new Scenario.Bounds(Optional.empty(), Optional.of(0.2))),
                new Scenario.Condemned("condemn ECU >= 3", "ECU", new Scenario.Bounds(Optional.of(3.0), Optional.empty()),
                        atLeastHalf)), expect.patterns());
    }

    @Test
    void expectExampleOfScenarioMdNamesTwoCountriesTheScenarioExampleLacks() throws Exception {
        // The two examples of SCENARIO.md, concatenated verbatim: the expect: example speaks of
        // COL and ECU, which the scenario example does not declare. Also shows that positions
        // are right far down a file.
        String text = Files.readString(fixture("peru-mexico-asylum-2025.yaml"))
                + Files.readString(fixture("expect-block.yaml"));
        int expectLine = (int) Files.readString(fixture("peru-mexico-asylum-2025.yaml")).lines().count() + 1;

        List<Problem> problems = problems(text);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "expect.patterns[1].pair[0]", expectLine + 8, 14, "unknown country 'COL'");
        assertProblem(problems.get(1), "expect.patterns[3].condemn", expectLine + 14, 16, "unknown country 'ECU'");
    }

    @Test
    void jsonFileEquivalentToTheYamlFileGivesAnEqualScenario() throws Exception {
        assertEquals(ScenarioReader.read(fixture("peru-mexico-asylum-2025.yaml"), List.of()),
                ScenarioReader.read(fixture("peru-mexico-asylum-2025.json"), List.of()));
    }

    @Test
    void anyYamlScenarioWrittenAsJsonReadsTheSame(@TempDir Path dir) throws Exception {
        Path yaml = fixture("peru-mexico-asylum-2025-expect.yaml");
        Path json = dir.resolve("same.json");
        Files.writeString(json, new ObjectMapper().writeValueAsString(
                new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml))));
        Path yml = dir.resolve("same.yml");
        Files.copy(yaml, yml);

        Scenario expected = ScenarioReader.read(yaml, List.of());
        assertEquals(expected, ScenarioReader.read(json, List.of()));
        assertEquals(expected, ScenarioReader.read(yml, List.of()));
    }

    // ----- defaults -----------------------------------------------------------------------

    @Test
    void fieldsLeftEmptyTakeTheirDefaultsAsIfOmitted() throws Exception {
        Scenario s = bind(BASE + """
                description:
                organisations:
                relations:
                  - {between: [PER, MEX], level: ~, grievance: {PER: ~}}
                parameters: {grievanceDecay: ~, memory: 60, mediation:}
                track:
                """);

        assertEquals("", s.description());
        assertEquals(List.of(), s.organisations());
        assertEquals(new Relation(new Pair("PER", "MEX"), Level.NORMAL, 0, 0, 0, 0), s.relations().get(0));
        assertEquals(Parameters.defaults().with(Parameter.MEMORY, 60), s.parameters());
        assertEquals(List.of(), s.track());
    }

    @Test
    void omittedFieldsTakeTheirDefaults() throws Exception {
        Scenario s = bind(BASE + """
                relations:
                  - between: [PER, MEX]
                events:
                  - {day: 0, type: BORDER_INCIDENT, actor: PER, target: MEX}
                """);

        assertEquals("", s.description());
        assertEquals(Optional.empty(), s.start());
        assertEquals(1, s.seed());
        Country ven = s.countries().get(2);
        assertEquals(new Country("VEN", "VEN", new Ideology(0, 0), Scenario.DEFAULT_TRAIT, Scenario.DEFAULT_TRAIT,
                Scenario.DEFAULT_TRAIT, Scenario.DEFAULT_TRAIT, List.of()), ven);
        assertEquals(0.5, Scenario.DEFAULT_TRAIT);
        assertEquals(new Relation(new Pair("PER", "MEX"), Level.NORMAL, 0, 0, 0, 0), s.relations().get(0));
        Trigger incident = s.events().get(0);
        assertEquals(1.0, incident.severity());
        assertEquals(EventType.BORDER_INCIDENT.gamma(), incident.gamma());
        assertEquals(Parameters.defaults(), s.parameters());
        assertEquals(List.of(), s.track());
        assertEquals(Optional.empty(), s.stop());
        assertEquals(Optional.empty(), s.expect());
    }

    @Test
    void omittedIdeologyAxisAndSideDefaultToZeroAndExpectRunsTo200() throws Exception {
        Scenario s = bind(BASE.replace("  - id: VEN\n", "  - id: VEN\n    ideology: {social: 0.7}\n") + """
                relations:
                  - between: [MEX, PER]
                    grievance: {PER: 0.3}
                expect:
                  patterns:
                    - {pair: [PER, MEX], reaches: DOWNGRADED, probability: {max: 0.9}}
                """);

        assertEquals(new Ideology(0, 0.7), s.countries().get(2).ideology());
        assertEquals(new Relation(new Pair("MEX", "PER"), Level.NORMAL, 0, 0.3, 0, 0), s.relations().get(0));
        assertEquals(200, s.expect().orElseThrow().runs());
    }

    @Test
    void eventsAreSortedByDayKeepingFileOrderWithinADay() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 50, type: ELECTION, actor: PER}
                  - {day: 3, type: PROTEST, actor: MEX, target: PER}
                  - {day: 50, type: COUP, actor: VEN}
                  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PER}
                  - {day: 3, type: DIALOGUE, actor: PER, target: MEX}
                """);

        assertEquals(List.of(EventType.ASYLUM_GRANT, EventType.PROTEST, EventType.DIALOGUE, EventType.ELECTION,
                EventType.COUP), s.events().stream().map(Trigger::type).toList());
    }

    @Test
    void stopConditionIsReadWhateverItsCaseAndQuietNeedsNoPair() throws Exception {
        assertEquals(Scenario.StopWhen.RESTORED,
                bind(BASE + "stop: {when: Restored, pair: [PER, MEX]}\n").stop().orElseThrow().when());
        assertEquals(new Scenario.Stop(Scenario.StopWhen.QUIET, Optional.empty()),
                bind(BASE + "stop: {when: quiet}\n").stop().orElseThrow());
    }

    @Test
    void governmentChangeKeepsTheTraitsItSets() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - day: 9
                    type: COUP
                    actor: VEN
                    ideology: {social: 0.9}
                    sovereignty: 1
                    normAdherence: 0.1
                """);

        assertEquals(Map.of("ideology.social", 0.9, "sovereignty", 1.0, "normAdherence", 0.1),
                s.events().get(0).government());
    }

    // ----- every problem of a file at once ------------------------------------------------

    @Test
    void aFileWithThreeErrorsYieldsThreeProblemsInFileOrder() {
        List<Problem> problems = problems("""
                name: test
                days: 100
                countries:
                  - id: PER
                    hawkishness: 2
                  - id: MEX
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PRE}
                parameters:
                  grievanceDecay: -1
                """);

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "countries[0].hawkishness", 5, 18, "expected a number in [0, 1], found 2");
        assertProblem(problems.get(1), "events[0].target", 8, 54, "unknown country 'PRE'", "did you mean 'PER'?");
        assertProblem(problems.get(2), "parameters.grievanceDecay", 10, 19, "found -1");
    }

    @Test
    void aCountryWithoutAnIdIsOneProblemNotOneForEveryReferenceToIt() {
        // countries.PER=0.3 given with --set turns Peru's entry into a number: its references would all be unknown
        List<Problem> said = problems("""
                name: test
                days: 100
                countries:
                  - 0.3
                  - id: MEX
                  - id: COL
                relations:
                  - {between: [PER, MEX], level: NORMAL}
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PER}
                  - {day: 1, type: ASYLUM_GRANT, actor: COL, target: CLO}
                """);
        assertEquals(3, said.size(), said::toString);
        assertProblem(said.get(0), "countries[0]", 4, 5, "expected a mapping");
        // each unknown id once, at its first reference: PER (which may be the entry without an id) and a typo
        assertProblem(said.get(1), "relations[0].between[0]", 8, 16, "unknown country 'PER'", "a country entry gives no id");
        assertProblem(said.get(2), "events[1].target", 11, 54, "unknown country 'CLO'", "did you mean 'COL'?");
        // an id refused for its form is that one problem, not one more at each reference
        assertProblem(only("""
                name: test
                days: 100
                countries: [{id: PER-1}, {id: MEX}]
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PER-1}
                  - {day: 5, type: ASYLUM_GRANT, actor: PER-1, target: MEX}
                """), "countries[0].id", 3, 18, "expected letters, digits and '_'");
        // with every country named, an unknown id is still said, with the nearest
        assertProblem(only("""
                name: test
                days: 100
                countries: [{id: PER}, {id: MEX}]
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: MEX, target: PRE}
                """), "events[0].target", 5, 54, "unknown country 'PRE'", "did you mean 'PER'?");
    }

    @Test
    void aNegativeMediationAffinityIsRefused() {
        // a mediator one side dislikes has no credibility with it; a negative a_med let such a mediation feed grievance
        List<Problem> problems = problems("""
                name: test
                days: 10
                countries:
                  - id: PER
                  - id: MEX
                parameters:
                  mediationAffinity: -0.5
                """);
        assertEquals(1, problems.size(), problems::toString);
        assertProblem(problems.get(0), "parameters.mediationAffinity", 7, 22, "expected a number in [0, 1], found -0.5");
    }

    @Test
    void problemsInEverySectionAreReportedTogether() {
        List<Problem> problems = problems("""
                name: bad name
                days: 10
                start: yesterday
                countries:
                  - id: PER
                    domesticPressure: much
                  - id: MEX
                relations:
                  - between: [PER, COL]
                events:
                  - {day: 10, type: COUP, actor: MEX}
                parameters: {rationality: 1000}
                track: [[PER, PER]]
                stop: {when: never}
                expect:
                  patterns:
                    - {pair: [PER, MEX], reaches: GONE, probability: {min: 0.5}}
                """);

        assertEquals(List.of("name", "start", "countries[0].domesticPressure", "relations[0].between[1]",
                "events[0].day", "parameters.rationality", "track[0]", "stop.when", "expect.patterns[0].reaches"),
                problems.stream().map(Problem::path).toList());
        assertEquals(List.of(1, 3, 6, 9, 11, 12, 13, 14, 17), problems.stream().map(Problem::line).toList());
        problems.forEach(p -> assertEquals("test.yaml", p.source()));
    }

    @Test
    void problemsAreListedDownTheFileWhateverOrderTheyAreFoundIn() {
        // relations are checked before events, but a reader fixing the file works from the top down
        List<Problem> problems = problems("""
                name: test
                days: 10
                countries:
                  - id: PER
                events:
                  - {day: 20, type: PROTEST, actor: PER, target: MEX}
                relations:
                  - between: [PER, COL]
                """);

        assertEquals(List.of(6, 6, 8), problems.stream().map(Problem::line).toList(), problems::toString);
        assertTrue(problems.get(0).column() < problems.get(1).column(), problems::toString);
        assertEquals("relations[0].between[1]", problems.get(2).path());
    }

    // ----- one kind of error each ---------------------------------------------------------

    @Test
    void unknownFieldIsReportedAtItsKeyWithTheNearestKnownName() {
        Problem p = only(BASE + """
                  - id: COL
                    sovereignity: 0.9
                """);

        assertProblem(p, "countries[3].sovereignity", 8, 5, "unknown field 'sovereignity'", "did you mean 'sovereignty'?");
    }

    @Test
    void unknownFieldFarFromEveryNameListsTheFieldsThatAreExpected() {
        Problem p = only(BASE + "colour: red\n");

        assertProblem(p, "colour", 7, 1, "unknown field 'colour'", "expected one of name, description, start, days");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        List<Problem> problems = problems("""
                name: test
                days: "365"
                countries:
                  - id: PER
                    sovereignty: high
                    blocs: OAS
                    ideology: [0.1, 0.2]
                """);

        assertEquals(4, problems.size(), problems::toString);
        assertProblem(problems.get(0), "days", 2, 7, "expected a whole number in [1, 100000], found '365'");
        assertProblem(problems.get(1), "countries[0].sovereignty", 5, 18, "expected a number in [0, 1], found 'high'");
        assertProblem(problems.get(2), "countries[0].blocs", 6, 12, "expected a list, found a string");
        assertProblem(problems.get(3), "countries[0].ideology", 7, 15, "expected a mapping", "found a list");
    }

    @Test
    void aMajorPowerIsDeclaredByAFlagThatMustBeTrueOrFalse() throws Exception {
        Scenario s = bind("""
                name: test
                days: 10
                countries:
                  - id: USA
                    majorPower: true
                  - id: PER
                """);
        assertTrue(s.countries().get(0).majorPower());
        assertFalse(s.countries().get(1).majorPower(), "a country is not a major power unless declared one");

        List<Problem> problems = problems("""
                name: test
                days: 10
                countries:
                  - id: USA
                    majorPower: yes please
                """);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).path().equals("countries[0].majorPower") && problems.get(0).message().contains("true or false"),
                problems::toString);
    }

    @Test
    void valuesOutOfRangeAreReportedWithTheRange() {
        List<Problem> problems = problems("""
                name: test
                days: 0
                countries:
                  - id: PER
                    normAdherence: 1.5
                  - id: MEX
                events:
                  - {day: 0, type: EMBASSY_RAID, actor: PER, target: MEX, severity: 6}
                """);

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "days", 2, 7, "expected a whole number in [1, 100000], found 0");
        assertProblem(problems.get(1), "countries[0].normAdherence", 5, 20, "expected a number in [0, 1], found 1.5");
        assertProblem(problems.get(2), "events[0].severity", 8, 69, "expected a number in [0, 5], found 6");
    }

    @Test
    void unknownCountryIsReportedWhereverItIsNamedWithASuggestion() {
        List<Problem> problems = problems(BASE + """
                relations:
                  - between: [PER, MXE]
                events:
                  - {day: 1, type: ASYLUM_GRANT, actor: VNE, target: PER}
                track: [[PER, MEXX]]
                stop: {when: severed, pair: [PER, COL]}
                """);

        assertEquals(4, problems.size(), problems::toString);
        assertProblem(problems.get(0), "relations[0].between[1]", 8, 20, "unknown country 'MXE': not declared in countries",
                "did you mean 'MEX'?");
        assertProblem(problems.get(1), "events[0].actor", 10, 41, "unknown country 'VNE'", "did you mean 'VEN'?");
        assertProblem(problems.get(2), "track[0][1]", 11, 15, "unknown country 'MEXX'", "did you mean 'MEX'?");
        assertProblem(problems.get(3), "stop.pair[1]", 12, 35, "unknown country 'COL': not declared in countries");
        assertFalse(problems.get(3).message().contains("did you mean"), "no country is near COL");
    }

    @Test
    void duplicateCountryIdIsReportedAtTheSecondOne() {
        Problem p = only(BASE + "  - id: PER\n    name: Peru again\n");

        assertProblem(p, "countries[3].id", 7, 9, "duplicate country id 'PER'");
    }

    @Test
    void aPairOfACountryWithItselfIsRejected() {
        List<Problem> problems = problems(BASE + """
                relations:
                  - between: [PER, PER]
                events:
                  - {day: 1, type: ASYLUM_GRANT, actor: MEX, target: MEX}
                track: [[VEN, VEN]]
                """);

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "relations[0].between", 8, 14, "a pair needs two different countries, found PER twice");
        assertProblem(problems.get(1), "events[0].target", 10, 54, "an event's target must differ from its actor (MEX)");
        assertProblem(problems.get(2), "track[0]", 11, 9, "two different countries");
    }

    @Test
    void pairMustHaveExactlyTwoCountries() {
        Problem p = only(BASE + "track: [[PER, MEX, VEN]]\n");

        assertProblem(p, "track[0]", 7, 9, "expected a pair of two country ids, e.g. [PER, MEX], found 3 items");
    }

    @Test
    void eventDayOutsideTheHorizonIsRejected() {
        List<Problem> problems = problems(BASE.replace("days: 100", "days: 30") + """
                events:
                  - {day: 29, type: COUP, actor: VEN}
                  - {day: 30, type: COUP, actor: VEN}
                  - {day: -1, type: COUP, actor: VEN}
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[1].day", 9, 11, "day 30 is outside the horizon: expected 0..29 (days: 30)");
        assertProblem(problems.get(1), "events[2].day", 10, 11, "expected a whole day within the horizon, 0..29 (days: 30), found -1");
        List<Problem> fraction = problems(BASE.replace("days: 100", "days: 30") + """
                events:
                  - {day: 2.5, type: COUP, actor: VEN}
                relations:
                  - {between: VEN-PER}
                """);
        assertProblem(fraction.get(0), "events[0].day", 8, 11, "expected a whole day within the horizon, 0..29 (days: 30), found 2.5");
        assertTrue(fraction.stream().anyMatch(x -> x.message().equals("expected a list of two country ids, found 'VEN-PER';"
                + " write [VEN, PER]")), fraction::toString);
    }

    static Stream<EventType> domesticTypes() {
        return Arrays.stream(EventType.values()).filter(EventType::domestic);
    }

    static Stream<EventType> bilateralTypes() {
        return Arrays.stream(EventType.values()).filter(t -> !t.domestic());
    }

    @ParameterizedTest
    @MethodSource("domesticTypes")
    void domesticEventTakesNoTarget(EventType type) {
        Problem p = only(BASE + "events:\n  - {day: 1, type: " + type + ", actor: VEN, target: PER}\n");

        assertProblem(p, "events[0].target", 8, 42 + type.name().length(),
                type + " is a domestic event and takes no target");
    }

    @ParameterizedTest
    @MethodSource("bilateralTypes")
    void bilateralEventNeedsATarget(EventType type) {
        String extra = type == EventType.CUSTOM ? ", gamma: -3" : "";
        Problem p = only(BASE + "events:\n  - {day: 1, type: " + type + ", actor: VEN" + extra + "}\n");

        assertProblem(p, "events[0].target", 8, 5, "required field is missing", type + " needs a target country");
    }

    @Test
    void malformedDateIsRejected() {
        Problem p = only(BASE + "start: 2025-13-45\n");

        assertProblem(p, "start", 7, 8, "no such day: '2025-13-45' (a date as YYYY-MM-DD that the calendar has)");
        // the shape right and the day missing from the calendar: said so, not "expected YYYY-MM-DD"
        assertProblem(only(BASE + "start: 2023-02-29\n"), "start", 7, 8, "no such day: '2023-02-29'");
        assertProblem(only(BASE + "start: 3 November 2025\n"), "start", 7, 8, "expected a date as YYYY-MM-DD, found '3 November 2025'");
    }

    @Test
    void yamlSyntaxErrorGivesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: test\ndays: [1, 2\ncountries:\n  - id: PER\n");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file, List.of()));

        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertEquals(file.toString(), p.source());
        assertEquals(3, p.line(), "the flow sequence opened on line 2 is found unclosed on line 3");
        assertTrue(p.column() > 0);
        assertTrue(p.message().startsWith("not valid YAML: "), p.message());
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
    }

    @Test
    void aFieldIndentedOutOfLineIsSaidToBeAnIndentationSlip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("indent.yaml");
        Files.writeString(file, """
                name: test
                days: 10
                countries: [{id: RED}, {id: BLU}]
                events:
                  - day: 0
                    type: BORDER_INCIDENT
                  actor: RED
                    target: BLU
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file, List.of()));
        Problem p = e.problems().get(0);
        assertEquals(7, p.line(), e.getMessage());
        assertTrue(p.message().startsWith("not valid YAML: ") && p.message().contains("(most often the indentation of line 7 or"
                + " of the line above it: YAML reads nesting from the spaces a line begins with"), p.message());
    }

    @Test
    void aTabIndentIsNamedWhereItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tabbed.yaml");
        Files.writeString(file, "name: test\ndays: 10\ncountries:\n\t- id: PER\n");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(file, List.of()));

        Problem p = e.problems().get(0);
        assertEquals(4, p.line(), "the tab's line, not the end of the line before it");
        assertEquals(1, p.column());
        assertTrue(p.message().contains("found a tab") && p.message().contains("indent with spaces, not tabs"), p.message());
        assertFalse(p.message().contains("(TAB)"), p.message());
    }

    @Test
    void jsonSyntaxErrorGivesLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("s.json", "{\"name\": \"test\",\n \"days\": 3,,\n}", true));

        Problem p = e.problems().get(0);
        assertEquals(2, p.line());
        assertEquals(12, p.column());
        assertTrue(p.message().startsWith("not valid JSON: Unexpected character (','"), p.message());
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("test.yaml", BASE + "days: 200\n", false));

        assertProblem(e.problems().get(0), "days", 7, 1, "duplicate key 'days'");
        // a nested key is named by its whole path
        InvalidInputException nested = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("test.yaml", "name: x\ncountries:\n  - id: A\n    hawkishness: 3\n    hawkishness: 2\n", false));
        assertProblem(nested.problems().get(0), "countries[0].hawkishness", 5, 5, "duplicate key 'hawkishness'");
    }

    @Test
    void aPatternNameUsedTwiceInAFileIsRefused() {
        // the calibration's tables in and out of sample are keyed by case and pattern: one of the two would vanish
        List<Problem> p = problems(BASE + """
                track: [[PER, MEX]]
                expect:
                  patterns:
                    - { name: down, pair: [PER, MEX], reaches: DOWNGRADED, probability: { min: 0.5 } }
                    - { name: down, pair: [PER, MEX], reaches: SEVERED, probability: { max: 0.2 } }
                """);
        assertEquals(1, p.size(), p::toString);
        assertProblem(p.get(0), "expect.patterns[1].name", 11, 15, "the pattern name 'down' is used twice in this file");
    }

    @Test
    void jsonSyntaxErrorsSpeakTheUsersLanguageNotTheParsers() {
        InvalidInputException nan = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("n.json", "{\"name\":\"x\",\"countries\":[{\"id\":\"A\",\"sovereignty\":NaN}]}", true));
        String m = nan.problems().get(0).message();
        assertTrue(m.startsWith("not valid JSON: Non-standard token 'NaN'") && !m.contains("enable") && !m.contains("Feature"), m);
        InvalidInputException cut = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("t.json", "{\"name\":\"x\",\"countries\":[{\"id\":\"A\"}]", true));
        String c = cut.problems().get(0).message();
        assertTrue(c.contains("(opened at line 1, column 1)") && !c.contains("Source") && !c.contains("REDACTED"), c);
    }

    @Test
    void emptyFileAndAFileThatIsNotAMappingAreRejected() {
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("test.yaml", "# nothing here\n", false));
        assertEquals("test.yaml: the file is empty", empty.getMessage());

        assertProblem(only("- id: PER\n"), "", 1, 1, "expected a mapping (key: value lines), found a list");
    }

    @Test
    void fileNameMustSayYamlOrJsonAndTheFileMustExist(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("scenario.txt"), BASE);
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.read(text, List.of()));
        assertEquals(text + ": expected a .yaml, .yml or .json file", wrong.getMessage());

        Path missing = dir.resolve("missing.yaml");
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> ScenarioReader.read(missing, List.of()));
        assertEquals(missing + ": no such file", none.getMessage());
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        List<Problem> problems = problems("description: nothing else\n");

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "name", 1, 1, "required field is missing");
        assertProblem(problems.get(1), "days", 1, 1, "required field is missing", "a whole number in [1, 100000]");
        assertProblem(problems.get(2), "countries", 1, 1, "required field is missing", "a list of countries");
    }

    @Test
    void requiredFieldGivenAsNullIsMissingAndCountriesMustNotBeEmpty() {
        List<Problem> problems = problems("name: test\ndays:\ncountries: []\n");

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "days", 2, 6, "required field is missing");
        assertProblem(problems.get(1), "countries", 3, 12, "expected at least one country");
    }

    @Test
    void countryWithoutIdAndBadIdsAreRejected() {
        List<Problem> problems = problems("""
                name: test
                days: 10
                countries:
                  - name: Peru
                  - id: PE-R
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "countries[0].id", 4, 5, "required field is missing", "a country id such as PER");
        assertProblem(problems.get(1), "countries[1].id", 5, 9, "expected letters, digits and '_'", "found 'PE-R'");
    }

    @Test
    void scenarioNameIsLettersDigitsDashesAndUnderscores() {
        assertProblem(only(BASE.replace("name: test", "name: my test")), "name", 1, 7,
                "expected letters, digits, '-' and '_' only, found 'my test'");
    }

    @Test
    void customFieldsAreOnlyForCustomEvents() {
        List<Problem> problems = problems(BASE + """
                events:
                  - day: 1
                    type: ASYLUM_GRANT
                    actor: MEX
                    target: PER
                    label: asylum
                    gamma: -9
                    interference: false
                    normBreaking: true
                """);

        assertEquals(4, problems.size(), problems::toString);
        int line = 12;
        for (String field : List.of("label", "gamma", "interference", "normBreaking")) {
            Problem p = problems.stream().filter(x -> x.path().equals("events[0]." + field)).findFirst().orElseThrow();
            assertProblem(p, "events[0]." + field, line++, field.length() + 7,
                    "'" + field + "' is only for CUSTOM events; ASYLUM_GRANT has its own weight and flags");
        }
    }

    @Test
    void aCustomEventMayBeArmedAndABorderIncidentIsByType() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -8, armed: true}
                  - {day: 2, type: CUSTOM, actor: MEX, target: PER, gamma: -3}
                  - {day: 3, type: BORDER_INCIDENT, actor: MEX, target: PER}
                  - {day: 4, type: EMBASSY_RAID, actor: MEX, target: PER, armed: true}
                """);

        assertEquals(List.of(true, false, true, true), s.events().stream().map(Trigger::armed).toList());
        assertEquals(List.of(false, false, true, false), s.events().stream().map(Trigger::territorial).toList(),
                "armed says nothing of territory");
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: BORDER_INCIDENT, actor: MEX, target: PER, armed: true}
                  - {day: 2, type: EXPEL_DIPLOMATS, actor: MEX, target: PER, armed: true}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -3, armed: yes please}
                """);
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].armed", 8, 69, "'armed' is only for bilateral triggers",
                "BORDER_INCIDENT is armed by its type");
        assertProblem(problems.get(1), "events[1].armed", 9, 69, "EXPEL_DIPLOMATS is not one");
        assertProblem(problems.get(2), "events[2].armed", 10, 71, "expected true or false");
    }

    @Test
    void aCustomEventMayBeTerritorialAndABorderIncidentIsByType() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -3, territorial: true}
                  - {day: 2, type: CUSTOM, actor: MEX, target: PER, gamma: -3}
                  - {day: 3, type: BORDER_INCIDENT, actor: MEX, target: PER}
                  - {day: 4, type: ASYLUM_GRANT, actor: MEX, target: PER}
                  - {day: 5, type: INTERFERENCE_STATEMENT, actor: MEX, target: PER, territorial: true}
                """);

        assertEquals(List.of(true, false, true, false, true), s.events().stream().map(Trigger::territorial).toList());
        assertEquals(EventType.INTERFERENCE_STATEMENT.gamma(), s.events().get(4).gamma(), "its type's weight and flags stay");
        assertTrue(s.events().get(4).interference());
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: BORDER_INCIDENT, actor: MEX, target: PER, territorial: false}
                  - {day: 2, type: RECALL_AMBASSADOR, actor: MEX, target: PER, territorial: true}
                  - {day: 3, type: COUP, actor: MEX, territorial: true}
                """);
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].territorial", 8, 75, "'territorial' is only for bilateral triggers",
                "BORDER_INCIDENT is territorial by its type");
        assertProblem(problems.get(1), "events[1].territorial", 9, 77, "RECALL_AMBASSADOR is not one");
        assertProblem(problems.get(2), "events[2].territorial", 10, 51, "COUP is not one");
        assertProblem(only(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -3, territorial: 1}
                """), "events[0].territorial", 8, 77, "expected true or false, found a number");
    }

    @Test
    void aBilateralTriggerMayCarryTheAnswerItsTargetDeclaredBeforeIt() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -5, declaredAnswer: SEVER_RELATIONS}
                  - {day: 2, type: ASYLUM_GRANT, actor: MEX, target: PER, declaredAnswer: RECALL_AMBASSADOR}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -5}
                """);
        assertEquals(List.of(Optional.of(EventType.SEVER_RELATIONS), Optional.of(EventType.RECALL_AMBASSADOR),
                Optional.empty()), s.events().stream().map(Trigger::declaredAnswer).toList());
        // the resolved scenario of a manifest says it, and says nothing where no answer was declared
        var events = ScenarioJson.toJson(s).get("events");
        assertEquals("SEVER_RELATIONS", events.get(0).get("declaredAnswer").asText());
        assertFalse(events.get(2).has("declaredAnswer"));
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -5, declaredAnswer: DIALOGUE}
                  - {day: 2, type: COUP, actor: MEX, declaredAnswer: SEVER_RELATIONS}
                  - {day: 3, type: CONDEMN, actor: MEX, target: PER, declaredAnswer: PROTEST}
                  - {day: 4, type: CUSTOM, actor: MEX, target: PER, gamma: -5, declaredAnswer: SEVER}
                  - {day: 5, type: SAFE_CONDUCT_GRANTED, actor: MEX, target: PER, declaredAnswer: PROTEST}
                  - {day: 6, type: CUSTOM, actor: MEX, target: PER, gamma: 2, declaredAnswer: PROTEST}
                  - {day: 7, type: CUSTOM, actor: MEX, target: PER, declaredAnswer: PROTEST}
                """);
        assertEquals(7, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].declaredAnswer", 8, 80,
                "DIALOGUE is not an act of the ladder: a declared answer is one of PROTEST | SUMMON_AMBASSADOR | "
                        + "RECALL_AMBASSADOR | EXPEL_DIPLOMATS | SEVER_RELATIONS | SANCTION");
        assertProblem(problems.get(1), "events[1].declaredAnswer", 9, 54, "only for bilateral triggers", "COUP is not one");
        assertProblem(problems.get(2), "events[2].declaredAnswer", 10, 70, "CONDEMN is not one");
        assertProblem(problems.get(3), "events[3].declaredAnswer", 11, 80, "found 'SEVER'; did you mean 'SEVER_RELATIONS'?");
        assertProblem(problems.get(4), "events[4].declaredAnswer", 12, 83, "answers a hostile act", "gamma is 3.0");
        assertProblem(problems.get(5), "events[5].declaredAnswer", 13, 79, "gamma is 2.0");
        // a CUSTOM event without its weight says so once, not twice
        assertEquals("events[6].gamma", problems.get(6).path());
    }

    @Test
    void aHostileBilateralTriggerMayBeItsActorsEnvoysOwnAct() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: INTERFERENCE_STATEMENT, actor: MEX, target: PER, envoy: true}
                  - {day: 2, type: CUSTOM, actor: MEX, target: PER, gamma: -2, envoy: false}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -2}
                """);
        assertEquals(List.of(true, false, false), s.events().stream().map(Trigger::envoy).toList());
        // the resolved scenario says it where it holds and reads back the same
        var events = ScenarioJson.toJson(s).get("events");
        assertTrue(events.get(0).get("envoy").asBoolean());
        assertFalse(events.get(1).has("envoy"));
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: ELECTION, actor: MEX, envoy: true}
                  - {day: 2, type: RECALL_AMBASSADOR, actor: MEX, target: PER, envoy: false}
                  - {day: 3, type: SAFE_CONDUCT_GRANTED, actor: MEX, target: PER, envoy: true}
                  - {day: 4, type: CUSTOM, actor: MEX, target: PER, gamma: 1, envoy: true}
                  - {day: 5, type: CUSTOM, actor: MEX, target: PER, gamma: -1, envoy: yes}
                """);
        assertEquals(5, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].envoy", 8, 49, "only for bilateral triggers", "ELECTION is not one");
        assertProblem(problems.get(1), "events[1].envoy", 9, 71, "RECALL_AMBASSADOR is not one");
        assertProblem(problems.get(2), "events[2].envoy", 10, 74, "hostile act", "gamma is 3.0");
        assertProblem(problems.get(3), "events[3].envoy", 11, 70, "gamma is 1.0");
        assertProblem(problems.get(4), "events[4].envoy", 12, 71, "expected true or false");
    }

    @Test
    void aHostileBilateralTriggerMayLastUntilALaterDayOfTheHorizon() throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, label: crew-held, actor: MEX, target: PER, gamma: -4, lastsUntil: 40}
                  - {day: 2, type: EMBASSY_RAID, actor: MEX, target: PER, lastsUntil: 99}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -2}
                """);
        assertEquals(List.of(40, 99, Trigger.NOT_LASTING), s.events().stream().map(Trigger::lastsUntil).toList());
        var events = ScenarioJson.toJson(s).get("events");
        assertEquals(40, events.get(0).get("lastsUntil").asInt(), "the resolved scenario says it");
        assertFalse(events.get(2).has("lastsUntil"));
        assertEquals(s.events(), bind(ScenarioJson.toJson(s).toString()).events(), "and reads back the same");
        // an act that outlasts the horizon, or a horizon an override shortens, lasts to the horizon's last day
        Scenario beyond = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: -4, lastsUntil: 500}
                  - {day: 99, type: CUSTOM, actor: MEX, target: PER, gamma: -4, lastsUntil: 120}
                """);
        assertEquals(List.of(99, Trigger.NOT_LASTING), beyond.events().stream().map(Trigger::lastsUntil).toList());
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: ELECTION, actor: MEX, lastsUntil: 5}
                  - {day: 2, type: CUSTOM, actor: MEX, target: PER, gamma: 3, lastsUntil: 5}
                  - {day: 9, type: CUSTOM, actor: MEX, target: PER, gamma: -3, lastsUntil: 9}
                  - {day: 9, type: CUSTOM, actor: MEX, target: PER, gamma: -3, lastsUntil: 0}
                  - {day: 9, type: CUSTOM, actor: MEX, target: PER, gamma: -3, lastsUntil: soon}
                """);
        assertEquals(5, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].lastsUntil", 8, 54, "only for bilateral triggers", "ELECTION is not one");
        assertProblem(problems.get(1), "events[1].lastsUntil", 9, 75, "the end of a hostile act", "gamma is 3.0");
        assertProblem(problems.get(2), "events[2].lastsUntil", 10, 76, "the act's last day, 9, is not after its day, 9");
        assertProblem(problems.get(3), "events[3].lastsUntil", 11, 76, "the act's last day, 0, is not after its day, 9");
        assertProblem(problems.get(4), "events[4].lastsUntil", 12, 76, "expected a whole number", "found 'soon'");
    }

    @Test
    void aHostileBilateralTriggerMaySetTheLevelItselfAndAReachesPatternMayNameTheSideWhoseActItCounts()
            throws Exception {
        Scenario s = bind(BASE + """
                events:
                  - {day: 1, type: CUSTOM, label: ambassador-expelled, actor: MEX, target: PER, gamma: -5, setsLevel: DOWNGRADED}
                  - {day: 2, type: EMBASSY_RAID, actor: MEX, target: PER, setsLevel: SEVERED}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -2}
                expect:
                  patterns:
                    - {pair: [PER, MEX], reaches: DOWNGRADED, by: PER, withinDays: 10, probability: {min: 0.5}}
                    - {pair: [PER, MEX], reaches: DOWNGRADED, probability: {min: 0.5}}
                """);
        assertEquals(List.of(Optional.of(Level.DOWNGRADED), Optional.of(Level.SEVERED), Optional.empty()),
                s.events().stream().map(Trigger::setsLevel).toList());
        var events = ScenarioJson.toJson(s).get("events");
        assertEquals("DOWNGRADED", events.get(0).get("setsLevel").asText(), "the resolved scenario says it");
        assertFalse(events.get(2).has("setsLevel"));
        assertEquals(s.events(), bind(ScenarioJson.toJson(s).toString()).events(), "and reads back the same");
        var patterns = s.expect().orElseThrow().patterns();
        assertEquals(Optional.of("PER"), ((Scenario.Reaches) patterns.get(0)).by());
        assertEquals("reaches DOWNGRADED PER-MEX by PER within 10 days", patterns.get(0).name(), "the name says whose act");
        assertEquals(Optional.empty(), ((Scenario.Reaches) patterns.get(1)).by());

        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: ELECTION, actor: MEX, setsLevel: DOWNGRADED}
                  - {day: 2, type: CUSTOM, actor: MEX, target: PER, gamma: 3, setsLevel: DOWNGRADED}
                  - {day: 3, type: CUSTOM, actor: MEX, target: PER, gamma: -3, setsLevel: NORMAL}
                  - {day: 4, type: CUSTOM, actor: MEX, target: PER, gamma: -3, setsLevel: DOWNGRADE}
                expect:
                  patterns:
                    - {pair: [PER, MEX], reaches: DOWNGRADED, by: VEN, probability: {min: 0.5}}
                    - {pair: [PER, MEX], endsAt: {atMost: DOWNGRADED}, by: PER, probability: {min: 0.5}}
                    - {pair: [PER, MEX], reaches: SEVERED, by: CHL, probability: {max: 0.2}}
                """);
        assertEquals(7, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].setsLevel", 8, 53, "only for bilateral triggers", "ELECTION is not one");
        assertProblem(problems.get(1), "events[1].setsLevel", 9, 74, "the level a hostile act itself set", "gamma is 3.0");
        assertProblem(problems.get(2), "events[2].setsLevel", 10, 75, "expected one of DOWNGRADED | SEVERED, found 'NORMAL'",
                "DOWNGRADED for a head of mission expelled");
        assertProblem(problems.get(3), "events[3].setsLevel", 11, 75, "found 'DOWNGRADE'", "did you mean 'DOWNGRADED'?");
        assertProblem(problems.get(4), "expect.patterns[0].by", 14, 51, "'VEN' is not one of the pair PER-MEX",
                "names the side whose act made the fall");
        assertProblem(problems.get(5), "expect.patterns[1].by", 15, 60, "'by' goes with reaches only");
        assertProblem(problems.get(6), "expect.patterns[2].by", 16, 48, "unknown country 'CHL'");
    }

    @Test
    void namesAndLabelsThatReadAsMissingValuesAndAnEmptyTrackAreRefused() {
        List<Problem> problems = problems("""
                name: missing-words
                days: 30
                countries: [{id: RED, name: NA}, {id: BLU, name: "null"}]
                events:
                  - {day: 1, type: CUSTOM, label: None, actor: RED, target: BLU, gamma: -2}
                track: []
                """);
        assertEquals(4, problems.size(), problems::toString);
        assertProblem(problems.get(0), "countries[0].name", 3, 29, "the name 'NA' reads as a missing value in pandas and R");
        assertProblem(problems.get(1), "countries[1].name", 3, 50, "the name 'null'");
        assertProblem(problems.get(2), "events[0].label", 5, 35, "the label 'None' reads as a missing value");
        assertProblem(problems.get(3), "track", 6, 8, "an empty list tracks no pair", "leave track out");
    }

    @Test
    void customEventNeedsItsWeight() {
        List<Problem> problems = problems(BASE + """
                events:
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, gamma: 12}
                  - {day: 1, type: CUSTOM, actor: MEX, target: PER, label: closure}
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].gamma", 8, 60, "expected a number in [-10, 10], found 12");
        assertProblem(problems.get(1), "events[1].gamma", 9, 5, "required field is missing",
                "the event's weight on the Goldstein scale, -10..10");
    }

    @Test
    void governmentTraitsAreOnlyForElectionAndCoup() {
        List<Problem> problems = problems(BASE + """
                events:
                  - day: 1
                    type: DISPUTED_ELECTION
                    actor: VEN
                    ideology: {economic: 0.2}
                    hawkishness: 0.9
                  - {day: 2, type: ELECTION, actor: PER, hawkishness: 1.5, ideology: {economic: -2}}
                """);

        assertEquals(4, problems.size(), problems::toString);
        assertProblem(problems.get(0), "events[0].ideology", 11, 15,
                "'ideology' is only for ELECTION and COUP events (a new government's traits)");
        assertProblem(problems.get(1), "events[0].hawkishness", 12, 18, "'hawkishness' is only for ELECTION and COUP events");
        assertProblem(problems.get(2), "events[1].hawkishness", 13, 55, "expected a number in [0, 1], found 1.5");
        assertProblem(problems.get(3), "events[1].ideology.economic", 13, 81, "expected a number in [-1, 1], found -2");
    }

    @Test
    void relationPairListedTwiceInEitherOrderIsRejected() {
        List<Problem> problems = problems(BASE + """
                relations:
                  - between: [PER, MEX]
                    level: CORDIAL
                  - between: [MEX, PER]
                    level: SEVERED
                  - between: [VEN, MEX]
                  - between: [VEN, MEX]
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(0), "relations[1]", 10, 5, "the pair MEX-PER is listed twice: first as relations[0], line 8");
        assertProblem(problems.get(1), "relations[3]", 13, 5, "the pair VEN-MEX is listed twice: first as relations[2], line 12");
    }

    @Test
    void aThirdCountrysTradeOnAPairIsSaidNotToBeASide() {
        Problem p = only(BASE + """
                relations:
                  - between: [PER, MEX]
                    trade: {PER: 0.1, VEN: 0.2}
                """);
        assertProblem(p, "relations[0].trade.VEN", 9, 23, "VEN is not a side of the pair PER-MEX: a relation's trade names its"
                + " two sides, PER and MEX (list VEN's with its own pair)");
    }

    @Test
    void aTrackOfCountryIdsIsToldItNeedsPairs() {
        Problem p = only(BASE + "track: [PER, MEX]\n");
        assertProblem(p, "track", 7, 8, "expected a list of pairs, found a list of single values; [[PER, MEX]] tracks the pair PER-MEX");
        assertProblem(only(BASE + "track: [PER-MEX, PER-VEN]\n"), "track", 7, 8,
                "write each pair as [A, B]: [[PER, MEX], [PER, VEN]]");
        assertProblem(only(BASE + "track: [PER, PER]\n"), "track", 7, 8, "write each pair as [A, B] inside the list, e.g.");
    }

    @Test
    void relationSidesAreThePairsCountriesWithinZeroAndOne() {
        List<Problem> problems = problems(BASE + """
                relations:
                  - between: [PER, MEX]
                    level: ENEMIES
                    grievance: {PER: 1.5, VEN: 0.2}
                """);

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "relations[0].level", 9, 12, "expected one of SEVERED | DOWNGRADED | NORMAL"
                + " | CORDIAL | ALLIED, found 'ENEMIES'");
        assertProblem(problems.get(1), "relations[0].grievance.PER", 10, 22, "expected a number in [0, 1], found 1.5");
        assertProblem(problems.get(2), "relations[0].grievance.VEN", 10, 27, "VEN is not a side of the pair PER-MEX");
    }

    @Test
    void unknownEventTypeIsReportedWithTheNearestType() {
        Problem p = only(BASE + "events:\n  - {day: 1, type: ASYLUM_GRANTED, actor: MEX, target: PER}\n");

        assertProblem(p, "events[0].type", 8, 20, "found 'ASYLUM_GRANTED'", "did you mean 'ASYLUM_GRANT'?");
        assertTrue(p.message().startsWith("expected one of ASYLUM_GRANT | INTERFERENCE_STATEMENT"), p.message());
    }

    @Test
    void unknownParameterIsReportedWithTheNearestName() {
        Problem p = only(BASE + "parameters:\n  grievanceDecai: 0.05\n");

        assertProblem(p, "parameters.grievanceDecai", 8, 3, "unknown field 'grievanceDecai'",
                "did you mean 'grievanceDecay'?");
    }

    @Test
    void parameterOutsideItsRangeOrOfTheWrongTypeIsRejected() {
        Parameter real = Parameter.GRIEVANCE_DECAY;
        Parameter whole = Parameter.MEMORY;
        Parameter flag = Parameter.MEDIATION;
        List<Problem> problems = problems(BASE + "parameters:\n"
                + "  " + real.key() + ": " + (real.max() + 1) + "\n"
                + "  " + whole.key() + ": 2.5\n"
                + "  " + flag.key() + ": 1\n");

        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems.get(0), "parameters." + real.key(), 8, real.key().length() + 5,
                "expected a number in [" + Fields.fmt(real.min()) + ", " + Fields.fmt(real.max()) + "], found "
                        + (real.max() + 1));
        assertProblem(problems.get(1), "parameters." + whole.key(), 9, whole.key().length() + 5,
                "expected a whole number in [" + (long) whole.min() + ", " + (long) whole.max() + "], found 2.5");
        assertProblem(problems.get(2), "parameters." + flag.key(), 10, flag.key().length() + 5,
                "expected true or false, found a number");
    }

    @Test
    void everyParameterIsReadUnderItsKey() throws Exception {
        StringBuilder yaml = new StringBuilder(BASE + "parameters:\n");
        for (Parameter p : Parameter.values()) {
            String value = switch (p.type()) {
                case BOOLEAN -> p.defaultValue() != 0 ? "false" : "true";
                case INTEGER -> Long.toString((long) p.max());
                case REAL -> Double.toString(p.max());
            };
            yaml.append("  ").append(p.key()).append(": ").append(value).append('\n');
        }

        Parameters read = bind(yaml.toString()).parameters();

        for (Parameter p : Parameter.values()) {
            double expected = p.type() == Parameter.Type.BOOLEAN ? (p.defaultValue() != 0 ? 0 : 1) : p.max();
            assertEquals(expected, read.get(p), p.key());
        }
    }

    @Test
    void stopNeedsAKnownConditionAndForSeveredOrRestoredAPair() {
        assertProblem(only(BASE + "stop: {when: never}\n"), "stop.when", 7, 14,
                "expected severed | restored | quiet, found 'never'");
        assertProblem(only(BASE + "stop: {when: severed}\n"), "stop.pair", 7, 7,
                "required field is missing: stop when severed needs a pair");
        assertProblem(only(BASE + "stop: {pair: [PER, MEX]}\n"), "stop.when", 7, 7, "required field is missing");
    }

    @Test
    void expectBlockErrorsAreEachReportedAtTheirPattern() {
        List<Problem> problems = problems(BASE + """
                expect:
                  patterns:
                    - {pair: [PER, MEX], reaches: SEVERED, restored: true, probability: {min: 0.5}}
                    - {pair: [PER, MEX], reaches: SEVERED, probability: {min: 0.8, max: 0.2}}
                    - {pair: [PER, MEX], reaches: SEVERED, probability: {min: 1.5}}
                    - {pair: [PER, MEX], reaches: SEVERED, probability: {max: -0.1}}
                    - {pair: [PER, MEX], endsAt: {atLeast: NORMAL}, withinDays: 30, probability: {min: 0.5}}
                    - {condemn: VEN, pair: [PER, MEX], count: {min: 3}, probability: {min: 0.5}}
                    - {pair: [PER, MEX], reaches: BROKEN, probability: {min: 0.5}}
                    - {pair: [PER, MEX], probability: {min: 0.5}}
                """);

        assertEquals(8, problems.size(), problems::toString);
        assertProblem(problems.get(0), "expect.patterns[0]", 9, 7,
                "expected exactly one of reaches, endsAt, restored or condemn, found reaches and restored");
        assertProblem(problems.get(1), "expect.patterns[1].probability", 10, 57, "min 0.8 is above max 0.2");
        assertProblem(problems.get(2), "expect.patterns[2].probability.min", 11, 63, "expected a number in [0, 1], found 1.5");
        assertProblem(problems.get(3), "expect.patterns[3].probability.max", 12, 63, "expected a number in [0, 1], found -0.1");
        assertProblem(problems.get(4), "expect.patterns[4].withinDays", 13, 65, "'withinDays' goes with reaches and restored only");
        assertProblem(problems.get(5), "expect.patterns[5].pair", 14, 28, "condemn patterns name a country, not a pair");
        assertProblem(problems.get(6), "expect.patterns[6].reaches", 15, 35,
                "expected one of SEVERED | DOWNGRADED | NORMAL | CORDIAL | ALLIED, found 'BROKEN'");
        assertProblem(problems.get(7), "expect.patterns[7]", 16, 7, "expected one of reaches, endsAt, restored or condemn");
    }

    @Test
    void expectBlockNeedsPatternsAndEachPatternItsParts() {
        assertProblem(only(BASE + "expect: {runs: 50}\n"), "expect.patterns", 7, 9, "required field is missing");
        List<Problem> problems = problems(BASE + """
                expect:
                  runs: 0
                  patterns:
                    - {reaches: SEVERED, withinDays: 101, probability: {}}
                    - {condemn: VEN, probability: {min: 0.5}}
                    - {pair: [PER, MEX], endsAt: {atLeast: ALLIED, atMost: SEVERED}, probability: {min: 0.5}}
                    - {pair: [PER, MEX], restored: true}
                """);

        assertEquals(List.of("expect.runs", "expect.patterns[0].pair", "expect.patterns[0].withinDays",
                "expect.patterns[0].probability", "expect.patterns[1].count", "expect.patterns[2].endsAt",
                "expect.patterns[3].probability"), problems.stream().map(Problem::path).toList());
        assertTrue(problems.get(0).message().contains("expected a whole number in [1, "), problems.get(0).message());
        assertEquals("expected min and/or max", problems.get(3).message());
        assertEquals("expected a whole number in [0, 100], found 101", problems.get(2).message());
        assertEquals("atLeast ALLIED is above atMost SEVERED", problems.get(5).message());
    }

    // ----- bugs: each test states the contract and fails today ------------------------------

    @Test
    void bilateralEventWithANullTargetIsRejected() {
        Problem p = only(BASE + "events:\n  - {day: 1, type: ASYLUM_GRANT, actor: MEX, target: null}\n");

        assertProblem(p, "events[0].target", 8, 5, "ASYLUM_GRANT needs a target country");
    }

    @Test
    void stopWithANullPairIsRejected() {
        Problem p = only(BASE + "stop: {when: severed, pair: null}\n");

        assertProblem(p, "stop.pair", 7, 7, "stop when severed needs a pair");
    }

    @Test
    void repeatedRelationIsReportedAtItsOwnIndex() {
        List<Problem> problems = problems(BASE + """
                relations:
                  - between: [PER, COL]
                  - between: [PER, MEX]
                  - between: [MEX, PER]
                """);

        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(1), "relations[2]", 10, 5, "the pair MEX-PER is listed twice");
    }

    @Test
    void contentAfterTheDocumentIsRejected() {
        String json = "{\"name\": \"test\", \"days\": 3, \"countries\": [{\"id\": \"PER\"}]}\n{\"days\": 4}\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TreeReader.parse("s.json", json, true));
        assertEquals(2, e.problems().get(0).line());

        assertThrows(InvalidInputException.class, () -> TreeReader.parse("s.yaml", BASE + "---\ndays: 5\n", false));
    }

    @Test
    void onlyTrueAndFalseAreBooleans() throws Exception {
        Scenario s = bind("name: test\ndays: 10\ncountries:\n  - id: NO\n    blocs: [ON, Off]\n  - id: PER\n");
        assertEquals("NO", s.countries().get(0).id());
        assertEquals(List.of("ON", "Off"), s.countries().get(0).blocs());

        assertProblem(only(BASE + "parameters: {mediation: yes}\n"), "parameters.mediation", 7, 25,
                "expected true or false, found 'yes'");
    }

    @Test
    void yamlAliasesAreReadAsTheValueTheyNameOrReported() throws Exception {
        Scenario s = bind("""
                name: test
                days: 10
                countries:
                  - {id: PER, blocs: &b [OAS, CAN]}
                  - {id: COL, blocs: *b}
                """);
        assertEquals(List.of("OAS", "CAN"), s.countries().get(1).blocs());

        String scalarAlias = "name: &n test\ndescription: *n\ndays: 10\ncountries: [{id: PER}]\n";
        try {
            assertEquals("test", bind(scalarAlias).description());
        } catch (InvalidInputException e) {
            Problem p = e.problems().get(0);
            assertEquals(2, p.line(), p::toString);
            assertTrue(p.message().contains("*n"), p::toString);
        }
    }

    @Test
    void yamlSyntaxErrorSaysWhatWasExpected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TreeReader.parse("s.yaml", "name: test\ndays: [1, 2\ncountries: 3\n", false));

        assertTrue(e.problems().get(0).message().contains("expected ',' or ']'"), e.getMessage());
    }

    @Test
    void wholeNumbersBeyondTheRangeOfALongAreRejected() {
        assertProblem(only(BASE + "seed: 1e30\n"), "seed", 7, 7, "found 1.0E30");
    }

    // ----- helpers ------------------------------------------------------------------------

    private static Path fixture(String name) throws Exception {
        var url = ScenarioReaderTest.class.getResource("/scenarios/" + name);
        assertTrue(url != null, "missing fixture " + name);
        return Path.of(url.toURI());
    }

    private static Scenario bind(String yaml) throws InvalidInputException {
        return ScenarioReader.bind(TreeReader.parse("test.yaml", yaml, false));
    }

    private static List<Problem> problems(String yaml) {
        return assertThrows(InvalidInputException.class, () -> bind(yaml)).problems();
    }

    private static Problem only(String yaml) {
        List<Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    /** Checks a problem's path, line, column and that its message says each fragment. */
    static void assertProblem(Problem p, String path, int line, int column, String... fragments) {
        assertAll(p.toString(),
                () -> assertEquals(path, p.path(), "path"),
                () -> assertEquals(line, p.line(), "line"),
                () -> assertEquals(column, p.column(), "column"),
                () -> {
                    for (String fragment : fragments) {
                        assertTrue(p.message().contains(fragment), "message should say: " + fragment);
                    }
                });
    }
}

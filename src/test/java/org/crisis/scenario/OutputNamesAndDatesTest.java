package org.crisis.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What check accepts, run can run and write: ids that stay distinct in the output files'
 * column names, dates that stay writable, and --set paths that name one field each.
 */
class OutputNamesAndDatesTest {
    @TempDir
    Path dir;

    private static List<String> problems(String yaml, String... overrides) throws Exception {
        return assertThrows(InvalidInputException.class, () -> {
            Node root = TreeReader.parse("s.yaml", yaml, false);
            Overrides.apply(root, List.of(overrides));
            ScenarioReader.bind(root);
        }).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void idsThatDifferOnlyInCaseAreRefused() throws Exception {
        assertEquals(List.of("s.yaml:5:9: countries[1].id: country id 'red' differs from 'RED' only in case, and output"
                + " columns are lower case (sides_red): give ids that differ in more than case"),
                problems("name: t\ndays: 10\ncountries:\n  - id: RED\n  - id: red\n"));
    }

    @Test
    void pairsWhoseColumnsRunIntoEachOtherAreRefused() throws Exception {
        assertEquals(List.of("s.yaml:3:18: countries[0].id: the pairs A-B_C and A_B-C would share the columns of the"
                + " output files (severed_a_b_c): rename A_B or B_C (ids with '_' can run into each other)"),
                problems("name: t\ndays: 10\ncountries: [{id: A_B}, {id: C}, {id: A}, {id: B_C}]\n"));
        ScenarioReader.bind(TreeReader.parse("s.yaml", "name: t\ndays: 10\ncountries: [{id: A_B}, {id: C}, {id: A}]\n",
                false)); // without B_C nothing collides
    }

    @Test
    void aStartWhoseDatesCannotBeWrittenIsRefused() throws Exception {
        String base = "name: t\ndays: 30\ncountries: [{id: AAA}]\nstart: ";
        assertEquals(List.of("s.yaml:4:8: start: expected a date from 0001-01-01 such that start + days (30) is no later"
                + " than 9999-12-31, found +999999999-12-01"), problems(base + "\"+999999999-12-01\"\n"));
        assertEquals(List.of("s.yaml:4:8: start: expected a date from 0001-01-01 such that start + days (30) is no later"
                + " than 9999-12-31, found 9999-12-15"), problems(base + "9999-12-15\n"));
        ScenarioReader.bind(TreeReader.parse("s.yaml", base + "9999-12-01\n", false));
    }

    @Test
    void setPathsMustNameFieldsAndEachFieldOnce() throws Exception {
        String yaml = """
                name: t
                days: 10
                countries: [{id: RED}, {id: BLU}]
                """;
        String empty = ": empty segment in the path: expected a dotted path of names such as parameters.grievanceDecay"
                + " or countries.PER.sovereignty, found '";
        assertEquals(List.of("--set: ." + empty + ".'", "--set: countries.RED.hawkishness." + empty
                + "countries.RED.hawkishness.'"), problems(yaml, ".=1", "countries.RED.hawkishness.=0.2"));
        assertEquals(List.of("--set: countries.0.hawkishness: sets the same field as countries.RED.hawkishness"
                + " (countries[0].hawkishness); set each field once"),
                problems(yaml, "countries.RED.hawkishness=0.2", "countries.0.hawkishness=0.9"));
        assertEquals(List.of("--set: relations.BLU-RED.level: sets the same field as relations.RED-BLU.level"
                + " (relations[BLU-RED].level); set each field once"),
                problems(yaml, "relations.RED-BLU.level=ALLIED", "relations.BLU-RED.level=SEVERED"));
        assertEquals(List.of("--set: countries.BLU.ideology: sets countries[1].ideology, which holds"
                + " countries[1].ideology.economic, set by countries.1.ideology.economic; set each field once"),
                problems(yaml, "countries.1.ideology.economic=0.5", "countries.BLU.ideology={}"));
    }

    @Test
    void theReaderAppliesTheChecksToFilesAsCheckAndRunDo() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "name: t\ndays: 10\ncountries:\n  - id: RED\n  - id: red\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioReader.read(f, List.of()));
        assertEquals(f + ":5:9: countries[1].id: country id 'red' differs from 'RED' only in case, and output"
                + " columns are lower case (sides_red): give ids that differ in more than case", e.getMessage());
    }

    @Test
    void idsThatSpreadsheetsReadAsMissingAreRefused() throws Exception {
        // pandas.read_csv and R's read.csv read NA (Namibia's alpha-2 code), None, null and NaN as missing values
        assertEquals(List.of("s.yaml:3:18: countries[0].id: country id 'NA' reads as a missing value in pandas and R, so the"
                + " output files would lose it: give another (ISO 3166 alpha-3 recommended, e.g. NAM for Namibia)"),
                problems("name: t\ndays: 30\ncountries: [{id: NA}, {id: ZAF}]\n"));
        for (String id : List.of("None", "null", "NaN", "nan", "NULL")) {
            assertEquals(1, problems("name: t\ndays: 30\ncountries: [{id: " + id + "}, {id: ZAF}]\n").size(), id);
        }
        // as written: pandas keeps "Nan" and "NONE", so they stay ids (the scenario then fails on its other problem only)
        assertEquals(List.of("s.yaml:2:7: days: expected a whole number in [1, 100000], found 0"),
                problems("name: t\ndays: 0\ncountries: [{id: Nan}, {id: NONE}]\n"));
    }

    @Test
    void aPairTrackedTwiceIsRefused() throws Exception {
        // either order: the output files would get the same columns twice (severed_red_blu and severed_red_blu)
        assertEquals(List.of("s.yaml:4:21: track[1]: the pair BLU-RED is tracked twice"),
                problems("name: t\ndays: 30\ncountries: [{id: RED}, {id: BLU}]\ntrack: [[RED, BLU], [BLU, RED]]\n"));
    }

    @Test
    void aNameTooLongForItsResultsDirectoryIsRefused() throws Exception {
        String name = "b".repeat(230);
        assertEquals(List.of("s.yaml:1:7: name: a name of 230 characters; at most 200 (it names the results directory,"
                + " and file names have a length limit)"), problems("name: " + name + "\ndays: 30\ncountries: [{id: RED}]\n"));
    }

    @Test
    void aWholeNumberBeyondALongIsRefusedAsWrittenNotWrappedRound() throws Exception {
        // -2^63 - 1 once became 2^63 - 1: a seed that silently changed sign
        assertEquals(List.of("--set: seed: expected a whole number in [-9223372036854775808, 9223372036854775807], found"
                + " -9223372036854775809"), problems("name: t\ndays: 30\ncountries: [{id: RED}]\n", "seed=-9223372036854775809"));
        assertEquals(List.of("s.yaml:3:7: seed: expected a whole number in [-9223372036854775808, 9223372036854775807], found"
                + " 18446744073709551615"), problems("name: t\ndays: 30\nseed: 18446744073709551615\ncountries: [{id: RED}]\n"));
    }
}

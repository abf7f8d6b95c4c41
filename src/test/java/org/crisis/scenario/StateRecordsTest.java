package org.crisis.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states' records in the case library (StateRecords): the shipped table is the library's
 * as it stands, and a state's record counts only the crises whose outcome was known by a scenario's start,
 * drawn towards the library's share; theoretical cases lend no record.
 */
class StateRecordsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedTableIsTheLibrarysAsItStands() throws Exception {
        List<String> made = StateRecords.lines(StateRecords.fromCases(Path.of("scenarios/cases")));
        List<String> shipped = Files.readAllLines(Path.of("src/main/resources/state-records.csv"), StandardCharsets.UTF_8);
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Path.of("src/main/resources/state-records.csv")))), StateRecords.shipped().sha256(),
                "the table's hash, as manifests name it");
        assertEquals(made, shipped, "the case library changed: remake the table with "
                + "java -cp target/crisis.jar org.crisis.scenario.StateRecords scenarios/cases src/main/resources/state-records.csv");
    }

    @Test
    void aRecordCountsTheCrisesBeforeTheStartDrawnTowardsTheLibrarysShare() throws Exception {
        // AAA fell in two crises (1990, 2000) and not in one (2010); BBB, in one of three; CCC in none of two
        StateRecords r = new StateRecords(StateRecords.parse(List.of(StateRecords.HEADER,
                "AAA,1990-01-01,1990-01-01,a,1", "AAA,2000-01-01,2000-01-01,b,1", "AAA,2010-01-01,2010-01-01,c,0",
                "BBB,1990-01-01,1990-01-01,a,1", "BBB,2000-01-01,2000-01-01,b,0", "BBB,2010-01-01,2010-01-01,c,0",
                "CCC,1995-01-01,1995-01-01,d,0", "CCC,2005-01-01,2005-01-01,e,0")));
        double s = 3 / 8.0;
        assertEquals(s, r.share(), 1e-12);
        double k = StateRecords.PRIOR_CRISES;
        // before 2005: AAA two of two, CCC none of one
        assertEquals((2 + s * k) / (2 + k) - s, r.shift("AAA", Optional.of(LocalDate.of(2005, 1, 1))), 1e-12);
        assertEquals((0 + s * k) / (1 + k) - s, r.shift("CCC", Optional.of(LocalDate.of(2004, 12, 31))), 1e-12);
        // a crisis known on the day counts; one known the day after does not
        assertEquals((2 + s * k) / (3 + k) - s, r.shift("AAA", Optional.of(LocalDate.of(2010, 1, 1))), 1e-12);
        assertEquals((2 + s * k) / (2 + k) - s, r.shift("AAA", Optional.of(LocalDate.of(2009, 12, 31))), 1e-12);
        assertEquals(0, r.shift("AAA", Optional.of(LocalDate.of(1989, 12, 31))), 1e-12);
        // no start, or a state the library does not name: no record
        assertEquals(0, r.shift("AAA", Optional.empty()));
        assertEquals(0, r.shift("ZZZ", Optional.of(LocalDate.of(2020, 1, 1))));
    }

    @Test
    void aFallCountsFromTheDayItWasKnownAndAHoldFromTheEnd() {
        // DDD's relations fell within the first week of a crisis of 2020-2023, and held in one of 2021-2022
        StateRecords r = new StateRecords(StateRecords.parse(List.of(StateRecords.HEADER,
                "DDD,2020-01-09,2023-01-01,long,1", "DDD,2022-01-01,2022-01-01,held,0", "EEE,2010-01-01,2010-01-01,x,1")));
        double s = 2 / 3.0;
        double k = StateRecords.PRIOR_CRISES;
        assertEquals(0, r.shift("DDD", Optional.of(LocalDate.of(2020, 1, 8))), 1e-12, "the fall not yet known");
        assertEquals((1 + s * k) / (1 + k) - s, r.shift("DDD", Optional.of(LocalDate.of(2020, 1, 9))), 1e-12,
                "the fall known from the day after its window, long before the crisis ended");
        assertEquals((1 + s * k) / (1 + k) - s, r.shift("DDD", Optional.of(LocalDate.of(2021, 12, 31))), 1e-12,
                "the held crisis not yet over");
        assertEquals((1 + s * k) / (2 + k) - s, r.shift("DDD", Optional.of(LocalDate.of(2022, 1, 1))), 1e-12);
        for (String row : List.of("DDD,2023-01-02,2023-01-01,long,1", "DDD,2020-01-09,2023-01-01,long")) {
            assertThrows(IllegalStateException.class, () -> StateRecords.parse(List.of(StateRecords.HEADER, row)), row);
        }
    }

    @Test
    void theTableIsMadeFromThePatternsThatSayAPairFell() throws Exception {
        Files.writeString(dir.resolve("one.yaml"), """
                name: one
                start: 2001-02-03
                days: 30
                countries: [{id: ABC}, {id: BBB}, {id: CCC}, {id: XRD}]
                events: [{day: 0, type: BORDER_INCIDENT, actor: BBB, target: ABC}]
                expect:
                  patterns:
                    - {name: later, pair: [ABC, BBB], reaches: SEVERED, withinDays: 20, probability: {min: 0.3}}
                    - {name: fell, pair: [ABC, BBB], reaches: DOWNGRADED, withinDays: 8, probability: {min: 0.5}}
                    - {name: severed, pair: [ABC, BBB], reaches: SEVERED, probability: {min: 0.3}}
                    - {name: not-at-once, pair: [ABC, BBB], reaches: DOWNGRADED, withinDays: 2, probability: {max: 0.3}}
                    - {name: kept, pair: [ABC, CCC], reaches: DOWNGRADED, probability: {max: 0.2}}
                    - {name: fictional, pair: [ABC, XRD], reaches: SEVERED, probability: {min: 0.5}}
                """);
        Files.writeString(dir.resolve("null.yaml"), """
                name: null-case
                start: 2001-01-01
                days: 30
                countries: [{id: ABC}, {id: CCC}]
                events: []
                expect:
                  patterns:
                    - {name: kept, pair: [ABC, CCC], reaches: DOWNGRADED, probability: {max: 0.2}}
                """);
        Files.writeString(dir.resolve("two.yaml"), """
                name: two
                days: 30
                countries: [{id: AAA}, {id: BBB}]
                events: [{day: 0, type: BORDER_INCIDENT, actor: BBB, target: AAA}]
                expect:
                  patterns:
                    - {name: fell, pair: [AAA, BBB], reaches: SEVERED, probability: {min: 0.5}}
                """);
        Files.writeString(dir.resolve("three.yaml"), """
                name: three
                start: 2002-01-01
                days: 30
                countries: [{id: DDD}, {id: EEE}]
                events: [{day: 0, type: BORDER_INCIDENT, actor: DDD, target: EEE}]
                expect:
                  patterns:
                    - {name: fell-by-the-last-day, pair: [DDD, EEE], reaches: DOWNGRADED, withinDays: 30, probability: {min: 0.5}}
                """);
        assertEquals(List.of(StateRecords.HEADER, "ABC,2001-02-12,2001-03-05,one,1", "BBB,2001-02-12,2001-03-05,one,1",
                "CCC,2001-03-05,2001-03-05,one,0", "DDD,2002-01-31,2002-01-31,three,1", "EEE,2002-01-31,2002-01-31,three,1"),
                StateRecords.lines(StateRecords.fromCases(dir)), "a crisis ends the day after its last (start + days); a fall is"
                        + " known the day after the shortest window that records it closes (ABC-BBB fell within 8 days, before the"
                        + " rupture's 20 and the one without a window), but never after the crisis's end (DDD-EEE's"
                        + " window of all 30 days closes with it), a hold at the end; a case without a start date or"
                        + " without an event, and a fictional state, lend no record");
    }

    @Test
    void underTheCandidateRuleAScriptedRecallIsAFallOfBothKnownTheDayAfter(@TempDir Path dir) throws Exception {
        // the calibration record's hundred-and-tenth round: a file that scripts the recall writes no pattern for it
        Files.writeString(dir.resolve("recall.yaml"), """
                name: recall
                start: 2010-03-04
                days: 180
                countries: [{id: TUR}, {id: USA}, {id: AZE}]
                events:
                  - {day: 0, type: BORDER_INCIDENT, actor: USA, target: TUR}
                  - {day: 2, type: RECALL_AMBASSADOR, actor: TUR, target: USA}
                expect:
                  patterns:
                    - {name: no-rupture, pair: [TUR, USA], reaches: SEVERED, probability: {max: 0.1}}
                    - {name: aze-kept, pair: [AZE, USA], reaches: DOWNGRADED, probability: {max: 0.2}}
                """);
        assertEquals(List.of(StateRecords.HEADER, "AZE,2010-08-31,2010-08-31,recall,0", "TUR,2010-08-31,2010-08-31,recall,0",
                "USA,2010-08-31,2010-08-31,recall,0"), StateRecords.lines(StateRecords.fromCases(dir)),
                "the shipped rule reads only the patterns: the relations held");
        assertEquals(List.of(StateRecords.HEADER, "AZE,2010-08-31,2010-08-31,recall,0", "TUR,2010-03-07,2010-08-31,recall,1",
                "USA,2010-03-07,2010-08-31,recall,1"), StateRecords.lines(StateRecords.fromCases(dir, true)),
                "with scripted falls the recall's two parties fell, known the day after it; a third state named in a"
                        + " pattern keeps its hold");
    }

    @Test
    void underTheCandidateRuleOnlyListedStatesFallAndAPatternsEarlierDayStands(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("expel.yaml"), """
                name: expel
                start: 2011-01-01
                days: 90
                countries: [{id: SDN}, {id: CAN}, {id: ETH}, {id: AAA}]
                events:
                  - {day: 0, type: EXPEL_DIPLOMATS, actor: SDN, target: CAN}
                  - {day: 5, type: SEVER_RELATIONS, actor: ETH, target: CAN}
                  - {day: 6, type: SEVER_RELATIONS, actor: AAA, target: SDN}
                  - {day: 7, type: BORDER_INCIDENT, actor: SDN, target: CAN}
                expect:
                  patterns:
                    - {name: no-rupture, pair: [CAN, SDN], reaches: SEVERED, probability: {max: 0.1}}
                    - {name: aaa-sdn, pair: [AAA, SDN], reaches: SEVERED, probability: {max: 0.1}}
                """);
        Files.writeString(dir.resolve("sever.yaml"), """
                name: sever
                start: 2012-01-01
                days: 60
                countries: [{id: GTM}, {id: MEX}]
                events:
                  - {day: 10, type: SEVER_RELATIONS, actor: GTM, target: MEX}
                expect:
                  patterns:
                    - {name: fell-on-day-0, pair: [GTM, MEX], reaches: DOWNGRADED, withinDays: 0, probability: {min: 0.5}}
                """);
        assertEquals(List.of(StateRecords.HEADER, "CAN,2011-01-02,2011-04-01,expel,1", "GTM,2012-01-02,2012-03-01,sever,1",
                "MEX,2012-01-02,2012-03-01,sever,1", "SDN,2011-01-02,2011-04-01,expel,1"),
                StateRecords.lines(StateRecords.fromCases(dir, true)),
                "an expulsion is a fall of both parties; ETH, named in no pattern, gets no row though it severed; the"
                        + " fictional AAA lends none; a pattern that dates the fall before the scripted act keeps its day");
    }

    @Test
    void theTableMakerRefusesBadInputWithStatusTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path table = dir.resolve("t.csv");
        assertEquals(2, StateRecords.run(new String[] {dir.resolve("none").toString(), table.toString()}, o, e));
        assertEquals(2, StateRecords.run(new String[] {dir.toString(), "--scripted-falls", table.toString()}, o, e));
        assertEquals(2, StateRecords.run(new String[] {dir.toString()}, o, e));
        assertEquals("StateRecords: " + dir.resolve("none") + ": no such directory of case files\n"
                + "usage: StateRecords [--scripted-falls] CASES_DIR OUT.csv\n"
                + "usage: StateRecords [--scripted-falls] CASES_DIR OUT.csv\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(false, Files.exists(table), "nothing written on a refusal");
        assertEquals(0, StateRecords.run(new String[] {"--help"}, o, e));
        assertEquals("usage: StateRecords [--scripted-falls] CASES_DIR OUT.csv\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, StateRecords.run(new String[] {dir.toString(), table.toString()}, o, e));
        assertEquals(List.of(StateRecords.HEADER), Files.readAllLines(table), "an empty directory gives the header alone");
    }

    @Test
    void theUserAssignedCodesAreFictional() {
        for (String id : List.of("AAA", "AAZ", "QMA", "QZZ", "XAA", "XRD", "XZZ", "ZZA", "ZZZ")) {
            assertEquals(true, StateRecords.fictional(id), id);
        }
        for (String id : List.of("ABA", "QAT", "QLZ", "YEM", "ZAF", "ZWE", "SUN", "YUG", "XKX", "Qa1", "X12", "ZZ9", "xrd",
                "XRDX")) {
            assertEquals(false, StateRecords.fictional(id), id);
        }
    }

    @Test
    void aScenarioReadsTheShippedRecordsUnlessTheOptionIsOff() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                name: s
                start: 2026-01-01
                days: 30
                countries: [{id: VEN}, {id: USA}, {id: XXX}]
                events: [{day: 0, type: BORDER_INCIDENT, actor: USA, target: VEN}]
                """);
        assertArrayEquals(new double[3], ScenarioReader.read(file, List.of("parameters.recordWeight=0")).recordShifts());
        double[] on = ScenarioReader.read(file, List.of()).recordShifts();
        StateRecords shipped = StateRecords.shipped();
        assertEquals(shipped.shift("VEN", Optional.of(LocalDate.of(2026, 1, 1))), on[0], 1e-15);
        assertEquals(0, on[2], "a state the library does not name");
        assertEquals(true, on[0] > 0 && on[1] < 0, "Venezuela's relations fell more often than the library's share, the"
                + " United States' (a bystander in most cases) less: " + on[0] + ", " + on[1]);
    }

    @Test
    void aStandingWarningThatTheRecordCausesSaysSo() throws Exception {
        // Peru's record stands above the library's share, so some listed grievance against Mexico justifies a
        // rupture with the record and not without it: the warning then names the record as the cause
        Path seed = Path.of("scenarios/peru-mexico-asylum-2025.yaml");
        double shift = ScenarioReader.read(seed, List.of()).recordShifts()[0];
        assertEquals(true, shift > 0, "PER's record: " + shift);
        String found = null;
        for (int i = 20; i <= 80 && found == null; i++) {
            String g = "relations.PER-MEX.grievance.PER=" + i / 100.0;
            List<String> on = ScenarioReader.read(seed, List.of(g)).standingWarnings();
            List<String> off = ScenarioReader.read(seed, List.of(g, "parameters.recordWeight=0")).standingWarnings();
            if (!on.isEmpty() && off.isEmpty()) {
                found = on.get(0);
            } else {
                assertEquals(off.isEmpty(), on.isEmpty(), "a grievance that warns without the record warns with it: " + g);
            }
        }
        assertEquals(true, found != null, "no listed grievance the record alone takes past its level");
        assertEquals(true, found.matches("relations\\[0\\]: PER's grievance 0\\.\\d+ against MEX would justify SEVER_RELATIONS, more"
                + " than DOWNGRADED holds, because of PER's record in the case library's earlier crises.*"), found);
    }
}

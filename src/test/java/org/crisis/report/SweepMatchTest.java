package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching the points of two sweeps by their varied values, as points.csv writes them. */
class SweepMatchTest {
    private static final String PRESSURE = "countries.PER.domesticPressure";
    private static final String GAIN = "parameters.grievanceGain";

    /** A sweep of {@code paths} whose point k has the k-th of {@code values}. */
    private static SweepMatch.Side side(String name, List<String> paths, List<List<String>> values) {
        Map<Integer, List<String>> points = new LinkedHashMap<>();
        for (int k = 0; k < values.size(); k++) {
            points.put(k, values.get(k));
        }
        return new SweepMatch.Side(name, paths, paths.stream().map(SweepResults::columnOf).toList(), points);
    }

    @Test
    void pointsAreMatchedByTheirValuesWhateverTheirNumbersAndTheOrderOfThePaths() throws Exception {
        SweepMatch.Side a = side("A", List.of(PRESSURE, GAIN), List.of(List.of("0.3", "0.12"), List.of("0.3", "0.25"),
                List.of("0.9", "0.12"), List.of("0.9", "0.25")));
        // B varies the same paths the other way round, and has its points in another order
        SweepMatch.Side b = side("B", List.of(GAIN, PRESSURE), List.of(List.of("0.25", "0.9"), List.of("0.12", "0.9"),
                List.of("0.25", "0.3"), List.of("0.12", "0.3")));
        SweepMatch m = SweepMatch.of(a, b);
        assertEquals(List.of(PRESSURE, GAIN), m.paths(), "the first sweep's order");
        assertEquals(List.of("countries_per_domestic_pressure", "parameters_grievance_gain"), m.columns());
        assertEquals(List.of(new SweepMatch.Matched(List.of("0.3", "0.12"), 0, 3), new SweepMatch.Matched(List.of("0.3", "0.25"), 1, 2),
                new SweepMatch.Matched(List.of("0.9", "0.12"), 2, 1), new SweepMatch.Matched(List.of("0.9", "0.25"), 3, 0)),
                m.matched());
        assertTrue(m.onlyA().isEmpty() && m.onlyB().isEmpty());
    }

    @Test
    void pointsOfOneSweepOnlyAreKeptApartAndValuesMatchOnlyAsWritten() throws Exception {
        SweepMatch.Side a = side("A", List.of(PRESSURE), List.of(List.of("0.3"), List.of("0.6"), List.of("0.9")));
        SweepMatch.Side b = side("B", List.of(PRESSURE), List.of(List.of("0.30"), List.of("0.6"), List.of("0.9"), List.of("1")));
        SweepMatch m = SweepMatch.of(a, b);
        assertEquals(List.of(new SweepMatch.Matched(List.of("0.6"), 1, 1), new SweepMatch.Matched(List.of("0.9"), 2, 2)), m.matched());
        assertEquals(List.of(new SweepMatch.Unmatched(List.of("0.3"), 0)), m.onlyA(), "0.3 is not 0.30");
        assertEquals(List.of(new SweepMatch.Unmatched(List.of("0.30"), 0), new SweepMatch.Unmatched(List.of("1"), 3)), m.onlyB());
    }

    @Test
    void aCombinationGivenTwiceIsMatchedOccurrenceByOccurrence() throws Exception {
        // a sampling design over a list of values can give the same values at several points
        SweepMatch.Side a = side("A", List.of("relations.PER-MEX.level"), List.of(List.of("NORMAL"), List.of("DOWNGRADED"),
                List.of("NORMAL"), List.of("NORMAL")));
        SweepMatch.Side b = side("B", List.of("relations.PER-MEX.level"), List.of(List.of("DOWNGRADED"), List.of("NORMAL"),
                List.of("NORMAL")));
        SweepMatch m = SweepMatch.of(a, b);
        assertEquals(List.of(new SweepMatch.Matched(List.of("NORMAL"), 0, 1), new SweepMatch.Matched(List.of("DOWNGRADED"), 1, 0),
                new SweepMatch.Matched(List.of("NORMAL"), 2, 2)), m.matched());
        assertEquals(List.of(new SweepMatch.Unmatched(List.of("NORMAL"), 3)), m.onlyA());
        assertTrue(m.onlyB().isEmpty());
    }

    @Test
    void sweepsOverDifferentPathsAreRefusedNamingThePathsOnEachSide() {
        SweepMatch.Side a = side("results/a", List.of(PRESSURE, GAIN), List.of(List.of("0.3", "0.12")));
        SweepMatch.Side b = side("results/b", List.of(PRESSURE, "parameters.thresholdSever"), List.of(List.of("0.3", "0.46")));
        ReportException e = assertThrows(ReportException.class, () -> SweepMatch.of(a, b));
        assertTrue(e.getMessage().startsWith("results/a and results/b vary different paths"), e.getMessage());
        assertTrue(e.getMessage().contains("results/a varies " + PRESSURE + ", " + GAIN + "; results/b varies " + PRESSURE
                + ", parameters.thresholdSever (only in results/a: " + GAIN + "; only in results/b: parameters.thresholdSever)"),
                e.getMessage());
        // a path more on one side is a difference too
        SweepMatch.Side c = side("results/c", List.of(PRESSURE), List.of(List.of("0.3")));
        ReportException fewer = assertThrows(ReportException.class, () -> SweepMatch.of(a, c));
        assertTrue(fewer.getMessage().contains("(only in results/a: " + GAIN + ")"), fewer.getMessage());
    }

    @Test
    void sweepsThatShareNoPointAreRefused() {
        SweepMatch.Side a = side("results/a", List.of(PRESSURE, GAIN), List.of(List.of("0.3", "0.12"), List.of("0.9", "0.12")));
        SweepMatch.Side b = side("results/b", List.of(GAIN, PRESSURE), List.of(List.of("0.12", "0.35")));
        ReportException e = assertThrows(ReportException.class, () -> SweepMatch.of(a, b));
        assertTrue(e.getMessage().contains("results/a and results/b vary the same paths but share no point"), e.getMessage());
        assertTrue(e.getMessage().contains("the first of results/a: " + PRESSURE + "=0.3, " + GAIN + "=0.12; of results/b: "
                + PRESSURE + "=0.35, " + GAIN + "=0.12"), e.getMessage());
    }

    @Test
    void aCountryByPositionOrARelationEitherWayRoundIsTheSamePath() throws Exception {
        com.fasterxml.jackson.databind.JsonNode scenario = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"countries\": [{\"id\": \"PER\"}, {\"id\": \"MEX\"}]}");
        assertEquals("countries.MEX.hawkishness", SweepMatch.canonical("countries.1.hawkishness", scenario));
        assertEquals("countries.PER.ideology.economic", SweepMatch.canonical("countries.PER.ideology.economic", scenario));
        assertEquals("countries.7.hawkishness", SweepMatch.canonical("countries.7.hawkishness", scenario), "no such country");
        assertEquals("relations.MEX-PER.trade.PER", SweepMatch.canonical("relations.PER-MEX.trade.PER", scenario));
        assertEquals("relations.MEX-PER.level", SweepMatch.canonical("relations.MEX-PER.level", scenario));
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"countries\": [{\"id\": \"PER\"}], \"relations\": [{\"between\": [\"PER\", \"MEX\"]}]}");
        assertEquals("relations.MEX-PER.trade.PER", SweepMatch.canonical("relations.0.trade.PER", listed), "by position");
        assertEquals("relations.3.level", SweepMatch.canonical("relations.3.level", listed), "no such relation");
        assertEquals("events.0.day", SweepMatch.canonical("events.0.day", scenario));

        SweepMatch.Side a = new SweepMatch.Side("results/a", List.of("relations.PER-MEX.trade.PER", "countries.0.hawkishness"),
                List.of("x", "y"), Map.of(0, List.of("0.1", "0.5"), 1, List.of("0.3", "0.5")),
                List.of("relations.MEX-PER.trade.PER", "countries.PER.hawkishness"));
        SweepMatch.Side b = new SweepMatch.Side("results/b", List.of("countries.PER.hawkishness", "relations.MEX-PER.trade.PER"),
                List.of("y", "x"), Map.of(0, List.of("0.5", "0.3")),
                List.of("countries.PER.hawkishness", "relations.MEX-PER.trade.PER"));
        SweepMatch m = SweepMatch.of(a, b);
        assertEquals(1, m.matched().size());
        assertEquals(1, m.matched().get(0).pointA(), "B's point is A's second, its values lined up by path");
        assertEquals(List.of("relations.PER-MEX.trade.PER", "countries.0.hawkishness"), m.paths(), "shown as A wrote them");
    }

    @Test
    void aSweepsOwnPointsAreReadFromItsFiles() throws Exception {
        SweepResults grid = (SweepResults) Results.open(Fixtures.dir("grid"));
        SweepMatch.Side s = SweepMatch.side(grid, SweepComparison.resolved(grid));
        assertEquals(List.of("parameters.grievanceDecay", "countries.PER.hawkishness"), s.paths());
        assertEquals(6, s.points().size());
        assertEquals(List.of("0.01", "0.1"), s.points().get(0));
        assertEquals(List.of("0.03", "0.9"), s.points().get(5));
        SweepMatch m = SweepMatch.of(s, s);
        assertEquals(6, m.matched().size());
        m.matched().forEach(p -> assertEquals(p.pointA(), p.pointB()));
    }
}

package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first reader of a report or of crisis explain stumbled on: charts of values that never
 * vary, lines hidden under identical ones, sweeps drawn in file order, raw JSON in the table of
 * what differs, and cause chains that missed a change of government or a scripted mediation.
 */
class ReadableReportsTest {
    @TempDir
    Path tmp;

    private static String svg(JFreeChart c) {
        return new Svg().render(c, 400, 260, "test");
    }

    /** Tick labels in scientific notation (5E-9, 9E-1): the sign of an axis with no range. */
    private static final Pattern SCIENTIFIC_TICK = Pattern.compile(">-?\\d(\\.\\d+)?E-?\\d+<");

    // ----- values that never vary ------------------------------------------------------------

    @Test
    void constantIsTheOneValueOfEveryFiniteNumber() {
        assertEquals(0.9, ChartStyle.constant(new double[] {0.9, 0.9, Double.NaN}, null, new double[] {0.9}));
        assertTrue(Double.isNaN(ChartStyle.constant(new double[] {0.9, 0.9000001})));
        assertTrue(Double.isNaN(ChartStyle.constant(new double[] {Double.NaN})), "no value at all is not a constant");
    }

    @Test
    void aLineThatNeverVariesSaysSoOnAPlainAxis() {
        double[] x = {1, 2, 3, 4};
        double[] y = {0.9, 0.9, 0.9, 0.9};
        NumberAxis axis = new NumberAxis("mean");
        axis.setAutoRangeIncludesZero(false);
        String drawn = svg(LineCharts.lines("flat", "x", axis, List.of(new LineCharts.Line("", Color.BLUE, x, y, y, y, false)),
                Double.NaN, true));
        assertTrue(drawn.contains("constant: 0.9 in every run with a value"), "subtitle of a flat line");
        assertFalse(SCIENTIFIC_TICK.matcher(drawn).find(), "no tick such as 9E-1");
        assertTrue(axis.getLowerBound() < 0.9 && axis.getUpperBound() > 0.9, "the value sits inside the axis");
        double[] varying = {0.1, 0.5, 0.9, 0.2};
        String normal = svg(LineCharts.lines("varying", "x", new NumberAxis("mean"),
                List.of(new LineCharts.Line("", Color.BLUE, x, varying, null, null, false)), Double.NaN, true));
        assertFalse(normal.contains("constant:"), "only flat data are called constant");
    }

    @Test
    void aFanOfGrievancesAtZeroInEveryRunSaysSo() {
        double[] x = {0, 1, 2};
        double[] zero = {0, 0, 0};
        String drawn = svg(LineCharts.fan("Grievance", "day", "grievance",
                List.of(new LineCharts.Band("A against B", Color.BLUE, x, zero, zero, zero, zero, zero),
                        new LineCharts.Band("B against A", Color.RED, x, zero, zero, zero, zero, zero)), 2));
        assertTrue(drawn.contains("constant: 0 in every run with a value"), "subtitle of a flat fan");
        assertFalse(SCIENTIFIC_TICK.matcher(drawn).find(), "no tick such as 5E-9");
    }

    @Test
    void aLineIdenticalToAnEarlierOneIsDashedAndNamed() {
        double[] x = {0, 10, 20};
        double[] y = {1, 0.6, 0.4};
        String drawn = svg(LineCharts.lines("two sets", "day", new NumberAxis("share"),
                List.of(new LineCharts.Line("A", Color.BLUE, x, y, null, null, false),
                        new LineCharts.Line("B", Color.RED, x, y.clone(), null, null, false)), 20, false));
        assertTrue(drawn.contains("B (same as A)"), "legend of the second line");
        String bands = svg(LineCharts.fan("two sets", "day", "grievance",
                List.of(new LineCharts.Band("A", Color.BLUE, x, y, y, y, null, null),
                        new LineCharts.Band("B", Color.RED, x, y.clone(), y.clone(), y.clone(), null, null)), 20));
        assertTrue(bands.contains("B (same as A)"), "legend of the second band");
        String different = svg(LineCharts.lines("two sets", "day", new NumberAxis("share"),
                List.of(new LineCharts.Line("A", Color.BLUE, x, y, null, null, false),
                        new LineCharts.Line("B", Color.RED, x, new double[] {1, 0.5, 0.4}, null, null, false)), 20, false));
        assertFalse(different.contains("same as"), "lines that differ are not called the same");
    }

    // ----- sweeps: importance first, constants named ------------------------------------------

    private static SweepResults.PointStat point(int p, double value, double mean) {
        return new SweepResults.PointStat(p, new double[] {value}, new String[] {null}, 10, mean, 0.1, mean - 0.05, mean + 0.05);
    }

    @Test
    void explainedIsTheShareOfTheVariationBetweenCells() {
        List<SweepResults.PointStat> decided = List.of(point(0, 1, 0.2), point(1, 1, 0.2), point(2, 2, 0.8), point(3, 2, 0.8));
        assertEquals(1.0, SweepReport.explained(decided, p -> p.values()[0]), 1e-12, "the value alone decides the outcome");
        List<SweepResults.PointStat> none = List.of(point(0, 1, 0.2), point(1, 1, 0.8), point(2, 2, 0.2), point(3, 2, 0.8));
        assertEquals(0.0, SweepReport.explained(none, p -> p.values()[0]), 1e-12, "the same mean in every cell");
        List<SweepResults.PointStat> flat = List.of(point(0, 1, 0.5), point(1, 2, 0.5));
        assertEquals(0.0, SweepReport.explained(flat, p -> p.values()[0]), "an outcome that does not vary");
    }

    /** The grid fixture, where severedPairs is 0 in every run (as daysToSevered:PER-MEX was in a real sweep). */
    @Test
    void aSweepReportNamesConstantOutcomesAndDrawsTheOthersByImportance() throws Exception {
        Path dir = Fixtures.copy("grid", tmp);
        String html = Fixtures.read(Report.write(List.of(dir), ReportOptions.defaults()).html());
        assertTrue(html.contains("Not drawn: severedPairs (constant: 0 in every run with a value)."), "named at the top of the section");
        assertFalse(html.contains("data-chart=\"marginal-severed_pairs-"), "no chart of a constant");
        // outcomes in decreasing order of the eta squared of their first chart
        Matcher m = Pattern.compile("<h3 id=\"outcome-[^\"]*\">([^<]*)</h3>.*?\u03b7\u00b2 = ([0-9.]+)", Pattern.DOTALL)
                .matcher(html.substring(html.indexOf("id=\"marginals\""), html.indexOf("id=\"heatmaps\"")));
        List<Double> first = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        while (m.find()) {
            outcomes.add(m.group(1));
            first.add(Double.parseDouble(m.group(2)));
        }
        assertEquals(4, outcomes.size(), "the four outcomes that vary: " + outcomes);
        List<Double> sorted = new ArrayList<>(first);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, first, "outcomes by importance: " + outcomes);
        String csv = Files.readString(dir.resolve("report-marginals.csv"));
        assertTrue(csv.startsWith("outcome,parameter,bin,x,points,runs,mean,ci95_low,ci95_high,eta2,parameter_column\n"), csv);
        assertTrue(csv.contains("\nsevered_pairs,"), "the CSV keeps every outcome");
    }

    @Test
    void rankingHeadersMayWrapAtDotsAndWordStarts() {
        assertEquals("parameters.\u200bcondemnation\u200bWeight", SweepReport.breakable("parameters.condemnationWeight"));
        assertEquals("countries.\u200bPER.\u200bdomestic\u200bPressure", SweepReport.breakable("countries.PER.domesticPressure"));
    }

    // ----- comparison: what differs, in words --------------------------------------------------

    @Test
    void whatDiffersShowsValuesAsWrittenNotJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode a = (ObjectNode) json.readTree("""
                {"countries": [{"id": "PER", "hawkishness": 0.7, "blocs": ["OAS", "CELAC"]}],
                 "events": [{"day": 0, "type": "ASYLUM_GRANT", "actor": "MEX", "target": "PER", "severity": 1.0, "gamma": -4.0}],
                 "track": [["PER", "MEX"]]}""");
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.withArray("countries").get(0)).put("hawkishness", 0.30).set("blocs",
                json.createArrayNode().add("OAS").add("CELAC").add("PacificAlliance"));
        ((ObjectNode) b.withArray("events").get(0)).put("severity", 1.5);
        ArrayNode events = b.withArray("events");
        events.addObject().put("day", 90).put("type", "ELECTION").put("actor", "PER").put("hawkishness", 0.3)
                .putObject("ideology").put("economic", -0.1);
        ((ArrayNode) b.withArray("track")).addArray().add("PER").add("COL");
        List<String> rows = ScenarioDiff.between(a, b).stream()
                .map(c -> c.path() + ": " + c.before() + " | " + c.after()).toList();
        assertEquals(List.of(
                "countries.PER.hawkishness: 0.7 | 0.3",
                "countries.PER.blocs: OAS, CELAC | OAS, CELAC, PacificAlliance",
                "event on day 0, ASYLUM_GRANT MEX\u2192PER: severity: 1 | 1.5",
                "track: PER-MEX | PER-MEX, PER-COL",
                "event on day 90, ELECTION PER:  | hawkishness 0.3, ideology.economic -0.1"), rows);
        for (String r : rows) {
            assertFalse(r.contains("{") || r.contains("[\"") || r.contains("\""), "no JSON in " + r);
        }
    }

    // ----- crisis explain ----------------------------------------------------------------------

    /**
     * The base fixture, run 0: the restoration PER-MEX on day 120 with no recorded cause (as the
     * model records a move on a new government's own initiative), the day of Peru's scripted
     * ELECTION; and a scripted MEDIATE by VEN naming PER on day 50.
     */
    private Path explainFixture() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path events = dir.resolve("events.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(events));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("0,22,120,2026-03-03,PER,MEX,RESTORE_RELATIONS,6,1,")) {
                lines.set(i, lines.get(i).replaceFirst("^(0,22,120,2026-03-03,PER,MEX,RESTORE_RELATIONS,6,)1,", "$1,"));
            }
        }
        int at = 1;
        while (at < lines.size() && lines.get(at).startsWith("0,") && Integer.parseInt(lines.get(at).split(",")[2]) <= 50) {
            at++;
        }
        lines.add(at, "0,26,50,2025-12-23,VEN,PER,MEDIATE,5,,1,,,26,statement,,0,0,NORMAL,NORMAL");
        Files.write(events, lines);
        Path manifest = dir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ((ArrayNode) m.path("scenario").path("events")).addObject().put("day", 50).put("type", "MEDIATE")
                .put("actor", "VEN").put("target", "PER");
        json.writeValue(manifest.toFile(), m);
        return dir;
    }

    @Test
    void aMoveOnTheDayOfAScriptedChangeOfGovernmentIsPutDownToIt() throws Exception {
        List<String> lines = Explanation.of(explainFixture(), "PER-MEX", 0);
        String text = String.join("\n", lines);
        assertTrue(text.contains("levels: DOWNGRADED at the start \u2192 SEVERED (day 0)"), "the listed level comes first:\n" + text);
        int election = indexOf(lines, "PER  ELECTION  [scripted]");
        int restoration = indexOf(lines, "RESTORE_RELATIONS");
        assertTrue(election >= 0 && restoration == election + 1, "the restoration hangs under the election:\n" + text);
        assertTrue(lines.get(restoration).contains("[cause: the new government of PER (scripted ELECTION that day, #21)]"),
                lines.get(restoration));
        assertFalse(text.contains("standing grievance"), text);
    }

    @Test
    void aScriptedMediationAppearsInExplainAsScripted() throws Exception {
        List<String> lines = Explanation.of(explainFixture(), "PER-MEX", 0);
        int mediation = indexOf(lines, "VEN \u2192 PER  MEDIATE");
        assertTrue(mediation >= 0, String.join("\n", lines));
        assertTrue(lines.get(mediation).contains("[scripted: covers PER's live dispute or worst relation]"), lines.get(mediation));
    }

    @Test
    void aMoveWithoutCauseOnAnotherDayStaysAStandingGrievance() throws Exception {
        Path dir = explainFixture();
        Path events = dir.resolve("events.csv");
        Files.writeString(events, Files.readString(events).replace("0,22,120,2026-03-03,PER,MEX,RESTORE_RELATIONS,6,,1,",
                "0,22,121,2026-03-04,PER,MEX,RESTORE_RELATIONS,6,,1,"));
        String restoration = Explanation.of(dir, "PER-MEX", 0).stream().filter(l -> l.contains("RESTORE_RELATIONS"))
                .findFirst().orElseThrow();
        assertTrue(restoration.contains("[no recorded cause: standing grievance]"), restoration);
    }

    @Test
    void aProtestIsNotAKeyEventButExplainSaysSoAndAllShowsIt() throws Exception {
        Path dir = explainFixture();
        Path events = dir.resolve("events.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(events));
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("0,11,45,")).findFirst().orElseThrow());
        lines.add(at + 1, "0,27,46,2025-12-19,MEX,PER,PROTEST,-2.4,11,1,,,11,response,1,0,0,SEVERED,SEVERED");
        Files.write(events, lines);
        List<String> keys = Explanation.of(dir, "PER-MEX", 0);
        assertEquals(-1, indexOf(keys, "PROTEST"), String.join("\n", keys));
        assertEquals("1 other event concerns the pair (protests, summons, dialogue, third parties' statements): --all shows it too.",
                keys.get(keys.size() - 1));
        List<String> all = Explanation.of(dir, "PER-MEX", 0, true);
        int protest = indexOf(all, "MEX \u2192 PER  PROTEST");
        assertTrue(protest > indexOf(all, "CUSTOM (border-closure)") && all.get(protest).contains("* day  46"),
                "starred, under the closure it answers:\n" + String.join("\n", all));
        assertFalse(String.join("\n", all).contains("--all shows"), "nothing left out");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}

package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep that varies a value given as text (a relation's level) beside a number: its heat map has one column per text. */
class CategoricalSweepTest {
    @TempDir
    Path dir;

    @Test
    void aTextValuedFactorGetsOneHeatMapCellPerValue() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                days: 30
                seed: 5
                countries: [{id: RED}, {id: BLU}, {id: GRN}]
                relations:
                  - between: [RED, BLU]
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: BLU, target: RED}
                """);
        Path sweep = Files.writeString(dir.resolve("sweep.yaml"), """
                scenario: tiny.yaml
                design: grid
                replications: 2
                vary:
                  relations.RED-BLU.level: {values: [NORMAL, ALLIED]}
                  parameters.grievanceDecay: {values: [0.01, 0.05]}
                outcomes: [severed:RED-BLU, polarisation]
                """);
        Path out = dir.resolve("swept");
        assertEquals(0, Main.execute("sweep", sweep.toString(), "--out", out.toString(), "--quiet"));
        Report.Written w = Report.write(List.of(out), ReportOptions.defaults());
        assertEquals("sweep", w.kind());
        List<String> heat = Files.readAllLines(out.resolve("report-heatmaps.csv"));
        String columns = ",relations_red_blu_level,parameters_grievance_decay"; // as runs.csv and points.csv head them
        assertEquals(List.of("outcome,parameter_x,bin_x,parameter_y,bin_y,points,runs,mean,eta2,parameter_x_column,parameter_y_column",
                "severed_red_blu,relations.RED-BLU.level,ALLIED,parameters.grievanceDecay,0.01,1,2,0,0" + columns,
                "severed_red_blu,relations.RED-BLU.level,ALLIED,parameters.grievanceDecay,0.05,1,2,0,0" + columns,
                "severed_red_blu,relations.RED-BLU.level,NORMAL,parameters.grievanceDecay,0.01,1,2,0,0" + columns,
                "severed_red_blu,relations.RED-BLU.level,NORMAL,parameters.grievanceDecay,0.05,1,2,0,0" + columns), heat);
        assertTrue(Files.readAllLines(out.resolve("points.csv")).get(0).startsWith("point,relations_red_blu_level,parameters_grievance_decay,"),
                "the columns to join on");
        String html = Files.readString(w.html());
        // severed is 0 in every run here: its cells are written, its chart replaced by a note that says so
        assertTrue(html.contains("no heat map"), "a constant outcome's heat map is replaced by a note");
        assertFalse(html.contains("heatmap-relations_red_blu_level-parameters_grievance_decay"), "no chart of a constant");
        // the ranking names each point's level as written, in its CSV and its table
        List<String> ranking = Files.readAllLines(out.resolve("report-ranking.csv"));
        assertEquals("rank,point,relations_red_blu_level,parameters_grievance_decay,outcome,n,mean,ci95_low,ci95_high",
                ranking.get(0));
        assertEquals(List.of("ALLIED", "ALLIED", "NORMAL", "NORMAL"), ranking.subList(1, 5).stream()
                .map(r -> r.split(",")[2]).sorted().toList(), ranking.toString());
        String table = html.substring(html.indexOf("Points ranked by"));
        assertTrue(table.contains(">ALLIED<") && table.contains(">NORMAL<"), "the table shows the levels");
    }
    @Test
    void aSharePinnedByTheBaseScenariosLevelIsNotJudgedForPrecisionUnlessTheLevelIsVaried() throws Exception {
        Files.writeString(dir.resolve("pinned.yaml"), """
                name: pinned
                days: 60
                countries: [{id: RED}, {id: BLU}, {id: GRN}]
                relations:
                  - {between: [RED, BLU], level: SEVERED}
                events:
                  - {day: 0, type: ASYLUM_GRANT, actor: GRN, target: RED}
                track: [[RED, BLU], [GRN, RED]]
                """);
        Path fixed = Files.writeString(dir.resolve("fixed.yaml"), """
                scenario: pinned.yaml
                design: grid
                replications: 2
                vary:
                  parameters.grievanceDecay: {values: [0.01, 0.05]}
                outcomes: [severed:RED-BLU, severed:GRN-RED]
                """);
        assertEquals(0, Main.execute("sweep", fixed.toString(), "--out", dir.resolve("fixed-out").toString(), "--quiet"));
        Report.Written w = Report.write(List.of(dir.resolve("fixed-out")), ReportOptions.defaults());
        String precision = Files.readString(dir.resolve("fixed-out/report-precision.csv"));
        assertFalse(precision.contains("severed_red_blu"), precision);
        assertTrue(precision.contains("severed_grn_red"), precision);
        assertTrue(Files.readString(w.html()).contains("Not judged, being fixed by the pair"), "the page says why");
        // the same outcome with the pair's level varied is an estimate again
        Path varied = Files.writeString(dir.resolve("varied.yaml"), """
                scenario: pinned.yaml
                design: grid
                replications: 2
                vary:
                  relations.BLU-RED.level: {values: [SEVERED, NORMAL]}
                outcomes: [severed:RED-BLU]
                """);
        assertEquals(0, Main.execute("sweep", varied.toString(), "--out", dir.resolve("varied-out").toString(), "--quiet"));
        Report.write(List.of(dir.resolve("varied-out")), ReportOptions.defaults());
        assertTrue(Files.readString(dir.resolve("varied-out/report-precision.csv")).contains("severed_red_blu"));
    }
}

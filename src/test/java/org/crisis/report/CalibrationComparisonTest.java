package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.cli.Cli.Outcome;
import org.crisis.io.CsvTable;
import org.crisis.stats.CaseBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crisis report on several calibration directories: each one's held-out rate with its interval
 * by resampling cases, each against the first as a paired difference, the patterns that differ.
 * The fixture's folds.csv holds out 5 patterns of 3 cases (2 pass); the second copy is edited.
 */
class CalibrationComparisonTest {
    @TempDir
    Path tmp;

    private Path copy(String as) {
        return Fixtures.copy("calibration", tmp.resolve(as));
    }

    /** The fixture with a line of its folds.csv replaced. */
    private Path edited(String as, String from, String to) throws Exception {
        Path d = copy(as);
        Path folds = d.resolve("folds.csv");
        String text = Files.readString(folds, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(folds, text.replace(from, to), StandardCharsets.UTF_8);
        return d;
    }

    private static CsvTable<ReportException> table(Path file) throws ReportException {
        return CsvTable.read(file, ReportException::new);
    }

    @Test
    void aPatternGainedOutOfSampleIsCountedPairedAndListed() throws Exception {
        Path a = copy("a");
        Path b = edited("b", "2,case-b,protested-only,out,,0.3,40,40,1,fail", "2,case-b,protested-only,out,,0.3,40,10,0.25,pass");
        Path out = tmp.resolve("cmp");
        Outcome o = crisis("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("calibration comparison report of 2 directories"), o.out());
        CsvTable<ReportException> rates = table(out.resolve("report-calibration-comparison.csv"));
        assertEquals(2, rates.size());
        // both copies have the same name: labelled by their directories
        assertEquals(List.of("calibration", "calibration (2)"), List.of(rates.text(0, rates.column("calibration")),
                rates.text(1, rates.column("calibration"))));
        assertEquals(2, rates.number(0, rates.column("passes")));
        assertEquals(3, rates.number(1, rates.column("passes")));
        assertEquals(5, rates.number(1, rates.column("patterns")));
        assertEquals(0.2, rates.number(1, rates.column("difference")), 1e-9);
        assertEquals(1, rates.number(1, rates.column("gained")));
        assertEquals(0, rates.number(1, rates.column("lost")));
        // paired: cases (a, b, c) with passes (1, 0, 1) against (1, 1, 1) of (2, 1, 2) patterns
        double[] d = CaseBootstrap.difference(new int[] {1, 0, 1}, new int[] {1, 1, 1}, new int[] {2, 1, 2}, 1);
        assertEquals(d[0], rates.number(1, rates.column("difference_low")), 1e-6);
        assertEquals(d[1], rates.number(1, rates.column("difference_high")), 1e-6);
        double[] own = CaseBootstrap.passRate(new int[] {1, 0, 1}, new int[] {2, 1, 2}, 1);
        assertEquals(own[0], rates.number(0, rates.column("low")), 1e-6);
        assertEquals(own[1], rates.number(0, rates.column("high")), 1e-6);
        // the patterns: long form, both calibrations; the page lists only the one that differs
        CsvTable<ReportException> patterns = table(out.resolve("report-calibration-comparison-patterns.csv"));
        assertEquals(10, patterns.size());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("1 of 5 held-out patterns pass in some calibrations and fail in others"), "differing count");
        assertTrue(html.contains("protested-only"));
        assertFalse(html.contains("not-restored</td>"), "a pattern with the same result is not listed");
    }

    /** A calibration with forecasts drawn from its folds' ensembles gives a second row, paired like the others. */
    @Test
    void forecastsDrawnFromTheFoldsEnsemblesAreASecondRowOfTheirCalibration() throws Exception {
        Path a = copy("a");
        Path b = copy("b");
        Path folds = b.resolve("folds.csv");
        List<String> lines = Files.readAllLines(folds, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(lines.get(0)).append(",ensemble_held,ensemble_observed,ensemble_result\n");
        for (String line : lines.subList(1, lines.size())) {
            // drawn from the ensemble, case-b's held-out pattern passes; every other keeps its result
            String[] cell = line.split(",", -1);
            boolean out = cell[3].equals("out");
            String drawn = !out ? ",," : cell[1].equals("case-b") ? "10,0.25,pass" : cell[7] + "," + cell[8] + "," + cell[9];
            text.append(line).append(',').append(drawn).append('\n');
        }
        Files.writeString(folds, text, StandardCharsets.UTF_8);
        Path out = tmp.resolve("cmp");
        Outcome o = crisis("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        CsvTable<ReportException> rates = table(out.resolve("report-calibration-comparison.csv"));
        assertEquals(3, rates.size(), "a, b, and b's drawn forecasts");
        assertEquals("calibration (2)" + CalibrationComparison.DRAWN, rates.text(2, rates.column("calibration")));
        assertEquals(2, rates.number(1, rates.column("passes")), "b at its best sets");
        assertEquals(3, rates.number(2, rates.column("passes")), "b drawn from its ensembles");
        assertEquals(0.2, rates.number(2, rates.column("difference")), 1e-9);
        assertEquals(1, rates.number(2, rates.column("gained")));
        // scored as forecasts: b's held-out shares of 1, 1, 1, 0, 0 against what happened (1, 0, 0, 1, 0) cost 3 of 5;
        // drawn, case-b's 0.25 costs 0.0625 where its 1 cost 1
        assertEquals(0.6, rates.number(1, rates.column("brier")), 1e-9);
        assertEquals(0.4125, rates.number(2, rates.column("brier")), 1e-9);
        assertTrue(rates.number(2, rates.column("auc")) >= 0 && rates.number(2, rates.column("auc")) <= 1);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("2 calibrations compared out of sample"), "two directories, three rows");
    }

    @Test
    void theSameResultsDifferByNothingAndOtherPatternsAreNotPaired() throws Exception {
        Path a = copy("a");
        Path same = copy("same");
        Path fewer = edited("fewer", "3,case-c,not-restored,out,,0.3,40,0,0,pass\n", "");
        Path out = tmp.resolve("cmp");
        Outcome o = crisis("report", a.toString(), same.toString(), fewer.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        CsvTable<ReportException> rates = table(out.resolve("report-calibration-comparison.csv"));
        assertEquals(0, rates.number(1, rates.column("difference")), 0);
        assertEquals(0, rates.number(1, rates.column("difference_low")), 0);
        assertEquals(0, rates.number(1, rates.column("difference_high")), 0);
        assertTrue(Double.isNaN(rates.number(2, rates.column("difference"))), "held out other patterns: not paired");
        assertEquals(4, rates.number(2, rates.column("patterns")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Not paired with the first"), "note");
    }

    @Test
    void calibrationsWithoutFoldsOrBesideRunsAreRefused() throws Exception {
        Path a = copy("a");
        Path noFolds = copy("nofolds");
        Files.delete(noFolds.resolve("folds.csv"));
        Outcome o = crisis("report", a.toString(), noFolds.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("no held-out patterns (folds.csv)") && o.err().contains("--folds"), o.err());
        Outcome mixed = crisis("report", a.toString(), Fixtures.dir("grid").toString(), "--out", tmp.resolve("y").toString());
        assertEquals(2, mixed.status());
        assertTrue(mixed.err().contains("not with runs or sweeps"), mixed.err());
        Outcome missing = crisis("report", a.toString(), tmp.resolve("nowhere").toString(), "--out", tmp.resolve("z").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nowhere: no such directory"), missing.err());
        assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")) || Files.exists(tmp.resolve("z")),
                "nothing written");
    }

    @Test
    void calibrationsOfOneNameAreLabelledByTheirDirectoriesAndOneCaseGivesNoInterval() throws Exception {
        Path before = Files.move(copy("x"), tmp.resolve("before"));
        // one held-out case left (case-a), which gains a pattern
        Path after = edited("y", "1,case-a,no-rupture,out,,0.2,40,40,1,fail", "1,case-a,no-rupture,out,,0.2,40,4,0.1,pass");
        for (Path d : List.of(before, after)) {
            Path folds = d.resolve("folds.csv");
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(folds, StandardCharsets.UTF_8)) {
                if (!line.contains(",out,") || line.contains(",case-a,")) {
                    kept.append(line).append('\n');
                }
            }
            Files.writeString(folds, kept.toString(), StandardCharsets.UTF_8);
        }
        Path after2 = Files.move(after, tmp.resolve("after"));
        Path out = tmp.resolve("cmp");
        Outcome o = crisis("report", before.toString(), after2.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        CsvTable<ReportException> rates = table(out.resolve("report-calibration-comparison.csv"));
        assertEquals(List.of("before", "after"), List.of(rates.text(0, rates.column("calibration")),
                rates.text(1, rates.column("calibration"))));
        assertEquals(0.5, rates.number(1, rates.column("difference")), 1e-9);
        assertTrue(Double.isNaN(rates.number(1, rates.column("difference_low"))), "no interval from one case");
        assertTrue(Double.isNaN(rates.number(0, rates.column("low"))), "nor for a rate");
        assertFalse(Files.readString(out.resolve("report.html")).contains("<tr class=\"sig\""), "nothing marked");
    }

    @Test
    void aGainInEveryCaseIsMarked() throws Exception {
        Path a = copy("a");
        Path b = edited("b", "1,case-a,no-rupture,out,,0.2,40,40,1,fail", "1,case-a,no-rupture,out,,0.2,40,4,0.1,pass");
        for (String[] swap : List.of(new String[] {"2,case-b,protested-only,out,,0.3,40,40,1,fail",
                "2,case-b,protested-only,out,,0.3,40,4,0.1,pass"}, new String[] {"3,case-c,rupture,out,0.4,,40,0,0,fail",
                "3,case-c,rupture,out,0.4,,40,20,0.5,pass"})) {
            Path folds = b.resolve("folds.csv");
            String text = Files.readString(folds, StandardCharsets.UTF_8);
            assertTrue(text.contains(swap[0]), swap[0]);
            Files.writeString(folds, text.replace(swap[0], swap[1]), StandardCharsets.UTF_8);
        }
        Path out = tmp.resolve("cmp");
        assertEquals(0, crisis("report", a.toString(), b.toString(), "--out", out.toString()).status());
        CsvTable<ReportException> rates = table(out.resolve("report-calibration-comparison.csv"));
        assertEquals(0.6, rates.number(1, rates.column("difference")), 1e-9);
        assertTrue(rates.number(1, rates.column("difference_low")) > 0, "every resample gains");
        assertTrue(Files.readString(out.resolve("report.html")).contains("<tr class=\"sig\">"), "the row is marked");
    }
}

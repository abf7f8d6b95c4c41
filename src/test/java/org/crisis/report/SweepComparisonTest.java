package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.crisis.model.Parameter;
import org.crisis.stats.Holm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crisis report A B} on two sweeps run by {@code crisis sweep} through the simulator: the
 * shipped Peru-Mexico scenario, and a variant of it whose rupture threshold
 * ({@code parameters.thresholdSever}) is lower, over the same small grid with the same seed. A
 * lower threshold makes a rupture easier, so the variant must sever Peru and Mexico in more runs,
 * never significantly fewer; the runs must be paired (the same seeds); what comparison-points.csv
 * says must agree with each sweep's own points.csv. A third sweep of the variant with another
 * seed and partly other values is compared unpaired, with its unmatched points listed; sweeps over
 * other paths, or with no point in common, are refused.
 */
class SweepComparisonTest {
    private static final String SCENARIO = "scenarios/peru-mexico-asylum-2025.yaml";
    private static final String FACTORS = "countries_per_domestic_pressure,parameters_grievance_gain";
    private static final String HEADER = FACTORS + ",outcome,n_a,n_b,mean_a,mean_b,difference,ci95_low,ci95_high,p,p_holm,paired,"
            + "test,effect_measure,effect,point_a,point_b,n_pairs";
    private static final int REPLICATIONS = 16;

    @TempDir
    static Path dir;
    static Path base;
    static Path lower;
    static Path otherSeed;
    static Path otherPaths;
    static Path elsewhere;

    /** A grid sweep of {@code scenario}, run into a directory of the same name. */
    private static Path sweep(String name, Path scenario, String seed, int replications, String vary) throws IOException {
        return sweep(name, scenario, seed, replications, vary, "[severed:PER-MEX, lowestLevel:PER-MEX, severedPairs]");
    }

    private static Path sweep(String name, Path scenario, String seed, int replications, String vary, String outcomes)
            throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "scenario: " + scenario.toAbsolutePath() + "\ndesign: grid\nreplications: " + replications
                + "\nseed: " + seed + "\nvary:\n" + vary
                + "outcomes: " + outcomes + "\n");
        Path out = dir.resolve(name);
        Outcome o = crisis("sweep", file.toString(), "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        return out;
    }

    @BeforeAll
    static void runTheSweeps() throws IOException {
        String shipped = Files.readString(Path.of(SCENARIO));
        assertFalse(shipped.contains("\nparameters:"), "the variant adds the scenario's parameters");
        Path variant = dir.resolve("lower-threshold.yaml");
        // the model's default threshold of a rupture is 0.46 (docs/MODEL.md 6.1); 0.3 lets a smaller grievance break ties
        Files.writeString(variant, shipped + "\nparameters:\n  thresholdSever: 0.3\n");
        String grid = "  countries.PER.domesticPressure: { values: [0.3, 0.6, 0.9] }\n"
                + "  parameters.grievanceGain: { values: [0.12, 0.25] }\n";
        base = sweep("base", Path.of(SCENARIO), "11", REPLICATIONS, grid);
        lower = sweep("lower", variant, "11", REPLICATIONS, grid);
        // another seed, and values 0.6 and 0.9 in common with the others, 1 not, the paths the other way round
        otherSeed = sweep("other-seed", variant, "12", 6, "  parameters.grievanceGain: { values: [0.12, 0.25] }\n"
                + "  countries.PER.domesticPressure: { values: [0.6, 0.9, 1] }\n");
        otherPaths = sweep("other-paths", variant, "11", 2, "  countries.PER.domesticPressure: { values: [0.9] }\n"
                + "  parameters.thresholdSever: { values: [0.3] }\n");
        elsewhere = sweep("elsewhere", variant, "11", 2, "  countries.PER.domesticPressure: { values: [0.45] }\n"
                + "  parameters.grievanceGain: { values: [0.12] }\n");
    }

    @Test
    void aDifferenceTheSweepsOverrideIsSaidToHaveNoEffectAndAgreeingPointsAreNotTested() throws Exception {
        // B's scenario differs only in a value both sweeps vary: its runs are A's, replication by replication
        Path pressed = dir.resolve("pressed-scenario.yaml");
        Files.writeString(pressed, Files.readString(Path.of(SCENARIO)).replaceFirst("(?m)^(\\s*)domesticPressure: [0-9.]+",
                "$1domesticPressure: 0.05"));
        assertFalse(Files.readString(pressed).equals(Files.readString(Path.of(SCENARIO))), "the variant changes a pressure");
        Path same = sweep("pressed", pressed, "11", 4, "  countries.PER.domesticPressure: { values: [0.3, 0.9] }\n"
                + "  parameters.grievanceGain: { values: [0.12, 0.25] }\n");
        Path mine = sweep("mine", Path.of(SCENARIO), "11", 4, "  countries.PER.domesticPressure: { values: [0.3, 0.9] }\n"
                + "  parameters.grievanceGain: { values: [0.12, 0.25] }\n");
        Path out = dir.resolve("pressed-cmp");
        Outcome o = crisis("report", mine.toString(), same.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        String text = java.util.regex.Pattern.compile("\\s+").matcher(Files.readString(out.resolve("comparison.html"))
                .replaceAll("<[^>]+>", " ").replace("&#39;", "'")).replaceAll(" ");
        // the shipped file lists Peru first, so the first domesticPressure is Peru's
        assertTrue(text.contains("countries.PER.domesticPressure (varied by the sweeps: no effect) 0.9 0.05"), text);
        assertTrue(text.contains("Every value that differs is varied by the sweeps"), text);
        assertTrue(o.err().contains("which the sweeps vary: no effect on the runs"), o.err());
        assertTrue(text.contains("At every one of the 4 points every replication gave the same value of severed:PER-MEX in A and B"),
                text);
        for (Map<String, String> row : rows(out.resolve("comparison-points.csv"))) {
            assertEquals("", row.get("p_holm"), "a point whose runs agree is left out of Holm's adjustment: " + row);
            assertEquals("4", row.get("n_pairs"), row.toString());
        }
    }

    private static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            out.add(row);
        }
        return out;
    }

    private static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /** A sweep's points.csv rows by their varied values and outcome. */
    private static Map<String, Map<String, String>> points(Path sweep) throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> r : rows(sweep.resolve("points.csv"))) {
            out.put(r.get("countries_per_domestic_pressure") + "," + r.get("parameters_grievance_gain") + "," + r.get("outcome"), r);
        }
        return out;
    }

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLowerRuptureThresholdSeversMoreRunsAtTheSamePointsOnTheSameSeeds() throws Exception {
        Path out = dir.resolve("base-vs-lower");
        Outcome o = crisis("report", base.toString(), lower.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("report: " + out.toAbsolutePath().resolve("comparison.html")), o.out());
        assertEquals(List.of("comparison-differences.csv", "comparison-points.csv", "comparison-unmatched.csv", "comparison.html"),
                listing(out));

        String csv = Files.readString(out.resolve("comparison-points.csv"));
        assertEquals(HEADER, csv.lines().findFirst().orElseThrow());
        List<Map<String, String>> rows = rows(out.resolve("comparison-points.csv"));
        assertEquals(6 * 3, rows.size(), "every matched point and outcome");
        Map<String, Map<String, String>> pointsA = points(base);
        Map<String, Map<String, String>> pointsB = points(lower);
        Set<String> matched = new HashSet<>();
        for (Map<String, String> r : rows) {
            String key = r.get("countries_per_domestic_pressure") + "," + r.get("parameters_grievance_gain") + "," + r.get("outcome");
            matched.add(r.get("countries_per_domestic_pressure") + "," + r.get("parameters_grievance_gain"));
            assertEquals("1", r.get("paired"), "the same seed in every replication: " + r);
            // each sweep's own statistics at the point, as its points.csv writes them
            assertEquals(pointsA.get(key).get("n"), r.get("n_a"), key);
            assertEquals(pointsB.get(key).get("n"), r.get("n_b"), key);
            assertEquals(pointsA.get(key).get("mean"), r.get("mean_a"), key);
            assertEquals(pointsB.get(key).get("mean"), r.get("mean_b"), key);
            assertEquals(r.get("point_a"), pointsA.get(key).get("point"));
            assertEquals(r.get("point_b"), pointsB.get(key).get("point"));
            double p = number(r, "p");
            boolean agree = number(r, "mean_a") == number(r, "mean_b") && number(r, "difference") == 0 && "1".equals(r.get("paired"))
                    && r.get("p_holm").isEmpty();
            if (!Double.isNaN(p) && !agree) {
                assertTrue(p >= 0 && p <= 1 && number(r, "p_holm") >= p && number(r, "p_holm") <= 1, key);
                assertTrue(number(r, "ci95_low") <= number(r, "difference") && number(r, "difference") <= number(r, "ci95_high"), key);
            }
        }
        assertEquals(Set.of("0.3,0.12", "0.3,0.25", "0.6,0.12", "0.6,0.25", "0.9,0.12", "0.9,0.25"), matched);

        List<Map<String, String>> severed = rows.stream().filter(r -> r.get("outcome").equals("severed_per_mex")).toList();
        assertEquals(6, severed.size());
        double total = 0;
        int raised = 0;
        double[] p = new double[severed.size()];
        for (int i = 0; i < severed.size(); i++) {
            Map<String, String> r = severed.get(i);
            assertEquals("McNemar exact", r.get("test"));
            assertEquals(String.valueOf(REPLICATIONS), r.get("n_a"));
            double d = number(r, "difference");
            assertEquals(number(r, "mean_b") - number(r, "mean_a"), d, 1e-6, "every run has a value: B - A of the shares");
            total += d;
            // a point whose runs agree in every replication is left out of Holm's count (its p_holm is empty)
            p[i] = r.get("p_holm").isEmpty() ? Double.NaN : number(r, "p");
            boolean significant = number(r, "p_holm") < 0.05;
            assertFalse(significant && d < 0, "a lower threshold never severs significantly fewer runs: " + r);
            raised += significant && d > 0 ? 1 : 0;
        }
        assertTrue(total > 0, "more runs severed over the grid with a lower threshold");
        assertTrue(raised >= 1, "at some point significantly more, after Holm's adjustment: " + severed);
        // the adjustment is Holm's across the six points of the outcome
        double[] adjusted = Holm.adjust(p);
        for (int i = 0; i < severed.size(); i++) {
            if (!Double.isNaN(p[i])) {
                // p is read as written, to six decimals: the adjustment multiplies its rounding by up to the six points
                assertEquals(adjusted[i], number(severed.get(i), "p_holm"), 3.5e-6, severed.get(i).toString());
            }
        }

        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("B raises severed:PER-MEX at " + raised + " of 6 points (Holm-adjusted p &lt; 0.05)"), html);
        assertTrue(html.contains("At all 6 matched points the two sweeps ran the same seed in each replication"), html);
        assertTrue(html.contains("data-chart=\"difference-severed_per_mex\""), "a heat map of the difference");
        // A ran the shipped scenario at the default θ_5, as the manifest writes it
        String shipped = String.valueOf(Parameter.THRESHOLD_SEVER.defaultValue());
        assertTrue(html.contains(">parameters.thresholdSever</td><td>" + shipped + "</td><td>0.3</td>"), "what differs");
        assertEquals("path,a,b\nparameters.thresholdSever," + shipped + ",0.3\n", Files.readString(out.resolve("comparison-differences.csv")));
        assertEquals(FACTORS + ",sweep,point\n", Files.readString(out.resolve("comparison-unmatched.csv")), "no point left out");
        ReportTest.assertSelfContained(html);
    }

    @Test
    void sweepsOnOtherSeedsAreComparedUnpairedAndTheirOtherPointsListed() throws Exception {
        Path out = dir.resolve("base-vs-other-seed");
        Outcome o = crisis("report", base.toString(), otherSeed.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("2 points of A and 2 of B have no counterpart in the other sweep"), o.err());
        List<Map<String, String>> rows = rows(out.resolve("comparison-points.csv"));
        assertEquals(4 * 3, rows.size(), "pressure 0.6 and 0.9 at both gains");
        for (Map<String, String> r : rows) {
            assertEquals("0", r.get("paired"), r.toString());
            assertEquals("6", r.get("n_b"));
            assertTrue(Set.of("0.6", "0.9").contains(r.get("countries_per_domestic_pressure")), r.toString());
            assertTrue(Set.of("McNemar exact", "Wilcoxon signed-rank").stream().noneMatch(r.get("test")::equals), r.toString());
        }
        // the other sweep's points have the paths the other way round: matched by value all the same
        Map<String, Map<String, String>> pointsB = new HashMap<>();
        for (Map<String, String> r : rows(otherSeed.resolve("points.csv"))) {
            pointsB.put(r.get("countries_per_domestic_pressure") + "," + r.get("parameters_grievance_gain") + "," + r.get("outcome"), r);
        }
        for (Map<String, String> r : rows) {
            String key = r.get("countries_per_domestic_pressure") + "," + r.get("parameters_grievance_gain") + "," + r.get("outcome");
            assertEquals(pointsB.get(key).get("point"), r.get("point_b"), key);
            assertEquals(pointsB.get(key).get("mean"), r.get("mean_b"), key);
        }
        assertEquals(FACTORS + ",sweep,point\n0.3,0.12,A,0\n0.3,0.25,A,1\n1,0.12,B,2\n1,0.25,B,5\n",
                Files.readString(out.resolve("comparison-unmatched.csv")));
        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("At no matched point do the two sweeps run the same seed in every replication"), html);
        assertTrue(html.contains("different master seeds (11 and 12)"), html);
        assertTrue(html.contains("Points in one sweep only"), html);
    }

    @Test
    void sweepsWrittenByDifferentBuildsAreSaidToBe() throws Exception {
        Path rebuilt = dir.resolve("rebuilt");
        try (Stream<Path> files = Files.walk(lower)) {
            for (Path f : files.toList()) {
                Path to = rebuilt.resolve(lower.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path manifest = rebuilt.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"version\" ?: ?\"dev\"",
                "\"version\" : \"0.1.0+0acffeffd04e\""));
        Outcome o = crisis("report", lower.toString(), rebuilt.toString(), "--out", dir.resolve("builds").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("written by different builds (A by crisis dev, B by crisis 0.1.0+0acffeffd04e)"), o.err());
        Outcome same = crisis("report", base.toString(), lower.toString(), "--out", dir.resolve("one-build").toString());
        assertFalse(same.err().contains("different builds"), same.err());
    }

    @Test
    void withoutOutTheComparisonGoesBesideTheFirstSweep() throws Exception {
        Path expected = dir.resolve("compare-base-vs-lower");
        List<String> before = listing(base);
        Outcome o = crisis("report", base.toString(), lower.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.isRegularFile(expected.resolve("comparison.html")), o.out());
        assertTrue(Files.isRegularFile(expected.resolve("comparison-points.csv")));
        assertEquals(before, listing(base), "the sweep's own directory is untouched");
    }

    @Test
    void oneVariedValueIsDrawnAsALineOfTheDifference() throws Exception {
        String one = "  countries.PER.domesticPressure: { values: [0.3, 0.6, 0.9] }\n";
        Path a = sweep("one-a", Path.of(SCENARIO), "3", 4, one);
        Path b = sweep("one-b", dir.resolve("lower-threshold.yaml"), "3", 4, one);
        Path out = dir.resolve("one");
        Outcome o = crisis("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("data-chart=\"difference-severed_per_mex\""));
        assertTrue(html.contains("severed:PER-MEX, B \u2212 A, by PER domesticPressure"), "a line against the value");
        assertEquals("countries_per_domestic_pressure,outcome", Files.readAllLines(out.resolve("comparison-points.csv")).get(0)
                .substring(0, "countries_per_domestic_pressure,outcome".length()));
    }

    @Test
    void daysToAnEventCountOnlyItsRunsAndADifferentHorizonIsSaidToMakeTheSharesUnlike() throws Exception {
        // B runs the same variant over half the year: its shares by the end and its days to a rupture are not A's. At
        // Peru's pressure 0.3 no run breaks, so that point has no day to compare and the day outcome is not alike at every
        // point (at 0.9 every run breaks on the day of the grant, in A and B alike)
        Path shorter = dir.resolve("shorter.yaml");
        Files.writeString(shorter, Files.readString(dir.resolve("lower-threshold.yaml")).replaceFirst("(?m)^days: 365$", "days: 180"));
        String one = "  countries.PER.domesticPressure: { values: [0.3, 0.9] }\n";
        String outcomes = "[severed:PER-MEX, daysToSevered:PER-MEX]";
        Path a = sweep("year", dir.resolve("lower-threshold.yaml"), "5", 8, one, outcomes);
        Path b = sweep("half-year", shorter, "5", 8, one, outcomes);
        Path out = dir.resolve("horizons");
        Outcome o = crisis("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        String text = java.util.regex.Pattern.compile("\\s+").matcher(Files.readString(out.resolve("comparison.html"))
                .replaceAll("<[^>]+>", " ").replace("&#39;", "'")).replaceAll(" ");
        assertTrue(text.contains("A runs 365 days and B 180: shares of events by the end, and days to them, are not like for like"),
                text);
        assertTrue(o.err().contains("A runs 365 days and B 180"), o.err());
        // the premise: no day to compare at 0.3, so the outcome is not alike at every point (if a rupture ever comes there,
        // pick values that keep a point without one)
        List<String> days = Files.readAllLines(out.resolve("comparison-points.csv")).stream()
                .filter(l -> l.startsWith("0.3,days_to_severed_per_mex,")).toList();
        assertEquals(List.of("0,0"), days.stream().map(l -> l.split(",")[2] + "," + l.split(",")[3]).toList(),
                "runs with a day at Peru's pressure 0.3, in A and in B: " + days);
        assertTrue(text.contains("These days count only the runs where the event happened (paired: in both)"), text);
        assertEquals(1, text.split("These days count only", -1).length - 1, "said of the day outcome only, once: " + text);
    }

    @Test
    void aCountryByPositionAndARelationEitherWayRoundMatchTheSamePathsWrittenOtherwise() throws Exception {
        // the shipped file lists Peru first and the pair PER-MEX
        Path a = sweep("written-a", Path.of(SCENARIO), "4", 2, "  countries.0.domesticPressure: { values: [0.3, 0.9] }\n"
                + "  relations.PER-MEX.trade.PER: { values: [0.1] }\n");
        Path b = sweep("written-b", Path.of(SCENARIO), "4", 2, "  relations.MEX-PER.trade.PER: { values: [0.1] }\n"
                + "  countries.PER.domesticPressure: { values: [0.3, 0.9] }\n");
        Path out = dir.resolve("written");
        Outcome o = crisis("report", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        List<Map<String, String>> rows = rows(out.resolve("comparison-points.csv"));
        assertEquals(2 * 3, rows.size(), "both points, each outcome");
        assertTrue(rows.get(0).containsKey("countries_0_domestic_pressure"), "columns as A wrote them: " + rows.get(0).keySet());
        for (Map<String, String> row : rows) {
            assertEquals("0", row.get("difference"), "the same runs: " + row);
        }
    }

    @Test
    void sweepsOverOtherPathsWithNoPointInCommonOrWithARunSetAreRefusedAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("refused");
        Outcome paths = crisis("report", base.toString(), otherPaths.toString(), "--out", out.toString());
        assertEquals(2, paths.status());
        assertEquals("crisis report: " + base + " and " + otherPaths + " vary different paths, so their points cannot be matched: "
                + base + " varies countries.PER.domesticPressure, parameters.grievanceGain; " + otherPaths
                + " varies countries.PER.domesticPressure, parameters.thresholdSever (only in " + base
                + ": parameters.grievanceGain; only in " + otherPaths + ": parameters.thresholdSever). Two sweeps are compared"
                + " point by point: run them over the same varied paths (a country by id or position and a relation either"
                + " way round are the same path, where the sweep's manifest holds its scenario)\n", paths.err());

        Outcome none = crisis("report", base.toString(), elsewhere.toString(), "--out", out.toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains(base + " and " + elsewhere + " vary the same paths but share no point"), none.err());

        Outcome runSet = crisis("report", base.toString(), Fixtures.dir("base").toString(), "--out", out.toString());
        assertEquals(2, runSet.status());
        assertTrue(runSet.err().contains(Fixtures.dir("base") + " is not a sweep's results directory but a run set's"),
                runSet.err());

        Outcome three = crisis("report", base.toString(), lower.toString(), otherSeed.toString(), "--out", out.toString());
        assertEquals(2, three.status());
        assertTrue(three.err().contains("sweeps are compared two at a time, and 3 were given"), three.err());

        Outcome rank = crisis("report", base.toString(), lower.toString(), "--rank-by", "severed:PER-MEX", "--out", out.toString());
        assertEquals(2, rank.status());
        assertTrue(rank.err().contains("--rank-by"), rank.err());

        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(dir.resolve("compare-base-vs-other-paths")), "nor beside the first");
    }
}

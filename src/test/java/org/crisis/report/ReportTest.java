package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path tmp;

    private Report.Written write(ReportOptions options, String... fixtures) throws ReportException {
        return Report.write(java.util.Arrays.stream(fixtures).map(Fixtures::dir).toList(), options.withOut(tmp.resolve("out")));
    }

    private static ReportOptions defaults() {
        return ReportOptions.defaults();
    }

    @Test
    void runSetReportIsOneSelfContainedPageWithItsTablesBesideIt() throws Exception {
        Report.Written w = write(defaults(), "base");
        String html = Fixtures.read(w.html());
        assertEquals(tmp.resolve("out/report.html").toAbsolutePath(), w.html());
        assertEquals("run set", w.kind());
        for (String chart : List.of("fan-PER-MEX", "levels-PER-MEX", "survival-PER-MEX", "fan-PER-VEN", "network-day-0",
                "network-peak", "network-end", "timeline", "convergence-severed_per_mex", "halfwidth-shares")) {
            assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
        }
        assertSelfContained(html);
        assertTrue(html.contains("<h2 id=\"replay\">Replay of a run</h2>"));
        assertTrue(html.contains("<div class=\"replay\" id=\"replay-view\" hidden>"), "hidden until the script shows it");
        for (String t : List.of("report-outcomes.csv", "report-survival.csv", "report-time-to-event.csv", "report-network.csv",
                "report-timeline.csv", "report-convergence.csv", "report-replay-runs.csv")) {
            assertTrue(Files.size(tmp.resolve("out").resolve(t)) > 0, t);
        }
        // the network table names a tracked pair as every other results file does (PER,MEX), not alphabetically
        String network = Fixtures.read(tmp.resolve("out/report-network.csv"));
        assertTrue(network.contains(",PER,MEX,"), network);
        assertFalse(network.contains(",MEX,PER,"), network);
        String outcomes = Fixtures.read(tmp.resolve("out/report-outcomes.csv"));
        assertTrue(outcomes.startsWith("group,outcome,column,type,n,missing,mean,sd,ci95_low,ci95_high,q05"), outcomes);
        assertTrue(outcomes.contains("PER-MEX,severed:PER-MEX,severed_per_mex,share,40,0,"), outcomes);
        assertTrue(html.contains("master seed 11"));
        assertTrue(html.contains("40 replications"));
        // days 0 to 149: the last is the last date of trajectories.csv
        assertTrue(html.contains("150 days, from 2025-11-03 to 2026-04-01"), "the horizon's last day");
        assertTrue(Fixtures.read(Fixtures.dir("base").resolve("trajectories.csv")).contains(",149,2026-04-01,"));
        // the scripted events with the weight and severity they ran at, so an override of either shows
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("day date actor target event weight \u03b3 severity"), "the header");
        assertTrue(text.contains("45 2025-12-18 PER MEX CUSTOM (border-closure) -5 1"), "a scripted row");
        assertTrue(text.contains("(the representative run, below)"), "no --run: the representative run");
        String asked = Files.readString(write(new ReportOptions(tmp.resolve("asked"), null, 2, 0.05, 0.05, null), "base").html());
        assertTrue(asked.replaceAll("<[^>]+>", " ").contains("(the run --run asked for, below)"), "--run 2 is not the representative");
    }

    @Test
    void reportGoesIntoTheFirstResultsDirectoryByDefault() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Report.Written w = Report.write(List.of(dir), defaults());
        assertEquals(dir.resolve("report.html").toAbsolutePath().normalize(), w.html());
        assertTrue(Files.exists(dir.resolve("report-outcomes.csv")));
        assertTrue(Files.exists(dir.resolve("runs.csv")), "result files untouched");
    }

    @Test
    void aDirectoryGivenThroughItsParentGetsItsReportThere() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Files.createDirectories(tmp.resolve("analysis"));
        // ../base from a sibling folder: the default output is the directory read, not a path refused for its '..'
        Report.Written w = Report.write(List.of(tmp.resolve("analysis").resolve("..").resolve(dir.getFileName())), defaults());
        assertEquals(dir.toRealPath().resolve("report.html"), w.html());
        assertTrue(Files.exists(dir.resolve("report-outcomes.csv")));
        // a link after the '..' keeps its name: a comparison goes beside the link, not beside what it points to
        Path links = Files.createDirectories(tmp.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("base-link"), dir);
        Path decay = Fixtures.copy("decay", links);
        Report.Written c = Report.write(List.of(tmp.resolve("analysis/../links/base-link"), tmp.resolve("analysis/../links")
                .resolve(decay.getFileName())), defaults());
        assertEquals(links.toRealPath().resolve("compare-base-link-vs-decay/report.html"), c.html());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aComparisonGoesBesideTheSetsByDefaultAndLeavesTheBaselinesOwnReportAlone() throws Exception {
        Path base = Fixtures.copy("base", tmp);
        Path decay = Fixtures.copy("decay", tmp);
        Report.write(List.of(base), defaults());
        String own = Files.readString(base.resolve("report.html"));
        String ownOutcomes = Files.readString(base.resolve("report-outcomes.csv"));
        Report.Written w = Report.write(List.of(base, decay), defaults());
        assertEquals(tmp.resolve("compare-base-vs-decay").resolve("report.html").toAbsolutePath().normalize(), w.html());
        assertTrue(Files.exists(w.html().resolveSibling("report-comparison.csv")));
        assertEquals(own, Files.readString(base.resolve("report.html")), "the baseline's own report is not overwritten");
        assertEquals(ownOutcomes, Files.readString(base.resolve("report-outcomes.csv")));
        assertFalse(Files.exists(base.resolve("report-comparison.csv")), "no comparison table among the set's own");
        Path more = ReportOutput.defaultFor(List.of(base, decay, base, decay));
        assertEquals("compare-base-vs-3-more", more.getFileName().toString());
    }

    @Test
    void aComparisonsTitleNamesEverySetEvenWhenSomeShareAScenariosName() throws Exception {
        Path first = Files.move(Fixtures.copy("base", tmp.resolve("x")), tmp.resolve("one"));
        Path again = Files.move(Fixtures.copy("base", tmp.resolve("y")), tmp.resolve("two"));
        // the dovish variant under a scenario name of its own: names [fixture, dove, fixture] once made "fixture vs dove"
        Path dove = Fixtures.copy("dove", tmp);
        Path manifest = dove.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"name\" : \"report-fixture\"", "\"name\" : \"report-dove\""));
        Report.Written w = Report.write(List.of(first, dove, again), defaults().withOut(tmp.resolve("three")));
        Matcher title = Pattern.compile("<title>(.*?)</title>").matcher(Fixtures.read(w.html()));
        assertTrue(title.find());
        assertEquals("Crisis report \u00b7 comparison of 3 run sets: A report-fixture (one) vs B report-dove vs C report-fixture (two)",
                title.group(1));
    }

    @Test
    void everyScenarioStringIsEscaped() throws Exception {
        Report.Written w = write(defaults(), "evil");
        String html = Fixtures.read(w.html());
        assertEquals(2, html.split("<script", -1).length - 1, "the replay's data and the report's script, no other script element");
        assertFalse(html.contains("<img"), "no img element from a country name");
        assertFalse(html.contains("<svg onload"), "no svg element from an event label");
        assertFalse(html.contains("<b>bold"), "no markup from the description");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the description shows as text");
        assertTrue(html.contains("Peru &lt;img src=x onerror=alert(1)&gt;"), "the country name shows as text");
        assertTrue(html.contains("\"Peru \\u003cimg src=x onerror=alert(1)\\u003e\""), "and is escaped in the replay's data");
        assertTrue(html.contains("CUSTOM (\\u003csvg onload=alert(1)\\u003eclosure)"), "as is an event's label");
        assertTrue(html.contains("Content-Security-Policy"), "and scripts could not run anyway");
        assertSelfContained(html);
    }

    @Test
    void comparingSetsWithTheSameSeedsPairsRunsByReplication() throws Exception {
        Report.Written w = write(defaults(), "base", "dove");
        String html = Fixtures.read(w.html());
        assertEquals("comparison", w.kind());
        assertTrue(html.contains("common random numbers"));
        assertTrue(html.contains("McNemar exact"));
        assertTrue(html.contains("Wilcoxon signed-rank"));
        String csv = Fixtures.read(tmp.resolve("out/report-comparison.csv"));
        String severed = csv.lines().filter(l -> l.contains(",severed_per_mex,")).findFirst().orElseThrow();
        // base severs in every run, the dovish Peru almost never: a large, certain drop
        String[] c = severed.split(",");
        assertEquals("1", c[6], "paired");
        assertTrue(Double.parseDouble(c[11]) < -0.5, severed);
        assertTrue(Double.parseDouble(c[15]) < 1e-6, severed);
        assertEquals("3.638e-12", c[15], "McNemar's 2 \u00b7 2^-39 (39 runs sever in A only), not rounded to 0");
        // no run of either set severs PER-VEN: nothing to pair, so no p and no effect, as for independent sets
        String never = csv.lines().filter(l -> l.contains(",days_to_severed_per_ven,")).findFirst().orElseThrow();
        assertTrue(never.endsWith(",1,0,0,,,,,,Wilcoxon signed-rank,,r,,0,,,,"), never); // n_pairs: none with both; no intervals
        assertEquals(23, c.length, severed);
        double baseline = Double.parseDouble(c[9]);
        double set = Double.parseDouble(c[10]);
        assertTrue(Double.parseDouble(c[19]) < baseline && baseline <= Double.parseDouble(c[20]), "the baseline's own interval: " + severed);
        assertTrue(Double.parseDouble(c[21]) <= set && set < Double.parseDouble(c[22]), "the set's own interval: " + severed);
        assertTrue(html.contains("No test and no effect size for daysToSevered:PER-VEN"), "the page says why");
        for (String chart : List.of("fan-PER-MEX-ab", "fan-PER-MEX-ba", "severed-PER-MEX", "survival-rupture-PER-MEX",
                "survival-restoration-PER-MEX", "survival-downgrade-PER-VEN")) {
            assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
        }
        assertTrue(Fixtures.read(tmp.resolve("out/report-differences.csv")).contains("countries.PER.hawkishness,0.6,0.2"));
        assertSelfContained(html);
    }

    @Test
    void comparingSetsWrittenByDifferentBuildsSaysSo() throws Exception {
        Path dove = Fixtures.copy("dove", tmp);
        Path manifest = dove.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : \"0.1.0\"",
                "\"version\" : \"0.1.0+0acffeffd04e\""));
        Report.Written w = Report.write(List.of(Fixtures.dir("base"), dove), defaults().withOut(tmp.resolve("cmp")));
        assertTrue(w.warnings().contains("written by different builds (A by crisis 0.1.0, B by crisis 0.1.0+0acffeffd04e): a"
                + " difference may come from the code as well as the inputs"), w.warnings().toString());
        Report.Written same = Report.write(List.of(Fixtures.dir("base"), Fixtures.dir("dove")),
                defaults().withOut(tmp.resolve("cmp2")));
        assertTrue(same.warnings().stream().noneMatch(x -> x.startsWith("written by different builds")),
                same.warnings().toString());
    }

    @Test
    void comparingSetsWithOtherSeedsTreatsThemAsIndependent() throws Exception {
        String html = Fixtures.read(write(defaults(), "base", "decay").html());
        assertTrue(html.contains("have different master seeds (11 and 99)"), "why not paired");
        assertTrue(html.contains("Mann\u2013Whitney U"));
        assertTrue(html.contains("two-proportion z") || html.contains("Fisher exact"));
        assertFalse(html.contains("McNemar exact"));
        assertTrue(ComparisonReport.sameSeeds(RunSetResults.open(Fixtures.dir("base"), Manifests.read(Fixtures.dir("base").resolve("manifest.json"))),
                RunSetResults.open(Fixtures.dir("dove"), Manifests.read(Fixtures.dir("dove").resolve("manifest.json")))));
    }

    @Test
    void aComparisonsTableCutsEachSetsIntervalWhereThePageAndSummaryJsonCutIt() throws Exception {
        // one run of forty breaks on day 30, the rest on day 0: Student's t reaches below day 0
        Path base = Fixtures.copy("base", tmp);
        List<String> runs = Files.readAllLines(base.resolve("runs.csv"));
        int column = List.of(runs.get(0).split(",", -1)).indexOf("days_to_severed_per_mex");
        String[] first = runs.get(1).split(",", -1);
        first[column] = "30";
        runs.set(1, String.join(",", first));
        Files.write(base.resolve("runs.csv"), runs);
        Report.write(List.of(base, Fixtures.dir("decay")), defaults().withOut(tmp.resolve("cmp")));
        List<String> lines = Files.readAllLines(tmp.resolve("cmp/report-comparison.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] row = lines.stream().skip(1).map(l -> l.split(",", -1))
                .filter(r -> r[header.indexOf("column")].equals("days_to_severed_per_mex")).findFirst().orElseThrow();
        assertEquals("0.75", row[header.indexOf("value_baseline")]);
        assertEquals("0", row[header.indexOf("baseline_ci95_low")], "a day is not below 0, as on the page");
        assertTrue(Double.parseDouble(row[header.indexOf("baseline_ci95_high")]) > 2, String.join(",", row));
    }

    @Test
    void gridSweepShowsEachOutcomeAgainstEachValueHeatMapsAndRanking() throws Exception {
        Report.Written w = write(defaults(), "grid");
        String html = Fixtures.read(w.html());
        assertEquals("sweep", w.kind());
        assertTrue(html.contains("data-chart=\"marginal-severed_per_mex-parameters_grievance_decay\""));
        assertTrue(html.contains("data-chart=\"heatmap-parameters_grievance_decay-countries_per_hawkishness\""));
        assertFalse(html.contains("id=\"sensitivity\""), "grids have no sensitivity indices");
        String ranking = Fixtures.read(tmp.resolve("out/report-ranking.csv"));
        assertEquals(1 + 6, ranking.lines().count(), ranking); // 2 x 3 points
        assertSelfContained(html);
        // the half-widths of a number are fractions of the point's mean, and the file says so
        List<String> precision = Fixtures.read(tmp.resolve("out/report-precision.csv")).lines().toList();
        assertTrue(precision.get(0).endsWith(",median_half_width,target_half_width,share_of_points_within,"
                + "replications_per_point_needed,half_width_unit"), precision.get(0));
        assertTrue(precision.stream().anyMatch(l -> l.startsWith("severed_per_mex,share,") && l.endsWith(",absolute")), "shares");
        // a share's replications needed come from the Wilson interval at the points' shares (never 0; 35 at a share of 0 or 1)
        for (String share : precision.stream().filter(l -> l.contains(",share,")).toList()) {
            double needed = Double.parseDouble(share.split(",")[6]);
            assertTrue(needed >= 35 && needed <= 385, share);
        }
        String polarisation = precision.stream().filter(l -> l.startsWith("polarisation,number,")).findFirst().orElseThrow();
        assertTrue(polarisation.endsWith(",relative_to_mean"), polarisation);
        double[] relative = Fixtures.read(Fixtures.dir("grid").resolve("points.csv")).lines().map(l -> l.split(","))
                .filter(c -> c[3].equals("polarisation"))
                .mapToDouble(c -> (Double.parseDouble(c[8]) - Double.parseDouble(c[7])) / 2 / Math.abs(Double.parseDouble(c[5])))
                .sorted().toArray();
        assertEquals(6, relative.length);
        assertEquals((relative[2] + relative[3]) / 2, Double.parseDouble(polarisation.split(",")[3]), 1e-6, polarisation);
        assertEquals(0.05, Double.parseDouble(polarisation.split(",")[4]), 0.0, "the target too: 5 % of the mean");
    }

    @Test
    void rankByChoosesTheOutcomeAndRefusesUnknownOnes() throws Exception {
        ReportOptions byPolarisation = new ReportOptions(null, List.of(), null, 0.05, 0.05, "polarisation");
        String html = Fixtures.read(write(byPolarisation, "grid").html());
        assertTrue(html.contains("Points ranked by polarisation"));
        ReportOptions byName = new ReportOptions(null, List.of(), null, 0.05, 0.05, "restored:PER-VEN");
        assertTrue(Fixtures.read(write(byName, "grid").html()).contains("Points ranked by restored:PER-VEN"));
        // a pair in either order, as crisis discover --outcome takes it
        ReportOptions otherOrder = new ReportOptions(null, List.of(), null, 0.05, 0.05, "restored:VEN-PER");
        assertTrue(Fixtures.read(write(otherOrder, "grid").html()).contains("Points ranked by restored:PER-VEN"));
        ReportOptions notRecorded = new ReportOptions(null, List.of(), null, 0.05, 0.05, "severed:VEN-PER");
        assertTrue(assertThrows(ReportException.class, () -> write(notRecorded, "grid")).getMessage().contains("not an outcome"),
                "the other order of a pair the sweep did not record is still refused");
        ReportOptions unknown = new ReportOptions(null, List.of(), null, 0.05, 0.05, "nothing");
        ReportException e = assertThrows(ReportException.class, () -> write(unknown, "grid"));
        assertTrue(e.getMessage().contains("not an outcome"), e.getMessage());
    }

    @Test
    void sobolAndMorrisSweepsShowSensitivityBars() throws Exception {
        String sobol = Fixtures.read(write(defaults(), "sobol").html());
        assertTrue(sobol.contains("data-chart=\"sensitivity-severed_per_mex\""));
        assertTrue(sobol.contains("first order S1"));
        String text = sobol.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        // hawkishness's ST interval lies above 0.05, sovereignty's is 0 to 0, grievance decay's straddles 0.05
        assertTrue(text.contains("countries.PER.hawkishness 0.893 0.41 to 1.45 1.03 0.53 to 1.58 16 matters"), "hawkishness matters");
        assertTrue(text.contains("countries.MEX.sovereignty 0 0 to 0 0 0 to 0 16 negligible"), "sovereignty does not");
        assertTrue(text.contains("0.034 0.000 to 0.117 16 unresolved: interval straddles 0.05"), "decay is unresolved");
        assertTrue(text.contains("2 of the 6 total-order indices are unresolved"), "and the page says how many");
        assertEquals("matters", SweepReport.sobolVerdict(0.6, 0.3, 1.27));
        assertEquals("negligible", SweepReport.sobolVerdict(0.01, -0.01, 0.03));
        assertEquals("unresolved: interval straddles 0.05", SweepReport.sobolVerdict(0.12, -0.1, 0.34));
        String morris = Fixtures.read(write(defaults(), "morris").html());
        assertTrue(morris.contains("data-chart=\"sensitivity-polarisation\""));
        assertTrue(morris.contains("\u03bc*"));
    }

    @Test
    void aSobolIndexWithoutAnEstimateHasNoIntervalEither() throws Exception {
        // an outcome never observed: no rows, no index; earlier sweeps wrote its intervals as 0 to 0
        Path sweep = Fixtures.copy("sobol", tmp);
        Files.writeString(sweep.resolve("sensitivity.csv"), "days_to_severed_per_mex,parameters_grievance_decay,0,,0,0,,0,0\n",
                java.nio.file.StandardOpenOption.APPEND);
        Report.write(List.of(sweep), defaults().withOut(tmp.resolve("out")));
        String html = Fixtures.read(tmp.resolve("out/report.html"));
        String none = "<td class=\"num\">\u2013</td>";
        assertTrue(html.contains("<td>parameters.grievanceDecay</td>" + none.repeat(4) + "<td class=\"num\">0</td>"),
                "no interval beside an empty index");
        String csv = Fixtures.read(tmp.resolve("out/report-sensitivity.csv"));
        assertTrue(csv.contains("\ndays_to_severed_per_mex,parameters_grievance_decay,0,,,,,,\n"), csv);
        assertTrue(csv.contains("\nsevered_per_mex,countries_mex_sovereignty,16,0,0,0,0,0,0\n"), "a zero index keeps its interval");
    }

    @Test
    void outputPathsNeverLeaveTheChosenDirectory() throws Exception {
        ReportException up = assertThrows(ReportException.class, () -> ReportOutput.open(tmp.resolve("a/../b")));
        assertTrue(up.getMessage().contains("'..'"), up.getMessage());
        ReportOutput out = ReportOutput.open(tmp.resolve("out"));
        for (String bad : List.of("../x.html", "sub/x.csv", ".hidden", "..", "/etc/passwd", "a\\b")) {
            assertThrows(ReportException.class, () -> out.resolve(bad), bad);
        }
        assertEquals(tmp.resolve("out/report.html").toAbsolutePath().normalize(), out.resolve("report.html"));
        assertEquals("PER-MEX_..._etc", ReportOutput.safeName("PER-MEX/.../etc").replace('/', '_'));
        Files.writeString(tmp.resolve("file"), "x");
        assertThrows(ReportException.class, () -> ReportOutput.open(tmp.resolve("file")));
        out.close();
    }

    @Test
    void aReportIsNotWrittenIntoAnotherResultsDirectoryAndLeavesNoEarlierReportsTablesBesideIt() throws Exception {
        Path decay = Fixtures.copy("decay", tmp);
        ReportException e = assertThrows(ReportException.class,
                () -> Report.write(List.of(Fixtures.dir("base")), defaults().withOut(decay)));
        assertTrue(e.getMessage().contains("is another results directory (it holds manifest.json)"), e.getMessage());
        assertFalse(Files.exists(decay.resolve("report.html")), "nothing written");
        // into its own directory, as by default, it goes
        Report.write(List.of(decay), defaults().withOut(decay));
        assertTrue(Files.exists(decay.resolve("report.html")));

        // one --out for two reports: the second removes what the first wrote and it does not write again
        Path common = tmp.resolve("common");
        Report.write(List.of(Fixtures.dir("base")), defaults().withOut(common));
        assertTrue(Files.exists(common.resolve("report-survival.csv")));
        Files.writeString(common.resolve("notes.csv"), "mine\n");
        Report.Written sweep = Report.write(List.of(Fixtures.dir("grid")), defaults().withOut(common));
        assertFalse(Files.exists(common.resolve("report-survival.csv")), "the run set's table is not left as the sweep's");
        assertTrue(Files.exists(common.resolve("report-ranking.csv")));
        assertTrue(Files.exists(common.resolve("notes.csv")), "a file no report wrote is left alone");
        try (var files = Files.list(common)) {
            List<String> csv = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("report-")).sorted().toList();
            assertEquals(sweep.tables().stream().map(t -> t.getFileName().toString()).sorted().toList(), csv);
        }

        // a page's list, however edited, removes only tables a report writes: never a results file or another page
        Path own = Fixtures.copy("base", tmp.resolve("own"));
        Report.write(List.of(own), defaults());
        Files.writeString(own.resolve("discover.html"), "<p>another page</p>");
        Path page = own.resolve("report.html");
        Files.writeString(page, Files.readString(page).replaceFirst("content=\"report-outcomes.csv ",
                "content=\"runs.csv summary.json discover.html ../decay/runs.csv report-outcomes.csv "));
        Report.write(List.of(own), defaults());
        for (String kept : List.of("runs.csv", "summary.json", "discover.html", "report-outcomes.csv")) {
            assertTrue(Files.exists(own.resolve(kept)), kept);
        }
        assertTrue(Files.exists(decay.resolve("runs.csv")));

        // a comparison never goes into one of the sets it compares, nor is a set compared with itself through a link
        ReportException into = assertThrows(ReportException.class,
                () -> Report.write(List.of(own, decay), defaults().withOut(own)));
        assertTrue(into.getMessage().contains("is one of the results directories compared"), into.getMessage());
        Path link = Files.createSymbolicLink(tmp.resolve("link"), own);
        Report.write(List.of(link), defaults().withOut(own));
        assertTrue(Files.exists(own.resolve("report.html")), "the set reported into itself through a link");
    }

    @Test
    void missingAndInvalidDirectoriesAreClearErrors() throws Exception {
        ReportException missing = assertThrows(ReportException.class, () -> Results.open(tmp.resolve("absent")));
        assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        ReportException empty = assertThrows(ReportException.class, () -> Results.open(tmp.resolve("empty")));
        assertTrue(empty.getMessage().contains("no manifest.json"), empty.getMessage());
        Path broken = Fixtures.copy("base", tmp);
        Files.writeString(broken.resolve("manifest.json"), "{ not json");
        ReportException json = assertThrows(ReportException.class, () -> Results.open(broken));
        assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
        Path noRuns = Fixtures.copy("dove", tmp);
        Files.delete(noRuns.resolve("runs.csv"));
        ReportException runs = assertThrows(ReportException.class, () -> Results.open(noRuns));
        assertTrue(runs.getMessage().contains("runs.csv: no such file"), runs.getMessage());
        ReportException mixed = assertThrows(ReportException.class, () -> write(defaults(), "base", "grid"));
        assertTrue(mixed.getMessage().contains("a sweep is reported on its own"), mixed.getMessage());
        ReportException run = assertThrows(ReportException.class,
                () -> write(new ReportOptions(null, List.of(), 7, 0.05, 0.05, null), "base"));
        assertTrue(run.getMessage().contains("only runs 0 to 3 were kept"), run.getMessage());
        // the base set has 40 runs and keeps 4: run 7 was run and not kept
        assertTrue(run.getMessage().contains("--keep 8 (or --keep all): the same seeds give the same runs"), run.getMessage());
        ReportException beyond = assertThrows(ReportException.class,
                () -> write(new ReportOptions(null, List.of(), 40, 0.05, 0.05, null), "base"));
        assertTrue(beyond.getMessage().endsWith("; the set has 40 runs"), beyond.getMessage());
    }

    @Test
    void chosenDaysAndRunAreDrawn() throws Exception {
        String html = Fixtures.read(write(new ReportOptions(null, List.of(0, 60, 149), 2, 0.05, 0.05, null), "base").html());
        assertTrue(html.contains("data-chart=\"network-day-60\""));
        assertTrue(html.contains("Run 2, day 149"));
        assertTrue(html.contains("Run 2, as asked"));
        // the base runs last 150 days: day 150 is past the horizon
        ReportException far = assertThrows(ReportException.class,
                () -> write(new ReportOptions(null, List.of(0, 150), 2, 0.05, 0.05, null), "base"));
        assertTrue(far.getMessage().contains("--days 150 lies beyond the horizon") && far.getMessage().contains("0 to 149"),
                far.getMessage());
    }

    /** Runs the scenario {@code yaml} ({@code runs} runs, with {@code more} options) into a directory of its name; returns it. */
    private Path runOf(String name, String yaml, int runs, String... more) throws Exception {
        Path scenario = Files.writeString(tmp.resolve(name + ".yaml"), yaml);
        Path out = tmp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", scenario.toString(), "--runs", String.valueOf(runs),
                "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        assertEquals(0, org.crisis.cli.Main.execute(args.toArray(String[]::new)));
        return out;
    }

    @Test
    void aDayAfterAnEarlyStopIsDrawnAsTheRunEndedAndSaysSo() throws Exception {
        Path out = runOf("quiet", """
                name: quiet
                days: 400
                countries: [{id: RED}, {id: BLU}]
                events:
                  - {day: 0, type: PROTEST, actor: BLU, target: RED}
                stop: { when: quiet }
                """, 1, "--keep", "all");
        Report.Written w = Report.write(List.of(out), new ReportOptions(null, List.of(300), null, 0.05, 0.05, null));
        Matcher m = Pattern.compile("Run 0, day 300 \\(the run ended on day (\\d+)\\)").matcher(Files.readString(w.html()));
        assertTrue(m.find(), "the panel says where the run ended");
        assertTrue(Integer.parseInt(m.group(1)) < 300, m.group());
    }

    @Test
    void anEarlyStopIsSaidBesideTheSharesAndASurvivalCurveIsNotReadPastTheLastDayFollowed() throws Exception {
        // every run stops on day 0 or 1, when RED breaks with BLU; GRN and BLU's quarrel would go on without the stop
        Path out = runOf("cut", """
                name: cut
                days: 200
                countries: [{id: RED}, {id: BLU}, {id: GRN}]
                events:
                  - {day: 0, type: SEVER_RELATIONS, actor: RED, target: BLU}
                track: [[RED, BLU], [GRN, BLU]]
                stop: { when: severed, pair: [RED, BLU] }
                """, 20);
        Report.Written w = Report.write(List.of(out), new ReportOptions(null, null, null, 0.05, 0.05, null));
        String html = Files.readString(w.html());
        assertTrue(html.contains("This scenario ends a run early (stop when severed (RED-BLU)): 20 of 20 runs stopped before day 199."),
                html);
        assertTrue(html.contains("not estimable: no run followed past day 0"), "GRN-BLU's events by day 199 are not known");
        String csv = Files.readString(w.html().resolveSibling("report-time-to-event.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.matches("GRN-BLU,downgrade,20,0,,,,.*")), csv);
        // RED-BLU's rupture happened in every run, before its stop: that share is known
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("RED-BLU,rupture,20,20,1,")), csv);
    }

    @Test
    void aShareFixedByThePairsStartingLevelIsNotReportedAsAnEstimate() throws Exception {
        Path out = runOf("broken", """
                name: broken
                days: 60
                countries: [{id: RED}, {id: BLU}]
                relations:
                  - {between: [RED, BLU], level: SEVERED}
                track: [[RED, BLU]]
                """, 20);
        String text = Files.readString(Report.write(List.of(out), new ReportOptions(null, null, null, 0.05, 0.05, null)).html())
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&#39;", "'");
        assertTrue(text.contains("reached SEVERED starts SEVERED (not an estimate)"), text);
        assertTrue(text.contains("Not judged, being 100 % by the pair's starting level rather than estimated: RED-BLU reached SEVERED"),
                text);
        assertFalse(text.contains("reached SEVERED 100.0 %"), "no interval of a share that is 1 by construction");
    }

    @Test
    void aComparisonOfSetsWithAndWithoutAStopSaysWhatTheStopDoesAndLeavesFixedSharesUntested() throws Exception {
        String scenario = """
                name: pair
                days: 200
                countries: [{id: RED}, {id: BLU}, {id: GRN}]
                relations:
                  - {between: [GRN, BLU], level: SEVERED}
                events:
                  - {day: 0, type: SEVER_RELATIONS, actor: RED, target: BLU}
                track: [[RED, BLU], [GRN, BLU]]
                """;
        Path whole = runOf("whole", scenario, 20);
        Path cut = runOf("cut2", scenario + "stop: { when: severed, pair: [RED, BLU] }\n", 20);
        Report.Written w = Report.write(List.of(whole, cut), new ReportOptions(tmp.resolve("cmp"), null, null, 0.05, 0.05, null));
        String text = Files.readString(w.html()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&#39;", "'");
        assertTrue(text.contains("B ends runs early (stop when severed (RED-BLU)): 20 of 20 runs stopped before day 199."), text);
        assertTrue(text.contains("not estimable (no run followed past day 0)"), "the stopped set's curves say nothing of day 199");
        assertTrue(text.contains("starts SEVERED starts SEVERED – – none: fixed by the starting level"), text);
        String csv = Files.readString(w.html().resolveSibling("report-time-to-event.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("RED-BLU,restoration,B,20,0,,,,")), csv);
        String convergence = Files.readString(w.html().resolveSibling("report-convergence.csv"));
        assertFalse(convergence.contains("severed_grn_blu"), "a share fixed at 100 % is not judged: " + convergence);
    }

    @Test
    void aSweepNumbersReplicationsNeededScalesItsWidestHalfWidthByZNotByStudentsT() throws Exception {
        Path dir = Fixtures.copy("grid", tmp);
        Report.write(List.of(dir), new ReportOptions(null, null, null, 0.05, 0.05, null));
        List<String> rows = Files.readAllLines(dir.resolve("report-precision.csv"));
        String polarisation = rows.stream().filter(l -> l.startsWith("polarisation,")).findFirst().orElseThrow();
        // the widest relative half-width at a point, from points.csv: t(5)·sd/√6 over the mean
        double widest = 0;
        for (String line : Files.readAllLines(dir.resolve("points.csv"))) {
            String[] c = line.split(",", -1);
            if (line.contains(",polarisation,") && !c[c.length - 1].isEmpty()) {
                double mean = Double.parseDouble(c[c.length - 4]);
                double half = (Double.parseDouble(c[c.length - 1]) - Double.parseDouble(c[c.length - 2])) / 2;
                if (mean != 0) {
                    widest = Math.max(widest, half / Math.abs(mean));
                }
            }
        }
        double t5 = new org.apache.commons.math3.distribution.TDistribution(5).inverseCumulativeProbability(0.975);
        double z = 1.959964;
        assertTrue(widest > 0, "the fixture's polarisation varies at some point");
        double expected = Math.ceil(6 * Math.pow(z / t5 * widest / 0.05, 2));
        String[] c = polarisation.split(",", -1);
        assertEquals(expected, c[6].isEmpty() ? Double.NaN : Double.parseDouble(c[6]), 1e-9, polarisation);
    }

    @Test
    void aShareTheSameInEveryReplicationUpToRoundingGetsWilsonsIntervalOfThatShare() {
        // two points, three replications; each replication's mean over the points is 0.2 (0.1 and 0.3, or 0.3 and 0.1),
        // whose average is not 0.2 to the last bit
        List<SweepResults.PointStat> points = List.of(
                new SweepResults.PointStat(0, new double[] {0}, new String[] {"0"}, 3, 0.2, 0.1, 0, 1),
                new SweepResults.PointStat(1, new double[] {1}, new String[] {"1"}, 3, 0.2, 0.1, 0, 1));
        Map<Integer, double[]> byReplication = Map.of(0, new double[] {0.1, 0.3, 0.1}, 1, new double[] {0.3, 0.1, 0.3});
        SweepReport.Pooled p = SweepReport.Pooled.clustered(points, byReplication, true);
        double[] wilson = org.crisis.stats.Intervals.wilson(0.6, 3);
        assertTrue(p.high() - p.low() > 0.3, "never of no width: " + p);
        assertEquals(wilson[0], p.low(), 1e-9);
        assertEquals(wilson[1], p.high(), 1e-9);
        // Wilson of a share whose count is not whole lies between those of the whole counts beside it
        assertTrue(org.crisis.stats.Intervals.wilson(0, 3)[1] < wilson[1] && wilson[1] < org.crisis.stats.Intervals.wilson(1, 3)[1]);
    }

    @Test
    void aMeanOverRunsWithAValueGetsTheRatioEstimatorsIntervalOverTheReplications() {
        // days to an event, seen in five of eight runs: replication sums 2, 3, 9, 6 over 1, 1, 2, 1 runs; the pooled
        // mean 20 / 5 = 4; residuals (sum - 4 count) / (5 / 4) = -1.6, -0.8, 0.8, 1.6 (Cochran 1977, 6.4)
        List<SweepResults.PointStat> points = List.of(
                new SweepResults.PointStat(0, new double[] {0}, new String[] {"0"}, 3, 4, 2, 0, 10),
                new SweepResults.PointStat(1, new double[] {1}, new String[] {"1"}, 2, 4, 1.4, 0, 10));
        double nan = Double.NaN;
        Map<Integer, double[]> byReplication = Map.of(0, new double[] {2, nan, 4, 6}, 1, new double[] {nan, 3, 5, nan});
        SweepReport.Pooled p = SweepReport.Pooled.clustered(points, byReplication, false);
        double half = new org.apache.commons.math3.distribution.TDistribution(3).inverseCumulativeProbability(0.975)
                * Math.sqrt((1.6 * 1.6 + 0.8 * 0.8 + 0.8 * 0.8 + 1.6 * 1.6) / 3 / 4);
        assertEquals(4, p.mean(), 1e-12);
        assertEquals(4 - half, p.low(), 1e-9, "centred on the pooled mean, the interval of that estimate");
        assertEquals(4 + half, p.high(), 1e-9);
    }

    @Test
    void aComparisonSaysWhereTwoSetsTrackOnePairInTheOtherOrder() throws Exception {
        String base = """
                name: NAME
                days: 60
                countries: [{id: RED}, {id: BLU}]
                events:
                  - {day: 5, type: BORDER_INCIDENT, actor: RED, target: BLU}
                track: [[TRACK]]
                """;
        Path one = runOf("order-one", base.replace("NAME", "order-one").replace("TRACK", "RED, BLU"), 10);
        // the same scenario with twice the runs and the same master seed: its first ten runs are the other's
        Path twice = runOf("order-twice", base.replace("NAME", "order-twice").replace("TRACK", "RED, BLU"), 20);
        String overlap = Files.readString(Report.write(List.of(one, twice), new ReportOptions(tmp.resolve("overlap-cmp"), null,
                null, 0.05, 0.05, null)).html()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(overlap.contains("But the first 10 runs of each used the same seeds: the sets are not independent"), overlap);
        Path other = runOf("order-other", base.replace("NAME", "order-other").replace("TRACK", "BLU, RED"), 10);
        Report.Written w = Report.write(List.of(one, other), new ReportOptions(tmp.resolve("order-cmp"), null, null, 0.05, 0.05,
                null));
        String text = Files.readString(w.html()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("B tracks BLU-RED, the pair A tracks as RED-BLU: its outcomes are compared as RED-BLU"),
                "the note");
        assertFalse(text.contains("track no pair in common"), "the pair is lined up, and drawn");
        assertTrue(text.contains("Grievance of RED against BLU A order-one B order-other"), "B's fan chart beside A's");
        // B's outcomes of the pair are its own runs' (the same scenario, the same seeds: the same values as A's)
        List<String> rows = Files.readAllLines(w.html().resolveSibling("report-comparison.csv"));
        String severed = rows.stream().filter(r -> r.contains(",severed_red_blu,")).findFirst().orElseThrow();
        assertTrue(severed.contains(",B,A,"), severed);
        double[] a = RunSetResults.open(one, Manifests.read(one.resolve("manifest.json"))).values("severed_red_blu");
        double[] b = RunSetResults.open(other, Manifests.read(other.resolve("manifest.json"))).values("severed_blu_red");
        assertArrayEquals(a, b, 0.0, "the other order tracks the same runs");
        // the ensemble seen from the baseline's side: B's grievance of BLU against RED is drawn as A's is
        RunSetResults turned = RunSetResults.open(other, Manifests.read(other.resolve("manifest.json")))
                .orientedAs(List.of(new Pair("RED", "BLU")));
        PairEnsemble asRead = RunSetResults.open(other, Manifests.read(other.resolve("manifest.json"))).ensemble()
                .get(new Pair("BLU", "RED"));
        PairEnsemble seen = turned.ensemble().get(new Pair("RED", "BLU"));
        assertArrayEquals(asRead.ba()[2], seen.ab()[2], 0.0, "RED's grievance against BLU is B's ba");
        assertArrayEquals(turned.values("severed_red_blu"), b, 0.0);
        // its rows name the outcome and the column alike, as the baseline does
        String convergence = Files.readString(w.html().resolveSibling("report-convergence.csv"));
        assertTrue(convergence.contains("B,severed:RED-BLU,severed_red_blu,"), convergence);
        assertFalse(convergence.contains("BLU-RED"), convergence);
    }

    @Test
    void aComparisonNamesTheOutcomesOnlySomeSetsRecord() throws Exception {
        String three = """
                name: with-green
                days: 40
                countries: [{id: RED}, {id: BLU}, {id: GRN}]
                events:
                  - {day: 5, type: BORDER_INCIDENT, actor: RED, target: BLU}
                track: [[RED, BLU], [RED, GRN]]
                """;
        String two = """
                name: without-green
                days: 40
                countries: [{id: RED}, {id: BLU}]
                events:
                  - {day: 5, type: BORDER_INCIDENT, actor: RED, target: BLU}
                track: [[RED, BLU]]
                """;
        Path with = runOf("with-green", three, 10);
        Path without = runOf("without-green", two, 10);
        Report.Written w = Report.write(List.of(with, without), new ReportOptions(tmp.resolve("partial-cmp"), null, null, 0.05,
                0.05, null));
        String text = Files.readString(w.html()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("Not compared, since not every run set records them"), text);
        assertTrue(text.contains("severed:RED-GRN (A only)"), "the pair only A tracks is named");
        assertTrue(w.warnings().stream().anyMatch(x -> x.startsWith("not compared, recorded by only some of the run sets:")
                && x.contains("severed:RED-GRN (A only)")), w.warnings().toString());
        // on the terminal, a count and the first few: the page has the whole list
        String said = w.warnings().stream().filter(x -> x.startsWith("not compared")).findFirst().orElseThrow();
        assertTrue(said.matches("not compared, recorded by only some of the run sets: \\d+ outcomes, such as .*\\(the page lists"
                + " them all\\)") && said.split("\\(A only\\)", -1).length - 1 == ComparisonReport.SAID, said);
        String csv = Files.readString(w.html().resolveSibling("report-comparison.csv"));
        assertTrue(csv.contains(",severed_red_blu,") && !csv.contains("red_grn"), "the common pair compared, the other not");
    }

    @Test
    void aComparisonWhereOnlyOneSetStartsAtTheLevelShowsItAsSuchAndNoLogRank() throws Exception {
        String base = """
                name: mixed
                days: 100
                countries: [{id: RED}, {id: BLU}]
                relations:
                  - {between: [RED, BLU], level: LEVEL}
                events:
                  - {day: 5, type: BORDER_INCIDENT, actor: RED, target: BLU}
                track: [[RED, BLU]]
                """;
        Path broken = runOf("listed-severed", base.replace("LEVEL", "SEVERED"), 20);
        Path normal = runOf("listed-normal", base.replace("LEVEL", "NORMAL"), 20);
        Report.Written w = Report.write(List.of(broken, normal), new ReportOptions(tmp.resolve("mixed-cmp"), null, null, 0.05, 0.05,
                null));
        String text = Files.readString(w.html()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("reached SEVERED starts SEVERED"), "A's share is its starting level, not an estimate");
        String csv = Files.readString(w.html().resolveSibling("report-time-to-event.csv"));
        String rupture = csv.lines().filter(l -> l.startsWith("RED-BLU,rupture,B,")).findFirst().orElseThrow();
        assertTrue(rupture.endsWith(",,"), "no log-rank test against a set that starts severed: " + rupture);
    }

    /** A marginal's rows of report-marginals.csv, by outcome, parameter and bin: {mean, low, high}. */
    private static Map<String, double[]> marginals(Path dir) throws Exception {
        Map<String, double[]> rows = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("report-marginals.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                v[k] = c[6 + k].isEmpty() ? Double.NaN : Double.parseDouble(c[6 + k]);
            }
            rows.put(c[0] + " " + c[1] + " " + c[2], v);
        }
        return rows;
    }

    @Test
    void underCommonRandomNumbersAMarginalsIntervalIsOverTheReplicationsNotTheRuns() throws Exception {
        Path dir = Fixtures.copy("grid", tmp);
        Report.write(List.of(dir), new ReportOptions(null, null, null, 0.05, 0.05, null));
        Map<String, double[]> rows = marginals(dir);
        // polarisation at grievanceDecay 0.01: each replication's mean over the three points there, then Student's t
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(","));
        double[] sum = new double[6];
        for (String line : runs.subList(1, runs.size())) {
            String[] c = line.split(",", -1);
            if (c[header.indexOf("parameters_grievance_decay")].equals("0.01")) {
                sum[Integer.parseInt(c[header.indexOf("replication")])] += Double.parseDouble(c[header.indexOf("polarisation")]) / 3;
            }
        }
        org.apache.commons.math3.stat.descriptive.SummaryStatistics byReplication = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (double m : sum) {
            byReplication.addValue(m);
        }
        double half = new org.apache.commons.math3.distribution.TDistribution(5).inverseCumulativeProbability(0.975)
                * byReplication.getStandardDeviation() / Math.sqrt(6);
        double[] row = rows.get("polarisation parameters.grievanceDecay 0.01");
        assertEquals(byReplication.getMean(), row[0], 1e-5);
        assertEquals(byReplication.getMean() - half, row[1], 1e-5);
        assertTrue(byReplication.getMean() + half > 1, "the fixture's interval reaches past 1");
        assertEquals(1, row[2], 1e-12, "polarisation, a share of triads, is cut at 1");
        // a share seen in none of the 12 runs of 6 replications: Wilson's interval over the 6, not over the 12
        assertArrayEquals(new double[] {0, 0, org.crisis.stats.Intervals.wilson(0, 6)[1]},
                rows.get("severed_per_mex countries.PER.hawkishness 0.1"), 1e-5);
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("t over the replications (each one"), "the page names the interval");
        assertTrue(page.contains("that some runs lack, the ratio estimator"), "and the one of outcomes some runs lack");

        // each point with seeds of its own: the runs are the draws, Wilson's interval over the 12
        Path own = tmp.resolve("own");
        Files.createDirectories(own);
        for (Path f : Files.list(dir).filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("report"))
                .toList()) {
            Files.copy(f, own.resolve(f.getFileName()));
        }
        Files.writeString(own.resolve("manifest.json"), Files.readString(own.resolve("manifest.json"))
                .replace("\"common_random_numbers\" : true", "\"common_random_numbers\" : false"));
        Report.write(List.of(own), new ReportOptions(null, null, null, 0.05, 0.05, null));
        assertArrayEquals(new double[] {0, 0, org.crisis.stats.Intervals.wilson(0, 12)[1]},
                marginals(own).get("severed_per_mex countries.PER.hawkishness 0.1"), 1e-5);
    }

    @Test
    void explainPrintsTheCauseChainOfAPairsKeyEvents() throws Exception {
        List<String> lines = Explanation.of(Fixtures.dir("base"), "VEN-PER", 2);
        String text = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("PER-VEN"), text);
        assertTrue(text.contains("levels: NORMAL at the start"), text);
        int trigger = text.indexOf("DISPUTED_ELECTION  [scripted]");
        int recall = text.indexOf("* day  29");
        assertTrue(trigger > 0 && recall > trigger, "the trigger comes before the response it led to:\n" + text);
        ReportException e = assertThrows(ReportException.class, () -> Explanation.of(Fixtures.dir("base"), "PER", null));
        assertTrue(e.getMessage().contains("A-B"), e.getMessage());
        assertThrows(ReportException.class, () -> Explanation.of(Fixtures.dir("grid"), "PER-MEX", null));
    }

    /**
     * No reference that a browser would fetch (no external href, src or url()), and no script
     * but the report's own: at most one inline script, which the page's policy allows by its
     * SHA-256 and nothing else does, and data blocks of valid JSON. A page without a script
     * allows none.
     */
    static void assertSelfContained(String html) {
        Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(policy.find(), "a content security policy");
        assertTrue(policy.group(1).startsWith("default-src 'none'; "), policy.group(1));
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int code = 0;
        while (scripts.find()) {
            if (scripts.group(1).equals(" type=\"application/json\" id=\"replay-data\"")) {
                try {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(scripts.group(2));
                } catch (java.io.IOException e) {
                    throw new AssertionError("the replay's data is not JSON: " + e.getMessage());
                }
                continue;
            }
            assertEquals("", scripts.group(1), "a script of the page's own: inline, no src, no type");
            code++;
            try {
                String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(scripts.group(2).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertTrue(policy.group(1).endsWith("; script-src 'sha256-" + hash + "'"), "the policy allows the script alone: "
                        + policy.group(1));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(code <= 1, code + " scripts");
        assertEquals(html.split("<script", -1).length - 1, html.split("</script>", -1).length - 1, "every script element closed once");
        if (code == 0) {
            assertFalse(policy.group(1).contains("script-src"), "no script, none allowed: " + policy.group(1));
        }
        Matcher tag = Pattern.compile("<[^>]*>").matcher(html);
        Pattern ref = Pattern.compile("(?i)\\s(src|href|xlink:href)\\s*=\\s*[\"']?([^\"'\\s>]*)");
        while (tag.find()) {
            Matcher m = ref.matcher(tag.group());
            while (m.find()) {
                String target = m.group(2);
                assertTrue(target.startsWith("#") || target.startsWith("data:"), "reference to " + target + " in " + tag.group());
            }
        }
        assertFalse(html.matches("(?s).*url\\((?!#).*"), "no url() but fragment references");
        assertFalse(html.contains("@import"));
    }

    @Test
    void theShareOfRunsByTheHorizonHasAnIntervalOfSomeWidthWhenItIsNoneOrAll() {
        double[] none = new double[20];
        java.util.Arrays.fill(none, Double.NaN);
        double[] all = new double[20];
        java.util.Arrays.fill(all, 3);
        double[] ran = new double[20];
        java.util.Arrays.fill(ran, 30);
        // nothing happened, or everything: the log-log band has no width there, the count of 20 runs has
        assertArrayEquals(org.crisis.stats.Intervals.wilson(0, 20), interval(none, ran, 30), 1e-12);
        assertArrayEquals(org.crisis.stats.Intervals.wilson(20, 20), interval(all, ran, 30), 1e-12);
        assertTrue(interval(none, ran, 30)[1] > 0.1, "0 of 20 does not rule out a share of 10 %");
        // ten runs stopped on day 5 without it say nothing of day 30: 0 of the 10 followed that far
        double[] stopped = ran.clone();
        java.util.Arrays.fill(stopped, 0, 10, 5);
        assertArrayEquals(org.crisis.stats.Intervals.wilson(0, 10), interval(none, stopped, 30), 1e-12);
        // between none and all, the Kaplan–Meier band
        double[] half = none.clone();
        java.util.Arrays.fill(half, 0, 10, 3);
        org.crisis.stats.KaplanMeier k = org.crisis.stats.KaplanMeier.ofDurations(half, ran);
        assertArrayEquals(new double[] {1 - RunSetReport.highAt(k, 30), 1 - RunSetReport.lowAt(k, 30)}, interval(half, ran, 30),
                1e-12);
    }

    private static double[] interval(double[] daysTo, double[] runDays, double t) {
        return RunSetReport.happenedInterval(org.crisis.stats.KaplanMeier.ofDurations(daysTo, runDays), daysTo, runDays, t);
    }
}

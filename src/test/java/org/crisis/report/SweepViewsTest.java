package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair plots and the scenario discovery section of a sweep's report, on the fixtures of src/test/resources/report. */
class SweepViewsTest {
    @TempDir
    Path tmp;

    private Report.Written write(String fixture, String rankBy) throws ReportException {
        return Report.write(List.of(Fixtures.dir(fixture)), new ReportOptions(tmp.resolve(fixture), List.of(), null, 0.05, 0.05,
                rankBy));
    }

    private static List<String> charts(String html, String prefix) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-chart=\"(" + Pattern.quote(prefix) + "[^\"]*)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The text of a section, from its heading to the next h2. */
    private static String section(String html, String id) {
        int start = html.indexOf("<h2 id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id);
        int end = html.indexOf("<h2 ", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void aSobolSweepHasPairPlotsAndTheBoxOfItsYesNoOutcome() throws Exception {
        Report.Written w = write("sobol", null);
        String html = Files.readString(w.html());
        ReportTest.assertSelfContained(html);
        // three varied values: three pairs, coloured by the ranking outcome (the first, severed:PER-MEX)
        String pairs = section(html, "pairs");
        assertEquals(3, charts(pairs, "pairs-").size(), charts(pairs, "pairs-").toString());
        assertTrue(pairs.contains("share of runs of severed:PER-MEX"), "coloured by the ranking outcome");
        assertTrue(pairs.contains("countries.PER.hawkishness 0.93"), "values ranked by eta squared, the first named with it");

        String discovery = section(html, "discovery");
        assertEquals(List.of("discovery-trajectory-severed_per_mex", "discovery-box-severed_per_mex-countries_per_hawkishness"
                + "-parameters_grievance_decay"), charts(discovery, "discovery-"));
        assertTrue(discovery.contains("In the box ("), "the box in words");
        assertTrue(discovery.contains("countries.PER.hawkishness"), "its limits");
        // polarisation is a number: the section is about yes/no outcomes only
        assertTrue(!discovery.contains("<h3 id=\"discovery-polarisation\""), "numbers are left to crisis discover --threshold");

        String box = Files.readString(tmp.resolve("sobol/report-discovery.csv"));
        assertTrue(box.startsWith("outcome,box,dimension,column,kind,lower,upper,p_lower,p_upper,categories,p_categories,coverage,"
                + "density,mass,cases,cases_of_interest\n"), box);
        assertTrue(box.contains("\nsevered:PER-MEX,"), box);
        String trajectory = Files.readString(tmp.resolve("sobol/report-discovery-trajectory.csv"));
        assertTrue(trajectory.contains("\nsevered:PER-MEX,0,start,1,"), trajectory);
        // the same box as crisis discover with its defaults
        Discovery d = Discovery.open(Fixtures.dir("sobol"));
        Discovery.Found f = d.find(Discovery.Settings.of(d.outcome("severed_per_mex")));
        assertEquals(DiscoveryPage.boxCsv(f, true).toString(), box);
    }

    @Test
    void aGridOfSixPointsSaysWhyItHasNoBoxAndPairsItsTwoValues() throws Exception {
        String html = Files.readString(write("grid", null).html());
        String discovery = section(html, "discovery");
        assertEquals(List.of(), charts(discovery, "discovery-"));
        assertTrue(discovery.contains("Not analysed: "), discovery);
        assertTrue(discovery.contains("severed:PER-MEX (too few points: 6 of the sweep&#39;s 6 points have a value of "
                + "severed:PER-MEX; scenario discovery needs at least 10)"), discovery);
        assertTrue(discovery.contains("restored:PER-VEN (too few points"), discovery);
        String pairs = section(html, "pairs");
        assertEquals(1, charts(pairs, "pairs-").size(), pairs);
        assertTrue(pairs.contains("jittered"), "a grid's points are spread");
    }

    @Test
    void pointsWithoutAValueAreSaidAndAConstantOutcomeGetsASentence() throws Exception {
        // days to rupture has no value at the three points without a rupture
        String html = Files.readString(write("grid", "daysToSevered:PER-MEX").html());
        String pairs = section(html, "pairs");
        assertTrue(pairs.contains("3 points without a value of daysToSevered:PER-MEX not drawn."), pairs);
        assertEquals(1, charts(pairs, "pairs-").size());

        // the grid fixture with polarisation made 1 at every point
        Path dir = Fixtures.copy("grid", tmp);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("points.csv"))) {
            String[] c = line.split(",", -1);
            if (c[3].equals("polarisation")) {
                c[5] = "1";
                c[6] = "0";
                c[7] = "1";
                c[8] = "1";
            }
            lines.add(String.join(",", c));
        }
        Files.write(dir.resolve("points.csv"), lines);
        Report.Written w = Report.write(List.of(dir), new ReportOptions(tmp.resolve("flat"), List.of(), null, 0.05, 0.05,
                "polarisation"));
        String flat = section(Files.readString(w.html()), "pairs");
        assertTrue(flat.contains("polarisation is 1 at every point: pair plots coloured by it would be one colour"), flat);
        assertEquals(0, charts(flat, "pairs-").size());
    }

    @Test
    void runsCsvBesidePointsCsvIsCheckedBeforeItsIntervalsAreUsed() throws Exception {
        // the marginals' intervals read runs.csv by replication even where points.csv is there
        String[][] damages = {
            {"0,1,309689372594955804", "0,-1,309689372594955804", "runs.csv:3: replication: expected a whole number"},
            {"0,1,309689372594955804,0.01,0.1,0,", "0,1,309689372594955804,0.01,0.1,7,", "runs.csv:3: severed_per_mex"},
            {"\n0,1,309689372594955804", "\n0,0,309689372594955804", "runs.csv:3: point 0, replication 0 appears twice"},
        };
        for (String[] damage : damages) {
            Path dir = Fixtures.copy("grid", tmp.resolve("damaged-" + damage[2].hashCode()));
            String runs = Files.readString(dir.resolve("runs.csv"));
            assertTrue(runs.contains(damage[0]), damage[0]);
            Files.writeString(dir.resolve("runs.csv"), runs.replaceFirst(java.util.regex.Pattern.quote(damage[0]), damage[1]));
            ReportException e = assertThrows(ReportException.class, () -> Report.write(List.of(dir),
                    ReportOptions.defaults().withOut(dir.resolveSibling("out"))));
            assertTrue(e.getMessage().contains(damage[2]), e.getMessage());
        }
        // a run left out
        Path cut = Fixtures.copy("grid", tmp.resolve("cut"));
        List<String> lines = new ArrayList<>(Files.readAllLines(cut.resolve("runs.csv")));
        lines.remove(5);
        Files.write(cut.resolve("runs.csv"), lines);
        ReportException e = assertThrows(ReportException.class, () -> Report.write(List.of(cut),
                ReportOptions.defaults().withOut(cut.resolveSibling("out"))));
        assertTrue(e.getMessage().contains("35 runs, where manifest.json counts 36 (6 points of 6 replications)"), e.getMessage());
        // a share's mean out of [0, 1] in points.csv
        Path share = Fixtures.copy("grid", tmp.resolve("share"));
        String points = Files.readString(share.resolve("points.csv"));
        Files.writeString(share.resolve("points.csv"), points.replaceFirst("severed_per_mex,6,0,", "severed_per_mex,6,1.5,"));
        ReportException s = assertThrows(ReportException.class, () -> Report.write(List.of(share),
                ReportOptions.defaults().withOut(share.resolveSibling("out"))));
        assertTrue(s.getMessage().contains("points.csv:2: mean: severed_per_mex is a share, expected a number in [0, 1], found 1.5"),
                s.getMessage());
    }

    @Test
    void binsOfAValueOfWholeNumbersAreLabelledByTheWholeNumbersTheyHold() throws Exception {
        // the sobol fixture with MEX's sovereignty replaced by whole numbers 15 .. 60 (as a memory of days would be)
        Path dir = Fixtures.copy("sobol", tmp.resolve("whole"));
        Files.delete(dir.resolve("runs.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("points.csv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            c[3] = Integer.toString(15 + Integer.parseInt(c[0]) * 7 % 46);
            out.add(String.join(",", c));
        }
        Files.write(dir.resolve("points.csv"), out);
        Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("whole-out")));
        List<String> bins = Files.readAllLines(tmp.resolve("whole-out").resolve("report-marginals.csv")).stream()
                .map(l -> l.split(",", -1)).filter(c -> c[1].equals("countries.MEX.sovereignty")).map(c -> c[2]).distinct().toList();
        assertTrue(bins.size() > 3, bins::toString);
        int last = 14;
        for (String bin : bins) {
            assertTrue(bin.matches("\\d+ to \\d+"), bin);
            String[] ends = bin.split(" to ");
            assertTrue(Integer.parseInt(ends[0]) > last && Integer.parseInt(ends[1]) >= Integer.parseInt(ends[0]), bins::toString);
            last = Integer.parseInt(ends[1]);
        }
        assertEquals(60, last, "the last bin holds the largest value");

        // half the points at one value: that value is one bin, not several empty ones of the same label
        Path tied = Fixtures.copy("sobol", tmp.resolve("tied"));
        Files.delete(tied.resolve("runs.csv"));
        List<String> rows = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            int point = Integer.parseInt(c[0]);
            c[3] = Integer.toString(point % 2 == 0 ? 20 : 21 + point * 7 % 40);
            rows.add(String.join(",", c));
        }
        Files.write(tied.resolve("points.csv"), rows);
        Report.write(List.of(tied), ReportOptions.defaults().withOut(tmp.resolve("tied-out")));
        List<String> tiedBins = Files.readAllLines(tmp.resolve("tied-out").resolve("report-marginals.csv")).stream()
                .map(l -> l.split(",", -1)).filter(c -> c[1].equals("countries.MEX.sovereignty") && c[0].equals("severed_per_mex"))
                .map(c -> c[2]).toList();
        assertEquals(tiedBins.size(), new java.util.HashSet<>(tiedBins).size(), "one row a bin: " + tiedBins);
        assertEquals(1, tiedBins.stream().filter(b -> b.startsWith("20 to")).count(), tiedBins::toString);
        // every bin holds points: its edges are values points take
        Files.readAllLines(tmp.resolve("tied-out").resolve("report-marginals.csv")).stream().map(l -> l.split(",", -1))
                .filter(c -> c[1].equals("countries.MEX.sovereignty") && c[0].equals("severed_per_mex"))
                .forEach(c -> assertTrue(Double.parseDouble(c[4]) > 0, "a bin without points: " + String.join(",", c)));
    }

    @Test
    void valuesBeyondTheFourThatExplainMostAreNamedAsLeftOut() throws Exception {
        // a copy of the sobol fixture's points with two more varied values that explain nothing
        Path dir = tmp.resolve("wide");
        Files.createDirectories(dir);
        List<String> lines = Files.readAllLines(Fixtures.dir("sobol").resolve("points.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0).replace("countries_mex_sovereignty,", "countries_mex_sovereignty,parameters_memory,parameters_salience,"));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            int point = Integer.parseInt(c[0]);
            c[3] = c[3] + "," + (point % 7) + "," + (0.1 * (point % 5));
            out.add(String.join(",", c));
        }
        Files.write(dir.resolve("points.csv"), out);
        String manifest = Files.readString(Fixtures.dir("sobol").resolve("manifest.json"));
        Files.writeString(dir.resolve("manifest.json"), manifest);
        Report.Written w = Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("wide-out")));
        String pairs = section(Files.readString(w.html()), "pairs");
        assertEquals(6, charts(pairs, "pairs-").size(), "four values, six pairs");
        assertTrue(pairs.contains("Left out: "), pairs);
        int left = pairs.indexOf("Left out: ");
        int firstChart = pairs.indexOf("data-chart=");
        assertTrue(left < firstChart, "what is left out is said at the top");
    }
}

package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crisis.cli.Cli.Outcome;
import org.crisis.experiment.SweepFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crisis discover} end to end on a small sweep run by {@code crisis sweep} in the test
 * (three countries, a month; 3 x 2 x 3 = 18 points of 4 runs, one varied value a category),
 * and every error a user can make, each with exit status 2 and nothing written.
 */
class DiscoverTest {
    private static final String SWEEP = """
            scenario: tiny.yaml
            design: grid
            replications: 4
            seed: 3
            vary:
              countries.AAA.domesticPressure: { min: 0.1, max: 0.9, steps: 3 }
              countries.AAA.sovereignty: { values: [0.3, 0.9] }
              relations.AAA-BBB.level: { values: [CORDIAL, NORMAL, DOWNGRADED] }
            outcomes: [severed:AAA-BBB, daysToSevered:AAA-BBB, lowestLevel:AAA-BBB, polarisation]
            """;

    @TempDir
    static Path sweeps;
    static Path sweep;
    static Path small;

    @TempDir
    Path tmp;



    @BeforeAll
    static void runTheSweeps() throws IOException {
        // a rupture threshold and a grievance gain at which some points of the grid break and others do not, with the
        // values that shape a month's escalation at the sixty-fifth round's defaults, where the figures were worked out
        Files.writeString(sweeps.resolve("tiny.yaml"), SweepFixtures.SCENARIO + "parameters:\n  thresholdSever: 0.5\n  grievanceGain: 0.46\n"
                + "  grievanceDecay: 0.0461046\n  reciprocity: 0.025\n  audienceCost: 35.1244\n  ruptureCost: 0.0404237\n"
                + "  territorialSalience: 0.0761436\n  campaignGain: 0\n  recordWeight: 0\n");
        Files.writeString(sweeps.resolve("sweep.yaml"), SWEEP);
        sweep = sweeps.resolve("sweep");
        Outcome o = crisis("sweep", sweeps.resolve("sweep.yaml").toString(), "--out", sweep.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.status(), o.err());
        // three points: too few for PRIM
        Files.writeString(sweeps.resolve("small.yaml"), SWEEP.replace("replications: 4", "replications: 2")
                .replace("{ min: 0.1, max: 0.9, steps: 3 }", "{ values: [0.9] }").replace("values: [0.3, 0.9]", "values: [0.9]"));
        small = sweeps.resolve("small");
        o = crisis("sweep", sweeps.resolve("small.yaml").toString(), "--out", small.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void discoverWritesTheTrajectoryTheChosenBoxAndAPage() throws Exception {
        Path out = tmp.resolve("d");
        Outcome o = crisis("discover", sweep.toString(), "--outcome", "severed:AAA-BBB", "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("PRIM on severed:AAA-BBB in a run: "), o.out());
        assertTrue(o.out().contains("out of 72 runs"), o.out());
        assertTrue(o.out().contains("results: " + out), o.out());
        assertEquals(List.of("box.csv", "discover.html", "trajectory.csv"), listing(out));

        List<List<String>> t = csv(out.resolve("trajectory.csv"));
        assertEquals(List.of("box", "step", "coverage", "density", "mass", "cases", "cases_of_interest", "restricted", "move",
                "chosen"), t.get(0));
        assertTrue(t.size() >= 3, "at least one peel: " + t);
        assertEquals(List.of("0", "start", "1"), t.get(1).subList(0, 3));
        assertEquals("1", t.get(1).get(4), "the first box is the whole sweep");
        assertEquals("72", t.get(1).get(5));
        int chosen = -1;
        double density = -1;
        for (int i = 1; i < t.size(); i++) {
            List<String> row = t.get(i);
            assertEquals(Integer.toString(i - 1), row.get(0));
            double d = Double.parseDouble(row.get(3));
            assertTrue(d > density, "density rises along the trajectory: " + t);
            density = d;
            double cases = Double.parseDouble(row.get(5));
            assertEquals(cases % 4, 0.0, "peels never separate the 4 runs of a point: " + row);
            assertEquals(Double.parseDouble(row.get(4)), cases / 72, 1e-6, "mass is the share of runs: " + row);
            assertEquals(d, Double.parseDouble(row.get(6)) / cases, 1e-6, "density is the share of the box's runs: " + row);
            if (row.get(9).equals("1")) {
                assertEquals(-1, chosen, "one box is chosen");
                chosen = i - 1;
            }
        }
        assertTrue(chosen >= 0, "a box is chosen: " + t);

        List<List<String>> b = csv(out.resolve("box.csv"));
        assertEquals(List.of("box", "dimension", "column", "kind", "lower", "upper", "p_lower", "p_upper", "categories",
                "p_categories", "coverage", "density", "mass", "cases", "cases_of_interest"), b.get(0));
        int restricted = Integer.parseInt(t.get(chosen + 1).get(7));
        assertEquals(restricted, b.size() - 1, "one row per restricted varied value");
        for (List<String> row : b.subList(1, b.size())) {
            assertEquals(Integer.toString(chosen), row.get(0));
            assertTrue(List.of("countries.AAA.domesticPressure", "countries.AAA.sovereignty", "relations.AAA-BBB.level")
                    .contains(row.get(1)), row.toString());
            assertEquals(row.get(1).equals("relations.AAA-BBB.level") ? "category" : "number", row.get(3));
            for (int c : new int[] {6, 7, 9}) {
                if (!row.get(c).isEmpty()) {
                    double p = Double.parseDouble(row.get(c));
                    assertTrue(p >= 0 && p <= 1, "a probability: " + row);
                }
            }
            assertEquals(t.get(chosen + 1).get(3), row.get(11), "the box's density");
        }

        String html = Files.readString(out.resolve("discover.html"));
        ReportTest.assertSelfContained(html);
        assertTrue(html.contains("data-chart=\"trajectory\""));
        assertTrue(html.contains("relations.AAA-BBB.level (categories CORDIAL, NORMAL, DOWNGRADED)"), "a categorical input");
        assertTrue(html.contains("Content-Security-Policy"));
        if (restricted > 0) {
            assertTrue(html.contains("data-chart=\"box-"), "the box over the sweep");
            assertTrue(html.contains("In the box ("), "the box in words");
        }
    }

    @Test
    void askingOfEachRunGivesTheSameBoxWhetherItComesFromThePointsOrTheRuns() throws Exception {
        // a yes/no outcome is read from points.csv (n and mean); a threshold on each run reads runs.csv
        Outcome a = crisis("discover", sweep.toString(), "--outcome", "severed:AAA-BBB", "--out", tmp.resolve("a").toString());
        Outcome b = crisis("discover", sweep.toString(), "--outcome", "severed_aaa_bbb", "--threshold", ">=", "1",
                "--out", tmp.resolve("b").toString());
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        assertEquals(Files.readString(tmp.resolve("a/trajectory.csv")), Files.readString(tmp.resolve("b/trajectory.csv")));
        assertEquals(Files.readString(tmp.resolve("a/box.csv")), Files.readString(tmp.resolve("b/box.csv")));
        // a pair has no direction
        Outcome c = crisis("discover", sweep.toString(), "--outcome", "severed:BBB-AAA", "--out", tmp.resolve("c").toString());
        assertEquals(0, c.status(), c.err());
        assertEquals(Files.readString(tmp.resolve("a/box.csv")), Files.readString(tmp.resolve("c/box.csv")));
    }

    @Test
    void pointsAsCasesAndAThresholdOnANumber() throws Exception {
        Outcome o = crisis("discover", sweep.toString(), "--outcome", "lowestLevel:AAA-BBB", "--threshold", "<=", "1",
                "--cases", "points", "--out", tmp.resolve("p").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("PRIM on a mean of lowestLevel:AAA-BBB <= 1 at a point"), o.out());
        List<List<String>> t = csv(tmp.resolve("p/trajectory.csv"));
        assertEquals("18", t.get(1).get(5), "18 points, each one case");
    }

    @Test
    void theDefaultOutputGoesInsideTheSweepDirectory() throws Exception {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : listing(sweep)) {
            if (Files.isRegularFile(sweep.resolve(f))) {
                Files.copy(sweep.resolve(f), copy.resolve(f));
            }
        }
        Outcome o = crisis("discover", copy.toString(), "--outcome", "lowestLevel:AAA-BBB", "--threshold", "<=", "1");
        assertEquals(0, o.status(), o.err());
        assertTrue(Files.isRegularFile(copy.resolve("discover-lowest_level_aaa_bbb-le-1/discover.html")), listing(copy).toString());
        // the sweep named through a sibling folder (../copy): the default output is still inside it, not refused for its '..'
        Files.createDirectories(tmp.resolve("analysis"));
        Outcome up = crisis("discover", tmp.resolve("analysis/../copy").toString(), "--outcome", "severed:AAA-BBB");
        assertEquals(0, up.status(), up.err());
        assertTrue(Files.isRegularFile(copy.resolve("discover-severed_aaa_bbb/discover.html")), listing(copy).toString());
    }

    @Test
    void everyMistakeIsExitTwoWithAClearMessageAndNothingWritten() throws Exception {
        String dir = sweep.toString();
        List<String> before = listing(sweep);
        List<String> base = listing(Fixtures.dir("base"));
        String[][] cases = {
            {"did you mean 'severed:AAA-BBB'?", dir, "--outcome", "severd:AAA-BBB"},
            {"did you mean 'severed:AAA-BBB'?", dir, "--outcome", "severed_aaa_bb"},
            {"restored:AAA-BBB: not recorded by this sweep; its outcomes are severed:AAA-BBB, daysToSevered:AAA-BBB,"
                    + " lowestLevel:AAA-BBB, polarisation", dir, "--outcome", "restored:AAA-BBB"},
            {"unknown outcome 'happiness'", dir, "--outcome", "happiness"},
            {"lowestLevel:AAA-BBB is a number, not a yes/no outcome: say which values count with --threshold",
                dir, "--outcome", "lowestLevel:AAA-BBB"},
            {"--threshold: unknown comparison '=>'", dir, "--outcome", "lowestLevel:AAA-BBB", "--threshold", "=>", "1"},
            {"'abc' is not a number", dir, "--outcome", "lowestLevel:AAA-BBB", "--threshold", ">=", "abc"},
            {"'NaN' is not a number", dir, "--outcome", "lowestLevel:AAA-BBB", "--threshold", ">=", "NaN"},
            {"--threshold: give it once", dir, "--outcome", "lowestLevel:AAA-BBB", "--threshold", ">=", "1", "--threshold", "<", "3"},
            {"no variation: no run of the sweep has lowestLevel:AAA-BBB > 4 (the points' means of lowestLevel:AAA-BBB range from",
                dir, "--outcome", "lowestLevel:AAA-BBB", "--threshold", ">", "4"},
            {"no variation: every point of the sweep has a mean of lowestLevel:AAA-BBB >= 0", dir, "--outcome",
                "lowestLevel:AAA-BBB", "--threshold", ">=", "0", "--cases", "points"},
            {"--box 99: the trajectory has boxes 0 to", dir, "--outcome", "severed:AAA-BBB", "--box", "99"},
            {"--peel: the share peeled at each step must be in (0, 0.5), found 0.6", dir, "--outcome", "severed:AAA-BBB",
                "--peel", "0.6"},
            {"--min-support: must be in (0, 1), found 0.0", dir, "--outcome", "severed:AAA-BBB", "--min-support", "0"},
            {"give one of them", dir, "--outcome", "severed:AAA-BBB", "--box", "1", "--min-density", "0.5"},
            {"--cases: expected runs or points, found 'sometimes'", dir, "--outcome", "severed:AAA-BBB", "--cases", "sometimes"},
            {"--objective: expected original or lenient1", dir, "--outcome", "severed:AAA-BBB", "--objective", "greedy"},
            {"too few points: 3 of the sweep's 3 points have a value of severed:AAA-BBB; scenario discovery needs at least 10",
                small.toString(), "--outcome", "severed:AAA-BBB"},
            {"not of a sweep", Fixtures.dir("base").toString(), "--outcome", "severed:PER-MEX"},
            {"no such directory", tmp.resolve("absent").toString(), "--outcome", "severed:PER-MEX"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("never");
            List<String> args = new ArrayList<>(List.of("discover"));
            args.addAll(List.of(c).subList(1, c.length));
            args.addAll(List.of("--out", out.toString()));
            Outcome o = crisis(args.toArray(String[]::new));
            assertEquals(2, o.status(), String.join(" ", args) + "\n" + o.err());
            assertTrue(o.err().startsWith("crisis discover: "), o.err());
            assertTrue(o.err().contains(c[0]), "expected '" + c[0] + "' in\n" + o.err());
            assertEquals("", o.out(), "nothing said on standard output: " + String.join(" ", args));
            assertFalse(Files.exists(out), "nothing written: " + String.join(" ", args));
        }
        assertEquals(before, listing(sweep), "the sweep directory is untouched");
        assertEquals(base, listing(Fixtures.dir("base")), "the run set is untouched");
    }

    @Test
    void helpDescribesTheCommand() {
        Outcome o = crisis("discover", "--help");
        assertEquals(0, o.status());
        for (String s : List.of("--outcome", "--threshold", "--peel", "--min-support", "--box", "--paste", "--cases", "--out")) {
            assertTrue(o.out().contains(s), s + " in\n" + o.out());
        }
        assertTrue(crisis("--help").out().contains("discover"));
    }

    /**
     * The worked example of docs/REPORTS.md ("On the shipped sweep") is what the shipped sweep gives: every line of
     * crisis discover it shows, and the coverage, density and mass of each box of its trajectory table.
     */
    @Test
    void theWorkedExampleOfTheDocsIsWhatTheShippedSweepGives() throws Exception {
        Path out = tmp.resolve("asylum-severity");
        Outcome s = crisis("sweep", "scenarios/sweeps/asylum-severity.yaml", "--out", out.toString(), "--quiet", "--threads", "2");
        assertEquals(0, s.status(), s.err());
        Outcome d = crisis("discover", out.toString(), "--outcome", "severed:PER-MEX", "--out", tmp.resolve("found").toString());
        assertEquals(0, d.status(), d.err());
        String docs = Files.readString(Path.of("docs/REPORTS.md"));
        int from = docs.indexOf("### On the shipped sweep");
        String section = docs.substring(from, docs.indexOf("### Tests", from));
        int command = section.indexOf("$ ./crisis discover results/asylum-severity --outcome severed:PER-MEX");
        String shown = section.substring(command, section.indexOf("```", command));
        for (String line : shown.lines().skip(1).toList()) {
            assertTrue(d.out().contains(line + "\n"), "docs/REPORTS.md shows '" + line + "'; crisis discover prints:\n" + d.out());
        }
        List<String[]> trajectory = Files.readAllLines(tmp.resolve("found").resolve("trajectory.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        List<String> rows = section.lines().filter(l -> l.matches("\\| \\**\\d+\\**? \\|.*")).toList();
        assertEquals(trajectory.size(), rows.size(), "a row per box");
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String[] box = trajectory.get(Integer.parseInt(cells[1].replace("*", "").trim()));
            for (int k = 0; k < 3; k++) { // coverage, density, mass: in the file columns 2, 3, 4
                double shownShare = Double.parseDouble(cells[3 + k].replace("%", "").trim()) / 100;
                assertEquals(Double.parseDouble(box[2 + k]), shownShare, 0.0005 + 1e-9, row);
            }
        }
    }
}

package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's data as the page's script reads it: levels rebuilt from its changes are the
 * network of every day, grievances are the trajectories', events carry their causes; the runs
 * offered; the order of countries by bloc; JSON that scenario text cannot break out of.
 */
class ReplayTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode replayData(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"replay-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "the replay's data in the page");
        return JSON.readTree(m.group(1));
    }

    @Test
    void theChangesOfEachRunRebuildItsNetworkOnEveryDayWithTheTrackedPairsGrievances() throws Exception {
        Path dir = Fixtures.dir("base");
        Report.Written w = Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out")));
        JsonNode data = replayData(Files.readString(w.html()));
        RunSetResults set = RunSetResults.open(dir, Manifests.read(dir.resolve("manifest.json")));
        assertEquals(List.of("PER", "MEX", "VEN"), names(data.path("countries")));
        assertTrue(data.path("runs").size() >= 2, "several runs offered");
        for (JsonNode run : data.path("runs")) {
            int k = run.path("run").asInt();
            List<EventRecord> events = set.events(k);
            Map<Pair, RunTrajectory> trajectories = set.trajectories(k);
            int last = run.path("last").asInt();
            assertEquals(trajectories.values().iterator().next().lastDay(), last, "the last day of run " + k);
            RegionalNetwork net = RegionalNetwork.of(set, events, trajectories, last);
            Map<String, Integer> now = new HashMap<>();
            for (JsonNode r : run.path("initial")) {
                now.put(r.get(0).asText() + "-" + r.get(1).asText(), r.get(2).asInt());
            }
            assertEquals(Map.of("MEX-PER", RelationLevel.DOWNGRADED.ordinal()), now, "the scenario's relations before day 0");
            int c = 0;
            JsonNode changes = run.path("changes");
            for (int d = 0; d <= last; d++) {
                for (; c < changes.size() && changes.get(c).get(0).asInt() == d; c++) {
                    JsonNode ch = changes.get(c);
                    String key = ch.get(1).asText() + "-" + ch.get(2).asText();
                    if (ch.get(3).asInt() == RelationLevel.NORMAL.ordinal()) {
                        now.remove(key);
                    } else {
                        now.put(key, ch.get(3).asInt());
                    }
                }
                Map<String, Integer> expected = new HashMap<>();
                net.on(d).forEach((p, l) -> expected.put(p.a() + "-" + p.b(), l.ordinal()));
                assertEquals(expected, now, "run " + k + ", day " + d);
            }
            assertEquals(changes.size(), c, "changes in day order, within the run");
            assertTrue(changes.size() > 0, "levels change in run " + k);
            // grievances: each tracked pair's, each day, as trajectories.csv has them (4 significant digits)
            for (int p = 0; p < set.pairs().size(); p++) {
                RunTrajectory t = trajectories.get(set.pairs().get(p));
                JsonNode g = run.path("grievance").get(p);
                for (int i = 0; i < t.day().length; i++) {
                    assertEquals(t.ab()[i], g.path("ab").get(t.day()[i]).asDouble(), 5e-4 * Math.max(1, t.ab()[i]));
                    assertEquals(t.ba()[i], g.path("ba").get(t.day()[i]).asDouble(), 5e-4 * Math.max(1, t.ba()[i]));
                }
            }
            assertEquals(List.of(0.4, 0.1), List.of(run.path("grievance").get(0).path("start").get(0).asDouble(),
                    run.path("grievance").get(0).path("start").get(1).asDouble()), "PER-MEX before day 0, as the scenario lists it");
            // events: all of them, with the event each answers and crisis explain's description
            CauseChains chains = new CauseChains(events, set.scripted());
            assertEquals(events.size(), run.path("events").size());
            for (int i = 0; i < events.size(); i++) {
                EventRecord e = events.get(i);
                JsonNode j = run.path("events").get(i);
                assertEquals(e.id(), j.get(0).asLong());
                assertEquals(e.day(), j.get(1).asInt());
                assertEquals(chains.causeOf(e), j.get(8).asLong());
                assertTrue(chains.line(e).endsWith(j.get(9).asText()), chains.line(e) + " / " + j.get(9).asText());
            }
        }
    }

    /** Makes run 3 the deepest fall (both tracked pairs SEVERED) and run 2 no fall at all (both ALLIED). */
    private static void fallDeepestInRunThreeNotAtAllInRunTwo(Path dir) throws IOException {
        Path runs = dir.resolve("runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(runs));
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            int replication = Integer.parseInt(cells[header.indexOf("replication")]);
            if (replication == 3 || replication == 2) {
                for (String c : List.of("lowest_level_per_mex", "lowest_level_per_ven")) {
                    cells[header.indexOf(c)] = replication == 3 ? "0" : "4";
                }
                lines.set(i, String.join(",", cells));
            }
        }
        Files.write(runs, lines);
    }

    @Test
    void theRunsOfferedAreTheMedianTheMostAndTheLeastEscalatedAndTheOneAskedFor() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        fallDeepestInRunThreeNotAtAllInRunTwo(dir);
        RunSetResults set = RunSetResults.open(dir, Manifests.read(dir.resolve("manifest.json")));
        int[] extremes = RepresentativeRun.extremes(set);
        assertEquals(2, extremes[0], "least escalated");
        assertEquals(3, extremes[1], "most escalated");
        int median = RepresentativeRun.choose(set);
        List<Replay.Choice> choices = Replay.choices(set, median, false, median);
        assertEquals(median, choices.get(0).run());
        assertTrue(choices.get(0).reasons().contains("median (representative)"));
        assertEquals(List.of("most escalated"), choices.stream().filter(c -> c.run() == 3).findFirst().orElseThrow().reasons());
        assertEquals(List.of("least escalated"), choices.stream().filter(c -> c.run() == 2).findFirst().orElseThrow().reasons());
        // --run 3 first, and one entry for the run chosen twice
        List<Replay.Choice> asked = Replay.choices(set, 3, true, median);
        assertEquals(3, asked.get(0).run());
        assertEquals(List.of("as asked (--run)", "most escalated"), asked.get(0).reasons());
        assertEquals(asked.size(), asked.stream().map(Replay.Choice::run).distinct().count(), "no run twice");
        String html = Files.readString(Report.write(List.of(dir),
                new ReportOptions(tmp.resolve("out"), List.of(), 3, 0.05, 0.05, null)).html());
        assertTrue(html.contains("<option value=\"0\" selected>run 3: as asked (--run), most escalated</option>"), "the asked run first");
        assertTrue(html.contains(">run 2: least escalated</option>"));
    }

    @Test
    void theMeasuresOfEscalationAndTheirDirectionComeFromSummaryJson() throws Exception {
        Path dir = Fixtures.copy("base", tmp.resolve("a"));
        fallDeepestInRunThreeNotAtAllInRunTwo(dir);
        Path summary = dir.resolve("summary.json");
        String text = Files.readString(summary);
        // the lowest levels said to be the more escalated the higher they are: the choice turns round
        Files.writeString(summary, text.replace("\"rank\" : 1,\n      \"more_escalated\" : \"lower\"",
                "\"rank\" : 1,\n      \"more_escalated\" : \"higher\""));
        RunSetResults set = RunSetResults.open(dir, Manifests.read(dir.resolve("manifest.json")));
        assertEquals(List.of(3, 2), List.of(RepresentativeRun.extremes(set)[0], RepresentativeRun.extremes(set)[1]));
        Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out")));
        String csv = Files.readString(tmp.resolve("out/report-replay-runs.csv"));
        assertTrue(csv.startsWith("run,chosen_as,pair,lowest_level,peak_severed_pairs,total_conflict,events,last_day\n"), csv);
        // no outcome marked: neither is offered, the median alone
        Files.writeString(summary, text.replace(", \"escalation\" ]", " ]").replace("[ \"escalation\" ]", "[ ]"));
        set = RunSetResults.open(dir, Manifests.read(dir.resolve("manifest.json")));
        assertEquals(List.of(-1, -1), List.of(RepresentativeRun.extremes(set)[0], RepresentativeRun.extremes(set)[1]));
        int median = RepresentativeRun.choose(set);
        assertEquals(1, Replay.choices(set, median, false, median).size());
        String html = Files.readString(Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out2"))).html());
        assertTrue(html.contains("summary.json marks no measure of escalation"), "the note says why");
        assertTrue(Files.readString(tmp.resolve("out2/report-replay-runs.csv")).startsWith("run,chosen_as,pair,events,last_day\n"));
        // marked without saying how it ranks runs: refused
        Files.writeString(summary, text.replaceFirst("\"escalation\" : \\{[^}]*\\},\n    ", ""));
        ReportException e = org.junit.jupiter.api.Assertions.assertThrows(ReportException.class,
                () -> Report.write(List.of(dir), ReportOptions.defaults().withOut(tmp.resolve("out3"))));
        assertTrue(e.getMessage().contains(".escalation: missing; expected an object"), e.getMessage());
    }

    @Test
    void countriesSharingSmallBlocsSitSideBySide() {
        // scenario order interleaves two small blocs; every country is in the large one
        List<RunSetResults.Country> countries = List.of(
                country("A1", "Big", "Alpha"), country("B1", "Big", "Beta"), country("A2", "Big", "Alpha"),
                country("B2", "Big", "Beta"), country("N", "Big"), country("A3", "Big", "Alpha"), country("B3", "Beta", "Big"));
        List<String> order = BlocLayout.order(countries);
        assertEquals(countries.size(), order.size());
        assertEquals("A1", order.get(0), "the scenario's first country first");
        // the Alpha members together, then N (it shares as much with A3 as anyone: the big bloc, and nothing else to
        // tell them apart), then the Beta members together; on the circle B3 comes round to A1 again
        assertEquals(List.of("A1", "A2", "A3", "N", "B1", "B2", "B3"), order);
        assertEquals(List.of("X", "Y"), BlocLayout.order(List.of(country("X"), country("Y"))), "without blocs: scenario order");
    }

    @Test
    void jsonForThePageKeepsScenarioTextInsideItsStrings() throws Exception {
        String nasty = "</script><script>alert(1)</script><!-- \"quoted\" back\\slash \u2028 tab\t & \u0001 \ud83d\ude00";
        String json = new JsonText().object().key("name").string(nasty).key("n").numbers(new double[] {0.57481234, Double.NaN,
            1e-20, -3, 12345.678}, 4).end().toString();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        JsonNode back = JSON.readTree(json);
        assertEquals(nasty, back.path("name").asText());
        assertEquals(0.5748, back.path("n").get(0).asDouble());
        assertTrue(back.path("n").get(1).isNull(), "NaN is null");
        assertEquals(1e-20, back.path("n").get(2).asDouble(), 1e-30);
        assertEquals(-3, back.path("n").get(3).asInt());
        assertEquals(12350, back.path("n").get(4).asDouble());
        assertEquals("[[],{},[1,2]]", new JsonText().array().array().end().object().end().array().number(1).number(2).end().end()
                .toString());
    }

    private static RunSetResults.Country country(String id, String... blocs) {
        return new RunSetResults.Country(id, id, List.of(blocs));
    }

    private static List<String> names(JsonNode countries) {
        List<String> out = new ArrayList<>();
        countries.forEach(c -> out.add(c.get(0).asText()));
        return out;
    }
}

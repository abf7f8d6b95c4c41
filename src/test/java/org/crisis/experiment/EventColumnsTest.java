package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * events.csv carries what an event means in the model (docs/FORMATS.md): its kind, rung and
 * level columns agree with the model's types and with the levels the run recorded.
 */
class EventColumnsTest {
    @TempDir
    Path tmp;

    @Test
    void theLevelsAnEventLeftItsPairAtAreTheRunsOwn() throws Exception {
        // a rupture and a restoration after an election: every level-changing type occurs
        List<String> lines = fixtureEvents(12);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int type = header.indexOf("type");
        int target = header.indexOf("target");
        int kind = header.indexOf("kind");
        int rung = header.indexOf("rung");
        int levelAct = header.indexOf("level_act");
        int newGovernment = header.indexOf("new_government");
        int before = header.indexOf("level_before");
        int after = header.indexOf("level_after");
        assertTrue(kind > header.indexOf("root"), "the added columns come after the older ones");
        Map<String, String> last = new HashMap<>();
        Set<String> changed = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            EventType t = EventType.valueOf(c[type]);
            assertEquals(t.kind().name().toLowerCase(Locale.ROOT), c[kind], line);
            assertEquals(t.rung() > 0 ? Integer.toString(t.rung()) : "", c[rung], line);
            assertEquals(t.changesGovernment() ? "1" : "0", c[newGovernment], line);
            assertEquals(c[target].isEmpty(), c[after].isEmpty(), "levels exactly for events with a pair: " + line);
            if (c[target].isEmpty()) {
                continue;
            }
            Level from = Level.valueOf(c[before]);
            Level to = Level.valueOf(c[after]);
            if (from != to) {
                assertEquals("1", c[levelAct], "only an act on the level changes it: " + line);
                changed.add(c[type]);
                boolean full = to == t.levelAfter(from, true);
                assertEquals(to, t.levelAfter(from, full), "the model's rule for " + line);
            }
            String pair = c[0] + ":" + (c[4].compareTo(c[target]) < 0 ? c[4] + "-" + c[target] : c[target] + "-" + c[4]);
            String previous = last.put(pair, c[after]);
            if (previous != null) {
                assertEquals(previous, c[before], "a pair's level carries over from its previous event: " + line);
            }
        }
        assertTrue(changed.contains("SEVER_RELATIONS"), "the fixture severs relations: " + changed);
        assertTrue(changed.contains("RESTORE_RELATIONS"), "and restores them: " + changed);
    }

    @Test
    void aRestorationAnswersAMediationOrNoEvent() throws Exception {
        // FORMATS 5.1: a restoration on the occasion of a new government or a gesture answers no event, so its
        // cause is empty and it roots its own chain; under a mediation it answers the mediation
        List<String> lines = fixtureEvents(40);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int run = header.indexOf("run");
        int id = header.indexOf("id");
        int type = header.indexOf("type");
        int cause = header.indexOf("cause");
        int root = header.indexOf("root");
        Map<String, String> typeOf = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            typeOf.put(c[run] + ":" + c[id], c[type]);
        }
        int restorations = 0;
        int unmediated = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (!c[type].equals("RESTORE_RELATIONS") && !c[type].equals("RETURN_AMBASSADOR")) {
                continue;
            }
            restorations++;
            if (c[cause].isEmpty()) {
                unmediated++;
                assertEquals(c[id], c[root], "it roots its own chain: " + line);
            } else {
                assertEquals("MEDIATE", typeOf.get(c[run] + ":" + c[cause]), "a restoration answers only a mediation: " + line);
            }
        }
        assertTrue(unmediated > 0 && restorations > unmediated, "the fixture restores both ways: " + unmediated + " of "
                + restorations + " without a mediation");
    }

    /** events.csv of {@code runs} runs of the rupture-and-election fixture, every run kept. */
    private List<String> fixtureEvents(int runs) throws Exception {
        var s = ScenarioReader.read(Path.of(getClass().getResource("/model/rupture-election.yaml").toURI()), List.of());
        Path out = tmp.resolve("out-" + runs);
        new RunSet(new RunSet.Spec(s, "0".repeat(64), List.of("crisis", "run", "test"), List.of(), runs, 3, 1, runs, out, tmp,
                "test")).execute(Progress.none());
        return Files.readAllLines(out.resolve("events.csv"));
    }
}

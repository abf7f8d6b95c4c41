package org.crisis.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.crisis.model.Act;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.model.Level;
import org.crisis.model.Parameter;
import org.crisis.model.Parameters;
import org.crisis.model.World;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.Scenario.Bounds;
import org.crisis.scenario.Scenario.Pair;
import org.crisis.scenario.ScenarioReader;
import org.crisis.sim.CrisisModel;
import org.junit.jupiter.api.Test;

/** Whether one run shows an expected pattern (docs/FORMATS.md, "Expected patterns"), for each kind. */
class PatternsModelTest {
    private static final Bounds ANY = new Bounds(Optional.empty(), Optional.empty());
    private static final Pair AB = new Pair("AAA", "BBB");
    private static final Pair BA = new Pair("BBB", "AAA");
    private static final Pair AC = new Pair("AAA", "CCC");

    /** AAA and BBB: NORMAL until day 5 (recall), SEVERED on day 20, DOWNGRADED on day 80, NORMAL on day 90. AAA-CCC untouched. */
    private static PairRecords records;

    private static World history() {
        // no decay: grievances stand between the acts, whatever the days between them; a restoration goes to
        // NORMAL only when both grievances are below g_restore/2, so κ and g_restore are fixed: AAA's grievance
        // after the rupture (1 − e^(−0.7κ) = 0.24) keeps the first restoration at DOWNGRADED (above 0.1)
        World w = new World(Parameters.defaults().with(Parameter.GRIEVANCE_DECAY, 0).with(Parameter.GRIEVANCE_GAIN, 0.4)
                .with(Parameter.RESTORE_THRESHOLD, 0.2), new MersenneTwisterFast(1));
        records = new PairRecords();
        w.listen(records);
        w.addCountry("AAA", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("CCC", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setDay(5);
        w.act(0, 1, EventType.RECALL_AMBASSADOR, Event.NONE);
        w.setDay(20);
        w.act(1, 0, EventType.SEVER_RELATIONS, Event.NONE);
        w.setDay(80);
        w.act(0, 1, EventType.RESTORE_RELATIONS, Event.NONE); // AAA still aggrieved: back to DOWNGRADED
        assertEquals(Level.DOWNGRADED, w.existing(0, 1).level());
        w.setDay(90);
        w.act(1, 0, EventType.RETURN_AMBASSADOR, Event.NONE);
        assertEquals(Level.NORMAL, w.existing(0, 1).level());
        return w;
    }

    private static Scenario.Reaches reaches(Pair p, Level level, Integer within) {
        return new Scenario.Reaches("", p, level, within == null ? OptionalInt.empty() : OptionalInt.of(within), ANY);
    }

    @Test
    void reachesHoldsWhenTheLowestLevelWasAtOrBelowTheOneNamed() {
        World w = history();
        assertTrue(Patterns.holds(reaches(AB, Level.SEVERED, null), w, records));
        assertTrue(Patterns.holds(reaches(BA, Level.DOWNGRADED, null), w, records), "either order of the pair");
        assertTrue(Patterns.holds(reaches(AB, Level.ALLIED, null), w, records));
    }

    @Test
    void reachesWithinDaysCountsFromDayZero() {
        World w = history();
        assertTrue(Patterns.holds(reaches(AB, Level.SEVERED, 20), w, records));
        assertFalse(Patterns.holds(reaches(AB, Level.SEVERED, 19), w, records));
        assertTrue(Patterns.holds(reaches(AB, Level.DOWNGRADED, 5), w, records));
        assertFalse(Patterns.holds(reaches(AB, Level.DOWNGRADED, 4), w, records));
    }

    @Test
    void anUntouchedPairReachesNormalOnDayZeroAndNothingBelow() {
        World w = history();
        assertTrue(Patterns.holds(reaches(AC, Level.NORMAL, 0), w, records));
        assertFalse(Patterns.holds(reaches(AC, Level.DOWNGRADED, null), w, records));
    }

    @Test
    void endsAtComparesTheLastDaysLevelWithItsBounds() {
        World w = history(); // ends NORMAL
        assertTrue(Patterns.holds(endsAt(AB, Level.NORMAL, null), w, records));
        assertTrue(Patterns.holds(endsAt(AB, null, Level.NORMAL), w, records));
        assertTrue(Patterns.holds(endsAt(AB, Level.DOWNGRADED, Level.CORDIAL), w, records));
        assertFalse(Patterns.holds(endsAt(AB, Level.CORDIAL, null), w, records));
        assertFalse(Patterns.holds(endsAt(AB, null, Level.DOWNGRADED), w, records));
        assertTrue(Patterns.holds(endsAt(AC, Level.NORMAL, Level.NORMAL), w, records), "untouched: NORMAL");
    }

    private static Scenario.EndsAt endsAt(Pair p, Level atLeast, Level atMost) {
        return new Scenario.EndsAt("", p, Optional.ofNullable(atLeast), Optional.ofNullable(atMost), ANY);
    }

    @Test
    void restoredHoldsAfterAReturnToNormalFromDowngradedOrBelow() {
        World w = history();
        assertTrue(Patterns.holds(new Scenario.Restored("", AB, true, ANY), w, records));
        assertFalse(Patterns.holds(new Scenario.Restored("", AB, false, ANY), w, records));
        assertFalse(Patterns.holds(new Scenario.Restored("", AC, true, ANY), w, records));
        assertTrue(Patterns.holds(new Scenario.Restored("", AC, false, ANY), w, records));
    }

    @Test
    void aPairStillSeveredAtTheEndIsNotRestored() {
        // no decay; a restoration goes to NORMAL only when both grievances are below g_restore/2, so with
        // g_restore fixed at 0.2 the grievances of 0.2 set below keep the restoration at DOWNGRADED
        World w = new World(Parameters.defaults().with(Parameter.GRIEVANCE_DECAY, 0).with(Parameter.RESTORE_THRESHOLD, 0.2),
                new MersenneTwisterFast(1));
        records = new PairRecords();
        w.listen(records);
        w.addCountry("AAA", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(0, 1, Level.SEVERED, 0.2, 0.2, 0, 0);
        w.act(0, 1, EventType.RESTORE_RELATIONS, Event.NONE); // back to DOWNGRADED only: still low
        assertFalse(Patterns.holds(new Scenario.Restored("", AB, true, ANY), w, records));
        assertTrue(Patterns.holds(reaches(AB, Level.SEVERED, 0), w, records), "a pair that starts severed reaches it on day 0");
    }

    @Test
    void aTriggerThatSetsItsLevelMovesThePairAndReachesByCountsOnlyThatSidesActs() {
        World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));
        records = new PairRecords();
        EventLevels levels = new EventLevels();
        w.listen(records);
        w.listen(levels);
        w.addCountry("AAA", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("CCC", 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setDay(5);
        // AAA expels BBB's ambassador (a scripted act that itself downgrades the pair, FORMATS 1.4)
        Event expulsion = w.act(new Act(0, 1, EventType.CUSTOM, -5, 1, false, false, false, false, Event.NONE, Event.NONE,
                "ambassador-expelled"), Level.DOWNGRADED);
        assertEquals(Level.DOWNGRADED, w.existing(0, 1).level(), "the act sets the level");
        assertEquals(Level.NORMAL, levels.before(expulsion));
        assertEquals(Level.DOWNGRADED, levels.after(expulsion), "the act's own move, as events.csv shows it");
        // the same trigger without setsLevel moves nothing
        w.act(new Act(0, 2, EventType.CUSTOM, -5, 1, false, false, false, false, Event.NONE, Event.NONE, "insult"));
        assertEquals(Level.NORMAL, w.existing(0, 2).level());
        w.setDay(8);
        // BBB answers in kind: the pair is already DOWNGRADED, so only a pattern by BBB sees the answer
        w.act(1, 0, EventType.EXPEL_DIPLOMATS, expulsion.id());
        assertEquals(Level.DOWNGRADED, w.existing(0, 1).level());

        assertTrue(Patterns.holds(reaches(AB, Level.DOWNGRADED, 5), w, records), "any fall: AAA's on day 5");
        assertTrue(Patterns.holds(by(AB, Level.DOWNGRADED, 5, "AAA"), w, records));
        assertFalse(Patterns.holds(by(AB, Level.DOWNGRADED, 7, "BBB"), w, records), "BBB had not answered by day 7");
        assertTrue(Patterns.holds(by(BA, Level.DOWNGRADED, 8, "BBB"), w, records), "its answer in kind on day 8");
        assertFalse(Patterns.holds(by(AB, Level.SEVERED, null, "BBB"), w, records), "an expulsion is not a rupture");
        assertFalse(Patterns.holds(by(AC, Level.DOWNGRADED, null, "AAA"), w, records), "a trigger without a level");
        assertFalse(Patterns.holds(by(AC, Level.NORMAL, null, "CCC"), w, records), "CCC did nothing");
    }

    private static Scenario.Reaches by(Pair p, Level level, Integer within, String country) {
        return new Scenario.Reaches("", p, level, within == null ? OptionalInt.empty() : OptionalInt.of(within), ANY,
                Optional.of(country));
    }

    @Test
    void condemnHoldsWhenTheNumberOfDistinctCondemnersIsWithinTheCountBounds() throws Exception {
        Scenario s = ScenarioReader.read(Path.of(PatternsModelTest.class.getResource("/model/embassy-raid.yaml").toURI()),
                List.of());
        int checked = 0;
        for (long seed = 1; seed <= 20; seed++) {
            MeasuredRun m = MeasuredRun.of(s, seed);
            World w = m.world();
            records = m.records();
            int raider = w.indexOf("RAI");
            Set<Integer> condemners = new HashSet<>();
            for (Event e : w.events()) {
                if (e.type() == EventType.CONDEMN && e.target() == raider) {
                    condemners.add(e.actor());
                }
            }
            int n = condemners.size();
            checked += n;
            assertTrue(Patterns.holds(condemn("RAI", n, n), w, records), "exactly " + n);
            assertTrue(Patterns.holds(condemn("RAI", null, n), w, records));
            assertFalse(Patterns.holds(condemn("RAI", n + 1, null), w, records));
            if (n > 0) {
                assertFalse(Patterns.holds(condemn("RAI", null, n - 1), w, records));
            }
        }
        assertTrue(checked > 0, "the fixture must draw some condemnation for this test to mean anything");
    }

    private static Scenario.Condemned condemn(String country, Integer min, Integer max) {
        return new Scenario.Condemned("", country, new Bounds(Optional.ofNullable(min).map(Integer::doubleValue),
                Optional.ofNullable(max).map(Integer::doubleValue)), ANY);
    }
}

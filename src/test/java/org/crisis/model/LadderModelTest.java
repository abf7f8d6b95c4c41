package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crisis.observe.PairRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The events table and the escalation ladder of docs/MODEL.md, section 3.1: each type's
 * weight, flags and effect on the level, and what acts do to the actors' postures.
 */
class LadderModelTest {

    /** One row of the events table of docs/MODEL.md 3.1. */
    private record Row(double gamma, boolean interference, boolean normBreaking) {}

    private static final Map<EventType, Row> EVENTS_TABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(EventType.ASYLUM_GRANT, new Row(-4.0, true, false)),
            Map.entry(EventType.INTERFERENCE_STATEMENT, new Row(-3.0, true, false)),
            Map.entry(EventType.SAFE_CONDUCT_DENIED, new Row(-4.0, false, false)),
            Map.entry(EventType.SAFE_CONDUCT_GRANTED, new Row(3.0, false, false)),
            Map.entry(EventType.EMBASSY_RAID, new Row(-9.0, false, true)),
            Map.entry(EventType.BORDER_INCIDENT, new Row(-6.0, false, false)),
            Map.entry(EventType.DISPUTED_ELECTION, new Row(-5.0, false, true)),
            Map.entry(EventType.COUP, new Row(-7.0, false, true)),
            Map.entry(EventType.ELECTION, new Row(0.0, false, false)),
            Map.entry(EventType.CUSTOM, new Row(0.0, false, false)), // weight and flags given by the scenario
            Map.entry(EventType.PROTEST, new Row(-2.4, false, false)),
            Map.entry(EventType.SUMMON_AMBASSADOR, new Row(-2.4, false, false)),
            Map.entry(EventType.RECALL_AMBASSADOR, new Row(-5.0, false, false)),
            Map.entry(EventType.EXPEL_DIPLOMATS, new Row(-5.0, false, false)),
            Map.entry(EventType.SEVER_RELATIONS, new Row(-7.0, false, false)),
            Map.entry(EventType.SANCTION, new Row(-8.0, false, false)),
            Map.entry(EventType.CONDEMN, new Row(-2.0, false, false)),
            Map.entry(EventType.SUPPORT, new Row(3.0, false, false)),
            Map.entry(EventType.MEDIATE, new Row(5.0, false, false)),
            Map.entry(EventType.DIALOGUE, new Row(4.0, false, false)),
            Map.entry(EventType.RETURN_AMBASSADOR, new Row(5.0, false, false)),
            Map.entry(EventType.RESTORE_RELATIONS, new Row(6.0, false, false))));

    @Test
    void everyEventTypeCarriesTheWeightAndFlagsOfTheEventsTable() {
        List<Executable> checks = new ArrayList<>();
        for (EventType t : EventType.values()) {
            Row row = EVENTS_TABLE.get(t);
            checks.add(() -> assertTrue(row != null, t + " is not in the events table of docs/MODEL.md 3.1"));
            if (row != null) {
                checks.add(() -> assertEquals(row.gamma(), t.gamma(), 0.0, t + " gamma"));
                checks.add(() -> assertEquals(row.interference(), t.interference(), t + " interference"));
                checks.add(() -> assertEquals(row.normBreaking(), t.normBreaking(), t + " norm-breaking"));
            }
        }
        assertAll(checks);
    }

    @Test
    void onlyElectionsAndCoupsChangeGovernmentAndOnlyTheyAndDisputedElectionsAreDomestic() {
        for (EventType t : EventType.values()) {
            boolean changes = t == EventType.ELECTION || t == EventType.COUP;
            boolean domestic = changes || t == EventType.DISPUTED_ELECTION;
            assertEquals(changes, t.changesGovernment(), t.name());
            assertEquals(domestic, t.domestic(), t.name());
        }
    }

    @Test
    void theLadderRunsFromProtestToSanctionsOneRungPerAct() {
        EventType[] ladder = {EventType.PROTEST, EventType.SUMMON_AMBASSADOR, EventType.RECALL_AMBASSADOR,
            EventType.EXPEL_DIPLOMATS, EventType.SEVER_RELATIONS, EventType.SANCTION};
        for (int rung = 1; rung <= Ladder.TOP; rung++) {
            assertEquals(ladder[rung - 1], Ladder.act(rung));
            assertEquals(rung, ladder[rung - 1].rung());
        }
        for (EventType t : EventType.values()) {
            if (!List.of(ladder).contains(t)) {
                assertEquals(-1, t.rung(), t + " is not a rung of the ladder");
            }
        }
    }

    @Test
    void levelsImplyTheRungAStateStandsOnAtLeast() {
        // docs/MODEL.md 3.5: SEVERED implies 5, DOWNGRADED 3, the others none
        assertEquals(Ladder.SEVER, Level.SEVERED.impliedRung());
        assertEquals(Ladder.RECALL, Level.DOWNGRADED.impliedRung());
        assertEquals(Ladder.NONE, Level.NORMAL.impliedRung());
        assertEquals(Ladder.NONE, Level.CORDIAL.impliedRung());
        assertEquals(Ladder.NONE, Level.ALLIED.impliedRung());
    }

    /** The "level effect" column of docs/MODEL.md 3.1, written out for every type and level. */
    private static Level documentedLevelAfter(EventType t, Level before, boolean bothGrievancesLow) {
        return switch (t) {
            case RECALL_AMBASSADOR, EXPEL_DIPLOMATS ->
                before.compareTo(Level.DOWNGRADED) > 0 ? Level.DOWNGRADED : before; // at most DOWNGRADED
            case SEVER_RELATIONS -> Level.SEVERED;
            case RETURN_AMBASSADOR -> before == Level.DOWNGRADED ? Level.NORMAL : before;
            case RESTORE_RELATIONS -> before != Level.SEVERED ? before
                    : bothGrievancesLow ? Level.NORMAL : Level.DOWNGRADED;
            default -> before; // "none"
        };
    }

    @Test
    void eachEventTypeMovesTheLevelAsTheEventsTableSays() {
        List<Executable> checks = new ArrayList<>();
        for (EventType t : EventType.values()) {
            for (Level before : Level.values()) {
                for (boolean low : new boolean[] {false, true}) {
                    checks.add(() -> assertEquals(documentedLevelAfter(t, before, low), t.levelAfter(before, low),
                            t + " from " + before + (low ? " (both grievances low)" : "")));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void aRecallFromAnAllianceDowngradesRelationsAndPutsTheActorOnTheThirdRung() {
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.ALLIED, 0, 0, 0, 0);
        w.setDay(7);
        w.act(b, a, EventType.RECALL_AMBASSADOR, Event.NONE);
        Dyad d = w.existing(a, b);
        assertEquals(Level.DOWNGRADED, d.level());
        assertEquals(Ladder.RECALL, d.posture(b));
        assertEquals(Ladder.NONE, d.posture(a));
        assertEquals(7, d.lastEscalation[d.side(b)], "the day b climbed, for reciprocity");
        assertEquals(7, measures(w, a, b).firstDowngraded());
        assertEquals(Level.DOWNGRADED, measures(w, a, b).lowestLevel());
    }

    @Test
    void aDisputeRemembersTheHeaviestInjuryEachSideSufferedUntilThePairIsBackAtNormal() {
        // docs/MODEL.md 3.5, injuryMemory: an exogenous hostile act of the other, counted when it is
        // the root of the act that took the pair below NORMAL, or when it comes while the pair is there
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.NORMAL, 0, 0, 0, 0);
        Dyad d = w.existing(a, b);
        int sa = d.side(a);
        int sb = d.side(b);
        Event statement = w.act(b, a, EventType.INTERFERENCE_STATEMENT, Event.NONE); // weight 0.3
        assertEquals(0, d.injury[sa], "an act that takes the pair nowhere is not yet an injury");
        Event protest = w.act(a, b, EventType.PROTEST, statement.id());
        w.act(a, b, EventType.RECALL_AMBASSADOR, protest.id()); // its root is the statement
        assertEquals(0.3, d.injury[sa], 1e-12, "the root of the act that downgraded the pair");
        assertEquals(0, d.injury[sb]);
        w.act(new Act(b, a, EventType.CUSTOM, -8, 0.5, false, false, false, false, Event.NONE, Event.NONE, "x"));
        assertEquals(0.4, d.injury[sa], 1e-12, "a heavier act while downgraded: |γ|·severity/10");
        w.act(b, a, EventType.INTERFERENCE_STATEMENT, Event.NONE);
        assertEquals(0.4, d.injury[sa], 1e-12, "a lighter one leaves the heaviest");
        w.act(a, b, EventType.ASYLUM_GRANT, Event.NONE);
        assertEquals(0.4, d.injury[sb], 1e-12, "each side keeps its own");
        w.act(b, a, EventType.SEVER_RELATIONS, Event.NONE); // a scripted rupture: an answer, not an injury
        assertEquals(Level.SEVERED, d.level());
        assertEquals(0.4, d.injury[sa], 1e-12);
        assertEquals(0.4, d.injury[sb], 1e-12);
        d.grievance[0] = 0;
        d.grievance[1] = 0;
        w.act(a, b, EventType.RESTORE_RELATIONS, Event.NONE);
        assertEquals(Level.NORMAL, d.level());
        assertEquals(0, d.injury[sa], "back at NORMAL the dispute's injuries are behind the pair");
        assertEquals(0, d.injury[sb]);
        w.act(b, a, EventType.EMBASSY_RAID, Event.NONE);
        assertEquals(0, d.injury[sa], "at NORMAL again, an act is an injury only once it takes the pair lower");
    }

    @Test
    void withInjuryFadingALighterFreshInjuryReplacesAHeavierOneThatHasFadedBelowIt() {
        World w = new World(Parameters.defaults().with(Parameter.INJURY_FADING, 0.01), new MersenneTwisterFast(1));
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.DOWNGRADED, 0, 0, 0, 0);
        Dyad d = w.existing(a, b);
        int sa = d.side(a);
        w.setDay(10);
        w.act(b, a, EventType.BORDER_INCIDENT, Event.NONE); // 0.6 on day 10
        assertEquals(0.6, d.injuryOn(sa, 10, 0.01), 1e-12);
        assertEquals(0.6 * Math.pow(0.99, 50), d.injuryOn(sa, 60, 0.01), 1e-12);
        w.setDay(60);
        w.act(b, a, EventType.ASYLUM_GRANT, Event.NONE); // 0.4 against 0.6 faded to 0.36: it replaces it
        assertEquals(0.4, d.injuryOn(sa, 60, 0.01), 1e-12);
        w.setDay(61);
        w.act(b, a, EventType.INTERFERENCE_STATEMENT, Event.NONE); // 0.3 against 0.396: it does not
        assertEquals(0.4 * 0.99, d.injuryOn(sa, 61, 0.01), 1e-12);

        // a root fades from the day it was done, not from the day the pair fell below NORMAL
        World v = new World(Parameters.defaults().with(Parameter.INJURY_FADING, 0.01), new MersenneTwisterFast(1));
        int c = neutral(v, "CCC");
        int e = neutral(v, "EEE");
        v.setRelation(c, e, Level.NORMAL, 0, 0, 0, 0);
        v.setDay(10);
        Event statement = v.act(e, c, EventType.INTERFERENCE_STATEMENT, Event.NONE); // 0.3 on day 10
        v.setDay(30);
        v.act(c, e, EventType.RECALL_AMBASSADOR, statement.id());
        assertEquals(0.3 * Math.pow(0.99, 20), v.existing(c, e).injuryOn(v.existing(c, e).side(c), 30, 0.01), 1e-12);
    }

    @Test
    void anExpulsionOnAnAlreadySeveredPairLeavesItSevered() {
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.SEVERED, 0, 0, 0, 0);
        w.act(a, b, EventType.EXPEL_DIPLOMATS, Event.NONE);
        assertEquals(Level.SEVERED, w.existing(a, b).level());
    }

    @Test
    void aRestorationFromSeveredGoesToNormalOnlyWhenBothGrievancesAreBelowHalfTheRestoreThreshold() {
        double half = Parameter.RESTORE_THRESHOLD.defaultValue() / 2;
        // the actor's own grievance decides here: the restoring act does not lower it
        assertEquals(Level.NORMAL, restoredFromSevered(half - 0.01));
        assertEquals(Level.DOWNGRADED, restoredFromSevered(half + 0.01));
    }

    private static Level restoredFromSevered(double actorGrievance) {
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.SEVERED, actorGrievance, 0, 0, 0);
        w.act(a, b, EventType.RESTORE_RELATIONS, Event.NONE);
        return w.existing(a, b).level();
    }

    @Test
    void whenRelationsImproveBothPosturesFallToWhatTheNewLevelAllows() {
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.SEVERED, 0.5, 0.5, 0, 0);
        Dyad d = w.existing(a, b);
        d.posture[0] = Ladder.SANCTION;
        assertEquals(Ladder.SEVER, d.posture[1], "a listed SEVERED pair starts at the rung its level implies");

        w.act(a, b, EventType.RESTORE_RELATIONS, Event.NONE); // a's grievance 0.5, above half of g_restore: back to DOWNGRADED only
        assertEquals(Level.DOWNGRADED, d.level());
        assertTrue(d.posture[0] <= Ladder.EXPEL && d.posture[1] <= Ladder.EXPEL,
                "at DOWNGRADED no posture above expulsion: " + d.posture[0] + ", " + d.posture[1]);

        w.act(b, a, EventType.RETURN_AMBASSADOR, Event.NONE);
        assertEquals(Level.NORMAL, d.level());
        assertTrue(d.posture[0] <= Ladder.SUMMON && d.posture[1] <= Ladder.SUMMON,
                "at NORMAL no posture above a summons: " + d.posture[0] + ", " + d.posture[1]);
    }

    @Test
    void aPairThatStartsDowngradedIsRestoredOnTheDayItReturnsToNormal() {
        // docs/MODEL.md 3.10: at DOWNGRADED or below on some day, day 0 included, then NORMAL or above
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.DOWNGRADED, 0, 0, 0, 0);
        Dyad d = w.existing(a, b);
        assertEquals(0, measures(w, a, b).firstDowngraded());
        assertEquals(-1, measures(w, a, b).restoredDay());
        w.setDay(12);
        w.act(a, b, EventType.RETURN_AMBASSADOR, Event.NONE);
        assertEquals(12, measures(w, a, b).restoredDay());
        assertEquals(-1, measures(w, a, b).firstSevered());
        assertEquals(Level.DOWNGRADED, measures(w, a, b).lowestLevel());
    }

    @Test
    void firstDaysAtEachLevelOrBelowAreRecordedOnTheWayDown() {
        World w = world();
        int a = neutral(w, "AAA");
        int b = neutral(w, "BBB");
        w.setRelation(a, b, Level.CORDIAL, 0, 0, 0, 0);
        Dyad d = w.existing(a, b);
        w.setDay(3);
        w.act(a, b, EventType.RECALL_AMBASSADOR, Event.NONE);
        w.setDay(9);
        w.act(b, a, EventType.SEVER_RELATIONS, Event.NONE);
        assertEquals(0, measures(w, a, b).firstDayAtOrBelow(Level.ALLIED));
        assertEquals(0, measures(w, a, b).firstDayAtOrBelow(Level.CORDIAL));
        assertEquals(3, measures(w, a, b).firstDayAtOrBelow(Level.NORMAL));
        assertEquals(3, measures(w, a, b).firstDayAtOrBelow(Level.DOWNGRADED));
        assertEquals(9, measures(w, a, b).firstDayAtOrBelow(Level.SEVERED));
        assertEquals(9, measures(w, a, b).firstSevered());
        assertEquals(1, w.severedNow());
        assertEquals(2, measures(w, a, b).hostileEvents());
    }

    /** Measures of the last world made by {@link #world()}, kept from outside as a run's observer keeps them. */
    private static PairRecords records;

    /** A country at the centre with middling traits and no blocs. */
    private static int neutral(World w, String id) {
        return w.addCountry(id, 0, 0, 0.5, 0.5, 0.5, 0.5, List.of());
    }

    private static World world() {
        World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));
        records = new PairRecords();
        w.listen(records);
        return w;
    }

    private static PairRecords.Record measures(World w, int a, int b) {
        return records.of(w, a, b);
    }
}

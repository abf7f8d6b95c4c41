package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code followVictim} rule of docs/MODEL.md 3.5 (on by default): a side whose grievance against the other
 * last rose from the other's act against a third state climbs no higher than that state stands.
 */
class FollowVictimTest {
    private static final int DAY = 50;
    private static final int FRIEND = 0;
    private static final int CULPRIT = 1;
    private static final int VICTIM = 2;

    /**
     * The culprit has raided the victim's embassy today; the friend of the victim holds a grievance
     * against the culprit from that act, high enough to justify a rupture, and the victim stands on
     * {@code victimRung} towards the culprit.
     */
    private static World build(boolean follow, boolean borrowedOnly, int victimRung, MersenneTwisterFast random) {
        World w = new World(Parameters.defaults().with(Parameter.FOLLOW_VICTIM, follow ? 1 : 0)
                .with(Parameter.BORROWED_QUARREL_ONLY, borrowedOnly ? 1 : 0)
                .with(Parameter.THIRD_PARTIES, 0), random);
        w.setDay(DAY - 1);
        w.addCountry("FRI", 0.2, 0.2, 0.9, 0.8, 0.9, 0.5, List.of());
        w.addCountry("CUL", -0.6, 0.8, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("VIC", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(FRIEND, CULPRIT, Level.NORMAL, 0, 0, 0, 0);
        w.setRelation(CULPRIT, VICTIM, Level.NORMAL, 0, 0, 0, 0);
        w.setRelation(FRIEND, VICTIM, Level.ALLIED, 0, 0, 0, 0);
        Event raid = w.act(CULPRIT, VICTIM, EventType.EMBASSY_RAID, Event.NONE); // yesterday
        Dyad victim = w.existing(VICTIM, CULPRIT);
        victim.posture[victim.side(VICTIM)] = victimRung;
        w.setDay(DAY);
        Dyad d = w.existing(FRIEND, CULPRIT);
        int s = d.side(FRIEND);
        d.grievance[s] = 0.95;
        d.grievanceCause[s] = raid.id();
        d.lastAggrieved[s] = DAY;
        return w;
    }

    /**
     * The highest rung the friend's decided acts reach over 500 fresh draws of {@link #build},
     * each world first changed by {@code setUp}.
     */
    private static int highestClimb(boolean follow, int victimRung, long seed, Consumer<World> setUp) {
        return highestClimb(follow, false, victimRung, seed, setUp);
    }

    private static int highestClimb(boolean follow, boolean borrowedOnly, int victimRung, long seed,
            Consumer<World> setUp) {
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        int highest = Ladder.NONE;
        for (int k = 0; k < 500; k++) {
            World w = build(follow, borrowedOnly, victimRung, random);
            setUp.accept(w);
            int before = w.events().size();
            w.decision.decide(w.countries.get(FRIEND), w.existing(FRIEND, CULPRIT));
            for (Event e : w.events().subList(before, w.events().size())) {
                assertEquals(FRIEND, e.actor());
                highest = Math.max(highest, e.type().rung());
            }
        }
        return highest;
    }

    private static int highestClimb(boolean follow, int victimRung, long seed) {
        return highestClimb(follow, victimRung, seed, w -> { });
    }

    @Test
    void aFriendOfTheVictimClimbsNoHigherThanTheVictimStands() {
        assertEquals(Ladder.NONE, highestClimb(true, Ladder.NONE, 1L), "the victim has not answered: its friend waits");
        assertEquals(Ladder.RECALL, highestClimb(true, Ladder.RECALL, 2L), "the victim recalled: its friend goes as far");
        assertTrue(highestClimb(false, Ladder.NONE, 3L) >= Ladder.SEVER, "without the option the friend breaks on its own");
    }

    @Test
    void theVictimsAnswerOfTodayIsFollowedFromTomorrow() {
        // the cap reads the victim's standing at the start of the day: a day's decisions do not
        // depend on the order in which pairs decide (section 3.11)
        int highest = highestClimb(true, Ladder.NONE, 5L, w -> {
            w.act(VICTIM, CULPRIT, EventType.RECALL_AMBASSADOR, Event.NONE); // today
            Dyad v = w.existing(VICTIM, CULPRIT);
            assertEquals(Ladder.RECALL, Decision.standing(v, v.side(VICTIM)));
        });
        assertEquals(Ladder.NONE, highest, "the victim recalled today: its friend waits until tomorrow");
    }

    @Test
    void aGrievanceFromTheOthersActAgainstTheSideItselfIsNotCapped() {
        // the culprit's own act against the friend: the friend's quarrel is its own, whatever the victim did
        int highest = highestClimb(true, Ladder.NONE, 4L, w -> {
            Event own = w.act(CULPRIT, FRIEND, EventType.INTERFERENCE_STATEMENT, Event.NONE);
            Dyad d = w.existing(FRIEND, CULPRIT);
            d.grievance[d.side(FRIEND)] = 0.95;
            d.grievanceCause[d.side(FRIEND)] = own.id();
        });
        assertTrue(highest >= Ladder.SEVER, "its own injury: it climbs as the grievance justifies");
    }

    /**
     * Today the culprit interfered in the friend's affairs too, and the friend then read the raid
     * on the victim as an observer, so its grievance last rose from the borrowed quarrel (Senegal
     * and Nigeria in 2010, section 6.1).
     */
    private static void injuredToday(World w) {
        Dyad d = w.existing(FRIEND, CULPRIT);
        int s = d.side(FRIEND);
        int borrowed = d.grievanceCause[s];
        w.act(CULPRIT, FRIEND, EventType.INTERFERENCE_STATEMENT, Event.NONE);
        d.grievance[s] = 0.95;
        d.grievanceCause[s] = borrowed;
    }

    @Test
    void underBorrowedQuarrelOnlyASideInjuredItselfWithinMemoryIsNotCapped() {
        assertTrue(highestClimb(true, true, Ladder.NONE, 6L, FollowVictimTest::injuredToday) >= Ladder.SEVER,
                "injured itself today: its quarrel is its own, whatever the victim did");
        assertEquals(Ladder.NONE, highestClimb(true, false, Ladder.NONE, 7L, FollowVictimTest::injuredToday),
                "without the option the latest rise, from the act against the victim, caps it");
        assertEquals(Ladder.NONE, highestClimb(true, true, Ladder.NONE, 8L, w -> {
            Dyad d = w.existing(FRIEND, CULPRIT);
            d.lastOwnInjury[d.side(FRIEND)] = DAY - w.memory - 1;
        }), "an injury of its own beyond memory no longer lifts the cap");
    }
}

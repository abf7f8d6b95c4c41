package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The channel between major powers (docs/MODEL.md 3.5): between two countries declared major
 * powers a recall, an expulsion or a rupture costs {@code channelCost} more; sanctions and the
 * rungs below a recall do not, and a pair with one major power is untouched.
 */
class MajorPowerChannelTest {
    private static final int DAY = 100;
    private static final int DRAWS = 4000;
    private static final Parameters CHANNEL = Parameters.defaults().with(Parameter.CHANNEL_COST, 0.3);

    /** Side 0 towards side 1, standing on {@code rung}, with a fresh grievance from a grave act. */
    private static World world(Parameters p, boolean bothMajor, double grievance, int rung, Level level,
            MersenneTwisterFast random) {
        // a hawk under pressure (E = 1.4·G) when the grievance alone cannot reach the sanctions' θ_6
        double trait = grievance >= 1 ? 0.9 : 0.5;
        World w = new World(p, random);
        w.setDay(DAY);
        w.addCountry("AAA", 0.3, 0.2, 0.5, trait, trait, 0.5, List.of(), true);
        w.addCountry("BBB", -0.3, -0.2, 0.5, 0.5, 0.5, 0.5, List.of(), bothMajor);
        w.setRelation(0, 1, level, grievance, 0, 0, 0);
        Dyad d = w.existing(0, 1);
        d.posture[0] = rung;
        d.lastAggrieved[0] = DAY - 1;
        d.lastGraveAggrieved[0] = DAY - 1;
        return w;
    }

    /** The acts side 0 draws over {@link #DRAWS} days from the same state, by type. */
    private static Map<EventType, Integer> acts(Parameters p, boolean bothMajor, double grievance, int rung,
            Level level) {
        MersenneTwisterFast random = new MersenneTwisterFast(29L);
        Map<EventType, Integer> counts = new TreeMap<>();
        for (int k = 0; k < DRAWS; k++) {
            World w = world(p, bothMajor, grievance, rung, level, random);
            w.decision.decide(w.countries.get(0), w.existing(0, 1));
            for (Event e : w.events()) {
                counts.merge(e.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void twoMajorPowersJumpNoHigherThanTheRungTheChannelCostLeavesOpen() {
        // E = 0.7 from NORMAL: without the channel a rupture (θ_5 0.49 + c_rup) is justified;
        // with c_ch 0.3 a recall (0.35 + 0.3) is, and an expulsion (0.45 + 0.3) is not
        Map<EventType, Integer> one = acts(CHANNEL, false, 0.7, Ladder.NONE, Level.NORMAL);
        Map<EventType, Integer> both = acts(CHANNEL, true, 0.7, Ladder.NONE, Level.NORMAL);
        assertEquals(one.keySet(), java.util.Set.of(EventType.SEVER_RELATIONS), "one major power: " + one);
        assertEquals(both.keySet(), java.util.Set.of(EventType.RECALL_AMBASSADOR), "two major powers: " + both);
        // the first rung up (a protest) carries no channel cost: the same draws escalate
        assertEquals(one.get(EventType.SEVER_RELATIONS), both.get(EventType.RECALL_AMBASSADOR));
    }

    @Test
    void aRecallBetweenMajorPowersNeedsTheChannelCostMoreGrievance() {
        // standing on a summons with E 0.45: a recall (θ_3 0.35) is likely without the channel
        // and all but ruled out with it (utility lowered by b_g·c_ch = 3)
        int one = acts(CHANNEL, false, 0.45, Ladder.SUMMON, Level.NORMAL).getOrDefault(EventType.RECALL_AMBASSADOR, 0);
        int both = acts(CHANNEL, true, 0.45, Ladder.SUMMON, Level.NORMAL).getOrDefault(EventType.RECALL_AMBASSADOR, 0);
        assertTrue(one > DRAWS / 4, "one major power recalls in " + one + " of " + DRAWS);
        assertTrue(both < DRAWS / 200, "two major powers recall in " + both + " of " + DRAWS);
        // and at c_ch 0 the flag changes nothing
        assertEquals(acts(Parameters.defaults(), false, 0.45, Ladder.SUMMON, Level.NORMAL),
                acts(Parameters.defaults(), true, 0.45, Ladder.SUMMON, Level.NORMAL));
    }

    @Test
    void sanctionsBetweenMajorPowersCostNoMore() {
        // severed, with E 1.4 past θ_6 1.1: the same draws sanction with the flag or without
        Map<EventType, Integer> one = acts(CHANNEL, false, 1.0, Ladder.SEVER, Level.SEVERED);
        Map<EventType, Integer> both = acts(CHANNEL, true, 1.0, Ladder.SEVER, Level.SEVERED);
        assertTrue(one.getOrDefault(EventType.SANCTION, 0) > DRAWS / 4, "sanctions: " + one);
        assertEquals(one, both);
    }
}

package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Deference to a major power (docs/MODEL.md 3.5): a country that is no major power, facing one,
 * pays {@code deferenceCost} more for a recall, an expulsion or a rupture against it; the major
 * power's own climbs, pairs of two major powers or of none, sanctions and the rungs below a recall
 * are untouched.
 */
class DeferenceCostTest {
    private static final int DAY = 100;
    private static final int DRAWS = 4000;
    private static final Parameters DEFERENCE = Parameters.defaults().with(Parameter.DEFERENCE_COST, 0.3);

    /** The acts side 0 (AAA) draws towards BBB over {@link #DRAWS} days from the same state, by type. */
    private static Map<EventType, Integer> acts(Parameters p, boolean aMajor, boolean bMajor, double grievance, int rung,
            Level level) {
        MersenneTwisterFast random = new MersenneTwisterFast(31L);
        Map<EventType, Integer> counts = new TreeMap<>();
        double trait = grievance >= 1 ? 0.9 : 0.5;
        for (int k = 0; k < DRAWS; k++) {
            World w = new World(p, random);
            w.setDay(DAY);
            w.addCountry("AAA", 0.3, 0.2, 0.5, trait, trait, 0.5, List.of(), aMajor);
            w.addCountry("BBB", -0.3, -0.2, 0.5, 0.5, 0.5, 0.5, List.of(), bMajor);
            w.setRelation(0, 1, level, grievance, 0, 0, 0);
            Dyad d = w.existing(0, 1);
            d.posture[0] = rung;
            d.lastAggrieved[0] = DAY - 1;
            d.lastGraveAggrieved[0] = DAY - 1;
            w.decision.decide(w.countries.get(0), d);
            for (Event e : w.events()) {
                counts.merge(e.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void aWeakerStateRecallsFromAMajorPowerOnlyWithTheCostMoreGrievance() {
        // standing on a summons with E 0.45: a recall (θ_3 0.35) is likely between equals, and all but
        // ruled out for the weaker side facing a major power (utility lowered by b_g·c_df = 3)
        int equals = acts(DEFERENCE, false, false, 0.45, Ladder.SUMMON, Level.NORMAL).getOrDefault(EventType.RECALL_AMBASSADOR, 0);
        int weaker = acts(DEFERENCE, false, true, 0.45, Ladder.SUMMON, Level.NORMAL).getOrDefault(EventType.RECALL_AMBASSADOR, 0);
        assertTrue(equals > DRAWS / 4, "two minor states: a recall in " + equals + " of " + DRAWS);
        assertTrue(weaker < DRAWS / 200, "the weaker facing a major power: a recall in " + weaker + " of " + DRAWS);
        // the major power facing the weaker, and two major powers (no channel cost set), decide as equals do
        Map<EventType, Integer> minorMinor = acts(DEFERENCE, false, false, 0.45, Ladder.SUMMON, Level.NORMAL);
        assertEquals(minorMinor, acts(DEFERENCE, true, false, 0.45, Ladder.SUMMON, Level.NORMAL));
        assertEquals(minorMinor, acts(DEFERENCE, true, true, 0.45, Ladder.SUMMON, Level.NORMAL));
        // and at c_df 0 the flags change nothing
        assertEquals(acts(Parameters.defaults(), false, false, 0.45, Ladder.SUMMON, Level.NORMAL),
                acts(Parameters.defaults(), false, true, 0.45, Ladder.SUMMON, Level.NORMAL));
    }

    @Test
    void theWeakerJumpsNoHigherThanTheRungTheCostLeavesOpenAndSanctionsAsBefore() {
        // E = 0.7 from NORMAL: between equals a rupture is justified; the weaker side, with c_df 0.3,
        // climbs to a recall (0.35 + 0.3) and not to an expulsion (0.45 + 0.3): the same draws climb
        Map<EventType, Integer> equals = acts(DEFERENCE, false, false, 0.7, Ladder.NONE, Level.NORMAL);
        Map<EventType, Integer> weaker = acts(DEFERENCE, false, true, 0.7, Ladder.NONE, Level.NORMAL);
        assertEquals(Set.of(EventType.SEVER_RELATIONS), equals.keySet(), "equals: " + equals);
        assertEquals(Set.of(EventType.RECALL_AMBASSADOR), weaker.keySet(), "the weaker: " + weaker);
        assertEquals(equals.get(EventType.SEVER_RELATIONS), weaker.get(EventType.RECALL_AMBASSADOR));
        // severed, with E 1.4 past θ_6 1.1: sanctions cost the weaker no more
        Map<EventType, Integer> sanctionsEquals = acts(DEFERENCE, false, false, 1.0, Ladder.SEVER, Level.SEVERED);
        assertTrue(sanctionsEquals.getOrDefault(EventType.SANCTION, 0) > DRAWS / 4, "sanctions: " + sanctionsEquals);
        assertEquals(sanctionsEquals, acts(DEFERENCE, false, true, 1.0, Ladder.SEVER, Level.SEVERED));
    }
}

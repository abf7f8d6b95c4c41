package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A state's record (docs/MODEL.md 3.5): under {@code recordWeight} b_rec, a state whose record in
 * the library's earlier crises stands ρ above the library's share feels grievance scaled by
 * {@code 1 + … + b_rec·ρ}, so it climbs at less grievance; one below it at more. At b_rec 0 the
 * record changes nothing.
 */
class StateRecordTest {
    private static final int DAY = 100;
    private static final int DRAWS = 4000;
    /**
     * b_rec 2, with the costs of a recall at the sixty-fifth round's values (an audience cost of 35
     * and a reciprocity of 0.025), where the figures below were worked out.
     */
    private static final Parameters ON = Parameters.defaults().with(Parameter.RECORD_WEIGHT, 2)
            .with(Parameter.AUDIENCE_COST, 35.1244).with(Parameter.RECIPROCITY, 0.025);

    /** Recalls side 0 (AAA), standing on a summons with grievance {@code g}, draws towards BBB. */
    private static int recalls(Parameters p, double record, double g) {
        MersenneTwisterFast random = new MersenneTwisterFast(17L);
        int recalls = 0;
        for (int k = 0; k < DRAWS; k++) {
            World w = new World(p, random);
            w.setDay(DAY);
            w.addCountry("AAA", 0.3, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
            w.addCountry("BBB", -0.3, -0.2, 0.5, 0.5, 0.5, 0.5, List.of());
            w.record(0, record);
            w.setRelation(0, 1, Level.NORMAL, g, 0, 0, 0);
            Dyad d = w.existing(0, 1);
            d.posture[0] = Ladder.SUMMON;
            d.lastAggrieved[0] = DAY - 1;
            w.decision.decide(w.countries.get(0), d);
            recalls += (int) w.events().stream().filter(e -> e.type() == EventType.RECALL_AMBASSADOR).count();
        }
        return recalls;
    }

    @Test
    void aStateThatAnsweredBeforeRecallsAtLessGrievanceAndOneThatDidNotAtMore() {
        Parameters on = ON;
        // E = 0.26 against θ_3 0.35: hardly a recall without a record; a record 0.4 above the share makes E 0.47
        int none = recalls(on, 0, 0.26);
        int answered = recalls(on, 0.4, 0.26);
        assertTrue(none < DRAWS / 100, "no record: " + none + " recalls of " + DRAWS);
        assertTrue(answered > DRAWS * 9 / 10, "a record 0.4 above the share: " + answered + " of " + DRAWS);
        // E = 0.45: a recall without a record, none for a record 0.3 below the share (E 0.18)
        assertTrue(recalls(on, 0, 0.45) > DRAWS * 9 / 10);
        assertEquals(0, recalls(on, -0.3, 0.45));
        // off, the record changes nothing
        Parameters off = ON.with(Parameter.RECORD_WEIGHT, 0);
        assertEquals(recalls(off, 0, 0.26), recalls(off, 0.4, 0.26));
    }

    @Test
    void theStandingRungOfAListedGrievanceReadsTheRecord() {
        Parameters on = ON;
        // g 0.30 justifies a summons (θ_2 0.20) alone, a recall (θ_3 0.35) with a record 0.2 above the share
        assertEquals(Ladder.SUMMON, Ladder.justifiedRung(on, 0.30, 0.5, 0.5, 0));
        assertEquals(Ladder.RECALL, Ladder.justifiedRung(on, 0.30, 0.5, 0.5, 0.2));
        assertEquals(Ladder.SUMMON, Ladder.justifiedRung(ON.with(Parameter.RECORD_WEIGHT, 0), 0.30, 0.5, 0.5, 0.2));
    }
}

package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code alignedOccasion} option of docs/MODEL.md 3.5: a change of government is an occasion
 * to restore a pair only when the new government stands nearer the other than the government
 * that set the pair's level.
 */
class AlignedOccasionTest {
    private static final int A = 0;
    private static final int B = 1;

    /** AAA at (0.2, 0.2), BBB at (-0.2, 0.4), listed DOWNGRADED with no grievance; on day 10 AAA's government changes. */
    private static boolean restorableAfter(boolean aligned, GovernmentChange change) {
        World w = new World(Parameters.defaults().with(Parameter.ALIGNED_OCCASION, aligned ? 1 : 0)
                .with(Parameter.THIRD_PARTIES, 0), new MersenneTwisterFast(1));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.2, 0.4, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(A, B, Level.DOWNGRADED, 0, 0, 0, 0);
        w.setDay(10);
        w.changeGovernment(A, EventType.COUP, change, "change");
        Dyad d = w.existing(A, B);
        d.grievance[0] = 0;
        d.grievance[1] = 0;
        return w.decision.restorable(d);
    }

    private static GovernmentChange outlook(double economic, double social) {
        return new GovernmentChange(economic, social, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void withoutTheOptionAnyNewGovernmentIsAnOccasion() {
        assertTrue(restorableAfter(false, GovernmentChange.NONE));
        assertTrue(restorableAfter(false, outlook(0.6, 0.0)), "even one that moves away from the other");
    }

    @Test
    void aNewGovernmentOfTheSameOutlookIsNoOccasion() {
        assertFalse(restorableAfter(true, GovernmentChange.NONE));
    }

    @Test
    void oneThatMovesAwayIsNone() {
        assertFalse(restorableAfter(true, outlook(0.6, 0.0)));
    }

    @Test
    void oneThatMovesTowardsTheOtherIs() {
        assertTrue(restorableAfter(true, outlook(-0.1, 0.4)));
    }
}

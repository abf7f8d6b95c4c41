package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code standingLevel} option of docs/MODEL.md 3.5: the level a pair is listed at is its
 * standing, and relations are restored above it only after a change of government since the start;
 * neither a gesture nor a mediation is an occasion for it.
 */
class StandingLevelTest {
    private static final int A = 0;
    private static final int B = 1;

    /** Two states listed at {@code listed} with no grievance; the day is 10. */
    private static World world(boolean standing, Level listed) {
        World w = new World(Parameters.defaults().with(Parameter.STANDING_LEVEL, standing ? 1 : 0)
                .with(Parameter.THIRD_PARTIES, 0), new MersenneTwisterFast(1));
        w.setDay(0);
        w.addCountry("AAA", 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, List.of());
        w.addCountry("BBB", -0.2, 0.4, 0.5, 0.5, 0.5, 0.5, List.of());
        w.setRelation(A, B, listed, 0, 0, 0, 0);
        w.setDay(10);
        return w;
    }

    private static boolean restorableAfter(boolean standing, Level listed, Consumer<World> what) {
        World w = world(standing, listed);
        what.accept(w);
        Dyad d = w.existing(A, B);
        d.grievance[0] = 0;
        d.grievance[1] = 0;
        return w.decision.restorable(d);
    }

    private static void gesture(World w) {
        // a scripted conciliatory act, as a scenario writes one (docs/FORMATS.md 2.6)
        w.act(new Act(A, B, EventType.CUSTOM, 3.0, 1.0, false, false, false, false, Event.NONE, Event.NONE, "gesture"));
    }

    @Test
    void aGestureDoesNotReopenAStandingDowngrade() {
        assertTrue(restorableAfter(false, Level.DOWNGRADED, StandingLevelTest::gesture), "without the option a gesture is an occasion");
        assertFalse(restorableAfter(true, Level.DOWNGRADED, StandingLevelTest::gesture), "above the standing it is not");
    }

    @Test
    void aMediationDoesNotReopenAStandingDowngrade() {
        Consumer<World> mediation = w -> w.existing(A, B).mediationUntil = 20;
        assertTrue(restorableAfter(false, Level.DOWNGRADED, mediation));
        assertFalse(restorableAfter(true, Level.DOWNGRADED, mediation));
    }

    @Test
    void aNewGovernmentDoes() {
        assertTrue(restorableAfter(true, Level.DOWNGRADED,
                w -> w.changeGovernment(A, EventType.COUP, GovernmentChange.NONE, "coup")));
    }

    @Test
    void belowTheStandingAndForAPairListedAtNormalRestorationIsAsBefore() {
        // a pair listed DOWNGRADED that broke in the run: back to its standing on a gesture
        assertTrue(restorableAfter(true, Level.DOWNGRADED, w -> {
            w.act(A, B, EventType.SEVER_RELATIONS, Event.NONE);
            gesture(w);
        }));
        // a pair listed NORMAL that was downgraded in the run
        assertTrue(restorableAfter(true, Level.NORMAL, w -> {
            w.act(A, B, EventType.RECALL_AMBASSADOR, Event.NONE);
            gesture(w);
        }));
    }

    /** The level after a restoration of a pair listed DOWNGRADED that broke in the run, with no grievance left. */
    private static Level levelAfterRestoring(boolean standing, Consumer<World> before) {
        World w = world(standing, Level.DOWNGRADED);
        w.act(A, B, EventType.SEVER_RELATIONS, Event.NONE);
        before.accept(w);
        Dyad d = w.existing(A, B);
        d.grievance[0] = 0;
        d.grievance[1] = 0;
        w.act(A, B, EventType.RESTORE_RELATIONS, Event.NONE);
        return Level.of(d.level);
    }

    @Test
    void aRestorationGoesNoHigherThanTheStandingUntilAGovernmentChanges() {
        assertEquals(Level.NORMAL, levelAfterRestoring(false, w -> { }), "without the option, faded grievances restore in full");
        assertEquals(Level.DOWNGRADED, levelAfterRestoring(true, w -> { }), "with it, back to the standing only");
        assertEquals(Level.NORMAL, levelAfterRestoring(true,
                w -> w.changeGovernment(B, EventType.COUP, GovernmentChange.NONE, "coup")), "a new government may go further");
    }
}

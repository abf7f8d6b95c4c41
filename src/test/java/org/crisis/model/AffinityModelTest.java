package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Affinity, docs/MODEL.md 3.2:
 * <pre>
 * d(i,j) = sqrt((1 − w_s)·Δeconomic² + w_s·Δsocial²) / 2
 * raw    = a_ideo·(1 − d) + a_bloc·min(shared blocs, 2)/2 + a_level·(level − 2)/2
 * A(i,j) = 2·(raw + a_level)/(a_ideo + a_bloc + 2·a_level) − 1
 * </pre>
 */
class AffinityModelTest {
    private final World w = new World(Parameters.defaults(), new MersenneTwisterFast(1));

    private int country(String id, double economic, double social, String... blocs) {
        return w.addCountry(id, economic, social, 0.5, 0.5, 0.5, 0.5, List.of(blocs));
    }

    @Test
    void identicalAlliesSharingTwoBlocsHaveFullAffinity() {
        int a = country("AAA", 0.3, -0.2, "X", "Y");
        int b = country("BBB", 0.3, -0.2, "X", "Y");
        w.setRelation(a, b, Level.ALLIED, 0, 0, 0, 0);
        assertEquals(0.0, w.distance(a, b), 0.0);
        assertEquals(1.0, w.affinity(a, b), 1e-12);
    }

    @Test
    void opposedGovernmentsWithoutBlocsWhoseRelationsAreSeveredHaveNone() {
        int a = country("AAA", 1, 1);
        int b = country("BBB", -1, -1);
        w.setRelation(a, b, Level.SEVERED, 0, 0, 0, 0);
        assertEquals(1.0, w.distance(a, b), 1e-12);
        assertEquals(-1.0, w.affinity(a, b), 1e-12);
    }

    @Test
    void aCordialPairSharingOneBlocHasTheHandComputedAffinity() {
        int a = country("AAA", 0.5, 0.2, "X", "Y");
        int b = country("BBB", -0.3, 0.6, "Y", "Z");
        w.setRelation(a, b, Level.CORDIAL, 0, 0, 0, 0);
        // d = sqrt(0.75·0.8² + 0.25·0.4²)/2 = sqrt(0.52)/2
        double d = Math.sqrt(0.52) / 2;
        assertEquals(d, w.distance(a, b), 1e-12);
        // raw = (1 − d) + 0.5·1/2 + 0.5·1/2; A = 2·(raw + 0.5)/2.5 − 1
        double raw = (1 - d) + 0.25 + 0.25;
        assertEquals(2 * (raw + 0.5) / 2.5 - 1, w.affinity(a, b), 1e-12);
        assertEquals(0.311556, w.affinity(a, b), 1e-6);
    }

    @Test
    void theLeftRightAxisWeighsThreeTimesTheSocialAxis() {
        int a = country("AAA", 0, -1);
        int social = country("SOC", 0, 1);
        int economic = country("ECO", 1, -1);
        int origin = country("ORI", -1, -1);
        assertEquals(Math.sqrt(0.25 * 4) / 2, w.distance(a, social), 1e-12);
        assertEquals(Math.sqrt(0.75 * 4) / 2, w.distance(origin, economic), 1e-12);
    }

    @Test
    void sharedBlocsCountUpToTwo() {
        int a = country("AAA", 0, 0, "X", "Y", "Z");
        int two = country("TWO", 0, 0, "X", "Y");
        int three = country("THR", 0, 0, "X", "Y", "Z");
        int one = country("ONE", 0, 0, "Z");
        assertEquals(w.affinity(a, two), w.affinity(a, three), 0.0);
        assertTrue(w.affinity(a, two) > w.affinity(a, one));
        // one shared bloc is worth a_bloc/2 of raw affinity: 0.25 → 0.2 of A
        assertEquals(0.2, w.affinity(a, two) - w.affinity(a, one), 1e-12);
    }

    @Test
    void anUntouchedPairIsJudgedAtNormalAndARuptureLowersAffinityByTheLevelTerm() {
        int a = country("AAA", 0.2, 0);
        int b = country("BBB", -0.2, 0);
        double untouched = w.affinity(a, b);
        assertTrue(w.existing(a, b) == null, "reading affinity does not create the pair");
        double raw = (1 - w.distance(a, b));
        assertEquals(2 * (raw + 0.5) / 2.5 - 1, untouched, 1e-12);
        w.act(a, b, EventType.SEVER_RELATIONS, Event.NONE);
        // two levels down: a_level·(−2)/2 of raw, scaled by 2/2.5
        assertEquals(untouched - 0.5 * 2 / 2.5, w.affinity(a, b), 1e-12);
    }

    @Test
    void theAffinityWeightsAreScenarioParameters() {
        World custom = new World(Parameters.defaults().with(Parameter.AFFINITY_IDEOLOGY, 2.0)
                .with(Parameter.AFFINITY_BLOC, 0.0).with(Parameter.AFFINITY_LEVEL, 1.0)
                .with(Parameter.SOCIAL_AXIS_WEIGHT, 0.5), new MersenneTwisterFast(1));
        int a = custom.addCountry("AAA", 0.4, 0.4, 0.5, 0.5, 0.5, 0.5, List.of("X"));
        int b = custom.addCountry("BBB", -0.4, -0.4, 0.5, 0.5, 0.5, 0.5, List.of("X"));
        custom.setRelation(a, b, Level.DOWNGRADED, 0, 0, 0, 0);
        double d = Math.sqrt(0.5 * 0.64 + 0.5 * 0.64) / 2;
        assertEquals(d, custom.distance(a, b), 1e-12);
        double raw = 2.0 * (1 - d) + 0 + 1.0 * (1 - 2) / 2.0;
        assertEquals(2 * (raw + 1.0) / (2.0 + 0 + 2 * 1.0) - 1, custom.affinity(a, b), 1e-12);
    }
}

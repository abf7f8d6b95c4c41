package org.crisis.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The option {@code breachOnceADay} (docs/MODEL.md 3.8): an observer reads one government's
 * norm-breaking acts of one day as one breach, the gravest reading, where without it each act
 * against another victim adds its own.
 */
class BreachOnceADayTest {
    private static final double KAPPA_OBS = Parameter.OBSERVER_GAIN.defaultValue();
    private static final Parameters QUIET = Parameters.defaults().with(Parameter.MEDIATION, 0);

    private static Act raid(int actor, int target, double severity) {
        return new Act(actor, target, EventType.EMBASSY_RAID, -9.0, severity, false, true, false, false, Event.NONE, Event.NONE, "");
    }

    /** ACT raids V1 (severity 1.2) and V2 (0.6) on one day; OBS reads both with third parties off, so nothing is drawn. */
    private static World twoRaids(boolean once) {
        World w = new World(QUIET.with(Parameter.THIRD_PARTIES, 0).with(Parameter.BREACH_ONCE_A_DAY, once ? 1 : 0),
                new MersenneTwisterFast(1));
        w.addCountry("ACT", 0.6, 0.2, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("V1", -0.6, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("V2", -0.5, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.addCountry("OBS", -0.8, -0.4, 0.5, 0.5, 0.5, 0.7, List.of("R"));
        w.addCountry("OTH", 0.1, 0.6, 0.5, 0.5, 0.5, 0.5, List.of("R"));
        w.act(raid(0, 2, 0.6)); // the lighter first: the gravest holds whatever the recording order
        w.act(raid(0, 1, 1.2));
        return w;
    }

    private static double reading(World w, int observer, int actor, double severity) {
        return KAPPA_OBS * 9.0 / 10 * severity * w.countries().get(observer).normAdherence
                * (1 - Math.max(0, w.affinity(observer, actor)));
    }

    /** −ln(1 − G): the sum of the deltas that built a saturating grievance. */
    private static double felt(World w, int k, int j) {
        return -Math.log(1 - w.existing(k, j).grievanceOf(k));
    }

    @Test
    void anObserverReadsAGovernmentsBreachesOfOneDayOnceByTheGravest() {
        for (boolean once : new boolean[] {false, true}) {
            World w = twoRaids(once);
            double grave = reading(w, 3, 0, 1.2);
            double light = reading(w, 3, 0, 0.6);
            w.react();
            assertEquals(once ? grave : grave + light, felt(w, 3, 0), 1e-12,
                    once ? "the day's gravest breach alone" : "each breach adds its own reading");
        }
    }

    @Test
    void aBreachOfALaterDayOrOfAnotherGovernmentIsReadAgain() {
        World w = twoRaids(true);
        double grave = reading(w, 3, 0, 1.2);
        w.react();
        assertEquals(grave, felt(w, 3, 0), 1e-12);
        // the next day's raid is a new breach; another government's raid the same day is its own
        double again = reading(w, 3, 0, 0.6);
        double other = reading(w, 3, 4, 1.0);
        w.act(raid(0, 2, 0.6));
        w.act(raid(4, 1, 1.0));
        w.react();
        assertEquals(grave + again, felt(w, 3, 0), 1e-12, "a later day's breach is read");
        assertEquals(other, felt(w, 3, 4), 1e-12, "another actor's breach of the same day is read on its own");
    }

    @Test
    void aDefenderOfTwoVictimsTakesUpTheGravestInjuryOfTheDay() {
        double[] total = new double[2];
        double[] taken = new double[2];
        for (int variant = 0; variant < 2; variant++) {
            boolean once = variant == 1;
            World w = new World(QUIET.with(Parameter.BREACH_ONCE_A_DAY, variant), new MersenneTwisterFast(3));
            w.addCountry("ACT", 0.8, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("V1", -0.8, 0, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            w.addCountry("V2", -0.8, 0.1, 0.5, 0.5, 0.5, 0.5, List.of("R"));
            int hawk = w.addCountry("HWK", -0.8, 0.05, 0.9, 0.5, 0.9, 0.1, List.of("R"));
            Event light = w.act(raid(0, 2, 0.6));
            Event grave = w.act(raid(0, 1, 1.2));
            double asOwnGrave = Parameter.SOLIDARITY.defaultValue() * 0.9 * w.perception.feltAsBreach(hawk, grave);
            double asOwnLight = Parameter.SOLIDARITY.defaultValue() * 0.9 * w.perception.feltAsBreach(hawk, light);
            assertTrue(asOwnGrave > reading(w, hawk, 0, 1.2) && asOwnLight > reading(w, hawk, 0, 0.6),
                    "the hawk takes each injury up beyond its norm reading");
            w.react();
            long condemnations = w.events().stream()
                    .filter(e -> e.actor() == hawk && e.type() == EventType.CONDEMN && e.target() == 0).count();
            assertEquals(2, condemnations, "the hawk condemns both raids");
            total[variant] = felt(w, hawk, 0);
            taken[variant] = once ? asOwnGrave : asOwnGrave + asOwnLight;
        }
        assertEquals(taken[0], total[0], 1e-12, "without the option each injury is taken up");
        assertEquals(taken[1], total[1], 1e-12, "with it, the gravest of the day");
    }
}

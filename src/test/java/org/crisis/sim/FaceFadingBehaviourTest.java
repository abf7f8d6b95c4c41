package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisis.experiment.Seeds;
import org.crisis.model.Event;
import org.crisis.model.EventType;
import org.crisis.observe.MeasuredRun;
import org.crisis.scenario.Scenario;
import org.crisis.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face of a break that fades or that talks take off (docs/MODEL.md 3.5, {@code faceHalfLife},
 * {@code gestureRelief}), run by the real
 * simulator: a pair broken on day 0 whose grievances fade and which holds talks on day 150,
 * with the same two governments throughout.
 */
class FaceFadingBehaviourTest {
    @TempDir
    Path dir;

    private static final String MENDED = """
            name: mended
            days: 365
            parameters: { thirdParties: false, %s }
            countries:
              - {id: AAA, domesticPressure: 0.5, hawkishness: 0.5}
              - {id: BBB, domesticPressure: 0.5, hawkishness: 0.5}
            relations:
              - between: [AAA, BBB]
                level: NORMAL
                grievance: { AAA: 0.3, BBB: 0.2 }
            events:
              - {day: 0, type: SEVER_RELATIONS, actor: AAA, target: BBB, severity: 1}
              - {day: 150, type: CUSTOM, label: talks, actor: AAA, target: BBB, gamma: 1.0}
              - {day: 150, type: CUSTOM, label: talks, actor: BBB, target: AAA, gamma: 1.0}
            """;

    /** The day of each run's restoration, or -1 where the pair stays broken all year. */
    private int[] restorationDays(String parameters, int runs) throws Exception {
        Path f = dir.resolve("mended-" + parameters.hashCode() + ".yaml");
        Files.writeString(f, MENDED.formatted(parameters));
        Scenario s = ScenarioReader.read(f, List.of());
        int[] days = new int[runs];
        for (int k = 0; k < runs; k++) {
            days[k] = -1;
            for (Event e : MeasuredRun.of(s, Seeds.derive(11, k)).world().events()) {
                if (e.type() == EventType.RESTORE_RELATIONS) {
                    days[k] = e.day();
                    break;
                }
            }
        }
        return days;
    }

    @Test
    void withTheFaceOwedInFullTheTalksMendNothing() throws Exception {
        for (int day : restorationDays("faceHalfLife: 0", 100)) {
            assertEquals(-1, day, "the break's audience cost outweighs grievances that are gone");
        }
    }

    @Test
    void aFaceThatFadesLetsTheTalksMendTheBreakButNotBeforeThem() throws Exception {
        int[] days = restorationDays("faceHalfLife: 60", 100);
        int restored = 0;
        for (int day : days) {
            if (day >= 0) {
                restored++;
                assertTrue(day >= 150, "no occasion before the talks: restored on day " + day);
            }
        }
        assertTrue(restored >= 90, restored + " of 100 runs restore within the year");
    }

    @Test
    void talksThatTakeTheFaceOffMendTheBreakOnlyAfterThem() throws Exception {
        int restored = 0;
        for (int day : restorationDays("gestureRelief: 1", 100)) {
            if (day >= 0) {
                restored++;
                assertTrue(day >= 150, "restored on day " + day + ", before the talks");
            }
        }
        assertTrue(restored >= 90, restored + " of 100 runs restore after the talks");
        for (int day : restorationDays("gestureRelief: 0.5", 100)) {
            assertEquals(-1, day, "half the face is still more than grievances that are gone can outweigh");
        }
    }

    @Test
    void aFaceThatFadesSlowlyStillHoldsThePairApartWithinTheYear() throws Exception {
        int restored = 0;
        for (int day : restorationDays("faceHalfLife: 180", 100)) {
            restored += day >= 0 ? 1 : 0;
        }
        assertTrue(restored <= 10, restored + " of 100 runs restore within the year");
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cross-validation folds: cases sorted by name, dealt in turn; the selection of fits; --fold I/K. */
class CalibrationFoldsTest {
    @Test
    void casesSortedByNameAreDealtToTheFoldsInTurn() {
        // sorted: alpha beta delta echo gamma -> folds 1 2 1 2 1; given in another order
        assertArrayEquals(new int[] {1, 1, 1, 2, 2}, CalibrationFolds.assign(List.of("gamma", "alpha", "delta", "beta", "echo"), 2));
        assertArrayEquals(new int[] {1, 2, 1, 2, 1}, CalibrationFolds.assign(List.of("alpha", "beta", "delta", "echo", "gamma"), 2));
        assertArrayEquals(new int[] {3, 1, 2}, CalibrationFolds.assign(List.of("c", "a", "b"), 3));
    }

    @Test
    void theAssignmentDependsOnTheNamesNotOnTheirOrderAndFillsEveryFold() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            names.add("case-" + Integer.toString(i * 7919 % 1000, 36));
        }
        int[] base = CalibrationFolds.assign(names, 5);
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(3));
        int[] other = CalibrationFolds.assign(shuffled, 5);
        int[] sizes = new int[6];
        for (int i = 0; i < names.size(); i++) {
            assertEquals(base[i], other[shuffled.indexOf(names.get(i))], names.get(i));
            sizes[base[i]]++;
        }
        for (int f = 1; f <= 5; f++) {
            assertTrue(sizes[f] == 6 || sizes[f] == 7, "fold " + f + " has " + sizes[f] + " of 31 cases");
        }
    }

    @Test
    void aSessionRunsTheFitOnAllCasesThenTheFoldsOrOneOfThem() {
        assertEquals(List.of(0), CalibrationFolds.NONE.fits());
        assertEquals(List.of(0, 1, 2, 3), CalibrationFolds.all(3).fits());
        assertEquals(List.of(2), CalibrationFolds.one(2, 3).fits());
        assertEquals(List.of(0), CalibrationFolds.one(0, 3).fits());
        assertEquals("", CalibrationFolds.NONE.label());
        assertEquals("-folds-3", CalibrationFolds.all(3).label());
        assertEquals("-fold-2-of-3", CalibrationFolds.one(2, 3).label());
    }

    @Test
    void foldSelectionsAreParsedAndCheckedWithTheReason() {
        assertArrayEquals(new int[] {3, 5}, CalibrationFolds.parse("3/5", new StringBuilder()).orElseThrow());
        assertArrayEquals(new int[] {0, 5}, CalibrationFolds.parse(" 0 / 5 ", new StringBuilder()).orElseThrow());
        for (String bad : List.of("6/5", "1/1", "-1/4", "3", "a/b", "3/")) {
            StringBuilder why = new StringBuilder();
            Optional<int[]> p = CalibrationFolds.parse(bad, why);
            assertTrue(p.isEmpty(), bad);
            assertTrue(why.toString().contains("expected I/K") && why.toString().contains("'" + bad + "'"), why.toString());
        }
    }
}

package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.crisis.observe.Outcome;
import org.junit.jupiter.api.Test;

/** summary.json's intervals of numbers stay within what the number can take (docs/FORMATS.md 5.1). */
class SummaryJsonTest {
    @Test
    void aDayOrACountIsNotBelowZeroAndALevelLiesFromZeroToFour() {
        // days to a rupture made on day 0 in 104 runs and on day 2 in one: t reaches below day 0
        assertArrayEquals(new double[] {0, 0.057}, SummaryJson.within(Outcome.Measure.DAY, new double[] {-0.019, 0.057}));
        assertArrayEquals(new double[] {0, 1.2}, SummaryJson.within(Outcome.Measure.COUNT, new double[] {-0.3, 1.2}));
        assertArrayEquals(new double[] {0, 4}, SummaryJson.within(Outcome.Measure.LEVEL, new double[] {-0.2, 4.1}));
        // a number that may be negative (total conflict sums hostile weights) keeps its interval
        assertArrayEquals(new double[] {-12.5, -3}, SummaryJson.within(Outcome.Measure.NUMBER, new double[] {-12.5, -3}));
    }
}

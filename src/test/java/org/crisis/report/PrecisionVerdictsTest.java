package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's precision verdicts on outcomes where a precision relative to the mean misleads: a level, whose
 * zero (SEVERED) is arbitrary, and a share that is the same in every run of every point.
 */
class PrecisionVerdictsTest {
    @TempDir
    Path tmp;

    @Test
    void aLevelIsJudgedOnItsScaleAndAShareTheSameEverywhereIsSaidToBeSo() throws Exception {
        Path scenario = Fixtures.dir("base").resolveSibling("scenarios").resolve("pm.yaml");
        Path sweep = tmp.resolve("sweep.yaml");
        Files.writeString(sweep, "scenario: " + scenario + "\ndesign: grid\nreplications: 20\nseed: 3\n"
                // two hawkishnesses at which Peru severs in most runs but not all (about 80 % and 95 %), so that its
                // lowest level varies within each point
                + "vary:\n  countries.PER.hawkishness: { values: [0.45, 0.55] }\n"
                // held at the value the figures below were worked out at: with the states' records on, Peru's record
                // (which moves as the case library grows) leaves the pair's lowest level the same in every run
                + "  parameters.recordWeight: { values: [0] }\n"
                // and restoration at the ninety-first round's bar, g_restore 0.6, so that every run restores the pair
                + "  parameters.restoreThreshold: { values: [0.6] }\n"
                + "outcomes: [lowestLevel:PER-MEX, restored:PER-MEX, severed:PER-MEX, severedPairs]\n");
        assertEquals(0, crisis("sweep", sweep.toString(), "--out", tmp.resolve("s").toString(), "--quiet").status());
        assertEquals(0, crisis("report", tmp.resolve("s").toString(), "--out", tmp.resolve("r").toString()).status());
        List<String> rows = Files.readAllLines(tmp.resolve("r/report-precision.csv"));
        String level = rows.stream().filter(l -> l.startsWith("lowest_level_per_mex,")).findFirst().orElseThrow();
        assertTrue(level.endsWith(",relative_to_scale"), level);
        // ±5 % of the range 0..4 (0.2 levels), not of a mean near SEVERED: a count of replications one can run
        double needed = Double.parseDouble(level.split(",")[6]);
        assertTrue(needed > 1 && needed < 200, level);
        String text = Fixtures.read(tmp.resolve("r/report.html")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")
                .replace("&#39;", "'");
        assertTrue(text.contains("of the scale's range 4"), "the page says what the level's precision is of");
        // this fixture restores PER-MEX in every run of both points: a share of 1 everywhere
        // no pair is severed at the end of any run: nothing to judge relative to a mean of 0, and the table keeps the
        // page's row with its figures empty
        assertTrue(rows.contains("severed_pairs,number,0,,0.05,,,relative_to_mean"), rows::toString);
        assertTrue(text.contains("severedPairs \u2013 \u2013 No precision relative to the mean"), text);
        String restored = rows.stream().filter(l -> l.startsWith("restored_per_mex,")).findFirst().orElseThrow();
        assertEquals("35", restored.split(",")[6], restored);
        assertTrue(text.matches("(?s).*restored:PER-MEX [0-9.]+ 0 of 2 1 in every run of every point: a point's interval reaches "
                + "83\\.9\u00a0%; about 35 replications per point would bring its half-width within \u00b10\\.05, the "
                + "interval then reaching 90\\.1\u00a0%\\..*"), "restored: " + restored);
    }
}

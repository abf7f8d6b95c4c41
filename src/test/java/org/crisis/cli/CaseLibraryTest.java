package org.crisis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model's fit to history as a gate: runs {@code crisis validate scenarios/cases/} with
 * each case's own number of replications, as a user would, and requires exactly the patterns
 * recorded in {@code scenarios/cases/known-failures.txt} to fail (none other, and none of
 * them to pass unnoticed), with the command's exit status to match.
 */
class CaseLibraryTest {
    private static final Path CASES = Path.of("scenarios", "cases");

    private static Set<String> knownFailures() throws java.io.IOException {
        Set<String> known = new TreeSet<>();
        for (String line : java.nio.file.Files.readAllLines(CASES.resolve("known-failures.txt"))) {
            String entry = line.replaceAll("#.*", "").trim();
            if (!entry.isEmpty()) {
                known.add(entry);
            }
        }
        return known;
    }

    @Test
    void exactlyTheRecordedPatternsFail() throws java.io.IOException {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = Main.execute("validate", CASES.toString(), "--format", "csv");
        } finally {
            System.setOut(out);
        }
        String csv = captured.toString(StandardCharsets.UTF_8);
        System.out.print(csv); // the pass table, in the build log
        List<String> lines = csv.lines().toList();
        assertEquals("case,pattern,min,max,observed,low,high,result", lines.get(0));
        Set<String> failing = new TreeSet<>();
        int patterns = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            patterns++;
            if (cells[cells.length - 1].equals("fail")) {
                failing.add(cells[0] + "/" + cells[1]);
            }
        }
        assertTrue(patterns >= 150, "the case library should hold at least 150 patterns, found " + patterns);
        assertEquals(knownFailures(), failing, "patterns of the case library that fail (scenarios/cases/known-failures.txt)");
        assertEquals(failing.isEmpty() ? 0 : 1, status);
    }
}

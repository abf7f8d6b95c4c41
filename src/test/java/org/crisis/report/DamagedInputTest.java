package org.crisis.report;

import static org.crisis.cli.Cli.crisis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crisis.cli.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report checks what it reads: a damaged, truncated or foreign file is refused (exit 2)
 * with its name and line, never drawn from, and never makes the report hang.
 */
class DamagedInputTest {
    @TempDir
    Path tmp;

    /** The report of a damaged copy of a fixture: the refusal's message. */
    private String refusal(Path dir) {
        return refusal(dir, null);
    }

    /** The same, with {@code run} as the representative run (the kept run whose files are read). */
    private String refusal(Path dir, Integer run) {
        ReportOptions options = new ReportOptions(tmp.resolve("out"), List.of(), run, 0.05, 0.05, null);
        ReportException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(ReportException.class,
                () -> Report.write(List.of(dir), options)));
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
        return e.getMessage();
    }

    private static void replaceLine(Path file, int line, java.util.function.UnaryOperator<String> edit) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** A line's cells with cell {@code index} replaced. */
    private static String cell(String line, int index, String value) {
        String[] cells = line.split(",", -1);
        cells[index] = value;
        return String.join(",", cells);
    }

    private static int columnIndex(Path csv, String column) throws Exception {
        return List.of(Files.readAllLines(csv).get(0).split(",", -1)).indexOf(column);
    }

    @Test
    void aRunsFileCutShortIsRefusedWithItsLineAndDoesNotHang() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path runs = dir.resolve("runs.csv");
        byte[] all = Files.readAllBytes(runs);
        Files.write(runs, java.util.Arrays.copyOf(all, all.length / 2));
        int line = (int) new String(java.util.Arrays.copyOf(all, all.length / 2), StandardCharsets.UTF_8).lines().count();
        assertEquals(runs + ":" + line + ": the last line is cut off (no line end): the file is truncated", refusal(dir));
    }

    @Test
    void anEmptyDaysCellIsRefused() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path runs = dir.resolve("runs.csv");
        int days = columnIndex(runs, "days");
        replaceLine(runs, 6, l -> cell(l, days, ""));
        assertEquals(runs + ":6: days: empty, expected a whole number in [0, 150]", refusal(dir));
    }

    @Test
    void numbersOutOfRangeAndTextInNumericCellsAreRefused() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path runs = dir.resolve("runs.csv");
        int conflict = columnIndex(runs, "total_conflict");
        int severed = columnIndex(runs, "severed_per_mex");
        int restored = columnIndex(runs, "days_to_restored_per_mex");
        replaceLine(runs, 3, l -> cell(l, conflict, "1e308"));
        assertEquals(runs + ":3: total_conflict: expected a number in [-1.0E15, 1.0E15], found '1e308'", refusal(dir));
        replaceLine(runs, 3, l -> cell(l, conflict, "-47.6"));
        replaceLine(runs, 9, l -> cell(l, severed, "yes"));
        assertEquals(runs + ":9: severed_per_mex: expected a whole number in [0, 1], found 'yes'", refusal(dir));
        replaceLine(runs, 9, l -> cell(l, severed, "1"));
        replaceLine(runs, 12, l -> cell(l, restored, "NaN"));
        assertTrue(refusal(dir).startsWith(runs + ":12: days_to_restored_per_mex: expected a whole number in [0, 150],"
                + " found 'NaN'"));
    }

    @Test
    void truncatedEnsembleEventsAndTrajectoriesAreRefused() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path ensemble = dir.resolve("ensemble.csv");
        List<String> lines = Files.readAllLines(ensemble);
        Files.writeString(ensemble, String.join("\n", lines.subList(0, lines.size() - 7)) + "\n"); // cut at a line end
        assertTrue(refusal(dir).matches(java.util.regex.Pattern.quote(ensemble.toString())
                + ":\\d+: PER-VEN has 143 days, expected 150: the file is truncated"), refusal(dir));

        dir = Fixtures.copy("base", tmp.resolve("b"));
        Path trajectories = dir.resolve("trajectories.csv");
        lines = Files.readAllLines(trajectories);
        Files.writeString(trajectories, String.join("\n", lines.subList(0, lines.size() - 4)) + "\n");
        String m = refusal(dir, 3); // the last kept run, the one cut short
        assertTrue(m.startsWith(trajectories + ":"), m);
        assertTrue(m.endsWith(" has 148 days, expected 150: the file is truncated"), m);

        dir = Fixtures.copy("base", tmp.resolve("c"));
        Path events = dir.resolve("events.csv");
        String text = Files.readString(events);
        Files.writeString(events, text.substring(0, text.length() - 3)); // mid-line
        m = refusal(dir, 3);
        assertTrue(m.startsWith(events + ":"), m);
        assertTrue(m.endsWith(": the last line is cut off (no line end): the file is truncated"), m);
    }

    @Test
    void invalidManifestFieldsAndAnUnknownMajorVersionAreRefused() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path manifest = dir.resolve("manifest.json");
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replace("\"runs\" : 40,", "\"runs\" : \"many\","));
        String m = refusal(dir);
        assertTrue(m.matches(java.util.regex.Pattern.quote(manifest.toString())
                + ":\\d+:\\d+: runs: expected a whole number in \\[1, 2147483647\\], found 'many'"), m);
        Files.writeString(manifest, original.replace("\"version\" : \"0.1.0\"", "\"version\" : \"9.9.9\""));
        m = refusal(dir);
        assertTrue(m.startsWith(manifest + ":3:"), m);
        assertTrue(m.contains("version: written by crisis 9.9.9; this crisis reads the results of version 0.x"), m);
        Files.writeString(manifest, original.replace("\"days\" : 150,", "\"days\" : -3,"));
        assertTrue(refusal(dir).contains("scenario.days: expected a whole number in [1, 100000], found -3"), refusal(dir));
        Files.writeString(manifest, original.replace("\"runs\" : 40,", "\"runs\" : 41,"));
        assertTrue(refusal(dir).contains("runs.csv:41: 40 runs, the manifest says 41"), refusal(dir));
    }

    @Test
    void theCommandExitsWithStatus2AndNamesTheFileAndLine() throws Exception {
        Path dir = Fixtures.copy("base", tmp);
        Path runs = dir.resolve("runs.csv");
        int days = columnIndex(runs, "days");
        replaceLine(runs, 4, l -> cell(l, days, ""));
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> crisis("report", dir.toString(), "--out", tmp.resolve("out").toString()));
        assertEquals(2, o.status());
        assertEquals("crisis report: " + runs + ":4: days: empty, expected a whole number in [0, 150]\n", o.err());
    }

    /** Results written before events.csv and summary.json carried the model's meaning: refused, with what to do. */
    @Test
    void resultsWithoutTheMeaningColumnsAreRefusedWithAReasonToRerun() throws Exception {
        Path dir = Fixtures.copy("base", tmp.resolve("a"));
        Path events = dir.resolve("events.csv");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(events)) {
            lines.add(l.substring(0, nthComma(l, 13))); // the 13 columns of older files
        }
        Files.writeString(events, String.join("\n", lines) + "\n");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> crisis("report", dir.toString(), "--out", tmp.resolve("out").toString()));
        assertEquals(2, o.status());
        String m = o.err();
        assertTrue(m.contains("events.csv: no column 'kind'") && m.contains("rerun"), m);

        Path other = Fixtures.copy("base", tmp.resolve("b"));
        Path summary = other.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replaceFirst("\"label\" : \"[^\"]*\",\n", ""));
        m = refusal(other);
        assertTrue(m.contains("outcomes[0]: no 'label'") && m.contains("rerun"), m);
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int k = 0; k < n; k++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }
}

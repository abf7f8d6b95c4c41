package org.crisis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV reader ({@link CsvTable}) and writer ({@link Csv}) of result files. */
class CsvTableTest {
    /** The caller's own exception, as the report's ReportException or experiment's input errors. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message);
        }
    }

    @TempDir
    Path tmp;

    private CsvTable<Bad> read(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return CsvTable.read(f, Bad::new);
    }

    @Test
    void theRowsOfOneRunAreATableOfTheirOwnWithTheirFilesLines() throws Exception {
        CsvTable<Bad> t = read("trajectories.csv", "run,day,level\n0,0,NORMAL\n1,0,NORMAL\n0,1,\n1,1,SEVERED\n");
        CsvTable<Bad> one = t.rowsWhere(t.column("run"), "1");
        assertEquals(2, one.size());
        assertEquals(List.of(3, 5), List.of(one.line(0), one.line(1)));
        assertEquals("SEVERED", one.text(1, one.column("level")));
        assertEquals(tmp.resolve("trajectories.csv") + ":5", one.whereLast());
        assertEquals(0, t.rowsWhere(0, "7").size());
        Bad e = assertThrows(Bad.class, () -> one.check(one.column("day"), 0, 0, true, false));
        assertTrue(e.getMessage().startsWith(tmp.resolve("trajectories.csv") + ":5: day: expected"), e.getMessage());
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() throws Exception {
        CsvTable<Bad> t = read("events.csv", "run,label,day\r\n0,\"a, \"\"b\"\"\nc\",3\n1,plain,\n\n2,x,7,extra\n");
        assertEquals(3, t.size());
        assertEquals("a, \"b\"\nc", t.text(0, t.column("label")));
        assertEquals(3, t.number(0, t.column("day")));
        assertTrue(Double.isNaN(t.number(1, t.column("day"))));
        assertEquals(7, t.number(2, 2));
        assertEquals(4, t.line(1), "the first row spans lines 2 and 3");
        assertEquals(tmp.resolve("events.csv") + ":4", t.where(1));
    }

    @Test
    void filteredReadingSkipsOtherRunsWithoutParsingThem() throws Exception {
        Path f = tmp.resolve("events.csv");
        Files.writeString(f, "run,label\n0,\"x\ny\"\n1,keep\n10,no\n1,\"also, kept\"\n");
        CsvTable<Bad> t = CsvTable.read(f, "run", "1"::equals, Bad::new);
        assertEquals(2, t.size());
        assertEquals("also, kept", t.text(1, 1));
        assertEquals(f + ":6", t.where(1));
    }

    @Test
    void aMissingColumnOrFileIsTheCallersErrorWithTheFile() throws Exception {
        CsvTable<Bad> t = read("runs.csv", "point,seed\n0,1\n");
        Bad e = assertThrows(Bad.class, () -> t.column("replication"));
        assertEquals("runs.csv: no column 'replication'", e.getMessage());
        Bad none = assertThrows(Bad.class, () -> CsvTable.read(tmp.resolve("absent.csv"), Bad::new));
        assertEquals(tmp.resolve("absent.csv") + ": no such file", none.getMessage());
    }

    @Test
    void aFileCutShortIsRefusedAtItsLine() throws Exception {
        Bad cut = assertThrows(Bad.class, () -> read("a.csv", "x,y\n1,2\n3,4"));
        assertEquals(tmp.resolve("a.csv") + ":3: the last line is cut off (no line end): the file is truncated", cut.getMessage());
        Bad shortRow = assertThrows(Bad.class, () -> read("b.csv", "x,y\n1,2\n3\n"));
        assertEquals(tmp.resolve("b.csv") + ":3: 1 cell, expected 2 as in the header: the file is truncated or damaged",
                shortRow.getMessage());
        Bad empty = assertThrows(Bad.class, () -> read("c.csv", ""));
        assertEquals(tmp.resolve("c.csv") + ": empty file, expected a CSV header", empty.getMessage());
    }

    @Test
    void checksNameTheFileLineAndColumnOfTheFirstBadCell() throws Exception {
        CsvTable<Bad> t = read("d.csv", "\uFEFFn,seed\n1,5\n2.5,x\n");
        assertEquals(List.of("n", "seed"), t.columns(), "a byte order mark is not part of the first name");
        Bad whole = assertThrows(Bad.class, () -> t.check(0, 0, 10, true, false));
        assertEquals(tmp.resolve("d.csv") + ":3: n: expected a whole number in [0, 10], found '2.5'", whole.getMessage());
        t.check(0, 0, 10, false, false);
        Bad seed = assertThrows(Bad.class, () -> t.checkLong(1));
        assertEquals(tmp.resolve("d.csv") + ":3: seed: expected a whole number of 64 bits, found 'x'", seed.getMessage());
        Bad nan = assertThrows(Bad.class, () -> read("e.csv", "v\nNaN\n").check(0, -1e15, 1e15, false, false));
        assertTrue(nan.getMessage().endsWith(":2: v: expected a number in [-1.0E15, 1.0E15], found 'NaN'"),
                nan.getMessage());
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws Exception {
        String text = new Csv.Rows("label", "share", "n", "kept")
                .row("a, \"quoted\"\nline", 0.1234567, 3, true)
                .row("plain", Double.NaN, 0L, false)
                .toString();
        assertTrue(text.startsWith("label,share,n,kept\n\"a, \"\"quoted\"\"\nline\",0.123457,3,1\n"), text);
        CsvTable<Bad> t = read("w.csv", text);
        assertEquals(2, t.size());
        assertEquals("a, \"quoted\"\nline", t.text(0, 0));
        assertEquals(0.123457, t.number(0, 1), 0.0);
        assertTrue(Double.isNaN(t.number(1, 1)));
        assertEquals("0", t.text(1, 3));
    }

    @Test
    void aSmallProbabilityKeepsItsSignificantDigits() throws Exception {
        String text = new Csv.Rows("p").row(Csv.probability(Math.pow(2, -64))).row(Csv.probability(0.0123456789))
                .row(Csv.probability(0.0001)).row(Csv.probability(0)).row(Csv.probability(Double.NaN)).toString();
        assertEquals("p\n5.421e-20\n0.012346\n0.0001\n0\n\n", text);
        CsvTable<Bad> t = read("p.csv", text);
        assertEquals(5.421e-20, t.number(0, 0), 0.0, "read back as a number");
    }

    @Test
    void composedCellsSpellTypographicSignsInAsciiAndKeepLettersAndLabelsStayAsGiven() {
        // a spreadsheet that guesses a legacy encoding garbles an en dash; letters stay as written
        assertEquals("0.402-0.422 -> +/-0.05 Per\u00fa", Csv.plain("0.402\u20130.422 \u2192 \u00b10.05 Per\u00fa"));
        // a user's label is a join key with events.csv: a table writes it as given
        assertEquals("label\nborder \u2013 closure\n", new Csv.Rows("label").row("border \u2013 closure").toString());
    }
}

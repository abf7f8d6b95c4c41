package org.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path tmp;

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() throws Exception {
        Path f = tmp.resolve("events.csv");
        Files.writeString(f, "run,label,day\r\n0,\"a, \"\"b\"\"\nc\",3\n1,plain,\n\n2,x,7,extra\n");
        Table t = Table.read(f);
        assertEquals(3, t.size());
        assertEquals("a, \"b\"\nc", t.text(0, t.column("label")));
        assertEquals(3, t.number(0, t.column("day")));
        assertTrue(Double.isNaN(t.number(1, t.column("day"))));
        assertEquals(7, t.number(2, 2));
    }

    @Test
    void filteredReadingSkipsOtherRunsWithoutParsingThem() throws Exception {
        Path f = tmp.resolve("events.csv");
        Files.writeString(f, "run,label\n0,\"x\ny\"\n1,keep\n10,no\n1,\"also, kept\"\n");
        Table t = Table.read(f, "run", "1"::equals);
        assertEquals(2, t.size());
        assertEquals("also, kept", t.text(1, 1));
    }

    @Test
    void aMissingColumnIsAClearError() throws Exception {
        Path f = tmp.resolve("runs.csv");
        Files.writeString(f, "point,seed\n0,1\n");
        ReportException e = assertThrows(ReportException.class, () -> Table.read(f).column("replication"));
        assertTrue(e.getMessage().contains("no column 'replication'"), e.getMessage());
        assertThrows(ReportException.class, () -> Table.read(tmp.resolve("absent.csv")));
    }
}

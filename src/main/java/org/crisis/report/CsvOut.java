package org.crisis.report;

import java.util.List;
import org.crisis.io.Csv;

/** A CSV table the report writes next to report.html: snake_case header, '.' decimals, empty for none. */
final class CsvOut {
    private final StringBuilder b = new StringBuilder();
    private final int columns;

    CsvOut(String... header) {
        columns = header.length;
        for (int i = 0; i < header.length; i++) {
            b.append(i == 0 ? "" : ",").append(header[i]);
        }
        b.append('\n');
    }

    CsvOut(List<String> header) {
        this(header.toArray(String[]::new));
    }

    /** A row of cells: Numbers as numbers (NaN empty), anything else as text. */
    CsvOut row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells[i];
            if (c instanceof Double d) {
                Csv.number(b, d, 6);
            } else if (c instanceof Number n) {
                if (n instanceof Float || n instanceof java.math.BigDecimal) {
                    Csv.number(b, n.doubleValue(), 6);
                } else {
                    b.append(n.longValue());
                }
            } else if (c instanceof Boolean x) {
                b.append(x ? 1 : 0);
            } else if (c != null) {
                Csv.text(b, c.toString());
            }
        }
        b.append('\n');
        return this;
    }

    int columns() {
        return columns;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}

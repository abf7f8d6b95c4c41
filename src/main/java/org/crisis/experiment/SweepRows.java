package org.crisis.experiment;

import org.crisis.io.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of runs.csv: {@code point,replication,seed,<varied values>,<outcomes>,status,message}.
 * The same text goes into the journal and into the final file.
 */
final class SweepRows {
    static final String OK = "ok";
    static final String FAILED = "failed";

    private SweepRows() {}

    /** A row; {@code outcomes} is null for a failed run (empty cells). */
    static String row(int point, int replication, long seed, String values, double[] outcomes, int outcomeCount,
            String message) {
        StringBuilder s = new StringBuilder(64 + values.length() + 12 * outcomeCount);
        s.append(point).append(',').append(replication).append(',').append(seed);
        if (!values.isEmpty()) {
            s.append(',').append(values);
        }
        for (int k = 0; k < outcomeCount; k++) {
            s.append(',');
            if (outcomes != null) {
                Csv.number(s, outcomes[k], 6);
            }
        }
        s.append(',').append(outcomes != null ? OK : FAILED).append(',');
        if (message != null && !message.isEmpty()) {
            Csv.text(s, clean(message));
        }
        return s.toString();
    }

    /** A message on one line, without tabs (the journal's separator), at most 500 characters. */
    static String clean(String message) {
        String m = message.replaceAll("[\\t\\r\\n]+", " ").trim();
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }

    /** The run number of a row: point · replications + replication. */
    static long run(String row, int replications) {
        int a = row.indexOf(',');
        int b = row.indexOf(',', a + 1);
        if (a <= 0 || b <= a) {
            throw new IllegalArgumentException("not a runs.csv row: " + row);
        }
        return Long.parseLong(row, 0, a, 10) * replications + Long.parseLong(row, a + 1, b, 10);
    }

    /** The cells of a CSV row (RFC 4180 quoting). */
    static List<String> split(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < row.length() && row.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The raw text of cells {@code from} (inclusive) to {@code to} (exclusive), quotes kept. */
    static String cells(String row, int from, int to) {
        if (from >= to) {
            return "";
        }
        int start = -1;
        int cell = 0;
        boolean quoted = false;
        for (int i = 0; i <= row.length(); i++) {
            if (cell == from && start < 0) {
                start = i;
            }
            if (i == row.length()) {
                break;
            }
            char c = row.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cell++;
                if (cell == to) {
                    return row.substring(start, i);
                }
            }
        }
        return start < 0 ? "" : row.substring(start);
    }
}

package org.crisis.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The record of simulated evaluations that makes a calibration resumable. It uses the
 * segments and sealed lines of the sweep journal ({@link SweepJournal}: one segment per
 * session, each line with the CRC-32 of its content, a torn line ignored). A line is either
 *
 * <pre>
 *   E,fold,evaluation,u_1 u_2 ... u_d,h_1 h_2 ... h_m     a candidate of a fit: its coordinates and held counts
 *   T,fold,evaluation,h_1 h_2 ... h_m                     the held-out cases of a fold at candidate 'evaluation'
 *   S,fold,u_1 u_2 ... u_d,h_1 h_2 ... h_m                an ABC-SMC candidate, known by its coordinates
 *   D,fold,sha,h_1 h_2 ... h_m                           the held-out cases of a fold, each run drawn from its ensemble
 *                                                         (sha: SHA-256 of the ensemble's sets and weights)
 * </pre>
 *
 * Coordinates are written as Java prints doubles, which reads back to the same bits. On
 * resume the optimiser runs again from the start; each evaluation found here gives its
 * recorded counts instead of running the model, after checking that the optimiser asked for
 * exactly the same coordinates, so the calibration continues where it stopped with the
 * results an uninterrupted one would have given. ABC-SMC's candidates are known by their
 * coordinates rather than their number: ABC-SMC follows the search, so a resume with another
 * search budget numbers them differently, and its counts depend on the coordinates alone.
 */
final class CalibrationJournal {
    /** A recorded evaluation. */
    record Entry(double[] u, int[] held) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<Integer, Integer> perFold = new HashMap<>();

    private CalibrationJournal() {}

    static CalibrationJournal read(Path work) throws IOException {
        CalibrationJournal j = new CalibrationJournal();
        for (Path segment : SweepJournal.segments(work)) {
            try (BufferedReader r = SweepJournal.reader(segment)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String row = SweepJournal.open(line);
                    if (row != null) {
                        j.add(row);
                    }
                }
            }
        }
        return j;
    }

    private void add(String row) {
        String[] cell = row.split(",", -1);
        if (cell.length < 4) {
            return;
        }
        try {
            Entry previous = null;
            int fold = Integer.parseInt(cell[1]);
            if (cell[0].equals("E") && cell.length == 5) {
                previous = entries.putIfAbsent(key("E", fold, Integer.parseInt(cell[2])),
                        new Entry(doubles(cell[3]), ints(cell[4])));
            } else if (cell[0].equals("S") && cell.length == 4) {
                previous = entries.putIfAbsent("S" + fold + "/" + cell[2], new Entry(doubles(cell[2]), ints(cell[3])));
            } else if (cell[0].equals("D") && cell.length == 4) {
                previous = entries.putIfAbsent("D" + fold + "/" + cell[2], new Entry(new double[0], ints(cell[3])));
            } else if (cell[0].equals("T") && cell.length == 4) {
                previous = entries.putIfAbsent(key("T", fold, Integer.parseInt(cell[2])), new Entry(new double[0], ints(cell[3])));
            } else {
                return;
            }
            if (previous == null) {
                perFold.merge(fold, 1, Integer::sum);
            }
        } catch (NumberFormatException e) {
            // a sealed line is intact; a malformed one comes from another version: done again
        }
    }

    int size() {
        return entries.size();
    }

    /** Recorded evaluations of one fit. */
    int count(int fold) {
        return perFold.getOrDefault(fold, 0);
    }

    Entry evaluation(int fold, int evaluation) {
        return entries.get(key("E", fold, evaluation));
    }

    /** A recorded ABC-SMC candidate at exactly these coordinates. */
    Entry smc(int fold, double[] u) {
        return entries.get("S" + fold + "/" + coordinates(new StringBuilder(), u));
    }

    Entry test(int fold, int evaluation) {
        return entries.get(key("T", fold, evaluation));
    }

    /** The held-out cases' counts drawn from a fold's ensemble (known by its SHA-256), if recorded. */
    Entry drawn(int fold, String ensemble) {
        return entries.get("D" + fold + "/" + ensemble);
    }

    static String drawnLine(int fold, String ensemble, int[] held) {
        return counts(new StringBuilder("D,").append(fold).append(',').append(ensemble).append(','), held);
    }

    static String evaluationLine(int fold, int evaluation, double[] u, int[] held) {
        StringBuilder s = new StringBuilder("E,").append(fold).append(',').append(evaluation).append(',');
        return counts(coordinates(s, u).append(','), held);
    }

    static String smcLine(int fold, double[] u, int[] held) {
        StringBuilder s = new StringBuilder("S,").append(fold).append(',');
        return counts(coordinates(s, u).append(','), held);
    }

    private static StringBuilder coordinates(StringBuilder s, double[] u) {
        for (int i = 0; i < u.length; i++) {
            s.append(i == 0 ? "" : " ").append(u[i]);
        }
        return s;
    }

    static String testLine(int fold, int evaluation, int[] held) {
        return counts(new StringBuilder("T,").append(fold).append(',').append(evaluation).append(','), held);
    }

    private static String counts(StringBuilder s, int[] held) {
        for (int i = 0; i < held.length; i++) {
            s.append(i == 0 ? "" : " ").append(held[i]);
        }
        return s.toString();
    }

    private static String key(String kind, int fold, int evaluation) {
        return kind + fold + "/" + evaluation;
    }

    private static double[] doubles(String cell) {
        if (cell.isEmpty()) {
            return new double[0];
        }
        String[] parts = cell.split(" ");
        double[] x = new double[parts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.parseDouble(parts[i]);
        }
        return x;
    }

    private static int[] ints(String cell) {
        if (cell.isEmpty()) {
            return new int[0];
        }
        String[] parts = cell.split(" ");
        int[] x = new int[parts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Integer.parseInt(parts[i]);
        }
        return x;
    }
}

package org.crisis.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which fits a calibration session runs, and cross-validation by episode
 * (docs/CALIBRATION.md, "Cross-validation"). Fold 0 is the fit on all cases; fold I (1..K)
 * fits on the cases of the other folds and scores the cases of fold I at the fitted values.
 *
 * <p>Assignment: the cases, sorted by name (Unicode code point order), are dealt to the K
 * folds in turn, the case at position i (from 0) to fold {@code i mod K + 1}. It depends
 * only on the case names and K, so every task of a job array agrees on it.
 *
 * @param k the number of folds, 0 without cross-validation
 * @param only -1 for the fit on all cases and all K folds ({@code --folds K}); otherwise the
 *     one fold to run ({@code --fold I/K}, 0..K)
 */
public record CalibrationFolds(int k, int only) {
    /** The fit on all cases, without cross-validation. */
    public static final CalibrationFolds NONE = new CalibrationFolds(0, -1);

    public CalibrationFolds {
        if (k < 0 || k == 1 || only < -1 || only > k || (k == 0 && only != -1)) {
            throw new IllegalArgumentException("invalid folds: k " + k + ", only " + only);
        }
    }

    /** The fit on all cases and the K folds ({@code --folds K}). */
    public static CalibrationFolds all(int k) {
        return new CalibrationFolds(k, -1);
    }

    /** One fold ({@code --fold I/K}); fold 0 is the fit on all cases. */
    public static CalibrationFolds one(int i, int k) {
        return new CalibrationFolds(k, i);
    }

    /** Parses {@code I/K} with 0 ≤ I ≤ K and K ≥ 2 into {I, K}; empty with the reason in {@code why}. */
    public static Optional<int[]> parse(String text, StringBuilder why) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                int i = Integer.parseInt(text.substring(0, slash).trim());
                int k = Integer.parseInt(text.substring(slash + 1).trim());
                if (k >= 2 && i >= 0 && i <= k) {
                    return Optional.of(new int[] {i, k});
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        why.append("expected I/K with whole numbers 0 <= I <= K and K >= 2, e.g. 3/5 (0/K is the fit on all cases), found '")
                .append(text).append("'");
        return Optional.empty();
    }

    /** The fold (1..k) of each case, in the order of {@code names} (which must be distinct). */
    public static int[] assign(List<String> names, int k) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        int[] fold = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            fold[i] = sorted.indexOf(names.get(i)) % k + 1;
        }
        return fold;
    }

    /** The fits of this session, in the order they run: 0 (all cases) first, then folds 1..K. */
    public List<Integer> fits() {
        List<Integer> list = new ArrayList<>();
        if (only >= 0) {
            list.add(only);
            return list;
        }
        for (int f = 0; f <= k; f++) {
            list.add(f);
        }
        return list;
    }

    /** Whether this session fits every fold 1..K. */
    public boolean crossValidates() {
        return k > 0 && (only == -1);
    }

    /** For directory names: empty, {@code -folds-5} or {@code -fold-3-of-5}. */
    public String label() {
        return k == 0 ? "" : only < 0 ? "-folds-" + k : "-fold-" + only + "-of-" + k;
    }

    @Override
    public String toString() {
        return k == 0 ? "all cases" : only < 0 ? "all cases and " + k + " folds" : "fold " + only + "/" + k;
    }
}

package org.crisis.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report is asked for.
 *
 * @param out directory for report.html and its CSV tables; null for the results directory itself, or, when several are compared, a
 *     {@code compare-...} directory beside the first
 * @param days days at which to draw the regional network; empty for start, peak and end
 * @param run the kept run to show as the representative run; null to choose one
 * @param precision the half-width wanted for shares (e.g. 0.05 for ±5 points)
 * @param relativePrecision the half-width wanted for numbers, relative to the mean
 * @param rankBy the sweep outcome to rank points by and to draw heat maps of; null for the first
 */
public record ReportOptions(Path out, List<Integer> days, Integer run, double precision, double relativePrecision,
        String rankBy) {
    public ReportOptions {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(null, List.of(), null, 0.05, 0.05, null);
    }

    public ReportOptions withOut(Path dir) {
        return new ReportOptions(dir, days, run, precision, relativePrecision, rankBy);
    }
}

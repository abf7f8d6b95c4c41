package org.crisis.report;

import java.util.List;
import java.util.Map;

/**
 * One kind of report (a run set, a comparison, a sweep, a comparison of sweeps, a calibration): it builds its page,
 * says in one paragraph what it reports, and hands over the CSV tables behind its charts.
 * {@link Report} writes any of them the same way.
 */
interface ReportKind {
    /** The kind's name, as {@link Report.Written#kind()} gives it. */
    String kind();

    Page build() throws ReportException;

    /** The page's file name. */
    default String page() {
        return "report.html";
    }

    /** The page's opening paragraph. */
    String lead();

    /** CSV tables by file name, filled by {@link #build()}. */
    Map<String, String> tables();

    /** What the reader should know the report could not do; filled by {@link #build()}. */
    default List<String> warnings() {
        return List.of();
    }
}

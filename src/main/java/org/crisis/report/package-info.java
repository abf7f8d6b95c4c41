/**
 * Reports from results directories: statistics with their uncertainty, and charts.
 *
 * <p>Reads what {@code crisis run} and {@code crisis sweep} wrote (manifest.json, runs.csv,
 * summary.json, ensemble.csv, events.csv, trajectories.csv; points.csv, sensitivity.csv) and
 * nothing of the simulator: this package depends on the file formats only. {@link
 * org.crisis.report.Report} writes one self-contained report.html (inline SVG charts from
 * JFreeChart through JFreeSVG) and its tables as CSV; {@link org.crisis.report.Explanation}
 * gives the cause chains of a pair's key events as text. What each report holds and how its
 * statistics are computed: docs/REPORTS.md.
 *
 * <pre>{@code
 * Report.Written w = Report.write(List.of(Path.of("results/asylum"), Path.of("results/no-asylum")),
 *         ReportOptions.defaults().withOut(Path.of("results/compare")));
 * }</pre>
 *
 * <p>Layout: {@code Results}, {@code RunSetResults}, {@code SweepResults} read directories
 * (with {@code org.crisis.io.CsvTable}) and summarise what the files hold with the statistics of
 * {@code org.crisis.stats} (outcome statistics, mean differences, convergence, Kaplan–Meier,
 * log-rank, proportions, rank tests, intervals); {@code ChartStyle} (the one style and palette), {@code LineCharts} (fan
 * charts, level shares, survival, convergence), {@code HeatMaps}, {@code BarCharts}, {@code TimelineChart},
 * {@code NetworkDiagram} and {@code Svg} draw; {@code Html} and
 * {@code Page} build the page ({@code ReportScript}: its one inline script, report.js, and the hash the content
 * security policy allows; {@code JsonText}: data for the script that scenario text cannot break out of;
 * {@code ChartHover}: the values a chart shows on hover; {@code Replay} and {@code BlocLayout}: the replay of kept
 * runs in the run-set report); {@code RunSetReport}, {@code ComparisonReport} and
 * {@code SweepReport} are the three kinds of report, and {@code SweepComparison} compares two
 * sweeps point by point (its points matched by {@code SweepMatch}; its statistics, like the
 * comparison of run sets', from {@code OutcomeComparison}); {@code ReportOutput} keeps every file
 * inside the chosen directory. A calibration directory ({@code crisis calibrate}) is read by
 * {@code CalibrationResults} and reported by {@code CalibrationReport}, with
 * {@code CalibrationCharts}. Scenario discovery on a sweep ({@code crisis discover}, and the
 * report's pair plots and "Scenario discovery" section): {@code Discovery} reads a sweep's
 * points into cases for {@link org.crisis.discover.Prim}, {@code DiscoveryPage},
 * {@code DiscoveryCharts}, {@code DiscoverySection} and {@code PairPlots} show what it found.
 */
package org.crisis.report;

/**
 * Statistics as pure functions of numbers, for the simulator's summaries and the reports
 * alike: 95 % intervals ({@code Intervals}), the summary of an outcome over runs
 * ({@code OutcomeStatistics}), differences of means ({@code MeanDifference}), how an estimate
 * settles with replications ({@code Convergence}), Kaplan–Meier survival and the log-rank test,
 * tests of proportions and rank tests, Holm's adjustment of p-values for many tests at once
 * ({@code Holm}), and the interval of a pass rate pooled over cases
 * ({@code CaseBootstrap}). Nothing here knows a file format or the model; the
 * layering test keeps it so.
 */
package org.crisis.stats;

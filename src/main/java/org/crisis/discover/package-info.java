/**
 * Scenario discovery: which combinations of a sweep's varied values lead to an outcome.
 *
 * <p>{@link org.crisis.discover.Prim} is Friedman and Fisher's patient rule induction method as
 * the EMA Workbench uses it for scenario discovery: the peeling trajectory of boxes that trade
 * coverage against density, optional pasting, and the quasi-p-value of each limit of a box.
 * This package works on plain arrays and depends on no other part of crisis; reading a sweep's
 * results into cases and drawing the results is done by {@code org.crisis.report}
 * ({@code crisis discover}, and the "Scenario discovery" section of a sweep's report). The
 * method and its choices: docs/REPORTS.md, "crisis discover".
 */
package org.crisis.discover;

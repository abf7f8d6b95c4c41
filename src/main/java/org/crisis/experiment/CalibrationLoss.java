package org.crisis.experiment;

import java.util.List;
import org.crisis.scenario.Scenario;
import org.crisis.stats.Brier;

/**
 * The objective of a calibration (docs/CALIBRATION.md, "Loss"): over every pattern of every
 * case, how far the pattern's observed share lies outside its bounds on the logit scale,
 * squared, summed. A pattern held in h of n runs counts with the continuity-corrected share
 * {@code p = (h + 0.5) / (n + 1)}, and its bounds a, b (0 and 1 when absent) are corrected the
 * same way, {@code a' = (a·n + 0.5) / (n + 1)}, so a bound of 0 or 1 stays finite and the term
 * is 0 exactly when the pattern passes as {@code crisis validate} decides:
 *
 * <pre>
 *   term = 0                                  if a ≤ h/n ≤ b (the pattern passes)
 *        = (logit a' − logit p)²               if h/n &lt; a
 *        = (logit p − logit b')²               if h/n &gt; b
 * </pre>
 *
 * The term grows smoothly with the distance, so a candidate that brings a failing pattern
 * closer to its bounds scores better even before it passes. With a saturation {@code S}
 * (calibration file, {@code loss.saturation}) the term is {@code S·(1 − exp(−d²/S))}: the
 * same near the bounds, at most {@code S} far from them, so the loss then counts failing
 * patterns rather than letting one hopeless pattern outweigh several within reach.
 */
public final class CalibrationLoss {
    private CalibrationLoss() {}

    /** No saturation: the squared logit distance itself. */
    public static final double UNSATURATED = Double.POSITIVE_INFINITY;

    /** The loss term of one pattern held in {@code held} of {@code runs} runs, unsaturated. */
    public static double term(Scenario.Bounds bounds, int held, int runs) {
        return term(bounds, held, runs, UNSATURATED);
    }

    /** The loss term of one pattern held in {@code held} of {@code runs} runs, saturating at {@code saturation}. */
    public static double term(Scenario.Bounds bounds, int held, int runs, double saturation) {
        if (Validation.pass(bounds, held, runs)) {
            return 0;
        }
        double p = corrected(held, runs);
        double observed = held / (double) runs;
        double d;
        if (bounds.min().isPresent() && observed < bounds.min().get()) {
            d = logit(corrected(bounds.min().get() * runs, runs)) - logit(p);
        } else {
            d = logit(p) - logit(corrected(bounds.max().orElse(1.0) * runs, runs));
        }
        // a failing pattern always counts, even where rounding puts it on its corrected bound
        double t = saturation == UNSATURATED ? d * d : saturation * -Math.expm1(-d * d / saturation);
        return Math.max(t, Double.MIN_NORMAL);
    }

    /**
     * The Brier term of one pattern held in {@code held} of {@code runs} runs ({@code loss.score:
     * brier}): the squared difference between its share and what it says happened, 1 for a lower
     * bound above 0, 0 for an upper bound below 1 ({@link Brier#claim}). A pattern with both bounds
     * says neither: its term is the squared distance of its share outside them, 0 within. Unlike
     * {@link #term(Scenario.Bounds, int, int, double)} a pattern that passes still counts, so a fit
     * on it prefers shares that are right about the record's uncertainty to shares of 0 or 1.
     */
    public static double brierTerm(Scenario.Bounds bounds, int held, int runs) {
        double share = held / (double) runs;
        double min = bounds.min().orElse(Double.NaN);
        double max = bounds.max().orElse(Double.NaN);
        Boolean happened = Brier.claim(min, max);
        double d;
        if (happened != null) {
            d = share - (happened ? 1 : 0);
        } else {
            d = share < min ? min - share : share > max ? share - max : 0;
        }
        return d * d;
    }

    /** The continuity-corrected share (x + 0.5) / (n + 1). */
    public static double corrected(double x, int runs) {
        return (x + 0.5) / (runs + 1);
    }

    static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    /** Loss, passes and patterns of held counts over a list of cases (counts flattened in case and pattern order). */
    public static Score score(List<CalibrationCase> cases, int[] held, double saturation) {
        return score(cases, held, saturation, false);
    }

    /**
     * Whether a pattern says something happened: it has a lower bound above 0 (a rupture by a
     * date, a recall, a level kept). The others say only that something did not, or rarely did.
     */
    public static boolean happened(Scenario.Bounds bounds) {
        return bounds.min().isPresent() && bounds.min().get() > 0;
    }

    /**
     * Loss, passes and patterns of held counts over a list of cases. With {@code balanced} each
     * term is weighed so that the patterns that say something happened and those that say only
     * that something did not weigh the same in total, n / (2·n_class) each (a class-balanced
     * loss): in a library where restraint is recorded far more often than ruptures, an
     * unweighted loss is best served by a model that seldom acts. The pass count is never weighed.
     */
    public static Score score(List<CalibrationCase> cases, int[] held, double saturation, boolean balanced) {
        return score(cases, held, saturation, balanced, false);
    }

    /**
     * As {@link #score(List, int[], double, boolean)}, each term the Brier term ({@link #brierTerm})
     * when {@code brier}, where the saturation does not apply.
     */
    public static Score score(List<CalibrationCase> cases, int[] held, double saturation, boolean balanced, boolean brier) {
        double wHappened = 1;
        double wOther = 1;
        if (balanced) {
            int n = 0;
            int h = 0;
            for (CalibrationCase c : cases) {
                for (Scenario.Pattern p : c.patterns()) {
                    n++;
                    h += happened(p.probability()) ? 1 : 0;
                }
            }
            if (h > 0 && h < n) {
                wHappened = n / (2.0 * h);
                wOther = n / (2.0 * (n - h));
            }
        }
        double loss = 0;
        int passes = 0;
        int i = 0;
        for (CalibrationCase c : cases) {
            for (Scenario.Pattern p : c.patterns()) {
                double w = happened(p.probability()) ? wHappened : wOther;
                loss += w * (brier ? brierTerm(p.probability(), held[i], c.runs())
                        : term(p.probability(), held[i], c.runs(), saturation));
                passes += Validation.pass(p.probability(), held[i], c.runs()) ? 1 : 0;
                i++;
            }
        }
        if (i != held.length) {
            throw new IllegalArgumentException("expected " + i + " counts, found " + held.length);
        }
        return new Score(loss, passes, i);
    }

    /** A candidate's loss with its pass count. */
    public record Score(double loss, int passes, int patterns) {}
}

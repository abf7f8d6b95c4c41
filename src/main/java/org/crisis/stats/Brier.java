package org.crisis.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * The Brier score of forecast probabilities against what happened: the mean squared difference
 * between each forecast and its outcome (1 happened, 0 not), 0 at best and 1 at worst (Brier
 * 1950). Unlike a count of forecasts within bounds, it is a proper score: it rewards a forecast
 * of 0.3 for an event that happens about three times in ten over a forecast of 0 or 1, so it
 * tells an overconfident model from a calibrated one.
 *
 * <p>Beside it, the reference: the score of forecasting every event at the share of them that
 * happened, {@code q(1 − q)}, the score of knowing the base rate and nothing else. A score above
 * the reference is worse than that.
 *
 * <p>And the discrimination: the area under the ROC curve, the chance that an event that happened
 * got a higher forecast than one that did not (ties count half; the Mann–Whitney statistic over
 * the two counts). 0.5 is no better than chance, 1 ranks every event that happened above every
 * one that did not. A model can rank well and still be overconfident, or the reverse, so the two
 * are read together.
 *
 * @param events how many forecasts were scored
 * @param happened how many of their events happened
 * @param score the mean squared difference; NaN with no events
 * @param reference the score of the base rate; NaN with no events
 * @param auc the area under the ROC curve; NaN unless both outcomes occur and every forecast is a number
 */
public record Brier(int events, int happened, double score, double reference, double auc) {

    /** Scores {@code forecast[i]} (a probability) against {@code outcome[i]}. */
    public static Brier of(double[] forecast, boolean[] outcome) {
        if (forecast.length != outcome.length) {
            throw new IllegalArgumentException(forecast.length + " forecasts for " + outcome.length + " outcomes");
        }
        Tally t = new Tally();
        for (int i = 0; i < forecast.length; i++) {
            t.add(forecast[i], outcome[i]);
        }
        return t.result();
    }

    /** Forecasts added one at a time. */
    public static final class Tally {
        private double sum;
        private int events;
        private int happened;
        private double[] yes = new double[16]; // the forecasts of events that happened
        private double[] no = new double[16]; // and of those that did not
        private boolean finite = true; // a NaN forecast makes the score NaN, and so the ranking too

        /** Adds a forecast of an event and whether it happened. */
        public void add(double forecast, boolean outcome) {
            double d = forecast - (outcome ? 1 : 0);
            sum += d * d;
            finite &= Double.isFinite(forecast);
            if (outcome) {
                yes = grown(yes, happened);
                yes[happened++] = forecast;
            } else {
                no = grown(no, events - happened);
                no[events - happened] = forecast;
            }
            events++;
        }

        private static double[] grown(double[] a, int used) {
            return used < a.length ? a : Arrays.copyOf(a, 2 * a.length);
        }

        /** Adds a forecast of the event a probability bound claims ({@link #claim}); one that claims nothing is left out. */
        public void add(double forecast, double min, double max) {
            Boolean outcome = claim(min, max);
            if (outcome != null) {
                add(forecast, outcome);
            }
        }

        public Brier result() {
            double q = happened / (double) events;
            return events == 0 ? new Brier(0, 0, Double.NaN, Double.NaN, Double.NaN)
                    : new Brier(events, happened, sum / events, q * (1 - q), auc());
        }

        /** The Mann–Whitney count over every pair of an event that happened and one that did not, as a share. */
        private double auc() {
            int others = events - happened;
            if (happened == 0 || others == 0 || !finite) {
                return Double.NaN;
            }
            double[] below = Arrays.copyOf(no, others);
            Arrays.sort(below);
            double wins = 0;
            for (int i = 0; i < happened; i++) {
                int lower = Sorted.countBelow(below, yes[i]);
                int upper = Sorted.countBelow(below, Math.nextUp(yes[i]));
                wins += lower + (upper - lower) / 2.0;
            }
            return wins / happened / others;
        }
    }

    /**
     * What a one-sided probability bound claims about a single event: a lower bound above 0 with
     * no upper bound below 1 claims it happened ({@code TRUE}); an upper bound below 1 with no
     * lower bound above 0 claims it did not ({@code FALSE}); a two-sided bound, or none, claims
     * neither ({@code null}). Absent bounds are NaN.
     */
    public static Boolean claim(double min, double max) {
        boolean above = !Double.isNaN(min) && min > 0;
        boolean below = !Double.isNaN(max) && max < 1;
        return above == below ? null : above;
    }

    /**
     * The score as one sentence without its final stop, e.g. "Brier score of the held-out shares
     * against the record, over the 4 patterns with one bound: 0.335 (0 is best; 0.250 for every
     * share at the 50.0 % of them that record something happened)"; the base rate is given only
     * when both outcomes occur. {@code shares} names the forecasts ("shares", "held-out shares");
     * {@code patterns} writes a number of patterns ("4 patterns") and {@code percent} a share as a
     * percentage ("50.0 %"), each in the caller's typography.
     */
    public String sentence(String shares, IntFunction<String> patterns, DoubleFunction<String> percent) {
        boolean bothKinds = happened > 0 && happened < events;
        return String.format(Locale.ROOT, "Brier score of the %s against the record, over the %s with one bound: %.3f (0 is best%s)",
                shares, patterns.apply(events), score, bothKinds
                        ? String.format(Locale.ROOT, "; %.3f for every share at the %s of them that record something happened",
                                reference, percent.apply(happened / (double) events)) : "");
    }

    /**
     * The discrimination as one sentence without its final stop, e.g. "Area under the ROC curve of
     * the held-out shares: 0.702 (the chance that a pattern that records something happened, a lower
     * bound above 0, has a higher share than one that records it did not, ties counting half; 0.5 for
     * shares that do not tell them apart)"; null unless both kinds occur.
     */
    public String discrimination(String shares) {
        return Double.isNaN(auc) ? null : String.format(Locale.ROOT, "Area under the ROC curve of the %s: %.3f (the chance that a"
                + " pattern that records something happened, a lower bound above 0, has a higher share than one that records it"
                + " did not, ties counting half; 0.5 for shares that do not tell them apart)", shares, auc);
    }
}

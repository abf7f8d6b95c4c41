package org.crisis.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Difference of two means (second minus first) with its 95 % interval: Welch's t, or paired t. */
public record MeanDifference(double difference, double low, double high) {

    /** Welch's interval for two independent samples (NaN left out). */
    public static MeanDifference welch(double[] first, double[] second) {
        OutcomeStatistics a = OutcomeStatistics.of(first, false);
        OutcomeStatistics b = OutcomeStatistics.of(second, false);
        double d = b.mean() - a.mean();
        if (a.n() < 2 || b.n() < 2) {
            return new MeanDifference(d, Double.NaN, Double.NaN);
        }
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new MeanDifference(d, d, d);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.975);
        return new MeanDifference(d, d - t * se, d + t * se);
    }

    /** The paired interval: Student's t on the differences (NaN left out). */
    public static MeanDifference paired(double[] differences) {
        OutcomeStatistics s = OutcomeStatistics.of(differences, false);
        return new MeanDifference(s.mean(), s.low(), s.high());
    }
}

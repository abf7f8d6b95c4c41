package org.crisis.report;

import org.crisis.stats.Intervals;

/**
 * n, mean, standard deviation and 95 % interval of the values that are there (NaN left out):
 * Wilson score interval for a share (values 0/1), Student's t for a number.
 */
record Summary(int n, double mean, double sd, double low, double high, int successes) {

    static Summary of(double[] values, boolean share) {
        int n = 0;
        double sum = 0;
        int successes = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
                successes += x != 0 ? 1 : 0;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        double[] ci = share ? Intervals.wilson(successes, n) : Intervals.mean(mean, sd, n);
        return new Summary(n, mean, sd, ci[0], ci[1], successes);
    }

    /** Half the width of the interval. */
    double halfWidth() {
        return (high - low) / 2;
    }
}

package org.crisis.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank (Mantel–Cox) test that two survival curves are the same, from observed or
 * censored times: chi-squared with one degree of freedom. The p-value is the upper tail
 * Q(1/2, χ²/2) itself, not 1 − the distribution function, so that it does not round to 0.
 */
public record LogRank(double chiSquared, double p, double observedFirst, double expectedFirst) {

    public static LogRank test(double[] t1, boolean[] e1, double[] t2, boolean[] e2) {
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        for (int i = 0; i < t1.length; i++) {
            if (e1[i]) {
                times.add(t1[i]);
            }
        }
        for (int i = 0; i < t2.length; i++) {
            if (e2[i]) {
                times.add(t2[i]);
            }
        }
        double[] s1 = t1.clone();
        double[] s2 = t2.clone();
        java.util.Arrays.sort(s1);
        java.util.Arrays.sort(s2);
        double o1 = 0;
        double ex1 = 0;
        double v = 0;
        for (double t : times) {
            int n1 = s1.length - Sorted.countBelow(s1, t);
            int n2 = s2.length - Sorted.countBelow(s2, t);
            int d1 = count(t1, e1, t);
            int d2 = count(t2, e2, t);
            double n = n1 + n2;
            double d = d1 + d2;
            o1 += d1;
            ex1 += d * n1 / n;
            if (n > 1) {
                v += d * (n1 / n) * (n2 / n) * (n - d) / (n - 1);
            }
        }
        if (v <= 0) {
            return new LogRank(0, 1, o1, ex1);
        }
        double chi = (o1 - ex1) * (o1 - ex1) / v;
        return new LogRank(chi, Gamma.regularizedGammaQ(0.5, chi / 2), o1, ex1);
    }

    private static int count(double[] t, boolean[] e, double at) {
        int c = 0;
        for (int i = 0; i < t.length; i++) {
            c += e[i] && t[i] == at ? 1 : 0;
        }
        return c;
    }
}

package org.crisis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisis.stats.Intervals;

/**
 * The Kaplan–Meier estimate of a survival function S(t), the share of runs in which an event
 * has not happened by day t, from times that are either observed or censored (the run ended,
 * at the horizon or by an early stop, before the event). At a time with both events and
 * censorings, the censored runs count as still at risk. Pointwise 95 % intervals use
 * Greenwood's variance on the log(-log S) scale (Kalbfleisch and Prentice), as R's
 * {@code survfit(conf.type = "log-log")} does.
 *
 * <pre>{@code
 * KaplanMeier km = KaplanMeier.of(new double[] {6, 6, 7, 9}, new boolean[] {true, false, true, false});
 * km.at(6.5); // 0.75
 * }</pre>
 *
 * @param n runs
 * @param observed runs in which the event happened
 * @param time the distinct times at which an event happened, ascending
 * @param survival S just after each of those times
 * @param low lower 95 % bound of S there
 * @param high upper 95 % bound
 * @param atRisk runs still at risk just before each time
 * @param events events at each time
 */
public record KaplanMeier(int n, int observed, double[] time, double[] survival, double[] low, double[] high, int[] atRisk,
        int[] events) {

    public static KaplanMeier of(double[] times, boolean[] observed) {
        int n = times.length;
        for (double t : times) {
            if (!Double.isFinite(t)) {
                // a NaN never equals itself: the loop below would never pass it
                throw new IllegalArgumentException("survival times must be finite numbers, found " + t);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(times[x], times[y]));
        List<double[]> rows = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        int total = 0;
        int at = 0;
        while (at < n) {
            double t = times[order[at]];
            int risk = n - at;
            int d = 0;
            int end = at;
            while (end < n && times[order[end]] == t) {
                d += observed[order[end]] ? 1 : 0;
                end++;
            }
            if (d > 0) {
                total += d;
                s *= 1 - d / (double) risk;
                greenwood += risk == d ? Double.POSITIVE_INFINITY : d / ((double) risk * (risk - d));
                double lo;
                double hi;
                if (s <= 0) {
                    lo = 0;
                    hi = 0;
                } else if (s >= 1) {
                    lo = 1;
                    hi = 1;
                } else {
                    double logS = Math.log(s);
                    double se = Math.sqrt(greenwood) / Math.abs(logS);
                    lo = Math.pow(s, Math.exp(Intervals.Z95 * se));
                    hi = Math.pow(s, Math.exp(-Intervals.Z95 * se));
                }
                rows.add(new double[] {t, s, lo, hi, risk, d});
            }
            at = end;
        }
        int m = rows.size();
        double[] time = new double[m];
        double[] surv = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        int[] risk = new int[m];
        int[] ev = new int[m];
        for (int i = 0; i < m; i++) {
            double[] r = rows.get(i);
            time[i] = r[0];
            surv[i] = r[1];
            lo[i] = r[2];
            hi[i] = r[3];
            risk[i] = (int) r[4];
            ev[i] = (int) r[5];
        }
        return new KaplanMeier(n, total, time, surv, lo, hi, risk, ev);
    }

    /**
     * From a runs.csv duration column (empty where the event never happened) and each run's
     * length (days run): observed where there is a value, censored on its last day (length − 1) otherwise.
     */
    public static KaplanMeier ofDurations(double[] daysTo, double[] runDays) {
        return of(times(daysTo, runDays), observed(daysTo));
    }

    /** Each run's time: the day of the event, or the last day it was followed (days 0 to runDays − 1) where it has none. */
    public static double[] times(double[] daysTo, double[] runDays) {
        double[] t = new double[daysTo.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Double.isNaN(daysTo[i]) ? runDays[i] - 1 : daysTo[i];
        }
        return t;
    }

    /** Whether each run saw the event (a value in the duration column). */
    public static boolean[] observed(double[] daysTo) {
        boolean[] e = new boolean[daysTo.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = !Double.isNaN(daysTo[i]);
        }
        return e;
    }

    /** S(t). */
    public double at(double t) {
        double s = 1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            s = survival[i];
        }
        return s;
    }

    /** The first time S falls to 0.5 or below, or NaN if it never does. */
    public double median() {
        for (int i = 0; i < time.length; i++) {
            if (survival[i] <= 0.5) {
                return time[i];
            }
        }
        return Double.NaN;
    }

    /**
     * The curve as points for a chart drawn with straight segments: x, S, low, high, from day 0
     * to {@code end}, with each drop drawn vertically.
     */
    public double[][] steps(double end) {
        int m = time.length;
        double[][] out = new double[4][2 * m + 2];
        int k = 0;
        double s = 1;
        double l = 1;
        double h = 1;
        out[0][k] = 0;
        out[1][k] = 1;
        out[2][k] = 1;
        out[3][k++] = 1;
        for (int i = 0; i < m; i++) {
            double t = Math.min(time[i], end);
            out[0][k] = t;
            out[1][k] = s;
            out[2][k] = l;
            out[3][k++] = h;
            s = survival[i];
            l = low[i];
            h = high[i];
            out[0][k] = t;
            out[1][k] = s;
            out[2][k] = l;
            out[3][k++] = h;
        }
        out[0][k] = Math.max(end, m == 0 ? 0 : time[m - 1]);
        out[1][k] = s;
        out[2][k] = l;
        out[3][k++] = h;
        for (int j = 0; j < 4; j++) {
            out[j] = Arrays.copyOf(out[j], k);
        }
        return out;
    }
}

package org.crisis.stats;

/**
 * How an outcome's estimate settles as replications accumulate (in replication order): the
 * running mean or share and its 95 % interval after each n, sampled at up to a few hundred n,
 * and whether the final interval meets a stated precision: a half-width of at most
 * {@code target} (absolute for shares; for numbers relative to the mean, or to a fixed scale for a
 * number whose zero is arbitrary, such as a level from 0 SEVERED to 4 ALLIED, where a mean near 0
 * would ask for a precision no run count reaches).
 *
 * @param name what the values are, for the caller (an outcome's column)
 * @param checkpoints the numbers of replications at which the estimate is given
 * @param needed replications the target would need, estimated from the final spread
 *     (for shares, the fewest whose Wilson interval at the final share has half-width h; for
 *     numbers (z·sd/h)²); NaN if not estimable
 * @param scale what a number's relative target multiplies: NaN for its mean, else a fixed scale
 */
public record Convergence(String name, boolean share, double target, int[] checkpoints,
        double[] mean, double[] low, double[] high, int n, double finalMean, double halfWidth, double needed, double scale) {

    public static Convergence of(String name, double[] values, boolean share, double target, int maxPoints) {
        return of(name, values, share, target, maxPoints, Double.NaN);
    }

    /** As {@link #of(String, double[], boolean, double, int)}, a number's target relative to {@code scale} unless NaN. */
    public static Convergence of(String name, double[] values, boolean share, double target, int maxPoints, double scale) {
        int total = 0;
        for (double v : values) {
            total += Double.isNaN(v) ? 0 : 1;
        }
        int points = Math.max(1, Math.min(maxPoints, total));
        int[] cp = new int[points];
        double[] m = new double[points];
        double[] lo = new double[points];
        double[] hi = new double[points];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        int next = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            sum += v;
            sumSq += v * v;
            long due = Math.round((next + 1) * (double) total / points);
            if (n == due && next < points) {
                double mean = sum / n;
                double[] ci;
                if (share) {
                    ci = Intervals.wilson(Math.round(sum), n);
                } else {
                    double var = n < 2 ? Double.NaN : Math.max(0, (sumSq - n * mean * mean) / (n - 1));
                    ci = Intervals.mean(mean, Math.sqrt(var), n);
                }
                cp[next] = n;
                m[next] = mean;
                lo[next] = ci[0];
                hi[next] = ci[1];
                next++;
            }
        }
        double fm = total == 0 ? Double.NaN : sum / total;
        double half = next == 0 ? Double.NaN : (hi[next - 1] - lo[next - 1]) / 2;
        double needed;
        double z2 = Intervals.Z95 * Intervals.Z95;
        if (share) {
            needed = Double.isNaN(fm) ? Double.NaN : wilsonNeeded(fm, target);
        } else {
            double var = total < 2 ? Double.NaN : Math.max(0, (sumSq - total * fm * fm) / (total - 1));
            double h = target * (Double.isNaN(scale) ? Math.abs(fm) : scale);
            // no spread among the runs (or none to measure): nothing to scale from, rather than "0 replications"
            needed = h == 0 || !(var > 0) ? Double.NaN : Math.max(2, Math.ceil(z2 * var / (h * h)));
        }
        return new Convergence(name, share, target, cp, m, lo, hi, total, fm, half, needed, scale);
    }

    /**
     * The fewest replications whose Wilson interval around the share {@code p} has a half-width of
     * at most {@code target} (the interval the verdict is judged by: at a share of 0 or 1 its width
     * is not 0, as Wald's would be).
     */
    public static double wilsonNeeded(double p, double target) {
        if (!(target > 0)) {
            return Double.NaN;
        }
        long hi = 1;
        while (wilsonHalf(p, hi) > target) {
            hi *= 2;
            if (hi > (1L << 40)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        long lo = hi / 2; // wilsonHalf(p, lo) > target, or lo = 0
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (wilsonHalf(p, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double wilsonHalf(double p, long n) {
        double z = Intervals.Z95;
        double z2n = z * z / n;
        return z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
    }

    /** The precision asked for, as an absolute half-width. */
    public double targetHalfWidth() {
        return share ? target : target * (Double.isNaN(scale) ? Math.abs(finalMean) : scale);
    }

    public boolean enough() {
        return !Double.isNaN(halfWidth) && halfWidth <= targetHalfWidth() + 1e-12;
    }
}

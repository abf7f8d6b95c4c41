package org.crisis.stats;

/**
 * How an outcome's estimate settles as replications accumulate (in replication order): the
 * running mean or share and its 95 % interval after each n, sampled at up to a few hundred n,
 * and whether the final interval meets a stated precision: a half-width of at most
 * {@code target} (absolute for shares; relative to the mean for numbers).
 *
 * @param name what the values are, for the caller (an outcome's column)
 * @param checkpoints the numbers of replications at which the estimate is given
 * @param needed replications the target would need, estimated from the final spread
 *     (Wald's formula z²p(1-p)/h² for shares, (z·sd/h)² for numbers); NaN if not estimable
 */
public record Convergence(String name, boolean share, double target, int[] checkpoints,
        double[] mean, double[] low, double[] high, int n, double finalMean, double halfWidth, double needed) {

    public static Convergence of(String name, double[] values, boolean share, double target, int maxPoints) {
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
            needed = Math.ceil(z2 * fm * (1 - fm) / (target * target));
        } else {
            double var = total < 2 ? Double.NaN : Math.max(0, (sumSq - total * fm * fm) / (total - 1));
            double h = target * Math.abs(fm);
            needed = h == 0 ? Double.NaN : Math.ceil(z2 * var / (h * h));
        }
        return new Convergence(name, share, target, cp, m, lo, hi, total, fm, half, needed);
    }

    /** The precision asked for, as an absolute half-width. */
    public double targetHalfWidth() {
        return share ? target : target * Math.abs(finalMean);
    }

    public boolean enough() {
        return !Double.isNaN(halfWidth) && halfWidth <= targetHalfWidth() + 1e-12;
    }
}

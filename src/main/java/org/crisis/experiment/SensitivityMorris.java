package org.crisis.experiment;

import ec.util.MersenneTwisterFast;

/**
 * Morris (1991) elementary effects from model values on Morris trajectories
 * ({@link Designs#morris}), with Campolongo, Cariboni and Saltelli's (2007) μ*: per factor,
 * EE = (f(x + Δ·e_i) − f(x)) / Δ along each trajectory, Δ signed and measured in the unit
 * cube (so effects of factors with different units compare); μ = mean EE, μ* = mean |EE|,
 * σ = standard deviation of EE. An effect whose two values are not both present (NaN) is
 * left out. The interval of μ* is a bootstrap percentile interval over trajectories.
 */
public final class SensitivityMorris {
    private SensitivityMorris() {}

    /** Per factor: effects used, μ, μ*, σ and μ*'s 95 % interval. */
    public record Result(int[] effects, double[] mu, double[] muStar, double[] sigma, double[] muStarLow,
            double[] muStarHigh) {}

    /** @param y one value per point of {@code points} (a Morris design) */
    public static Result analyse(double[] y, DesignPoints points, int bootstrap, long seed) {
        int d = points.dimensions();
        int stride = d + 1;
        int r = points.count() / stride;
        double[][] ee = new double[d][r];
        int[] effects = new int[d];
        for (int i = 0; i < d; i++) {
            java.util.Arrays.fill(ee[i], Double.NaN);
        }
        for (int t = 0; t < r; t++) {
            for (int s = 1; s <= d; s++) {
                int before = t * stride + s - 1;
                int after = before + 1;
                int factor = -1;
                double step = 0;
                for (int i = 0; i < d; i++) {
                    double diff = points.u(after, i) - points.u(before, i);
                    if (diff != 0) {
                        factor = i;
                        step = diff;
                    }
                }
                if (factor < 0 || Double.isNaN(y[after]) || Double.isNaN(y[before])) {
                    continue;
                }
                ee[factor][t] = (y[after] - y[before]) / step;
                effects[factor]++;
            }
        }
        double[] mu = new double[d];
        double[] muStar = new double[d];
        double[] sigma = new double[d];
        double[] low = new double[d];
        double[] high = new double[d];
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        double[] boot = new double[bootstrap];
        for (int i = 0; i < d; i++) {
            double[] e = java.util.Arrays.stream(ee[i]).filter(x -> !Double.isNaN(x)).toArray();
            int n = e.length;
            double s = 0;
            double a = 0;
            for (double x : e) {
                s += x;
                a += Math.abs(x);
            }
            mu[i] = n == 0 ? Double.NaN : s / n;
            muStar[i] = n == 0 ? Double.NaN : a / n;
            double ss = 0;
            for (double x : e) {
                ss += (x - mu[i]) * (x - mu[i]);
            }
            sigma[i] = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            for (int b = 0; b < bootstrap; b++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.abs(e[random.nextInt(n)]);
                }
                boot[b] = n == 0 ? Double.NaN : sum / n;
            }
            low[i] = SensitivitySobol.percentile(boot, 2.5);
            high[i] = SensitivitySobol.percentile(boot, 97.5);
        }
        return new Result(effects, mu, muStar, sigma, low, high);
    }
}

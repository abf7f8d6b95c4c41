package org.crisis.stats;

import org.apache.commons.math3.special.Beta;

/**
 * How much of an outcome's spread over runs comes from the parameter set each run drew and
 * how much from chance: the one-way random-effects analysis of variance (Searle, Casella and
 * McCulloch 1992, ch. 3), with runs grouped by the set they drew.
 *
 * <pre>
 *   MSB = Σ n_g (ȳ_g − ȳ)² / (k − 1)          between the k sets
 *   MSW = Σ Σ (y − ȳ_g)² / (n − k)            within sets: chance
 *   n₀  = (n − Σ n_g² / n) / (k − 1)
 *   σ²_sets = max(0, (MSB − MSW) / n₀),  σ²_chance = MSW
 * </pre>
 *
 * The share of the parameters is {@code σ²_sets / (σ²_sets + σ²_chance)}. Unlike the raw share
 * of the between-sets sum of squares it is not inflated by chance when each set drew only a
 * few runs. The F test ({@code MSB / MSW} on k − 1 and n − k degrees of freedom) says whether
 * the sets differ at all.
 *
 * @param runs n
 * @param sets k, the sets drawn at least once
 * @param parameters σ²_sets, the spread of the sets' expected outcomes
 * @param chance σ²_chance, the spread among runs of one set
 * @param pValue of the F test that every set has the same expected outcome (NaN when undefined)
 */
public record VarianceComponents(int runs, int sets, double parameters, double chance, double pValue) {

    /**
     * P(F > f) for F on {@code d1} and {@code d2} degrees of freedom: the regularized incomplete
     * beta I_x(d2/2, d1/2) at x = d2 / (d2 + d1 f), the upper tail itself (Commons Math's F
     * distribution has only the distribution function, and 1 − it rounds a p-value below about
     * 1e-16 to 0).
     */
    static double upperTailF(double f, double d1, double d2) {
        if (f <= 0) {
            return 1;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** Share of the spread that the parameter sets explain, in [0, 1]; NaN for an outcome that does not vary. */
    public double parameterShare() {
        double total = parameters + chance;
        return total > 0 ? parameters / total : Double.NaN;
    }

    /**
     * The components of {@code values[r]}, run r having drawn set {@code set[r]} (any whole
     * numbers naming the sets).
     */
    public static VarianceComponents of(int[] set, double[] values) {
        if (set.length != values.length) {
            throw new IllegalArgumentException("expected one set per value, found " + set.length + " sets for "
                    + values.length + " values");
        }
        java.util.Map<Integer, Integer> index = new java.util.TreeMap<>();
        for (int s : set) {
            index.putIfAbsent(s, index.size());
        }
        Groups g = new Groups(index.size());
        for (int r = 0; r < values.length; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException("value " + r + " is not a finite number: " + values[r]);
            }
            g.add(index.get(set[r]), values[r]);
        }
        return g.components();
    }

    /**
     * Running sums of an outcome by parameter set (count, sum, and sum of squared deviations
     * from the set's running mean, by Welford's update), so that a run set need not keep its
     * values: {@link #add} each run's value as it comes, {@link #components} at the end.
     */
    public static final class Groups {
        private final long[] n;
        private final double[] mean;
        private final double[] m2;

        /** Sums for sets 0 to {@code sets − 1}. */
        public Groups(int sets) {
            n = new long[sets];
            mean = new double[sets];
            m2 = new double[sets];
        }

        /** A run of set {@code set} with outcome {@code x}; a NaN (no value) is left out. */
        public void add(int set, double x) {
            if (Double.isNaN(x)) {
                return;
            }
            n[set]++;
            double d = x - mean[set];
            mean[set] += d / n[set];
            m2[set] += d * (x - mean[set]);
        }

        /** The components of the values added so far; sets never drawn do not count. */
        public VarianceComponents components() {
            long total = 0;
            double sum = 0;
            int k = 0;
            for (int g = 0; g < n.length; g++) {
                if (n[g] > 0) {
                    total += n[g];
                    sum += n[g] * mean[g];
                    k++;
                }
            }
            if (total == 0) {
                return new VarianceComponents(0, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            double grand = sum / total;
            double ssb = 0;
            double ssw = 0;
            double sizes2 = 0;
            for (int g = 0; g < n.length; g++) {
                if (n[g] > 0) {
                    double d = mean[g] - grand;
                    ssb += n[g] * d * d;
                    ssw += m2[g];
                    sizes2 += (double) n[g] * n[g];
                }
            }
            int runs = (int) Math.min(Integer.MAX_VALUE, total);
            if (k < 2 || total - k < 1) {
                double chance = total > 1 ? (ssb + ssw) / (total - 1) : Double.NaN;
                return new VarianceComponents(runs, k, k < 2 ? 0 : Double.NaN, k < 2 ? chance : Double.NaN, Double.NaN);
            }
            double msb = ssb / (k - 1);
            double msw = ssw / (total - k);
            double n0 = (total - sizes2 / total) / (k - 1);
            double between = Math.max(0, (msb - msw) / n0);
            double p = msw > 0 ? upperTailF(msb / msw, k - 1, total - k) : msb > 0 ? 0 : Double.NaN;
            return new VarianceComponents(runs, k, between, msw, p);
        }
    }
}

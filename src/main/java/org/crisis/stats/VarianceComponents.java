package org.crisis.stats;

import org.apache.commons.math3.distribution.FDistribution;

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
        int n = values.length;
        java.util.Map<Integer, double[]> groups = new java.util.TreeMap<>(); // set → {count, sum}
        double sum = 0;
        for (int r = 0; r < n; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException("value " + r + " is not a finite number: " + values[r]);
            }
            double[] g = groups.computeIfAbsent(set[r], s -> new double[2]);
            g[0]++;
            g[1] += values[r];
            sum += values[r];
        }
        int k = groups.size();
        if (n == 0) {
            return new VarianceComponents(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ssb = 0;
        double sizes2 = 0;
        for (double[] g : groups.values()) {
            double d = g[1] / g[0] - mean;
            ssb += g[0] * d * d;
            sizes2 += g[0] * g[0];
        }
        double ssw = 0;
        for (int r = 0; r < n; r++) {
            double[] g = groups.get(set[r]);
            double d = values[r] - g[1] / g[0];
            ssw += d * d;
        }
        if (k < 2 || n - k < 1) {
            double chance = n > 1 ? (ssb + ssw) / (n - 1) : Double.NaN;
            return new VarianceComponents(n, k, k < 2 ? 0 : Double.NaN, k < 2 ? chance : Double.NaN, Double.NaN);
        }
        double msb = ssb / (k - 1);
        double msw = ssw / (n - k);
        double n0 = (n - sizes2 / n) / (k - 1);
        double between = Math.max(0, (msb - msw) / n0);
        double p = msw > 0 ? 1 - new FDistribution(null, k - 1, n - k).cumulativeProbability(msb / msw)
                : msb > 0 ? 0 : Double.NaN;
        return new VarianceComponents(n, k, between, msw, p);
    }
}

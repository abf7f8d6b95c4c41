package org.crisis.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.MersenneTwister;

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
 * few runs. Whether the sets differ at all is a permutation test (Good 2005, ch. 3): the runs'
 * sets are shuffled {@link #permutations} times, and the p-value is the share of shufflings,
 * the observed one counted, whose between-sets sum of squares is at least the observed one. It
 * holds for any outcome, rare or discrete (a day of an event two runs in a hundred saw, a
 * count), where the F test's normal errors do not, and it is never below 1 / (shufflings + 1).
 *
 * @param runs n
 * @param sets k, the sets drawn at least once
 * @param parameters σ²_sets, the spread of the sets' expected outcomes
 * @param chance σ²_chance, the spread among runs of one set
 * @param pValue of the permutation test that every set has the same expected outcome (NaN when
 *     undefined: one set, no run within a set beyond its first, or an outcome that does not vary)
 */
public record VarianceComponents(int runs, int sets, double parameters, double chance, double pValue) {
    /** Runs above which the test shuffles {@link #FEW_PERMUTATIONS} times rather than {@link #PERMUTATIONS}. */
    public static final int MANY_RUNS = 20_000;
    /** Shufflings of the runs' sets for the p-value. */
    public static final int PERMUTATIONS = 999;
    /** Shufflings above {@link #MANY_RUNS} runs, where each costs more: the p-value's floor is then 0.005. */
    public static final int FEW_PERMUTATIONS = 199;

    /** How many times the test shuffles the sets of {@code runs} runs. */
    public static int permutations(int runs) {
        return runs > MANY_RUNS ? FEW_PERMUTATIONS : PERMUTATIONS;
    }

    /** Share of the spread that the parameter sets explain, in [0, 1]; NaN for an outcome that does not vary. */
    public double parameterShare() {
        double total = parameters + chance;
        return total > 0 ? parameters / total : Double.NaN;
    }

    /**
     * The components of {@code values[r]}, run r having drawn set {@code set[r]} (any whole
     * numbers naming the sets), the test's shufflings drawn from {@code seed}.
     */
    public static VarianceComponents of(int[] set, double[] values, long seed) {
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
        return g.components(seed);
    }

    /**
     * An outcome's values by parameter set, added run by run: {@link #add} each run's value as it
     * comes, {@link #components} at the end. The values are kept for the permutation test (a
     * number and a set a run: a run set of 200,000 runs and 40 outcomes keeps about 100 MB).
     */
    public static final class Groups {
        private final int sets;
        private double[] values = new double[64];
        private int[] group = new int[64];
        private int count;

        /** Values of sets 0 to {@code sets − 1}. */
        public Groups(int sets) {
            this.sets = sets;
        }

        /** A run of set {@code set} with outcome {@code x}; a NaN (no value) is left out. */
        public void add(int set, double x) {
            if (Double.isNaN(x)) {
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, 2 * count);
                group = Arrays.copyOf(group, 2 * count);
            }
            values[count] = x;
            group[count++] = set;
        }

        /** The components of the values added so far, the test's shufflings drawn from {@code seed}; sets never drawn do not count. */
        public VarianceComponents components(long seed) {
            if (count == 0) {
                return new VarianceComponents(0, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] n = new long[sets];
            double[] sum = new double[sets];
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < count; r++) {
                n[group[r]]++;
                sum[group[r]] += values[r];
                lowest = Math.min(lowest, values[r]);
                highest = Math.max(highest, values[r]);
            }
            int k = 0;
            double sizes2 = 0;
            for (int g = 0; g < sets; g++) {
                if (n[g] > 0) {
                    k++;
                    sizes2 += (double) n[g] * n[g];
                }
            }
            double grand = Arrays.stream(sum).sum() / count;
            double ssb = 0;
            double ssw = 0;
            for (int r = 0; r < count; r++) {
                double d = values[r] - sum[group[r]] / n[group[r]];
                ssw += d * d;
            }
            for (int g = 0; g < sets; g++) {
                if (n[g] > 0) {
                    double d = sum[g] / n[g] - grand;
                    ssb += n[g] * d * d;
                }
            }
            // the same value in every run, but for the last bits of arithmetic (a polarisation of 0.769173 in each)
            if (highest - lowest <= 1e-9 * Math.max(1, Math.abs(highest))) {
                return new VarianceComponents(count, k, 0, 0, Double.NaN);
            }
            if (k < 2 || count - k < 1) {
                double chance = count > 1 ? (ssb + ssw) / (count - 1) : Double.NaN;
                return new VarianceComponents(count, k, k < 2 ? 0 : Double.NaN, k < 2 ? chance : Double.NaN, Double.NaN);
            }
            double msb = ssb / (k - 1);
            double msw = ssw / (count - k);
            double n0 = (count - sizes2 / count) / (k - 1);
            double between = Math.max(0, (msb - msw) / n0);
            return new VarianceComponents(count, k, between, msw, permutationP(n, seed));
        }

        /**
         * The share of shufflings of the runs' sets, the observed grouping counted, whose Σ S_g² / n_g (S_g a
         * set's sum; the between-sets sum of squares but for a term no shuffling changes) is at least the observed one.
         */
        private double permutationP(long[] n, long seed) {
            double observed = between(group, n);
            int[] shuffled = Arrays.copyOf(group, count);
            MersenneTwister random = new MersenneTwister(seed);
            int times = permutations(count);
            int atLeast = 0;
            double tolerance = 1e-9 * Math.abs(observed);
            for (int t = 0; t < times; t++) {
                for (int i = count - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = swap;
                }
                if (between(shuffled, n) >= observed - tolerance) {
                    atLeast++;
                }
            }
            return (1.0 + atLeast) / (1.0 + times);
        }

        private double between(int[] labels, long[] n) {
            double[] s = new double[sets];
            for (int r = 0; r < count; r++) {
                s[labels[r]] += values[r];
            }
            double t = 0;
            for (int g = 0; g < sets; g++) {
                if (n[g] > 0) {
                    t += s[g] * s[g] / n[g];
                }
            }
            return t;
        }
    }
}

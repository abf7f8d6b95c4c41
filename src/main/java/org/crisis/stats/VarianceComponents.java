package org.crisis.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * The shufflings are {@link #PERMUTATIONS}, or {@link #FEW_PERMUTATIONS} for an outcome with more
 * than {@link #MANY_RUNS} runs with a value.
 *
 * @param runs n
 * @param sets k, the sets drawn at least once
 * @param parameters σ²_sets, the spread of the sets' expected outcomes
 * @param chance σ²_chance, the spread among runs of one set
 * @param pValue of the permutation test that every set has the same expected outcome (NaN when
 *     undefined: one set, no set with a second run, or an outcome that does not vary)
 */
public record VarianceComponents(int runs, int sets, double parameters, double chance, double pValue) {
    /** Runs above which the test shuffles {@link #FEW_PERMUTATIONS} times rather than {@link #PERMUTATIONS}. */
    public static final int MANY_RUNS = 20_000;
    /** Shufflings of the runs' sets for the p-value. */
    public static final int PERMUTATIONS = 999;
    /** Shufflings above {@link #MANY_RUNS} runs, where each costs more: the p-value's floor is then 0.005. */
    public static final int FEW_PERMUTATIONS = 199;

    /** How many times the test shuffles the sets of {@code runs} runs with a value. */
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
        return of(set, values, values.length, seed);
    }

    /**
     * The components of the first {@code count} values, value r's run having drawn set {@code set[r]}: the
     * values as a run set already keeps them ({@link OutcomeStatistics#values}), so that nothing is copied
     * but the sets' indexes.
     */
    public static VarianceComponents of(int[] set, double[] values, int count, long seed) {
        if (set.length < count || values.length < count) {
            throw new IllegalArgumentException("expected one set per value, found " + set.length + " sets for "
                    + count + " values");
        }
        Map<Integer, Integer> index = new HashMap<>();
        int[] group = new int[count];
        for (int r = 0; r < count; r++) {
            if (!Double.isFinite(values[r])) {
                throw new IllegalArgumentException("value " + r + " is not a finite number: " + values[r]);
            }
            group[r] = index.computeIfAbsent(set[r], k -> index.size());
        }
        return new Split(values, group, count, index.size()).components(seed);
    }

    /** The values, each with its set's index (0 to {@code sets − 1}). */
    private record Split(double[] values, int[] group, int count, int sets) {
        VarianceComponents components(long seed) {
            if (count == 0) {
                return new VarianceComponents(0, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] n = new long[sets];
            double total = 0;
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < count; r++) {
                n[group[r]]++;
                total += values[r];
                lowest = Math.min(lowest, values[r]);
                highest = Math.max(highest, values[r]);
            }
            // the same value in every run, but for the last bits of arithmetic (a polarisation of 0.769173 in each)
            if (highest - lowest <= 1e-9 * Math.max(1, Math.abs(highest))) {
                return new VarianceComponents(count, sets, 0, 0, Double.NaN);
            }
            double grand = total / count;
            double[] sum = new double[sets]; // of the values less the grand mean, so that no offset swamps the spread
            double sst = 0;
            for (int r = 0; r < count; r++) {
                double d = values[r] - grand;
                sum[group[r]] += d;
                sst += d * d;
            }
            double ssb = 0;
            double sizes2 = 0;
            for (int g = 0; g < sets; g++) {
                ssb += sum[g] * sum[g] / n[g];
                sizes2 += (double) n[g] * n[g];
            }
            double ssw = Math.max(0, sst - ssb);
            int k = sets;
            if (k < 2 || count - k < 1) {
                double chance = count > 1 ? sst / (count - 1) : Double.NaN;
                return new VarianceComponents(count, k, k < 2 ? 0 : Double.NaN, k < 2 ? chance : Double.NaN, Double.NaN);
            }
            double msb = ssb / (k - 1);
            double msw = ssw / (count - k);
            double n0 = (count - sizes2 / count) / (k - 1);
            double between = Math.max(0, (msb - msw) / n0);
            return new VarianceComponents(count, k, between, msw, permutationP(n, grand, ssb, sst, seed));
        }

        /**
         * The share of shufflings of the runs' sets, the observed grouping counted, whose between-sets sum of
         * squares is at least the observed {@code ssb} (ties, within a billionth of the total sum of squares,
         * which no shuffling changes, count as at least).
         */
        private double permutationP(long[] n, double grand, double ssb, double sst, long seed) {
            int[] shuffled = Arrays.copyOf(group, count);
            MersenneTwister random = new MersenneTwister(seed);
            int times = permutations(count);
            double tolerance = 1e-9 * sst;
            int atLeast = 0;
            double[] s = new double[sets];
            for (int t = 0; t < times; t++) {
                for (int i = count - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = swap;
                }
                Arrays.fill(s, 0);
                for (int r = 0; r < count; r++) {
                    s[shuffled[r]] += values[r] - grand;
                }
                double between = 0;
                for (int g = 0; g < sets; g++) {
                    between += s[g] * s[g] / n[g];
                }
                if (between >= ssb - tolerance) {
                    atLeast++;
                }
            }
            return (1.0 + atLeast) / (1.0 + times);
        }
    }
}

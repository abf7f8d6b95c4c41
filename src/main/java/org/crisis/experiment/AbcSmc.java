package org.crisis.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Approximate Bayesian computation by sequential Monte Carlo with MCMC moves (Del Moral, Doucet
 * and Jasra 2012; Drovandi and Pettitt 2011) over the unit cube, with a uniform prior or a normal
 * one around a point, truncated to the cube ({@link Prior}): the ensemble of docs/CALIBRATION.md
 * ("The ensemble by ABC-SMC").
 *
 * <p>Generation 0 draws {@code particles} points from the prior. Each later generation lowers
 * the tolerance to the {@code quantile} of the population's distances (never below
 * {@code target}), keeps the particles within it and resamples the population from them with
 * equal chances, then moves each particle by Metropolis–Hastings steps that leave the ABC
 * posterior at that tolerance invariant: a normal random-walk step with the kept particles'
 * covariance times 2.38²/d (Roberts, Gelman and Gilks 1997), accepted if it stays in the cube and
 * its distance is within the tolerance and, with a normal prior, with probability
 * min(1, prior ratio), tested first so that a step the prior refuses costs no evaluation (the
 * step is symmetric). The number of
 * steps a generation makes is set from the last generation's acceptance rate (measured at a
 * looser tolerance, so it errs towards too few), so that a particle would move at least once with
 * probability 0.99, at most {@link #MAX_STEPS}; the first generation makes the most. It stops once
 * the tolerance has reached {@code target}, or when the budget left could not move every particle
 * once; a generation cut short by the budget keeps the moves it made. Every particle always lies
 * within the tolerance of its generation, so the population stands at that tolerance; the target
 * counts as reached only if its generation made all its steps. Equal weights throughout; sequential and driven
 * by one generator: the same generator, distances and settings give the same particles.
 *
 * <pre>{@code
 * AbcSmc.Result r = AbcSmc.run(d, new AbcSmc.Settings(200, 4000, 0.5), target, random, (u, g) -> loss(u));
 * }</pre>
 */
final class AbcSmc {
    /**
     * How to run.
     *
     * @param particles the population size
     * @param budget evaluations at most, the prior sample included
     * @param quantile each tolerance is this quantile of the population's distances
     */
    record Settings(int particles, int budget, double quantile) {}

    /**
     * The prior on the unit cube: flat, or in each coordinate a normal of standard deviation
     * {@code width} around {@code centre}, truncated to [0, 1] (its constant cancels in the
     * moves' ratios).
     */
    record Prior(double[] centre, double width) {
        static final Prior FLAT = new Prior(null, 0);

        boolean flat() {
            return centre == null;
        }

        /** A point drawn from the prior: uniform, or normal redrawn until it lies in [0, 1], coordinate by coordinate. */
        double[] sample(int d, RandomGenerator random) {
            double[] u = new double[d];
            for (int i = 0; i < d; i++) {
                if (flat()) {
                    u[i] = random.nextDouble();
                } else {
                    double x;
                    do {
                        x = centre[i] + width * random.nextGaussian();
                    } while (x < 0 || x > 1);
                    u[i] = x;
                }
            }
            return u;
        }

        /** The log density, up to a constant. */
        double logDensity(double[] u) {
            if (flat()) {
                return 0;
            }
            double s = 0;
            for (int i = 0; i < u.length; i++) {
                double z = (u[i] - centre[i]) / width;
                s -= z * z / 2;
            }
            return s;
        }
    }

    /** A particle: where it stands, its distance there, and the evaluation that scored that point (from 1). */
    record Particle(double[] u, double distance, int evaluation) {}

    /**
     * One generation.
     *
     * @param tolerance the largest distance its particles have (infinite for the prior sample)
     * @param evaluations points evaluated (the prior sample, or the moves proposed inside the cube)
     * @param steps Metropolis–Hastings steps per particle (0 for the prior sample)
     * @param acceptance the share of proposed moves accepted (a move out of the cube counts as refused); NaN for the
     *        prior sample, which moves nothing
     * @param distinct distinct points among the particles at its end
     * @param complete whether all its steps were made (the budget ran out otherwise)
     */
    record Generation(int generation, double tolerance, int evaluations, int steps, double acceptance, int distinct,
            boolean complete) {}

    /**
     * The outcome.
     *
     * @param population the particles at the end, equally weighted (a point may stand for several)
     * @param generations every generation begun
     * @param reached whether the population lies within the target, its steps all made
     * @param evaluations evaluations made
     * @param tolerance the tolerance the population stands at (infinite if the prior sample was not finished)
     */
    record Result(List<Particle> population, List<Generation> generations, boolean reached, int evaluations,
            double tolerance) {}

    /** A point's distance; {@code generation} says which generation asks (0: the prior sample). */
    @FunctionalInterface
    interface Distance {
        double at(double[] u, int generation);
    }

    /** Steps per generation at most. */
    static final int MAX_STEPS = 10;
    /** A particle should move at least once with probability 1 − this. */
    private static final double STAY = 0.01;
    /** Added to the variances of the steps, so that a value all kept particles share still moves. */
    private static final double RIDGE = 1e-10;

    private AbcSmc() {}

    static Result run(int d, Settings s, double target, RandomGenerator random, Distance distance) {
        return run(d, s, Prior.FLAT, target, random, distance);
    }

    static Result run(int d, Settings s, Prior prior, double target, RandomGenerator random, Distance distance) {
        List<Generation> generations = new ArrayList<>();
        int evaluations = 0;
        // generation 0: the prior
        List<Particle> population = new ArrayList<>();
        for (int k = 0; k < s.particles() && evaluations < s.budget(); k++) {
            double[] u = prior.sample(d, random);
            evaluations++;
            population.add(new Particle(u, distance.at(u, 0), evaluations));
        }
        boolean complete = population.size() == s.particles();
        // the prior sample moves nothing, so it has no acceptance rate
        generations.add(new Generation(0, Double.POSITIVE_INFINITY, population.size(), 0, Double.NaN, population.size(), complete));
        if (!complete) {
            return new Result(List.of(), generations, false, evaluations, Double.POSITIVE_INFINITY);
        }
        if (population.stream().allMatch(p -> p.distance() <= target)) {
            // the prior lies within the target where it was drawn: the prior sample is the posterior's
            return new Result(List.copyOf(population), List.copyOf(generations), true, evaluations, target);
        }
        double tolerance = Double.POSITIVE_INFINITY;
        int steps = MAX_STEPS; // no acceptance rate yet
        // a generation begins only if the budget left can move every particle once
        while (tolerance > target && s.budget() - evaluations >= s.particles()) {
            int g = generations.size();
            double next = Math.max(target, quantile(population, s.quantile()));
            if (next >= tolerance) {
                // ties at the quantile: the next distance below the tolerance
                next = Math.max(target, below(population, tolerance));
            }
            tolerance = next;
            List<Particle> kept = new ArrayList<>();
            for (Particle p : population) {
                if (p.distance() <= tolerance) {
                    kept.add(p);
                }
            }
            double[] chol = Kernel.cholesky(Kernel.covariance(kept, d, 2.38 * 2.38 / d), d);
            List<Particle> resampled = new ArrayList<>(s.particles());
            for (int k = 0; k < s.particles(); k++) {
                resampled.add(kept.get(random.nextInt(kept.size())));
            }
            population = resampled;
            int evaluated = 0;
            int proposed = 0;
            int accepted = 0;
            int made = 0;
            moves:
            for (; made < steps; made++) {
                for (int k = 0; k < population.size(); k++) {
                    if (evaluations >= s.budget()) {
                        break moves;
                    }
                    Particle p = population.get(k);
                    double[] u = Kernel.step(p.u(), chol, d, random);
                    proposed++;
                    if (u == null) {
                        continue; // outside the cube: the prior is 0 there, refused without evaluation
                    }
                    if (!prior.flat() && Math.log(random.nextDouble()) >= prior.logDensity(u) - prior.logDensity(p.u())) {
                        continue; // refused by the prior's ratio, without evaluation
                    }
                    evaluations++;
                    evaluated++;
                    double x = distance.at(u, g);
                    if (x <= tolerance) {
                        population.set(k, new Particle(u, x, evaluations));
                        accepted++;
                    }
                }
            }
            double rate = proposed == 0 ? 0 : accepted / (double) proposed;
            complete = made == steps;
            generations.add(new Generation(g, tolerance, evaluated, made, rate, distinct(population), complete));
            // enough steps next time for a particle to move at least once with probability 1 − STAY
            steps = rate <= 0 ? MAX_STEPS : rate >= 1 ? 1
                    : (int) Math.max(1, Math.min(MAX_STEPS, Math.ceil(Math.log(STAY) / Math.log(1 - rate))));
        }
        boolean reached = tolerance <= target && generations.get(generations.size() - 1).complete();
        return new Result(List.copyOf(population), List.copyOf(generations), reached, evaluations, tolerance);
    }

    /** The {@code q} quantile of the distances (the lower empirical quantile: a distance of the population). */
    static double quantile(List<Particle> population, double q) {
        double[] x = population.stream().mapToDouble(Particle::distance).sorted().toArray();
        int k = (int) Math.ceil(q * x.length) - 1;
        return x[Math.max(0, Math.min(x.length - 1, k))];
    }

    /** The largest distance below {@code limit}, or {@code limit} if none. */
    private static double below(List<Particle> population, double limit) {
        double best = Double.NEGATIVE_INFINITY;
        for (Particle p : population) {
            if (p.distance() < limit) {
                best = Math.max(best, p.distance());
            }
        }
        return best == Double.NEGATIVE_INFINITY ? limit : best;
    }

    static int distinct(List<Particle> population) {
        return (int) population.stream().mapToInt(Particle::evaluation).distinct().count();
    }

    /** The random-walk step. */
    static final class Kernel {
        private Kernel() {}

        /** The particles' covariance times {@code factor}, lower triangle row-major, with a small ridge. */
        static double[] covariance(List<Particle> particles, int d, double factor) {
            double[] mean = new double[d];
            for (Particle p : particles) {
                for (int a = 0; a < d; a++) {
                    mean[a] += p.u()[a] / particles.size();
                }
            }
            double[] cov = new double[d * d];
            for (Particle p : particles) {
                for (int a = 0; a < d; a++) {
                    double ea = p.u()[a] - mean[a];
                    for (int b = 0; b <= a; b++) {
                        cov[a * d + b] += factor * ea * (p.u()[b] - mean[b]) / particles.size();
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                cov[a * d + a] += RIDGE;
            }
            return cov;
        }

        /** A normal step from {@code from} with Cholesky factor {@code l}; null if it leaves the cube. */
        static double[] step(double[] from, double[] l, int d, RandomGenerator random) {
            double[] z = new double[d];
            for (int a = 0; a < d; a++) {
                z[a] = random.nextGaussian();
            }
            double[] u = new double[d];
            boolean inside = true;
            for (int a = 0; a < d; a++) {
                double x = from[a];
                for (int b = 0; b <= a; b++) {
                    x += l[a * d + b] * z[b];
                }
                u[a] = x;
                inside &= x >= 0 && x <= 1;
            }
            return inside ? u : null;
        }

        /** The Cholesky factor of a symmetric positive-semidefinite matrix given by its lower triangle (row-major). */
        static double[] cholesky(double[] a, int d) {
            double[] l = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i * d + j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i * d + k] * l[j * d + k];
                    }
                    if (i == j) {
                        l[i * d + i] = Math.sqrt(Math.max(sum, RIDGE));
                    } else {
                        l[i * d + j] = sum / l[j * d + j];
                    }
                }
            }
            return l;
        }
    }
}

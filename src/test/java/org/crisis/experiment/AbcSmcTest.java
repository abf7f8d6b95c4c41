package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * ABC-SMC samples the ABC posterior at its target tolerance: with a flat prior and a distance
 * that is the Euclidean distance to a point, that posterior is uniform on the disc of the
 * target's radius, whose mean and spread are known in closed form.
 */
class AbcSmcTest {
    private static final double[] CENTRE = {0.3, 0.6};
    private static final double RADIUS = 0.15;

    private static double distance(double[] u) {
        double dx = u[0] - CENTRE[0];
        double dy = u[1] - CENTRE[1];
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static AbcSmc.Result run(int particles, int budget, long seed, List<Integer> generationsAsked) {
        return AbcSmc.run(2, new AbcSmc.Settings(particles, budget, 0.5), RADIUS, new MersenneTwister(seed), (u, g) -> {
            generationsAsked.add(g);
            return distance(u);
        });
    }

    @Test
    void withANormalPriorThePopulationIsThatPriorWithinTheTarget() {
        // 1-D: acceptable where |u - 0.5| <= 0.4, prior N(0.2, 0.2²) truncated to [0, 1]; the posterior is that
        // normal on [0.1, 0.9], whose mean and spread follow by integration
        AbcSmc.Prior prior = new AbcSmc.Prior(new double[] {0.2}, 0.2);
        AbcSmc.Result r = AbcSmc.run(1, new AbcSmc.Settings(2000, 200_000, 0.5), prior, 0.4, new MersenneTwister(3),
                (u, g) -> Math.abs(u[0] - 0.5));
        assertTrue(r.reached());
        double z = 0;
        double m1 = 0;
        double m2 = 0;
        for (int k = 0; k < 80_000; k++) {
            double x = 0.1 + 0.8 * (k + 0.5) / 80_000;
            double w = Math.exp(-(x - 0.2) * (x - 0.2) / (2 * 0.04));
            z += w;
            m1 += w * x;
            m2 += w * x * x;
        }
        double mean = m1 / z;
        double sd = Math.sqrt(m2 / z - mean * mean);
        double got = 0;
        double square = 0;
        int n = r.population().size();
        for (AbcSmc.Particle p : r.population()) {
            assertTrue(p.distance() <= 0.4);
            got += p.u()[0] / n;
            square += p.u()[0] * p.u()[0] / n;
        }
        assertEquals(mean, got, 0.01, "the prior pulls the population towards its centre");
        assertEquals(sd, Math.sqrt(square - got * got), 0.01);
        assertTrue(Math.abs(got - 0.5) > 0.1, "not the flat prior's mean, 0.5: " + got);
        // the prior sample is the prior's: drawn coordinate by coordinate, normal redrawn until inside the cube
        MersenneTwister random = new MersenneTwister(5);
        double[] u = prior.sample(1, random);
        MersenneTwister again = new MersenneTwister(5);
        double x;
        do {
            x = 0.2 + 0.2 * again.nextGaussian();
        } while (x < 0 || x > 1);
        assertEquals(x, u[0], 0);
    }

    @Test
    void thePopulationIsUniformOnTheRegionWithinTheTargetNotHeapedAtItsBest() {
        AbcSmc.Result r = run(1000, 60_000, 7, new ArrayList<>());
        assertTrue(r.reached(), "the target is reached within the budget");
        assertEquals(RADIUS, r.tolerance());
        double[] mean = new double[2];
        double[] square = new double[2];
        double radial = 0;
        int n = r.population().size();
        assertEquals(1000, n);
        for (AbcSmc.Particle p : r.population()) {
            assertTrue(p.distance() <= RADIUS, "every particle lies within the target");
            assertEquals(distance(p.u()), p.distance(), 0);
            for (int i = 0; i < 2; i++) {
                mean[i] += p.u()[i] / n;
                square[i] += p.u()[i] * p.u()[i] / n;
            }
            radial += p.distance() / n;
        }
        // uniform on a disc of radius R: each coordinate has variance R²/4; the distance to the centre averages 2R/3
        for (int i = 0; i < 2; i++) {
            assertEquals(CENTRE[i], mean[i], 0.01, "mean of coordinate " + i);
            double sd = Math.sqrt(square[i] - mean[i] * mean[i]);
            assertEquals(RADIUS / 2, sd, 0.008, "spread of coordinate " + i);
        }
        assertEquals(2 * RADIUS / 3, radial, 0.006, "the particles fill the disc, not its centre");
        AbcSmc.Generation last = r.generations().get(r.generations().size() - 1);
        assertTrue(last.complete());
        assertTrue(last.distinct() > 600, "the moves renew the particles: " + last.distinct() + " distinct");
    }

    @Test
    void toleranceFallsGenerationByGenerationFromThePriorSample() {
        List<Integer> asked = new ArrayList<>();
        AbcSmc.Result r = run(200, 20_000, 3, asked);
        List<AbcSmc.Generation> g = r.generations();
        assertTrue(Double.isInfinite(g.get(0).tolerance()));
        assertEquals(200, g.get(0).evaluations(), "generation 0 is the prior sample");
        for (int k = 2; k < g.size(); k++) {
            assertTrue(g.get(k).tolerance() < g.get(k - 1).tolerance(), "generation " + k);
        }
        assertEquals(r.evaluations(), asked.size(), "every evaluation is counted");
        assertEquals(r.evaluations(), g.stream().mapToInt(AbcSmc.Generation::evaluations).sum());
        assertEquals(0, (int) asked.get(0));
        assertEquals(g.size() - 1, (int) asked.get(asked.size() - 1), "the distance is told which generation asks");
    }

    @Test
    void theSameGeneratorGivesTheSameParticles() {
        AbcSmc.Result a = run(100, 3000, 11, new ArrayList<>());
        AbcSmc.Result b = run(100, 3000, 11, new ArrayList<>());
        assertEquals(a.evaluations(), b.evaluations());
        for (int k = 0; k < a.population().size(); k++) {
            assertEquals(a.population().get(k).evaluation(), b.population().get(k).evaluation());
            assertEquals(a.population().get(k).u()[0], b.population().get(k).u()[0], 0);
        }
    }

    @Test
    void aSpentBudgetLeavesEveryParticleWithinTheToleranceItReached() {
        AbcSmc.Result r = run(100, 400, 5, new ArrayList<>());
        assertFalse(r.reached(), "400 evaluations do not reach a disc of radius 0.15");
        assertEquals(400, r.evaluations());
        assertTrue(r.tolerance() > RADIUS && r.tolerance() < 1);
        for (AbcSmc.Particle p : r.population()) {
            assertTrue(p.distance() <= r.tolerance());
        }
        assertFalse(r.generations().get(r.generations().size() - 1).complete(), "the last generation was cut short");
    }

    @Test
    void aBudgetSpentInTheGenerationAtTheTargetLeavesItAtTheTargetButNotReached() {
        AbcSmc.Result full = run(100, 20_000, 5, new ArrayList<>());
        assertTrue(full.reached());
        // one evaluation fewer: the generation at the target begins and is cut short at its last move
        AbcSmc.Result cut = run(100, full.evaluations() - 1, 5, new ArrayList<>());
        assertEquals(RADIUS, cut.tolerance(), 0.0, "the population stands at the target");
        assertFalse(cut.generations().get(cut.generations().size() - 1).complete());
        assertFalse(cut.reached(), "its particles made fewer moves than asked: the target counts as not reached");
        for (AbcSmc.Particle p : cut.population()) {
            assertTrue(p.distance() <= RADIUS);
        }
        // and what crisis calibrate says of it: at the target, less mixed; not "did not reach" nor a wider tolerance
        String said = CalibrationRunner.smcOutcome(cut, RADIUS, 0.05);
        assertTrue(said.startsWith("reached its target tolerance 0.15 (the best loss plus 0.05), but ensemble.budget cut its"
                + " last generation short"), said);
        assertTrue(CalibrationRunner.smcOutcome(full, RADIUS, 0.05).equals("reached its target tolerance 0.15 (the best loss"
                + " plus 0.05)"));
        AbcSmc.Result wide = run(100, 400, 5, new ArrayList<>());
        assertTrue(CalibrationRunner.smcOutcome(wide, RADIUS, 0.05).startsWith("did not reach its target"));
    }

    @Test
    void aBudgetBelowThePriorSampleGivesNoPopulation() {
        AbcSmc.Result r = run(100, 50, 5, new ArrayList<>());
        assertTrue(r.population().isEmpty());
        assertFalse(r.reached());
    }

    @Test
    void aPriorSampleWithinTheTargetIsThePosteriorAlready() {
        AbcSmc.Result r = AbcSmc.run(2, new AbcSmc.Settings(50, 1000, 0.5), 2, new MersenneTwister(1), (u, g) -> distance(u));
        assertTrue(r.reached());
        assertEquals(1, r.generations().size(), "no generation beyond the prior sample");
        assertEquals(50, r.evaluations());
        assertEquals(50, AbcSmc.distinct(r.population()), "no resampling, no duplicates");
        assertEquals(2.0, r.tolerance());
    }

    @Test
    void theCholeskyFactorReproducesItsMatrix() {
        double[] a = {4, 0, 0, 2, 3, 0, 0.4, 0.5, 1}; // lower triangle, row-major
        double[] l = AbcSmc.Kernel.cholesky(a, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += l[i * 3 + k] * l[j * 3 + k];
                }
                assertEquals(a[i * 3 + j], sum, 1e-12, "(" + i + ", " + j + ")");
            }
        }
    }
}

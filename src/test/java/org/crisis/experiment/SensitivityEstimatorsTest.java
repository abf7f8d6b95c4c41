package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The estimators on functions whose indices are known analytically, before trusting them on the model. */
class SensitivityEstimatorsTest {
    private static final double A = 7;
    private static final double B = 0.1;

    /** Ishigami and Homma (1990) on [−π, π]³. */
    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    private static double[] evaluate(DesignPoints points, ToDoubleFunction<double[]> f) {
        double[] y = new double[points.count()];
        for (int p = 0; p < y.length; p++) {
            y[p] = f.applyAsDouble(points.point(p));
        }
        return y;
    }

    @Test
    void sobolIndicesOfTheIshigamiFunctionMatchTheirAnalyticValues() {
        int n = 1 << 14;
        DesignPoints points = Designs.saltelli(n, 3, new MersenneTwisterFast(11));
        SensitivitySobol.Result r = SensitivitySobol.analyse(evaluate(points, SensitivityEstimatorsTest::ishigami), n, 3,
                200, 1);
        double[] s1 = {0.3139, 0.4424, 0.0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            assertEquals(s1[i], r.s1()[i], 0.02, "S1 of x" + (i + 1));
            assertEquals(st[i], r.st()[i], 0.02, "ST of x" + (i + 1));
            assertTrue(r.s1Low()[i] <= r.s1()[i] && r.s1()[i] <= r.s1High()[i]);
            assertTrue(r.stLow()[i] <= r.st()[i] && r.st()[i] <= r.stHigh()[i]);
            assertTrue(r.s1High()[i] - r.s1Low()[i] < 0.1, "intervals narrow at this N");
        }
        assertEquals(n, r.rows());
    }

    @Test
    void bootstrapIntervalsCoverTheTrueIndicesAtModerateN() {
        int n = 1 << 10;
        DesignPoints points = Designs.saltelli(n, 3, new MersenneTwisterFast(11));
        SensitivitySobol.Result r = SensitivitySobol.analyse(evaluate(points, SensitivityEstimatorsTest::ishigami), n, 3,
                500, 7);
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            assertTrue(r.stLow()[i] - 0.02 <= st[i] && st[i] <= r.stHigh()[i] + 0.02,
                    "ST of x" + (i + 1) + " = " + st[i] + " within [" + r.stLow()[i] + ", " + r.stHigh()[i] + "]");
        }
    }

    @Test
    void sameSeedSameBootstrapIntervals() {
        int n = 256;
        double[] y = evaluate(Designs.saltelli(n, 3, new MersenneTwisterFast(11)), SensitivityEstimatorsTest::ishigami);
        SensitivitySobol.Result a = SensitivitySobol.analyse(y, n, 3, 100, 42);
        SensitivitySobol.Result b = SensitivitySobol.analyse(y, n, 3, 100, 42);
        assertEquals(a.s1Low()[0], b.s1Low()[0], 0.0);
        assertEquals(a.stHigh()[2], b.stHigh()[2], 0.0);
    }

    @Test
    void rowsWithAMissingValueAreLeftOut() {
        int n = 128;
        int d = 3;
        double[] y = evaluate(Designs.saltelli(n, d, new MersenneTwisterFast(11)), SensitivityEstimatorsTest::ishigami);
        y[5 * (d + 2) + 2] = Double.NaN;
        y[9 * (d + 2)] = Double.NaN;
        SensitivitySobol.Result r = SensitivitySobol.analyse(y, n, d, 10, 1);
        assertEquals(n - 2, r.rows());
        assertTrue(Double.isFinite(r.s1()[0]));
    }

    @Test
    void aConstantOutcomeHasNoIndices() {
        int n = 16;
        double[] y = new double[n * 5];
        java.util.Arrays.fill(y, 3.0);
        SensitivitySobol.Result r = SensitivitySobol.analyse(y, n, 3, 10, 1);
        assertTrue(Double.isNaN(r.s1()[0]) && Double.isNaN(r.st()[2]), "variance 0: indices undefined, written empty");
        assertTrue(Double.isNaN(r.s1Low()[0]) && Double.isNaN(r.stHigh()[2]), "and so are their intervals");
    }

    @Test
    void anOutcomeNeverObservedHasNeitherIndicesNorIntervals() {
        int n = 16;
        double[] y = new double[n * 5];
        java.util.Arrays.fill(y, Double.NaN);
        SensitivitySobol.Result r = SensitivitySobol.analyse(y, n, 3, 10, 1);
        assertEquals(0, r.rows());
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isNaN(r.s1()[i]) && Double.isNaN(r.st()[i]), "no rows: no estimate");
            assertTrue(Double.isNaN(r.s1Low()[i]) && Double.isNaN(r.s1High()[i]), "no rows: no interval of S1 (it was 0 to 0)");
            assertTrue(Double.isNaN(r.stLow()[i]) && Double.isNaN(r.stHigh()[i]), "no rows: no interval of ST");
        }
    }

    @Test
    void morrisRanksFactorsByTheirInfluence() {
        // f = 10 x1 + 4 x2² + x3 + 0·x4 on the unit cube: mu* ranks x1 > x2 > x3 > x4 = 0
        int d = 4;
        DesignPoints points = Designs.morris(50, d, 4, new MersenneTwisterFast(5));
        double[] y = evaluate(points, u -> 10 * u[0] + 4 * u[1] * u[1] + u[2]);
        SensitivityMorris.Result r = SensitivityMorris.analyse(y, points, 200, 3);
        double[] muStar = r.muStar();
        assertTrue(muStar[0] > muStar[1] && muStar[1] > muStar[2] && muStar[2] > muStar[3],
                java.util.Arrays.toString(muStar));
        assertEquals(10, muStar[0], 1e-9, "linear: every elementary effect is the slope");
        assertEquals(10, r.mu()[0], 1e-9);
        assertEquals(0, r.sigma()[0], 1e-9, "linear: no spread");
        assertEquals(1, muStar[2], 1e-9);
        assertEquals(0, muStar[3], 0.0);
        // x2²: effects are 8/3 (steps between 0 and 2/3) or 16/3 (between 1/3 and 1); 4 on average
        assertTrue(muStar[1] > 8.0 / 3 - 1e-9 && muStar[1] < 16.0 / 3 + 1e-9);
        assertEquals(4, muStar[1], 0.6);
        assertTrue(r.sigma()[1] > 0, "non-linear: effects differ along the trajectories");
        assertEquals(50, r.effects()[0]);
        assertTrue(r.muStarLow()[1] <= muStar[1] && muStar[1] <= r.muStarHigh()[1]);
    }

    @Test
    void morrisSeparatesInteractionsFromMainEffects() {
        // f = x1·x2 + x3: x1 and x2 act only together (sigma > 0, mu* > 0), x3 is linear
        int d = 3;
        DesignPoints points = Designs.morris(200, d, 4, new MersenneTwisterFast(8));
        double[] y = evaluate(points, u -> 5 * u[0] * u[1] + u[2]);
        SensitivityMorris.Result r = SensitivityMorris.analyse(y, points, 0, 1);
        assertTrue(r.sigma()[0] > 1 && r.sigma()[1] > 1);
        assertEquals(0, r.sigma()[2], 1e-9);
        assertTrue(Double.isNaN(r.muStarLow()[0]), "no bootstrap, no interval");
    }

    @Test
    void randomPointsGiveUnbiasedEstimatesToo() {
        // the estimators do not rely on the Sobol sequence: the same layout from random numbers
        int n = 1 << 15;
        int d = 3;
        MersenneTwisterFast random = new MersenneTwisterFast(4);
        double[] y = new double[n * (d + 2)];
        for (int j = 0; j < n; j++) {
            double[] a = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] b = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[j * (d + 2)] = ishigami(a);
            y[j * (d + 2) + d + 1] = ishigami(b);
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                y[j * (d + 2) + 1 + i] = ishigami(ab);
            }
        }
        SensitivitySobol.Result r = SensitivitySobol.analyse(y, n, d, 0, 1);
        assertEquals(0.3139, r.s1()[0], 0.03);
        assertEquals(0.4424, r.s1()[1], 0.03);
        assertEquals(0.2437, r.st()[2], 0.03);
    }
}

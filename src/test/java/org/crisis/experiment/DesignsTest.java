package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignsTest {

    @Test
    void gridIsTheFullFactorialWithTheFirstFactorSlowest() {
        DesignPoints g = Designs.grid(new int[] {3, 2, 4});
        assertEquals(24, g.count());
        assertEquals(3, g.dimensions());
        Set<String> combos = new HashSet<>();
        for (int p = 0; p < g.count(); p++) {
            int a = (int) Math.floor(g.u(p, 0) * 3);
            int b = (int) Math.floor(g.u(p, 1) * 2);
            int c = (int) Math.floor(g.u(p, 2) * 4);
            assertEquals(p, (a * 2 + b) * 4 + c, "mixed radix order, first factor slowest");
            combos.add(a + "," + b + "," + c);
        }
        assertEquals(24, combos.size());
    }

    @Test
    void gridOfOneFactorListsItsLevels() {
        DesignPoints g = Designs.grid(new int[] {5});
        assertEquals(5, g.count());
        for (int p = 0; p < 5; p++) {
            assertEquals((p + 0.5) / 5, g.u(p, 0), 1e-15);
        }
    }

    @Test
    void latinHypercubeHasOnePointInEachStratumOfEachFactor() {
        for (int n : new int[] {1, 7, 100, 1000}) {
            DesignPoints l = Designs.lhs(n, 5, new MersenneTwisterFast(3));
            for (int i = 0; i < 5; i++) {
                boolean[] seen = new boolean[n];
                for (int p = 0; p < n; p++) {
                    double u = l.u(p, i);
                    assertTrue(u >= 0 && u < 1);
                    int stratum = (int) Math.floor(u * n);
                    assertTrue(!seen[stratum], "stratum " + stratum + " of factor " + i + " hit twice (n=" + n + ")");
                    seen[stratum] = true;
                }
            }
        }
    }

    @Test
    void latinHypercubeDependsOnlyOnItsSeed() {
        DesignPoints a = Designs.lhs(50, 3, new MersenneTwisterFast(9));
        DesignPoints b = Designs.lhs(50, 3, new MersenneTwisterFast(9));
        DesignPoints c = Designs.lhs(50, 3, new MersenneTwisterFast(10));
        assertArrayEquals(a.point(17), b.point(17));
        assertNotEquals(a.point(17)[0], c.point(17)[0]);
    }

    @Test
    void randomDesignIsUniformInTheUnitCube() {
        DesignPoints r = Designs.random(20_000, 2, new MersenneTwisterFast(1));
        double sum = 0;
        for (int p = 0; p < r.count(); p++) {
            double u = r.u(p, 1);
            assertTrue(u >= 0 && u < 1);
            sum += u;
        }
        assertEquals(0.5, sum / r.count(), 0.01);
    }

    @Test
    void saltelliSchemeHasNTimesDPlusTwoPointsInBlocksOfABAndTheMixedMatrices() {
        int n = 64;
        int d = 3;
        DesignPoints s = Designs.saltelli(n, d, new MersenneTwisterFast(11));
        assertEquals(n * (d + 2), s.count());
        for (int j = 0; j < n; j++) {
            double[] a = s.point(j * (d + 2));
            double[] b = s.point(j * (d + 2) + d + 1);
            for (int i = 0; i < d; i++) {
                double[] ab = s.point(j * (d + 2) + 1 + i);
                for (int k = 0; k < d; k++) {
                    assertEquals(k == i ? b[k] : a[k], ab[k], 0.0, "A_B^" + i + " takes column " + i + " from B only");
                }
            }
        }
    }

    @Test
    void sobolMatricesAAndBVaryEveryFactorApartFromEachOther() {
        // coordinates i and d + i of the sequence share their first direction numbers: unpaired, a factor took the same
        // value in A_j and B_j in every row at small n, and its indices came out as exactly 0
        for (int[] nd : new int[][] {{8, 4}, {16, 11}, {32, 11}}) {
            int n = nd[0];
            int d = nd[1];
            DesignPoints s = Designs.saltelli(n, d, new MersenneTwisterFast(3));
            for (int i = 0; i < d; i++) {
                int same = 0;
                double[] a = new double[n];
                double[] b = new double[n];
                for (int j = 0; j < n; j++) {
                    a[j] = s.u(j * (d + 2), i);
                    b[j] = s.u(j * (d + 2) + d + 1, i);
                    same += a[j] == b[j] ? 1 : 0;
                }
                assertTrue(same <= n / 4, "n " + n + ", factor " + i + ": A and B agree in " + same + " rows");
                double r = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
                assertTrue(Math.abs(r) < 0.9, "n " + n + ", factor " + i + ": correlation of A and B " + r);
            }
        }
    }

    @Test
    void sobolBaseRowsAreStratifiedInEveryDimension() {
        // the first 2^m points of a Sobol sequence put one point in each interval [k/2^m, (k+1)/2^m) of every coordinate
        int n = 256;
        int d = 4;
        DesignPoints s = Designs.saltelli(n, d, new MersenneTwisterFast(11));
        for (int matrix : new int[] {0, d + 1}) {
            for (int i = 0; i < d; i++) {
                boolean[] seen = new boolean[n];
                for (int j = 0; j < n; j++) {
                    int k = (int) Math.floor(s.u(j * (d + 2) + matrix, i) * n);
                    assertTrue(!seen[k], "interval " + k + " twice in column " + i);
                    seen[k] = true;
                }
            }
        }
        // and in two dimensions the first 4^m points of a pair of coordinates fill each square of side 1/2^m... at least 2x2 evenly
        int[] quadrants = new int[4];
        for (int j = 0; j < n; j++) {
            double x = s.u(j * (d + 2), 0);
            double y = s.u(j * (d + 2), 1);
            quadrants[(x < 0.5 ? 0 : 1) + (y < 0.5 ? 0 : 2)]++;
        }
        assertArrayEquals(new int[] {64, 64, 64, 64}, quadrants);
        for (int j = 0; j < n; j++) {
            assertTrue(s.u(j * (d + 2), 0) != 0.0 || s.u(j * (d + 2), 1) != 0.0, "the origin, the sequence's first point, is skipped");
        }
    }

    @Test
    void morrisTrajectoriesMoveOneFactorAtATimeByDelta() {
        int r = 30;
        int d = 5;
        int p = 4;
        double delta = Designs.morrisDelta(p);
        assertEquals(2.0 / 3, delta, 1e-15);
        DesignPoints m = Designs.morris(r, d, p, new MersenneTwisterFast(2));
        assertEquals(r * (d + 1), m.count());
        for (int t = 0; t < r; t++) {
            boolean[] moved = new boolean[d];
            for (int s = 1; s <= d; s++) {
                int changed = 0;
                for (int i = 0; i < d; i++) {
                    double before = m.u(t * (d + 1) + s - 1, i);
                    double after = m.u(t * (d + 1) + s, i);
                    double level = after * (p - 1);
                    assertEquals(Math.rint(level), level, 1e-9, "coordinates stay on the grid of p levels");
                    if (before != after) {
                        changed++;
                        assertEquals(delta, Math.abs(after - before), 1e-12);
                        assertTrue(!moved[i], "each factor moves once per trajectory");
                        moved[i] = true;
                    }
                }
                assertEquals(1, changed);
            }
        }
    }
}

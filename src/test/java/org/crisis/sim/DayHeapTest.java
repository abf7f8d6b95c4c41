package org.crisis.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.util.Bag;
import sim.util.Heap;

/**
 * A run's queue must hand entries out in exactly MASON's order: MASON shuffles the entries of
 * one time with the run's generator, so another order of equal keys would change every run.
 * Random interleavings of additions and extractions, with many equal keys, against
 * {@link Heap} itself.
 */
class DayHeapTest {
    /** A schedule whose keys are those of a run: day + phase/8, ordering 0; and, to be general, some other orderings. */
    private static final class Keys extends Schedule {
        private static final long serialVersionUID = 1L;

        Comparable<?> key(double time, int ordering) {
            return new Key(time, ordering);
        }
    }

    private static Steppable entry(int id) {
        return new Steppable() {
            private static final long serialVersionUID = 1L;

            @Override
            public void step(SimState state) {}

            @Override
            public String toString() {
                return "entry " + id;
            }
        };
    }

    @Test
    void handsOutEntriesInMasonsOrder() {
        Keys keys = new Keys();
        for (long seed = 1; seed <= 40; seed++) {
            MersenneTwisterFast r = new MersenneTwisterFast(seed);
            Heap mason = new Heap();
            DayHeap ours = new DayHeap();
            List<Comparable<?>> pool = new ArrayList<>();
            int times = 1 + r.nextInt(seed % 2 == 0 ? 4 : 200); // few distinct times: many equal keys
            for (int t = 0; t < times; t++) {
                pool.add(keys.key(t / 8 + (t % 8) / 8.0, r.nextInt(10) == 0 ? r.nextInt(3) - 1 : 0));
            }
            int id = 0;
            int extracted = 0;
            for (int step = 0; step < 3000; step++) {
                if (r.nextInt(5) < 3 || mason.isEmpty()) {
                    Comparable<?> k = pool.get(r.nextInt(pool.size()));
                    Steppable e = entry(id++);
                    mason.add(e, k);
                    ours.add(e, k);
                } else if (r.nextBoolean()) {
                    assertSame(mason.extractMin(), ours.extractMin());
                    extracted++;
                } else {
                    assertSame(mason.getMinKey(), ours.getMinKey());
                    Bag a = mason.extractMin(new Bag());
                    Bag b = ours.extractMin(new Bag());
                    assertEquals(a.numObjs, b.numObjs);
                    for (int x = 0; x < a.numObjs; x++) {
                        assertSame(a.objs[x], b.objs[x], "seed " + seed + ", step " + step + ", place " + x);
                    }
                    extracted += a.numObjs;
                }
                assertEquals(mason.size(), ours.size());
            }
            assertTrue(extracted > 500);
            while (!mason.isEmpty()) {
                assertSame(mason.extractMin(), ours.extractMin());
            }
            assertTrue(ours.isEmpty());
            assertEquals(0, ours.extractMin(new Bag()).numObjs);
        }
    }

    @Test
    void isTheQueueOfARunsSchedule() throws ReflectiveOperationException {
        java.lang.reflect.Field queue = Schedule.class.getDeclaredField("queue");
        queue.setAccessible(true);
        CrisisModel.DaySchedule schedule = new CrisisModel.DaySchedule();
        assertTrue(queue.get(schedule) instanceof DayHeap);
        schedule.reset();
        assertTrue(queue.get(schedule) instanceof DayHeap);
    }
}

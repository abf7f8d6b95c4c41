package org.crisis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Replications run on a pool and are handed on in index order, whatever the thread count. */
class ReplicationsTest {

    /** A job whose duration varies with its index, so that later jobs often finish first. */
    private static Integer slowThenFast(int k) {
        LockSupport.parkNanos((k % 7) * 300_000L);
        return k;
    }

    private static List<Integer> delivered(int n, int threads) throws Exception {
        List<Integer> order = new ArrayList<>();
        List<String> sinkThreads = new ArrayList<>();
        Replications.run(n, threads, ReplicationsTest::slowThenFast, k -> {
            order.add(k);
            sinkThreads.add(Thread.currentThread().getName());
        }, Progress.none());
        String caller = Thread.currentThread().getName();
        assertTrue(sinkThreads.stream().allMatch(caller::equals), "results are consumed on the calling thread");
        return order;
    }

    @Test
    void resultsArriveInIndexOrderOnOneThread() throws Exception {
        assertEquals(range(50), delivered(50, 1));
    }

    @Test
    void resultsArriveInIndexOrderOnSeveralThreads() throws Exception {
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(range(300), delivered(300, threads), threads + " threads");
        }
    }

    @Test
    void noRunsDeliverNothing() throws Exception {
        assertEquals(List.of(), delivered(0, 4));
    }

    @Test
    void aFailingJobsExceptionReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("run 13 failed");
        for (int threads : new int[] {1, 2}) {
            List<Integer> seen = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> Replications.run(40, threads, k -> {
                        if (k == 13) {
                            throw boom;
                        }
                        return k;
                    }, seen::add, Progress.none()));
            assertSame(boom, thrown);
            assertEquals(range(13), seen, "runs before the failure were delivered, none after");
        }
    }

    @Test
    void aFailureAmongThousandsOfQuickJobsDeliversExactlyTheJobsBeforeIt() {
        // jobs of a microsecond are run in chunks of up to MAX_CHUNK: the failure of job 3001 falls
        // inside one, and the jobs before it in the same chunk are still delivered, none after
        IllegalStateException boom = new IllegalStateException("run 3001 failed");
        List<Integer> seen = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Replications.run(5000, 2, k -> {
                    if (k == 3001) {
                        throw boom;
                    }
                    return k;
                }, seen::add, Progress.none()));
        assertSame(boom, thrown);
        assertEquals(range(3001), seen);
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            list.add(k);
        }
        return list;
    }
}

package org.crisis.experiment;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs jobs 0..n-1 on a pool of threads and hands their results to a consumer in index
 * order, so that everything written downstream is identical whatever the thread count.
 * At most {@link #IN_FLIGHT} results (or four a thread, if more) wait in memory.
 *
 * <p>Jobs go to the pool in chunks of consecutive indexes, sized from the time the jobs
 * done so far took so that a chunk lasts about {@link #CHUNK_NANOS}: a replication of a
 * small scenario takes tens of microseconds, about what handing one task to a pool and
 * its result back costs, and one task each made two threads slower than one on two
 * processors. Long jobs go one at a time, as before. Which jobs share a chunk depends on
 * timing; the results do not, since job {@code k} depends on {@code k} alone.
 */
public final class Replications {
    private Replications() {}

    /** About how long a chunk of jobs should take: long against a task's overhead, short against a run. */
    static final long CHUNK_NANOS = 2_000_000L;
    /** Most jobs in one chunk. */
    static final int MAX_CHUNK = 256;
    /** Most results computed and not yet consumed, whatever the thread count (a run's trajectory can be large). */
    static final int IN_FLIGHT = 1024;

    /** Receives results in index order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T result) throws Exception;
    }

    /** Results of the jobs {@code from, from + 1, ...} of one chunk, and the failure that ended it early, if any. */
    private record Chunk(Object[] results, int done, Throwable failure, long nanos) {}

    public static <T> void run(int n, int threads, IntFunction<T> job, Sink<T> sink, Progress progress)
            throws Exception {
        threads = Math.min(threads, n); // more workers than jobs would idle (and a huge count would overflow the window)
        if (threads <= 1) {
            for (int k = 0; k < n; k++) {
                sink.accept(job.apply(k));
                progress.advance(1);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replication");
            t.setDaemon(true);
            return t;
        });
        try {
            int window = (int) Math.min(Integer.MAX_VALUE, 4L * threads);
            int maxChunk = Math.max(1, Math.min(MAX_CHUNK, IN_FLIGHT / window));
            ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
            int next = 0;
            long jobsTimed = 0;
            long nanosTimed = 0;
            while (next < n && pending.size() < window) {
                int from = next++; // one job a chunk until there is a time to size chunks by
                pending.add(pool.submit(() -> chunk(job, from, from + 1)));
            }
            while (!pending.isEmpty()) {
                Chunk c;
                try {
                    c = pending.poll().get();
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
                jobsTimed += c.done();
                nanosTimed += c.nanos();
                if (next < n) {
                    long perJob = Math.max(1, nanosTimed / Math.max(1, jobsTimed));
                    int size = (int) Math.max(1, Math.min(maxChunk, CHUNK_NANOS / perJob));
                    int from = next;
                    int to = (int) Math.min(n, (long) from + size);
                    next = to;
                    pending.add(pool.submit(() -> chunk(job, from, to)));
                }
                for (int x = 0; x < c.done(); x++) {
                    @SuppressWarnings("unchecked")
                    T result = (T) c.results()[x];
                    sink.accept(result);
                    progress.advance(1);
                }
                if (c.failure() != null) {
                    throw rethrow(c.failure());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs jobs {@code from..to-1} in order, stopping at the first that fails. */
    private static <T> Chunk chunk(IntFunction<T> job, int from, int to) {
        Object[] results = new Object[to - from];
        long t0 = System.nanoTime();
        for (int k = from; k < to; k++) {
            try {
                results[k - from] = job.apply(k);
            } catch (RuntimeException | Error e) {
                return new Chunk(results, k - from, e, System.nanoTime() - t0);
            }
        }
        return new Chunk(results, to - from, null, System.nanoTime() - t0);
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Exception ex) {
            return ex;
        }
        throw (Error) cause;
    }
}

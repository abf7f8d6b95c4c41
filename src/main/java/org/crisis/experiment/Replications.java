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
 * At most a window of results waits in memory.
 */
public final class Replications {
    private Replications() {}

    /** Receives results in index order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T result) throws Exception;
    }

    public static <T> void run(int n, int threads, IntFunction<T> job, Sink<T> sink, Progress progress)
            throws Exception {
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
            int window = threads * 16;
            ArrayDeque<Future<T>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < n && pending.size() < window) {
                int k = next++;
                pending.add(pool.submit(() -> job.apply(k)));
            }
            while (!pending.isEmpty()) {
                T result;
                try {
                    result = pending.poll().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    throw (Error) cause;
                }
                if (next < n) {
                    int k = next++;
                    pending.add(pool.submit(() -> job.apply(k)));
                }
                sink.accept(result);
                progress.advance(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.crisis.sim;

import java.util.Arrays;
import sim.util.Bag;
import sim.util.Heap;

/**
 * The queue of a run's schedule: MASON's binary heap ({@link Heap}) move for move, the same
 * comparisons in the same order, so that entries leave it in the same order as they would
 * leave MASON's (the order MASON then shuffles with the run's generator; see
 * docs/MODEL.md 3.11). It differs only in holding each key's time and ordering in arrays of
 * numbers beside the keys, so that a comparison reads two arrays instead of two key objects
 * through {@link Comparable#compareTo}. Holds a schedule's keys only.
 */
final class DayHeap extends Heap {
    private static final long serialVersionUID = 1L;
    private Comparable[] keys = new Comparable[0];
    private Object[] objects = new Object[0];
    private double[] times = new double[0];
    private int[] orderings = new int[0];
    private int size;

    /** {@code Key.compareTo}: by time, then by ordering; negative, 0 or positive. */
    private int compare(double time, int ordering, int slot) {
        double t = times[slot];
        if (time == t) {
            int o = orderings[slot];
            return ordering == o ? 0 : ordering < o ? -1 : 1;
        }
        return time < t ? -1 : 1;
    }

    private boolean less(int slot, int than) {
        return compare(times[slot], orderings[slot], than) < 0;
    }

    @Override
    public void add(Object object, Comparable key) {
        double time = CrisisModel.DaySchedule.timeOf(key);
        int ordering = CrisisModel.DaySchedule.orderingOf(key);
        int n = ++size;
        if (n - 1 >= objects.length) {
            int capacity = objects.length * 2 + 1;
            objects = Arrays.copyOf(objects, capacity);
            keys = Arrays.copyOf(keys, capacity);
            times = Arrays.copyOf(times, capacity);
            orderings = Arrays.copyOf(orderings, capacity);
        }
        int i = n;
        while (i > 1 && compare(time, ordering, i / 2 - 1) < 0) {
            move(i / 2 - 1, i - 1);
            i /= 2;
        }
        keys[i - 1] = key;
        objects[i - 1] = object;
        times[i - 1] = time;
        orderings[i - 1] = ordering;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        objects[to] = objects[from];
        times[to] = times[from];
        orderings[to] = orderings[from];
    }

    private void swap(int a, int b) {
        Comparable k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        Object o = objects[a];
        objects[a] = objects[b];
        objects[b] = o;
        double t = times[a];
        times[a] = times[b];
        times[b] = t;
        int r = orderings[a];
        orderings[a] = orderings[b];
        orderings[b] = r;
    }

    /** MASON's {@code heapify}, on 1-based positions. */
    private void heapify(int i, int n) {
        while (true) {
            int l = 2 * i;
            int r = 2 * i + 1;
            int smallest = l <= n && less(l - 1, i - 1) ? l : i;
            if (r <= n && less(r - 1, smallest - 1)) {
                smallest = r;
            }
            if (smallest == i) {
                return;
            }
            swap(i - 1, smallest - 1);
            i = smallest;
        }
    }

    @Override
    public Object extractMin() {
        int n = size;
        if (n == 0) {
            return null;
        }
        Object min = objects[0];
        move(n - 1, 0);
        keys[n - 1] = null;
        objects[n - 1] = null;
        n--;
        if (n > 1) {
            heapify(1, n);
        }
        size = n;
        return min;
    }

    @Override
    public Bag extractMin(Bag bag) {
        if (size == 0) {
            return bag == null ? new Bag(0) : bag;
        }
        Bag b = bag == null ? new Bag() : bag;
        double time = times[0];
        int ordering = orderings[0];
        b.add(extractMin());
        while (size > 0 && compare(time, ordering, 0) == 0) {
            b.add(extractMin());
        }
        return b;
    }

    @Override
    public Comparable getMinKey() {
        return size == 0 ? null : keys[0];
    }

    @Override
    public Object getMin() {
        return size == 0 ? null : objects[0];
    }

    @Override
    public Comparable[] getKeys() {
        return Arrays.copyOf(keys, size);
    }

    @Override
    public Object[] getObjects() {
        return Arrays.copyOf(objects, size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(objects, 0, size, null);
        size = 0;
    }

    @Override
    public Heap merge(Heap other) {
        throw new UnsupportedOperationException("a run's schedule is not merged");
    }
}

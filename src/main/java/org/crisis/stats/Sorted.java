package org.crisis.stats;

/** Counting in a sorted array, for the rank statistics of this package. */
final class Sorted {
    private Sorted() {}

    /** The number of values of the ascending {@code sorted} below {@code x} (a binary search; NaN-free input). */
    static int countBelow(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

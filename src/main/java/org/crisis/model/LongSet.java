package org.crisis.model;

import java.util.Arrays;

/** A set of non-negative longs, open addressing with linear probing: no boxing, no garbage per look-up. */
final class LongSet {
    private static final long EMPTY = -1;
    private long[] keys = new long[32];
    private int size;

    LongSet() {
        Arrays.fill(keys, EMPTY);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    boolean contains(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return true;
            }
            if (k == EMPTY) {
                return false;
            }
        }
    }

    void add(long key) {
        if (2 * (size + 1) > keys.length) {
            long[] old = keys;
            keys = new long[old.length * 2];
            Arrays.fill(keys, EMPTY);
            size = 0;
            for (long k : old) {
                if (k != EMPTY) {
                    add(k);
                }
            }
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                size++;
                return;
            }
        }
    }
}

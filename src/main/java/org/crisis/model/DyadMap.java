package org.crisis.model;

import java.util.Arrays;

/**
 * Pairs by key ({@code min·n + max}), open addressing with linear probing: look-ups box
 * nothing and allocate nothing, so reading affinities costs no garbage.
 */
final class DyadMap {
    private long[] keys;
    private Dyad[] values;
    private int size;

    /** A map sized for about {@code expected} pairs. */
    DyadMap(int expected) {
        int capacity = 64;
        while (capacity < 2 * expected) {
            capacity *= 2;
        }
        keys = new long[capacity];
        values = new Dyad[capacity];
        Arrays.fill(keys, -1);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    Dyad get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == -1) {
                return null;
            }
        }
    }

    void put(long key, Dyad d) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            if (keys[i] == -1) {
                keys[i] = key;
                values[i] = d;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = d;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        Dyad[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Dyad[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}

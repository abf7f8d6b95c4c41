package org.crisis.experiment;

import java.util.Optional;

/**
 * A deterministic share of a sweep's runs for one machine: shard {@code I/N} owns the runs
 * whose number (point · replications + replication) leaves remainder I − 1 when divided by
 * N. Interleaving spreads slow and fast points evenly over the shards.
 */
public record SweepShard(int index, int count) {
    /** The whole sweep. */
    public static final SweepShard ALL = new SweepShard(1, 1);

    public SweepShard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("expected I/N with 1 <= I <= N, found " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}; empty with the reason in {@code why}. */
    public static Optional<SweepShard> parse(String text, StringBuilder why) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                int i = Integer.parseInt(text.substring(0, slash).trim());
                int n = Integer.parseInt(text.substring(slash + 1).trim());
                if (n >= 1 && i >= 1 && i <= n) {
                    return Optional.of(new SweepShard(i, n));
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        why.append("expected I/N with whole numbers 1 <= I <= N (e.g. 3/8), found '").append(text).append("'");
        return Optional.empty();
    }

    public boolean all() {
        return count == 1;
    }

    public boolean owns(long run) {
        return run % count == index - 1;
    }

    /** How many of {@code total} runs this shard owns. */
    public long runs(long total) {
        long first = index - 1;
        return first >= total ? 0 : (total - first + count - 1) / count;
    }

    /** The first run this shard owns at or after {@code run}. */
    public long next(long run) {
        long r = run % count;
        long want = index - 1;
        return run + ((want - r + count) % count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** For directory names: {@code shard-3-of-8}. */
    public String label() {
        return "shard-" + index + "-of-" + count;
    }
}

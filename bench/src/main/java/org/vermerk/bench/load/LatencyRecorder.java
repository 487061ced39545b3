package org.vermerk.bench.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Send-to-receive latencies in microseconds, recorded from many threads into a preallocated
 * array (no locks, no allocation per sample); percentiles by sorting once at the end.
 */
final class LatencyRecorder {
    private final long[] micros;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    LatencyRecorder(int capacity) {
        this.micros = new long[capacity];
    }

    void record(long nanos) {
        int slot = count.getAndIncrement();
        if (slot < micros.length) {
            micros[slot] = nanos / 1_000;
        } else {
            dropped.incrementAndGet();
        }
    }

    /** Samples recorded, including those beyond the capacity that are not in the percentiles. */
    long samples() {
        return Math.min(count.get(), micros.length) + dropped.get();
    }

    /** p50, p90, p99, p99.9 and max in milliseconds; empty if nothing was recorded. */
    Summary summary() {
        int n = Math.min(count.get(), micros.length);
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        return new Summary(
                n,
                dropped.get(),
                at(sorted, 0.50),
                at(sorted, 0.90),
                at(sorted, 0.99),
                at(sorted, 0.999),
                at(sorted, 1.0));
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    record Summary(int samples, long beyondCapacity, double p50, double p90, double p99, double p999, double max) {}
}

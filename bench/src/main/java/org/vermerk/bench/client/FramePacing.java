package org.vermerk.bench.client;

import java.util.Arrays;

/**
 * Frame pacing from the intervals between consecutive JavaFX pulses while scrolling: median, p95,
 * p99 and maximum (nearest-rank percentiles, in milliseconds) and how many frames took longer than
 * {@value #LATE_MS} ms, that is, missed two 60 Hz refreshes and show as a stutter.
 */
record FramePacing(int frames, double medianMs, double p95Ms, double p99Ms, double maxMs, int over33ms) {
    static final double LATE_MS = 33.0;

    /** @param intervalsMicros the pulse intervals in microseconds, in any order; at least one */
    static FramePacing of(long[] intervalsMicros) {
        if (intervalsMicros.length == 0) {
            throw new IllegalArgumentException("no frame intervals");
        }
        long[] sorted = intervalsMicros.clone();
        Arrays.sort(sorted);
        int late = 0;
        for (long interval : sorted) {
            if (interval > LATE_MS * 1_000) {
                late++;
            }
        }
        return new FramePacing(
                sorted.length,
                rank(sorted, 0.50),
                rank(sorted, 0.95),
                rank(sorted, 0.99),
                sorted[sorted.length - 1] / 1_000.0,
                late);
    }

    /** Parses the probe's comma-separated list of microseconds. */
    static long[] parse(String commaSeparated) {
        String trimmed = commaSeparated.strip();
        if (trimmed.isEmpty()) {
            return new long[0];
        }
        return Arrays.stream(trimmed.split(","))
                .map(String::strip)
                .mapToLong(Long::parseLong)
                .toArray();
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of all values at or below it. */
    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000.0;
    }
}

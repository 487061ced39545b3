package org.vermerk.server.delivery;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per key (a device ID, or a connection before it authenticated): {@code burst}
 * frames at once, refilled at {@code perSecond}. Time comes from the injected clock. Thread-safe;
 * each bucket is guarded by itself.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final InstantSource clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, InstantSource clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** 0 if a frame may pass now (and takes a token), else the milliseconds until one may. */
    public long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()))
                .acquire();
    }

    /** Forgets a key whose connections are gone. */
    public void forget(String key) {
        buckets.remove(key);
    }

    private final class Bucket {
        /** Guarded by this. */
        private double tokens;
        /** Guarded by this. */
        private long updatedMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedMillis = now;
        }

        synchronized long acquire() {
            long now = clock.millis();
            tokens = Math.min(burst, tokens + Math.max(0, now - updatedMillis) * perSecond / 1000.0);
            updatedMillis = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 1000.0 / perSecond));
        }
    }
}

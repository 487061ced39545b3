package org.vermerk.app.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Timing of a connection. {@link #defaults()} is what the product uses; tests shorten the backoff
 * and inject a clock and a seeded random.
 *
 * @param connectTimeout TCP and TLS connect, and then the server's challenge and the handshake
 *     answer, each within this
 * @param requestTimeout how long a request waits for its answer; a timeout closes the socket,
 *     since an answer that does not come means the connection is dead
 * @param pingInterval WebSocket pings that keep NAT mappings and proxies open and detect a dead
 *     peer (OkHttp closes the socket when a pong is missing); zero disables them
 * @param ackDelay acknowledgements of deliveries are sent at most this often (they are cumulative,
 *     so one ack covers everything stored meanwhile; this keeps within the server's rate limit)
 * @param initialBackoff the first reconnect waits between half of this and this
 * @param maxBackoff the cap: no reconnect waits longer than this
 * @param clock the time shown in {@link ConnectionState.Reconnecting#nextRetry()}
 * @param random the source of the backoff's jitter
 */
public record ConnectionOptions(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration pingInterval,
        Duration ackDelay,
        Duration initialBackoff,
        Duration maxBackoff,
        Clock clock,
        RandomGenerator random) {

    public ConnectionOptions {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(pingInterval);
        Objects.requireNonNull(ackDelay);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
    }

    /** 10 s connect, 30 s per request, pings every 30 s, acks every 200 ms, backoff 1 s doubling to 60 s. */
    public static ConnectionOptions defaults() {
        return new ConnectionOptions(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    public ConnectionOptions withBackoff(Duration initial, Duration max) {
        return new ConnectionOptions(
                connectTimeout, requestTimeout, pingInterval, ackDelay, initial, max, clock, random);
    }

    public ConnectionOptions withTimeouts(Duration connect, Duration request) {
        return new ConnectionOptions(
                connect, request, pingInterval, ackDelay, initialBackoff, maxBackoff, clock, random);
    }

    public ConnectionOptions withPingInterval(Duration value) {
        return new ConnectionOptions(
                connectTimeout, requestTimeout, value, ackDelay, initialBackoff, maxBackoff, clock, random);
    }

    public ConnectionOptions withClockAndRandom(Clock newClock, RandomGenerator newRandom) {
        return new ConnectionOptions(
                connectTimeout,
                requestTimeout,
                pingInterval,
                ackDelay,
                initialBackoff,
                maxBackoff,
                newClock,
                newRandom);
    }
}

package org.vermerk.app.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a {@link Connection} stands. It starts {@link Connecting}, is {@link Online} once the
 * server accepted the device, goes {@link Reconnecting} after any drop, error or server shutdown
 * and back to {@link Connecting} when the wait is over, and ends {@link Offline}: after {@link
 * Connection#close()}, or when the server refuses the device for good ({@code auth_failed}).
 *
 * <pre>
 *   Connecting ──► Online ──► Reconnecting(1) ──► Connecting ──► Online …
 *        └──────────────────► Reconnecting(n) ──► …            any ──► Offline (final)
 * </pre>
 */
public sealed interface ConnectionState {
    /** Opening a socket and answering the challenge. {@code attempt} is 0 for the first try. */
    record Connecting(int attempt) implements ConnectionState {}

    /**
     * Authenticated: requests are served and deliveries flow.
     *
     * @param keyPackageStock the device's unclaimed one-time KeyPackages on the server
     */
    record Online(String userId, String deviceId, int keyPackageStock) implements ConnectionState {}

    /**
     * Waiting to try again. {@code attempt} counts the failed tries since the connection was last
     * online (1 for the first); {@code cause} is why the last one ended.
     */
    record Reconnecting(int attempt, Instant nextRetry, ConnectionException cause) implements ConnectionState {}

    /** Final: closed by the client ({@code cause} empty) or refused for good by the server. */
    record Offline(Optional<ConnectionException> cause) implements ConnectionState {}
}

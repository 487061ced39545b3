package org.vermerk.app.connection;

import org.vermerk.protocol.wire.ServerFrame;

/**
 * What a {@link Connection} reports. All methods are called on the connection's one event thread,
 * one at a time and in the order the frames arrived (state changes in the order they happened);
 * never after {@link Connection#close()} returned. Methods should return quickly and must not
 * block on a future of the same connection (its completion needs the event thread).
 */
public interface ConnectionListener {
    default void onStateChanged(ConnectionState state) {}

    /**
     * A message for this device. Store it durably (and move the keystore's inbox cursor in the
     * same transaction), then call {@link Connection#acknowledge(long)} with its {@code seq}.
     * Deliveries come in {@code seq} order; one that was acknowledged never comes again, one that
     * was not comes again after a reconnect.
     */
    default void onDelivery(ServerFrame.Deliver delivery) {}

    /** The device's one-time KeyPackages are running low on the server. */
    default void onKeyPackagesLow(ServerFrame.KeyPackagesLow notice) {}
}

package org.vermerk.server.delivery;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.storage.Device;

/**
 * One WebSocket connection as the request handlers see it. Implementations are thread-safe:
 * other connections' threads call {@link #pumpQueue()} and {@link #send} when they queue
 * something for this connection's device.
 */
public interface DeviceConnection {
    /** The nonce this connection's challenge carried. */
    Bytes challenge();

    /** The device this connection authenticated as, if it did. */
    Optional<Device> device();

    /**
     * Marks the connection as authenticated for {@code device} and registers it for deliveries.
     * False if the device already has the configured number of connections.
     */
    boolean authenticateAs(Device device, long ackedUpTo);

    /** Sends an event frame now (in order with everything else this connection sends). */
    void send(ServerFrame frame);

    /** Sends queued deliveries the device has not been sent yet, within the in-flight window. */
    void pumpQueue();

    /** The device acknowledged everything up to {@code upTo}; more may be sent now. */
    void acknowledged(long upTo);

    /** Closes the connection with a WebSocket status code. */
    void close(int statusCode, String reason);
}

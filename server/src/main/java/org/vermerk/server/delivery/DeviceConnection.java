package org.vermerk.server.delivery;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.QueuedDelivery;

/**
 * One WebSocket connection as the request handlers see it. Implementations are thread-safe:
 * other connections' threads call {@link #offer} and {@link #send} when they queue something for
 * this connection's device.
 *
 * <p>Deliveries leave in sequence-number order, each at most once per connection, and none before
 * {@link #pumpQueue()} was first called (after the authentication reply). The device's queue in
 * the store is the durable truth: what {@link #offer} cannot send at once is read from there later.
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

    /**
     * A queue entry of this connection's device was just committed to the store: sends it from
     * memory if it is the next one due and the window has room, otherwise leaves it to a later
     * read of the queue. Entries this connection has sent or that were acknowledged are ignored.
     */
    void offer(QueuedDelivery delivery);

    /** The device acknowledged everything up to {@code upTo}; more may be sent now. */
    void acknowledged(long upTo);

    /** Closes the connection with a WebSocket status code. */
    void close(int statusCode, String reason);
}

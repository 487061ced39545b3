package org.vermerk.server.delivery;

import java.util.List;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.QueuedDelivery;

/**
 * Which of a device's queue entries one connection has sent, and what to send next. Deliveries
 * come two ways: an entry just appended is {@linkplain #offer offered} from memory by the
 * appending thread and sent at once if it carries the next sequence number and the in-flight
 * window has room; anything else (the backlog found at authentication, an entry whose
 * predecessor's offer is still on its way from another thread, entries held back by a full
 * window) is read from the device's queue in the store, which stays the durable truth. Both ways
 * advance {@link #sentUpTo}, so each entry is sent once per connection and in sequence order.
 *
 * <p>The queue is read only while {@link #mayHaveMore} says it can hold unsent entries, so an
 * ack with nothing held back costs no read. Not thread-safe: its connection calls it under its
 * send lock, which also orders what the sink sends.
 */
public final class DeliveryPump {
    /** Receives the entries to send, in sequence order. */
    @FunctionalInterface
    public interface Sink {
        void send(QueuedDelivery delivery);
    }

    private final DeliveryStore store;
    private final String deviceId;
    private final int window;
    private final int batch;
    private final Sink sink;

    /** The highest sequence number sent (or acknowledged, whichever is higher). */
    private long sentUpTo;

    private long ackedUpTo;

    /** {@link #start()} was called: the authentication reply is out, deliveries may follow it. */
    private boolean started;

    /**
     * The queue may hold entries after {@link #sentUpTo} that were not sent: true from the start
     * and whenever an offered entry could not be sent at once; false once a read of the queue came
     * back short of what it asked for. That is safe because the connection registers for offers
     * before its first read, so every entry committed after a read is offered to it.
     */
    private boolean mayHaveMore = true;

    /**
     * @param ackedUpTo what the device acknowledged when it authenticated
     * @param window most entries sent and not yet acknowledged
     * @param batch most entries read from the queue at once
     */
    public DeliveryPump(DeliveryStore store, String deviceId, long ackedUpTo, int window, int batch, Sink sink) {
        this.store = store;
        this.deviceId = deviceId;
        this.window = window;
        this.batch = batch;
        this.sink = sink;
        this.ackedUpTo = ackedUpTo;
        this.sentUpTo = ackedUpTo;
    }

    /** Starts (or resumes) sending: reads what is due from the queue. Offers before it are left to this read. */
    public void start() {
        started = true;
        readQueue();
    }

    /** An entry just committed to the device's queue. */
    public void offer(QueuedDelivery delivery) {
        if (delivery.seq() <= sentUpTo) {
            return; // sent already (read from the queue) or acknowledged
        }
        if (started && delivery.seq() == sentUpTo + 1 && inFlight() < window) {
            send(delivery);
            return;
        }
        // Not the next one (an earlier entry's offer is still on its way) or no room: the queue has it.
        mayHaveMore = true;
        if (started) {
            readQueue();
        }
    }

    /** The device acknowledged everything up to {@code upTo} (as the store recorded it). */
    public void acknowledged(long upTo) {
        ackedUpTo = Math.max(ackedUpTo, upTo);
        sentUpTo = Math.max(sentUpTo, ackedUpTo);
        if (started) {
            readQueue();
        }
    }

    public long sentUpTo() {
        return sentUpTo;
    }

    private long inFlight() {
        return sentUpTo - ackedUpTo;
    }

    private void readQueue() {
        while (mayHaveMore && inFlight() < window) {
            int room = (int) Math.min(batch, window - inFlight());
            List<QueuedDelivery> read = store.pending(deviceId, sentUpTo, room);
            for (QueuedDelivery delivery : read) {
                send(delivery);
            }
            if (read.size() < room) {
                mayHaveMore = false;
            }
        }
    }

    private void send(QueuedDelivery delivery) {
        sink.send(delivery);
        sentUpTo = delivery.seq();
    }
}

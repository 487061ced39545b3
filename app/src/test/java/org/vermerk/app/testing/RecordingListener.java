package org.vermerk.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.vermerk.app.account.InboxCursor;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * Records what a connection reports, in order. With an {@link InboxCursor}, it "stores" each
 * delivery (moves the cursor) and acknowledges it, as the conversation logic will.
 */
public final class RecordingListener implements ConnectionListener {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerFrame.Deliver> deliveries = new LinkedBlockingQueue<>();
    private final BlockingQueue<ServerFrame.KeyPackagesLow> lowNotices = new LinkedBlockingQueue<>();
    private final List<Object> all = java.util.Collections.synchronizedList(new ArrayList<>());
    private final InboxCursor cursor;
    private volatile Connection connection;

    public RecordingListener(InboxCursor cursor) {
        this.cursor = cursor;
    }

    public void storeAndAcknowledgeOn(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        all.add(state);
        states.add(state);
    }

    @Override
    public void onDelivery(ServerFrame.Deliver delivery) {
        all.add(delivery);
        deliveries.add(delivery);
        if (cursor != null && connection != null) {
            try {
                cursor.store(delivery.seq());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            connection.acknowledge(delivery.seq());
        }
    }

    @Override
    public void onKeyPackagesLow(ServerFrame.KeyPackagesLow notice) {
        all.add(notice);
        lowNotices.add(notice);
    }

    /** Waits for a state that matches, skipping others; returns it. */
    public ConnectionState awaitState(Predicate<ConnectionState> wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ConnectionState next = states.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(next).as("waiting for " + what).isNotNull();
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    public ConnectionState.Online awaitOnline() throws InterruptedException {
        return (ConnectionState.Online) awaitState(s -> s instanceof ConnectionState.Online, "online");
    }

    public ServerFrame.Deliver nextDelivery() throws InterruptedException {
        ServerFrame.Deliver next = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a delivery").isNotNull();
        return next;
    }

    public ServerFrame.KeyPackagesLow nextLowNotice() throws InterruptedException {
        ServerFrame.KeyPackagesLow next = lowNotices.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a keyPackagesLow notice").isNotNull();
        return next;
    }

    public List<Object> events() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}

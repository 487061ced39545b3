package org.vermerk.app.connection.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.connection.DeliveryCursor;
import org.vermerk.app.connection.Handshake;
import org.vermerk.app.connection.NotConnectedException;
import org.vermerk.app.connection.ServerErrorException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * The lasting {@link Connection}: one {@link Link} at a time, a new one after each drop, waiting
 * as {@link Backoff} says. The state machine is in {@link ConnectionState}; everything the
 * listener sees goes through one {@link EventThread}.
 *
 * <p>Deliveries: the server resumes after its {@code ackedUpTo}. At each authentication the
 * {@link DeliveryCursor} says what this device already stored; if that is ahead, an ack goes out at
 * once and the repeated deliveries are dropped here, so an acknowledged delivery never reaches the
 * listener twice. Unacknowledged ones come again after a reconnect (at least once).
 */
final class RealConnection implements Connection, Link.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RealConnection.class);

    private final Transport transport;
    private final Handshake handshake;
    private final DeliveryCursor cursor;
    private final ConnectionListener listener;
    private final EventThread events = new EventThread("vermerk-connection-events");

    private final Object lock = new Object();

    /** Guarded by lock. */
    private final Backoff backoff;

    /** Guarded by lock. */
    private ConnectionState state = new ConnectionState.Connecting(0);

    /** Guarded by lock: the current socket, or null while waiting to reconnect or after close. */
    private Link link;

    /** Guarded by lock: failed tries since the connection was last online. */
    private int failures;

    /** Guarded by lock. */
    private boolean closed;

    /** Guarded by lock. */
    private ScheduledFuture<?> retry;

    /** Guarded by lock: the highest seq the caller acknowledged (or the cursor said is stored). */
    private long acknowledged;

    /** Guarded by lock: the highest seq the current link's server knows as acknowledged. */
    private long ackSent;

    /** Guarded by lock: a scheduled ack, or null. */
    private ScheduledFuture<?> ackFlush;

    /** Event thread only: the highest seq handed to the listener since the last authentication. */
    private long dispatchedUpTo;

    RealConnection(Transport transport, Handshake handshake, DeliveryCursor cursor, ConnectionListener listener) {
        this.transport = transport;
        this.handshake = handshake;
        this.cursor = cursor;
        this.listener = listener;
        this.backoff = new Backoff(
                transport.options().initialBackoff(),
                transport.options().maxBackoff(),
                transport.options().random());
    }

    void start() {
        synchronized (lock) {
            openLocked(0);
        }
    }

    /** Guarded by lock. */
    private void openLocked(int attempt) {
        link = new Link(transport, handshake, this);
        setStateLocked(new ConnectionState.Connecting(attempt));
        link.start();
    }

    /** Guarded by lock. */
    private void setStateLocked(ConnectionState next) {
        state = next;
        LOG.debug("event=connection_state state={}", next.getClass().getSimpleName());
        events.post(() -> listener.onStateChanged(next));
    }

    @Override
    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    // Link.Listener

    @Override
    public void ready(Link ready, ServerFrame answer) {
        long serverAcked;
        ConnectionState.Online online;
        switch (answer) {
            case ServerFrame.Authenticated a -> {
                serverAcked = a.ackedUpTo();
                online = new ConnectionState.Online(a.userId(), a.deviceId(), a.keyPackageStock());
            }
            case ServerFrame.Enrolled e -> {
                serverAcked = 0;
                online = new ConnectionState.Online(e.userId(), e.deviceId(), 0);
            }
            default -> throw new IllegalStateException("unexpected handshake answer");
        }
        long stored = cursor.storedUpTo();
        synchronized (lock) {
            if (ready != link || closed) {
                return;
            }
            failures = 0;
            acknowledged = Math.max(acknowledged, stored);
            ackSent = serverAcked;
            setStateLocked(online);
            if (acknowledged > ackSent) {
                LOG.info("event=ack_resent upTo={} serverAckedUpTo={}", acknowledged, serverAcked);
                scheduleAckLocked(0);
            }
            events.post(() -> dispatchedUpTo = Math.max(serverAcked, acknowledged()));
        }
    }

    @Override
    public void event(Link from, ServerFrame event) {
        synchronized (lock) {
            if (from != link || closed) {
                return;
            }
        }
        switch (event) {
            case ServerFrame.Deliver deliver ->
                events.post(() -> {
                    if (deliver.seq() <= Math.max(dispatchedUpTo, acknowledged())) {
                        return; // stored and acknowledged before: never hand it out twice
                    }
                    dispatchedUpTo = deliver.seq();
                    listener.onDelivery(deliver);
                });
            case ServerFrame.KeyPackagesLow low -> events.post(() -> listener.onKeyPackagesLow(low));
            default -> {}
        }
    }

    @Override
    public void closed(Link ended, ConnectionException cause) {
        synchronized (lock) {
            if (ended != link || closed) {
                return;
            }
            link = null;
            cancel(ackFlush);
            ackFlush = null;
            if (cause instanceof ServerErrorException refused && refused.isFatal()) {
                LOG.warn("event=connection_refused code={}", refused.code().wireName());
                setStateLocked(new ConnectionState.Offline(Optional.of(cause)));
                return;
            }
            failures++;
            Duration wait = backoff.delay(failures);
            LOG.info(
                    "event=connection_lost attempt={} retryInMs={} cause={}",
                    failures,
                    wait.toMillis(),
                    cause.getClass().getSimpleName());
            setStateLocked(new ConnectionState.Reconnecting(
                    failures, transport.options().clock().instant().plus(wait), cause));
            int attempt = failures;
            retry = transport.timer().schedule(() -> reopen(attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void reopen(int attempt) {
        synchronized (lock) {
            if (closed || link != null) {
                return;
            }
            openLocked(attempt);
        }
    }

    // Connection

    @Override
    public <T extends ServerFrame> CompletableFuture<T> call(Function<String, ClientRequest> request, Class<T> answer) {
        Link current;
        synchronized (lock) {
            if (!(state instanceof ConnectionState.Online) || link == null) {
                return CompletableFuture.failedFuture(new NotConnectedException(
                        closed ? "the connection was closed" : "not connected to the server"));
            }
            current = link;
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        current.call(request, answer)
                .whenComplete((value, error) -> events.complete(() -> {
                    if (error != null) {
                        result.completeExceptionally(
                                error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error);
                    } else {
                        result.complete(value);
                    }
                }));
        return result;
    }

    @Override
    public void acknowledge(long seq) {
        synchronized (lock) {
            if (seq <= acknowledged) {
                return;
            }
            acknowledged = seq;
            if (link != null && state instanceof ConnectionState.Online && ackFlush == null) {
                scheduleAckLocked(transport.options().ackDelay().toMillis());
            }
        }
    }

    private long acknowledged() {
        synchronized (lock) {
            return acknowledged;
        }
    }

    /** Guarded by lock. */
    private void scheduleAckLocked(long delayMillis) {
        ackFlush = transport.timer().schedule(this::flushAck, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void flushAck() {
        Link current;
        long upTo;
        synchronized (lock) {
            ackFlush = null;
            if (link == null || closed || acknowledged <= ackSent) {
                return;
            }
            current = link;
            upTo = acknowledged;
            ackSent = upTo;
        }
        current.call(id -> new ClientRequest.Ack(id, upTo), ServerFrame.Acked.class)
                .whenComplete((acked, error) -> {
                    if (error != null) {
                        LOG.debug(
                                "event=ack_failed upTo={} error={}",
                                upTo,
                                error.getClass().getSimpleName());
                    }
                });
    }

    @Override
    public void close() {
        Link current;
        long unsentAck = 0;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (link != null && state instanceof ConnectionState.Online && acknowledged > ackSent) {
                unsentAck = acknowledged;
            }
            closed = true;
            cancel(retry);
            cancel(ackFlush);
            current = link;
            link = null;
            state = new ConnectionState.Offline(Optional.empty());
        }
        events.stop();
        if (current != null) {
            if (unsentAck > 0) {
                long upTo = unsentAck; // goes out before the close frame
                current.call(id -> new ClientRequest.Ack(id, upTo), ServerFrame.Acked.class);
            }
            current.close();
        }
        LOG.debug("event=connection_closed");
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}

package org.vermerk.app.connection;

/**
 * A device's lasting connection to the delivery server: it authenticates on every connect, serves
 * requests while {@link ConnectionState.Online}, hands deliveries to its {@link
 * ConnectionListener} and reconnects by itself with jittered exponential backoff after drops,
 * errors and server shutdowns, until {@link #close()} or a fatal refusal.
 *
 * <p>Threading: every listener call and every completion of a future from {@link #call} happens
 * on the connection's one event thread, in arrival order — so an answer is never seen before an
 * event the server sent before it. The methods here may be called from any thread.
 *
 * <p>Requests are not queued while offline: {@link #call} fails with {@link NotConnectedException}
 * unless the state is {@link ConnectionState.Online}; the outbox is what keeps unsent messages.
 */
public interface Connection extends Requests, AutoCloseable {
    ConnectionState state();

    /**
     * The caller has durably stored every delivery up to {@code seq}. The server is told (acks are
     * cumulative and sent at most every {@link ConnectionOptions#ackDelay()}); while offline it is
     * told after the next authentication, through the {@link DeliveryCursor}. Call in {@code seq}
     * order; a smaller {@code seq} than one acknowledged before is ignored.
     */
    void acknowledge(long seq);

    /**
     * Closes the socket (1000), stops reconnecting and fails pending requests with {@link
     * NotConnectedException}. After it returns no listener method runs; called from the event
     * thread itself, the listener method that called it is the last. Idempotent.
     */
    @Override
    void close();
}

package org.vermerk.app.connection;

/**
 * How far this device has durably stored its deliveries: the last {@code seq} whose content is in
 * the keystore. Read at every authentication: when it is ahead of the server's {@code ackedUpTo}
 * (an ack was lost with the connection), the connection acknowledges it again at once and drops
 * the repeated deliveries up to it. Called on the OkHttp reader thread; must not block for long.
 */
@FunctionalInterface
public interface DeliveryCursor {
    DeliveryCursor NONE = () -> 0;

    long storedUpTo();
}

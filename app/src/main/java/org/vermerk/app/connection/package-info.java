/**
 * The client's connection to the delivery server (docs/wire-protocol.md): a {@link
 * org.vermerk.app.connection.Connector} per server opens short {@link
 * org.vermerk.app.connection.Session}s (enrolment, device list, connection test) and lasting
 * {@link org.vermerk.app.connection.Connection}s that authenticate on every connect, match answers
 * to requests by ID, hand deliveries to a {@link org.vermerk.app.connection.ConnectionListener} on
 * one event thread, acknowledge what the caller stored, and reconnect with jittered exponential
 * backoff. The implementation (OkHttp) is in {@code internal}; nothing here names OkHttp or JavaFX.
 */
package org.vermerk.app.connection;

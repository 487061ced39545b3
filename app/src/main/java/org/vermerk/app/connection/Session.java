package org.vermerk.app.connection;

import org.vermerk.protocol.wire.ServerFrame;

/**
 * One authenticated (or freshly enrolled) socket, for short jobs: enrolment, listing devices, a
 * connection test. It does not reconnect and ignores deliveries (they stay queued on the server
 * and come to the next {@link Connection}). Futures complete on the OkHttp reader thread or the
 * timer thread. Thread-safe; {@link #close()} is idempotent and fails what is still pending.
 */
public interface Session extends Requests, AutoCloseable {
    /** The server's answer to the handshake: {@link ServerFrame.Enrolled} or {@link ServerFrame.Authenticated}. */
    ServerFrame handshakeAnswer();

    @Override
    void close();
}

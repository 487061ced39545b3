package org.vermerk.app.connection;

/**
 * The connection ended before the answer came: dropped, closed by the server (1001 when it shuts
 * down) or by the client. A request that failed so may or may not have been carried out; requests
 * that change state carry a client message ID so that a resend is safe.
 */
public final class ConnectionLostException extends ConnectionException {
    private final int closeCode;

    public ConnectionLostException(String message, int closeCode, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The WebSocket close code the server sent, or 0 when the transport failed without one. */
    public int closeCode() {
        return closeCode;
    }
}

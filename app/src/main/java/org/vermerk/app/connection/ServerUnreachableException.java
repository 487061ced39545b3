package org.vermerk.app.connection;

/** No WebSocket could be opened: refused, unknown host, no route, timeout, or not a Vermerk server. */
public final class ServerUnreachableException extends ConnectionException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

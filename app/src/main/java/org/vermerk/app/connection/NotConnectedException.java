package org.vermerk.app.connection;

/** The request was not sent: the connection is not online, or it was closed. */
public final class NotConnectedException extends ConnectionException {
    public NotConnectedException(String message) {
        super(message);
    }
}

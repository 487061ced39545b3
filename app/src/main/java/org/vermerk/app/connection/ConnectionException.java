package org.vermerk.app.connection;

/**
 * Base of every failure a connection reports. The subtypes are the failures a caller tells apart;
 * messages are one line for people and never contain keys, codes or message content.
 */
public class ConnectionException extends Exception {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.vermerk.app.connection;

/**
 * The TLS handshake failed: most often the server's certificate does not chain to a trusted CA
 * (the server's own CA given at enrolment, or the admin policy's {@code pinnedCaCertificates}).
 */
public final class TlsFailureException extends ConnectionException {
    public TlsFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}

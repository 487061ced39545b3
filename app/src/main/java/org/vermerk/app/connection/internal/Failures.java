package org.vermerk.app.connection.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Response;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionLostException;
import org.vermerk.app.connection.ServerUnreachableException;
import org.vermerk.app.connection.TlsFailureException;

/** Turns OkHttp's failure of a socket into the {@link ConnectionException} a caller can act on. */
final class Failures {
    private Failures() {}

    static ConnectionException classify(Throwable t, Response response, boolean opened, URI uri) {
        String server = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        SSLException tls = find(t, SSLException.class);
        if (tls != null) {
            boolean untrusted = tls instanceof SSLPeerUnverifiedException
                    || find(t, CertPathValidatorException.class) != null
                    || find(t, CertificateException.class) != null
                    || String.valueOf(tls.getMessage()).contains("PKIX");
            return new TlsFailureException(
                    untrusted
                            ? "TLS failure: the certificate of " + server
                                    + " is not trusted (it does not chain to the configured CA certificate)"
                            : "TLS failure with " + server + ": " + tls.getMessage(),
                    t);
        }
        if (response != null) {
            return new ServerUnreachableException(
                    "no Vermerk server at " + uri + " (HTTP " + response.code() + " instead of a WebSocket)", t);
        }
        if (!opened) {
            String why;
            if (find(t, UnknownHostException.class) != null) {
                why = "unknown host";
            } else if (find(t, ConnectException.class) != null) {
                why = "connection refused";
            } else if (find(t, NoRouteToHostException.class) != null) {
                why = "no route to host";
            } else if (find(t, SocketTimeoutException.class) != null) {
                why = "timed out";
            } else {
                why = t.getClass().getSimpleName();
            }
            return new ServerUnreachableException("cannot reach the server at " + server + ": " + why, t);
        }
        return new ConnectionLostException(
                "the connection to " + server + " dropped (" + t.getClass().getSimpleName() + ")", 0, t);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}

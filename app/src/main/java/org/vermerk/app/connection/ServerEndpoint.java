package org.vermerk.app.connection;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.vermerk.app.policy.ProxySetting;

/**
 * Where the delivery server is and whom to trust for it.
 *
 * @param serverUrl the server's {@code https://host:port[/prefix]} address; the WebSocket is at
 *     {@code wss://host:port[/prefix]/v1/ws}
 * @param trustedCas the only CA certificates the server's TLS chain may end in (the server's own
 *     CA from enrolment, or the admin policy's {@code pinnedCaCertificates}); empty means the
 *     operating system's trust store
 * @param proxy how to reach it (the admin policy's {@code proxy}); {@code pac} is treated as
 *     {@code system} until PAC evaluation exists
 */
public record ServerEndpoint(URI serverUrl, List<X509Certificate> trustedCas, ProxySetting proxy) {
    public static final String WEBSOCKET_PATH = "/v1/ws";

    public ServerEndpoint {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(proxy, "proxy");
        trustedCas = List.copyOf(trustedCas);
        if (!"https".equalsIgnoreCase(serverUrl.getScheme()) || serverUrl.getHost() == null) {
            throw new IllegalArgumentException("the server address must be https://host[:port], was " + serverUrl);
        }
    }

    /** The WebSocket address. */
    public URI webSocketUri() {
        String path = serverUrl.getRawPath() == null ? "" : serverUrl.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = serverUrl.getRawAuthority();
        return URI.create("wss://" + authority + path + WEBSOCKET_PATH);
    }

    @Override
    public String toString() {
        return serverUrl + " (" + (trustedCas.isEmpty() ? "system trust store" : trustedCas.size() + " pinned CA")
                + ", proxy " + proxy + ")";
    }
}

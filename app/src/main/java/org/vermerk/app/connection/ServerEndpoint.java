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

    /**
     * The server address a person typed, as this record wants it: the WebSocket address the server
     * prints ({@code wss://host:port/v1/ws}) becomes {@code https://host:port}; anything else is
     * returned as it is.
     */
    public static URI fromTyped(URI typed) {
        if (!"wss".equalsIgnoreCase(typed.getScheme()) || typed.getRawAuthority() == null) {
            return typed;
        }
        String path = typed.getRawPath() == null ? "" : typed.getRawPath();
        if (path.endsWith(WEBSOCKET_PATH)) {
            path = path.substring(0, path.length() - WEBSOCKET_PATH.length());
        }
        return URI.create("https://" + typed.getRawAuthority() + path);
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

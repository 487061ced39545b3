package org.vermerk.app.connection;

import org.vermerk.app.connection.internal.Transport;

/**
 * The way to one delivery server: OkHttp with TLS trust limited to the endpoint's CA certificates
 * and the policy's proxy, shared by every socket it opens. Thread-safe. Close the sessions and
 * connections it made before {@link #close()}.
 */
public final class Connector implements AutoCloseable {
    private final Transport transport;

    public Connector(ServerEndpoint endpoint, ConnectionOptions options) {
        this.transport = new Transport(endpoint, options);
    }

    public ServerEndpoint endpoint() {
        return transport.endpoint();
    }

    /**
     * Opens one socket, answers the challenge with {@code handshake} and waits for the server's
     * answer (at most twice the connect timeout).
     *
     * @throws ServerUnreachableException no socket could be opened
     * @throws TlsFailureException the server's certificate is not trusted
     * @throws ServerErrorException the handshake was refused ({@code auth_failed}, {@code enrolment_failed}, …)
     * @throws RequestTimeoutException no challenge or no answer in time
     * @throws ConnectionLostException the socket ended during the handshake
     */
    public Session open(Handshake handshake) throws ConnectionException, InterruptedException {
        return transport.openSession(handshake);
    }

    /**
     * Starts a lasting connection (state {@link ConnectionState.Connecting}); it reconnects by
     * itself until closed or refused for good. See {@link Connection} for the threading contract.
     */
    public Connection connect(Handshake handshake, DeliveryCursor cursor, ConnectionListener listener) {
        return transport.connect(handshake, cursor, listener);
    }

    /** The attachment routes of the same server, over the same TLS trust and proxy. */
    public BlobTransfer blobTransfer() {
        return new org.vermerk.app.connection.internal.HttpBlobTransfer(transport);
    }

    /** Stops the shared timer and OkHttp's threads. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }
}

package org.vermerk.app.connection.internal;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.vermerk.app.connection.Connection;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.ConnectionListener;
import org.vermerk.app.connection.ConnectionOptions;
import org.vermerk.app.connection.DeliveryCursor;
import org.vermerk.app.connection.Handshake;
import org.vermerk.app.connection.RequestTimeoutException;
import org.vermerk.app.connection.ServerEndpoint;
import org.vermerk.app.connection.Session;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireCodec;

/**
 * What the sockets to one server share: the OkHttp client (TLS trust and proxy from the {@link
 * ServerEndpoint}), the codec, request IDs and one timer thread (request timeouts, reconnect waits,
 * ack flushes). Thread-safe.
 */
public final class Transport implements AutoCloseable {
    private final ServerEndpoint endpoint;
    private final ConnectionOptions options;
    private final OkHttpClient client;
    private final ScheduledExecutorService timer;
    private final WireCodec codec = new WireCodec();
    private final AtomicLong ids = new AtomicLong();

    public Transport(ServerEndpoint endpoint, ConnectionOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(java.time.Duration.ZERO)
                .pingInterval(options.pingInterval())
                .retryOnConnectionFailure(false);
        TlsTrust.apply(builder, endpoint.trustedCas());
        Proxies.apply(builder, endpoint.proxy());
        this.client = builder.build();
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vermerk-connection-timer").daemon().factory());
    }

    public ServerEndpoint endpoint() {
        return endpoint;
    }

    ConnectionOptions options() {
        return options;
    }

    OkHttpClient client() {
        return client;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    WireCodec codec() {
        return codec;
    }

    URI webSocketUri() {
        return endpoint.webSocketUri();
    }

    String nextId() {
        return "c" + ids.incrementAndGet();
    }

    /** Opens one socket and waits for the handshake's answer. */
    public Session openSession(Handshake handshake) throws ConnectionException, InterruptedException {
        CompletableFuture<ServerFrame> ready = new CompletableFuture<>();
        Link link = new Link(this, handshake, new Link.Listener() {
            @Override
            public void ready(Link l, ServerFrame answer) {
                ready.complete(answer);
            }

            @Override
            public void event(Link l, ServerFrame event) {}

            @Override
            public void closed(Link l, ConnectionException cause) {
                ready.completeExceptionally(cause);
            }
        });
        link.start();
        long limit = options.connectTimeout().toMillis() * 2 + 1000;
        try {
            return new RealSession(link, ready.get(limit, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            link.close();
            if (e.getCause() instanceof ConnectionException c) {
                throw c;
            }
            throw new IllegalStateException("opening a session failed unexpectedly", e.getCause());
        } catch (TimeoutException e) {
            link.fail(new RequestTimeoutException("opening the connection", options.connectTimeout()), true);
            throw new RequestTimeoutException("opening the connection", options.connectTimeout());
        } catch (InterruptedException e) {
            link.close();
            throw e;
        }
    }

    /** Starts a lasting, reconnecting connection. */
    public Connection connect(Handshake handshake, DeliveryCursor cursor, ConnectionListener listener) {
        RealConnection connection = new RealConnection(this, handshake, cursor, listener);
        connection.start();
        return connection;
    }

    /** Stops the timer and OkHttp's threads; close the connections first. */
    @Override
    public void close() {
        timer.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

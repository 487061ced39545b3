package org.vermerk.server;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.wire.WireCodec;
import org.vermerk.server.auth.Challenges;
import org.vermerk.server.delivery.AttachmentTickets;
import org.vermerk.server.delivery.OnlineDevices;
import org.vermerk.server.delivery.RateLimiter;
import org.vermerk.server.delivery.RequestHandler;
import org.vermerk.server.http.AttachmentFiles;
import org.vermerk.server.http.HttpRoutes;
import org.vermerk.server.storage.SqliteDeliveryStore;
import org.vermerk.server.tls.LocalCertificateAuthority;
import org.vermerk.server.tls.TlsKeyStore;
import org.vermerk.server.ws.DeliveryEndpoint;
import org.vermerk.server.ws.RequestGate;

/**
 * The delivery server: Jetty over TLS with the WebSocket at {@code /v1/ws}, the health endpoint
 * and the attachment routes, on the SQLite store in the data directory. {@link #close()} shuts
 * down gracefully: no new requests, running ones finish and are answered, connections close
 * with 1001, then the store closes. Every accepted message was durable before it was answered,
 * so nothing is lost.
 */
public final class DeliveryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryServer.class);
    public static final String WEBSOCKET_PATH = "/v1/ws";

    private final Server jetty;
    private final ServerWebSocketContainer webSockets;
    private final SqliteDeliveryStore store;
    private final RequestGate gate;
    private final ScheduledExecutorService timers;
    private final Path caCertificate;
    private final ServerConfig config;
    private final InstantSource clock;

    private DeliveryServer(
            Server jetty,
            ServerWebSocketContainer webSockets,
            SqliteDeliveryStore store,
            RequestGate gate,
            ScheduledExecutorService timers,
            Path caCertificate,
            ServerConfig config,
            InstantSource clock) {
        this.jetty = jetty;
        this.webSockets = webSockets;
        this.store = store;
        this.gate = gate;
        this.timers = timers;
        this.caCertificate = caCertificate;
        this.config = config;
        this.clock = clock;
    }

    public static DeliveryServer start(ServerConfig config, InstantSource clock) throws Exception {
        SecureRandom random = new SecureRandom();
        DataDirectory data = DataDirectory.create(config.dataDirectory());
        LocalCertificateAuthority.TlsFiles tls = config.tlsCertificate() != null
                ? new LocalCertificateAuthority.TlsFiles(config.tlsCertificate(), config.tlsPrivateKey(), null)
                : LocalCertificateAuthority.ensure(data.tls(), random);
        byte[] password = new byte[16];
        random.nextBytes(password);
        TlsKeyStore keyStore = TlsKeyStore.load(
                tls.certificateChain(), tls.privateKey(), HexFormat.of().formatHex(password));

        SqliteDeliveryStore store = data.openStore();
        try {
            return start(config, clock, random, data, tls, keyStore, store);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    private static DeliveryServer start(
            ServerConfig config,
            InstantSource clock,
            SecureRandom random,
            DataDirectory data,
            LocalCertificateAuthority.TlsFiles tls,
            TlsKeyStore keyStore,
            SqliteDeliveryStore store)
            throws Exception {
        ServerConfig.Limits limits = config.limits();
        RequestGate gate = new RequestGate();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vermerk-timers").daemon().factory());
        OnlineDevices online = new OnlineDevices(limits.connectionsPerDevice());
        AttachmentTickets tickets = new AttachmentTickets(random, clock, config.attachmentTicketValidity());
        AttachmentFiles files = new AttachmentFiles(data.attachments(), random);
        RequestHandler handler = new RequestHandler(store, online, tickets, config, clock, random);
        DeliveryEndpoint.Shared shared = new DeliveryEndpoint.Shared(
                new WireCodec(),
                handler,
                store,
                online,
                new RateLimiter(limits.messagesPerSecond(), limits.burst(), clock),
                gate,
                timers,
                limits.authTimeout(),
                Math.max(3, limits.burst()));
        Challenges challenges = new Challenges(random);
        AtomicLong connectionIds = new AtomicLong();

        Server jetty = new Server(new QueuedThreadPool(200, 8, 60_000));
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore.keyStore());
        ssl.setKeyStorePassword(keyStore.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        ServerConnector connector =
                new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);

        WebSocketUpgradeHandler webSocket = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setMaxTextMessageSize(limits.maxFrameBytes());
            container.setMaxBinaryMessageSize(1024);
            container.setIdleTimeout(limits.idleTimeout());
            container.addMapping(
                    WEBSOCKET_PATH,
                    (request, response, callback) ->
                            new DeliveryEndpoint(shared, "c" + connectionIds.incrementAndGet(), challenges.next()));
        });
        webSocket.setHandler(new HttpRoutes(store, files, tickets, gate, limits.attachmentMaxBytes(), clock));
        jetty.setHandler(webSocket);
        jetty.setStopTimeout(5_000);
        jetty.start();

        RetentionSweeper sweeper = new RetentionSweeper(store, files, config.retention(), clock);
        long sweepMillis = config.retention().sweepInterval().toMillis();
        timers.scheduleWithFixedDelay(sweeper, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);

        DeliveryServer server = new DeliveryServer(
                jetty,
                webSocket.getServerWebSocketContainer(),
                store,
                gate,
                timers,
                tls.caCertificate(),
                config,
                clock);
        LOG.info("event=started url={} data={}", server.webSocketUri(), data.root());
        return server;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** {@code https://host:port}, the base of the health and attachment routes. */
    public URI baseUri() {
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public URI webSocketUri() {
        return URI.create(baseUri().toString().replaceFirst("^https", "wss") + WEBSOCKET_PATH);
    }

    /** The local CA's certificate clients must trust, or null when the certificate is configured. */
    public Path caCertificate() {
        return caCertificate;
    }

    @Override
    public void close() throws Exception {
        LOG.info("event=stopping");
        gate.closeAndDrain();
        for (Session open : webSockets.getOpenSessions()) {
            open.close(StatusCode.SHUTDOWN, "server shutting down", Callback.NOOP);
        }
        try {
            jetty.stop();
        } finally {
            timers.shutdownNow();
            store.close();
        }
        LOG.info("event=stopped");
    }

    /** Administration on the running server's store (the admin command opens the store itself). */
    public Administration administration() {
        return new Administration(store, new SecureRandom(), clock, config.enrolmentCodeValidity());
    }
}

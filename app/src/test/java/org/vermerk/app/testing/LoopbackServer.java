package org.vermerk.app.testing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/** The real delivery server on 127.0.0.1 with a free port and its generated CA, over a test's directory. */
public final class LoopbackServer implements AutoCloseable {
    private final Path data;
    private UnaryOperator<ServerConfig> configure;
    private DeliveryServer server;
    private int port;

    public LoopbackServer(Path data) throws Exception {
        this(data, c -> c);
    }

    public LoopbackServer(Path data, UnaryOperator<ServerConfig> configure) throws Exception {
        this.data = data;
        this.configure = configure;
        start(0);
    }

    private void start(int onPort) throws Exception {
        server =
                DeliveryServer.start(configure.apply(ServerConfig.defaults(data).withPort(onPort)), Clock.systemUTC());
        port = server.port();
    }

    /** A configuration with a rate limit high enough for tests that send in bursts. */
    public static ServerConfig generousLimits(ServerConfig config) {
        ServerConfig.Limits l = config.limits();
        return config.withLimits(new ServerConfig.Limits(
                l.maxFrameBytes(),
                1000,
                1000,
                l.connectionsPerDevice(),
                l.authTimeout(),
                l.idleTimeout(),
                l.attachmentMaxBytes()));
    }

    /** Stops gracefully (clients see 1001) and starts again on the same port and data. */
    public void restart() throws Exception {
        server.close();
        start(port);
    }

    /** Stops gracefully and starts again on the same port and data with another configuration. */
    public void restart(UnaryOperator<ServerConfig> reconfigure) throws Exception {
        server.close();
        configure = reconfigure;
        start(port);
    }

    public void stop() throws Exception {
        server.close();
    }

    public void startAgain() throws Exception {
        start(port);
    }

    public int port() {
        return port;
    }

    /** {@code https://127.0.0.1:PORT} */
    public java.net.URI url() {
        return java.net.URI.create("https://127.0.0.1:" + port);
    }

    public Path caFile() {
        return server.caCertificate();
    }

    public List<X509Certificate> ca() throws Exception {
        return CaCertificates.read(caFile());
    }

    public DeliveryServer server() {
        return server;
    }

    /** A new user; returns the enrolment code. */
    public String addUser(String userId) throws Exception {
        return server.administration().addUser(userId, userId);
    }

    public String newCode(String userId) {
        return server.administration().newEnrolmentCode(userId);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}

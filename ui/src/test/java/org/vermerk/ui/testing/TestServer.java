package org.vermerk.ui.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.connection.ConnectionOptions;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/** The real delivery server on loopback for UI tests, and account options that make tests quick. */
public final class TestServer implements AutoCloseable {
    private final Path data;
    private DeliveryServer server;

    /** The port chosen at the first start; kept across {@link #restart()}. */
    private final int port;

    public TestServer(Path data) throws Exception {
        this.data = data;
        server = DeliveryServer.start(ServerConfig.defaults(data).withPort(0), Clock.systemUTC());
        port = server.port();
    }

    /** Stops the server (clients lose their connection and reconnect with backoff). */
    public void stop() throws Exception {
        server.close();
    }

    /** Starts it again on the same port with the same data (after {@link #stop()}). */
    public void restart() throws Exception {
        server = DeliveryServer.start(ServerConfig.defaults(data).withPort(port), Clock.systemUTC());
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    public Path caFile() {
        return server.caCertificate();
    }

    /** A new user; returns the one-time enrolment code. */
    public String addUser(String userId) throws Exception {
        return server.administration().addUser(userId, userId);
    }

    /** A new user with a display name for the directory; returns the one-time enrolment code. (people) */
    public String addUser(String userId, String displayName) throws Exception {
        return server.administration().addUser(userId, displayName);
    }

    /** Another one-time code for an existing user (a further device). (people) */
    public String newCode(String userId) {
        return server.administration().newEnrolmentCode(userId);
    }

    /** Cheap key derivation, short backoff, few KeyPackages: the product's logic, quicker. */
    public static AccountOptions quickOptions() {
        return AccountOptions.defaults()
                .withKeystore(KeystoreOptions.defaults().withKdf(new Argon2Params(512, 1, 1)))
                .withConnection(ConnectionOptions.defaults()
                        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .withKeyPackages(6, 4);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}

package org.vermerk.server.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.vermerk.server.Administration;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/**
 * A real delivery server on 127.0.0.1 with a free port, TLS from the generated local CA, over a
 * test's data directory; and an OkHttp client that trusts exactly that CA.
 */
public final class TestServer implements AutoCloseable {
    private final Path dataDirectory;
    private final UnaryOperator<ServerConfig> configure;
    private DeliveryServer server;
    private int port;
    private OkHttpClient http;

    public TestServer(Path dataDirectory) throws Exception {
        this(dataDirectory, config -> config);
    }

    public TestServer(Path dataDirectory, UnaryOperator<ServerConfig> configure) throws Exception {
        this.dataDirectory = dataDirectory;
        this.configure = configure;
        start(0);
    }

    private void start(int onPort) throws Exception {
        ServerConfig config =
                configure.apply(ServerConfig.defaults(dataDirectory).withPort(onPort));
        server = DeliveryServer.start(config, Clock.systemUTC());
        port = server.port();
        http = httpClient(server.caCertificate());
    }

    /** Stops gracefully and starts again on the same port and data directory. */
    public void restart() throws Exception {
        server.close();
        start(port);
    }

    public DeliveryServer server() {
        return server;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public OkHttpClient http() {
        return http;
    }

    /** Runs an admin action on the server's own store, as the admin command does when it is stopped. */
    public String addUser(String userId, String name) throws Exception {
        return administration().addUser(userId, name);
    }

    public String newCode(String userId) {
        return administration().newEnrolmentCode(userId);
    }

    private Administration administration() {
        return server.administration();
    }

    public TestClient connect() throws InterruptedException {
        return TestClient.connect(http, server.webSocketUri().toString());
    }

    /** A new user with one enrolled, authenticated device. */
    public TestClient enrolledDevice(String userId) throws Exception {
        String code;
        try {
            code = addUser(userId, userId);
        } catch (Administration.UserExists e) {
            code = newCode(userId);
        }
        TestClient client = connect();
        client.enrol(userId, code);
        return client;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    static OkHttpClient httpClient(Path caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            trust.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, new SecureRandom());
        return new OkHttpClient.Builder()
                .sslSocketFactory(context.getSocketFactory(), trustManager)
                .callTimeout(java.time.Duration.ofSeconds(20))
                .build();
    }
}

package org.vermerk.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vermerk server}: runs the delivery server until it is stopped (Ctrl+C, SIGTERM). */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the on-premises delivery server (and its admin commands).",
            "A TLS WebSocket endpoint that orders and delivers end-to-end encrypted MLS messages,",
            "never seeing plaintext.",
            "On an empty data directory without a configured certificate it creates a local CA",
            "and a certificate for localhost and 127.0.0.1, and prints where the CA certificate is.",
            "Settings come from DATA/server.properties (or --config); see docs/ARCHITECTURE.md.",
            "Stops gracefully on Ctrl+C or SIGTERM; nothing accepted is lost."
        },
        subcommands = {AdminCommand.class})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (database, TLS, attachments).")
    Path data;

    @Option(names = "--port", paramLabel = "N", description = "The TLS port (default 8443; 0 picks a free one).")
    Integer port;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file instead of DATA/server.properties.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (data == null && config == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--data=DIR'");
        }
        ServerConfig settings = ServerConfig.load(data, config);
        if (port != null) {
            settings = settings.withPort(port);
        }
        DeliveryServer server = DeliveryServer.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // The log has the details; nothing more to do while the JVM exits.
            } finally {
                stopped.countDown();
            }
        }));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Vermerk server listening on " + server.webSocketUri());
        out.println("Health: " + server.baseUri() + "/health");
        if (server.caCertificate() != null) {
            out.println("CA certificate (clients must trust it): " + server.caCertificate());
        }
        out.flush();
        stopped.await();
        return 0;
    }
}

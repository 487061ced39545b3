package org.vermerk.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's settings, read from a Java properties file ({@code server.properties} in the data
 * directory unless another is named). Every key is optional; absent keys take the defaults below.
 * Durations are ISO-8601 ({@code P30D}, {@code PT10S}). Unknown keys are an error, so a typo is
 * not silently ignored.
 *
 * <pre>
 * host=127.0.0.1                 # bind address; 0.0.0.0 for all interfaces
 * port=8443                      # 0 picks a free port
 * tls.certificate=/etc/...pem    # PEM chain from the authority's CA; absent: a local CA
 * tls.privateKey=/etc/...pem     # PEM (PKCS#8 or traditional) key of that certificate
 * limits.maxFrameBytes=262144
 * limits.messagesPerSecond=20
 * limits.burst=40
 * limits.connectionsPerDevice=4
 * limits.authTimeout=PT30S
 * limits.idleTimeout=PT5M
 * limits.attachmentMaxBytes=26214400
 * retention.messages=P30D        # undelivered messages and the group logs
 * retention.attachments=P30D
 * retention.sweepInterval=PT1H
 * keyPackages.lowWatermark=10
 * enrolment.codeValidity=P7D
 * attachments.ticketValidity=PT10M
 * </pre>
 */
public record ServerConfig(
        Path dataDirectory,
        String host,
        int port,
        Path tlsCertificate,
        Path tlsPrivateKey,
        Limits limits,
        Retention retention,
        int keyPackageLowWatermark,
        Duration enrolmentCodeValidity,
        Duration attachmentTicketValidity) {

    public record Limits(
            int maxFrameBytes,
            double messagesPerSecond,
            int burst,
            int connectionsPerDevice,
            Duration authTimeout,
            Duration idleTimeout,
            long attachmentMaxBytes) {}

    public record Retention(Duration messages, Duration attachments, Duration sweepInterval) {}

    public static final String FILE_NAME = "server.properties";

    private static final Set<String> KEYS = Set.of(
            "host",
            "port",
            "data",
            "tls.certificate",
            "tls.privateKey",
            "limits.maxFrameBytes",
            "limits.messagesPerSecond",
            "limits.burst",
            "limits.connectionsPerDevice",
            "limits.authTimeout",
            "limits.idleTimeout",
            "limits.attachmentMaxBytes",
            "retention.messages",
            "retention.attachments",
            "retention.sweepInterval",
            "keyPackages.lowWatermark",
            "enrolment.codeValidity",
            "attachments.ticketValidity");

    public ServerConfig {
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw new IllegalArgumentException("tls.certificate and tls.privateKey go together");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
    }

    /** The defaults for a data directory. */
    public static ServerConfig defaults(Path dataDirectory) {
        return from(dataDirectory, new Properties());
    }

    /**
     * Reads {@code configFile} if given, else {@code dataDirectory/server.properties} if it
     * exists. {@code dataDirectory} (from the command line) wins over the file's {@code data}.
     */
    public static ServerConfig load(Path dataDirectory, Path configFile) throws IOException {
        Path file = configFile != null ? configFile : dataDirectory == null ? null : dataDirectory.resolve(FILE_NAME);
        Properties properties = new Properties();
        if (file != null && (configFile != null || Files.exists(file))) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Path data = dataDirectory;
        if (data == null) {
            String fromFile = properties.getProperty("data");
            if (fromFile == null) {
                throw new IllegalArgumentException("no data directory: give --data or set data= in the config file");
            }
            data = Path.of(fromFile);
        }
        return from(data, properties);
    }

    static ServerConfig from(Path dataDirectory, Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration keys: " + unknown);
        }
        Values values = new Values(properties);
        return new ServerConfig(
                dataDirectory.toAbsolutePath(),
                values.text("host", "127.0.0.1"),
                values.integer("port", 8443),
                values.path("tls.certificate"),
                values.path("tls.privateKey"),
                new Limits(
                        values.integer("limits.maxFrameBytes", 256 * 1024),
                        values.decimal("limits.messagesPerSecond", 20),
                        values.integer("limits.burst", 40),
                        values.integer("limits.connectionsPerDevice", 4),
                        values.duration("limits.authTimeout", Duration.ofSeconds(30)),
                        values.duration("limits.idleTimeout", Duration.ofMinutes(5)),
                        values.integer("limits.attachmentMaxBytes", 25 * 1024 * 1024)),
                new Retention(
                        values.duration("retention.messages", Duration.ofDays(30)),
                        values.duration("retention.attachments", Duration.ofDays(30)),
                        values.duration("retention.sweepInterval", Duration.ofHours(1))),
                values.integer("keyPackages.lowWatermark", 10),
                values.duration("enrolment.codeValidity", Duration.ofDays(7)),
                values.duration("attachments.ticketValidity", Duration.ofMinutes(10)));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                dataDirectory,
                host,
                newPort,
                tlsCertificate,
                tlsPrivateKey,
                limits,
                retention,
                keyPackageLowWatermark,
                enrolmentCodeValidity,
                attachmentTicketValidity);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(
                dataDirectory,
                host,
                port,
                tlsCertificate,
                tlsPrivateKey,
                newLimits,
                retention,
                keyPackageLowWatermark,
                enrolmentCodeValidity,
                attachmentTicketValidity);
    }

    public ServerConfig withKeyPackageLowWatermark(int watermark) {
        return new ServerConfig(
                dataDirectory,
                host,
                port,
                tlsCertificate,
                tlsPrivateKey,
                limits,
                retention,
                watermark,
                enrolmentCodeValidity,
                attachmentTicketValidity);
    }

    private record Values(Properties properties) {
        String text(String key, String fallback) {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        Path path(String key) {
            String value = text(key, null);
            return value == null ? null : Path.of(value);
        }

        int integer(String key, int fallback) {
            String value = text(key, null);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number");
            }
        }

        double decimal(String key, double fallback) {
            String value = text(key, null);
            try {
                return value == null ? fallback : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number");
            }
        }

        Duration duration(String key, Duration fallback) {
            String value = text(key, null);
            try {
                return value == null ? fallback : Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P30D or PT10S");
            }
        }
    }
}

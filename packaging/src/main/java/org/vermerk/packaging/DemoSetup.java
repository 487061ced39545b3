package org.vermerk.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountAccess;
import org.vermerk.app.account.AccountOptions;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.server.Administration;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/**
 * What {@code vermerk demo} prepares before its windows open, in one data directory that the next
 * run reuses: a delivery server ({@code DIR/server}), two users enrolled with a device each ({@code
 * DIR/anna}, {@code DIR/ben}) whose passphrases are generated once and kept only in {@code
 * DIR/passphrases.properties} (owner-only), and a 1:1 conversation between them with a first
 * message. Uses the server's and the engine's APIs in this process, as {@code server admin
 * add-user} and {@code cli enrol} do.
 */
final class DemoSetup implements AutoCloseable {
    /** A demo user: user ID, display name and the home directory's name. */
    record DemoUser(String userId, String name, String home) {}

    static final DemoUser ANNA = new DemoUser("anna.schmidt@demo.example", "Anna Schmidt", "anna");
    static final DemoUser BEN = new DemoUser("ben.weber@demo.example", "Ben Weber", "ben");
    static final String FIRST_MESSAGE =
            "Guten Morgen, Herr Weber! Das ist die Vermerk-Demo: schreiben Sie mir einfach zurück.";

    private final Path directory;
    private final DeliveryServer server;
    private final List<Account> accounts = new ArrayList<>();

    /** Anna's and Ben's conversation; set by {@link #start}. */
    private String conversationId;

    private DemoSetup(Path directory, DeliveryServer server) {
        this.directory = directory;
        this.server = server;
    }

    /**
     * Starts the server and opens (enrolling on the first run) both accounts.
     *
     * @param port the server's port; the same on every run, as the clients keep its address
     */
    static DemoSetup start(Path directory, int port, AccountOptions options) throws Exception {
        Files.createDirectories(directory);
        Path serverData = directory.resolve("server");
        DeliveryServer server =
                DeliveryServer.start(ServerConfig.load(serverData, null).withPort(port), Clock.systemUTC());
        DemoSetup setup = new DemoSetup(directory, server);
        try {
            Properties passphrases = setup.passphrases();
            EffectiveSettings settings = EffectiveSettings.resolve(
                    AdminPolicy.none(directory.resolve("no-policy.json")), new InMemoryUserSettings());
            for (DemoUser user : List.of(ANNA, BEN)) {
                setup.accounts.add(setup.open(user, passphrases.getProperty(user.home()), settings, options));
            }
            setup.startConversation();
        } catch (Exception | Error e) {
            setup.close();
            throw e;
        }
        return setup;
    }

    Path directory() {
        return directory;
    }

    URI serverUrl() {
        return URI.create("https://127.0.0.1:" + server.port());
    }

    Path passphraseFile() {
        return directory.resolve("passphrases.properties");
    }

    /** Anna's and Ben's open accounts, in this order. */
    List<Account> accounts() {
        return List.copyOf(accounts);
    }

    /** Hands the open accounts to their windows, which close them from now on; {@link #close()} no longer does. */
    List<Account> handOver() {
        List<Account> handed = List.copyOf(accounts);
        accounts.clear();
        return handed;
    }

    /** The demo passphrases: read, or made and written (owner-only) on the first run. */
    private Properties passphrases() throws IOException {
        Path file = passphraseFile();
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return p;
        }
        SecureRandom random = new SecureRandom();
        for (DemoUser user : List.of(ANNA, BEN)) {
            p.setProperty(user.home(), randomPassphrase(random));
        }
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's profile directory is private already.
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "vermerk demo: the demo users' passphrases (demo data only)");
        }
        return p;
    }

    private static String randomPassphrase(SecureRandom random) {
        String letters = "abcdefghijkmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder("demo");
        for (int word = 0; word < 4; word++) {
            out.append('-');
            for (int i = 0; i < 5; i++) {
                out.append(letters.charAt(random.nextInt(letters.length())));
            }
        }
        return out.toString();
    }

    private Account open(DemoUser user, String passphrase, EffectiveSettings settings, AccountOptions options)
            throws Exception {
        if (passphrase == null) {
            throw new IOException("no passphrase for " + user.home() + " in " + passphraseFile());
        }
        AccountAccess access = new AccountAccess(new ClientHome(directory.resolve(user.home())), options);
        if (access.hasAccount()) {
            return access.unlock(passphrase.toCharArray(), settings);
        }
        Administration admin = server.administration();
        String code;
        try {
            code = admin.addUser(user.userId(), user.name());
        } catch (Administration.UserExists e) {
            code = admin.newEnrolmentCode(user.userId()); // the last run stopped before enrolling
        }
        return access.enrol(
                passphrase.toCharArray(),
                new Account.Enrolment(
                        ServerSettings.forEnrolment(
                                settings, Optional.of(serverUrl()), CaCertificates.read(server.caCertificate())),
                        user.userId(),
                        code,
                        "Demo " + user.name()),
                settings);
    }

    /** Anna starts the 1:1 conversation with Ben and greets him, once; later runs find it again. */
    private void startConversation() throws Exception {
        Account anna = accounts.getFirst();
        try (ConversationEngine engine = ConversationEngine.start(anna, new ConversationListener() {})) {
            if (!engine.conversations().isEmpty()) {
                conversationId = engine.conversations().getFirst().id();
                return;
            }
            String id = engine.direct(BEN.userId());
            engine.sendText(id, FIRST_MESSAGE);
            engine.awaitOutboxEmpty(Duration.ofSeconds(20));
            conversationId = id;
        }
    }

    /** The demo's conversation, which both windows open at start (Ben's as soon as he has joined). */
    String conversationId() {
        return conversationId;
    }

    /** Closes the accounts and stops the server. Idempotent. */
    @Override
    public void close() throws Exception {
        for (Account account : accounts) {
            account.close();
        }
        accounts.clear();
        try {
            server.close();
        } catch (java.util.concurrent.TimeoutException e) {
            // Jetty stopped, but a client's connection did not finish its close handshake within
            // the server's stop timeout; the demo is ending either way.
        }
    }
}

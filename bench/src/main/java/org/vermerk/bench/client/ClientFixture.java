package org.vermerk.bench.client;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
import org.vermerk.keystore.Message;
import org.vermerk.keystore.Transition;
import org.vermerk.server.DeliveryServer;
import org.vermerk.server.ServerConfig;

/**
 * What the measured client opens: the real delivery server (in this JVM, default configuration, on
 * a free port) and a client home enrolled there like any official's, with the product's default
 * Argon2id parameters. Its user has 1:1 conversations with three colleagues and one group, all made
 * by the real engine (MLS groups on the server, a first text in each), and one of the 1:1
 * conversations holds the long history: {@link ConversationHistory}'s messages written through the
 * keystore's transition API, as the engine writes received messages, in transactions of 1,000.
 * The newest {@value #UNREAD} texts of the other person are left unread.
 *
 * <p>The server keeps running until {@link #close()}, so the client connects and syncs as it
 * would in an office; the account is closed before the client starts (the store allows one owner).
 */
final class ClientFixture implements AutoCloseable {
    static final String OWN_USER = "ute.bench@bench.example";
    static final String PARTNER = "paul.partner@bench.example";
    static final List<String> COLLEAGUES = List.of("clara.kollegin@bench.example", "dirk.kollege@bench.example");

    /** Texts of the other person left unread in the long conversation, as after a day away. */
    static final int UNREAD = 20;

    private static final int BATCH = 1_000;

    private final Path directory;
    private final DeliveryServer server;
    private final char[] passphrase;
    private String conversationId;
    private String oldestMessageId;

    private ClientFixture(Path directory, DeliveryServer server, char[] passphrase) {
        this.directory = directory;
        this.server = server;
        this.passphrase = passphrase;
    }

    /** Starts the server and prepares the home in {@code directory} (fresh, or created). */
    static ClientFixture prepare(Path directory, int messages, PrintStream log) throws Exception {
        Files.createDirectories(directory);
        DeliveryServer server = DeliveryServer.start(
                ServerConfig.defaults(directory.resolve("server")).withPort(0), Clock.systemUTC());
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        ClientFixture fixture =
                new ClientFixture(directory, server, ("bench-" + HexFormat.of().formatHex(random)).toCharArray());
        try {
            fixture.fill(messages, log);
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    Path home() {
        return directory.resolve("ute");
    }

    /** The passphrase, as a fresh copy (the caller wipes it). */
    char[] passphrase() {
        return passphrase.clone();
    }

    String conversationId() {
        return conversationId;
    }

    String oldestMessageId() {
        return oldestMessageId;
    }

    private void fill(int messages, PrintStream log) throws Exception {
        EffectiveSettings settings = EffectiveSettings.resolve(
                AdminPolicy.none(directory.resolve("no-policy.json")), new InMemoryUserSettings());
        List<String> others = new ArrayList<>();
        others.add(PARTNER);
        others.addAll(COLLEAGUES);
        for (String other : others) {
            String name = other.substring(0, other.indexOf('@'));
            enrol(directory.resolve(name), other, settings).close(); // publishes its KeyPackages
        }
        try (Account own = enrol(home(), OWN_USER, settings)) {
            String group;
            try (ConversationEngine engine = ConversationEngine.start(own, new ConversationListener() {})) {
                conversationId = engine.direct(PARTNER);
                for (String colleague : COLLEAGUES) {
                    engine.sendText(engine.direct(colleague), "Kurze Frage zum Termin morgen: passt 10 Uhr?");
                }
                group = engine.createGroup("Referat Z 3", others);
                engine.sendText(group, "Die Vorlage ist abgestimmt, danke an alle.");
                if (!engine.awaitOutboxEmpty(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the server did not take the first messages within 60 s");
                }
            }
            List<Message> before = own.keystore().messages().page(conversationId, null, 10);
            Instant newest = Instant.now().minus(Duration.ofMinutes(1));
            ConversationHistory history = new ConversationHistory(
                    conversationId,
                    OWN_USER,
                    own.deviceId(),
                    PARTNER,
                    "bench-partner-device",
                    ConversationHistory.firstFor(newest, messages),
                    6L);
            long started = System.nanoTime();
            String lastOwn = null;
            List<Message> tail = List.of();
            while (history.made() < messages) {
                List<Message> batch = history.next(Math.min(BATCH, messages - history.made()));
                if (oldestMessageId == null) {
                    oldestMessageId = before.isEmpty()
                            ? batch.getFirst().id()
                            : before.getFirst().id();
                }
                Transition.Builder t = Transition.forConversation(conversationId);
                batch.forEach(t::addMessage);
                own.keystore().apply(t.build());
                tail = batch;
            }
            log.printf("prepared %,d messages in %.1f s%n", history.made(), (System.nanoTime() - started) / 1e9);
            // The read marker: on the message before the last UNREAD texts of the other person.
            int unread = 0;
            for (int i = tail.size() - 1; i >= 0; i--) {
                Message m = tail.get(i);
                if (m.senderUserId().equals(PARTNER) && ++unread > UNREAD) {
                    lastOwn = m.id();
                    break;
                }
            }
            if (lastOwn != null) {
                try (ConversationEngine engine = ConversationEngine.start(own, new ConversationListener() {})) {
                    engine.markShown(conversationId, lastOwn);
                }
            }
        }
    }

    private Account enrol(Path home, String userId, EffectiveSettings settings) throws Exception {
        String code = server.administration().addUser(userId, displayName(userId));
        return new AccountAccess(new ClientHome(home), AccountOptions.defaults())
                .enrol(
                        userId.equals(OWN_USER) ? passphrase() : ("peer-" + userId).toCharArray(),
                        new Account.Enrolment(
                                ServerSettings.forEnrolment(
                                        settings,
                                        Optional.of(server.baseUri()),
                                        CaCertificates.read(server.caCertificate())),
                                userId,
                                code,
                                "Bench " + displayName(userId)),
                        settings);
    }

    private static String displayName(String userId) {
        String[] parts = userId.substring(0, userId.indexOf('@')).split("\\.");
        return Character.toUpperCase(parts[0].charAt(0)) + parts[0].substring(1) + " "
                + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    /** Stops the server; the directory is the caller's. */
    @Override
    public void close() throws Exception {
        java.util.Arrays.fill(passphrase, '\0');
        try {
            server.close();
        } catch (java.util.concurrent.TimeoutException e) {
            // A client's close handshake did not finish within the stop timeout; the run is over.
        }
    }
}

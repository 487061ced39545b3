package org.vermerk.app.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Message;

/**
 * One real client for integration tests: its own encrypted store (account) and a running {@link
 * ConversationEngine}; records every message its listener reports from other users, in order.
 */
public final class EngineClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);

    public final String userId;
    public final Path home;

    /** Messages of other users, in the order the listener reported them. */
    public final List<Message> received = new CopyOnWriteArrayList<>();

    /** What the listener reported as rejected: conversation, log index and reason, in order. */
    public final List<Rejected> rejected = new CopyOnWriteArrayList<>();

    public record Rejected(String conversationId, Long logIndex, String reason) {}

    private Account account;
    private ConversationEngine engine;

    private EngineClient(String userId, Path home, Account account) {
        this.userId = userId;
        this.home = home;
        this.account = account;
        start();
    }

    /** Adds the user at the server and enrols a device at {@code url} (the server's, or a proxy's). */
    public static EngineClient enrol(LoopbackServer server, URI url, Path home, String userId) throws Exception {
        return new EngineClient(userId, home, TestAccounts.enrolVia(server, url, home, userId, server.addUser(userId)));
    }

    public static EngineClient enrol(LoopbackServer server, Path home, String userId) throws Exception {
        return enrol(server, server.url(), home, userId);
    }

    /** Enrols another device of an existing user (a new enrolment code from the server's administration). */
    public static EngineClient enrolDevice(LoopbackServer server, Path home, String userId) throws Exception {
        return new EngineClient(userId, home, TestAccounts.enrol(server, home, userId, server.newCode(userId)));
    }

    private void start() {
        engine = ConversationEngine.start(account, new ConversationListener() {
            @Override
            public void onMessage(Message message) {
                if (!message.senderUserId().equals(userId)) {
                    received.add(message);
                }
            }

            @Override
            public void onMessageRejected(String conversationId, Long logIndex, String reason) {
                rejected.add(new Rejected(conversationId, logIndex, reason));
            }
        });
    }

    public ConversationEngine engine() {
        return engine;
    }

    public Account account() {
        return account;
    }

    /** Closes engine and account (the process would end here). */
    public void goOffline() {
        engine.close();
        account.close();
        engine = null;
    }

    /** Unlocks the store again and starts a new engine. */
    public void comeBack() throws Exception {
        account = Account.unlock(
                new ClientHome(home), TestAccounts.passphrase(), TestAccounts.noPolicy(), TestAccounts.options());
        start();
    }

    /** The texts received in a conversation, in arrival order. */
    public List<String> texts(String conversationId) {
        return received.stream()
                .filter(m -> m.conversationId().equals(conversationId))
                .map(Message::searchText)
                .filter(t -> t != null)
                .toList();
    }

    public Message stored(String messageId) throws KeystoreException {
        return account.keystore().messages().find(messageId).orElseThrow();
    }

    public void awaitTexts(String conversationId, int count) throws InterruptedException {
        await(() -> texts(conversationId).size() >= count, userId + " receives " + count + " texts");
    }

    /** Waits until {@code condition} holds (exceptions count as "not yet"); fails after {@link #WAIT}. */
    public static void await(ThrowingCondition condition, String what) throws InterruptedException {
        await(condition, what, WAIT);
    }

    public static void await(ThrowingCondition condition, String what, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        BooleanSupplier safe = () -> {
            try {
                return condition.holds();
            } catch (Exception e) {
                return false;
            }
        };
        while (!safe.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @FunctionalInterface
    public interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
            account.close();
            engine = null;
        }
    }
}

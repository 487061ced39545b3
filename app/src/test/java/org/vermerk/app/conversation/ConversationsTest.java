package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.ClientHome;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;

/**
 * Conversations end to end: the real server on loopback and real clients, each with its own
 * encrypted store, exchanging MLS-encrypted messages.
 */
class ConversationsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    /** One client: account, engine and what its listener saw. */
    final class Client implements AutoCloseable {
        final String userId;
        final Path home;
        Account account;
        ConversationEngine engine;
        final List<Message> received = new CopyOnWriteArrayList<>();
        final List<String> removedFrom = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();

        Client(String userId, String code) throws Exception {
            this.userId = userId;
            this.home = dir.resolve(userId);
            this.account = TestAccounts.enrol(server, home, userId, code);
            start();
            open.add(this);
        }

        void start() {
            engine = ConversationEngine.start(account, new ConversationListener() {
                @Override
                public void onMessage(Message message) {
                    if (!message.senderUserId().equals(userId)) {
                        received.add(message);
                    }
                }

                @Override
                public void onDeliveryState(String conversationId, String messageId, DeliveryState state) {
                    if (state == DeliveryState.SENT) {
                        sent.add(messageId);
                    }
                }

                @Override
                public void onRemoved(String conversationId) {
                    removedFrom.add(conversationId);
                }
            });
        }

        /** Goes offline: engine and account closed. */
        void goOffline() {
            engine.close();
            account.close();
            engine = null;
        }

        void comeBack() throws Exception {
            account = Account.unlock(
                    new ClientHome(home), TestAccounts.passphrase(), TestAccounts.noPolicy(), TestAccounts.options());
            start();
        }

        List<String> texts(String conversationId) {
            return received.stream()
                    .filter(m -> m.conversationId().equals(conversationId))
                    .map(m -> m.searchText())
                    .filter(t -> t != null)
                    .toList();
        }

        void awaitTexts(String conversationId, int count) throws InterruptedException {
            awaitTrue(() -> texts(conversationId).size() >= count, userId + " receives " + count + " texts");
        }

        @Override
        public void close() {
            if (engine != null) {
                engine.close();
                account.close();
            }
        }
    }

    private Client client(String userId) throws Exception {
        return new Client(userId, server.addUser(userId));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void oneToOneBothWaysWithTheSameConversationFoundAgainAndStatesSent() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");

        String id = anna.engine.direct(ben.userId);
        Message hello = anna.engine.sendText(id, "Guten Tag, Ben");
        assertThat(hello.deliveryState()).isEqualTo(DeliveryState.PENDING);
        ben.awaitTexts(id, 1);
        Message got = ben.received.getFirst();
        assertThat(got.id()).isEqualTo(hello.id());
        assertThat(got.senderUserId()).isEqualTo(anna.userId);
        assertThat(got.serverSeq()).isNotNull();
        awaitTrue(() -> anna.sent.contains(hello.id()), "anna's message is SENT");

        assertThat(ben.engine.direct(anna.userId)).as("found, not created").isEqualTo(id);
        assertThat(anna.engine.direct(ben.userId)).isEqualTo(id);
        Conversation conversation = ben.engine.conversation(id).orElseThrow();
        assertThat(conversation.kind()).isEqualTo(Conversation.Kind.DIRECT);
        ben.engine.sendText(id, "Hallo Anna");
        anna.awaitTexts(id, 1);
        assertThat(anna.texts(id)).containsExactly("Hallo Anna");
        assertThat(anna.engine.members(id))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(anna.userId, ben.userId);

        // structured content: a reply, an edit, a read receipt
        Message reply = anna.engine.reply(id, got.id(), "Antwort");
        ben.awaitTexts(id, 2);
        assertThat(ben.received.get(1).content()).contains("\"replyTo\":\"" + hello.id() + "\"");
        anna.engine.edit(id, reply.id(), "Antwort (korrigiert)");
        awaitTrue(
                () -> {
                    try {
                        return ben.account
                                .keystore()
                                .messages()
                                .find(reply.id())
                                .orElseThrow()
                                .searchText()
                                .equals("Antwort (korrigiert)");
                    } catch (Exception e) {
                        return false;
                    }
                },
                "ben sees the edit");
        ben.engine.markRead(id, List.of(hello.id()));
        awaitTrue(
                () -> {
                    try {
                        return anna.account
                                        .keystore()
                                        .messages()
                                        .find(hello.id())
                                        .orElseThrow()
                                        .deliveryState()
                                == DeliveryState.READ;
                    } catch (Exception e) {
                        return false;
                    }
                },
                "anna's message is READ");
    }

    @Test
    void groupOfThreeAndAnOfflineMemberGetsEverythingInOrderOnReconnect() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        Client cara = client("cara@bmi.example");

        String id = anna.engine.createGroup("Referat 3", List.of(ben.userId, cara.userId));
        anna.engine.sendText(id, "erste");
        ben.awaitTexts(id, 1);
        cara.awaitTexts(id, 1);
        awaitTrue(
                () -> {
                    try {
                        return ben.engine.conversation(id).orElseThrow().title().equals("Referat 3");
                    } catch (Exception e) {
                        return false;
                    }
                },
                "ben knows the title");

        cara.goOffline();
        for (int i = 0; i < 10; i++) {
            anna.engine.sendText(id, "anna " + i);
            ben.engine.sendText(id, "ben " + i);
        }
        assertThat(anna.engine.awaitOutboxEmpty(WAIT)).isTrue();
        assertThat(ben.engine.awaitOutboxEmpty(WAIT)).isTrue();
        cara.comeBack();
        cara.awaitTexts(id, 21);
        List<String> texts = cara.texts(id);
        assertThat(texts.stream().filter(t -> t.startsWith("anna ")))
                .containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).stream()
                        .map(i -> "anna " + i)
                        .toArray(String[]::new));
        assertThat(texts.stream().filter(t -> t.startsWith("ben ")))
                .containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).stream()
                        .map(i -> "ben " + i)
                        .toArray(String[]::new));
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(cara.engine.members(id))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(anna.userId, ben.userId, cara.userId);
    }

    @Test
    void twoMembersCommittingAtOnceOneWinsTheOtherRetriesAndNobodyForks() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        Client dora = client("dora@bmi.example");
        Client emil = client("emil@bmi.example");
        String id = anna.engine.createGroup("Lage", List.of(ben.userId));
        awaitTrue(
                () -> {
                    try {
                        return ben.engine.conversation(id).isPresent();
                    } catch (Exception e) {
                        return false;
                    }
                },
                "ben joined");

        CompletableFuture<Void> addA =
                CompletableFuture.runAsync(() -> unchecked(() -> anna.engine.addMembers(id, List.of(dora.userId))));
        CompletableFuture<Void> addB =
                CompletableFuture.runAsync(() -> unchecked(() -> ben.engine.addMembers(id, List.of(emil.userId))));
        addA.join();
        addB.join();
        for (Client c : List.of(anna, ben)) {
            awaitTrue(
                    () -> {
                        try {
                            return c.engine.members(id).size() == 4;
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    c.userId + " sees four members");
        }
        assertThat(anna.engine.members(id))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(anna.userId, ben.userId, dora.userId, emil.userId);
        anna.engine.sendText(id, "willkommen");
        dora.awaitTexts(id, 1);
        emil.awaitTexts(id, 1);

        CompletableFuture<Void> removeA =
                CompletableFuture.runAsync(() -> unchecked(() -> anna.engine.removeMembers(id, List.of(dora.userId))));
        CompletableFuture<Void> removeB =
                CompletableFuture.runAsync(() -> unchecked(() -> ben.engine.removeMembers(id, List.of(emil.userId))));
        removeA.join();
        removeB.join();
        awaitTrue(() -> dora.removedFrom.contains(id) && emil.removedFrom.contains(id), "both removed");

        // Everyone in the same epoch with the same tree: each one's message is read by all others.
        for (Client sender : List.of(anna, ben)) {
            sender.engine.sendText(id, "von " + sender.userId);
        }
        awaitTrue(
                () -> anna.texts(id).contains("von " + ben.userId)
                        && ben.texts(id).contains("von " + anna.userId),
                "anna and ben read each other");
        assertThat(anna.engine.devices(id)).hasSameSizeAs(ben.engine.devices(id));
    }

    @Test
    void aMemberBehindByOneCommitLosesTheEpochProcessesTheWinnerAndAppliesItsIntentAgain() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        Client dora = client("dora@bmi.example");
        Client emil = client("emil@bmi.example");
        String id = anna.engine.createGroup("Lage", List.of(ben.userId));
        anna.engine.sendText(id, "start");
        ben.awaitTexts(id, 1);

        ben.goOffline();
        anna.engine.addMembers(id, List.of(dora.userId));
        ben.comeBack();
        ben.engine.addMembers(id, List.of(emil.userId)); // made in the old epoch first: loses, then wins
        assertThat(ben.engine.lostCommits()).isGreaterThanOrEqualTo(1);

        for (Client c : List.of(anna, ben, dora, emil)) {
            awaitTrue(
                    () -> {
                        try {
                            return c.engine.members(id).size() == 4;
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    c.userId + " sees four members");
        }
        ben.engine.sendText(id, "von ben");
        dora.engine.sendText(id, "von dora");
        for (Client c : List.of(anna, emil)) {
            awaitTrue(
                    () -> c.texts(id).contains("von ben") && c.texts(id).contains("von dora"),
                    c.userId + " reads ben and dora");
        }
    }

    @Test
    void aRemovedMemberCannotReadWhatIsSentAfterTheRemoval() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        Client cara = client("cara@bmi.example");
        String id = anna.engine.createGroup("Vertraulich", List.of(ben.userId, cara.userId));
        anna.engine.sendText(id, "vorher");
        cara.awaitTexts(id, 1);

        anna.engine.removeMembers(id, List.of(cara.userId));
        awaitTrue(() -> cara.removedFrom.contains(id), "cara learns she was removed");
        anna.engine.sendText(id, "nachher");
        ben.awaitTexts(id, 2);
        assertThat(ben.texts(id)).contains("vorher", "nachher");
        cara.engine.awaitIdle(Duration.ofSeconds(1), WAIT);
        assertThat(cara.texts(id)).contains("vorher").doesNotContain("nachher");
        assertThat(anna.engine.members(id))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(anna.userId, ben.userId);
        assertThatThrownBy(() -> cara.engine.sendText(id, "darf ich?"))
                .isInstanceOf(ConversationException.class)
                .hasMessageContaining("no longer a member");
        Predicate<Message> fromCara = m -> m.senderUserId().equals(cara.userId);
        assertThat(ben.received.stream().filter(fromCara)).isEmpty();
    }

    /**
     * A commit of cara's kept for the group she was then removed from (as a crash or a lost answer
     * leaves it, ADR 0029) means nothing once she is added again: the transition that stores the
     * group her Welcome starts drops it, so it is not sent again at every login. Without that the
     * row stays (the new worker only forgot it in memory).
     */
    @Test
    void aRejoinByWelcomeDropsACommitKeptFromTheGroupWeWereRemovedFrom() throws Exception {
        Client anna = client("anna@bmi.example");
        Client cara = client("cara@bmi.example");
        String id = anna.engine.createGroup("Wieder dabei", List.of(cara.userId));
        anna.engine.sendText(id, "vorher");
        cara.awaitTexts(id, 1);
        anna.engine.removeMembers(id, List.of(cara.userId));
        awaitTrue(() -> cara.removedFrom.contains(id), "cara learns she was removed");

        var conversations = cara.account.keystore().conversations();
        org.vermerk.keystore.GroupState old = conversations.groupState(id).orElseThrow();
        String clientMessageId = java.util.UUID.randomUUID().toString();
        var request = new org.vermerk.protocol.wire.ClientRequest.SendCommit(
                "commit",
                org.vermerk.protocol.codec.Bytes.of(java.util.HexFormat.of().parseHex(id)),
                old.epoch(),
                clientMessageId,
                org.vermerk.protocol.codec.Bytes.of(new byte[] {0, 1}),
                null,
                List.of(),
                List.of());
        cara.account
                .keystore()
                .apply(org.vermerk.keystore.Transition.forConversation(id)
                        .pendingCommit(new org.vermerk.keystore.PendingCommit(
                                id,
                                old.epoch(),
                                clientMessageId,
                                org.vermerk.app.outbox.OutboxRequests.stored(request),
                                old.formatVersion(),
                                org.vermerk.protocol.crypto.Secret.wrap(
                                        old.state().expose()),
                                false))
                        .build());
        assertThat(conversations.withPendingCommits()).contains(id);

        anna.engine.addMembers(id, List.of(cara.userId));
        awaitTrue(
                () -> {
                    try {
                        return conversations.groupState(id).orElseThrow().epoch() > old.epoch();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                },
                "cara joins again");
        assertThat(conversations.pendingCommit(id)).isEmpty();
        assertThat(conversations.withPendingCommits()).doesNotContain(id);
        anna.engine.sendText(id, "nachher");
        awaitTrue(() -> cara.texts(id).contains("nachher"), "cara reads the group again");
    }

    @Test
    void aMemberWhoLeavesIsRemovedByAnotherMembersCommitAndReadsNothingAfter() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        Client cara = client("cara@bmi.example");
        String id = anna.engine.createGroup("Runde", List.of(ben.userId, cara.userId));
        anna.engine.sendText(id, "hallo");
        cara.awaitTexts(id, 1);
        ben.awaitTexts(id, 1);

        cara.engine.leave(id);
        awaitTrue(() -> cara.removedFrom.contains(id), "cara is out");
        for (Client c : List.of(anna, ben)) {
            awaitTrue(
                    () -> {
                        try {
                            return c.engine.members(id).stream()
                                    .noneMatch(m -> m.userId().equals(cara.userId));
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    c.userId + " sees cara gone");
        }
        anna.engine.sendText(id, "danach");
        ben.awaitTexts(id, 2);
        cara.engine.awaitIdle(Duration.ofSeconds(1), WAIT);
        assertThat(cara.texts(id)).containsExactly("hallo");
        assertThat(cara.engine.conversation(id).orElseThrow().archived()).isTrue();
    }

    @Test
    void aCanaryPlaintextIsNowhereInTheServersDataOrTheClientsStores() throws Exception {
        Client anna = client("anna@bmi.example");
        Client ben = client("ben@bmi.example");
        String canary = "KANARIENVOGEL-" + java.util.UUID.randomUUID();
        String id = anna.engine.direct(ben.userId);
        anna.engine.sendText(id, canary);
        ben.awaitTexts(id, 1);
        assertThat(ben.texts(id)).containsExactly(canary);
        assertThat(anna.engine.awaitOutboxEmpty(WAIT)).isTrue();

        byte[] needle = canary.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                byte[] content = java.nio.file.Files.readAllBytes(file);
                assertThat(indexOf(content, needle))
                        .as(dir.relativize(file).toString())
                        .isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void unchecked(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}

package org.vermerk.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountConnection;
import org.vermerk.app.account.InboxCursor;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.testing.FakeMls;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.RecordingListener;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Transition;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ContentType;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * The outbox pump sends what was enqueued while offline once the connection is online, with each
 * entry's client message ID, and removes an entry when the server accepted it — a resend the server
 * had already accepted ({@code duplicate}) counts as accepted and is not appended twice.
 */
class OutboxPumpTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private Account anna;
    private Account bob;
    private final Bytes group = Bytes.of(new byte[] {1, 2, 3, 4});

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"));
        anna = TestAccounts.enrol(server, dir.resolve("anna"), "anna@bmi.example", server.addUser("anna@bmi.example"));
        bob = TestAccounts.enrol(server, dir.resolve("bob"), "bob@bmi.example", server.addUser("bob@bmi.example"));
    }

    @AfterEach
    void stop() throws Exception {
        anna.close();
        bob.close();
        server.close();
    }

    private ClientRequest.SendMessage message(String clientMessageId, String body) {
        return new ClientRequest.SendMessage(
                "x", group, 1, clientMessageId, FakeMls.privateMessage(group, 1, ContentType.APPLICATION, body));
    }

    @Test
    void entriesEnqueuedOfflineAreSentAfterConnectAndADuplicateCountsAsAccepted() throws Exception {
        // anna makes a group with bob in it (directly, as the conversation logic will)
        try (var s = anna.openSession()) {
            s.await(id -> new ClientRequest.CreateGroup(id, group), ServerFrame.GroupCreated.class);
            s.await(
                    id -> new ClientRequest.SendCommit(
                            id,
                            group,
                            0,
                            "commit-1",
                            FakeMls.privateMessage(group, 0, ContentType.COMMIT, "add bob"),
                            FakeMls.welcome("w"),
                            List.of(bob.deviceId()),
                            List.of()),
                    ServerFrame.Accepted.class);
            // the first message got through once already; its outbox entry will be a resend
            s.await(
                    id -> new ClientRequest.SendMessage(
                            id, group, 1, "m-1", FakeMls.privateMessage(group, 1, ContentType.APPLICATION, "first")),
                    ServerFrame.Accepted.class);
        }
        anna.keystore()
                .apply(Transition.forConversation("conv-1")
                        .createConversation(new Conversation(
                                "conv-1", group, Conversation.Kind.DIRECT, "Bob", null, Instant.now(), false))
                        .enqueue(OutboxRequests.entry("conv-1", null, message("m-1", "first")))
                        .enqueue(OutboxRequests.entry("conv-1", null, message("m-2", "second")))
                        .enqueue(OutboxRequests.entry("conv-1", null, message("m-3", "third")))
                        .build());
        assertThat(anna.keystore().outbox().size()).isEqualTo(3);

        RecordingListener annaEvents = new RecordingListener(null);
        try (AccountConnection connection = anna.connect(annaEvents)) {
            annaEvents.awaitOnline();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (anna.keystore().outbox().size() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(anna.keystore().outbox().size()).isZero();
            assertThat(connection.state()).isInstanceOf(ConnectionState.Online.class);
        }

        RecordingListener bobEvents = new RecordingListener(new InboxCursor(bob.keystore()));
        try (AccountConnection connection = bob.connect(bobEvents)) {
            bobEvents.storeAndAcknowledgeOn(connection);
            assertThat(bobEvents.nextDelivery().kind()).isEqualTo(DeliveryKind.WELCOME);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                bodies.add(FakeMls.body(bobEvents.nextDelivery().message()));
            }
            assertThat(bodies).containsExactly("first", "second", "third");
            // nothing else: a ping's answer comes after everything queued before it
            connection.await(ClientRequest.Ping::new, ServerFrame.Pong.class);
            assertThat(bobEvents.events())
                    .filteredOn(e -> e instanceof ServerFrame.Deliver)
                    .hasSize(4);
        }
    }
}

package org.vermerk.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountConnection;
import org.vermerk.app.account.InboxCursor;
import org.vermerk.app.testing.CuttingProxy;
import org.vermerk.app.testing.FakeMls;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.app.testing.RecordingListener;
import org.vermerk.app.testing.TestAccounts;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ContentType;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * A connection survives server restarts and network drops: it goes RECONNECTING and back ONLINE
 * by itself, resumes after the server's {@code ackedUpTo}, and hands every delivery to the
 * listener once — nothing lost, nothing acknowledged handed out twice.
 */
class ReconnectTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private CuttingProxy proxy;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
        proxy = new CuttingProxy(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        proxy.close();
        server.close();
    }

    /** Anna's device, enrolled through the proxy so that its stored server address is the proxy's. */
    private Account anna() throws Exception {
        Account anna = TestAccounts.enrolVia(
                server, proxy.url(), dir.resolve("anna"), "anna@bmi.example", server.addUser("anna@bmi.example"));
        toClose.add(anna);
        return anna;
    }

    /** Bob's device, directly at the server, with a group whose only other member is {@code member}. */
    private Sender bob(String member) throws Exception {
        Account bob =
                TestAccounts.enrol(server, dir.resolve("bob"), "bob@bmi.example", server.addUser("bob@bmi.example"));
        toClose.add(bob);
        Sender sender = new Sender(bob, Bytes.of(new byte[] {7, 7, 7}));
        sender.setUp(member);
        return sender;
    }

    /** Sends fake MLS messages into one group over short sessions (so they work across restarts). */
    private static final class Sender {
        private final Account account;
        private final Bytes groupId;

        Sender(Account account, Bytes groupId) {
            this.account = account;
            this.groupId = groupId;
        }

        void setUp(String member) throws Exception {
            try (Session s = account.openSession()) {
                s.await(id -> new ClientRequest.CreateGroup(id, groupId), ServerFrame.GroupCreated.class);
                s.await(
                        id -> new ClientRequest.SendCommit(
                                id,
                                groupId,
                                0,
                                UUID.randomUUID().toString(),
                                FakeMls.privateMessage(groupId, 0, ContentType.COMMIT, "add"),
                                FakeMls.welcome("welcome"),
                                List.of(member),
                                List.of()),
                        ServerFrame.Accepted.class);
            }
        }

        void send(String... bodies) throws Exception {
            try (Session s = account.openSession()) {
                for (String body : bodies) {
                    s.await(
                            id -> new ClientRequest.SendMessage(
                                    id,
                                    groupId,
                                    1,
                                    UUID.randomUUID().toString(),
                                    FakeMls.privateMessage(groupId, 1, ContentType.APPLICATION, body)),
                            ServerFrame.Accepted.class);
                }
            }
        }
    }

    private AccountConnection connect(Account account, RecordingListener listener) {
        AccountConnection connection = account.connect(listener);
        listener.storeAndAcknowledgeOn(connection);
        toClose.add(connection);
        return connection;
    }

    @Test
    void serverRestartGoesReconnectingThenOnlineAndADeliverySentMeanwhileArrives() throws Exception {
        Account anna = anna();
        RecordingListener events = new RecordingListener(new InboxCursor(anna.keystore()));
        AccountConnection connection = connect(anna, events);
        events.awaitOnline();
        Sender bob = bob(anna.deviceId());
        assertThat(events.nextDelivery().kind()).isEqualTo(DeliveryKind.WELCOME);

        server.stop();
        ConnectionState.Reconnecting first = (ConnectionState.Reconnecting)
                events.awaitState(s -> s instanceof ConnectionState.Reconnecting, "reconnecting");
        assertThat(first.cause()).isInstanceOf(ConnectionLostException.class);
        assertThat(((ConnectionLostException) first.cause()).closeCode()).isEqualTo(1001);
        events.awaitState(
                s -> s instanceof ConnectionState.Reconnecting r && r.attempt() >= 2, "a second attempt while down");

        server.startAgain();
        bob.send("sent while anna was away");
        events.awaitOnline();
        ServerFrame.Deliver delivery = events.nextDelivery();
        assertThat(FakeMls.body(delivery.message())).isEqualTo("sent while anna was away");
        assertThat(connection.state()).isInstanceOf(ConnectionState.Online.class);
    }

    @Test
    void dropsCutByTheNetworkResumeWithoutLossAndWithoutRepeatingAcknowledgedDeliveries() throws Exception {
        Account anna = anna();
        RecordingListener events = new RecordingListener(new InboxCursor(anna.keystore()));
        connect(anna, events);
        events.awaitOnline();
        Sender bob = bob(anna.deviceId());

        Set<String> sent = new LinkedHashSet<>();
        for (int round = 0; round < 5; round++) {
            String[] batch = new String[20];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = "m" + round + "-" + i;
                sent.add(batch[i]);
            }
            bob.send(batch);
            proxy.cut();
            events.awaitState(s -> s instanceof ConnectionState.Reconnecting, "reconnecting after cut " + round);
            // The next cut must find a live connection: one made during the backoff is never cut,
            // so it would go online without another Reconnecting state.
            events.awaitOnline();
        }

        List<String> received = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        events.nextDelivery(); // the Welcome
        while (received.size() < sent.size()) {
            ServerFrame.Deliver d = events.nextDelivery();
            received.add(FakeMls.body(d.message()));
            seqs.add(d.seq());
        }
        assertThat(received).as("every message once, in order").containsExactlyElementsOf(sent);
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(new InboxCursor(anna.keystore()).storedUpTo()).isEqualTo(seqs.getLast());
    }
}

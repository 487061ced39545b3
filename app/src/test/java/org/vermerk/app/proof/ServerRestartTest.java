package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

/**
 * A server restart in the middle of a group conversation (issue 5, "Proof"): what members send
 * while the server is down waits in their persisted outboxes and arrives once it is back, and a
 * restart during a burst loses nothing either — every member gets every message once, in each
 * sender's order. Real server on loopback, real clients, each with its own encrypted store.
 */
class ServerRestartTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<EngineClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        clients.reversed().forEach(EngineClient::close);
        server.close();
    }

    private EngineClient client(String userId) throws Exception {
        EngineClient c = EngineClient.enrol(server, dir.resolve(userId), userId);
        clients.add(c);
        return c;
    }

    @Test
    void messagesSentWhileTheServerIsDownArriveAfterItIsBackOnceAndInOrder() throws Exception {
        EngineClient anna = client("anna@bmi.example");
        EngineClient ben = client("ben@bmi.example");
        EngineClient cara = client("cara@bmi.example");
        String id = anna.engine().createGroup("Krisenstab", List.of(ben.userId, cara.userId));
        anna.engine().sendText(id, "vor dem Neustart");
        ben.awaitTexts(id, 1);
        cara.awaitTexts(id, 1);
        for (EngineClient c : List.of(ben, cara)) { // their delivered receipts are out first
            c.engine().awaitIdle(java.time.Duration.ofMillis(300), EngineClient.WAIT);
            assertThat(c.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        }

        server.stop();
        List<Message> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(anna.engine().sendText(id, "anna " + i));
            pending.add(ben.engine().sendText(id, "ben " + i));
        }
        assertThat(anna.account().keystore().outbox().size()).isEqualTo(10);
        assertThat(ben.account().keystore().outbox().size()).isEqualTo(10);
        assertThat(pending).allMatch(m -> m.deliveryState() == DeliveryState.PENDING);

        server.startAgain();
        cara.awaitTexts(id, 21);
        anna.awaitTexts(id, 10);
        ben.awaitTexts(id, 11);
        for (EngineClient reader : List.of(anna, ben, cara)) {
            reader.engine().awaitIdle(java.time.Duration.ofMillis(500), EngineClient.WAIT);
        }
        assertThat(cara.texts(id)).containsSubsequence(numbered("anna", 10)).containsSubsequence(numbered("ben", 10));
        assertThat(cara.texts(id)).hasSize(21).doesNotHaveDuplicates();
        assertThat(anna.texts(id)).containsExactlyElementsOf(numbered("ben", 10));
        assertThat(ben.texts(id)).containsExactlyElementsOf(concat(List.of("vor dem Neustart"), numbered("anna", 10)));

        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        assertThat(ben.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        for (Message m : pending) {
            EngineClient sender = m.senderUserId().equals(anna.userId) ? anna : ben;
            Message own = sender.stored(m.id());
            Message atCara = cara.stored(m.id());
            // sent, and by now perhaps confirmed by a recipient's delivered receipt (ADR 0022)
            assertThat(own.deliveryState()).isIn(DeliveryState.SENT, DeliveryState.DELIVERED);
            assertThat(own.serverSeq()).isEqualTo(atCara.serverSeq());
            // The server's time of receipt, on both sides: for records, "received by the server"
            // is one time, not the sender's clock.
            assertThat(own.receivedAt()).isEqualTo(atCara.receivedAt());
        }
    }

    @Test
    void aRestartDuringABurstLosesNothingAndDuplicatesNothing() throws Exception {
        EngineClient anna = client("anna@bmi.example");
        EngineClient ben = client("ben@bmi.example");
        String id = anna.engine().direct(ben.userId);

        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 60; i++) {
                    anna.engine().sendText(id, "anna " + i);
                    Thread.sleep(10);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ben.awaitTexts(id, 10);
        server.restart();
        ben.engine().sendText(id, "ben nach dem Neustart");
        burst.join();

        ben.awaitTexts(id, 60);
        anna.awaitTexts(id, 1);
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        ben.engine().awaitIdle(java.time.Duration.ofMillis(500), EngineClient.WAIT);
        assertThat(ben.texts(id)).containsExactlyElementsOf(numbered("anna", 60));
        assertThat(anna.texts(id)).containsExactly("ben nach dem Neustart");
        assertThat(ben.account().keystore().messages().page(id, null, 1000))
                .filteredOn(m -> m.senderUserId().equals(anna.userId))
                .hasSize(60);
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + " " + i).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.app.testing.EngineClient.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

/**
 * Delivery states end to end (ADR 0022): a device that stored received messages confirms them
 * with one {@code delivered} receipt per batch; the sender's message goes sent → delivered → read
 * and never back.
 */
class DeliveryStatesTest {
    @TempDir
    Path dir;

    private LoopbackServer server;
    private final List<EngineClient> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer(dir.resolve("server"), LoopbackServer::generousLimits);
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (EngineClient c : open) {
            c.close();
        }
        server.close();
    }

    private EngineClient user(String userId) throws Exception {
        EngineClient c = EngineClient.enrol(server, dir.resolve(userId), userId);
        open.add(c);
        return c;
    }

    @Test
    void aStoredMessageComesBackDeliveredThenReadAndALaterDeliveredDoesNotTakeReadBack() throws Exception {
        EngineClient anna = user("anna@bmi.example");
        EngineClient ben = user("ben@bmi.example");
        EngineClient cara = user("cara@bmi.example");
        String group = anna.engine().createGroup("Lage", List.of(ben.userId, cara.userId));
        cara.engine().awaitIdle(Duration.ofMillis(300), EngineClient.WAIT);
        cara.goOffline();

        Message sent = anna.engine().sendText(group, "bitte lesen");
        ben.awaitTexts(group, 1);
        await(() -> anna.stored(sent.id()).deliveryState() == DeliveryState.DELIVERED, "ben's device confirms it");

        ben.engine().markRead(group, List.of(sent.id()));
        await(() -> anna.stored(sent.id()).deliveryState() == DeliveryState.READ, "ben read it");

        // Cara's delivered receipt comes after ben's read one: the state stays read.
        cara.comeBack();
        cara.awaitTexts(group, 1);
        await(
                () -> ownDeliveredReceipt(cara, group)
                        .map(m -> m.serverSeq() != null)
                        .orElse(false),
                "the server took cara's receipt");
        Message caraReceipt = ownDeliveredReceipt(cara, group).orElseThrow();
        await(
                () -> anna.account().keystore().sync().cursor("log:" + group).orElse(-1) >= caraReceipt.serverSeq(),
                "anna processed cara's receipt");
        assertThat(anna.stored(sent.id()).deliveryState()).isEqualTo(DeliveryState.READ);
    }

    @Test
    void messagesReceivedTogetherAreConfirmedOnceEachAndReceiptsAreNotConfirmed() throws Exception {
        EngineClient anna = user("anna@bmi.example");
        EngineClient ben = user("ben@bmi.example");
        String direct = anna.engine().direct(ben.userId);
        ben.engine().awaitIdle(Duration.ofMillis(300), EngineClient.WAIT);
        ben.goOffline();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(anna.engine().sendText(direct, "Nachricht " + i).id());
        }
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();

        ben.comeBack();
        ben.awaitTexts(direct, 5);
        for (String id : sent) {
            await(() -> anna.stored(id).deliveryState() == DeliveryState.DELIVERED, id + " is delivered");
        }
        assertThat(ben.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        List<String> confirmed = new ArrayList<>();
        for (Message m : ben.engine().messages(direct, 100)) {
            if (m.senderUserId().equals(ben.userId)
                    && Payload.parse(m.content()) instanceof Payload.Receipt r
                    && r.status() == Payload.Receipt.Status.DELIVERED) {
                confirmed.addAll(r.targets());
            }
        }
        assertThat(confirmed).as("each message confirmed exactly once").containsExactlyInAnyOrderElementsOf(sent);

        anna.engine().awaitIdle(Duration.ofMillis(500), EngineClient.WAIT);
        ben.engine().awaitIdle(Duration.ofMillis(500), EngineClient.WAIT);
        assertThat(anna.engine().messages(direct, 100))
                .as("anna sends no receipt for ben's receipts")
                .noneMatch(
                        m -> m.senderUserId().equals(anna.userId) && m.content().contains("\"receipt\""));
    }

    /** The delivered receipt {@code client} sent in a conversation (stored with its own messages). */
    private static java.util.Optional<Message> ownDeliveredReceipt(EngineClient client, String conversationId)
            throws Exception {
        for (Message m : client.engine().messages(conversationId, 100)) {
            if (m.senderUserId().equals(client.userId)
                    && Payload.parse(m.content()) instanceof Payload.Receipt r
                    && r.status() == Payload.Receipt.Status.DELIVERED) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}

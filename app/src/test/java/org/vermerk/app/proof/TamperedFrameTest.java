package org.vermerk.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.Message;

/**
 * A frame changed on the way is rejected by the receiving client, is not shown, and the
 * conversation goes on (issue 5, "Proof").
 *
 * <p>Where the change is made: between client and server every byte is under TLS, whose record
 * MAC turns a flipped byte into a dropped connection (which {@link FaultInjectionTest} covers);
 * the only party on the way that can change a frame and still deliver it is one holding the TLS
 * keys — the delivery server itself (a malicious operator, a compromised host, a corrupted disk).
 * That is the attacker end-to-end encryption is for, so the test changes one byte of an MLS
 * PrivateMessage where the server keeps it: in its database, while the recipient is offline. The
 * real server then delivers the changed frame over its real TLS connection.
 */
class TamperedFrameTest {
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
    void aMessageChangedAtTheServerIsRejectedNotShownAndLaterMessagesStillDecrypt() throws Exception {
        EngineClient anna = client("anna@bmi.example");
        EngineClient ben = client("ben@bmi.example");
        String id = anna.engine().direct(ben.userId);
        anna.engine().sendText(id, "eins");
        ben.awaitTexts(id, 1);

        ben.goOffline();
        Message changed = anna.engine().sendText(id, "zwei (wird verändert)");
        anna.engine().sendText(id, "drei");
        assertThat(anna.engine().awaitOutboxEmpty(EngineClient.WAIT)).isTrue();
        long changedLogIndex = anna.stored(changed.id()).serverSeq();

        server.stop();
        flipLastPayloadByte(dir.resolve("server").resolve("server.db"), changed.id());
        server.startAgain();

        ben.comeBack();
        ben.awaitTexts(id, 2);
        EngineClient.await(() -> ben.rejected.size() == 1, "ben rejects the changed message");
        ben.engine().awaitIdle(java.time.Duration.ofMillis(500), EngineClient.WAIT);

        assertThat(ben.texts(id)).containsExactly("eins", "drei");
        EngineClient.Rejected rejection = ben.rejected.getFirst();
        assertThat(rejection.conversationId()).isEqualTo(id);
        assertThat(rejection.logIndex()).isEqualTo(changedLogIndex);
        // an RFC 9420 validation rule, e.g. the AEAD tag of the content (§6.3.1)
        assertThat(rejection.reason()).matches("[A-Z]+-\\d+");
        assertThat(ben.account().keystore().messages().find(changed.id())).isEmpty();

        // The conversation goes on, both ways.
        ben.engine().sendText(id, "vier von ben");
        anna.awaitTexts(id, 1);
        anna.engine().sendText(id, "fünf");
        ben.awaitTexts(id, 3);
        assertThat(ben.texts(id)).containsExactly("eins", "drei", "fünf");
        assertThat(anna.texts(id)).containsExactly("vier von ben");
        assertThat(ben.rejected).hasSize(1);
    }

    /** Changes the last byte (inside the AEAD-protected ciphertext) of a stored message's MLS payload. */
    static void flipLastPayloadByte(Path database, String clientMessageId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            byte[] payload;
            try (PreparedStatement s = c.prepareStatement("SELECT payload FROM messages WHERE client_message_id = ?")) {
                s.setString(1, clientMessageId);
                try (ResultSet rows = s.executeQuery()) {
                    assertThat(rows.next())
                            .as("the message is in the server's log")
                            .isTrue();
                    payload = rows.getBytes(1);
                }
            }
            payload[payload.length - 1] ^= 0x01;
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE messages SET payload = ? WHERE client_message_id = ?")) {
                s.setBytes(1, payload);
                s.setString(2, clientMessageId);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
    }
}

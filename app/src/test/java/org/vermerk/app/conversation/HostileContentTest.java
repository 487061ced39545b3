package org.vermerk.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.app.testing.EngineClient.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.testing.EngineClient;
import org.vermerk.app.testing.LoopbackServer;
import org.vermerk.keystore.Message;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * What a member who is not well-meaning can send does no harm to what others stored: the real
 * server on loopback, real clients with their own stores.
 */
class HostileContentTest {
    private static final String ANNA = "anna@bmi.example";
    private static final String BEN = "ben@bmi.example";
    private static final String MALLORY = "mallory@bmi.example";

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
    void aFileReusingAnotherMessagesIdReplacesNeitherThatMessageNorGivesItAnAttachment() throws Exception {
        EngineClient anna = user(ANNA);
        EngineClient ben = user(BEN);
        EngineClient mallory = user(MALLORY);
        String group = anna.engine().createGroup("Referat Z 3", List.of(BEN, MALLORY));
        Message original = anna.engine().sendText(group, "Die Vorlage ist freigegeben.");
        ben.awaitTexts(group, 1);
        mallory.awaitTexts(group, 1);

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Payload.File forged = new Payload.File(
                original.id(),
                Instant.now(),
                "Vorlage.pdf",
                "application/pdf",
                10,
                Bytes.of(new byte[32]),
                Secret.wrap(key),
                "blob-of-mallory",
                Optional.empty());
        mallory.engine().sendAsIs(group, forged);
        mallory.engine().sendText(group, "danach");
        await(() -> ben.texts(group).contains("danach"), "ben receives what mallory sent after the forgery");

        assertThat(ben.account().keystore().messages().attachments(original.id()))
                .as("no attachment put under anna's message")
                .isEmpty();
        assertThat(ben.stored(original.id()).senderUserId()).isEqualTo(ANNA);
        assertThat(ben.stored(original.id()).searchText()).isEqualTo("Die Vorlage ist freigegeben.");
    }
}

package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two and three separate {@code vermerk mls-peer serve} processes, one client each, driven through
 * the JSON-lines protocol of docs/mls-interop-peer.md the way an interop driver would: every
 * binary value crosses between processes only as the hex in the answers. After every step, all
 * members agree on epoch, {@code epoch_authenticator}, {@code exporter} and member count.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MlsPeerProcessTest {
    @TempDir
    Path directory;

    private final List<PeerProcess> started = new ArrayList<>();

    @AfterEach
    void endEveryProcess() {
        started.forEach(PeerProcess::close);
    }

    private PeerProcess start(String name) throws Exception {
        PeerProcess peer = PeerProcess.start(name, directory);
        started.add(peer);
        return peer;
    }

    /** Asserts that every peer's client (named like its process) is at {@code epoch} with the same secrets. */
    private static void assertAgree(long epoch, int members, PeerProcess... peers) throws Exception {
        JsonNode first = peers[0].ok("epoch-authenticator", peers[0].name());
        for (PeerProcess peer : peers) {
            JsonNode info = peer.ok("epoch-authenticator", peer.name());
            assertThat(info.get("epoch").asLong()).as(peer.name()).isEqualTo(epoch);
            assertThat(info.get("members").asInt()).as(peer.name()).isEqualTo(members);
            assertThat(info.get("epoch_authenticator").asText())
                    .as("%s epoch_authenticator at epoch %d", peer.name(), epoch)
                    .isEqualTo(first.get("epoch_authenticator").asText());
            assertThat(info.get("exporter").asText())
                    .as("%s exporter at epoch %d", peer.name(), epoch)
                    .isEqualTo(first.get("exporter").asText());
        }
    }

    /** {@code from} encrypts, {@code to} decrypts and sees the text and who sent it. */
    private static void message(PeerProcess from, long fromIndex, String text, PeerProcess... to) throws Exception {
        String message =
                from.ok("encrypt", from.name(), "text", text).get("message").asText();
        for (PeerProcess reader : to) {
            JsonNode read = reader.ok("decrypt", reader.name(), "message", message);
            assertThat(read.get("text").asText()).as(reader.name()).isEqualTo(text);
            assertThat(read.get("sender_index").asLong()).isEqualTo(fromIndex);
            assertThat(read.get("sender_identity").asText()).isEqualTo(from.name());
        }
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {1, 2})
    void twoPeerProcessesAgreeThroughCreateJoinMessagesUpdatesAndRemoval(int suite) throws Exception {
        PeerProcess alice = start("alice");
        PeerProcess bob = start("bob");

        JsonNode created = alice.ok("create-group", "alice", "identity", "alice", "cipher_suite", suite);
        assertThat(created.get("epoch").asLong()).isZero();
        String keyPackage = bob.ok("keypackage", "bob", "identity", "bob", "cipher_suite", suite)
                .get("key_package")
                .asText();
        JsonNode added = alice.ok("add", "alice", "key_package", keyPackage);
        JsonNode joined = bob.ok("join", "bob", "welcome", added.get("welcome").asText());
        assertThat(joined.get("own_index").asLong()).isEqualTo(1);
        assertAgree(1, 2, alice, bob);

        message(alice, 0, "Guten Morgen", bob);
        message(bob, 1, "Guten Morgen zurück", alice);

        String bobUpdate = bob.ok("update", "bob").get("commit").asText();
        JsonNode processed = alice.ok("process-commit", "alice", "message", bobUpdate);
        assertThat(processed.get("process_ms").isNumber()).isTrue();
        assertAgree(2, 2, alice, bob);

        String aliceUpdate = alice.ok("update", "alice", "commit_wire", "private")
                .get("commit")
                .asText();
        JsonNode applied = bob.ok("decrypt", "bob", "message", aliceUpdate);
        assertThat(applied.get("handshake").asBoolean()).isTrue();
        assertAgree(3, 2, alice, bob);

        String bobPrivateUpdate =
                bob.ok("update", "bob", "commit_wire", "private").get("commit").asText();
        alice.ok("process-commit", "alice", "message", bobPrivateUpdate);
        assertAgree(4, 2, alice, bob);
        message(bob, 1, "nach dem Update", alice);

        // a line that is not JSON is answered and the process keeps serving
        JsonNode garbage = bob.sendRaw("this is not json");
        assertThat(garbage.get("ok").asBoolean()).isFalse();
        bob.ok("ping", null);

        String removal = alice.ok("remove", "alice", "index", 1).get("commit").asText();
        JsonNode removed = bob.ok("process-commit", "bob", "message", removal);
        assertThat(removed.get("removed").asBoolean()).isTrue();
        assertAgree(5, 1, alice);

        assertThat(alice.quit()).isZero();
        assertThat(bob.quit()).isZero();
        assertThat(bob.stderr()).contains("malformed JSON");
    }

    @ParameterizedTest(name = "cipher suite {0}")
    @ValueSource(ints = {1, 2})
    void threePeerProcessesAgreeWhenTheSecondAddsTheThirdAndOneIsRemoved(int suite) throws Exception {
        PeerProcess alice = start("alice");
        PeerProcess bob = start("bob");
        PeerProcess carol = start("carol");

        alice.ok("create-group", "alice", "identity", "alice", "cipher_suite", suite, "group_id", "766572");
        String bobPackage = bob.ok("keypackage", "bob", "identity", "bob", "cipher_suite", suite)
                .get("key_package")
                .asText();

        // bob joins with the tree out of band
        JsonNode added = alice.ok("add", "alice", "key_package", bobPackage, "ratchet_tree_ext", false);
        bob.ok(
                "join",
                "bob",
                "welcome",
                added.get("welcome").asText(),
                "ratchet_tree",
                added.get("ratchet_tree").asText());
        assertAgree(1, 2, alice, bob);
        message(alice, 0, "an bob", bob);
        message(bob, 1, "an alice", alice);

        // updates both ways, public and private
        alice.ok(
                "process-commit",
                "alice",
                "message",
                bob.ok("update", "bob").get("commit").asText());
        assertAgree(2, 2, alice, bob);
        bob.ok(
                "process-commit",
                "bob",
                "message",
                alice.ok("update", "alice", "commit_wire", "private")
                        .get("commit")
                        .asText());
        assertAgree(3, 2, alice, bob);

        // the second member adds the third, who joins from the tree in the Welcome
        String carolPackage = carol.ok("keypackage", "carol", "identity", "carol", "cipher_suite", suite)
                .get("key_package")
                .asText();
        JsonNode carolAdded = bob.ok("add", "bob", "key_package", List.of(carolPackage), "commit_wire", "private");
        alice.ok("process-commit", "alice", "message", carolAdded.get("commit").asText());
        JsonNode carolJoined =
                carol.ok("join", "carol", "welcome", carolAdded.get("welcome").asText());
        assertThat(carolJoined.get("own_index").asLong()).isEqualTo(2);
        assertAgree(4, 3, alice, bob, carol);
        message(carol, 2, "hallo zusammen", alice, bob);
        message(alice, 0, "willkommen", bob, carol);

        String carolUpdate = carol.ok("update", "carol").get("commit").asText();
        alice.ok("process-commit", "alice", "message", carolUpdate);
        bob.ok("process-commit", "bob", "message", carolUpdate);
        assertAgree(5, 3, alice, bob, carol);

        // the first removes the second, privately
        String removal = alice.ok("remove", "alice", "index", 1, "commit_wire", "private")
                .get("commit")
                .asText();
        carol.ok("process-commit", "carol", "message", removal);
        assertThat(bob.ok("process-commit", "bob", "message", removal)
                        .get("removed")
                        .asBoolean())
                .isTrue();
        assertAgree(6, 2, alice, carol);
        message(carol, 2, "zu zweit", alice);

        for (PeerProcess peer : List.of(alice, bob, carol)) {
            assertThat(peer.quit()).as(peer.name()).isZero();
        }
    }
}

package org.vermerk.app.mlspeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/** Each command of the peer in process, its answer's fields and encodings, and that a failure changes nothing. */
class MlsPeerCommandsTest {
    private final PeerDriver peer = new PeerDriver();

    private static MlsMessage decode(String hex) throws Exception {
        return PeerCodec.message(Bytes.fromHex(hex));
    }

    /** alice creates a group and adds bob, who joins; both at epoch 1. */
    private JsonNode aliceAndBob(Object... addSettings) throws Exception {
        peer.ok("create-group", "alice", "identity", "alice");
        String keyPackage = peer.ok("keypackage", "bob", "identity", "bob")
                .get("key_package")
                .asText();
        Object[] arguments = new Object[addSettings.length + 2];
        arguments[0] = "key_package";
        arguments[1] = keyPackage;
        System.arraycopy(addSettings, 0, arguments, 2, addSettings.length);
        JsonNode added = peer.ok("add", "alice", arguments);
        peer.ok("join", "bob", "welcome", added.get("welcome").asText());
        return added;
    }

    @Test
    void keypackageIsAnMlsMessageCarryingABasicKeyPackageOfSuite1() throws Exception {
        JsonNode answer = peer.ok("keypackage", "bob", "identity", "uuid:7f3a@bmi.example");
        MlsMessage message = decode(answer.get("key_package").asText());
        assertThat(message.wireFormat()).isEqualTo(WireFormat.KEY_PACKAGE);
        KeyPackage keyPackage = ((MlsMessage.OfKeyPackage) message).keyPackage();
        assertThat(keyPackage.cipherSuite()).isEqualTo(1);
        assertThat(keyPackage.leafNode().credential())
                .isEqualTo(new BasicCredential(Bytes.of("uuid:7f3a@bmi.example".getBytes(StandardCharsets.UTF_8))));
        assertThat(answer.get("key_package").asText()).isLowerCase();
    }

    @Test
    void keypackageListsBasicAndX509AndLivesFromAnHourAgoToFourWeeksAhead() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        KeyPackage keyPackage = ((MlsMessage.OfKeyPackage) decode(peer.ok("keypackage", "bob", "identity", "bob")
                        .get("key_package")
                        .asText()))
                .keyPackage();
        assertThat(keyPackage.leafNode().capabilities().credentials())
                .contains(CredentialType.BASIC, CredentialType.X509);
        Lifetime lifetime =
                ((LeafNodeSource.FromKeyPackage) keyPackage.leafNode().source()).lifetime();
        assertThat(lifetime.notBefore()).isBetween(now - 3600 - 60, now - 3600 + 60);
        assertThat(lifetime.notAfter()).isBetween(now + 28 * 86400 - 60, now + 28 * 86400 + 60);
        assertThat(lifetime.notAfter() - lifetime.notBefore()).isLessThanOrEqualTo(12 * 7 * 86400 + 3600);
    }

    @Test
    void keypackageOfSuite2WhenTheRequestAsks() throws Exception {
        JsonNode answer = peer.ok("keypackage", "bob", "identity", "bob", "cipher_suite", 2);
        KeyPackage keyPackage =
                ((MlsMessage.OfKeyPackage) decode(answer.get("key_package").asText())).keyPackage();
        assertThat(keyPackage.cipherSuite()).isEqualTo(2);
    }

    @Test
    void createGroupAnswersEpochZeroWithOneMemberAndTheGivenGroupId() throws Exception {
        JsonNode answer = peer.ok("create-group", "alice", "identity", "alice", "group_id", "00c0ffee");
        assertThat(answer.get("group_id").asText()).isEqualTo("00c0ffee");
        assertThat(answer.get("epoch").asLong()).isZero();
        assertThat(answer.get("members").asInt()).isEqualTo(1);
        assertThat(answer.get("own_index").asInt()).isZero();
        assertThat(answer.get("epoch_authenticator").asText()).hasSize(64).isLowerCase();
        assertThat(answer.get("exporter").asText()).hasSize(64);
        assertThat(peer.ok("create-group", "carol", "identity", "carol")
                        .get("group_id")
                        .asText())
                .hasSize(32);
    }

    @Test
    void addAnswersCommitWelcomeTreeAndGroupInfoAndTheJoinerAgrees() throws Exception {
        JsonNode added = aliceAndBob();
        assertThat(decode(added.get("commit").asText()).wireFormat()).isEqualTo(WireFormat.PUBLIC_MESSAGE);
        assertThat(decode(added.get("welcome").asText()).wireFormat()).isEqualTo(WireFormat.WELCOME);
        assertThat(decode(added.get("group_info").asText()).wireFormat()).isEqualTo(WireFormat.GROUP_INFO);
        assertThat(PeerCodec.ratchetTree(Bytes.fromHex(added.get("ratchet_tree").asText()))
                        .nodes())
                .hasSize(3);
        assertThat(added.get("epoch").asLong()).isEqualTo(1);
        assertThat(added.get("members").asInt()).isEqualTo(2);
        JsonNode bob = peer.epochInfo("bob");
        assertThat(bob.get("own_index").asInt()).isEqualTo(1);
        peer.assertAgree(List.of("alice", "bob"));
    }

    @Test
    void addTakesSeveralKeyPackagesInOneCommitAndABareKeyPackage() throws Exception {
        peer.ok("create-group", "alice", "identity", "alice");
        String bob = peer.ok("keypackage", "bob", "identity", "bob")
                .get("key_package")
                .asText();
        String carol = peer.ok("keypackage", "carol", "identity", "carol")
                .get("key_package")
                .asText();
        KeyPackage bare = ((MlsMessage.OfKeyPackage) decode(carol)).keyPackage();
        String carolBare = Bytes.of(bare.encoded()).hex();
        JsonNode added = peer.ok("add", "alice", "key_package", List.of(bob, carolBare));
        assertThat(added.get("epoch").asLong()).isEqualTo(1);
        assertThat(added.get("members").asInt()).isEqualTo(3);
        peer.ok("join", "bob", "welcome", added.get("welcome").asText());
        peer.ok("join", "carol", "welcome", added.get("welcome").asText());
        peer.assertAgree(List.of("alice", "bob", "carol"));
    }

    @Test
    void withoutTheTreeExtensionTheJoinerNeedsTheTreeOutOfBandAndFailingFirstCostsNothing() throws Exception {
        peer.ok("create-group", "alice", "identity", "alice");
        String bob = peer.ok("keypackage", "bob", "identity", "bob")
                .get("key_package")
                .asText();
        JsonNode added = peer.ok("add", "alice", "key_package", bob, "ratchet_tree_ext", false);
        String welcome = added.get("welcome").asText();
        assertThat(peer.fails("join", "bob", "welcome", welcome)).contains("ratchet_tree");
        peer.ok(
                "join",
                "bob",
                "welcome",
                welcome,
                "ratchet_tree",
                added.get("ratchet_tree").asText());
        peer.assertAgree(List.of("alice", "bob"));
    }

    @Test
    void messagesGoBothWaysWithSenderIndexAndIdentity() throws Exception {
        aliceAndBob();
        String toBob =
                peer.ok("encrypt", "alice", "text", "Grüß Gott").get("message").asText();
        assertThat(decode(toBob).wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);
        JsonNode read = peer.ok("decrypt", "bob", "message", toBob);
        assertThat(read.get("text").asText()).isEqualTo("Grüß Gott");
        assertThat(read.get("sender_index").asInt()).isZero();
        assertThat(read.get("sender_identity").asText()).isEqualTo("alice");
        String toAlice = peer.ok("encrypt", "bob", "text", "").get("message").asText();
        JsonNode back = peer.ok("decrypt", "alice", "message", toAlice);
        assertThat(back.get("text").asText()).isEmpty();
        assertThat(back.get("sender_index").asInt()).isEqualTo(1);
        assertThat(back.get("sender_identity").asText()).isEqualTo("bob");
    }

    @Test
    void updatesBothWaysAsPublicAndPrivateCommitsWithProcessTime() throws Exception {
        aliceAndBob();
        JsonNode update = peer.ok("update", "bob");
        assertThat(decode(update.get("commit").asText()).wireFormat()).isEqualTo(WireFormat.PUBLIC_MESSAGE);
        assertThat(update.has("welcome")).isFalse();
        JsonNode processed = peer.ok(
                "process-commit", "alice", "message", update.get("commit").asText());
        assertThat(processed.get("epoch").asLong()).isEqualTo(2);
        assertThat(processed.get("process_ms").isNumber()).isTrue();
        assertThat(processed.get("process_ms").asDouble()).isNotNegative();
        peer.assertAgree(List.of("alice", "bob"));

        JsonNode privately = peer.ok("update", "alice", "commit_wire", "private");
        assertThat(decode(privately.get("commit").asText()).wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);
        peer.ok("process-commit", "bob", "message", privately.get("commit").asText());
        peer.assertAgree(List.of("alice", "bob"));
        assertThat(peer.epochInfo("bob").get("epoch").asLong()).isEqualTo(3);

        JsonNode publicAgain = peer.ok("update", "alice");
        assertThat(decode(publicAgain.get("commit").asText()).wireFormat()).isEqualTo(WireFormat.PUBLIC_MESSAGE);
    }

    @Test
    void decryptOfACommitAppliesIt() throws Exception {
        aliceAndBob();
        String commit = peer.ok("update", "alice", "commit_wire", "private")
                .get("commit")
                .asText();
        JsonNode answer = peer.ok("decrypt", "bob", "message", commit);
        assertThat(answer.get("text").isNull()).isTrue();
        assertThat(answer.get("handshake").asBoolean()).isTrue();
        assertThat(answer.get("epoch").asLong()).isEqualTo(2);
        peer.assertAgree(List.of("alice", "bob"));
    }

    @Test
    void aThirdMemberAddedByTheSecondThenRemoved() throws Exception {
        aliceAndBob();
        String carol = peer.ok("keypackage", "carol", "identity", "carol")
                .get("key_package")
                .asText();
        JsonNode added = peer.ok("add", "bob", "key_package", carol, "commit_wire", "private");
        peer.ok("process-commit", "alice", "message", added.get("commit").asText());
        JsonNode joined =
                peer.ok("join", "carol", "welcome", added.get("welcome").asText());
        assertThat(joined.get("own_index").asInt()).isEqualTo(2);
        peer.assertAgree(List.of("alice", "bob", "carol"));

        JsonNode removed = peer.ok("remove", "carol", "index", 0);
        assertThat(removed.get("members").asInt()).isEqualTo(2);
        peer.ok("process-commit", "bob", "message", removed.get("commit").asText());
        JsonNode alice = peer.ok(
                "process-commit", "alice", "message", removed.get("commit").asText());
        assertThat(alice.get("removed").asBoolean()).isTrue();
        assertThat(alice.has("epoch")).isFalse();
        peer.assertAgree(List.of("bob", "carol"));
        assertThat(peer.fails("epoch-authenticator", "alice")).contains("removed");
        assertThat(peer.fails("encrypt", "alice", "text", "still here?")).contains("removed");

        // removed, alice may start again
        peer.ok("create-group", "alice", "identity", "alice");
    }

    @Test
    void aFailedCommandLeavesTheClientAsItWas() throws Exception {
        aliceAndBob();
        JsonNode before = peer.epochInfo("alice");
        String kept = peer.ok("encrypt", "bob", "text", "kept").get("message").asText();

        assertThat(peer.fails("add", "alice", "key_package", "00ff")).isNotBlank();
        assertThat(peer.fails("add", "alice", "key_package", "xyz")).contains("hex");
        assertThat(peer.fails("add", "alice", "key_package", List.of())).contains("empty");
        assertThat(peer.fails("remove", "alice", "index", 7)).isNotBlank();
        assertThat(peer.fails("remove", "alice", "index", -1)).contains("index");
        assertThat(peer.fails("remove", "alice")).contains("index");
        assertThat(peer.fails("update", "alice", "commit_wire", "sideways")).contains("commit_wire");
        assertThat(peer.fails("update", "alice", "ratchet_tree_ext", "yes")).contains("ratchet_tree_ext");
        assertThat(peer.fails("create-group", "alice", "identity", "again")).contains("already");
        assertThat(peer.fails("join", "alice", "welcome", kept)).contains("Welcome");
        assertThat(peer.fails("decrypt", "alice", "message", "0001")).isNotBlank();
        assertThat(peer.fails("process-commit", "alice", "message", kept)).contains("APPLICATION");
        assertThat(peer.fails("encrypt", "alice")).contains("text");

        assertThat(peer.epochInfo("alice")).isEqualTo(before);
        // the application message was not used up by the refused process-commit
        assertThat(peer.ok("decrypt", "alice", "message", kept).get("text").asText())
                .isEqualTo("kept");
        // and the group goes on
        String commit = peer.ok("update", "alice").get("commit").asText();
        peer.ok("process-commit", "bob", "message", commit);
        peer.assertAgree(List.of("alice", "bob"));
        // a replayed commit is of a past epoch
        JsonNode bob = peer.epochInfo("bob");
        assertThat(peer.fails("process-commit", "bob", "message", commit)).isNotBlank();
        assertThat(peer.epochInfo("bob")).isEqualTo(bob);
    }

    @Test
    void aFailedFirstCommandCreatesNoClient() throws Exception {
        assertThat(peer.fails("keypackage", "dora", "identity", "dora", "cipher_suite", 99))
                .isNotBlank();
        assertThat(peer.fails("create-group", "dora", "identity", "dora", "group_id", "zz"))
                .contains("hex");
        assertThat(peer.fails("epoch-authenticator", "dora")).contains("no client named dora");
        assertThat(peer.fails("join", "dora", "welcome", "00")).contains("no client named dora");
    }

    @Test
    void aWelcomeForAnotherClientIsRefusedAndTheKeyPackageStaysUsable() throws Exception {
        peer.ok("create-group", "alice", "identity", "alice");
        String bob = peer.ok("keypackage", "bob", "identity", "bob")
                .get("key_package")
                .asText();
        peer.ok("keypackage", "carol", "identity", "carol");
        String welcome =
                peer.ok("add", "alice", "key_package", bob).get("welcome").asText();
        assertThat(peer.fails("join", "carol", "welcome", welcome)).contains("addressed to none");
        peer.ok("join", "bob", "welcome", welcome);
        assertThat(peer.fails("join", "bob", "welcome", welcome)).contains("already");
    }

    @Test
    void severalKeyPackagesOutstandingAndTheWelcomePicksItsOwn() throws Exception {
        peer.ok("create-group", "alice", "identity", "alice");
        peer.ok("keypackage", "bob", "identity", "bob");
        String second = peer.ok("keypackage", "bob", "identity", "bob")
                .get("key_package")
                .asText();
        peer.ok("keypackage", "bob", "identity", "bob");
        String welcome =
                peer.ok("add", "alice", "key_package", second).get("welcome").asText();
        peer.ok("join", "bob", "welcome", welcome);
        peer.assertAgree(List.of("alice", "bob"));
    }

    @Test
    void suite2RunsTheWholeLifeOfAGroup() throws Exception {
        peer.ok("create-group", "alice", "identity", "alice", "cipher_suite", 2);
        String bob = peer.ok("keypackage", "bob", "identity", "bob", "cipher_suite", 2)
                .get("key_package")
                .asText();
        String wrongSuite = peer.ok("keypackage", "carol", "identity", "carol")
                .get("key_package")
                .asText();
        assertThat(peer.fails("add", "alice", "key_package", wrongSuite)).isNotBlank();
        JsonNode added = peer.ok("add", "alice", "key_package", bob);
        peer.ok("join", "bob", "welcome", added.get("welcome").asText());
        String update =
                peer.ok("update", "bob", "commit_wire", "private").get("commit").asText();
        peer.ok("process-commit", "alice", "message", update);
        peer.assertAgree(List.of("alice", "bob"));
        String message =
                peer.ok("encrypt", "alice", "text", "P-256").get("message").asText();
        assertThat(peer.ok("decrypt", "bob", "message", message).get("text").asText())
                .isEqualTo("P-256");
    }

    @Test
    void theRatchetTreeIsTheBareNodeVector() throws Exception {
        JsonNode added = aliceAndBob();
        byte[] tree = Bytes.fromHex(added.get("ratchet_tree").asText()).toByteArray();
        TlsReader reader = new TlsReader(tree);
        reader.vector(); // optional<Node> ratchet_tree<V>: one vector, nothing after it
        assertThat(reader.hasRemaining()).isFalse();
    }
}

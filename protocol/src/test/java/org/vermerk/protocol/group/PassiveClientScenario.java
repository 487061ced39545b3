package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.KeyPackagePrivateKeys;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.welcome.PskLookup;

/**
 * Runs one entry of the "Passive Client Scenarios" vectors (README-upstream.md): join with the
 * Welcome (ratchet tree from the Welcome or the entry, external PSKs from the entry), check the
 * epoch authenticator, then for each epoch process the proposals and the commit, merge it, and
 * check the epoch authenticator again.
 */
final class PassiveClientScenario {
    /**
     * A time inside the lifetimes of passive-client-welcome.json, which end on 2024-03-02 (see
     * INVENTORY.md, pitfall 1).
     */
    static final Clock WELCOME_CLOCK = at("2024-01-15T12:00:00Z");

    /** A time inside the lifetimes of passive-client-handling-commit.json, which start on 2024-03-14. */
    static final Clock HANDLING_COMMIT_CLOCK = at("2024-06-01T12:00:00Z");

    /** A time for files with eternal lifetimes (0 to 2^64-1). */
    static final Clock ANY_CLOCK = at("2026-01-01T00:00:00Z");

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static final Decoder<MlsMessage> MESSAGE = MlsMessage::decode;
    private static final Decoder<RatchetTreeNodes> TREE = RatchetTreeNodes::decode;

    private PassiveClientScenario() {}

    /** The check of one entry, with lifetimes checked at {@code clock}. */
    static TestVectors.EntryCheck at(Clock clock) {
        return entry -> run(entry, clock);
    }

    static void run(JsonNode entry, Clock clock) throws Exception {
        CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());
        KeyPackage keyPackage = ((MlsMessage.OfKeyPackage) message(entry.get("key_package"))).keyPackage();
        NewKeyPackage own = new NewKeyPackage(
                keyPackage,
                KeyPackageRef.of(suite, keyPackage),
                new KeyPackagePrivateKeys(secret(entry.get("init_priv")), secret(entry.get("encryption_priv"))));
        SigningIdentity identity = new SigningIdentity(
                keyPackage.leafNode().credential(),
                new KeyPair(
                        secret(entry.get("signature_priv")),
                        keyPackage.leafNode().signatureKey()));
        GroupConfig config = GroupConfig.defaults().withClock(clock).withExternalPsks(psks(entry.get("external_psks")));
        Optional<RatchetTreeNodes> tree =
                entry.get("ratchet_tree") == null || entry.get("ratchet_tree").isNull()
                        ? Optional.empty()
                        : Optional.of(TREE.decodeAll(bytes(entry.get("ratchet_tree"))));
        MlsMessage.OfWelcome welcome = (MlsMessage.OfWelcome) message(entry.get("welcome"));

        Group group = Group.join(suite, config, identity, welcome.welcome(), own, tree);
        assertThat(hex(group.epochAuthenticator()))
                .as("initial epoch authenticator")
                .isEqualTo(entry.get("initial_epoch_authenticator").asText());

        int index = 0;
        for (JsonNode epoch : entry.get("epochs")) {
            for (JsonNode proposal : epoch.get("proposals")) {
                assertThat(group.process(message(proposal))).isInstanceOf(ProcessedMessage.ProposalMessage.class);
            }
            ProcessedMessage processed = group.process(message(epoch.get("commit")));
            StagedCommit staged = ((ProcessedMessage.CommitMessage) processed).staged();
            group.mergeStagedCommit(staged);
            assertThat(hex(group.epochAuthenticator()))
                    .as("epoch authenticator after epoch step %d", index)
                    .isEqualTo(epoch.get("epoch_authenticator").asText());
            index++;
        }
    }

    private static PskLookup psks(JsonNode list) {
        Map<Bytes, byte[]> byId = new HashMap<>();
        if (list != null) {
            for (JsonNode psk : list) {
                byId.put(Bytes.of(bytes(psk.get("psk_id"))), bytes(psk.get("psk")));
            }
        }
        return id -> id instanceof PreSharedKeyId.External external && byId.containsKey(external.pskId())
                ? Optional.of(Secret.of(byId.get(external.pskId())))
                : Optional.empty();
    }

    private static MlsMessage message(JsonNode hex) throws Exception {
        return MESSAGE.decodeAll(bytes(hex));
    }

    private static Secret secret(JsonNode hex) {
        return Secret.wrap(bytes(hex));
    }

    private static byte[] bytes(JsonNode hex) {
        return java.util.HexFormat.of().parseHex(hex.asText());
    }

    private static String hex(Secret secret) {
        return java.util.HexFormat.of().formatHex(secret.expose());
    }
}

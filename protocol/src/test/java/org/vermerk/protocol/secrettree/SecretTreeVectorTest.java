package org.vermerk.protocol.secrettree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The official vectors {@code secret-tree.json}: entries {@code {cipher_suite, sender_data:
 * {sender_data_secret, ciphertext, key, nonce}, encryption_secret, leaves[][{generation,
 * handshake_key, handshake_nonce, application_key, application_nonce}]}}, for trees of 1, 8 and
 * 32 leaves at generations 0 and 15, all binary values hex. Per entry this test checks:
 *
 * <ul>
 *   <li>{@code key} and {@code nonce} are the sender-data key and nonce of {@code ciphertext}
 *       under {@code sender_data_secret} (§6.3.2);
 *   <li>in a secret tree with as many leaves as {@code leaves} has entries, rooted in {@code
 *       encryption_secret}, the handshake and application ratchets of leaf {@code i} give the
 *       expected key and nonce at each listed generation (§9, §9.1), requested as a receiver in
 *       the listed order (so generation 15 is reached by skipping 1 to 14).
 * </ul>
 */
class SecretTreeVectorTest {
    @TestFactory
    Stream<DynamicTest> everyLeafRatchetGivesTheExpectedKeysAndNonces() {
        return TestVectors.entriesBySuite("secret-tree.json", SecretTreeVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());

        JsonNode senderData = entry.get("sender_data");
        SenderDataKeys keys = SenderDataKeys.derive(
                new LabeledCrypto(suite),
                new SenderDataSecret(Secret.of(hex(senderData, "sender_data_secret"))),
                hex(senderData, "ciphertext"));
        assertThat(keys.key().expose()).isEqualTo(hex(senderData, "key"));
        assertThat(keys.nonce().expose()).isEqualTo(hex(senderData, "nonce"));

        JsonNode leaves = entry.get("leaves");
        SecretTree tree =
                new SecretTree(suite, new EncryptionSecret(Secret.of(hex(entry, "encryption_secret"))), leaves.size());
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            for (JsonNode step : leaves.get(leaf)) {
                long generation = step.get("generation").asLong();
                KeyAndNonce handshake = tree.forReceiving(LeafIndex.of(leaf), RatchetType.HANDSHAKE, generation);
                assertThat(handshake.generation()).isEqualTo(generation);
                assertThat(handshake.key().expose())
                        .as("handshake key, leaf %d, generation %d", leaf, generation)
                        .isEqualTo(hex(step, "handshake_key"));
                assertThat(handshake.nonce().expose()).isEqualTo(hex(step, "handshake_nonce"));
                KeyAndNonce application = tree.forReceiving(LeafIndex.of(leaf), RatchetType.APPLICATION, generation);
                assertThat(application.key().expose())
                        .as("application key, leaf %d, generation %d", leaf, generation)
                        .isEqualTo(hex(step, "application_key"));
                assertThat(application.nonce().expose()).isEqualTo(hex(step, "application_nonce"));
            }
        }
    }
}

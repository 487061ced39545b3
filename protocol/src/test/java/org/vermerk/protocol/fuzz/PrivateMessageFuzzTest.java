package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.PrivateMessage;
import org.vermerk.protocol.framing.SenderData;
import org.vermerk.protocol.framing.protection.FramingException;
import org.vermerk.protocol.framing.protection.FramingRule;
import org.vermerk.protocol.framing.protection.Padding;
import org.vermerk.protocol.framing.protection.PrivateMessageProtection;
import org.vermerk.protocol.framing.protection.SignatureKeys;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.secrettree.KeyAndNonce;
import org.vermerk.protocol.secrettree.RatchetPolicy;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.secrettree.SenderDataKeys;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Fuzzes PrivateMessage decryption (RFC 9420 §6.3) in one fixed epoch: the suite 1 entry of the
 * official {@code message-protection.json} vectors (its group context, {@code encryption_secret},
 * {@code sender_data_secret} and the signature key of the sender, member 1 of a two-leaf tree).
 * Every input gets a fresh secret tree, so that inputs do not depend on each other, and goes
 * through {@link PrivateMessageProtection#unprotect}; only the engine's MlsExceptions may come out,
 * within {@link FuzzBudget} (resealed messages, which reach the ratchet, with an allowance for the
 * steps a claimed generation costs). Three ways in:
 *
 * <ul>
 *   <li>arbitrary bytes as a PrivateMessage MLSMessage;
 *   <li>edits ({@link Mutations}) to one of the vector's three PrivateMessages (proposal, commit,
 *       application); the empty input is the application message unchanged, which opens;
 *   <li>edits to the decrypted PrivateMessageContent of one of them, and a fuzzed reuse guard and
 *       generation, encrypted again with the right keys (content under the sender's ratchet key,
 *       sender data under the sender data key), so that content decoding, padding and the
 *       signature check see the damage.
 * </ul>
 */
class PrivateMessageFuzzTest {
    private static final Decoder<MlsMessage> DECODER = MlsMessage::decode;
    private static final Decoder<SenderData> SENDER_DATA = SenderData::decode;
    /** The sender's side of a resealed message reaches any generation; the receiver's keeps the default policy. */
    private static final RatchetPolicy SENDER_POLICY = new RatchetPolicy(0, Integer.MAX_VALUE);
    /**
     * What the receiver may allocate beyond the input's budget: deriving the skipped generations of a
     * ratchet, at most the default forward distance of them (see {@link FuzzBudget}), 8 KiB each.
     */
    private static final long RATCHET_ALLOWANCE = 8192L * RatchetPolicy.DEFAULT.maxForwardDistance();

    private static final LeafIndex SENDER = LeafIndex.of(1);

    private static final JsonNode VECTOR =
            TestVectors.load("message-protection.json").get(0);
    private static final CipherSuite SUITE = suite();
    private static final LabeledCrypto CRYPTO = new LabeledCrypto(SUITE);
    private static final GroupContext CONTEXT = new GroupContext(
            GroupContext.MLS10,
            SUITE.id(),
            hex("group_id"),
            VECTOR.get("epoch").asLong(),
            hex("tree_hash"),
            hex("confirmed_transcript_hash"),
            List.of());
    private static final Bytes SIGNATURE_KEY = hex("signature_pub");
    private static final SignatureKeys ONLY_THE_SENDER = leaf -> {
        if (!leaf.equals(SENDER)) {
            throw new FramingException(FramingRule.UNKNOWN_SENDER, leaf + " is blank");
        }
        return SIGNATURE_KEY;
    };
    private static final List<byte[]> MESSAGES = List.of(
            hex("application_priv").toByteArray(),
            hex("proposal_priv").toByteArray(),
            hex("commit_priv").toByteArray());
    private static final List<byte[]> PLAINTEXTS =
            MESSAGES.stream().map(PrivateMessageFuzzTest::plaintextOf).toList();

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(VECTOR.get("cipher_suite").asInt(), FuzzFixtures.seeded(2));
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private static Bytes hex(String field) {
        return Bytes.fromHex(VECTOR.get(field).asText());
    }

    private static SecretTree freshTree() {
        return freshTree(RatchetPolicy.DEFAULT);
    }

    private static SecretTree freshTree(RatchetPolicy policy) {
        return new SecretTree(
                SUITE, new EncryptionSecret(Secret.of(hex("encryption_secret").toByteArray())), 2, policy);
    }

    private static SenderDataSecret senderDataSecret() {
        return new SenderDataSecret(Secret.of(hex("sender_data_secret").toByteArray()));
    }

    /** Unprotects {@code message} as member 0 of the vector's epoch does, with a fresh secret tree. */
    private static void receive(byte[] message) throws MlsException {
        if (DECODER.decodeAll(message) instanceof MlsMessage.OfPrivateMessage(PrivateMessage privateMessage)) {
            SecretTree tree = freshTree();
            try {
                new PrivateMessageProtection(SUITE, CONTEXT, senderDataSecret(), tree, Padding.NONE)
                        .unprotect(privateMessage, ONLY_THE_SENDER);
            } finally {
                tree.destroy();
            }
        }
    }

    @Test
    void theVectorMessagesAndTheirResealedPlaintextsOpen() throws MlsException {
        for (int i = 0; i < MESSAGES.size(); i++) {
            receive(MESSAGES.get(i));
            PrivateMessage original = privateMessage(MESSAGES.get(i));
            receive(reseal(original, PLAINTEXTS.get(i), 0, Bytes.fromHex("00000000")));
        }
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void arbitraryBytesAsAPrivateMessageFailWithMlsException(byte[] input) {
        FuzzBudget.check(input.length, () -> receive(input));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void mutatedVectorMessageFailsWithMlsException(FuzzedDataProvider data) {
        byte[] message = Mutations.apply(MESSAGES.get(data.consumeInt(0, MESSAGES.size() - 1)), data);
        FuzzBudget.check(message.length, () -> receive(message));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void resealedMutatedContentFailsWithMlsException(FuzzedDataProvider data) {
        int which = data.consumeInt(0, MESSAGES.size() - 1);
        long generation = data.consumeLong(0, 1100); // past the ratchet's forward distance of 1000
        Bytes reuseGuard = Bytes.of(data.consumeBytes(SenderData.REUSE_GUARD_LENGTH));
        if (reuseGuard.size() < SenderData.REUSE_GUARD_LENGTH) {
            reuseGuard = Bytes.fromHex("00000000");
        }
        byte[] plaintext = Mutations.apply(PLAINTEXTS.get(which), data);
        byte[] message = reseal(privateMessage(MESSAGES.get(which)), plaintext, generation, reuseGuard);
        FuzzBudget.check(message.length, RATCHET_ALLOWANCE, () -> receive(message));
    }

    private static PrivateMessage privateMessage(byte[] message) {
        try {
            return ((MlsMessage.OfPrivateMessage) DECODER.decodeAll(message)).message();
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    /** The PrivateMessageContent (with padding) inside one of the vector's messages (§6.3.1, §6.3.2). */
    private static byte[] plaintextOf(byte[] encoded) {
        PrivateMessage message = privateMessage(encoded);
        try {
            SenderDataKeys senderDataKeys = SenderDataKeys.derive(
                    CRYPTO, senderDataSecret(), message.ciphertext().toByteArray());
            SenderData senderData = SENDER_DATA.decodeAll(SUITE.aeadOpen(
                    senderDataKeys.key().expose(),
                    senderDataKeys.nonce().expose(),
                    message.senderDataAad().encoded(),
                    message.encryptedSenderData().toByteArray()));
            KeyAndNonce keys = freshTree()
                    .forReceiving(
                            senderData.leafIndex(),
                            PrivateMessageProtection.ratchetFor(message.contentType()),
                            senderData.generation());
            return SUITE.aeadOpen(
                    keys.key().expose(),
                    guarded(keys.nonce(), senderData.reuseGuard()),
                    message.contentAad().encoded(),
                    message.ciphertext().toByteArray());
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code original}'s header around {@code plaintext}, encrypted as the sender (member 1) does
     * with {@code generation} of its ratchet and {@code reuseGuard}.
     */
    private static byte[] reseal(PrivateMessage original, byte[] plaintext, long generation, Bytes reuseGuard) {
        try {
            KeyAndNonce keys = freshTree(SENDER_POLICY)
                    .forReceiving(SENDER, PrivateMessageProtection.ratchetFor(original.contentType()), generation);
            byte[] ciphertext = SUITE.aeadSeal(
                    keys.key().expose(),
                    guarded(keys.nonce(), reuseGuard),
                    original.contentAad().encoded(),
                    plaintext);
            SenderDataKeys senderDataKeys = SenderDataKeys.derive(CRYPTO, senderDataSecret(), ciphertext);
            byte[] encryptedSenderData = SUITE.aeadSeal(
                    senderDataKeys.key().expose(),
                    senderDataKeys.nonce().expose(),
                    original.senderDataAad().encoded(),
                    new SenderData(SENDER, generation, reuseGuard).encoded());
            return new MlsMessage.OfPrivateMessage(new PrivateMessage(
                            original.groupId(),
                            original.epoch(),
                            original.contentType(),
                            original.authenticatedData(),
                            Bytes.of(encryptedSenderData),
                            Bytes.of(ciphertext)))
                    .encoded();
        } catch (MlsException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] guarded(Secret nonce, Bytes reuseGuard) {
        byte[] value = nonce.expose();
        for (int i = 0; i < SenderData.REUSE_GUARD_LENGTH; i++) {
            value[i] ^= reuseGuard.get(i);
        }
        return value;
    }
}

package org.vermerk.protocol.secrettree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * A secret tree written with {@link SecretTree#writeState} and read back with {@link
 * SecretTree#readState} (the part of a stored group state, ADR 0009) gives the same keys for what
 * was not yet consumed, refuses what was (SECRET-TREE-2), and its bytes hold neither the
 * {@code encryption_secret} nor any key already handed out (§9.2: forward secrecy holds on disk).
 */
class SecretTreeStateTest {
    private static final int LEAVES = 4;
    private static final LeafIndex SENDER = LeafIndex.of(1);
    private static final RatchetType APP = RatchetType.APPLICATION;
    private static final HexFormat HEX = HexFormat.of();

    private final CipherSuite suite = CipherSuites.byId(1);

    SecretTreeStateTest() throws Exception {}

    private static EncryptionSecret root() {
        byte[] value = new byte[32];
        value[0] = 7;
        return new EncryptionSecret(Secret.of(value));
    }

    /** The sender's keys of generations 0..count-1, from an independent tree. */
    private List<byte[]> sentKeys(int count) throws Exception {
        SecretTree sender = new SecretTree(suite, root(), LEAVES);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(sender.nextForSending(SENDER, APP).key().expose());
        }
        return keys;
    }

    private static byte[] written(SecretTree tree) {
        TlsWriter writer = new TlsWriter();
        tree.writeState(writer);
        return writer.toByteArray();
    }

    @Test
    void aReadTreeContinuesWhereTheWrittenOneWas() throws Exception {
        List<byte[]> sent = sentKeys(6);
        SecretTree receiver = new SecretTree(suite, root(), LEAVES, new RatchetPolicy(10, 100));
        receiver.forReceiving(SENDER, APP, 4); // 0..3 wait in the window
        receiver.forReceiving(SENDER, APP, 1);

        SecretTree read = SecretTree.readState(new TlsReader(written(receiver)), suite, LEAVES);

        assertThat(read.policy()).isEqualTo(new RatchetPolicy(10, 100));
        assertThat(read.forReceiving(SENDER, APP, 0).key().expose()).isEqualTo(sent.get(0));
        assertThat(read.forReceiving(SENDER, APP, 3).key().expose()).isEqualTo(sent.get(3));
        assertThat(read.forReceiving(SENDER, APP, 5).key().expose()).isEqualTo(sent.get(5));
        assertViolates(() -> read.forReceiving(SENDER, APP, 1), SecretTreeException.class, SecretTreeRule.REPLAY);
        assertViolates(() -> read.forReceiving(SENDER, APP, 4), SecretTreeException.class, SecretTreeRule.REPLAY);
    }

    @Test
    void theWrittenBytesHoldNoConsumedKeyAndNoEncryptionSecret() throws Exception {
        List<byte[]> sent = sentKeys(3);
        SecretTree receiver = new SecretTree(suite, root(), LEAVES);
        receiver.forReceiving(SENDER, APP, 0);
        receiver.forReceiving(SENDER, APP, 2);

        String bytes = HEX.formatHex(written(receiver));

        assertThat(bytes).doesNotContain(HEX.formatHex(root().secret().expose()));
        assertThat(bytes).doesNotContain(HEX.formatHex(sent.get(0)));
        assertThat(bytes).doesNotContain(HEX.formatHex(sent.get(2)));
        assertThat(bytes).contains(HEX.formatHex(sent.get(1))); // still waiting in the window
    }

    @Test
    void aLeafWithoutSecretOrRatchetsIsRejected() throws Exception {
        SecretTree receiver = new SecretTree(suite, root(), 1);
        receiver.forReceiving(LeafIndex.of(0), APP, 0);
        byte[] state = written(receiver);
        // leaf_count 1, window, distance, no node secrets, then the leaf vector: drop it
        byte[] withoutLeaves = Arrays.copyOf(state, 12 + 1 + 1);
        withoutLeaves[13] = 0;

        assertRejected(() -> SecretTree.readState(new TlsReader(withoutLeaves), suite, 1), CodecRule.INVALID_VALUE);
    }

    @Test
    void aLeafCountOtherThanTheRatchetTreesIsRejectedBeforeAnythingIsAllocated() throws Exception {
        byte[] state = written(new SecretTree(suite, root(), LEAVES));
        state[0] = 0x40; // 2^30 + 4 leaves; 2^30 alone would ask for arrays of 2^31 - 1 secrets

        assertRejected(() -> SecretTree.readState(new TlsReader(state), suite, LEAVES), CodecRule.INVALID_VALUE);
        state[0] = 0;
        state[3] = 8;
        assertRejected(() -> SecretTree.readState(new TlsReader(state), suite, LEAVES), CodecRule.INVALID_VALUE);
    }
}

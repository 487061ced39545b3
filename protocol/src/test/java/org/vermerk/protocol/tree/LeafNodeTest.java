package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.GREASE;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.keyPackageLeaf;
import static org.vermerk.protocol.testing.StructFixtures.leafNode;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

class LeafNodeTest {
    private static final Bytes GROUP_ID = bytes("0a0b0c");
    private static final LeafIndex LEAF_5 = LeafIndex.of(5);

    @Test
    void greaseAndUnknownValuesSurviveARoundTrip() throws Exception {
        LeafNode decoded = assertRoundTrip(keyPackageLeaf(), LeafNode::decode);
        assertThat(decoded.capabilities().cipherSuites()).containsExactly(1, 2, GREASE);
        assertThat(decoded.capabilities().proposals()).containsExactly(GREASE);
        assertThat(decoded.extensions()).extracting(e -> e.type()).containsExactly(0xff00, GREASE);
    }

    @Test
    void everySourceRoundTripsWithItsOwnField() throws Exception {
        assertRoundTrip(leafNode(new LeafNodeSource.FromUpdate()), LeafNode::decode);
        LeafNode commitLeaf = assertRoundTrip(leafNode(new LeafNodeSource.FromCommit(bytes("9999"))), LeafNode::decode);
        assertThat(commitLeaf.source()).isEqualTo(new LeafNodeSource.FromCommit(bytes("9999")));
    }

    @Test
    void keyPackageLeafIsSignedWithoutGroupContext() {
        LeafNode leaf = keyPackageLeaf();
        Bytes expected = withoutSignature(leaf);
        assertThat(leaf.toBeSignedInKeyPackage()).isEqualTo(expected);
        assertThat(leaf.toBeSigned(GROUP_ID, LEAF_5)).isEqualTo(expected);
    }

    @Test
    void updateAndCommitLeavesAreSignedWithGroupIdAndLeafIndex() {
        for (LeafNodeSource source :
                new LeafNodeSource[] {new LeafNodeSource.FromUpdate(), new LeafNodeSource.FromCommit(bytes("77"))}) {
            LeafNode leaf = leafNode(source);
            String expected = withoutSignature(leaf).hex() + "03" + "0a0b0c" + "00000005";
            assertThat(leaf.toBeSigned(GROUP_ID, LEAF_5).hex()).as("%s", source).isEqualTo(expected);
        }
    }

    @Test
    void updateLeafHasNoKeyPackageSignatureInput() {
        LeafNode leaf = leafNode(new LeafNodeSource.FromUpdate());
        assertThatThrownBy(leaf::toBeSignedInKeyPackage).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unknownLeafNodeSourceIsRejected() {
        byte[] encoded = leafNode(new LeafNodeSource.FromUpdate()).encoded();
        int sourceOffset = sourceOffset(leafNode(new LeafNodeSource.FromUpdate()));
        assertThat(encoded[sourceOffset]).isEqualTo((byte) 2);
        for (int invalid : new int[] {0, 4, 0xff}) {
            byte[] tampered = Arrays.copyOf(encoded, encoded.length);
            tampered[sourceOffset] = (byte) invalid;
            assertRejected(() -> LeafNode.decode(new TlsReader(tampered)), CodecRule.UNKNOWN_ENUM_VALUE);
        }
    }

    @Test
    void unknownNodeTypeIsRejected() {
        TlsWriter writer = new TlsWriter();
        Node.encode(writer, keyPackageLeaf());
        byte[] encoded = writer.toByteArray();
        assertThat(encoded[0]).isEqualTo((byte) 1);
        encoded[0] = 3;
        assertRejected(() -> RatchetTreeNodesTest.decodeNode(encoded), CodecRule.UNKNOWN_ENUM_VALUE);
    }

    /** The encoding of everything above the signature: the leaf's encoding minus its last field. */
    private static Bytes withoutSignature(LeafNode leaf) {
        byte[] encoded = leaf.encoded();
        int signatureField = 1 + leaf.signature().size();
        return Bytes.of(Arrays.copyOf(encoded, encoded.length - signatureField));
    }

    /** Where leaf_node_source sits: after the keys, the credential and the capabilities. */
    private static int sourceOffset(LeafNode leaf) {
        TlsWriter writer = new TlsWriter();
        writer.opaque(leaf.encryptionKey())
                .opaque(leaf.signatureKey())
                .write(leaf.credential())
                .write(leaf.capabilities());
        return writer.size();
    }
}

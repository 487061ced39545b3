package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRoundTrip;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.hex;
import static org.vermerk.protocol.testing.StructFixtures.keyPackageLeaf;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.treemath.LeafIndex;

class RatchetTreeNodesTest {
    static Node decodeNode(byte[] encoded) throws DecodeException {
        TlsReader reader = new TlsReader(encoded);
        Node node = Node.decode(reader);
        reader.finish();
        return node;
    }

    @Test
    void blankNodesAreEmptyOptionalsBetweenLeavesAndParents() throws Exception {
        ParentNode parent = new ParentNode(bytes("abab"), bytes(""), List.of(LeafIndex.of(1)));
        RatchetTreeNodes tree =
                new RatchetTreeNodes(List.of(Optional.of(keyPackageLeaf()), Optional.of(parent), Optional.empty()));
        RatchetTreeNodes decoded = assertRoundTrip(tree, RatchetTreeNodes::decode);
        assertThat(decoded.nodes().get(1)).contains(parent);
        assertThat(decoded.nodes().get(2)).isEmpty();
    }

    @Test
    void parentNodeIsTypeTwoWithKeyHashAndUnmergedLeaves() throws Exception {
        ParentNode parent = new ParentNode(bytes("abab"), bytes("cd"), List.of(LeafIndex.of(1), LeafIndex.of(3)));
        RatchetTreeNodes tree = new RatchetTreeNodes(List.of(Optional.of(parent)));
        assertThat(tree.encoded())
                .isEqualTo(hex("10" + "01" + "02" + "02abab" + "01cd" + "08" + "00000001" + "00000003"));
    }

    @Test
    void presenceByteOtherThanZeroOrOneIsRejected() {
        assertRejected(() -> RatchetTreeNodes.decode(new TlsReader(hex("0102"))), CodecRule.INVALID_VALUE);
    }

    @Test
    void nodeTypeZeroIsRejected() {
        assertRejected(() -> decodeNode(hex("00")), CodecRule.UNKNOWN_ENUM_VALUE);
    }
}

package org.vermerk.protocol.tree;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * A member made up for a test: a basic credential with its name, fresh signature and HPKE key
 * pairs, and leaves of any source signed with its key.
 */
public record TestMember(CipherSuite suite, String name, KeyPair signature, KeyPair encryption) {
    /** mls10, suites 1 to 3, basic credentials; no extensions or proposals beyond the defaults. */
    public static final Capabilities CAPABILITIES =
            new Capabilities(List.of(1), List.of(1, 2, 3), List.of(), List.of(), List.of(CredentialType.BASIC));

    public static TestMember create(CipherSuite suite, String name) {
        return new TestMember(suite, name, suite.generateSignatureKeyPair(), suite.generateHpkeKeyPair());
    }

    /** An unsigned leaf of this member with the given source. */
    public LeafNode unsignedLeaf(LeafNodeSource source) {
        return new LeafNode(
                encryption.publicKey(),
                signature.publicKey(),
                new BasicCredential(Bytes.of(name.getBytes(StandardCharsets.UTF_8))),
                CAPABILITIES,
                source,
                List.of(),
                Bytes.EMPTY);
    }

    /** A KeyPackage leaf valid for all time. */
    public LeafNode keyPackageLeaf() throws CryptoException {
        return sign(unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1))), Bytes.EMPTY, LeafIndex.of(0));
    }

    /** {@code leaf} signed with this member's key, bound to a group and position where its source asks. */
    public LeafNode sign(LeafNode leaf, Bytes groupId, LeafIndex index) throws CryptoException {
        return new LeafNodeSigner(new LabeledCrypto(suite)).sign(leaf, signature.privateKey(), groupId, index);
    }
}

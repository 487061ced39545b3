package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Signs a leaf node: {@code signature = SignWithLabel(signature_key, "LeafNodeTBS", LeafNodeTBS)}
 * (RFC 9420 §7.2). The group and position are part of the signed content for the {@code update}
 * and {@code commit} sources and ignored for {@code key_package}. Stateless and thread-safe.
 */
public final class LeafNodeSigner {
    private final LabeledCrypto crypto;

    public LeafNodeSigner(LabeledCrypto crypto) {
        this.crypto = crypto;
    }

    /** {@code leaf} with its signature replaced by one made with {@code signaturePrivateKey}. */
    public LeafNode sign(LeafNode leaf, Secret signaturePrivateKey, Bytes groupId, LeafIndex leafIndex)
            throws CryptoException {
        Bytes tbs = leaf.toBeSigned(groupId, leafIndex);
        Bytes signature = crypto.signWithLabel(signaturePrivateKey, "LeafNodeTBS", tbs.toByteArray());
        return new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                leaf.capabilities(),
                leaf.source(),
                leaf.extensions(),
                signature);
    }
}

package org.vermerk.protocol.keypackage;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;

/**
 * The two signatures of a KeyPackage (RFC 9420 §7.2, §10), both by the client's signature key:
 *
 * <pre>
 * leaf_node.signature = SignWithLabel(signature_key, "LeafNodeTBS", LeafNodeTBS)     // key_package source: no group context
 * signature           = SignWithLabel(signature_key, "KeyPackageTBS", KeyPackageTBS)
 * </pre>
 *
 * The leaf is signed first, since KeyPackageTBS contains the signed leaf. Each method returns a
 * copy with a fresh signature; the signature the argument carries is ignored. Stateless.
 */
public final class KeyPackageSigning {
    static final String LEAF_NODE_LABEL = "LeafNodeTBS";
    static final String KEY_PACKAGE_LABEL = "KeyPackageTBS";

    private KeyPackageSigning() {}

    /** {@code leaf} (of source key_package) with its signature over LeafNodeTBS. */
    public static LeafNode signLeafNode(CipherSuite suite, Secret signatureKey, LeafNode leaf) throws CryptoException {
        if (!(leaf.source() instanceof LeafNodeSource.FromKeyPackage)) {
            throw new IllegalArgumentException("a KeyPackage's leaf has source key_package");
        }
        Bytes signature = new LabeledCrypto(suite)
                .signWithLabel(
                        signatureKey,
                        LEAF_NODE_LABEL,
                        leaf.toBeSignedInKeyPackage().toByteArray());
        return new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                leaf.capabilities(),
                leaf.source(),
                leaf.extensions(),
                signature);
    }

    /** {@code keyPackage} with its signature over KeyPackageTBS (its leaf as it is). */
    public static KeyPackage signKeyPackage(CipherSuite suite, Secret signatureKey, KeyPackage keyPackage)
            throws CryptoException {
        Bytes signature = new LabeledCrypto(suite)
                .signWithLabel(
                        signatureKey, KEY_PACKAGE_LABEL, keyPackage.toBeSigned().toByteArray());
        return new KeyPackage(
                keyPackage.version(),
                keyPackage.cipherSuite(),
                keyPackage.initKey(),
                keyPackage.leafNode(),
                keyPackage.extensions(),
                signature);
    }
}

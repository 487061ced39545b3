package org.vermerk.protocol.keypackage;

import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.ProtocolVersion;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/**
 * Validates a received KeyPackage for a group of one cipher suite (RFC 9420 §10.1), checking in
 * this order:
 *
 * <ol>
 *   <li>version mls10 (KEYPACKAGE-1) and the group's cipher suite (KEYPACKAGE-2);
 *   <li>leaf node source {@code key_package} (KEYPACKAGE-4), the leaf's signature over LeafNodeTBS
 *       (KEYPACKAGE-5) and the KeyPackage's signature over KeyPackageTBS (KEYPACKAGE-3), both
 *       under {@code leaf_node.signature_key};
 *   <li>the credential type listed in the leaf's capabilities (KEYPACKAGE-9), every non-default
 *       extension type of leaf and KeyPackage listed too (KEYPACKAGE-10);
 *   <li>{@code init_key} different from {@code encryption_key} (KEYPACKAGE-8);
 *   <li>the lifetime around the clock's current time: not before {@code not_before}
 *       (KEYPACKAGE-7), not after {@code not_after} (KEYPACKAGE-6), both inclusive.
 * </ol>
 *
 * The time comes from the injected clock, so that tests (and vectors whose lifetimes have ended)
 * can fix it. Stateless apart from that; thread-safe.
 */
public final class KeyPackageValidator {
    private final CipherSuite suite;
    private final LabeledCrypto crypto;
    private final Clock clock;

    public KeyPackageValidator(CipherSuite suite, Clock clock) {
        this.suite = Objects.requireNonNull(suite);
        this.crypto = new LabeledCrypto(suite);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Whether an extension type is one of the defaults of §7.2 that capabilities must not list:
     * application_id, ratchet_tree, required_capabilities, external_pub, external_senders (1 to 5).
     */
    static boolean isDefaultExtensionType(int type) {
        return type >= 0x0001 && type <= 0x0005;
    }

    public VerifiedKeyPackage validate(KeyPackage keyPackage) throws KeyPackageException {
        if (keyPackage.version() != ProtocolVersion.MLS10) {
            fail(KeyPackageRule.VERSION, "protocol version " + keyPackage.version());
        }
        if (keyPackage.cipherSuite() != suite.id()) {
            fail(
                    KeyPackageRule.CIPHER_SUITE,
                    "cipher suite " + keyPackage.cipherSuite() + ", the group's is " + suite.id());
        }
        LeafNode leaf = keyPackage.leafNode();
        if (!(leaf.source() instanceof LeafNodeSource.FromKeyPackage(Lifetime lifetime))) {
            throw new KeyPackageException(
                    KeyPackageRule.LEAF_NODE_SOURCE,
                    "leaf node source " + leaf.source().type());
        }
        if (!crypto.verifyWithLabel(
                leaf.signatureKey(),
                KeyPackageSigning.LEAF_NODE_LABEL,
                leaf.toBeSignedInKeyPackage().toByteArray(),
                leaf.signature())) {
            fail(KeyPackageRule.LEAF_NODE_SIGNATURE, "the leaf node's signature does not verify");
        }
        if (!crypto.verifyWithLabel(
                leaf.signatureKey(),
                KeyPackageSigning.KEY_PACKAGE_LABEL,
                keyPackage.toBeSigned().toByteArray(),
                keyPackage.signature())) {
            fail(KeyPackageRule.SIGNATURE, "the KeyPackage's signature does not verify");
        }
        int credentialType = leaf.credential().credentialType();
        if (!leaf.capabilities().credentials().contains(credentialType)) {
            fail(
                    KeyPackageRule.CREDENTIAL_TYPE_NOT_IN_CAPABILITIES,
                    "credential type " + credentialType + " is not in the capabilities");
        }
        for (Extension extension : Stream.concat(
                        leaf.extensions().stream(),
                        keyPackage.extensions().stream().filter(e -> !Extension.isGrease(e.type())))
                .toList()) {
            if (!isDefaultExtensionType(extension.type())
                    && !leaf.capabilities().extensions().contains(extension.type())) {
                fail(
                        KeyPackageRule.EXTENSION_NOT_IN_CAPABILITIES,
                        "extension type " + extension.type() + " is not in the capabilities");
            }
        }
        if (keyPackage.initKey().equals(leaf.encryptionKey())) {
            fail(KeyPackageRule.INIT_KEY_IS_ENCRYPTION_KEY, "init_key and encryption_key are the same key");
        }
        long now = clock.instant().getEpochSecond();
        if (Long.compareUnsigned(now, lifetime.notBefore()) < 0) {
            fail(
                    KeyPackageRule.NOT_YET_VALID,
                    "valid from " + Long.toUnsignedString(lifetime.notBefore()) + ", now is " + now);
        }
        if (Long.compareUnsigned(now, lifetime.notAfter()) > 0) {
            fail(
                    KeyPackageRule.EXPIRED,
                    "valid until " + Long.toUnsignedString(lifetime.notAfter()) + ", now is " + now);
        }
        return new VerifiedKeyPackage(keyPackage, KeyPackageRef.of(suite, keyPackage));
    }

    private static void fail(KeyPackageRule rule, String detail) throws KeyPackageException {
        throw new KeyPackageException(rule, detail);
    }
}

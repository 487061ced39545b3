package org.vermerk.protocol.tree;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Leaf node validation (RFC 9420 §7.3): each check raises an {@link InvalidLeafNodeException}
 * naming its {@link LeafNodeRule}; a leaf that passes comes back as a {@link VerifiedLeafNode}.
 *
 * <p>Checked: the source fits the use (LEAF-7); the signature over the LeafNodeTBS (LEAF-1); the
 * capabilities list the group's version and cipher suite (LEAF-11), the leaf's own credential type
 * (LEAF-4), the group's required capabilities (LEAF-2) and the leaf's non-default extensions
 * (LEAF-6); a KeyPackage leaf's lifetime holds at the clock's instant (LEAF-5); and, against the
 * other members, that credential types are mutually supported (LEAF-3), the signature and
 * encryption keys are unique (LEAF-8, LEAF-9) and an Update or commit changes the encryption key
 * (LEAF-10).
 *
 * <p>Not checked here: the credential itself with the Authentication Service (§5.3.1), and an
 * application's maximum total lifetime. Time comes only from the injected {@link Clock}, so a
 * test can validate leaves whose lifetime has long ended. Stateless and thread-safe.
 */
public final class LeafNodeValidator {
    /** Extension types that are "default" (§7.2): never listed in capabilities. */
    static final Set<Integer> DEFAULT_EXTENSIONS = Set.of(1, 2, 3, 4, 5);
    /** Proposal types that are "default" (§7.2): never listed in capabilities. */
    static final Set<Integer> DEFAULT_PROPOSALS = Set.of(1, 2, 3, 4, 5, 6, 7);

    private final LabeledCrypto crypto;
    private final Clock clock;

    public LeafNodeValidator(CipherSuite suite, Clock clock) {
        this.crypto = new LabeledCrypto(suite);
        this.clock = clock;
    }

    /** Validates a leaf for the use and group its context names. */
    public VerifiedLeafNode validate(LeafNode leaf, LeafNodeContext context) throws InvalidLeafNodeException {
        checkOnItsOwn(leaf, context);
        if (context.members().isPresent()) {
            checkAgainstMembers(leaf, context, context.members().get());
        }
        return new VerifiedLeafNode(leaf, context.use());
    }

    /**
     * Validates the leaf of a KeyPackage that {@code KeyPackageValidator} has already accepted, for
     * an Add to the group its context names: every check of {@link #validate} but the signature,
     * which KEYPACKAGE-5 verified over the same LeafNodeTBS (a key_package leaf's TBS names no group
     * or position). Saves one signature verification per added member.
     */
    public VerifiedLeafNode validateOfValidatedKeyPackage(LeafNode leaf, LeafNodeContext context)
            throws InvalidLeafNodeException {
        if (context.use() != LeafNodeContext.Use.KEY_PACKAGE) {
            throw new IllegalArgumentException("not a KeyPackage leaf: " + context.use());
        }
        checkSource(leaf, context.use());
        checkWithoutSignature(leaf, context);
        if (context.members().isPresent()) {
            checkAgainstMembers(leaf, context, context.members().get());
        }
        return new VerifiedLeafNode(leaf, context.use());
    }

    /** Every check that needs no other member (all but LEAF-3, LEAF-8, LEAF-9, LEAF-10). */
    void checkOnItsOwn(LeafNode leaf, LeafNodeContext context) throws InvalidLeafNodeException {
        checkSource(leaf, context.use());
        checkSignature(leaf, context);
        checkWithoutSignature(leaf, context);
    }

    private void checkWithoutSignature(LeafNode leaf, LeafNodeContext context) throws InvalidLeafNodeException {
        Capabilities capabilities = leaf.capabilities();
        require(
                capabilities.versions().contains(GroupContext.MLS10)
                        && capabilities.cipherSuites().contains(context.cipherSuite()),
                LeafNodeRule.SUITE_OR_VERSION_NOT_SUPPORTED,
                "capabilities lack mls10 or cipher suite " + context.cipherSuite());
        int credentialType = leaf.credential().credentialType();
        require(
                capabilities.credentials().contains(credentialType),
                LeafNodeRule.OWN_CREDENTIAL_TYPE,
                "credential type " + credentialType + " is not in the capabilities");
        checkRequired(capabilities, context);
        for (var extension : leaf.extensions()) {
            require(
                    DEFAULT_EXTENSIONS.contains(extension.type())
                            || capabilities.extensions().contains(extension.type()),
                    LeafNodeRule.EXTENSION_NOT_IN_CAPABILITIES,
                    "extension type " + extension.type() + " is not in the capabilities");
        }
        if (leaf.source() instanceof LeafNodeSource.FromKeyPackage(Lifetime lifetime)) {
            long now = clock.instant().getEpochSecond();
            require(
                    Long.compareUnsigned(lifetime.notBefore(), now) <= 0
                            && Long.compareUnsigned(now, lifetime.notAfter()) <= 0,
                    LeafNodeRule.LIFETIME,
                    "lifetime " + Long.toUnsignedString(lifetime.notBefore()) + ".."
                            + Long.toUnsignedString(lifetime.notAfter()) + " does not hold at " + now);
        }
    }

    private static void checkSource(LeafNode leaf, LeafNodeContext.Use use) throws InvalidLeafNodeException {
        LeafNodeSource.Type expected = switch (use) {
            case KEY_PACKAGE -> LeafNodeSource.Type.KEY_PACKAGE;
            case UPDATE -> LeafNodeSource.Type.UPDATE;
            case COMMIT -> LeafNodeSource.Type.COMMIT;
            case TREE -> leaf.source().type();
        };
        require(
                leaf.source().type() == expected,
                LeafNodeRule.SOURCE,
                "leaf_node_source " + leaf.source().type() + " where " + expected + " is required");
    }

    private void checkSignature(LeafNode leaf, LeafNodeContext context) throws InvalidLeafNodeException {
        Bytes tbs;
        if (leaf.source() instanceof LeafNodeSource.FromKeyPackage) {
            tbs = leaf.toBeSignedInKeyPackage();
        } else {
            if (context.groupId().isEmpty() || context.leafIndex().isEmpty()) {
                throw new IllegalArgumentException("a " + leaf.source().type() + " leaf needs a group and a position");
            }
            tbs = leaf.toBeSigned(context.groupId().get(), context.leafIndex().get());
        }
        require(
                crypto.verifyWithLabel(leaf.signatureKey(), "LeafNodeTBS", tbs.toByteArray(), leaf.signature()),
                LeafNodeRule.SIGNATURE,
                "the signature of " + where(context) + " does not verify");
    }

    private static void checkRequired(Capabilities capabilities, LeafNodeContext context)
            throws InvalidLeafNodeException {
        var required = context.required();
        for (int type : required.extensionTypes()) {
            require(
                    DEFAULT_EXTENSIONS.contains(type)
                            || capabilities.extensions().contains(type),
                    LeafNodeRule.REQUIRED_CAPABILITIES,
                    "required extension type " + type + " is not supported");
        }
        for (int type : required.proposalTypes()) {
            require(
                    DEFAULT_PROPOSALS.contains(type) || capabilities.proposals().contains(type),
                    LeafNodeRule.REQUIRED_CAPABILITIES,
                    "required proposal type " + type + " is not supported");
        }
        for (int type : required.credentialTypes()) {
            require(
                    capabilities.credentials().contains(type),
                    LeafNodeRule.REQUIRED_CAPABILITIES,
                    "required credential type " + type + " is not supported");
        }
    }

    /** LEAF-3, LEAF-8, LEAF-9, LEAF-10 against the tree, leaving out the leaf being replaced. */
    private static void checkAgainstMembers(LeafNode leaf, LeafNodeContext context, RatchetTree tree)
            throws InvalidLeafNodeException {
        Optional<LeafIndex> self = context.leafIndex();
        if (context.use() == LeafNodeContext.Use.UPDATE || context.use() == LeafNodeContext.Use.COMMIT) {
            Optional<LeafNode> replaced = tree.leaf(self.orElseThrow());
            require(
                    replaced.isEmpty() || !replaced.get().encryptionKey().equals(leaf.encryptionKey()),
                    LeafNodeRule.ENCRYPTION_KEY_NOT_CHANGED,
                    "the new leaf of " + self.get() + " keeps its encryption key");
        }
        for (LeafIndex other : tree.occupiedLeaves()) {
            if (self.isPresent() && self.get().equals(other)) {
                continue;
            }
            LeafNode member = tree.leaf(other).orElseThrow();
            requireUnique(member, leaf, other);
            // Messages are built only on failure: these loops run once per member, and per added
            // member when a commit adds many.
            if (!(member.capabilities().credentials().contains(leaf.credential().credentialType())
                    && leaf.capabilities()
                            .credentials()
                            .contains(member.credential().credentialType()))) {
                throw new InvalidLeafNodeException(
                        LeafNodeRule.CREDENTIAL_TYPE_NOT_SUPPORTED,
                        "credential types of " + where(context) + " and " + other + " are not mutually supported");
            }
        }
        for (long position = 1; position < tree.size().nodeWidth(); position += 2) {
            NodeIndex node = NodeIndex.of(position);
            Optional<ParentNode> parent = tree.parent(node);
            if (parent.isPresent() && parent.get().encryptionKey().equals(leaf.encryptionKey())) {
                throw new InvalidLeafNodeException(
                        LeafNodeRule.DUPLICATE_ENCRYPTION_KEY,
                        "the encryption key of " + where(context) + " is that of " + node);
            }
        }
    }

    static void requireUnique(LeafNode member, LeafNode leaf, LeafIndex memberIndex) throws InvalidLeafNodeException {
        if (member.signatureKey().equals(leaf.signatureKey())) {
            throw new InvalidLeafNodeException(
                    LeafNodeRule.DUPLICATE_SIGNATURE_KEY, "the signature key is already that of " + memberIndex);
        }
        if (member.encryptionKey().equals(leaf.encryptionKey())) {
            throw new InvalidLeafNodeException(
                    LeafNodeRule.DUPLICATE_ENCRYPTION_KEY, "the encryption key is already that of " + memberIndex);
        }
    }

    private static String where(LeafNodeContext context) {
        return context.leafIndex().map(LeafIndex::toString).orElse("the new leaf");
    }

    static void require(boolean condition, LeafNodeRule rule, String detail) throws InvalidLeafNodeException {
        if (!condition) {
            throw new InvalidLeafNodeException(rule, detail);
        }
    }
}

package org.vermerk.protocol.keypackage;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.tree.LeafNode;

/**
 * A KeyPackage that passed {@link KeyPackageValidator} (RFC 9420 §10.1) for a group's cipher suite
 * at a point in time. Only the validator makes one, so group logic that takes this type (to add a
 * member) cannot be handed a KeyPackage that was merely decoded.
 *
 * <p>Not checked here, because it needs the group: that the credential is acceptable to the
 * Authentication Service (§5.3.1), the group's required capabilities and the credential types of
 * the other members, and that the keys are unique in the tree (§7.3).
 */
public final class VerifiedKeyPackage {
    private final KeyPackage keyPackage;
    private final KeyPackageRef ref;

    VerifiedKeyPackage(KeyPackage keyPackage, KeyPackageRef ref) {
        this.keyPackage = Objects.requireNonNull(keyPackage);
        this.ref = Objects.requireNonNull(ref);
    }

    public KeyPackage keyPackage() {
        return keyPackage;
    }

    public KeyPackageRef ref() {
        return ref;
    }

    public Bytes initKey() {
        return keyPackage.initKey();
    }

    public LeafNode leafNode() {
        return keyPackage.leafNode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedKeyPackage that && keyPackage.equals(that.keyPackage);
    }

    @Override
    public int hashCode() {
        return keyPackage.hashCode();
    }

    @Override
    public String toString() {
        return "VerifiedKeyPackage[" + ref.value() + "]";
    }
}

package org.vermerk.protocol.group;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.treemath.LeafIndex;

/** A member of a group as its leaf shows it (RFC 9420 §7.2): position, credential and signature key. */
public record Member(LeafIndex leafIndex, Credential credential, Bytes signatureKey) {
    public Member {
        Objects.requireNonNull(leafIndex);
        Objects.requireNonNull(credential);
        Objects.requireNonNull(signatureKey);
    }

    static Member of(LeafIndex index, LeafNode leaf) {
        return new Member(index, leaf.credential(), leaf.signatureKey());
    }
}

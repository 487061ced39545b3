package org.vermerk.protocol.group;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.ExternalInit;
import org.vermerk.protocol.messages.ReInit;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The result of applying a commit's proposals (RFC 9420 §12.4.2): the tree before the path, the
 * next epoch's extensions, who was added, updated and removed, the PSKs to inject, and the
 * ExternalInit or ReInit if there was one.
 */
record AppliedProposals(
        RatchetTree tree,
        List<Extension> extensions,
        List<Added> added,
        List<Member> updated,
        List<Member> removed,
        List<PreSharedKeyId> psks,
        Optional<ExternalInit> externalInit,
        Optional<ReInit> reInit) {
    /** A member added by the commit: its new leaf and the KeyPackage it came with. */
    record Added(LeafIndex leaf, VerifiedKeyPackage keyPackage) {}

    AppliedProposals {
        extensions = List.copyOf(extensions);
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
        psks = List.copyOf(psks);
    }

    Set<LeafIndex> addedLeaves() {
        return added.stream().map(Added::leaf).collect(Collectors.toUnmodifiableSet());
    }
}

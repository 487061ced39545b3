package org.vermerk.protocol.group;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.ExternalInit;
import org.vermerk.protocol.messages.GroupContextExtensions;
import org.vermerk.protocol.messages.PreSharedKey;
import org.vermerk.protocol.messages.ReInit;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Update;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.tree.LeafNodeContext;
import org.vermerk.protocol.tree.LeafNodeValidator;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Applies a validated proposal list to a copy of the tree (RFC 9420 §12.4.2), in the order the
 * RFC fixes: the GroupContextExtensions, then every Update, every Remove, every Add (each in list
 * order); PSK ids are collected in list order. Each added leaf is validated against the group as
 * it stands at that point, with the new extensions (§7.3: LEAF-*), so that a client re-added in
 * the commit that removes its old leaf is accepted. The state given is not changed. Thread-safe.
 */
final class ProposalApplier {
    private final KeyPackageValidator keyPackages;
    private final LeafNodeValidator leaves;

    ProposalApplier(CipherSuite suite, Clock clock) {
        this.keyPackages = new KeyPackageValidator(suite, clock);
        this.leaves = new LeafNodeValidator(suite, clock);
    }

    AppliedProposals apply(EpochState state, List<QueuedProposal> proposals) throws MlsException {
        return apply(state, proposals, Map.of());
    }

    /**
     * As {@link #apply(EpochState, List)}, with the KeyPackages of Adds that {@link
     * ProposalValidation#checkMemberCommit} already validated in this commit; others are validated
     * here.
     */
    AppliedProposals apply(
            EpochState state, List<QueuedProposal> proposals, Map<QueuedProposal, VerifiedKeyPackage> validatedAdds)
            throws MlsException {
        RatchetTree tree = state.tree.copy();
        List<Extension> extensions = state.context.extensions();
        List<PreSharedKeyId> psks = new ArrayList<>();
        Optional<ExternalInit> externalInit = Optional.empty();
        Optional<ReInit> reInit = Optional.empty();
        for (QueuedProposal queued : proposals) {
            switch (queued.proposal()) {
                case GroupContextExtensions gce -> extensions = gce.extensions();
                case PreSharedKey psk -> psks.add(psk.psk());
                case ExternalInit init -> externalInit = Optional.of(init);
                case ReInit r -> reInit = Optional.of(r);
                default -> {}
            }
        }
        List<Member> updated = new ArrayList<>();
        for (QueuedProposal queued : proposals) {
            if (queued.proposal() instanceof Update update) {
                LeafIndex sender = ((Sender.Member) queued.sender()).leafIndex();
                tree.updateLeaf(sender, update.leafNode());
                updated.add(Member.of(sender, update.leafNode()));
            }
        }
        List<Member> removed = new ArrayList<>();
        for (QueuedProposal queued : proposals) {
            if (queued.proposal() instanceof Remove remove) {
                removed.add(
                        Member.of(remove.removed(), tree.leaf(remove.removed()).orElseThrow()));
                tree.removeLeaf(remove.removed());
            }
        }
        GroupContext withExtensions = new GroupContext(
                state.context.version(),
                state.context.cipherSuite(),
                state.context.groupId(),
                state.context.epoch() + 1,
                state.context.treeHash(),
                state.context.confirmedTranscriptHash(),
                extensions);
        List<AppliedProposals.Added> added = new ArrayList<>();
        for (QueuedProposal queued : proposals) {
            if (queued.proposal() instanceof Add add) {
                VerifiedKeyPackage keyPackage = validatedAdds.get(queued);
                if (keyPackage == null) {
                    keyPackage = keyPackages.validate(add.keyPackage());
                }
                leaves.validateOfValidatedKeyPackage(
                        keyPackage.leafNode(), LeafNodeContext.forAdd(withExtensions, tree));
                added.add(new AppliedProposals.Added(tree.addLeaf(keyPackage.leafNode()), keyPackage));
            }
        }
        return new AppliedProposals(tree, extensions, added, updated, removed, psks, externalInit, reInit);
    }
}

package org.vermerk.protocol.group;

import java.time.Clock;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.extension.RequiredCapabilities;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.keypackage.KeyPackageRef;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.ExternalInit;
import org.vermerk.protocol.messages.GroupContextExtensions;
import org.vermerk.protocol.messages.PreSharedKey;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.ReInit;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Update;
import org.vermerk.protocol.schedule.PreSharedKeyId;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeContext;
import org.vermerk.protocol.tree.LeafNodeValidator;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Validation of proposals (RFC 9420 §12.1), of the proposal list of a member's commit (§12.2) and
 * of an external commit (§12.4.3.2). Each failure names its {@link GroupRule}; the leaves and
 * KeyPackages proposals carry are checked with {@link KeyPackageValidator} and {@link
 * LeafNodeValidator} (KEYPACKAGE-*, LEAF-*). That an added leaf fits the tree after the other
 * proposals (unique keys, §7.3) is checked when the proposals are applied ({@link ProposalApplier}).
 * Stateless apart from the clock; thread-safe.
 */
final class ProposalValidation {
    private final CipherSuite suite;
    private final KeyPackageValidator keyPackages;
    private final LeafNodeValidator leaves;

    ProposalValidation(CipherSuite suite, Clock clock) {
        this.suite = suite;
        this.keyPackages = new KeyPackageValidator(suite, clock);
        this.leaves = new LeafNodeValidator(suite, clock);
    }

    /**
     * A proposal on its own (§12.1): may its sender send it, and is it valid in this epoch? For an
     * Add, the KeyPackage it validated.
     */
    Optional<VerifiedKeyPackage> checkProposal(EpochState state, QueuedProposal queued) throws MlsException {
        Proposal proposal = queued.proposal();
        checkSender(queued.sender(), proposal);
        switch (proposal) {
            case Add add -> {
                return Optional.of(keyPackages.validate(add.keyPackage()));
            }
            case Update update -> {
                LeafIndex sender = ((Sender.Member) queued.sender()).leafIndex();
                leaves.validate(update.leafNode(), LeafNodeContext.forUpdate(state.context, state.tree, sender));
            }
            case Remove remove -> {
                if (!state.tree.size().contains(remove.removed())
                        || state.tree.leaf(remove.removed()).isEmpty()) {
                    throw new InvalidProposalException(
                            GroupRule.REMOVE_BLANK_LEAF, "Remove of " + remove.removed() + ", which is blank");
                }
            }
            case PreSharedKey psk -> checkPsk(psk.psk());
            case ReInit reInit -> {
                if (reInit.version() < state.context.version()) {
                    throw new InvalidProposalException(
                            GroupRule.REINIT_VERSION, "ReInit to version " + reInit.version());
                }
            }
            case ExternalInit externalInit -> {
                // valid only inside an external commit, which checkSender enforces
            }
            case GroupContextExtensions extensions -> checkExtensionsSupported(state.tree, extensions.extensions());
        }
        return Optional.empty();
    }

    /** GROUP-21, GROUP-28: which sender types may send which proposals (§12.1, §12.1.8). */
    private static void checkSender(Sender sender, Proposal proposal) throws InvalidProposalException {
        switch (sender) {
            case Sender.Member member -> {
                if (proposal instanceof ExternalInit) {
                    throw new InvalidProposalException(GroupRule.PROPOSAL_SENDER, "an ExternalInit from a member");
                }
            }
            case Sender.External external -> {
                if (proposal instanceof Update || proposal instanceof ExternalInit) {
                    throw new InvalidProposalException(
                            GroupRule.EXTERNAL_SENDER_PROPOSAL,
                            "proposal type " + proposal.proposalType() + " from an external sender");
                }
            }
            case Sender.NewMemberProposal newMember -> {
                if (!(proposal instanceof Add)) {
                    throw new InvalidProposalException(
                            GroupRule.PROPOSAL_SENDER,
                            "proposal type " + proposal.proposalType() + " from a new member");
                }
            }
            case Sender.NewMemberCommit newMember -> {
                if (proposal instanceof Update || proposal instanceof Add) {
                    throw new InvalidProposalException(
                            GroupRule.PROPOSAL_SENDER,
                            "proposal type " + proposal.proposalType() + " in an external commit");
                }
            }
        }
    }

    /** GROUP-13, GROUP-14: the nonce length and usage of a PSK id (§12.1.4). */
    void checkPsk(PreSharedKeyId id) throws InvalidProposalException {
        if (id.pskNonce().size() != suite.hashLength()) {
            throw new InvalidProposalException(
                    GroupRule.PSK_NONCE_LENGTH, "psk_nonce of " + id.pskNonce().size() + " bytes");
        }
        if (id instanceof PreSharedKeyId.Resumption resumption
                && resumption.usage() != PreSharedKeyId.ResumptionPskUsage.APPLICATION) {
            throw new InvalidProposalException(
                    GroupRule.PSK_USAGE, "a resumption PSK of usage " + resumption.usage() + " in a commit");
        }
    }

    /** GROUP-16: every member supports the new extensions and what they require (§12.1.7). */
    static void checkExtensionsSupported(RatchetTree tree, List<Extension> extensions) throws MlsException {
        RequiredCapabilities required = RequiredCapabilities.find(extensions).orElse(RequiredCapabilities.NONE);
        for (LeafIndex member : tree.occupiedLeaves()) {
            Capabilities capabilities = tree.leaf(member).orElseThrow().capabilities();
            for (Extension extension : extensions) {
                requireSupported(
                        !ExtensionTypes.isDefault(extension.type()),
                        capabilities.extensions(),
                        extension.type(),
                        member,
                        "extension");
            }
            for (int type : required.extensionTypes()) {
                requireSupported(!ExtensionTypes.isDefault(type), capabilities.extensions(), type, member, "extension");
            }
            for (int type : required.proposalTypes()) {
                requireSupported(type < 1 || type > 7, capabilities.proposals(), type, member, "proposal");
            }
            for (int type : required.credentialTypes()) {
                requireSupported(true, capabilities.credentials(), type, member, "credential");
            }
        }
    }

    private static void requireSupported(
            boolean mustBeListed, List<Integer> supported, int type, LeafIndex member, String what)
            throws InvalidProposalException {
        if (mustBeListed && !supported.contains(type)) {
            throw new InvalidProposalException(
                    GroupRule.EXTENSIONS_NOT_SUPPORTED, member + " does not support " + what + " type " + type);
        }
    }

    /**
     * The proposal list of a commit by the member at {@code committer} (§12.2). Returns the
     * KeyPackages of its Adds as validated here, by proposal, so that applying them need not verify
     * their signatures again ({@link ProposalApplier#apply}).
     */
    Map<QueuedProposal, VerifiedKeyPackage> checkMemberCommit(
            EpochState state, LeafIndex committer, List<QueuedProposal> proposals) throws MlsException {
        Map<QueuedProposal, VerifiedKeyPackage> validatedAdds = new IdentityHashMap<>();
        Set<LeafIndex> changed = new HashSet<>();
        Set<LeafIndex> removed = new HashSet<>();
        Set<Bytes> addedKeys = new HashSet<>();
        Set<KeyPackageRef> addedPackages = new HashSet<>();
        Set<PreSharedKeyId> psks = new HashSet<>();
        int extensionProposals = 0;
        boolean reInit = false;
        for (QueuedProposal queued : proposals) {
            if (queued.proposal() instanceof ExternalInit) {
                throw new InvalidProposalException(
                        GroupRule.EXTERNAL_INIT_IN_MEMBER_COMMIT, "an ExternalInit in a member's commit");
            }
            checkProposal(state, queued).ifPresent(keyPackage -> validatedAdds.put(queued, keyPackage));
            switch (queued.proposal()) {
                case Update update -> {
                    LeafIndex sender = ((Sender.Member) queued.sender()).leafIndex();
                    if (sender.equals(committer)) {
                        throw new InvalidProposalException(
                                GroupRule.UPDATE_BY_COMMITTER, "the committer " + committer + " covers its own Update");
                    }
                    requireFirstChange(changed, sender);
                }
                case Remove remove -> {
                    if (remove.removed().equals(committer)) {
                        throw new InvalidProposalException(
                                GroupRule.REMOVES_COMMITTER, "the committer " + committer + " removes itself");
                    }
                    requireFirstChange(changed, remove.removed());
                    removed.add(remove.removed());
                }
                case Add add -> {
                    Bytes key = add.keyPackage().leafNode().signatureKey();
                    if (!addedKeys.add(key) || !addedPackages.add(KeyPackageRef.of(suite, add.keyPackage()))) {
                        throw new InvalidProposalException(
                                GroupRule.DUPLICATE_ADD, "two Adds of the client with signature key " + key);
                    }
                }
                case PreSharedKey psk -> {
                    if (!psks.add(psk.psk())) {
                        throw new InvalidProposalException(
                                GroupRule.DUPLICATE_PSK, "two PreSharedKey proposals for one id");
                    }
                }
                case GroupContextExtensions extensions -> extensionProposals++;
                case ReInit r -> reInit = true;
                case ExternalInit externalInit -> throw new IllegalStateException("refused above");
            }
        }
        if (extensionProposals > 1) {
            throw new InvalidProposalException(
                    GroupRule.MULTIPLE_GROUP_CONTEXT_EXTENSIONS,
                    extensionProposals + " GroupContextExtensions proposals");
        }
        if (reInit && proposals.size() > 1) {
            throw new InvalidProposalException(
                    GroupRule.REINIT_NOT_ALONE, "a ReInit with " + (proposals.size() - 1) + " other proposals");
        }
        for (LeafIndex member : state.tree.occupiedLeaves()) {
            Bytes key = state.tree.leaf(member).orElseThrow().signatureKey();
            if (addedKeys.contains(key) && !removed.contains(member)) {
                throw new InvalidProposalException(
                        GroupRule.ADD_OF_MEMBER, "an Add of the client already at " + member);
            }
        }
        return validatedAdds;
    }

    private static void requireFirstChange(Set<LeafIndex> changed, LeafIndex leaf) throws InvalidProposalException {
        if (!changed.add(leaf)) {
            throw new InvalidProposalException(
                    GroupRule.SAME_LEAF_CHANGED_TWICE, "more than one Update or Remove for " + leaf);
        }
    }

    /**
     * The proposal list of an external commit (§12.4.3.2): exactly one ExternalInit, PreSharedKeys,
     * and at most one Remove, of a former leaf with the joiner's own credential.
     */
    void checkExternalCommit(EpochState state, LeafNode joinerLeaf, List<QueuedProposal> proposals)
            throws MlsException {
        int externalInits = 0;
        Optional<LeafIndex> removed = Optional.empty();
        Set<PreSharedKeyId> psks = new HashSet<>();
        for (QueuedProposal queued : proposals) {
            switch (queued.proposal()) {
                case ExternalInit init -> externalInits++;
                case Remove remove -> {
                    checkProposal(state, queued);
                    LeafNode old = state.tree.leaf(remove.removed()).orElseThrow();
                    if (removed.isPresent() || !old.credential().equals(joinerLeaf.credential())) {
                        throw new InvalidCommitException(
                                GroupRule.EXTERNAL_COMMIT_REMOVES_OTHER,
                                "an external joiner removes " + remove.removed()
                                        + ", which is not a former leaf of its own");
                    }
                    removed = Optional.of(remove.removed());
                }
                case PreSharedKey psk -> {
                    checkProposal(state, queued);
                    if (!psks.add(psk.psk())) {
                        throw new InvalidProposalException(
                                GroupRule.DUPLICATE_PSK, "two PreSharedKey proposals for one id");
                    }
                }
                default ->
                    throw new InvalidCommitException(
                            GroupRule.EXTERNAL_COMMIT_PROPOSAL_TYPE,
                            "proposal type " + queued.proposal().proposalType() + " in an external commit");
            }
        }
        if (externalInits != 1) {
            throw new InvalidCommitException(
                    GroupRule.EXTERNAL_COMMIT_EXTERNAL_INIT,
                    externalInits + " ExternalInit proposals in an external commit");
        }
    }
}

package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.protection.VerifiedContent;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.ProposalOrRef;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.ExternalInit;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.InitSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.ConfirmedTranscriptHashInput;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.treekem.ProcessedPath;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treekem.UpdatePathProcessor;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Processes a commit someone else sent (RFC 9420 §12.4.2), whose framing is already verified, into
 * a {@link StagedCommit}; the epoch state given is not changed:
 *
 * <ol>
 *   <li>the sender is a member other than us (GROUP-22, GROUP-27) or a new member with an external
 *       commit;
 *   <li>proposals by reference are looked up among those received this epoch (GROUP-1; an external
 *       commit carries none, GROUP-20), then the list is validated (§12.2 or §12.4.3.2) and applied
 *       to a copy of the tree ({@link ProposalValidation}, {@link ProposalApplier});
 *   <li>the path is present where required (GROUP-2) and processed by TreeKEM with the provisional
 *       GroupContext ({@link UpdatePathProcessor}), else the commit secret is zero;
 *   <li>the confirmed transcript hash, the new GroupContext, the key schedule from the previous
 *       {@code init_secret} (or, for an external commit, from the ExternalInit's {@code kem_output}
 *       and the epoch's {@code external_priv}), the PSKs (GROUP-23), and the confirmation tag
 *       (TRANSCRIPT-1).
 * </ol>
 *
 * When the commit removes us, the next epoch is not computed (we could not decrypt its path): the
 * staged commit says so. Stateless apart from its configuration; thread-safe.
 */
final class CommitProcessor {
    private final CipherSuite suite;
    private final GroupConfig config;
    private final ProposalValidation validation;
    private final ProposalApplier applier;
    private final UpdatePathProcessor paths;

    CommitProcessor(CipherSuite suite, GroupConfig config) {
        this.suite = suite;
        this.config = config;
        this.validation = new ProposalValidation(suite, config.clock());
        this.applier = new ProposalApplier(suite, config.clock());
        this.paths = new UpdatePathProcessor(suite, config.clock());
    }

    StagedCommit process(EpochState state, VerifiedContent verified) throws MlsException {
        AuthenticatedContent content = verified.authenticatedContent();
        if (!(content.content().content() instanceof Content.CommitContent(Commit commit))) {
            throw new IllegalArgumentException(
                    "not a commit: " + content.content().contentType());
        }
        Sender sender = content.content().sender();
        boolean external = sender instanceof Sender.NewMemberCommit;
        if (!(sender instanceof Sender.Member) && !external) {
            throw new InvalidCommitException(GroupRule.COMMIT_SENDER, "a commit from " + sender.senderType());
        }
        if (sender instanceof Sender.Member(LeafIndex leaf) && leaf.equals(state.ownLeaf())) {
            throw new InvalidCommitException(GroupRule.OWN_COMMIT, "a commit of our own " + leaf);
        }
        List<QueuedProposal> proposals = resolve(state, commit, sender, external);
        Map<QueuedProposal, VerifiedKeyPackage> validatedAdds = Map.of();
        if (external) {
            UpdatePath path = commit.path()
                    .orElseThrow(() ->
                            new InvalidCommitException(GroupRule.PATH_REQUIRED, "an external commit without a path"));
            validation.checkExternalCommit(state, path.leafNode(), proposals);
        } else {
            validatedAdds = validation.checkMemberCommit(state, ((Sender.Member) sender).leafIndex(), proposals);
        }
        AppliedProposals applied = applier.apply(state, proposals, validatedAdds);
        if (CommitRules.pathRequired(proposals) && commit.path().isEmpty()) {
            throw new InvalidCommitException(
                    GroupRule.PATH_REQUIRED, "the commit covers proposals that require a path but has none");
        }
        if (applied.removed().stream().anyMatch(m -> m.leafIndex().equals(state.ownLeaf()))) {
            return new StagedCommit(state, Optional.empty(), sender, applied);
        }

        RatchetTree tree = applied.tree();
        LeafIndex committer;
        if (external) {
            committer = tree.addLeaf(CommitRules.placeholder(commit.path().get().leafNode()));
        } else {
            committer = ((Sender.Member) sender).leafIndex();
        }
        GroupContext provisional = CommitRules.provisional(state.context, applied.extensions());
        TreePrivateKeys ownKeys = ownKeysAfterUpdates(state, applied);
        TreePrivateKeys keys;
        CommitSecret commitSecret;
        Bytes treeHash;
        if (commit.path().isPresent()) {
            ProcessedPath processed =
                    paths.process(tree, ownKeys, committer, commit.path().get(), provisional, applied.addedLeaves());
            tree = processed.tree();
            keys = processed.privateKeys();
            commitSecret = processed.commitSecret();
            treeHash = processed.groupContext().treeHash();
            processed.decryptedPathSecret().destroy();
        } else {
            keys = ownKeys.copy();
            keys.pruneTo(tree);
            commitSecret = new KeySchedule(suite).zeroCommitSecret();
            treeHash = new TreeHash(suite).root(tree);
        }

        Bytes confirmed = TranscriptHashes.confirmedAfter(
                suite, state.transcript.interim(), ConfirmedTranscriptHashInput.of(content));
        GroupContext next = NextEpoch.context(provisional, provisional.epoch(), treeHash, confirmed);
        InitSecret init = external ? externalInit(state, applied) : state.secrets.nextInitSecret();
        PskSecret psk = PskResolver.pskSecret(state, config.externalPsks(), applied.psks());
        NextEpoch epoch = NextEpoch.derive(suite, init, commitSecret, psk, next);
        psk.destroy();
        epoch.joinerSecret().destroy();
        if (external) {
            init.destroy();
        }
        Bytes tag = content.auth().confirmationTag().orElseThrow();
        try {
            ConfirmationTag.verify(suite, epoch.secrets().confirmationKey(), confirmed, tag);
        } catch (MlsException e) {
            epoch.secrets().destroy();
            throw e;
        }
        EpochState nextState = new EpochState(
                suite,
                next,
                tree,
                keys,
                epoch.secrets(),
                new TranscriptHashes(confirmed, TranscriptHashes.interimAfter(suite, confirmed, tag)),
                tag,
                state.resumptionPsks.with(next.epoch(), epoch.secrets().resumptionPsk()),
                config.ratchetPolicy());
        return new StagedCommit(state, Optional.of(nextState), sender, applied);
    }

    /**
     * Our private view before the path: when the commit applies an Update of ours, only the key
     * pair of our new leaf (the Update blanked our direct path, §12.1.2), kept since we proposed it.
     */
    private static TreePrivateKeys ownKeysAfterUpdates(EpochState state, AppliedProposals applied) {
        for (Member updated : applied.updated()) {
            if (updated.leafIndex().equals(state.ownLeaf())) {
                var newKey = applied.tree().leaf(state.ownLeaf()).orElseThrow().encryptionKey();
                var keys = state.proposals
                        .ownUpdateKeys(newKey)
                        .orElseThrow(() -> new IllegalStateException("an Update of ours whose keys we do not have"));
                return TreePrivateKeys.forLeaf(state.ownLeaf(), keys);
            }
        }
        return state.privateKeys;
    }

    /** The commit's proposals in order, those by reference from the epoch's store (GROUP-1, GROUP-20). */
    private static List<QueuedProposal> resolve(EpochState state, Commit commit, Sender sender, boolean external)
            throws MlsException {
        List<QueuedProposal> out = new ArrayList<>();
        for (ProposalOrRef entry : commit.proposals()) {
            switch (entry) {
                case ProposalOrRef.ByValue(var proposal) -> out.add(QueuedProposal.byValue(proposal, sender));
                case ProposalOrRef.ByReference(Bytes reference) -> {
                    if (external) {
                        throw new InvalidCommitException(
                                GroupRule.EXTERNAL_COMMIT_BY_REFERENCE,
                                "an external commit lists a proposal by reference");
                    }
                    ProposalRef ref = new ProposalRef(reference);
                    out.add(state.proposals.find(ref).orElseThrow(() -> new MissingProposalException(ref)));
                }
            }
        }
        return out;
    }

    /** The init secret an external joiner sent, opened with the epoch's {@code external_priv} (§8.3). */
    private InitSecret externalInit(EpochState state, AppliedProposals applied) throws MlsException {
        var kemOutput = applied.externalInit().orElseThrow().kemOutput();
        var keyPair = new KeySchedule(suite).externalKeyPair(state.secrets.externalSecret());
        try {
            return new ExternalInit(suite).receive(keyPair.privateKey(), kemOutput);
        } finally {
            keyPair.privateKey().destroy();
        }
    }
}

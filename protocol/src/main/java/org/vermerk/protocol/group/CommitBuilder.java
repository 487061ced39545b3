package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.FramedContentAuthData;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.framing.protection.ContentAuthentication;
import org.vermerk.protocol.keypackage.VerifiedKeyPackage;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.messages.PathSecret;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.ProposalOrRef;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.ConfirmedTranscriptHashInput;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.treekem.CreatedPath;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treekem.UpdatePathCreator;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;
import org.vermerk.protocol.welcome.WelcomeSender;

/**
 * Creates a member's commit (RFC 9420 §12.4.1), leaving the epoch state given unchanged:
 *
 * <ol>
 *   <li>the proposals: those received this epoch by reference (if asked) and the new ones by value,
 *       validated as a list (§12.2) and applied to a copy of the tree;
 *   <li>the path, when required (GROUP-2) or asked for, created by TreeKEM under the provisional
 *       GroupContext ({@link UpdatePathCreator}); else the commit secret is zero;
 *   <li>the FramedContent signed for the wire format (PublicMessage, or PrivateMessage when the
 *       configuration says so), the confirmed transcript hash, the new GroupContext, the key
 *       schedule and the confirmation tag, then the message protected in the current epoch;
 *   <li>for added members, a Welcome (§12.4.3.1): a GroupInfo signed by us, with the ratchet tree
 *       unless the configuration leaves it out, and per member the joiner secret, the path secret
 *       of the lowest node our path shares with its leaf, and the PSK ids.
 * </ol>
 *
 * Stateless apart from its configuration; thread-safe.
 */
final class CommitBuilder {
    private final CipherSuite suite;
    private final GroupConfig config;
    private final ProposalValidation validation;
    private final ProposalApplier applier;
    private final UpdatePathCreator paths;

    CommitBuilder(CipherSuite suite, GroupConfig config) {
        this.suite = suite;
        this.config = config;
        this.validation = new ProposalValidation(suite, config.clock());
        this.applier = new ProposalApplier(suite, config.clock());
        this.paths = new UpdatePathCreator(suite);
    }

    CreatedCommit create(EpochState state, SigningIdentity identity, CommitOptions options) throws MlsException {
        LeafIndex own = state.ownLeaf();
        Sender sender = new Sender.Member(own);
        List<ProposalOrRef> listed = new ArrayList<>();
        List<QueuedProposal> proposals = new ArrayList<>();
        if (options.includeReceivedProposals()) {
            for (QueuedProposal received : state.proposals.all()) {
                listed.add(new ProposalOrRef.ByReference(
                        received.reference().orElseThrow().value()));
                proposals.add(received);
            }
        }
        for (Proposal proposal : options.byValue()) {
            listed.add(new ProposalOrRef.ByValue(proposal));
            proposals.add(QueuedProposal.byValue(proposal, sender));
        }
        Map<QueuedProposal, VerifiedKeyPackage> validatedAdds = validation.checkMemberCommit(state, own, proposals);
        AppliedProposals applied = applier.apply(state, proposals, validatedAdds);
        boolean withPath = options.alwaysPath() || CommitRules.pathRequired(proposals);

        GroupContext provisional = CommitRules.provisional(state.context, applied.extensions());
        RatchetTree tree = applied.tree();
        TreePrivateKeys keys;
        CommitSecret commitSecret;
        Bytes treeHash;
        Optional<UpdatePath> path = Optional.empty();
        Map<NodeIndex, Secret> pathSecrets = Map.of();
        if (withPath) {
            CreatedPath created = paths.create(
                    tree,
                    own,
                    state.tree.leaf(own).orElseThrow(),
                    identity.signatureKeys().privateKey(),
                    provisional,
                    applied.addedLeaves());
            tree = created.tree();
            keys = created.privateKeys();
            commitSecret = created.commitSecret();
            treeHash = created.groupContext().treeHash();
            path = Optional.of(created.updatePath());
            pathSecrets = created.pathSecrets();
        } else {
            keys = state.privateKeys.copy();
            keys.pruneTo(tree);
            commitSecret = new KeySchedule(suite).zeroCommitSecret();
            treeHash = new TreeHash(suite).root(tree);
        }

        WireFormat wireFormat = config.encryptHandshake() ? WireFormat.PRIVATE_MESSAGE : WireFormat.PUBLIC_MESSAGE;
        FramedContent content = new FramedContent(
                state.context.groupId(),
                state.epoch(),
                sender,
                options.authenticatedData(),
                new Content.CommitContent(new Commit(listed, path)));
        Bytes signature = ContentAuthentication.signature(
                suite, identity.signatureKeys().privateKey(), wireFormat, content, state.context);
        Bytes confirmed = TranscriptHashes.confirmedAfter(
                suite, state.transcript.interim(), new ConfirmedTranscriptHashInput(wireFormat, content, signature));
        GroupContext next = NextEpoch.context(provisional, provisional.epoch(), treeHash, confirmed);
        PskSecret psk = PskResolver.pskSecret(state, config.externalPsks(), applied.psks());
        NextEpoch epoch = NextEpoch.derive(suite, state.secrets.nextInitSecret(), commitSecret, psk, next);
        Bytes tag = ConfirmationTag.compute(suite, epoch.secrets().confirmationKey(), confirmed);
        AuthenticatedContent authenticated =
                new AuthenticatedContent(wireFormat, content, new FramedContentAuthData(signature, Optional.of(tag)));
        MlsMessage message = Protection.protect(state, config, authenticated);

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
        Secret signatureKey = identity.signatureKeys().privateKey();
        Optional<MlsMessage> welcome = Optional.empty();
        try {
            if (!applied.added().isEmpty()) {
                GroupInfo info = GroupInfoFactory.create(nextState, signatureKey, config.ratchetTreeInWelcome(), false);
                List<WelcomeSender.NewMember> members = new ArrayList<>();
                for (AppliedProposals.Added added : applied.added()) {
                    Optional<PathSecret> pathSecret = Optional.ofNullable(pathSecrets.get(own.toNodeIndex()
                                    .commonAncestor(added.leaf().toNodeIndex())))
                            .map(PathSecret::new);
                    members.add(new WelcomeSender.NewMember(
                            added.keyPackage(),
                            new GroupSecrets(epoch.joinerSecret().secret(), pathSecret, applied.psks())));
                }
                welcome = Optional.of(new MlsMessage.OfWelcome(
                        new WelcomeSender(suite).seal(info, epoch.joinerSecret(), psk, members)));
            }
        } finally {
            psk.destroy();
            epoch.joinerSecret().destroy();
            pathSecrets.values().forEach(Secret::destroy);
        }
        GroupInfo published = GroupInfoFactory.create(nextState, signatureKey, true, true);
        return new CreatedCommit(
                message, welcome, published, new StagedCommit(state, Optional.of(nextState), sender, applied));
    }
}

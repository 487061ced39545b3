package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.FramedContentAuthData;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.ProtocolVersion;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.framing.protection.ContentAuthentication;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.ProposalOrRef;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.schedule.ExternalInit;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.ConfirmedTranscriptHashInput;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.tree.TreeValidator;
import org.vermerk.protocol.treekem.CreatedPath;
import org.vermerk.protocol.treekem.UpdatePathCreator;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.welcome.GroupInfoSignature;
import org.vermerk.protocol.welcome.WelcomeException;
import org.vermerk.protocol.welcome.WelcomeRule;

/**
 * Creating an external commit (RFC 9420 §12.4.3.2): a client outside the group joins from a
 * GroupInfo.
 *
 * <ol>
 *   <li>the tree from the GroupInfo or out of band (GROUP-25), the GroupInfo's signature under the
 *       signer's leaf key (WELCOME-7), the tree valid for the GroupContext (TREE-*, LEAF-*);
 *   <li>{@code init_secret} and {@code kem_output} from an HPKE export to {@code external_pub}
 *       (GROUP-26 without it, §8.3);
 *   <li>the proposals by value: the ExternalInit, and a Remove of a former leaf of ours if asked
 *       (only one whose credential is ours, GROUP-18);
 *   <li>our leaf at the leftmost blank position, a path from it ({@link UpdatePathCreator}) under
 *       the provisional GroupContext; the commit signed as {@code new_member_commit} over the
 *       current GroupContext and sent as a PublicMessage (a joiner has no membership key);
 *   <li>the transcript from the GroupInfo's confirmed hash and tag, the key schedule and the
 *       confirmation tag of the new epoch.
 * </ol>
 */
final class ExternalCommit {
    private final CipherSuite suite;
    private final GroupConfig config;

    ExternalCommit(CipherSuite suite, GroupConfig config) {
        this.suite = suite;
        this.config = config;
    }

    ExternalJoin join(
            SigningIdentity identity,
            GroupInfo groupInfo,
            Optional<RatchetTreeNodes> outOfBandTree,
            Optional<LeafIndex> formerLeaf,
            GroupFactory factory)
            throws MlsException {
        GroupContext context = groupInfo.groupContext();
        RatchetTree tree = RatchetTree.fromNodes(treeOf(groupInfo, outOfBandTree));
        if (!tree.size().contains(groupInfo.signer())
                || tree.leaf(groupInfo.signer()).isEmpty()) {
            throw new WelcomeException(WelcomeRule.GROUP_INFO_SIGNATURE, "the GroupInfo's signer is not a member");
        }
        GroupInfoSignature.verify(
                suite, groupInfo, tree.leaf(groupInfo.signer()).get().signatureKey());
        new TreeValidator(suite, config.clock()).validate(tree, context);
        ExternalPub externalPub = ExternalPub.find(groupInfo.extensions())
                .orElseThrow(() -> new JoinException(GroupRule.NO_EXTERNAL_PUB, "the GroupInfo has no external_pub"));
        ExternalInit.Joiner init = new ExternalInit(suite).join(externalPub.externalPub());

        List<ProposalOrRef> proposals = new ArrayList<>();
        proposals.add(new ProposalOrRef.ByValue(new org.vermerk.protocol.messages.ExternalInit(init.kemOutput())));
        RatchetTree applied = tree.copy();
        if (formerLeaf.isPresent()) {
            LeafIndex former = formerLeaf.get();
            if (!tree.size().contains(former)
                    || tree.leaf(former).isEmpty()
                    || !tree.leaf(former).get().credential().equals(identity.credential())) {
                throw new InvalidCommitException(
                        GroupRule.EXTERNAL_COMMIT_REMOVES_OTHER, former + " is not a former leaf of ours");
            }
            proposals.add(new ProposalOrRef.ByValue(new Remove(former)));
            applied.removeLeaf(former);
        }
        LeafNode template = new LeafNode(
                Bytes.EMPTY,
                identity.signatureKeys().publicKey(),
                identity.credential(),
                new Capabilities(
                        List.of(ProtocolVersion.MLS10),
                        List.of(suite.id()),
                        List.of(),
                        List.of(),
                        List.of(CredentialType.BASIC, CredentialType.X509)),
                new LeafNodeSource.FromCommit(Bytes.EMPTY),
                List.of(),
                Bytes.EMPTY);
        LeafIndex own = applied.addLeaf(template);
        GroupContext provisional = CommitRules.provisional(context, context.extensions());
        CreatedPath created = new UpdatePathCreator(suite)
                .create(applied, own, template, identity.signatureKeys().privateKey(), provisional, Set.of());
        created.pathSecrets().values().forEach(org.vermerk.protocol.crypto.Secret::destroy);

        FramedContent content = new FramedContent(
                context.groupId(),
                context.epoch(),
                new Sender.NewMemberCommit(),
                Bytes.EMPTY,
                new Content.CommitContent(new Commit(proposals, Optional.of(created.updatePath()))));
        Bytes signature = ContentAuthentication.signature(
                suite, identity.signatureKeys().privateKey(), WireFormat.PUBLIC_MESSAGE, content, context);
        TranscriptHashes before =
                TranscriptHashes.fromGroupInfo(suite, context.confirmedTranscriptHash(), groupInfo.confirmationTag());
        Bytes confirmed = TranscriptHashes.confirmedAfter(
                suite,
                before.interim(),
                new ConfirmedTranscriptHashInput(WireFormat.PUBLIC_MESSAGE, content, signature));
        GroupContext next = NextEpoch.context(
                provisional, provisional.epoch(), created.groupContext().treeHash(), confirmed);
        PskSecret psk = new KeySchedule(suite).zeroPskSecret();
        NextEpoch epoch = NextEpoch.derive(suite, init.initSecret(), created.commitSecret(), psk, next);
        init.initSecret().destroy();
        epoch.joinerSecret().destroy();
        Bytes tag = ConfirmationTag.compute(suite, epoch.secrets().confirmationKey(), confirmed);
        MlsMessage message = new MlsMessage.OfPublicMessage(
                new PublicMessage(content, new FramedContentAuthData(signature, Optional.of(tag)), Optional.empty()));
        EpochState state = new EpochState(
                suite,
                next,
                created.tree(),
                created.privateKeys(),
                epoch.secrets(),
                new TranscriptHashes(confirmed, TranscriptHashes.interimAfter(suite, confirmed, tag)),
                tag,
                ResumptionPsks.of(next.epoch(), epoch.secrets().resumptionPsk(), config.resumptionPskEpochs()),
                config.ratchetPolicy());
        return new ExternalJoin(factory.group(state), message);
    }

    /** Makes the group object for the state the external commit starts. */
    @FunctionalInterface
    interface GroupFactory {
        Group group(EpochState state);
    }

    private static RatchetTreeNodes treeOf(GroupInfo info, Optional<RatchetTreeNodes> outOfBand) throws MlsException {
        Decoder<RatchetTreeNodes> decoder = RatchetTreeNodes::decode;
        var extension = ExtensionTypes.find(info.extensions(), ExtensionTypes.RATCHET_TREE);
        if (extension.isPresent()) {
            return decoder.decodeAll(extension.get().data().toByteArray());
        }
        return outOfBand.orElseThrow(() -> new JoinException(
                GroupRule.NO_RATCHET_TREE, "the GroupInfo has no ratchet_tree extension and no tree was given"));
    }
}

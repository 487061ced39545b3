package org.vermerk.protocol.group;

import java.util.List;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.secrettree.RatchetPolicy;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * One epoch of a group as one member sees it (RFC 9420 §8): the GroupContext, the public ratchet
 * tree and the member's private view of it, the epoch's secrets, the transcript hashes, the
 * resumption PSKs of recent epochs. A commit never changes a state: processing or creating one
 * builds the next state from copies, so the current one stays usable until the next is merged and
 * can be kept if the commit is discarded.
 *
 * <p>Two parts do change within the epoch and are dropped with it: the secret tree, whose keys are
 * consumed as messages are sent and received (§9.2), and the proposals received (§12.4). Not
 * thread-safe: a state belongs to the worker of its conversation.
 */
final class EpochState {
    final CipherSuite suite;
    final GroupContext context;
    /** Never changed once the state exists; copy before changing. */
    final RatchetTree tree;
    /** Never changed once the state exists; copy before changing. */
    final TreePrivateKeys privateKeys;

    final EpochSecrets secrets;
    final TranscriptHashes transcript;
    /** The confirmation tag of the commit that started the epoch (for a new group, the tag over the empty transcript, §11). */
    final Bytes confirmationTag;

    final ResumptionPsks resumptionPsks;
    /** Consumed as messages are sent and received; touched only by the conversation's worker. */
    final SecretTree secretTree;
    /** Proposals received in this epoch; touched only by the conversation's worker. */
    final ProposalStore proposals = new ProposalStore();
    /**
     * The decoded {@code external_senders} of {@link #context}, decoded on first use and then kept
     * for the epoch (every received message needs them); touched only by the conversation's worker.
     */
    private List<ExternalSender> externalSenders;

    EpochState(
            CipherSuite suite,
            GroupContext context,
            RatchetTree tree,
            TreePrivateKeys privateKeys,
            EpochSecrets secrets,
            TranscriptHashes transcript,
            Bytes confirmationTag,
            ResumptionPsks resumptionPsks,
            RatchetPolicy policy) {
        this(
                suite,
                context,
                tree,
                privateKeys,
                secrets,
                transcript,
                confirmationTag,
                resumptionPsks,
                new SecretTree(
                        suite, secrets.encryptionSecret(), (int) tree.size().leafCount(), policy));
        // The secret tree holds its own copy; this one would let the consumed keys be derived again (§9.2).
        secrets.encryptionSecret().destroy();
    }

    /** A state whose secret tree already exists: one loaded from a stored group state ({@link GroupStateCodec}). */
    EpochState(
            CipherSuite suite,
            GroupContext context,
            RatchetTree tree,
            TreePrivateKeys privateKeys,
            EpochSecrets secrets,
            TranscriptHashes transcript,
            Bytes confirmationTag,
            ResumptionPsks resumptionPsks,
            SecretTree secretTree) {
        this.suite = Objects.requireNonNull(suite);
        this.context = Objects.requireNonNull(context);
        this.tree = Objects.requireNonNull(tree);
        this.privateKeys = Objects.requireNonNull(privateKeys);
        this.secrets = Objects.requireNonNull(secrets);
        this.transcript = Objects.requireNonNull(transcript);
        this.confirmationTag = Objects.requireNonNull(confirmationTag);
        this.resumptionPsks = Objects.requireNonNull(resumptionPsks);
        this.secretTree = Objects.requireNonNull(secretTree);
    }

    LeafIndex ownLeaf() {
        return privateKeys.ownLeaf();
    }

    long epoch() {
        return context.epoch();
    }

    /** Wipes the epoch's secrets and the secret tree, once a later epoch replaced this one (§9.2). */
    void destroy() {
        secretTree.destroy();
        secrets.senderDataSecret().destroy();
        secrets.encryptionSecret().destroy();
        secrets.exporterSecret().destroy();
        secrets.externalSecret().destroy();
        secrets.confirmationKey().destroy();
        secrets.membershipKey().destroy();
        secrets.epochAuthenticator().destroy();
        secrets.nextInitSecret().destroy();
        // the resumption PSK lives on in the next epochs' ResumptionPsks
    }

    @Override
    public String toString() {
        return "EpochState[" + context.groupId() + ", epoch " + Long.toUnsignedString(context.epoch()) + ", "
                + ownLeaf() + " of " + tree.occupiedLeaves().size() + " members]";
    }

    /** The group context's external senders (RFC 9420 §12.1.8.1), decoded once per epoch. */
    List<ExternalSender> externalSenders() throws DecodeException {
        if (externalSenders == null) {
            externalSenders = ExternalSender.find(context.extensions());
        }
        return externalSenders;
    }
}

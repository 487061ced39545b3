package org.vermerk.protocol.group;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.framing.protection.ContentAuthentication;
import org.vermerk.protocol.framing.protection.VerifiedContent;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Update;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSigner;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * One member's view of one MLS group (RFC 9420), the engine API for the client: create or join a
 * group, add and remove members, update its own keys, leave, process whatever arrives for the
 * group, encrypt and decrypt application data, export secrets.
 *
 * <p>Epochs: the group holds the state of its current epoch. A commit this member creates stays
 * pending ({@link #pendingCommit()}) until the delivery service accepted it ({@link
 * #mergePendingCommit()}) or rejected it ({@link #discardPendingCommit()}: another commit won, which
 * the member then processes and merges). A received commit yields a {@link StagedCommit} that the
 * caller merges ({@link #mergeStagedCommit}) or discards; merging another member's commit discards a
 * pending one of our own.
 *
 * <p>Threading: a group is not thread-safe. The application serialises all work on one group (one
 * worker per conversation); every field here is touched only by that worker. Different groups may
 * be used on different threads at the same time.
 *
 * <p>Errors: every failure is an {@link MlsException} naming its rule: {@link WrongEpochException},
 * {@link MissingProposalException}, {@link MissingPskException}, {@link InvalidProposalException},
 * {@link InvalidCommitException}, {@link JoinException}, and those of framing, tree, TreeKEM,
 * KeyPackage and Welcome validation. A failed call leaves the group as it was, except that a
 * PrivateMessage may have used up its ratchet key (§9.2).
 *
 * <p>Storing: {@link GroupStateCodec#encode} turns the group into bytes for the keystore, {@link
 * GroupStateCodec#decode} back into a group that continues where it was (not while a commit of
 * ours is pending). Store after every message sent or processed: each one consumes keys (§9.2).
 */
public final class Group {
    private final CipherSuite suite;
    /** How this member sends and checks; replaced by {@link #reconfigure}. Worker only. */
    private GroupConfig config;

    private final SigningIdentity identity;
    /** The current epoch; replaced when a commit is merged. Worker only. */
    private EpochState state;
    /** Our own commit awaiting the delivery service's verdict. Worker only. */
    private Optional<CreatedCommit> pending = Optional.empty();
    /** False once a merged commit removed us. Worker only. */
    private boolean active = true;

    private Group(CipherSuite suite, GroupConfig config, SigningIdentity identity, EpochState state) {
        this.suite = Objects.requireNonNull(suite);
        this.config = Objects.requireNonNull(config);
        this.identity = Objects.requireNonNull(identity);
        this.state = Objects.requireNonNull(state);
    }

    /**
     * Creates a group with us as its only member (§11), from a KeyPackage of ours (whose init key is
     * then wiped) and the group's extensions.
     */
    public static Group create(
            CipherSuite suite,
            GroupConfig config,
            SigningIdentity identity,
            Bytes groupId,
            NewKeyPackage own,
            List<Extension> extensions)
            throws MlsException {
        return new Group(suite, config, identity, GroupCreation.create(suite, config, groupId, own, extensions));
    }

    /**
     * Joins with a Welcome (§12.4.3.1) for one of our KeyPackages, with the tree from the GroupInfo's
     * {@code ratchet_tree} extension or, when it has none, {@code outOfBandTree}.
     */
    public static Group join(
            CipherSuite suite,
            GroupConfig config,
            SigningIdentity identity,
            Welcome welcome,
            NewKeyPackage own,
            Optional<RatchetTreeNodes> outOfBandTree)
            throws MlsException {
        EpochState joined = new WelcomeJoin(suite, config)
                .join(
                        welcome,
                        own.keyPackage(),
                        own.privateKeys().initPrivateKey(),
                        own.privateKeys().encryptionPrivateKey(),
                        outOfBandTree);
        return new Group(suite, config, identity, joined);
    }

    /**
     * Joins by external commit (§12.4.3.2) from a GroupInfo with {@code external_pub} and the
     * group's tree (from the GroupInfo or out of band), removing a former leaf of ours if given. The
     * group returned is already in the new epoch; send the commit, and if the delivery service
     * rejects it, drop the group and join again from a fresh GroupInfo.
     */
    public static ExternalJoin joinByExternalCommit(
            CipherSuite suite,
            GroupConfig config,
            SigningIdentity identity,
            GroupInfo groupInfo,
            Optional<RatchetTreeNodes> outOfBandTree,
            Optional<LeafIndex> formerLeaf)
            throws MlsException {
        return new ExternalCommit(suite, config)
                .join(
                        identity,
                        groupInfo,
                        outOfBandTree,
                        formerLeaf,
                        state -> new Group(suite, config, identity, state));
    }

    /** A group restored from a stored state ({@link GroupStateCodec}): active, no commit pending. */
    static Group restore(CipherSuite suite, GroupConfig config, SigningIdentity identity, EpochState state) {
        return new Group(suite, config, identity, state);
    }

    // ---- reading the state ----

    public Bytes groupId() {
        return state.context.groupId();
    }

    public long epoch() {
        return state.epoch();
    }

    public CipherSuite cipherSuite() {
        return suite;
    }

    public LeafIndex ownLeaf() {
        return state.ownLeaf();
    }

    /** Whether we are still a member: false after merging a commit that removed us. */
    public boolean isActive() {
        return active;
    }

    /** The members in leaf order, each with its credential and signature key. */
    public List<Member> members() {
        return state.tree.occupiedLeaves().stream()
                .map(leaf -> Member.of(leaf, state.tree.leaf(leaf).orElseThrow()))
                .toList();
    }

    /** The group context extensions of the current epoch. */
    public List<Extension> extensions() {
        return state.context.extensions();
    }

    /** The current epoch's {@code epoch_authenticator} (§8.7), for comparing out of band; the caller wipes the copy. */
    public Secret epochAuthenticator() {
        return Secret.wrap(state.secrets.epochAuthenticator().secret().expose());
    }

    /** {@code MLS-Exporter(label, context, length)} of the current epoch (§8.5). */
    public Secret export(String label, byte[] context, int length) {
        return new KeySchedule(suite).export(state.secrets.exporterSecret(), label, context, length);
    }

    /** The ratchet tree of the current epoch, to hand to a joiner out of band (§12.4.3.3). */
    public RatchetTreeNodes ratchetTree() {
        return state.tree.toNodes();
    }

    /** A GroupInfo of the current epoch signed by us, with the ratchet tree and {@code external_pub} (§12.4.3). */
    public GroupInfo groupInfo() throws MlsException {
        return GroupInfoFactory.create(state, identity.signatureKeys().privateKey(), true, true);
    }

    /** How this member runs the group now. */
    public GroupConfig config() {
        return config;
    }

    /**
     * Changes how this member runs the group from now on, e.g. whether its next commit goes out as
     * PrivateMessage or whether its next Welcome carries the tree. The current epoch keeps the
     * ratchet policy it was built with; a pending commit keeps the settings it was made with.
     */
    public void reconfigure(GroupConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig);
    }

    // ---- sending ----

    /** Encrypts application data with additional authenticated data (sent in clear) for the group (§6.3). */
    public MlsMessage encrypt(byte[] plaintext, Bytes authenticatedData) throws MlsException {
        requireActive();
        return ApplicationMessages.encrypt(state, config, identity, plaintext, authenticatedData);
    }

    /**
     * Sends a proposal of ours (§12.1) as a message; it is kept like a received one, so our next
     * commit covers it by reference.
     */
    public MlsMessage propose(Proposal proposal) throws MlsException {
        requireActive();
        WireFormat wireFormat = config.encryptHandshake() ? WireFormat.PRIVATE_MESSAGE : WireFormat.PUBLIC_MESSAGE;
        FramedContent content = new FramedContent(
                state.context.groupId(),
                state.epoch(),
                new Sender.Member(state.ownLeaf()),
                Bytes.EMPTY,
                new Content.ProposalContent(proposal));
        AuthenticatedContent signed = ContentAuthentication.sign(
                suite, identity.signatureKeys().privateKey(), wireFormat, content, state.context);
        QueuedProposal queued =
                new QueuedProposal(proposal, content.sender(), Optional.of(ProposalRef.of(suite, signed)));
        new ProposalValidation(suite, config.clock()).checkProposal(state, queued);
        MlsMessage message = Protection.protect(state, config, signed);
        state.proposals.add(queued);
        return message;
    }

    /**
     * Proposes an Update of our leaf (§12.1.2): a fresh encryption key, the rest as it is, signed
     * for our position. The new key pair is kept until a commit applies the Update or the epoch
     * ends. Usually {@link #selfUpdate()} (a commit with a path) is the better way to refresh keys;
     * this one lets a member ask for it while another member commits.
     */
    public MlsMessage proposeUpdate() throws MlsException {
        requireActive();
        KeyPair keys = suite.generateHpkeKeyPair();
        LeafNode current = state.tree.leaf(state.ownLeaf()).orElseThrow();
        LeafNode leaf = new LeafNodeSigner(new LabeledCrypto(suite))
                .sign(
                        new LeafNode(
                                keys.publicKey(),
                                current.signatureKey(),
                                current.credential(),
                                current.capabilities(),
                                new LeafNodeSource.FromUpdate(),
                                current.extensions(),
                                Bytes.EMPTY),
                        identity.signatureKeys().privateKey(),
                        state.context.groupId(),
                        state.ownLeaf());
        MlsMessage message = propose(new Update(leaf));
        state.proposals.addOwnUpdateKeys(keys);
        return message;
    }

    /** Proposes our own removal (§12.1.3): leaving takes effect when another member commits it. */
    public MlsMessage leave() throws MlsException {
        return propose(new Remove(state.ownLeaf()));
    }

    /** Commits the addition of members (§12.1.1) and the proposals received, with a path; the Welcome is in the result. */
    public CreatedCommit addMembers(List<KeyPackage> keyPackages) throws MlsException {
        return commit(
                CommitOptions.of(keyPackages.stream().<Proposal>map(Add::new).toList()));
    }

    /** Commits the removal of members (§12.1.3) and the proposals received. */
    public CreatedCommit removeMembers(List<LeafIndex> leaves) throws MlsException {
        return commit(
                CommitOptions.of(leaves.stream().<Proposal>map(Remove::new).toList()));
    }

    /** Commits with a fresh path and nothing else, or the proposals received: new keys for our leaf and path (§12.4). */
    public CreatedCommit selfUpdate() throws MlsException {
        return commit(CommitOptions.of(List.of()));
    }

    /** Creates a commit (§12.4.1) and holds it as pending; refused while another is pending. */
    public CreatedCommit commit(CommitOptions options) throws MlsException {
        requireActive();
        if (pending.isPresent()) {
            throw new IllegalStateException("a commit is pending: merge or discard it first");
        }
        CreatedCommit created = new CommitBuilder(suite, config).create(state, identity, options);
        pending = Optional.of(created);
        return created;
    }

    /** Our commit awaiting the delivery service's verdict. */
    public Optional<CreatedCommit> pendingCommit() {
        return pending;
    }

    /** Applies our pending commit, which the delivery service accepted: the group moves to its epoch. */
    public void mergePendingCommit() {
        CreatedCommit created = pending.orElseThrow(() -> new IllegalStateException("no commit is pending"));
        pending = Optional.empty();
        merge(created.staged());
    }

    /** Drops our pending commit, e.g. because another member's commit won; idempotent. */
    public void discardPendingCommit() {
        pending.ifPresent(created -> created.staged().discard());
        pending = Optional.empty();
    }

    // ---- receiving ----

    /**
     * Processes a PublicMessage or PrivateMessage of this group: application data is decrypted,
     * a proposal validated and kept, a commit staged. Welcomes, GroupInfos and KeyPackages are not
     * processed by a group (IllegalArgumentException).
     */
    public ProcessedMessage process(MlsMessage message) throws MlsException {
        requireActive();
        VerifiedContent verified = switch (message) {
            case MlsMessage.OfPublicMessage(var m) -> Protection.unprotect(state, config, m);
            case MlsMessage.OfPrivateMessage(var m) -> Protection.unprotect(state, config, m);
            default ->
                throw new IllegalArgumentException(
                        "a group processes handshake and application messages, not " + message.wireFormat());
        };
        Sender sender = verified.sender();
        return switch (verified.framedContent().content()) {
            case Content.ApplicationData(Bytes data) -> {
                LeafIndex leaf = ((Sender.Member) sender).leafIndex();
                yield new ProcessedMessage.ApplicationMessage(
                        sender,
                        Member.of(leaf, state.tree.leaf(leaf).orElseThrow()),
                        data,
                        verified.framedContent().authenticatedData());
            }
            case Content.ProposalContent(Proposal proposal) -> {
                ProposalRef ref = ProposalRef.of(suite, verified.authenticatedContent());
                QueuedProposal queued = new QueuedProposal(proposal, sender, Optional.of(ref));
                new ProposalValidation(suite, config.clock()).checkProposal(state, queued);
                state.proposals.add(queued);
                yield new ProcessedMessage.ProposalMessage(sender, proposal, ref);
            }
            case Content.CommitContent commit ->
                new ProcessedMessage.CommitMessage(sender, new CommitProcessor(suite, config).process(state, verified));
        };
    }

    /** Applies a commit processed in the current epoch; drops our pending commit, which lost. */
    public void mergeStagedCommit(StagedCommit staged) {
        if (staged.previous() != state) {
            throw new IllegalStateException("the commit was staged in another epoch");
        }
        discardPendingCommit();
        merge(staged);
    }

    private void merge(StagedCommit staged) {
        staged.markMerged();
        EpochState previous = state;
        if (staged.next().isEmpty()) {
            active = false;
            previous.proposals.clear(Bytes.EMPTY);
            return;
        }
        state = staged.next().get();
        previous.proposals.clear(state.tree.leaf(state.ownLeaf()).orElseThrow().encryptionKey());
        previous.destroy();
    }

    /** Our credential and signature keys, for {@link GroupStateCodec}. */
    SigningIdentity identity() {
        return identity;
    }

    /** The current epoch's state, for {@link GroupStateCodec} and for tests in this package that build messages by hand. */
    EpochState state() {
        return state;
    }

    private void requireActive() {
        if (!active) {
            throw new IllegalStateException("we were removed from the group");
        }
    }

    @Override
    public String toString() {
        return "Group[" + state + (pending.isPresent() ? ", commit pending" : "") + "]";
    }
}

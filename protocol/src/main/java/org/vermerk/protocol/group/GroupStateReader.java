package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.schedule.ConfirmationKey;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.schedule.EpochAuthenticator;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.ExporterSecret;
import org.vermerk.protocol.schedule.ExternalSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.InitSecret;
import org.vermerk.protocol.schedule.MembershipKey;
import org.vermerk.protocol.schedule.ResumptionPsk;
import org.vermerk.protocol.schedule.SenderDataSecret;
import org.vermerk.protocol.secrettree.SecretTree;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.treekem.TreeKemException;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Reads version 1 of a stored group state ({@code GroupStateV1}, described at {@link
 * GroupStateWriter}) in three steps. {@link #parse}: every field (CODEC-* for malformed or
 * truncated bytes and trailing ones, CODEC-6 for secrets of the wrong length, indices out of order,
 * a secret tree of another width than the ratchet tree). {@link #check}: the parts against each
 * other (GROUP-31): the context names the header's suite, the tree hashes to the context's tree
 * hash, our leaf exists and carries our credential and signature key, every private key belongs to
 * its node in the tree (TREEKEM-4's check), the newest resumption PSK is the current epoch's,
 * stored proposals come from members. {@link #build}: the group. Whatever fails, every secret read
 * so far is wiped. Used once, by one thread.
 */
final class GroupStateReader {
    private final TlsReader reader;
    private final CipherSuite suite;
    private final GroupConfig config;
    /** Every secret read, wiped if the state turns out unusable. */
    private final List<Secret> loaded = new ArrayList<>();

    // ---- parsed ----
    private GroupContext context;
    private RatchetTree tree;
    private LeafIndex ownLeaf;
    private Credential credential;
    private Secret signaturePrivateKey;
    private TreeMap<NodeIndex, Secret> nodePrivateKeys;
    private SenderDataSecret senderData;
    private ExporterSecret exporter;
    private ExternalSecret external;
    private ConfirmationKey confirmationKey;
    private MembershipKey membershipKey;
    private EpochAuthenticator authenticator;
    private InitSecret initSecret;
    private Bytes interim;
    private Bytes confirmationTag;
    private TreeMap<Long, ResumptionPsk> psks;
    private SecretTree secretTree;
    private List<Secret> ownUpdateKeys;
    private List<QueuedProposal> proposals;

    // ---- checked ----
    private Bytes signaturePublicKey;
    private TreePrivateKeys privateKeys;
    private List<KeyPair> updateKeyPairs;

    private GroupStateReader(TlsReader reader, CipherSuite suite, GroupConfig config) {
        this.reader = reader;
        this.suite = suite;
        this.config = config;
    }

    /** The group stored in the rest of {@code reader}, which must end with it. */
    static Group read(TlsReader reader, CipherSuite suite, GroupConfig config) throws DecodeException {
        GroupStateReader state = new GroupStateReader(reader, suite, config);
        try {
            state.parse();
            state.check();
            return state.build();
        } catch (DecodeException | RuntimeException e) {
            state.wipe();
            throw e;
        }
    }

    private void parse() throws DecodeException {
        context = GroupContext.decode(reader);
        RatchetTreeNodes nodes = RatchetTreeNodes.decode(reader);
        ownLeaf = LeafIndex.decode(reader);
        credential = Credential.decode(reader);
        signaturePrivateKey = secret(reader, "signature private key");
        nodePrivateKeys = nodePrivateKeys();
        senderData = new SenderDataSecret(hashSized(reader, "sender_data_secret"));
        exporter = new ExporterSecret(hashSized(reader, "exporter_secret"));
        external = new ExternalSecret(hashSized(reader, "external_secret"));
        confirmationKey = new ConfirmationKey(hashSized(reader, "confirmation_key"));
        membershipKey = new MembershipKey(hashSized(reader, "membership_key"));
        authenticator = new EpochAuthenticator(hashSized(reader, "epoch_authenticator"));
        initSecret = new InitSecret(hashSized(reader, "init_secret"));
        interim = hashSizedBytes("interim transcript hash");
        confirmationTag = hashSizedBytes("confirmation tag");
        psks = resumptionPsks();
        tree = RatchetTree.fromNodes(nodes); // no bigger than the input: it bounds the secret tree
        secretTree = SecretTree.readState(reader, suite, (int) tree.size().leafCount());
        ownUpdateKeys = new ArrayList<>();
        TlsReader updates = reader.vector();
        while (updates.hasRemaining()) {
            ownUpdateKeys.add(secret(updates, "Update private key"));
        }
        proposals = proposals();
        reader.finish();
    }

    private void check() throws DecodeException {
        if (context.version() != GroupContext.MLS10 || context.cipherSuite() != suite.id()) {
            throw inconsistent("the group context is of version " + context.version() + " and suite "
                    + context.cipherSuite() + ", the state of suite " + suite.id());
        }
        if (!new TreeHash(suite).root(tree).equals(context.treeHash())) {
            throw inconsistent("the ratchet tree does not hash to the context's tree hash");
        }
        LeafNode ownLeafNode = (tree.size().contains(ownLeaf) ? tree.leaf(ownLeaf) : Optional.<LeafNode>empty())
                .orElseThrow(() -> inconsistent("our leaf " + ownLeaf + " is blank or outside the tree"));
        if (!ownLeafNode.credential().equals(credential)) {
            throw inconsistent("our credential is not the one in our leaf");
        }
        signaturePublicKey = derived(() -> suite.signaturePublicKey(signaturePrivateKey), "signature");
        if (!signaturePublicKey.equals(ownLeafNode.signatureKey())) {
            throw inconsistent("our signature key is not the one in our leaf");
        }
        privateKeys = treePrivateKeys();
        if (psks.isEmpty() || psks.lastKey() != context.epoch()) {
            throw inconsistent("the newest resumption PSK must be the current epoch's");
        }
        for (QueuedProposal queued : proposals) {
            if (queued.sender() instanceof Sender.Member(LeafIndex leaf)
                    && (!tree.size().contains(leaf) || tree.leaf(leaf).isEmpty())) {
                throw inconsistent("a proposal of " + leaf + ", which is not a member");
            }
        }
        updateKeyPairs = new ArrayList<>();
        for (Secret key : ownUpdateKeys) {
            updateKeyPairs.add(new KeyPair(key, derived(() -> suite.hpkePublicKey(key), "Update")));
        }
    }

    private Group build() {
        while (psks.size() > config.resumptionPskEpochs()) {
            psks.pollFirstEntry().getValue().destroy(); // the configuration now keeps fewer epochs
        }
        Secret noEncryptionSecret = Secret.zero(suite.hashLength());
        noEncryptionSecret.destroy(); // not stored: the secret tree holds what is left of it (§9.2)
        EpochSecrets secrets = new EpochSecrets(
                senderData,
                new EncryptionSecret(noEncryptionSecret),
                exporter,
                external,
                confirmationKey,
                membershipKey,
                psks.get(context.epoch()),
                authenticator,
                initSecret);
        EpochState state = new EpochState(
                suite,
                context,
                tree,
                privateKeys,
                secrets,
                new TranscriptHashes(context.confirmedTranscriptHash(), interim),
                confirmationTag,
                ResumptionPsks.restore(psks, config.resumptionPskEpochs()),
                secretTree);
        updateKeyPairs.forEach(state.proposals::addOwnUpdateKeys);
        proposals.forEach(state.proposals::add);
        SigningIdentity identity =
                new SigningIdentity(credential, new KeyPair(signaturePrivateKey, signaturePublicKey));
        return Group.restore(suite, config, identity, state);
    }

    private TreeMap<NodeIndex, Secret> nodePrivateKeys() throws DecodeException {
        TreeMap<NodeIndex, Secret> keys = new TreeMap<>();
        TlsReader vector = reader.vector();
        long previous = -1;
        while (vector.hasRemaining()) {
            long node = vector.u32();
            if (node <= previous) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "tree private keys must ascend by node");
            }
            previous = node;
            keys.put(NodeIndex.of(node), secret(vector, "tree private key"));
        }
        return keys;
    }

    private TreeMap<Long, ResumptionPsk> resumptionPsks() throws DecodeException {
        TreeMap<Long, ResumptionPsk> psks = new TreeMap<>(Long::compareUnsigned);
        TlsReader vector = reader.vector();
        boolean first = true;
        long previous = 0;
        while (vector.hasRemaining()) {
            long epoch = vector.u64();
            if (!first && Long.compareUnsigned(epoch, previous) <= 0) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "resumption PSKs must ascend by epoch");
            }
            first = false;
            previous = epoch;
            psks.put(epoch, new ResumptionPsk(hashSized(vector, "resumption_psk")));
        }
        return psks;
    }

    private List<QueuedProposal> proposals() throws DecodeException {
        List<QueuedProposal> proposals = new ArrayList<>();
        TlsReader vector = reader.vector();
        while (vector.hasRemaining()) {
            byte[] ref = vector.opaque();
            if (ref.length != suite.hashLength()) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "a proposal reference of " + ref.length + " bytes");
            }
            Sender sender = Sender.decode(vector);
            Proposal proposal = Proposal.decode(vector);
            proposals.add(new QueuedProposal(proposal, sender, Optional.of(new ProposalRef(Bytes.of(ref)))));
        }
        return proposals;
    }

    /** Our private view of the tree: each key with the public key derived from it, fitting {@code tree}. */
    private TreePrivateKeys treePrivateKeys() throws DecodeException {
        if (!nodePrivateKeys.containsKey(ownLeaf.toNodeIndex())) {
            throw inconsistent("the private key of our leaf is missing");
        }
        TreeMap<NodeIndex, KeyPair> pairs = new TreeMap<>();
        for (Map.Entry<NodeIndex, Secret> entry : nodePrivateKeys.entrySet()) {
            Secret key = entry.getValue();
            pairs.put(entry.getKey(), new KeyPair(key, derived(() -> suite.hpkePublicKey(key), "tree")));
        }
        TreePrivateKeys keys = TreePrivateKeys.of(ownLeaf, pairs);
        try {
            keys.checkFits(tree);
        } catch (TreeKemException e) {
            throw inconsistent(e.getMessage());
        }
        return keys;
    }

    private interface Derivation {
        Bytes derive() throws Exception;
    }

    /** A public key derived from a stored private key; GROUP-31 when the private key is unusable. */
    private static Bytes derived(Derivation derivation, String what) throws DecodeException {
        try {
            return derivation.derive();
        } catch (Exception e) {
            throw inconsistent("a " + what + " private key is not a key of the cipher suite");
        }
    }

    private Secret secret(TlsReader from, String what) throws DecodeException {
        byte[] bytes = from.opaque();
        if (bytes.length == 0) {
            throw new DecodeException(CodecRule.INVALID_VALUE, "an empty " + what);
        }
        Secret secret = Secret.wrap(bytes);
        loaded.add(secret);
        return secret;
    }

    /** {@code opaque secret<V>} of exactly Nh bytes (§8: every epoch secret is a DeriveSecret output). */
    private Secret hashSized(TlsReader from, String what) throws DecodeException {
        byte[] bytes = from.opaque();
        if (bytes.length != suite.hashLength()) {
            Arrays.fill(bytes, (byte) 0);
            throw new DecodeException(
                    CodecRule.INVALID_VALUE, what + " of " + bytes.length + " bytes, not " + suite.hashLength());
        }
        Secret secret = Secret.wrap(bytes);
        loaded.add(secret);
        return secret;
    }

    private Bytes hashSizedBytes(String what) throws DecodeException {
        Bytes value = reader.opaqueBytes();
        if (value.size() != suite.hashLength()) {
            throw new DecodeException(
                    CodecRule.INVALID_VALUE, what + " of " + value.size() + " bytes, not " + suite.hashLength());
        }
        return value;
    }

    private static DecodeException inconsistent(String detail) {
        return new DecodeException(GroupRule.STATE_INCONSISTENT, detail);
    }

    private void wipe() {
        loaded.forEach(Secret::destroy);
        if (secretTree != null) {
            secretTree.destroy();
        }
    }
}

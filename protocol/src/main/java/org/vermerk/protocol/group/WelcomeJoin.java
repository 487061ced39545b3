package org.vermerk.protocol.group;

import java.util.Optional;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.Welcome;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.RatchetTreeNodes;
import org.vermerk.protocol.tree.TreeValidator;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.welcome.DecryptedWelcome;
import org.vermerk.protocol.welcome.VerifiedWelcome;
import org.vermerk.protocol.welcome.WelcomeException;
import org.vermerk.protocol.welcome.WelcomeReceiver;
import org.vermerk.protocol.welcome.WelcomeRule;

/**
 * Joining a group with a Welcome (RFC 9420 §12.4.3.1):
 *
 * <ol>
 *   <li>decrypt the GroupSecrets and the GroupInfo with our KeyPackage's init key ({@link
 *       WelcomeReceiver}: WELCOME-1 to WELCOME-6);
 *   <li>take the ratchet tree from the GroupInfo's {@code ratchet_tree} extension, or the one given
 *       out of band (GROUP-25 when neither), and check the GroupInfo's signature with the signer's
 *       leaf key and its confirmation tag (WELCOME-7, TRANSCRIPT-1);
 *   <li>validate the tree against the GroupContext ({@link TreeValidator}: TREE-*, LEAF-*);
 *   <li>find our leaf, the one equal to our KeyPackage's leaf node (GROUP-24);
 *   <li>our private view: the leaf's key, and the path secret (if any) implanted at the lowest node
 *       shared by our and the signer's direct paths; it must fit the tree (TREEKEM-4);
 *   <li>the epoch: secrets and transcript hashes from the verified Welcome.
 * </ol>
 */
final class WelcomeJoin {
    private static final Decoder<RatchetTreeNodes> TREE = RatchetTreeNodes::decode;

    private final CipherSuite suite;
    private final GroupConfig config;

    WelcomeJoin(CipherSuite suite, GroupConfig config) {
        this.suite = suite;
        this.config = config;
    }

    EpochState join(
            Welcome welcome,
            KeyPackage keyPackage,
            Secret initPrivateKey,
            Secret encryptionPrivateKey,
            Optional<RatchetTreeNodes> outOfBandTree)
            throws MlsException {
        DecryptedWelcome decrypted =
                new WelcomeReceiver(suite).decrypt(welcome, keyPackage, initPrivateKey, config.externalPsks());
        VerifiedWelcome verified;
        RatchetTree tree;
        try {
            GroupInfo info = decrypted.groupInfo();
            tree = RatchetTree.fromNodes(treeOf(info, outOfBandTree));
            verified = decrypted.verify(signerKey(tree, info.signer()));
        } catch (MlsException e) {
            decrypted.destroy();
            throw e;
        }
        try {
            GroupInfo info = verified.groupInfo();
            new TreeValidator(suite, config.clock()).validate(tree, info.groupContext());
            LeafIndex own = ownLeaf(tree, keyPackage.leafNode());
            TreePrivateKeys keys = TreePrivateKeys.forLeaf(
                    own,
                    new KeyPair(
                            Secret.wrap(encryptionPrivateKey.expose()),
                            keyPackage.leafNode().encryptionKey()));
            if (verified.groupSecrets().pathSecret().isPresent()) {
                keys.implantPathSecret(
                        new LabeledCrypto(suite),
                        tree,
                        own.toNodeIndex().commonAncestor(info.signer().toNodeIndex()),
                        verified.groupSecrets().pathSecret().get().pathSecret());
            }
            keys.checkFits(tree);
            return new EpochState(
                    suite,
                    info.groupContext(),
                    tree,
                    keys,
                    verified.epochSecrets(),
                    verified.transcriptHashes(),
                    info.confirmationTag(),
                    ResumptionPsks.of(
                            info.groupContext().epoch(),
                            verified.epochSecrets().resumptionPsk(),
                            config.resumptionPskEpochs()),
                    config.ratchetPolicy());
        } catch (MlsException | RuntimeException e) {
            verified.epochSecrets().destroy();
            throw e;
        } finally {
            verified.groupSecrets().joinerSecret().destroy();
            verified.groupSecrets().pathSecret().ifPresent(p -> p.pathSecret().destroy());
        }
    }

    private static RatchetTreeNodes treeOf(GroupInfo info, Optional<RatchetTreeNodes> outOfBand)
            throws JoinException, DecodeException {
        Optional<Bytes> extension = ExtensionTypes.find(info.extensions(), ExtensionTypes.RATCHET_TREE)
                .map(e -> e.data());
        if (extension.isPresent()) {
            return TREE.decodeAll(extension.get().toByteArray());
        }
        return outOfBand.orElseThrow(() -> new JoinException(
                GroupRule.NO_RATCHET_TREE, "the GroupInfo has no ratchet_tree extension and no tree was given"));
    }

    private static Bytes signerKey(RatchetTree tree, LeafIndex signer) throws WelcomeException {
        if (!tree.size().contains(signer) || tree.leaf(signer).isEmpty()) {
            throw new WelcomeException(
                    WelcomeRule.GROUP_INFO_SIGNATURE, "the GroupInfo's signer " + signer + " is not a member");
        }
        return tree.leaf(signer).get().signatureKey();
    }

    private static LeafIndex ownLeaf(RatchetTree tree, LeafNode ours) throws JoinException {
        for (LeafIndex leaf : tree.occupiedLeaves()) {
            if (tree.leaf(leaf).orElseThrow().equals(ours)) {
                return leaf;
            }
        }
        throw new JoinException(GroupRule.OWN_LEAF_NOT_FOUND, "the tree does not hold our KeyPackage's leaf node");
    }
}

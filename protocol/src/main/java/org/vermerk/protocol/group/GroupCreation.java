package org.vermerk.protocol.group;

import java.util.List;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.keypackage.KeyPackageValidator;
import org.vermerk.protocol.keypackage.NewKeyPackage;
import org.vermerk.protocol.schedule.EpochSecret;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.TranscriptHashes;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.treekem.TreePrivateKeys;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Creating a group (RFC 9420 §11): a one-leaf tree holding the creator's KeyPackage leaf, epoch
 * 0, the tree hash of that tree, an empty confirmed transcript hash, a fresh random epoch secret,
 * the extensions the creator chose (which its own leaf must support, GROUP-16); then the
 * confirmation tag over the empty transcript and the interim transcript hash from it.
 */
final class GroupCreation {
    private GroupCreation() {}

    static EpochState create(
            CipherSuite suite, GroupConfig config, Bytes groupId, NewKeyPackage own, List<Extension> extensions)
            throws MlsException {
        new KeyPackageValidator(suite, config.clock()).validate(own.keyPackage());
        LeafNode leaf = own.keyPackage().leafNode();
        RatchetTree tree = RatchetTree.withFirstLeaf(leaf);
        ProposalValidation.checkExtensionsSupported(tree, extensions);
        GroupContext context = new GroupContext(
                GroupContext.MLS10, suite.id(), groupId, 0, new TreeHash(suite).root(tree), Bytes.EMPTY, extensions);
        EpochSecret epochSecret = new EpochSecret(Secret.wrap(suite.randomBytes(suite.hashLength())));
        EpochSecrets secrets = new KeySchedule(suite).epochSecrets(epochSecret);
        epochSecret.destroy();
        Bytes tag = ConfirmationTag.compute(suite, secrets.confirmationKey(), Bytes.EMPTY);
        own.privateKeys().initPrivateKey().destroy();
        TreePrivateKeys keys = TreePrivateKeys.forLeaf(
                LeafIndex.of(0), new KeyPair(own.privateKeys().encryptionPrivateKey(), leaf.encryptionKey()));
        return new EpochState(
                suite,
                context,
                tree,
                keys,
                secrets,
                TranscriptHashes.fromGroupInfo(suite, Bytes.EMPTY, tag),
                tag,
                ResumptionPsks.of(0, secrets.resumptionPsk(), config.resumptionPskEpochs()),
                config.ratchetPolicy());
    }
}

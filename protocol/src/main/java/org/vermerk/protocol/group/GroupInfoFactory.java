package org.vermerk.protocol.group;

import java.util.ArrayList;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.welcome.GroupInfoSignature;

/**
 * Makes the signed GroupInfo of an epoch (RFC 9420 §12.4.3): the GroupContext, the confirmation
 * tag of the commit that started the epoch, the signer's leaf, and as extensions the {@code
 * ratchet_tree} (§12.4.3.3) when asked for and the {@code external_pub} (§12.4.3.2) when asked for.
 */
final class GroupInfoFactory {
    private GroupInfoFactory() {}

    static GroupInfo create(EpochState state, Secret signatureKey, boolean withTree, boolean withExternalPub)
            throws CryptoException {
        List<Extension> extensions = new ArrayList<>();
        if (withTree) {
            extensions.add(ratchetTreeExtension(state));
        }
        if (withExternalPub) {
            var keys = new KeySchedule(state.suite).externalKeyPair(state.secrets.externalSecret());
            keys.privateKey().destroy();
            extensions.add(new ExternalPub(keys.publicKey()).toExtension());
        }
        GroupInfo unsigned =
                new GroupInfo(state.context, extensions, state.confirmationTag, state.ownLeaf(), Bytes.EMPTY);
        return GroupInfoSignature.sign(state.suite, signatureKey, unsigned);
    }

    static Extension ratchetTreeExtension(EpochState state) {
        return new Extension(
                ExtensionTypes.RATCHET_TREE, Bytes.of(state.tree.toNodes().encoded()));
    }
}

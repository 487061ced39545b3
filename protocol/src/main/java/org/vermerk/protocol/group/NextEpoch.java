package org.vermerk.protocol.group;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.EpochSecret;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.schedule.InitSecret;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;

/**
 * The key schedule step of a commit (RFC 9420 §8): from the previous {@code init_secret} (or an
 * external joiner's), the commit secret, the PSK secret and the new GroupContext to the joiner
 * secret (kept for a Welcome) and the new epoch's secrets. The commit secret and the epoch secret
 * are wiped here; the PSK secret stays the caller's.
 */
record NextEpoch(JoinerSecret joinerSecret, EpochSecrets secrets) {
    static NextEpoch derive(
            CipherSuite suite, InitSecret init, CommitSecret commit, PskSecret psk, GroupContext newContext) {
        KeySchedule schedule = new KeySchedule(suite);
        JoinerSecret joiner = schedule.joinerSecret(init, commit, newContext);
        commit.destroy();
        EpochSecret epochSecret = schedule.epochSecret(joiner, psk, newContext);
        EpochSecrets secrets = schedule.epochSecrets(epochSecret);
        epochSecret.destroy();
        return new NextEpoch(joiner, secrets);
    }

    /** {@code context} with another tree hash and confirmed transcript hash. */
    static GroupContext context(GroupContext context, long epoch, Bytes treeHash, Bytes confirmed) {
        return new GroupContext(
                context.version(),
                context.cipherSuite(),
                context.groupId(),
                epoch,
                treeHash,
                confirmed,
                context.extensions());
    }
}

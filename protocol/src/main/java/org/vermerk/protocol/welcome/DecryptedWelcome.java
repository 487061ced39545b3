package org.vermerk.protocol.welcome;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.schedule.EpochSecret;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.schedule.JoinerSecret;
import org.vermerk.protocol.schedule.KeySchedule;
import org.vermerk.protocol.schedule.PskSecret;
import org.vermerk.protocol.transcript.ConfirmationTag;
import org.vermerk.protocol.transcript.TranscriptException;
import org.vermerk.protocol.transcript.TranscriptHashes;

/**
 * A Welcome whose secrets are decrypted but whose GroupInfo is not yet trusted (RFC 9420
 * §12.4.3.1). The group logic reads {@link #groupInfo()} to find the signer's leaf in the ratchet
 * tree (from the {@code ratchet_tree} extension or out of band) and passes that leaf's signature
 * key to {@link #verify}. Holds the joiner secret and PSK secret; whoever holds this wipes them with
 * {@link #destroy()} if it is dropped unverified. Not thread-safe.
 */
public final class DecryptedWelcome {
    private final CipherSuite suite;
    private final GroupSecrets groupSecrets;
    private final GroupInfo groupInfo;
    private final PskSecret pskSecret;

    DecryptedWelcome(CipherSuite suite, GroupSecrets groupSecrets, GroupInfo groupInfo, PskSecret pskSecret) {
        this.suite = suite;
        this.groupSecrets = groupSecrets;
        this.groupInfo = groupInfo;
        this.pskSecret = pskSecret;
    }

    /** The decrypted GroupInfo, unverified: use only to find the signer's key. */
    public GroupInfo groupInfo() {
        return groupInfo;
    }

    /**
     * Verifies the GroupInfo and derives the epoch:
     *
     * <ol>
     *   <li>its signature over GroupInfoTBS under {@code signerKey}, the signature key of the leaf at
     *       {@code GroupInfo.signer} (WELCOME-7);
     *   <li>{@code epoch_secret} from {@code joiner_secret}, {@code psk_secret} and the GroupInfo's
     *       group context, and the epoch's secrets (§8);
     *   <li>the confirmation tag equal to {@code MAC(confirmation_key, confirmed_transcript_hash)}
     *       (TRANSCRIPT-1); then the interim transcript hash from it (§8.2).
     * </ol>
     *
     * On success the epoch secrets belong to the returned value; on failure they are wiped.
     */
    public VerifiedWelcome verify(Bytes signerKey) throws WelcomeException, TranscriptException {
        GroupInfoSignature.verify(suite, groupInfo, signerKey);
        KeySchedule schedule = new KeySchedule(suite);
        EpochSecret epochSecret = schedule.epochSecret(
                new JoinerSecret(groupSecrets.joinerSecret()), pskSecret, groupInfo.groupContext());
        EpochSecrets secrets = schedule.epochSecrets(epochSecret);
        epochSecret.destroy();
        Bytes confirmed = groupInfo.groupContext().confirmedTranscriptHash();
        try {
            ConfirmationTag.verify(suite, secrets.confirmationKey(), confirmed, groupInfo.confirmationTag());
        } catch (TranscriptException e) {
            secrets.destroy();
            throw e;
        }
        return new VerifiedWelcome(
                groupInfo,
                groupSecrets,
                secrets,
                TranscriptHashes.fromGroupInfo(suite, confirmed, groupInfo.confirmationTag()));
    }

    /** Wipes the joiner secret, path secret and PSK secret; idempotent. */
    public void destroy() {
        groupSecrets.joinerSecret().destroy();
        groupSecrets.pathSecret().ifPresent(path -> path.pathSecret().destroy());
        pskSecret.destroy();
    }

    @Override
    public String toString() {
        return "DecryptedWelcome[" + groupInfo.groupContext().groupId() + ", epoch "
                + Long.toUnsignedString(groupInfo.groupContext().epoch()) + "]";
    }
}

package org.vermerk.protocol.welcome;

import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.GroupSecrets;
import org.vermerk.protocol.schedule.EpochSecrets;
import org.vermerk.protocol.transcript.TranscriptHashes;

/**
 * A Welcome whose GroupInfo is verified (RFC 9420 §12.4.3.1): signed by the signer's leaf key,
 * its confirmation tag matching the key schedule derived from the GroupSecrets. Only {@link
 * DecryptedWelcome#verify} makes one. What joining still has to do is the group logic's: import and
 * validate the ratchet tree, check its hash against the group context, find our leaf, apply the
 * path secret, and check the group's extensions and PSK usages.
 *
 * <p>Holds the epoch's secrets, the joiner and path secrets; the holder wipes them ({@link
 * EpochSecrets#destroy()}) when the epoch ends. {@link #toString()} shows no secret.
 */
public final class VerifiedWelcome {
    private final GroupInfo groupInfo;
    private final GroupSecrets groupSecrets;
    private final EpochSecrets epochSecrets;
    private final TranscriptHashes transcriptHashes;

    VerifiedWelcome(
            GroupInfo groupInfo,
            GroupSecrets groupSecrets,
            EpochSecrets epochSecrets,
            TranscriptHashes transcriptHashes) {
        this.groupInfo = groupInfo;
        this.groupSecrets = groupSecrets;
        this.epochSecrets = epochSecrets;
        this.transcriptHashes = transcriptHashes;
    }

    public GroupInfo groupInfo() {
        return groupInfo;
    }

    /** The decrypted GroupSecrets: joiner secret, the optional path secret, the PSK ids. */
    public GroupSecrets groupSecrets() {
        return groupSecrets;
    }

    /** The secrets of the epoch joined, derived from the joiner secret, PSKs and group context. */
    public EpochSecrets epochSecrets() {
        return epochSecrets;
    }

    /** The confirmed transcript hash of the GroupInfo and the interim hash computed from its tag. */
    public TranscriptHashes transcriptHashes() {
        return transcriptHashes;
    }

    @Override
    public String toString() {
        return "VerifiedWelcome[" + groupInfo.groupContext().groupId() + ", epoch "
                + Long.toUnsignedString(groupInfo.groupContext().epoch()) + ", signer " + groupInfo.signer() + "]";
    }
}

package org.vermerk.protocol.transcript;

import java.security.MessageDigest;
import java.util.Arrays;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.schedule.ConfirmationKey;

/**
 * The confirmation tag of a commit and of a GroupInfo (RFC 9420 §6.1, §8.1):
 *
 * <pre>
 * confirmation_tag = MAC(confirmation_key, GroupContext.confirmed_transcript_hash)
 * </pre>
 *
 * It proves that the sender arrived at the same key schedule and transcript as the receiver.
 * Stateless.
 */
public final class ConfirmationTag {
    private ConfirmationTag() {}

    /** The tag over {@code confirmedTranscriptHash} under the epoch's confirmation key. */
    public static Bytes compute(CipherSuite suite, ConfirmationKey key, Bytes confirmedTranscriptHash) {
        byte[] k = key.secret().expose();
        try {
            return Bytes.of(suite.mac(k, confirmedTranscriptHash.toByteArray()));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** TRANSCRIPT-1 unless {@code tag} is the tag over {@code confirmedTranscriptHash}; compared in constant time. */
    public static void verify(CipherSuite suite, ConfirmationKey key, Bytes confirmedTranscriptHash, Bytes tag)
            throws TranscriptException {
        Bytes expected = compute(suite, key, confirmedTranscriptHash);
        if (!MessageDigest.isEqual(expected.toByteArray(), tag.toByteArray())) {
            throw new TranscriptException(
                    TranscriptRule.CONFIRMATION_TAG, "the confirmation tag does not match the key schedule");
        }
    }
}

package org.vermerk.protocol.transcript;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.framing.AuthenticatedContent;

/**
 * The two transcript hashes of an epoch (RFC 9420 §8.2):
 *
 * <pre>
 * confirmed_transcript_hash_[0] = "";  interim_transcript_hash_[0] = "";
 *
 * confirmed_transcript_hash_[epoch] =
 *     Hash(interim_transcript_hash_[epoch - 1] || ConfirmedTranscriptHashInput_[epoch]);
 * interim_transcript_hash_[epoch] =
 *     Hash(confirmed_transcript_hash_[epoch] || InterimTranscriptHashInput_[epoch]);
 * </pre>
 *
 * The inputs come from the commit that starts the epoch. A member steps from one epoch to the
 * next with {@link #next}; a joiner, who only sees the GroupInfo, starts from {@link
 * #fromGroupInfo}. Public values, immutable.
 */
public record TranscriptHashes(Bytes confirmed, Bytes interim) {
    public TranscriptHashes {
        Objects.requireNonNull(confirmed);
        Objects.requireNonNull(interim);
    }

    /** The hashes of epoch 0: both empty. */
    public static TranscriptHashes initial() {
        return new TranscriptHashes(Bytes.EMPTY, Bytes.EMPTY);
    }

    /**
     * The hashes of the epoch that {@code commit} starts, given this (the previous) epoch's. The
     * commit's confirmation tag must already be set; it goes into the new interim hash.
     */
    public TranscriptHashes next(CipherSuite suite, AuthenticatedContent commit) {
        Bytes newConfirmed = confirmedAfter(suite, interim, ConfirmedTranscriptHashInput.of(commit));
        Bytes tag = commit.auth()
                .confirmationTag()
                .orElseThrow(() -> new IllegalArgumentException("a commit carries a confirmation tag"));
        return new TranscriptHashes(newConfirmed, interimAfter(suite, newConfirmed, tag));
    }

    /**
     * {@code confirmed_transcript_hash_[epoch]} from the previous interim hash; this comes first,
     * because the commit's confirmation tag is a MAC over it.
     */
    public static Bytes confirmedAfter(CipherSuite suite, Bytes interimBefore, ConfirmedTranscriptHashInput input) {
        return hashOfConcatenation(suite, interimBefore, input.encoded());
    }

    /** {@code interim_transcript_hash_[epoch]} from the confirmed hash and the commit's confirmation tag. */
    public static Bytes interimAfter(CipherSuite suite, Bytes confirmed, Bytes confirmationTag) {
        return hashOfConcatenation(suite, confirmed, new InterimTranscriptHashInput(confirmationTag).encoded());
    }

    /** A joiner's hashes: the GroupInfo's confirmed transcript hash and confirmation tag (§8.2, §12.4.3.1). */
    public static TranscriptHashes fromGroupInfo(CipherSuite suite, Bytes confirmed, Bytes confirmationTag) {
        return new TranscriptHashes(confirmed, interimAfter(suite, confirmed, confirmationTag));
    }

    private static Bytes hashOfConcatenation(CipherSuite suite, Bytes prefix, byte[] encodedInput) {
        byte[] data = new TlsWriter(prefix.size() + encodedInput.length)
                .raw(prefix)
                .raw(encodedInput)
                .toByteArray();
        return Bytes.of(suite.hash(data));
    }
}

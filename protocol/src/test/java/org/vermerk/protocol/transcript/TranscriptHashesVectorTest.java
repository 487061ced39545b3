package org.vermerk.protocol.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.schedule.ConfirmationKey;

/**
 * The official vectors {@code transcript-hashes.json}: one entry per cipher suite {@code
 * {cipher_suite, confirmation_key, authenticated_content, interim_transcript_hash_before,
 * confirmed_transcript_hash_after, interim_transcript_hash_after}}, all binary values hex, {@code
 * authenticated_content} a TLS-encoded AuthenticatedContent. Per entry this test checks:
 *
 * <ul>
 *   <li>{@code authenticated_content} decodes, re-encodes unchanged and holds a commit;
 *   <li>its confirmation tag is {@code MAC(confirmation_key, confirmed_transcript_hash_after)}
 *       ({@link ConfirmationTag#verify} accepts it, §6.1) and the tag {@link
 *       ConfirmationTag#compute} gives is the same bytes;
 *   <li>stepping the transcript from {@code (?, interim_transcript_hash_before)} with the commit
 *       gives {@code confirmed_transcript_hash_after} and {@code interim_transcript_hash_after}
 *       (§8.2), and so does a joiner's {@link TranscriptHashes#fromGroupInfo};
 *   <li>a tag over another confirmed hash is refused with TRANSCRIPT-1.
 * </ul>
 */
class TranscriptHashesVectorTest {
    @TestFactory
    Stream<DynamicTest> aCommitAdvancesBothTranscriptHashesAndItsTagVerifies() {
        return TestVectors.entriesBySuite("transcript-hashes.json", TranscriptHashesVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        CipherSuite suite = CipherSuites.byId(entry.get("cipher_suite").asInt());
        byte[] encoded = hex(entry, "authenticated_content");
        AuthenticatedContent commit = ((Decoder<AuthenticatedContent>) AuthenticatedContent::decode).decodeAll(encoded);
        assertThat(commit.encoded()).isEqualTo(encoded);
        assertThat(commit.content().contentType()).isEqualTo(ContentType.COMMIT);

        ConfirmationKey key = new ConfirmationKey(Secret.of(hex(entry, "confirmation_key")));
        Bytes confirmedAfter = Bytes.of(hex(entry, "confirmed_transcript_hash_after"));
        Bytes interimAfter = Bytes.of(hex(entry, "interim_transcript_hash_after"));
        Bytes tag = commit.auth().confirmationTag().orElseThrow();

        ConfirmationTag.verify(suite, key, confirmedAfter, tag);
        assertThat(ConfirmationTag.compute(suite, key, confirmedAfter)).isEqualTo(tag);

        TranscriptHashes before =
                new TranscriptHashes(Bytes.EMPTY, Bytes.of(hex(entry, "interim_transcript_hash_before")));
        TranscriptHashes after = before.next(suite, commit);
        assertThat(after.confirmed()).isEqualTo(confirmedAfter);
        assertThat(after.interim()).isEqualTo(interimAfter);
        assertThat(TranscriptHashes.fromGroupInfo(suite, confirmedAfter, tag)).isEqualTo(after);

        assertThatThrownBy(() -> ConfirmationTag.verify(suite, key, interimAfter, tag))
                .isInstanceOfSatisfying(
                        TranscriptException.class, e -> assertThat(e.rule()).isEqualTo(TranscriptRule.CONFIRMATION_TAG))
                .hasMessageStartingWith("TRANSCRIPT-1");
    }
}

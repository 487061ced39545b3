package org.vermerk.protocol.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The official vectors {@code psk_secret.json}: entries {@code {cipher_suite, psks[{psk_id, psk,
 * psk_nonce}], psk_secret}}, 0 to 10 PSKs each, all hex. Per entry this test builds one external
 * {@code PreSharedKeyID(psk_id, psk_nonce)} per PSK, in order, and checks that the chained {@code
 * psk_secret} of §8.4 equals the expected value (for no PSKs: the all-zero vector), and that each
 * PreSharedKeyID decodes back from its own encoding.
 */
class PskSecretVectorTest {
    private static final Decoder<PreSharedKeyId> DECODER = PreSharedKeyId::decode;

    @TestFactory
    Stream<DynamicTest> thePskChainGivesTheExpectedPskSecret() {
        return TestVectors.entriesBySuite("psk_secret.json", PskSecretVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        KeySchedule schedule =
                new KeySchedule(CipherSuites.byId(entry.get("cipher_suite").asInt()));
        List<PreSharedKey> psks = new ArrayList<>();
        for (JsonNode psk : entry.get("psks")) {
            PreSharedKeyId id =
                    new PreSharedKeyId.External(Bytes.of(hex(psk, "psk_id")), Bytes.of(hex(psk, "psk_nonce")));
            assertThat(DECODER.decodeAll(id.encoded())).isEqualTo(id);
            psks.add(new PreSharedKey(id, Secret.of(hex(psk, "psk"))));
        }
        assertThat(schedule.pskSecret(psks).secret().expose()).isEqualTo(hex(entry, "psk_secret"));
    }
}

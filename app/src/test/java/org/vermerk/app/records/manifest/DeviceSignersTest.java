package org.vermerk.app.records.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The device's MLS signature key (raw) becomes a JCA key with a self-signed certificate for exports. */
class DeviceSignersTest {
    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void ed25519KeysOfSuiteOneSignWhatTheCertificateVerifies() throws Exception {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        DeviceSigner signer = DeviceSigners.selfSigned(1, raw, "anna@bmi.example", "d1", NOW);
        assertRoundTrip(signer, "Ed25519");
        assertThat(signer.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Vermerk device anna@bmi.example/d1");
        assertThat(signer.certificate().getNotBefore().toInstant()).isBefore(NOW);
        assertThat(signer.certificate().getNotAfter().toInstant()).isAfter(NOW.plusSeconds(9L * 365 * 86400));
        // the same raw key gives the same public key each time
        assertThat(DeviceSigners.selfSigned(1, raw, "anna@bmi.example", "d1", NOW.plusSeconds(60))
                        .certificate()
                        .getPublicKey()
                        .getEncoded())
                .isEqualTo(signer.certificate().getPublicKey().getEncoded());
    }

    @Test
    void p256KeysOfSuiteTwoSignWhatTheCertificateVerifies() throws Exception {
        byte[] raw = new BigInteger(250, RANDOM).add(BigInteger.ONE).toByteArray();
        DeviceSigner signer = DeviceSigners.selfSigned(2, raw, "ben@bmi.example", "d2", NOW);
        assertRoundTrip(signer, "SHA256withECDSA");
    }

    @Test
    void otherSuitesAreRefused() {
        assertThatThrownBy(() -> DeviceSigners.selfSigned(3, new byte[32], "a", "d", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cipher suite 3");
    }

    private static void assertRoundTrip(DeviceSigner signer, String algorithm) throws Exception {
        byte[] data = "manifest.json".getBytes(StandardCharsets.UTF_8);
        Signature sign = Signature.getInstance(algorithm);
        sign.initSign(signer.privateKey());
        sign.update(data);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance(algorithm);
        verify.initVerify(signer.certificate());
        verify.update(data);
        assertThat(verify.verify(signature)).isTrue();
        signer.certificate().verify(signer.certificate().getPublicKey());
    }
}

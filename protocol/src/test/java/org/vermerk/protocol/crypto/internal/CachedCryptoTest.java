package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;

/**
 * The per-thread AES-GCM {@code Cipher} and the public key kept with an Ed25519 {@link Secret}:
 * results equal those of fresh objects, including after a failed open and for a repeated key and
 * nonce, which the JDK's per-instance guard would otherwise refuse.
 */
class CachedCryptoTest {
    private static final byte[] AAD = {1, 2, 3};

    @Test
    void aesGcmRepeatsAndRecovers() throws CryptoException {
        Aead gcm = new JdkAesGcm(16);
        Aead reference = BcAead.aesGcm(16);
        byte[] key = new byte[16];
        byte[] nonce = new byte[12];
        byte[] plaintext = "hello".getBytes();
        byte[] first = gcm.seal(key, nonce, AAD, plaintext);
        assertThat(gcm.seal(key, nonce, AAD, plaintext)).isEqualTo(first); // same key and nonce again
        assertThat(first).isEqualTo(reference.seal(key, nonce, AAD, plaintext));
        byte[] tampered = first.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> gcm.open(key, nonce, AAD, tampered)).isInstanceOf(CryptoException.class);
        assertThat(gcm.open(key, nonce, AAD, first)).isEqualTo(plaintext);
        nonce[0] = 1;
        assertThat(gcm.open(key, nonce, AAD, gcm.seal(key, nonce, AAD, plaintext)))
                .isEqualTo(plaintext);
    }

    @Test
    void ed25519SignsAsBouncyCastleWithTheKeptPublicKey() throws CryptoException {
        CipherSuite suite = BouncyCastleCipherSuite.x25519Aes128GcmEd25519(new SecureRandom());
        KeyPair keys = suite.generateSignatureKeyPair();
        for (int i = 0; i < 3; i++) {
            byte[] message = {(byte) i, 42};
            byte[] signature = suite.sign(keys.privateKey(), message);
            Ed25519Signer reference = new Ed25519Signer();
            reference.init(
                    true, new Ed25519PrivateKeyParameters(keys.privateKey().expose()));
            reference.update(message, 0, message.length);
            assertThat(signature).isEqualTo(reference.generateSignature());
            assertThat(suite.verify(keys.publicKey(), message, signature)).isTrue();
        }
        assertThat(keys.privateKey().toString()).isEqualTo("Secret[***]");
        assertThatThrownBy(() -> suite.sign(Secret.of(new byte[31]), AAD)).isInstanceOf(CryptoException.class);
    }

    /** The decoded public keys kept by the schemes change no verdict: wrong message, signature or key fail. */
    @Test
    void cachedPublicKeysVerifyAsBefore() throws CryptoException {
        for (CipherSuite suite : new CipherSuite[] {
            BouncyCastleCipherSuite.x25519Aes128GcmEd25519(new SecureRandom()),
            BouncyCastleCipherSuite.p256Aes128GcmP256(new SecureRandom())
        }) {
            KeyPair keys = suite.generateSignatureKeyPair();
            KeyPair other = suite.generateSignatureKeyPair();
            byte[] message = {1, 2, 3, 4};
            byte[] signature = suite.sign(keys.privateKey(), message);
            for (int round = 0; round < 2; round++) { // the second round finds the keys cached
                assertThat(suite.verify(keys.publicKey(), message, signature)).isTrue();
                assertThat(suite.verify(keys.publicKey(), new byte[] {1, 2, 3, 5}, signature))
                        .isFalse();
                byte[] tampered = signature.clone();
                tampered[tampered.length - 1] ^= 1;
                assertThat(suite.verify(keys.publicKey(), message, tampered)).isFalse();
                assertThat(suite.verify(keys.publicKey(), message, Arrays.copyOf(signature, 10)))
                        .isFalse();
                assertThat(suite.verify(other.publicKey(), message, signature)).isFalse();
                byte[] malformed = keys.publicKey().toByteArray();
                malformed[malformed.length - 1] ^= 0x7f;
                assertThat(suite.verify(Bytes.of(malformed), message, signature))
                        .isFalse();
                assertThat(suite.verify(Bytes.of(new byte[5]), message, signature))
                        .isFalse();
            }
        }
    }
}

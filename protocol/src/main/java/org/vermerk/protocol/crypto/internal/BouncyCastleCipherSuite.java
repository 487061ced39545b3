package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.hpke.HPKE;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.HpkeExport;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;

/**
 * The SHA-256 cipher suites 1, 2 and 3 (RFC 9420 §17.1) on BouncyCastle's lightweight API: HPKE
 * keys from {@link HPKE}, Ed25519 or ECDSA P-256 signatures; hash, HMAC and HKDF on the JDK's
 * SHA-256 ({@link Sha256}). AES-GCM
 * comes from the JDK's provider, which measured several times faster than BouncyCastle's on this
 * hardware (docs/benchmarks.md); ChaCha20-Poly1305 from BouncyCastle. Stateless and thread-safe
 * ({@link SecureRandom} is thread-safe).
 */
public final class BouncyCastleCipherSuite implements CipherSuite {
    private static final int SHA256_LENGTH = 32;

    private final int id;
    private final Aead aead;
    private final SignatureScheme signatures;
    private final BcHpke hpke;
    private final SecureRandom random;

    private BouncyCastleCipherSuite(
            int id,
            Aead aead,
            SignatureScheme signatures,
            short kemId,
            short aeadId,
            KemKeys kemKeys,
            SecureRandom random) {
        this.id = id;
        this.aead = aead;
        this.signatures = signatures;
        this.hpke = new BcHpke(kemId, HPKE.kdf_HKDF_SHA256, aeadId, kemKeys, aead, random);
        this.random = random;
    }

    /** Suite 1: MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519. */
    public static CipherSuite x25519Aes128GcmEd25519(SecureRandom random) {
        return new BouncyCastleCipherSuite(
                1,
                new JdkAesGcm(16),
                new Ed25519Scheme(),
                HPKE.kem_X25519_SHA256,
                HPKE.aead_AES_GCM128,
                KemKeys.X25519,
                random);
    }

    /** Suite 2: MLS_128_DHKEMP256_AES128GCM_SHA256_P256. */
    public static CipherSuite p256Aes128GcmP256(SecureRandom random) {
        return new BouncyCastleCipherSuite(
                2,
                new JdkAesGcm(16),
                new EcdsaP256Scheme(),
                HPKE.kem_P256_SHA256,
                HPKE.aead_AES_GCM128,
                KemKeys.P256_KEYS,
                random);
    }

    /** Suite 3: MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519. */
    public static CipherSuite x25519ChaChaEd25519(SecureRandom random) {
        return new BouncyCastleCipherSuite(
                3,
                BcAead.chaCha20Poly1305(),
                new Ed25519Scheme(),
                HPKE.kem_X25519_SHA256,
                HPKE.aead_CHACHA20_POLY1305,
                KemKeys.X25519,
                random);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int hashLength() {
        return SHA256_LENGTH;
    }

    @Override
    public int aeadKeyLength() {
        return aead.keyLength();
    }

    @Override
    public int aeadNonceLength() {
        return aead.nonceLength();
    }

    @Override
    public byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    @Override
    public byte[] hash(byte[] data) {
        return Sha256.hash(data);
    }

    @Override
    public byte[] mac(byte[] key, byte[] data) {
        return Sha256.hmac(key, data);
    }

    @Override
    public byte[] kdfExtract(byte[] salt, byte[] ikm) {
        // HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM); an empty salt acts as Nh zero bytes.
        return mac(salt, ikm);
    }

    @Override
    public byte[] kdfExpand(byte[] prk, byte[] info, int length) {
        return Sha256.hkdfExpand(prk, info, length);
    }

    @Override
    public byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return aead.seal(key, nonce, aad, plaintext);
    }

    @Override
    public byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws CryptoException {
        return aead.open(key, nonce, aad, ciphertext);
    }

    @Override
    public KeyPair generateSignatureKeyPair() {
        byte[] privateKey = signatures.generatePrivateKey(random);
        try {
            return new KeyPair(Secret.of(privateKey), Bytes.of(signatures.publicKey(privateKey)));
        } catch (CryptoException e) {
            throw new IllegalStateException("a freshly generated key is malformed", e);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /**
     * Signs with the public key that this suite's scheme derived from {@code privateKey} before and
     * that the {@link Secret} keeps ({@link Secret#publicDerivation}), so that Ed25519 computes it
     * once per key object rather than once per signature.
     */
    @Override
    public byte[] sign(Secret privateKey, byte[] message) throws CryptoException {
        Bytes publicKey = signatures.signsFasterWithPublicKey()
                ? privateKey.publicDerivation(signatures.getClass(), Bytes.class, this::derivePublicKey)
                : null;
        byte[] sk = privateKey.expose();
        try {
            return publicKey == null
                    ? signatures.sign(sk, message) // also reports a malformed key (CRYPTO-4)
                    : signatures.sign(sk, publicKey.toByteArray(), message);
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    private Bytes derivePublicKey(byte[] sk) {
        try {
            return Bytes.of(signatures.publicKey(sk));
        } catch (CryptoException e) {
            return null;
        }
    }

    @Override
    public boolean verify(Bytes publicKey, byte[] message, byte[] signature) {
        return signatures.verify(publicKey.toByteArray(), message, signature);
    }

    @Override
    public Bytes signaturePublicKey(Secret privateKey) throws CryptoException {
        byte[] sk = privateKey.expose();
        try {
            return Bytes.of(signatures.publicKey(sk));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    @Override
    public KeyPair generateHpkeKeyPair() {
        return hpke.generateKeyPair();
    }

    @Override
    public KeyPair deriveHpkeKeyPair(byte[] ikm) {
        return hpke.deriveKeyPair(ikm);
    }

    @Override
    public Bytes hpkePublicKey(Secret privateKey) throws CryptoException {
        return hpke.publicKeyOf(privateKey);
    }

    @Override
    public HpkeCiphertext hpkeSeal(Bytes publicKey, byte[] info, byte[] aad, byte[] plaintext) throws CryptoException {
        return hpke.seal(publicKey, info, aad, plaintext);
    }

    @Override
    public List<HpkeCiphertext> hpkeSealEach(List<Bytes> publicKeys, byte[] info, byte[] aad, List<byte[]> plaintexts)
            throws CryptoException {
        return hpke.sealEach(publicKeys, info, aad, plaintexts);
    }

    @Override
    public byte[] hpkeOpen(Secret privateKey, HpkeCiphertext ciphertext, byte[] info, byte[] aad)
            throws CryptoException {
        return hpke.open(privateKey, ciphertext, info, aad);
    }

    @Override
    public HpkeExport hpkeExportSender(Bytes publicKey, byte[] info, byte[] exporterContext, int length)
            throws CryptoException {
        return hpke.exportSender(publicKey, info, exporterContext, length);
    }

    @Override
    public byte[] hpkeExportReceiver(
            Secret privateKey, byte[] kemOutput, byte[] info, byte[] exporterContext, int length)
            throws CryptoException {
        return hpke.exportReceiver(privateKey, kemOutput, info, exporterContext, length);
    }

    @Override
    public String toString() {
        return "CipherSuite[" + id + "]";
    }
}

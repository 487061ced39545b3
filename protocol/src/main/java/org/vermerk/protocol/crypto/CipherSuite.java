package org.vermerk.protocol.crypto;

import java.util.ArrayList;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;

/**
 * The primitives of one MLS cipher suite (RFC 9420 §5.1, §17.1): hash, MAC and KDF, AEAD, HPKE
 * (RFC 9180) and a signature scheme. Protocol logic uses only this interface (and {@link
 * LabeledCrypto} on top of it), never a crypto library directly. Implementations are stateless
 * and thread-safe; all randomness they use comes from {@link #randomBytes} (a source chosen when the
 * suite is made, see {@link CipherSuites#byId(int, java.security.SecureRandom)}).
 *
 * <p>Encodings follow RFC 9420 §5.1.1: X25519 and Ed25519 keys are the raw 32-byte strings of RFC
 * 7748 and RFC 8032; P-256 public keys are uncompressed points ({@code 0x04 || X || Y}), private
 * keys 32-byte big-endian scalars; ECDSA signatures are DER-encoded, EdDSA signatures {@code R ||
 * S}. Arguments that are keys of the wrong form raise {@link CryptoRule#MALFORMED_PUBLIC_KEY} or
 * {@link CryptoRule#MALFORMED_PRIVATE_KEY}; a symmetric key or nonce of the wrong length is a
 * programming error ({@link IllegalArgumentException}).
 */
public interface CipherSuite {
    /** The suite's registered value (§17.1), e.g. 1 for MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519. */
    int id();

    /** Nh: the hash and KDF output size in bytes. */
    int hashLength();

    /** Nk: the AEAD key size in bytes. */
    int aeadKeyLength();

    /** Nn: the AEAD nonce size in bytes. */
    int aeadNonceLength();

    /** {@code length} bytes from the suite's random source. */
    byte[] randomBytes(int length);

    byte[] hash(byte[] data);

    byte[] mac(byte[] key, byte[] data);

    /** HKDF-Extract (RFC 5869). */
    byte[] kdfExtract(byte[] salt, byte[] ikm);

    /** HKDF-Expand (RFC 5869); {@code length} must not exceed 255 * Nh. */
    byte[] kdfExpand(byte[] prk, byte[] info, int length);

    byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

    /** The plaintext, or CRYPTO-1 when the tag does not authenticate ciphertext and AAD. */
    byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws CryptoException;

    /** A fresh signature key pair from the suite's scheme. */
    KeyPair generateSignatureKeyPair();

    /** The raw signature over {@code message} (no label; see {@link LabeledCrypto#signWithLabel}). */
    byte[] sign(Secret privateKey, byte[] message) throws CryptoException;

    /** Whether {@code signature} is valid; false as well when the key or signature is malformed. */
    boolean verify(Bytes publicKey, byte[] message, byte[] signature);

    /** The public key that belongs to a signature private key. */
    Bytes signaturePublicKey(Secret privateKey) throws CryptoException;

    /** A fresh HPKE key pair of the suite's KEM. */
    KeyPair generateHpkeKeyPair();

    /** DeriveKeyPair of the suite's KEM (RFC 9180 §7.1.3); {@code ikm} should have at least Nsk bytes. */
    KeyPair deriveHpkeKeyPair(byte[] ikm);

    /** The public key that belongs to an HPKE private key. */
    Bytes hpkePublicKey(Secret privateKey) throws CryptoException;

    /** HPKE SealBase (RFC 9180 §6.1), single shot. */
    HpkeCiphertext hpkeSeal(Bytes publicKey, byte[] info, byte[] aad, byte[] plaintext) throws CryptoException;

    /**
     * HPKE SealBase of {@code plaintexts[i]} to {@code publicKeys[i]}, each with a fresh ephemeral
     * key and all with the same {@code info} and {@code aad}: what a Welcome does once per new
     * member, with the encrypted GroupInfo (ratchet tree included) in the info, and a commit's
     * UpdatePath for all its path secrets. The same as calling {@link #hpkeSeal} for each, results
     * in the order of the keys; an implementation may hash the shared info only once and may run
     * the seals in parallel inside the call (ADR 0016).
     */
    default List<HpkeCiphertext> hpkeSealEach(List<Bytes> publicKeys, byte[] info, byte[] aad, List<byte[]> plaintexts)
            throws CryptoException {
        if (publicKeys.size() != plaintexts.size()) {
            throw new IllegalArgumentException(publicKeys.size() + " keys for " + plaintexts.size() + " plaintexts");
        }
        List<HpkeCiphertext> out = new ArrayList<>(publicKeys.size());
        for (int i = 0; i < publicKeys.size(); i++) {
            out.add(hpkeSeal(publicKeys.get(i), info, aad, plaintexts.get(i)));
        }
        return out;
    }

    /** HPKE OpenBase (RFC 9180 §6.1), single shot; CRYPTO-2 when it fails. */
    byte[] hpkeOpen(Secret privateKey, HpkeCiphertext ciphertext, byte[] info, byte[] aad) throws CryptoException;

    /** SetupBaseS followed by Export (RFC 9180 §5.3): the sender side of an external init (§12.1.7). */
    HpkeExport hpkeExportSender(Bytes publicKey, byte[] info, byte[] exporterContext, int length)
            throws CryptoException;

    /** SetupBaseR followed by Export: the receiver side of an external init (§12.1.7). */
    byte[] hpkeExportReceiver(Secret privateKey, byte[] kemOutput, byte[] info, byte[] exporterContext, int length)
            throws CryptoException;
}

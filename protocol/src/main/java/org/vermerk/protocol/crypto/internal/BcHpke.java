package org.vermerk.protocol.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.RawAgreement;
import org.bouncycastle.crypto.agreement.BasicRawAgreement;
import org.bouncycastle.crypto.agreement.ECDHCBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.HpkeExport;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.Secret;

/**
 * HPKE in base mode (RFC 9180 §5.1.1) with a DH-based KEM and HKDF-SHA256. BouncyCastle's {@link
 * HPKE} derives and (de)serializes the KEM keys; the KEM itself (§4.1 {@code Encap}/{@code Decap}
 * with {@code ExtractAndExpand}), the key schedule (§5.1) and the exporter (§5.3) are written out
 * here, so that the AEAD is the suite's own ({@link JdkAesGcm} for AES-GCM). BouncyCastle's HPKE
 * seals with its own GCM, which is 20-50 times slower on large inputs (docs/benchmarks.md); a
 * Welcome's EncryptWithLabel has the whole encrypted GroupInfo, ratchet tree included, as AAD, once
 * per new member, so that difference dominated adding many members. Each context seals or opens
 * one message only (sequence number 0, so the nonce is {@code base_nonce}). Ephemeral keys are
 * derived from the injected random source, so that tests can make encryption deterministic.
 */
final class BcHpke {
    private static final int NH = 32;
    private static final byte[] VERSION = "HPKE-v1".getBytes(StandardCharsets.US_ASCII);
    /** From this many seals on, {@link #sealEach} runs them in parallel; below, the hand-over costs more than it saves. */
    static final int PARALLEL_FROM = 4;

    /**
     * BouncyCastle's HPKE object is not thread-safe (its KEM and HKDF keep one {@code
     * HKDFBytesGenerator} and key pair generator each), so every thread has its own.
     */
    private final ThreadLocal<HPKE> hpke;

    private final KemKeys keys;
    private final Aead aead;
    private final SecureRandom random;
    private final short kemId;
    /** {@code "KEM" || I2OSP(kem_id, 2)}. */
    private final byte[] kemSuiteId;
    /** {@code "HPKE" || I2OSP(kem_id, 2) || I2OSP(kdf_id, 2) || I2OSP(aead_id, 2)}. */
    private final byte[] hpkeSuiteId;

    BcHpke(short kemId, short kdfId, short aeadId, KemKeys keys, Aead aead, SecureRandom random) {
        if (kdfId != HPKE.kdf_HKDF_SHA256) {
            throw new IllegalArgumentException("HPKE KDF " + kdfId);
        }
        this.hpke = ThreadLocal.withInitial(() -> new HPKE(HPKE.mode_base, kemId, kdfId, aeadId));
        this.keys = keys;
        this.aead = aead;
        this.random = random;
        this.kemId = kemId;
        this.kemSuiteId = new byte[] {'K', 'E', 'M', (byte) (kemId >> 8), (byte) kemId};
        this.hpkeSuiteId = new byte[] {
            'H',
            'P',
            'K',
            'E',
            (byte) (kemId >> 8),
            (byte) kemId,
            (byte) (kdfId >> 8),
            (byte) kdfId,
            (byte) (aeadId >> 8),
            (byte) aeadId
        };
    }

    KeyPair deriveKeyPair(byte[] ikm) {
        AsymmetricCipherKeyPair pair = hpke.get().deriveKeyPair(ikm);
        return new KeyPair(
                Secret.wrap(hpke.get().serializePrivateKey(pair.getPrivate())),
                Bytes.of(hpke.get().serializePublicKey(pair.getPublic())));
    }

    KeyPair generateKeyPair() {
        byte[] seed = new byte[keys.privateKeyLength];
        random.nextBytes(seed);
        try {
            return deriveKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    Bytes publicKeyOf(Secret privateKey) throws CryptoException {
        byte[] sk = privateKey.expose();
        try {
            return Bytes.of(keys.publicKeyOf(sk));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    HpkeCiphertext seal(Bytes publicKey, byte[] info, byte[] aad, byte[] plaintext) throws CryptoException {
        Context context = setupSender(publicKey, info);
        try {
            return new HpkeCiphertext(
                    Bytes.of(context.enc), Bytes.of(aead.seal(context.key, context.baseNonce, aad, plaintext)));
        } finally {
            context.wipe();
        }
    }

    /**
     * {@link #seal} of each plaintext to its key, with {@code info_hash} (a hash over all of
     * {@code info}) computed once for all, results in the order of the keys. The seals are
     * independent of each other, so from {@link #PARALLEL_FROM} on they are spread over the
     * available cores (a parallel stream on the common fork/join pool, the calling thread taking
     * part); a commit's UpdatePath to a large group and a Welcome to many new members are mostly
     * these seals. The ephemeral seeds are drawn from the random source first, one after another in
     * the order of the keys, so the random source is used exactly as by sealing one by one (tests
     * with a deterministic source get the same ciphertexts). Every object a seal touches is its
     * own or per thread: the HPKE key helper ({@link #hpke}), the digest ({@link Sha256}), the AEAD
     * ({@link JdkAesGcm}'s per-thread cipher, {@link BcAead}'s per-call one).
     */
    List<HpkeCiphertext> sealEach(List<Bytes> publicKeys, byte[] info, byte[] aad, List<byte[]> plaintexts)
            throws CryptoException {
        if (publicKeys.size() != plaintexts.size()) {
            throw new IllegalArgumentException(publicKeys.size() + " keys for " + plaintexts.size() + " plaintexts");
        }
        byte[] infoHash = infoHash(info);
        int count = publicKeys.size();
        byte[][] seeds = new byte[count][];
        try {
            for (int i = 0; i < count; i++) {
                seeds[i] = new byte[keys.privateKeyLength];
                random.nextBytes(seeds[i]);
            }
            IntStream indices = IntStream.range(0, count);
            if (count >= PARALLEL_FROM) {
                indices = indices.parallel();
            }
            HpkeCiphertext[] out = indices.mapToObj(i -> {
                        try {
                            return sealWithSeed(publicKeys.get(i), infoHash, aad, plaintexts.get(i), seeds[i]);
                        } catch (CryptoException e) {
                            throw new SealFailed(e);
                        }
                    })
                    .toArray(HpkeCiphertext[]::new);
            return List.of(out);
        } catch (SealFailed e) {
            throw e.cause;
        } finally {
            for (byte[] seed : seeds) {
                if (seed != null) {
                    Arrays.fill(seed, (byte) 0);
                }
            }
        }
    }

    private HpkeCiphertext sealWithSeed(Bytes publicKey, byte[] infoHash, byte[] aad, byte[] plaintext, byte[] seed)
            throws CryptoException {
        Context context =
                setupSenderWithInfoHash(publicKey, infoHash, hpke.get().deriveKeyPair(seed));
        try {
            return new HpkeCiphertext(
                    Bytes.of(context.enc), Bytes.of(aead.seal(context.key, context.baseNonce, aad, plaintext)));
        } finally {
            context.wipe();
        }
    }

    /** Carries a seal's CryptoException out of the stream. */
    private static final class SealFailed extends RuntimeException {
        final CryptoException cause;

        SealFailed(CryptoException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    byte[] open(Secret privateKey, HpkeCiphertext ciphertext, byte[] info, byte[] aad) throws CryptoException {
        Context context = setupReceiver(privateKey, ciphertext.kemOutput().toByteArray(), info);
        try {
            return aead.open(
                    context.key, context.baseNonce, aad, ciphertext.ciphertext().toByteArray());
        } catch (CryptoException | RuntimeException e) {
            throw new CryptoException(CryptoRule.HPKE_OPEN, "HPKE ciphertext does not open");
        } finally {
            context.wipe();
        }
    }

    HpkeExport exportSender(Bytes publicKey, byte[] info, byte[] exporterContext, int length) throws CryptoException {
        Context context = setupSender(publicKey, info);
        try {
            return new HpkeExport(Bytes.of(context.enc), Secret.wrap(context.export(exporterContext, length)));
        } finally {
            context.wipe();
        }
    }

    byte[] exportReceiver(Secret privateKey, byte[] kemOutput, byte[] info, byte[] exporterContext, int length)
            throws CryptoException {
        Context context = setupReceiver(privateKey, kemOutput, info);
        try {
            return context.export(exporterContext, length);
        } finally {
            context.wipe();
        }
    }

    /** SetupBaseS (§5.1.1) with {@code Encap(pkR)} (§4.1): a fresh ephemeral key pair per call. */
    private Context setupSender(Bytes publicKey, byte[] info) throws CryptoException {
        return setupSenderWithInfoHash(publicKey, infoHash(info), ephemeral());
    }

    private Context setupSenderWithInfoHash(Bytes publicKey, byte[] infoHash, AsymmetricCipherKeyPair ephemeral)
            throws CryptoException {
        byte[] pkRm = publicKey.toByteArray();
        AsymmetricKeyParameter pkR = recipient(pkRm);
        byte[] enc = hpke.get().serializePublicKey(ephemeral.getPublic());
        byte[] dh = dh(ephemeral.getPrivate(), pkR);
        byte[] sharedSecret = extractAndExpand(dh, enc, pkRm);
        return keySchedule(enc, sharedSecret, infoHash);
    }

    /** SetupBaseR (§5.1.1) with {@code Decap(enc, skR)} (§4.1). */
    private Context setupReceiver(Secret privateKey, byte[] enc, byte[] info) throws CryptoException {
        byte[] sk = privateKey.expose();
        try {
            byte[] pkRm = keys.publicKeyOf(sk);
            AsymmetricCipherKeyPair pair = hpke.get().deserializePrivateKey(sk, pkRm);
            AsymmetricKeyParameter pkE;
            try {
                keys.checkPublicKey(enc);
                pkE = hpke.get().deserializePublicKey(enc);
            } catch (CryptoException | RuntimeException e) {
                throw new CryptoException(CryptoRule.HPKE_OPEN, "HPKE decapsulation failed");
            }
            byte[] dh = dh(pair.getPrivate(), pkE);
            return keySchedule(enc, extractAndExpand(dh, enc, pkRm), infoHash(info));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /** DH(sk, pk): the X25519 output, or the P-256 x-coordinate (RFC 9180 §7.1.1). */
    private byte[] dh(CipherParameters privateKey, CipherParameters publicKey) throws CryptoException {
        RawAgreement agreement = kemId == HPKE.kem_X25519_SHA256
                ? new X25519Agreement()
                : new BasicRawAgreement(new ECDHCBasicAgreement());
        try {
            agreement.init(privateKey);
            byte[] out = new byte[agreement.getAgreementSize()];
            agreement.calculateAgreement(publicKey, out, 0);
            return out;
        } catch (RuntimeException e) {
            // X25519 with a low-order point gives all zeros, which BouncyCastle refuses (§7.1.4).
            throw new CryptoException(CryptoRule.HPKE_OPEN, "HPKE Diffie-Hellman failed");
        }
    }

    /** {@code ExtractAndExpand(dh, kem_context = enc || pkRm)} (§4.1); wipes {@code dh}. */
    private byte[] extractAndExpand(byte[] dh, byte[] enc, byte[] pkRm) {
        byte[] eaePrk = labeledExtract(kemSuiteId, new byte[0], "eae_prk", dh);
        Arrays.fill(dh, (byte) 0);
        byte[] kemContext = concat(enc, pkRm);
        byte[] sharedSecret = labeledExpand(kemSuiteId, eaePrk, "shared_secret", kemContext, NH);
        Arrays.fill(eaePrk, (byte) 0);
        return sharedSecret;
    }

    /** {@code info_hash = LabeledExtract("", "info_hash", info)} (§5.1). */
    private byte[] infoHash(byte[] info) {
        return labeledExtract(hpkeSuiteId, new byte[0], "info_hash", info);
    }

    /**
     * KeySchedule(mode_base, shared_secret, info, "", "") (§5.1), given {@code info_hash}; wipes
     * {@code sharedSecret}.
     */
    private Context keySchedule(byte[] enc, byte[] sharedSecret, byte[] infoHash) {
        byte[] pskIdHash = labeledExtract(hpkeSuiteId, new byte[0], "psk_id_hash", new byte[0]);
        byte[] context = new byte[1 + pskIdHash.length + infoHash.length];
        context[0] = HPKE.mode_base;
        System.arraycopy(pskIdHash, 0, context, 1, pskIdHash.length);
        System.arraycopy(infoHash, 0, context, 1 + pskIdHash.length, infoHash.length);
        byte[] secret = labeledExtract(hpkeSuiteId, sharedSecret, "secret", new byte[0]);
        Arrays.fill(sharedSecret, (byte) 0);
        try {
            return new Context(
                    enc,
                    labeledExpand(hpkeSuiteId, secret, "key", context, aead.keyLength()),
                    labeledExpand(hpkeSuiteId, secret, "base_nonce", context, aead.nonceLength()),
                    labeledExpand(hpkeSuiteId, secret, "exp", context, NH));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The secrets of one HPKE context; {@link #wipe} when done. */
    private final class Context {
        final byte[] enc;
        final byte[] key;
        final byte[] baseNonce;
        final byte[] exporterSecret;

        Context(byte[] enc, byte[] key, byte[] baseNonce, byte[] exporterSecret) {
            this.enc = enc;
            this.key = key;
            this.baseNonce = baseNonce;
            this.exporterSecret = exporterSecret;
        }

        /** {@code Context.Export(exporter_context, L)} (§5.3). */
        byte[] export(byte[] exporterContext, int length) {
            return labeledExpand(hpkeSuiteId, exporterSecret, "sec", exporterContext, length);
        }

        void wipe() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(baseNonce, (byte) 0);
            Arrays.fill(exporterSecret, (byte) 0);
        }
    }

    /** {@code LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm)}. */
    private static byte[] labeledExtract(byte[] suiteId, byte[] salt, String label, byte[] ikm) {
        byte[] labeledIkm = concat(VERSION, suiteId, label.getBytes(StandardCharsets.US_ASCII), ikm);
        try {
            // An empty salt acts as Nh zero bytes: HMAC pads its key with zeros.
            return Sha256.hmac(salt, labeledIkm);
        } finally {
            Arrays.fill(labeledIkm, (byte) 0);
        }
    }

    /**
     * {@code LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id
     * || label || info, L)}.
     */
    private static byte[] labeledExpand(byte[] suiteId, byte[] prk, String label, byte[] info, int length) {
        if (length < 0 || length > 255 * NH) {
            throw new IllegalArgumentException("HPKE LabeledExpand length " + length + " out of range");
        }
        byte[] labeledInfo = concat(
                new byte[] {(byte) (length >> 8), (byte) length},
                VERSION,
                suiteId,
                label.getBytes(StandardCharsets.US_ASCII),
                info);
        return Sha256.hkdfExpand(prk, labeledInfo, length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    private AsymmetricCipherKeyPair ephemeral() {
        byte[] seed = new byte[keys.privateKeyLength];
        random.nextBytes(seed);
        try {
            return hpke.get().deriveKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private AsymmetricKeyParameter recipient(byte[] pk) throws CryptoException {
        keys.checkPublicKey(pk);
        try {
            return hpke.get().deserializePublicKey(pk);
        } catch (RuntimeException e) {
            throw new CryptoException(CryptoRule.MALFORMED_PUBLIC_KEY, "HPKE public key does not parse");
        }
    }
}

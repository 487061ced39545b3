package org.vermerk.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * The labelled functions RFC 9420 builds on a cipher suite: RefHash (§5.2), SignWithLabel and
 * VerifyWithLabel (§5.1.2), EncryptWithLabel and DecryptWithLabel (§5.1.3), ExpandWithLabel and
 * DeriveSecret (§8), DeriveTreeSecret (§9.1). Every label except RefHash's gets the prefix {@code
 * "MLS 1.0 "}. Key material goes in and comes out as {@link Secret}; intermediate copies are wiped.
 * Stateless and thread-safe.
 */
public final class LabeledCrypto {
    private static final String PREFIX = "MLS 1.0 ";
    private static final int LABEL_CACHE_LIMIT = 256;
    private static final Map<String, byte[]> LABELS = new ConcurrentHashMap<>();

    private final CipherSuite suite;

    public LabeledCrypto(CipherSuite suite) {
        this.suite = suite;
    }

    public CipherSuite suite() {
        return suite;
    }

    /**
     * {@code "MLS 1.0 " + label} in UTF-8, shared and never to be modified by the caller. The
     * protocol's own labels are a few dozen constants used several times per message, so their
     * encodings are kept; labels beyond {@link #LABEL_CACHE_LIMIT} (exporter labels chosen by the
     * application) are encoded per call.
     */
    static byte[] mlsLabel(String label) {
        byte[] cached = LABELS.get(label);
        if (cached != null) {
            return cached;
        }
        byte[] encoded = (PREFIX + label).getBytes(StandardCharsets.UTF_8);
        if (LABELS.size() < LABEL_CACHE_LIMIT) {
            LABELS.putIfAbsent(label, encoded);
        }
        return encoded;
    }

    /** {@code RefHash(label, value) = Hash(RefHashInput)} (§5.2); the label is used as given. */
    public Bytes refHash(String label, byte[] value) {
        return Bytes.of(suite.hash(new RefHashInput(label, Bytes.of(value)).encoded()));
    }

    /** {@code KDF.Extract(salt, ikm)} (RFC 5869) over secrets. */
    public Secret extract(Secret salt, Secret ikm) {
        byte[] s = salt.expose();
        byte[] i = ikm.expose();
        try {
            return Secret.wrap(suite.kdfExtract(s, i));
        } finally {
            wipe(s, i);
        }
    }

    /** {@code ExpandWithLabel(Secret, Label, Context, Length) = KDF.Expand(Secret, KDFLabel, Length)} (§8). */
    public Secret expandWithLabel(Secret secret, String label, byte[] context, int length) {
        if (length < 0 || length > 0xffff) {
            throw new IllegalArgumentException("ExpandWithLabel length " + length + " is not a uint16");
        }
        byte[] info = new KdfLabel(length, label, Bytes.of(context)).encoded();
        byte[] prk = secret.expose();
        try {
            return Secret.wrap(suite.kdfExpand(prk, info, length));
        } finally {
            wipe(prk);
        }
    }

    /** {@code DeriveSecret(Secret, Label) = ExpandWithLabel(Secret, Label, "", KDF.Nh)} (§8). */
    public Secret deriveSecret(Secret secret, String label) {
        return expandWithLabel(secret, label, new byte[0], suite.hashLength());
    }

    /**
     * {@code DeriveTreeSecret(Secret, Label, Generation, Length) = ExpandWithLabel(Secret, Label,
     * Generation, Length)}, the generation a big-endian uint32 (§9.1).
     */
    public Secret deriveTreeSecret(Secret secret, String label, long generation, int length) {
        if (generation < 0 || generation > 0xffff_ffffL) {
            throw new IllegalArgumentException("generation " + generation + " is not a uint32");
        }
        return expandWithLabel(secret, label, new TlsWriter(4).u32(generation).toByteArray(), length);
    }

    /** {@code SignWithLabel(SignatureKey, Label, Content) = Signature.Sign(SignatureKey, SignContent)} (§5.1.2). */
    public Bytes signWithLabel(Secret signatureKey, String label, byte[] content) throws CryptoException {
        return Bytes.of(suite.sign(signatureKey, new SignContent(label, Bytes.of(content)).encoded()));
    }

    /** {@code VerifyWithLabel(VerificationKey, Label, Content, SignatureValue)} (§5.1.2). */
    public boolean verifyWithLabel(Bytes verificationKey, String label, byte[] content, Bytes signature) {
        return suite.verify(
                verificationKey, new SignContent(label, Bytes.of(content)).encoded(), signature.toByteArray());
    }

    /** {@link #verifyWithLabel}, failing with CRYPTO-6 when the signature does not verify. */
    public void requireValidSignature(Bytes verificationKey, String label, byte[] content, Bytes signature)
            throws CryptoException {
        if (!verifyWithLabel(verificationKey, label, content, signature)) {
            throw new CryptoException(
                    CryptoRule.BAD_SIGNATURE, "signature with label \"" + label + "\" does not verify");
        }
    }

    /** {@code EncryptWithLabel(PublicKey, Label, Context, Plaintext) = SealBase(PublicKey, EncryptContext, "", Plaintext)} (§5.1.3). */
    public HpkeCiphertext encryptWithLabel(Bytes publicKey, String label, byte[] context, byte[] plaintext)
            throws CryptoException {
        return suite.hpkeSeal(
                publicKey, new EncryptContext(label, Bytes.of(context)).encoded(), new byte[0], plaintext);
    }

    /**
     * {@link #encryptWithLabel} of {@code plaintexts[i]} to {@code publicKeys[i]}, all with one
     * label and context (a Welcome's GroupSecrets, §12.4.3.1): the EncryptContext is encoded once.
     */
    public List<HpkeCiphertext> encryptWithLabelToEach(
            List<Bytes> publicKeys, String label, byte[] context, List<byte[]> plaintexts) throws CryptoException {
        return suite.hpkeSealEach(
                publicKeys, new EncryptContext(label, Bytes.of(context)).encoded(), new byte[0], plaintexts);
    }

    /**
     * {@code DecryptWithLabel(PrivateKey, Label, Context, KEMOutput, Ciphertext) = OpenBase(KEMOutput,
     * PrivateKey, EncryptContext, "", Ciphertext)} (§5.1.3); CRYPTO-2 when it does not open. The
     * plaintext often is secret: the caller wipes it when done.
     */
    public byte[] decryptWithLabel(Secret privateKey, String label, byte[] context, HpkeCiphertext ciphertext)
            throws CryptoException {
        return suite.hpkeOpen(
                privateKey, ciphertext, new EncryptContext(label, Bytes.of(context)).encoded(), new byte[0]);
    }

    private static void wipe(byte[]... arrays) {
        for (byte[] array : arrays) {
            Arrays.fill(array, (byte) 0);
        }
    }
}

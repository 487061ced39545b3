package org.vermerk.app.conversation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.TreeSet;
import org.vermerk.protocol.codec.Bytes;

/**
 * The device signature keys of one contact that this device trusts, as the keystore keeps them in
 * {@code Contact.identityFingerprint}: the SHA-256 of each key, sorted, concatenated (32 bytes
 * each). A set, so that a device key seen again in another conversation is not a change (ADR 0014).
 */
final class TrustedKeys {
    private static final int HASH_LENGTH = 32;

    private final TreeSet<Bytes> hashes;

    private TrustedKeys(TreeSet<Bytes> hashes) {
        this.hashes = hashes;
    }

    /** The set of these signature keys. */
    static TrustedKeys of(Collection<Bytes> signatureKeys) {
        TreeSet<Bytes> hashes = new TreeSet<>();
        for (Bytes key : signatureKeys) {
            hashes.add(hash(key));
        }
        return new TrustedKeys(hashes);
    }

    /** The set a stored fingerprint holds; empty for null or a fingerprint of another format. */
    static TrustedKeys decode(Bytes stored) {
        TreeSet<Bytes> hashes = new TreeSet<>();
        if (stored != null && stored.size() % HASH_LENGTH == 0) {
            byte[] raw = stored.toByteArray();
            for (int i = 0; i < raw.length; i += HASH_LENGTH) {
                hashes.add(Bytes.of(java.util.Arrays.copyOfRange(raw, i, i + HASH_LENGTH)));
            }
        }
        return new TrustedKeys(hashes);
    }

    Bytes encode() {
        byte[] out = new byte[hashes.size() * HASH_LENGTH];
        int i = 0;
        for (Bytes h : hashes) {
            System.arraycopy(h.toByteArray(), 0, out, i, HASH_LENGTH);
            i += HASH_LENGTH;
        }
        return Bytes.of(out);
    }

    boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** Whether every key of {@code other} is in this set. */
    boolean containsAll(TrustedKeys other) {
        return hashes.containsAll(other.hashes);
    }

    TrustedKeys union(TrustedKeys other) {
        TreeSet<Bytes> all = new TreeSet<>(hashes);
        all.addAll(other.hashes);
        return new TrustedKeys(all);
    }

    private static Bytes hash(Bytes key) {
        try {
            return Bytes.of(MessageDigest.getInstance("SHA-256").digest(key.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}

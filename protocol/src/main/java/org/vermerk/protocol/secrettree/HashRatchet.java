package org.vermerk.protocol.secrettree;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;

/**
 * One sender ratchet (RFC 9420 §9.1):
 *
 * <pre>
 * ratchet_secret_[N]_[j]
 *       +--&gt; DeriveTreeSecret(., "nonce", j, AEAD.Nn)  = ratchet_nonce_[N]_[j]
 *       +--&gt; DeriveTreeSecret(., "key", j, AEAD.Nk)    = ratchet_key_[N]_[j]
 *       V
 * DeriveTreeSecret(., "secret", j, KDF.Nh)              = ratchet_secret_[N]_[j+1]
 * </pre>
 *
 * Each step deletes the secret it came from. Keys of skipped generations are kept in a window
 * (see {@link RatchetPolicy}); a key handed out is deleted here. Invariant: every generation in
 * {@code [next - window, next)} that is not in {@link #retained} has been handed out. Not
 * thread-safe: its {@link SecretTree} is confined to one conversation's worker.
 */
final class HashRatchet {
    private static final long MAX_GENERATION = 0xffff_ffffL;

    private final LabeledCrypto crypto;
    private final RatchetPolicy policy;
    /** {@code ratchet_secret_[N]_[next]}; null once generation 2^32-1 has been derived. */
    private Secret secret;
    /** The lowest generation whose key has not been derived yet. */
    private long next;
    /** Derived, not yet used keys of generations below {@link #next}, by generation. */
    private final TreeMap<Long, KeyAndNonce> retained = new TreeMap<>();

    HashRatchet(LabeledCrypto crypto, Secret first, RatchetPolicy policy) {
        this(crypto, first, policy, 0);
    }

    /** A ratchet whose {@code first} secret is that of generation {@code start} (tests reach the end this way). */
    HashRatchet(LabeledCrypto crypto, Secret first, RatchetPolicy policy, long start) {
        this.crypto = crypto;
        this.secret = first;
        this.policy = policy;
        this.next = start;
    }

    /** SECRET-TREE-1 when {@code generation} lies more than the policy allows beyond {@code next}. */
    static void checkForwardDistance(long generation, long next, RatchetPolicy policy) throws SecretTreeException {
        if (generation - next > policy.maxForwardDistance()) {
            throw new SecretTreeException(
                    SecretTreeRule.TOO_FAR_AHEAD,
                    "generation " + generation + " is " + (generation - next) + " steps ahead, at most "
                            + policy.maxForwardDistance() + " allowed");
        }
    }

    /** The key of the next generation, for a sender; SECRET-TREE-5 when the ratchet is used up. */
    KeyAndNonce next() throws SecretTreeException {
        if (secret == null) {
            throw new SecretTreeException(SecretTreeRule.EXHAUSTED, "the ratchet has reached generation 2^32-1");
        }
        return advance();
    }

    /** The key of {@code generation}, for a receiver; see {@link SecretTreeRule} for the failures. */
    KeyAndNonce get(long generation) throws SecretTreeException {
        if (generation < 0 || generation > MAX_GENERATION) {
            throw new IllegalArgumentException("generation " + generation + " is not a uint32");
        }
        if (generation < next) {
            return retainedKey(generation);
        }
        checkForwardDistance(generation, next, policy);
        if (secret == null) {
            throw new SecretTreeException(SecretTreeRule.EXHAUSTED, "the ratchet has reached generation 2^32-1");
        }
        long floor = generation + 1 - policy.outOfOrderWindow();
        while (next < generation) {
            if (next < floor) {
                // Outside the window once we are done: only the chain moves on, no key is made.
                step();
            } else {
                KeyAndNonce skipped = advance();
                retained.put(skipped.generation(), skipped);
            }
        }
        KeyAndNonce wanted = advance();
        dropBelow(next - policy.outOfOrderWindow());
        return wanted;
    }

    private KeyAndNonce retainedKey(long generation) throws SecretTreeException {
        KeyAndNonce kept = retained.remove(generation);
        if (kept != null) {
            return kept;
        }
        if (generation < next - policy.outOfOrderWindow()) {
            throw new SecretTreeException(
                    SecretTreeRule.EXPIRED,
                    "generation " + generation + " is older than the window of " + policy.outOfOrderWindow());
        }
        throw new SecretTreeException(SecretTreeRule.REPLAY, "the key of generation " + generation + " was used");
    }

    /** Derives the key and nonce of {@link #next}, replaces the secret by its successor, moves on. */
    private KeyAndNonce advance() {
        KeyAndNonce derived = new KeyAndNonce(
                next,
                crypto.deriveTreeSecret(secret, "key", next, crypto.suite().aeadKeyLength()),
                crypto.deriveTreeSecret(secret, "nonce", next, crypto.suite().aeadNonceLength()));
        step();
        return derived;
    }

    /** Replaces the secret of {@link #next} by its successor (and deletes it), moves on. */
    private void step() {
        Secret successor = next == MAX_GENERATION
                ? null
                : crypto.deriveTreeSecret(secret, "secret", next, crypto.suite().hashLength());
        secret.destroy();
        secret = successor;
        next++;
    }

    private void dropBelow(long floor) {
        while (!retained.isEmpty() && retained.firstKey() < floor) {
            retained.pollFirstEntry().getValue().destroy();
        }
    }

    /**
     * Writes what this ratchet still holds, for a stored group state:
     *
     * <pre>
     * struct {
     *     uint64 next_generation;              // at most 2^32
     *     optional&lt;opaque secret&lt;V&gt;&gt; secret;   // ratchet_secret_[N]_[next]; absent once used up
     *     RetainedKey retained&lt;V&gt;;           // ascending generations, each below next_generation
     * } RatchetState;
     *
     * struct { uint32 generation; opaque key&lt;V&gt;; opaque nonce&lt;V&gt;; } RetainedKey;
     * </pre>
     *
     * Keys already handed out are not held, so they are not written (§9.2 holds on disk too).
     */
    void writeState(TlsWriter writer) {
        writer.u64(next);
        if (secret == null) {
            writer.u8(0);
        } else {
            writer.u8(1);
            writeSecret(writer, secret);
        }
        writer.vector(inner -> {
            for (Map.Entry<Long, KeyAndNonce> entry : retained.entrySet()) {
                inner.u32(entry.getKey());
                writeSecret(inner, entry.getValue().key());
                writeSecret(inner, entry.getValue().nonce());
            }
        });
    }

    /** Reads a {@code RatchetState} written by {@link #writeState}; CODEC-6 for values no ratchet can hold. */
    static HashRatchet readState(TlsReader reader, LabeledCrypto crypto, RatchetPolicy policy) throws DecodeException {
        long next = reader.u64();
        if (next < 0 || next > MAX_GENERATION + 1) {
            throw new DecodeException(CodecRule.INVALID_VALUE, "ratchet generation beyond 2^32");
        }
        Secret secret = reader.bool() ? readSecret(reader, crypto.suite().hashLength(), "ratchet secret") : null;
        if ((secret == null) != (next == MAX_GENERATION + 1)) {
            if (secret != null) {
                secret.destroy();
            }
            throw new DecodeException(
                    CodecRule.INVALID_VALUE, "a ratchet holds a secret exactly while it is not used up");
        }
        HashRatchet ratchet = new HashRatchet(crypto, secret, policy, next);
        try {
            TlsReader keys = reader.vector();
            long previous = -1;
            while (keys.hasRemaining()) {
                long generation = keys.u32();
                if (generation <= previous || generation >= next) {
                    throw new DecodeException(
                            CodecRule.INVALID_VALUE, "retained generations must ascend and lie below the next one");
                }
                previous = generation;
                Secret key = readSecret(keys, crypto.suite().aeadKeyLength(), "retained key");
                Secret nonce;
                try {
                    nonce = readSecret(keys, crypto.suite().aeadNonceLength(), "retained nonce");
                } catch (DecodeException e) {
                    key.destroy();
                    throw e;
                }
                ratchet.retained.put(generation, new KeyAndNonce(generation, key, nonce));
            }
            return ratchet;
        } catch (DecodeException e) {
            ratchet.destroy(); // nothing read survives a failed load
            throw e;
        }
    }

    /** Writes {@code opaque secret<V>} and wipes the copy it exposed. */
    static void writeSecret(TlsWriter writer, Secret secret) {
        byte[] bytes = secret.expose();
        try {
            writer.opaque(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Reads {@code opaque secret<V>} of exactly {@code length} bytes. */
    static Secret readSecret(TlsReader reader, int length, String what) throws DecodeException {
        byte[] bytes = reader.opaque();
        if (bytes.length != length) {
            Arrays.fill(bytes, (byte) 0);
            throw new DecodeException(CodecRule.INVALID_VALUE, what + " of " + bytes.length + " bytes, not " + length);
        }
        return Secret.wrap(bytes);
    }

    /** Wipes everything this ratchet holds. */
    void destroy() {
        if (secret != null) {
            secret.destroy();
        }
        retained.values().forEach(KeyAndNonce::destroy);
        retained.clear();
    }
}

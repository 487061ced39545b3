package org.vermerk.protocol.crypto.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vermerk.protocol.codec.Bytes;

/**
 * Parsed signature public keys by their encoding, so that verifying many messages from the same
 * sender decodes (and for Ed25519 decompresses, a square root in the field) the sender's key once
 * rather than per message. Only keys that parsed are kept; a key that does not parse is parsed
 * again, and rejected again, each time. Public values only. Bounded: once {@link #LIMIT} keys (or the limit given) are
 * held the cache starts over, which costs a re-parse, never a wrong answer. Thread-safe.
 *
 * @param <K> the library's parsed key type, which must be immutable
 */
final class PublicKeyCache<K> {
    static final int LIMIT = 4096;

    private final Map<Bytes, K> parsed = new ConcurrentHashMap<>();
    private final int limit;

    PublicKeyCache() {
        this(LIMIT);
    }

    /** A cache of at most {@code limit} keys, for parsed keys that are large. */
    PublicKeyCache(int limit) {
        this.limit = limit;
    }

    /** The parsed key for {@code encoded}, cached; null when it is not in the cache. */
    K get(byte[] encoded) {
        return parsed.get(Bytes.of(encoded));
    }

    /** Remembers {@code key}, the parse of {@code encoded}, and returns it. */
    K put(byte[] encoded, K key) {
        if (parsed.size() >= limit) {
            parsed.clear();
        }
        parsed.put(Bytes.of(encoded), key);
        return key;
    }
}

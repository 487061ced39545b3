package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;

/**
 * A person this device knows: display name and the trust in their identity key (trust on first
 * use, raised by comparing safety numbers).
 *
 * @param identityFingerprint the fingerprint trusted so far; null before the first contact
 */
public record Contact(String userId, String displayName, Trust trust, Bytes identityFingerprint, Instant updatedAt) {
    public enum Trust {
        UNKNOWN,
        TRUSTED_ON_FIRST_USE,
        VERIFIED,
        KEY_CHANGED
    }

    public Contact {
        Ids.require(userId, "user id");
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(trust);
        Objects.requireNonNull(updatedAt);
    }

    @Override
    public String toString() {
        return "Contact[" + userId + ", " + trust + "]";
    }
}

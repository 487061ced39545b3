package org.vermerk.keystore;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/**
 * The MLS engine's state of one group, stored as an opaque blob in the engine's own versioned
 * format. {@code revision} counts the transitions stored for the group; a {@link Transition} names
 * the revision it was computed from, so a stale one is refused.
 */
public record GroupState(String conversationId, long revision, long epoch, int formatVersion, Secret state) {
    public GroupState {
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(state);
    }
}

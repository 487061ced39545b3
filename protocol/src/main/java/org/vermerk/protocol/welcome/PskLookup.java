package org.vermerk.protocol.welcome;

import java.util.Optional;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.PreSharedKeyId;

/**
 * The PSKs a joining client holds (RFC 9420 §8.4): external PSKs from the application's store,
 * resumption PSKs of groups it was in. Returns a copy the caller may wipe.
 */
@FunctionalInterface
public interface PskLookup {
    /** A client that holds no PSKs. */
    PskLookup NONE = id -> Optional.empty();

    Optional<Secret> find(PreSharedKeyId id);
}

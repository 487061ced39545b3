package org.vermerk.keystore;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Wraps and unwraps the store's random 256-bit database key. The passphrase ({@link
 * PassphraseProtector}) is the only protector today; the operating system's key store or a smart
 * card will be further implementations with their own {@link KeySlot.Kind}.
 *
 * <p>{@code header} is the key file's header (format version and store identity); implementations
 * must authenticate it together with the slot's parameters, so that a slot cannot be moved to
 * another store or have its parameters lowered.
 */
public interface KeyProtector {
    KeySlot.Kind kind();

    /** Opens the slot, or returns empty when this credential is not the one that wrapped it. */
    Optional<Secret> unwrap(KeySlot slot, Bytes header) throws KeystoreException;

    /** Wraps the database key into a new slot (fresh salt and nonce). */
    KeySlot wrap(Secret databaseKey, Bytes header) throws KeystoreException;

    /** True when the slot should be rewrapped by {@link #wrap} (for example weaker KDF parameters). */
    default boolean wantsRewrap(KeySlot slot) {
        return false;
    }
}

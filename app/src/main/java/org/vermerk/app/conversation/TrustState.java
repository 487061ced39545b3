package org.vermerk.app.conversation;

import org.vermerk.keystore.Contact;

/**
 * The trust this device puts in a contact's device keys (ADR 0014), as the engine reports it to a
 * UI (which does not see keystore types).
 */
public enum TrustState {
    /** Never met: no keys seen or verified yet. */
    UNKNOWN,
    /** The keys first seen are trusted; the safety number was not compared. */
    TRUSTED_ON_FIRST_USE,
    /** The safety number was compared and matched. */
    VERIFIED,
    /** A key not trusted so far appeared; sending waits for an acknowledgement. */
    KEY_CHANGED;

    static TrustState of(Contact.Trust trust) {
        return switch (trust) {
            case UNKNOWN -> UNKNOWN;
            case TRUSTED_ON_FIRST_USE -> TRUSTED_ON_FIRST_USE;
            case VERIFIED -> VERIFIED;
            case KEY_CHANGED -> KEY_CHANGED;
        };
    }
}

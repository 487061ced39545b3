package org.vermerk.app.cli;

import java.util.Locale;
import org.vermerk.keystore.Contact;

/** How the command line names trust states: {@code trusted-on-first-use} in JSON, words for people. */
final class TrustNames {
    private TrustNames() {}

    static String of(Contact.Trust trust) {
        return trust.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String text(Contact.Trust trust) {
        return switch (trust) {
            case UNKNOWN -> "not met yet";
            case TRUSTED_ON_FIRST_USE -> "trusted on first use, not verified";
            case VERIFIED -> "verified";
            case KEY_CHANGED -> "KEYS CHANGED - acknowledge before sending";
        };
    }
}

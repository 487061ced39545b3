package org.vermerk.ui.verification;

import org.vermerk.app.conversation.ConversationException;
import org.vermerk.app.conversation.KeyChangeNotAcknowledgedException;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.UiText;

/** The texts for failures of the people screens (directory, conversations, verification). */
public final class PeopleErrors {
    private PeopleErrors() {}

    public static UiText of(Throwable failure) {
        return switch (failure) {
            case KeyChangeNotAcknowledgedException k ->
                UiText.of("people.error.keyChanged", String.join(", ", k.userIds()));
            // The engine's messages name IDs, never content; shown as they are (English).
            case ConversationException c -> UiText.of("people.error.conversation", c.getMessage());
            default -> ErrorTexts.of(failure);
        };
    }

    /** The text of a trust state. */
    public static UiText trust(org.vermerk.app.conversation.TrustState trust) {
        return switch (trust) {
            case UNKNOWN -> UiText.of("people.trust.unknown");
            case TRUSTED_ON_FIRST_USE -> UiText.of("people.trust.firstUse");
            case VERIFIED -> UiText.of("people.trust.verified");
            case KEY_CHANGED -> UiText.of("people.trust.keyChanged");
        };
    }
}

package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import org.vermerk.app.policy.Language;

/**
 * The notice that tells a conversation that messages of it were filed as a record ("Anna Schmidt
 * hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen"). The records service makes it when
 * the policy's {@code recordsNotice} is on; the conversation layer sends it to the members as a
 * system message and shows it in each member's language.
 *
 * @param conversationId where to send it
 * @param markId the mark it announces
 * @param officialName who filed, as the members know them
 * @param messageCount how many messages
 * @param fileReference the Aktenzeichen
 */
public record RecordNotice(
        String conversationId, String markId, String officialName, int messageCount, String fileReference) {
    public RecordNotice {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(markId, "markId");
        requireNonNull(officialName, "officialName");
        requireNonNull(fileReference, "fileReference");
        if (messageCount < 1) {
            throw new IllegalArgumentException("a notice announces at least one message");
        }
    }

    /** "Anna Schmidt hat 3 Nachrichten zu Az. 12-345/2026 zu den Akten genommen" */
    public String german() {
        return officialName + " hat " + messageCount + (messageCount == 1 ? " Nachricht" : " Nachrichten") + " zu Az. "
                + fileReference + " zu den Akten genommen";
    }

    /** "Anna Schmidt filed 3 messages under file reference 12-345/2026" */
    public String english() {
        return officialName + " filed " + messageCount + (messageCount == 1 ? " message" : " messages")
                + " under file reference " + fileReference;
    }

    public String text(Language language) {
        return switch (language) {
            case GERMAN -> german();
            case ENGLISH -> english();
        };
    }
}

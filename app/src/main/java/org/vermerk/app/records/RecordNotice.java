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
        return sentence(Language.GERMAN, officialName, messageCount, fileReference);
    }

    /** "Anna Schmidt filed 3 messages under file reference 12-345/2026" */
    public String english() {
        return sentence(Language.ENGLISH, officialName, messageCount, fileReference);
    }

    public String text(Language language) {
        return sentence(language, officialName, messageCount, fileReference);
    }

    /**
     * The notice's sentence in a reader's language from its facts: what a receiving client shows
     * for a {@code record-notice} payload (the payload carries the facts, so each member reads it
     * in their own language, whatever the sender's was).
     */
    public static String sentence(Language language, String officialName, int messageCount, String fileReference) {
        return switch (language) {
            case GERMAN ->
                officialName + " hat " + messageCount + (messageCount == 1 ? " Nachricht" : " Nachrichten") + " zu Az. "
                        + fileReference + " zu den Akten genommen";
            case ENGLISH ->
                officialName + " filed " + messageCount + (messageCount == 1 ? " message" : " messages")
                        + " under file reference " + fileReference;
        };
    }
}

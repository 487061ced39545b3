package org.vermerk.ui.chat;

/**
 * What the composer is doing besides writing a new message: answering a message (shown quoted
 * above the composer) or editing an own one (its text in the composer). Esc ends either.
 *
 * @param messageId the message answered or edited
 * @param senderUserId who wrote it
 * @param own whether the user wrote it
 * @param quoted its text as shown (an edit compares the draft with it)
 */
public record Composing(Kind kind, String messageId, String senderUserId, boolean own, String quoted) {
    public enum Kind {
        REPLY,
        EDIT
    }

    @Override
    public String toString() {
        return "Composing[" + kind + ", " + messageId + "]"; // no message text in logs
    }
}

package org.vermerk.app.conversation;

/** A conversation operation failed; the message names IDs only, never content. */
public class ConversationException extends Exception {
    public ConversationException(String message) {
        super(message);
    }

    public ConversationException(String message, Throwable cause) {
        super(message, cause);
    }
}

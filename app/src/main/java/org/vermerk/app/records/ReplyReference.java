package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * The message a message answers, which need not itself be marked.
 *
 * @param messageId the ID of the message answered
 * @param senderUserId its sender
 * @param excerpt the beginning of its text as the client quoted it; may be empty
 */
public record ReplyReference(String messageId, String senderUserId, String excerpt) {
    public ReplyReference {
        requireNonNull(messageId, "messageId");
        requireNonNull(senderUserId, "senderUserId");
        requireNonNull(excerpt, "excerpt");
    }
}

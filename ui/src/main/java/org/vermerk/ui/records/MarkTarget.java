package org.vermerk.ui.records;

import static java.util.Objects.requireNonNull;

import org.vermerk.app.records.Classification;

/**
 * What the official selected in a conversation to mark: one message or a range, first to last in
 * the conversation's order, and the conversation's classification, which the mark takes along.
 *
 * @param conversationId the conversation
 * @param conversationTitle its title, shown in the dialog
 * @param classification its classification
 * @param firstMessageId the first selected message
 * @param lastMessageId the last selected message (the first one again for a single message)
 * @param selectedCount how many messages the selection shows (the store counts again when marking)
 */
public record MarkTarget(
        String conversationId,
        String conversationTitle,
        Classification classification,
        String firstMessageId,
        String lastMessageId,
        int selectedCount) {
    public MarkTarget {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(conversationTitle, "conversationTitle");
        requireNonNull(classification, "classification");
        requireNonNull(firstMessageId, "firstMessageId");
        requireNonNull(lastMessageId, "lastMessageId");
        if (selectedCount < 1) {
            throw new IllegalArgumentException("at least one message is selected");
        }
    }

    public static MarkTarget single(
            String conversationId, String conversationTitle, Classification classification, String messageId) {
        return new MarkTarget(conversationId, conversationTitle, classification, messageId, messageId, 1);
    }
}

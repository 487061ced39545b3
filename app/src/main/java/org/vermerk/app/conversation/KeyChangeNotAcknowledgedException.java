package org.vermerk.app.conversation;

import java.util.List;

/**
 * A message was not sent because a member's device keys changed and the change was not
 * acknowledged yet ({@link ConversationEngine#acknowledgeKeyChange}). Nothing was stored or sent;
 * the caller keeps the text and sends it again after the acknowledgement.
 */
public final class KeyChangeNotAcknowledgedException extends ConversationException {
    private final String conversationId;
    private final List<String> userIds;

    KeyChangeNotAcknowledgedException(String conversationId, List<String> userIds) {
        super("conversation " + conversationId + ": the keys of " + String.join(", ", userIds)
                + " changed; acknowledge the change before sending");
        this.conversationId = conversationId;
        this.userIds = List.copyOf(userIds);
    }

    public String conversationId() {
        return conversationId;
    }

    /** The members whose key change waits for an acknowledgement. */
    public List<String> userIds() {
        return userIds;
    }
}

package org.vermerk.ui.main;

import java.time.Instant;
import java.util.Locale;
import org.vermerk.keystore.Conversation;
import org.vermerk.ui.chat.ChatRow;

/**
 * One entry of the conversation list.
 *
 * @param title the group's title, or for 1:1 the other person; empty while unknown (a group
 *     whose title message has not arrived yet)
 * @param last the newest message as the chat shows it, or null when there is none
 * @param lastActivity the newest message's time, or when the conversation was created
 * @param pinned whether the user pinned it on top of the list
 */
public record ConversationItem(
        Conversation conversation,
        String title,
        ChatRow.MessageRow last,
        Instant lastActivity,
        int unread,
        boolean pinned) {
    public String id() {
        return conversation.id();
    }

    /** Whether the filter text (already lower case) occurs in the title or the last message. */
    public boolean matches(String filter) {
        if (filter.isBlank()) {
            return true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return title.toLowerCase(Locale.ROOT).contains(f)
                || last != null
                        && last.text() != null
                        && last.text().toLowerCase(Locale.ROOT).contains(f);
    }

    public ConversationItem withPinned(boolean on) {
        return on == pinned ? this : new ConversationItem(conversation, title, last, lastActivity, unread, on);
    }

    /** Pinned first, then the most recently active. */
    static final java.util.Comparator<ConversationItem> LIST_ORDER = java.util.Comparator.comparing(
                    ConversationItem::pinned)
            .reversed()
            .thenComparing(ConversationItem::lastActivity, java.util.Comparator.reverseOrder());

    @Override
    public String toString() {
        return "ConversationItem[" + id() + ", unread " + unread + "]";
    }
}

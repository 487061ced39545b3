package org.vermerk.ui.notifications;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Message;
import org.vermerk.ui.chat.ChatTimeline;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.main.ConversationItem;

/**
 * Decides whether an arriving message is worth a desktop notification and what it says. Notified:
 * texts and notices from others, while the user has notifications on. Not notified: own messages
 * (also from the user's other devices), reactions and receipts, and messages of the conversation the
 * user has open in the focused window. What it shows follows the policy's {@code
 * notificationsShowContent} (docs/admin/policy.md), which the user may change unless it is locked:
 * on, the conversation (in groups with the sender) and the beginning of the text; off (the default:
 * screens are seen by others and the system keeps a notification history), only that a message
 * arrived. FX thread only.
 */
public final class Notifications {
    /** How much of a text a notification shows. */
    static final int SNIPPET = 120;

    private final ClientSettings settings;
    private final DesktopNotifier desktop;
    private final BooleanSupplier windowFocused;
    private final Supplier<Messages> messages;

    public Notifications(
            ClientSettings settings,
            DesktopNotifier desktop,
            BooleanSupplier windowFocused,
            Supplier<Messages> messages) {
        this.settings = settings;
        this.desktop = desktop;
        this.windowFocused = windowFocused;
        this.messages = messages;
    }

    /** Whether this desktop can show notifications. */
    public boolean available() {
        return desktop.available();
    }

    /**
     * A message was stored.
     *
     * @param item its conversation as the list shows it (null when not listed yet)
     * @param openConversationId the conversation open in the chat pane, or null
     * @return whether a notification was shown
     */
    public boolean onMessage(Message message, ConversationItem item, String openConversationId, String ownUserId) {
        if (message.senderUserId().equals(ownUserId)
                || !ChatTimeline.readable(message)
                || !settings.notificationsOn()
                || !desktop.available()) {
            return false;
        }
        if (windowFocused.getAsBoolean() && message.conversationId().equals(openConversationId)) {
            return false; // the user is reading it
        }
        Messages m = messages.get();
        if (!settings.notificationsShowText()) {
            desktop.show(m.get("notification.title.hidden"), m.get("notification.body.hidden"));
            return true;
        }
        String conversation =
                item == null || item.title().isBlank() ? m.get("main.conversation.untitled") : item.title();
        boolean group = item != null && item.conversation().kind() == Conversation.Kind.GROUP;
        String title = group
                ? m.get("notification.title.group", message.senderUserId(), conversation)
                : m.get("notification.title.direct", conversation);
        desktop.show(title, snippet(message.searchText()));
        return true;
    }

    private static String snippet(String text) {
        String oneLine = text.replace('\n', ' ').strip();
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET - 1) + "…";
    }
}

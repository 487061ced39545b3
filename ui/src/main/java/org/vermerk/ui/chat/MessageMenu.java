package org.vermerk.ui.chat;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.vermerk.ui.core.Messages;

/**
 * The actions on one message, as the context menu shows them (right click, the context-menu key or
 * Shift+F10): reply, edit and delete for everyone (own texts), react. The same actions have keys on
 * the selected message (R, E, Entf, 1 to 5), which the items name.
 */
final class MessageMenu {
    private final ChatViewModel model;
    private final Messages messages;

    /** Called after an action that continues in the composer (reply, edit). */
    private final Runnable toComposer;

    MessageMenu(ChatViewModel model, Messages messages, Runnable toComposer) {
        this.model = model;
        this.messages = messages;
        this.toComposer = toComposer;
    }

    /** Fills {@code menu} for the message; empty when the message offers no action (a notice). */
    void fill(ContextMenu menu, String messageId) {
        menu.getItems().clear();
        if (messageId == null || !model.canReply(messageId)) {
            return;
        }
        menu.getItems().add(item("chat.action.reply", "reply", () -> {
            model.startReply(messageId);
            toComposer.run();
        }));
        if (model.canChange(messageId)) {
            menu.getItems().add(item("chat.action.edit", "edit", () -> {
                model.startEdit(messageId);
                toComposer.run();
            }));
            menu.getItems().add(item("chat.action.delete", "delete", () -> model.deleteForEveryone(messageId)));
        }
        menu.getItems().add(new SeparatorMenuItem());
        Menu react = new Menu(messages.get("chat.action.react"));
        react.setId("react");
        java.util.Set<String> own = model.ownReactions(messageId);
        for (int i = 0; i < ChatViewModel.REACTIONS.size(); i++) {
            String emoji = ChatViewModel.REACTIONS.get(i);
            MenuItem choice = new MenuItem(messages.get("chat.action.reactWith", emoji, i + 1));
            choice.setId("react-" + (i + 1));
            choice.setDisable(own.contains(emoji));
            choice.setOnAction(e -> model.react(messageId, emoji));
            react.getItems().add(choice);
        }
        menu.getItems().add(react);
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}

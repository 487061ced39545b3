package org.vermerk.ui.main;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.vermerk.ui.chat.ChatRow;
import org.vermerk.ui.core.Messages;

/** One reused cell of the conversation list: title, last message, its time and the unread badge. */
final class ConversationCell extends ListCell<ConversationItem> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter dateFormat;

    private final Label title = new Label();
    private final Label preview = new Label();
    private final Label time = new Label();
    private final Label badge = new Label();
    private final Label pin = new Label();
    private final VBox left = new VBox(2, title, preview);
    private final VBox right = new VBox(2, time, badge, pin);
    private final HBox box = new HBox(8, left, right);

    ConversationCell(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(messages.locale());
        getStyleClass().add("conversation-cell");
        setPrefWidth(0);
        title.getStyleClass().add("conversation-title");
        preview.getStyleClass().add("conversation-preview");
        preview.setTextOverrun(OverrunStyle.ELLIPSIS);
        time.getStyleClass().add("conversation-time");
        badge.getStyleClass().add("unread-badge");
        pin.getStyleClass().add("pin-marker");
        right.setAlignment(Pos.TOP_RIGHT);
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setMinWidth(0);
    }

    @Override
    protected void updateItem(ConversationItem item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        String name = item.title().isBlank() ? messages.get("main.conversation.untitled") : item.title();
        title.setText(name);
        title.getStyleClass().remove("unread");
        if (item.unread() > 0) {
            title.getStyleClass().add("unread");
        }
        String last = preview(item.last());
        preview.setText(last);
        time.setText(time(item));
        badge.setText(Integer.toString(item.unread()));
        badge.setVisible(item.unread() > 0);
        badge.setManaged(item.unread() > 0);
        pin.setText(item.pinned() ? messages.get("main.pinned") : "");
        pin.setVisible(item.pinned());
        pin.setManaged(item.pinned());
        setGraphic(box);
        setAccessibleText(messages.get("main.conversation.accessible", name, item.unread(), last)
                + (item.pinned() ? messages.get("main.pinned.accessible") : ""));
    }

    private String preview(ChatRow.MessageRow last) {
        if (last == null) {
            return messages.get("main.preview.none");
        }
        String text = switch (last.kind()) {
            case TEXT ->
                last.deleted() ? messages.get("chat.deleted") : last.text().replace('\n', ' ');
            case TITLE -> messages.get("chat.titleSet", last.text());
            case RECORD_NOTICE -> last.shownText(messages.language());
            case KEY_CHANGED -> messages.get("chat.keyChanged", last.text());
            case HISTORY_NOTE -> messages.get("chat.historyNote");
            case UNKNOWN -> messages.get("chat.unknown");
            case FILE ->
                last.deleted()
                        ? messages.get("chat.deleted")
                        : last.text().isBlank()
                                ? messages.get("chat.file.preview")
                                : messages.get("chat.file.preview") + ": "
                                        + last.text().replace('\n', ' ');
        };
        return last.own() && (last.kind() == ChatRow.Kind.TEXT || last.kind() == ChatRow.Kind.FILE)
                ? messages.get("main.preview.own", text)
                : text;
    }

    private String time(ConversationItem item) {
        ZonedDateTime at = item.lastActivity().atZone(zone);
        return at.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(at) : dateFormat.format(at);
    }
}

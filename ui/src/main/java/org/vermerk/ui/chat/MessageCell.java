package org.vermerk.ui.chat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.ui.core.Messages;

/**
 * One reused cell of the chat list: a day separator or a message bubble (sender in groups, the
 * text replied to, the text, reactions, time, "edited" and the delivery ticks of own messages).
 * The nodes are made once per cell and refilled for each row, so scrolling creates nothing.
 */
final class MessageCell extends ListCell<ChatRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /*
     * What differs from row to row is told by pseudo-classes, not style classes: a changed style
     * class makes JavaFX look up the matching style rules of the node and all its children again,
     * and refilling the cells while scrolling did that for every bubble (JFR: most of the FX
     * thread's time; docs/benchmarks.md, ADR 0031). A pseudo-class only switches between the rules
     * already found.
     */
    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");
    private static final PseudoClass NOTICE = PseudoClass.getPseudoClass("notice");
    private static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
    private static final PseudoClass MARKED = PseudoClass.getPseudoClass("marked");
    private static final PseudoClass READ = PseudoClass.getPseudoClass("read");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final Messages messages;
    private final ZoneId zone;
    private final DateTimeFormatter dayFormat;

    private final Label day = new Label();
    private final HBox dayBox = new HBox(day);

    private final Label sender = new Label();
    private final Label reply = new Label();
    private final Label text = new Label();
    private final Label reactions = new Label();
    private final Label meta = new Label();
    private final Label ticks = new Label();
    private final HBox footer = new HBox(6, reactions, spacer(), meta, ticks);
    private final FileBox file;

    /** What {@link #speak} says, set by each fill. */
    private String spokenWho;

    private String spokenBody;
    private String spokenTime;
    private String spokenTail;
    private boolean spokenFile;
    private final VBox bubble;
    private final HBox row;

    MessageCell(Messages messages, ZoneId zone) {
        this(messages, zone, null);
    }

    /** @param files where FILE rows find their file and send Open and Save; null: no files shown */
    MessageCell(Messages messages, ZoneId zone, FileBox.Host files) {
        this.messages = messages;
        this.zone = zone;
        this.file = files == null ? null : new FileBox(messages, files, this::speak);
        this.bubble = file == null
                ? new VBox(2, sender, reply, text, footer)
                : new VBox(2, sender, reply, file, text, footer);
        this.row = new HBox(bubble);
        this.dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(messages.locale());
        getStyleClass().add("message-cell");
        setPrefWidth(0); // wrap inside the list's width instead of scrolling sideways
        day.getStyleClass().add("day-separator");
        dayBox.setAlignment(Pos.CENTER);
        sender.getStyleClass().add("message-sender");
        reply.getStyleClass().add("message-reply");
        reply.setWrapText(true);
        text.getStyleClass().add("message-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        reactions.getStyleClass().add("message-reactions");
        meta.getStyleClass().add("message-meta");
        ticks.getStyleClass().add("message-ticks");
        bubble.getStyleClass().add("message-bubble");
        bubble.maxWidthProperty().bind(widthProperty().multiply(0.72));
        bubble.setMinHeight(Region.USE_PREF_SIZE);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, javafx.scene.layout.Priority.ALWAYS);
        return r;
    }

    @Override
    protected void updateItem(ChatRow item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        switch (item) {
            case ChatRow.Day d -> {
                day.setText(dayText(d.date()));
                setGraphic(dayBox);
                setAccessibleText(day.getText());
            }
            case ChatRow.MessageRow m -> {
                fill(m);
                setGraphic(row);
            }
        }
    }

    private String dayText(LocalDate date) {
        LocalDate today = LocalDate.now(zone);
        if (date.equals(today)) {
            return messages.get("chat.day.today");
        }
        if (date.equals(today.minusDays(1))) {
            return messages.get("chat.day.yesterday");
        }
        return dayFormat.format(date);
    }

    private void fill(ChatRow.MessageRow m) {
        boolean notice = m.kind() != ChatRow.Kind.TEXT && m.kind() != ChatRow.Kind.FILE;
        bubble.pseudoClassStateChanged(MARKED, m.marked());
        bubble.pseudoClassStateChanged(OWN, m.own() && !notice);
        bubble.pseudoClassStateChanged(NOTICE, notice);
        bubble.pseudoClassStateChanged(DELETED, m.deleted());
        row.setAlignment(notice ? Pos.CENTER : m.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);

        show(sender, m.senderLabel());
        show(
                reply,
                m.replyTo() == null ? null : m.replyTo().isEmpty() ? messages.get("chat.reply.earlier") : m.replyTo());
        String body = switch (m.kind()) {
            case TEXT -> m.deleted() ? messages.get("chat.deleted") : m.text();
            case TITLE -> messages.get("chat.titleSet", m.text());
            case RECORD_NOTICE -> m.shownText(messages.language());
            case KEY_CHANGED -> messages.get("chat.keyChanged", m.text());
            case HISTORY_NOTE -> messages.get("chat.historyNote");
            case UNKNOWN -> messages.get("chat.unknown");
            case FILE -> m.deleted() ? messages.get("chat.deleted") : m.text();
        };
        text.setText(body);
        text.setVisible(!body.isEmpty());
        text.setManaged(!body.isEmpty());
        if (file != null) {
            file.show(m.kind() == ChatRow.Kind.FILE && !m.deleted() ? m.id() : null);
        }
        show(reactions, m.reactions().isEmpty() ? null : m.reactions());
        String time = TIME.format(m.sentAt().atZone(zone));
        String shownTime = m.edited() ? messages.get("chat.edited", time) : time;
        meta.setText(m.marked() ? messages.get("chat.marked", shownTime) : shownTime);
        String tick = m.own() && !notice ? tick(m.state()) : null;
        show(ticks, tick);
        ticks.pseudoClassStateChanged(READ, m.state() == DeliveryState.READ);
        ticks.pseudoClassStateChanged(FAILED, m.state() == DeliveryState.FAILED);
        String who = m.own() ? messages.get("chat.sender.own") : m.senderUserId();
        String state = m.own() && !notice ? " " + messages.get(stateKey(m.state())) : "";
        spokenWho = who;
        spokenBody = body;
        spokenTime = time;
        spokenTail = (reply.isVisible() ? messages.get("chat.message.reply.accessible", reply.getText()) : "")
                + (m.reactions().isEmpty() ? "" : messages.get("chat.message.reactions.accessible", m.reactions()))
                + state
                + (m.marked() ? messages.get("chat.marked.accessible") : "");
        spokenFile = file != null && m.kind() == ChatRow.Kind.FILE && !m.deleted();
        speak();
    }

    /** The screen reader's text; again when the file's state changes (the row stays the same). */
    private void speak() {
        String body = spokenFile ? (file.accessibleText() + " " + spokenBody).strip() : spokenBody;
        setAccessibleText(messages.get("chat.message.accessible", spokenWho, body, spokenTime) + spokenTail);
    }

    private static void show(Label label, String value) {
        label.setText(value == null ? "" : value);
        label.setVisible(value != null);
        label.setManaged(value != null);
    }

    private static String tick(DeliveryState state) {
        return switch (state) {
            case PENDING -> "\u25F7"; // a clock face: waiting in the outbox
            case SENT -> "\u2713";
            case DELIVERED, READ -> "\u2713\u2713";
            case FAILED -> "!";
            case RECEIVED -> null;
        };
    }

    private static String stateKey(DeliveryState state) {
        return switch (state) {
            case PENDING -> "chat.state.pending";
            case SENT -> "chat.state.sent";
            case DELIVERED -> "chat.state.delivered";
            case READ -> "chat.state.read";
            case FAILED -> "chat.state.failed";
            case RECEIVED -> "chat.state.received";
        };
    }
}

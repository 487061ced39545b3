package org.vermerk.ui.chat;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.ui.core.Messages;

/**
 * The file part of a message bubble: name, size and where it is, a progress bar while it uploads
 * or downloads, "Open" and "Save", and the last error. Made once per cell and bound to each row's
 * {@link FileItem}; the previous binding is dropped first.
 */
final class FileBox extends VBox {
    /** What the box asks of the chat view. */
    interface Host {
        FileItem file(String messageId);

        void open(FileItem file);

        void save(FileItem file);
    }

    private final Messages messages;
    private final Host host;
    private final Label name = new Label();
    private final Label details = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button open = new Button();
    private final Button save = new Button();
    private final Label error = new Label();
    private Subscription bound = Subscription.EMPTY;
    private FileItem item;
    private final Runnable changed;

    /** @param changed told when the shown file's state changes after it was bound (the cell's spoken text) */
    FileBox(Messages messages, Host host, Runnable changed) {
        super(4);
        this.messages = messages;
        this.host = host;
        this.changed = changed;
        getStyleClass().add("message-file");
        name.getStyleClass().add("message-file-name");
        name.setWrapText(true);
        details.getStyleClass().add("message-meta");
        progress.setMaxWidth(Double.MAX_VALUE);
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        open.setText(messages.get("chat.file.open"));
        save.setText(messages.get("chat.file.save"));
        open.setOnAction(e -> host.open(item));
        save.setOnAction(e -> host.save(item));
        HBox buttons = new HBox(6, open, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(name, details, progress, buttons, error);
    }

    /** Shows the file of {@code messageId}; hides the box when there is none. */
    void show(String messageId) {
        bound.unsubscribe();
        item = messageId == null ? null : host.file(messageId);
        setVisible(item != null);
        setManaged(item != null);
        if (item == null) {
            bound = Subscription.EMPTY;
            return;
        }
        name.setText(item.fileName());
        String size = FileSizes.of(item.size(), messages.locale());
        open.setAccessibleText(messages.get("chat.file.open.accessible", item.fileName()));
        save.setAccessibleText(messages.get("chat.file.save.accessible", item.fileName()));
        bound = item.state()
                .subscribe((was, state) -> changed.run())
                .and(item.state().subscribe(state -> {
                    details.setText(messages.get("chat.file.details", size, messages.get(stateKey(state))));
                    boolean usable =
                            state == AttachmentState.State.ON_DEVICE || state == AttachmentState.State.ON_SERVER;
                    open.setDisable(!usable);
                    save.setDisable(!usable);
                }))
                .and(item.progress().subscribe(p -> {
                    boolean moving = p.doubleValue() >= 0;
                    progress.setProgress(moving ? p.doubleValue() : 0);
                    progress.setVisible(moving);
                    progress.setManaged(moving);
                    progress.setAccessibleText(
                            moving ? messages.get("chat.file.progress", Math.round(p.doubleValue() * 100)) : null);
                }))
                .and(item.error().subscribe(e -> {
                    error.setText(e == null ? "" : messages.text(e));
                    error.setVisible(e != null);
                    error.setManaged(e != null);
                }));
    }

    /** What a screen reader says about the file, after the message's own text. */
    String accessibleText() {
        if (item == null) {
            return "";
        }
        return messages.get(
                "chat.file.accessible",
                item.fileName(),
                FileSizes.of(item.size(), messages.locale()),
                messages.get(stateKey(item.state().get())));
    }

    private static String stateKey(AttachmentState.State state) {
        if (state == null) {
            return "chat.file.state.unknown";
        }
        return switch (state) {
            case UPLOADING -> "chat.file.state.uploading";
            case ON_DEVICE -> "chat.file.state.onDevice";
            case ON_SERVER -> "chat.file.state.onServer";
            case FAILED -> "chat.file.state.failed";
        };
    }
}

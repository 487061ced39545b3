package org.vermerk.ui.chat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;

/**
 * Files into the chat without the chooser: dropped on the message list or the composer, or pasted
 * into the composer (Ctrl+V, Shift+Insert) when the clipboard holds files (a file manager's
 * "copy"). Text on the clipboard pastes as text, as before.
 */
final class ChatFileInput {
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");
    private static final KeyCombination PASTE_ALT = KeyCombination.keyCombination("Shift+Insert");

    private ChatFileInput() {}

    static void install(ListView<?> list, TextArea composer, Consumer<List<Path>> attach) {
        for (var target : List.of(list, composer)) {
            target.addEventFilter(DragEvent.DRAG_OVER, e -> {
                if (e.getDragboard().hasFiles()) {
                    e.acceptTransferModes(TransferMode.COPY);
                    e.consume();
                }
            });
            target.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
                if (e.getDragboard().hasFiles()) {
                    attach.accept(paths(e.getDragboard().getFiles()));
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PASTE.match(e) || PASTE_ALT.match(e)) {
                Clipboard clipboard = Clipboard.getSystemClipboard();
                if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
                    attach.accept(paths(clipboard.getFiles()));
                    e.consume();
                }
            }
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().filter(File::isFile).map(File::toPath).toList();
    }
}

package org.vermerk.ui.chat;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.ui.core.UiText;

/**
 * A file in the open chat as its cell shows it: name and size as sent, where it is, the progress of
 * its upload or download, and the last error of an open or save. FX thread only.
 *
 * @param fileName untrusted (the sender chose it): shown as text, never used as a path unsanitised
 */
public record FileItem(
        String messageId,
        String fileName,
        long size,
        ObjectProperty<AttachmentState.State> state,
        DoubleProperty progress,
        ObjectProperty<UiText> error) {
    static FileItem of(String messageId, String fileName, long size) {
        return new FileItem(
                messageId,
                fileName,
                size,
                new SimpleObjectProperty<>(),
                new SimpleDoubleProperty(-1),
                new SimpleObjectProperty<>());
    }

    @Override
    public String toString() {
        return "FileItem[" + messageId + "]";
    }
}

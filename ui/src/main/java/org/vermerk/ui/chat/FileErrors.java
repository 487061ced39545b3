package org.vermerk.ui.chat;

import org.vermerk.app.attachment.AttachmentCorruptException;
import org.vermerk.app.attachment.AttachmentFileException;
import org.vermerk.app.attachment.AttachmentGoneException;
import org.vermerk.app.attachment.AttachmentHashMismatchException;
import org.vermerk.app.attachment.AttachmentOfflineException;
import org.vermerk.app.attachment.AttachmentTooLargeException;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.UiText;

/** The texts of attachment failures; anything else as {@link ErrorTexts} says it. */
final class FileErrors {
    private FileErrors() {}

    static UiText of(Throwable failure) {
        return switch (failure) {
            case AttachmentTooLargeException e -> UiText.of("chat.file.error.tooLarge", FileSizes.of(e.limit()));
            case AttachmentGoneException e -> UiText.of("chat.file.error.gone");
            case AttachmentHashMismatchException e -> UiText.of("chat.file.error.hash");
            case AttachmentCorruptException e -> UiText.of("chat.file.error.corrupt");
            case AttachmentOfflineException e -> UiText.of("chat.file.error.offline");
            case AttachmentFileException e -> UiText.of("chat.file.error.file");
            default -> ErrorTexts.of(failure);
        };
    }
}

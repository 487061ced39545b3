package org.vermerk.ui.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Dialogs a ViewModel may open, so that it needs no window of its own and tests can answer for
 * the user. Texts are {@link UiText}s; the implementation translates them.
 */
public interface DialogService {
    /** A file chosen by the user, or empty when cancelled. */
    Optional<Path> chooseFile(UiText title, UiText filterDescription, String... extensions);

    /** Shows an error the user must acknowledge. */
    void showError(UiText title, UiText message);

    /**
     * Asks before something that cannot be undone; the confirming button says what happens
     * ("Für alle löschen"), the other cancels and has the focus.
     *
     * @return whether the user confirmed
     */
    boolean confirm(UiText title, UiText question, UiText confirmLabel);

    // --- records (issue 7): the export directory ---

    /** A directory chosen by the user, starting at {@code initial} when it exists; empty when cancelled. */
    Optional<Path> chooseDirectory(UiText title, Optional<Path> initial);
}

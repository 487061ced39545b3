package org.vermerk.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.ui.core.DialogService;
import org.vermerk.ui.core.UiText;

/** A {@link DialogService} that answers for the user and records what was shown. */
public final class RecordingDialogs implements DialogService {
    public final List<UiText> errors = new ArrayList<>();
    public Optional<Path> nextFile = Optional.empty();

    @Override
    public Optional<Path> chooseFile(UiText title, UiText filterDescription, String... extensions) {
        return nextFile;
    }

    @Override
    public void showError(UiText title, UiText message) {
        errors.add(message);
    }

    /** The questions asked, and the answer the user gives to the next ones. */
    public final List<UiText> questions = new ArrayList<>();

    public boolean confirmAnswer;

    @Override
    public boolean confirm(UiText title, UiText question, UiText confirmLabel) {
        questions.add(question);
        return confirmAnswer;
    }

    // --- records (issue 7) ---

    public Optional<Path> nextDirectory = Optional.empty();
    public final List<Optional<Path>> directoryStarts = new ArrayList<>();

    @Override
    public Optional<Path> chooseDirectory(UiText title, Optional<Path> initial) {
        directoryStarts.add(initial);
        return nextDirectory;
    }
}

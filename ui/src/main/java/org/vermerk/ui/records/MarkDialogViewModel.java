package org.vermerk.ui.records;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vermerk.app.records.MarkRequest;
import org.vermerk.app.records.MarkResult;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * The mark dialog: file reference (Aktenzeichen), subject (Betreff), note and whether the
 * attachments go into the export, for the selected message or range; the conversation's
 * classification is shown and taken along. FX thread only.
 *
 * <p>{@link #submit()} checks the two required fields, then marks through the {@link
 * RecordsBackend} on the executor; on success {@code onMarked} gets the result (with the notice for
 * the conversation when the policy asks for one: the caller sends it), on failure the form shows
 * why and keeps the input.
 */
public final class MarkDialogViewModel {
    private final MarkTarget target;
    private final RecordsBackend records;
    private final TaskExecutor executor;
    private final Consumer<MarkResult> onMarked;
    private final Runnable onCancel;

    private final StringProperty fileReference = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty includeAttachments = new SimpleBooleanProperty(true);
    private final ObjectProperty<UiText> fileReferenceError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> subjectError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> formError = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param onMarked called on the FX thread with the new mark (and the notice to send, if any)
     * @param onCancel called when the official closes the dialog without marking
     */
    public MarkDialogViewModel(
            MarkTarget target,
            RecordsBackend records,
            TaskExecutor executor,
            Consumer<MarkResult> onMarked,
            Runnable onCancel) {
        this.target = requireNonNull(target, "target");
        this.records = requireNonNull(records, "records");
        this.executor = requireNonNull(executor, "executor");
        this.onMarked = requireNonNull(onMarked, "onMarked");
        this.onCancel = requireNonNull(onCancel, "onCancel");
        fileReference.addListener((o, a, b) -> fileReferenceError.set(null));
        subject.addListener((o, a, b) -> subjectError.set(null));
    }

    public MarkTarget target() {
        return target;
    }

    /** "1 Nachricht" or "3 Nachrichten (first … last)". */
    public UiText selection() {
        return target.selectedCount() == 1
                ? UiText.of("records.mark.selection.one", target.conversationTitle())
                : UiText.of("records.mark.selection.range", target.selectedCount(), target.conversationTitle());
    }

    public UiText classification() {
        return RecordsTexts.classification(target.classification());
    }

    public boolean classified() {
        return target.classification().isClassified();
    }

    public StringProperty fileReferenceProperty() {
        return fileReference;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty includeAttachmentsProperty() {
        return includeAttachments;
    }

    public ObjectProperty<UiText> fileReferenceErrorProperty() {
        return fileReferenceError;
    }

    public ObjectProperty<UiText> subjectErrorProperty() {
        return subjectError;
    }

    public ObjectProperty<UiText> formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Marks, when both required fields are filled; returns whether the request went out. */
    public boolean submit() {
        if (busy.get()) {
            return false;
        }
        formError.set(null);
        boolean ok = true;
        if (fileReference.get().isBlank()) {
            fileReferenceError.set(UiText.of("records.mark.fileReference.required"));
            ok = false;
        }
        if (subject.get().isBlank()) {
            subjectError.set(UiText.of("records.mark.subject.required"));
            ok = false;
        }
        if (!ok) {
            return false;
        }
        MarkRequest request = new MarkRequest(
                target.conversationId(),
                target.firstMessageId(),
                target.lastMessageId(),
                fileReference.get(),
                subject.get(),
                note.get(),
                includeAttachments.get());
        busy.set(true);
        executor.submit(
                () -> records.mark(request),
                result -> {
                    busy.set(false);
                    onMarked.accept(result);
                },
                failure -> {
                    busy.set(false);
                    formError.set(RecordsTexts.error(failure));
                });
        return true;
    }

    public void cancel() {
        if (!busy.get()) {
            onCancel.run();
        }
    }
}

package org.vermerk.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkResult;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The mark dialog's rules without the toolkit: required fields, the request it makes, failures. */
class MarkDialogViewModelTest {
    private final FakeRecords records = new FakeRecords();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final List<MarkResult> marked = new ArrayList<>();
    private int cancelled;

    private MarkDialogViewModel dialog(MarkTarget target) {
        return new MarkDialogViewModel(target, records, executor, marked::add, () -> cancelled++);
    }

    private static MarkTarget range() {
        return new MarkTarget("c-rz", "RZ-Planung", Classification.VS_NFD, "m2", "m4", 3);
    }

    @Test
    void bothRequiredFieldsAreNamedAndNothingIsMarkedWithoutThem() {
        MarkDialogViewModel model = dialog(range());

        assertThat(model.submit()).isFalse();

        assertThat(model.fileReferenceErrorProperty().get())
                .isEqualTo(UiText.of("records.mark.fileReference.required"));
        assertThat(model.subjectErrorProperty().get()).isEqualTo(UiText.of("records.mark.subject.required"));
        assertThat(executor.submitted).isZero();
        model.fileReferenceProperty().set("12");
        assertThat(model.fileReferenceErrorProperty().get())
                .as("typing clears the error")
                .isNull();
    }

    @Test
    void aRangeIsMarkedWithTheFormsValuesAndTheResultGoesToTheCaller() {
        MarkDialogViewModel model = dialog(range());
        model.fileReferenceProperty().set(" 12-345/2026 ");
        model.subjectProperty().set("Größenänderung der Rechenzentrumsfläche");
        model.noteProperty().set("Mitzeichnung");
        model.includeAttachmentsProperty().set(false);

        assertThat(model.submit()).isTrue();

        assertThat(records.lastRequest.conversationId()).isEqualTo("c-rz");
        assertThat(records.lastRequest.firstMessageId()).isEqualTo("m2");
        assertThat(records.lastRequest.lastMessageId()).isEqualTo("m4");
        assertThat(records.lastRequest.fileReference()).isEqualTo("12-345/2026");
        assertThat(records.lastRequest.note()).isEqualTo("Mitzeichnung");
        assertThat(records.lastRequest.includeAttachments()).isFalse();
        assertThat(marked).hasSize(1);
        assertThat(marked.getFirst().notice()).isPresent();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.selection()).isEqualTo(UiText.of("records.mark.selection.range", 3, "RZ-Planung"));
        assertThat(model.classification()).isEqualTo(UiText.of("records.classification.vsnfd"));
        assertThat(model.classified()).isTrue();
    }

    @Test
    void aRefusedRangeIsShownAndTheInputStays() {
        MarkDialogViewModel model = dialog(MarkTarget.single("c-rz", "RZ-Planung", Classification.OPEN, "deleted"));
        model.fileReferenceProperty().set("12-345/2026");
        model.subjectProperty().set("Betreff");

        model.submit();

        assertThat(marked).isEmpty();
        assertThat(model.formErrorProperty().get().key()).isEqualTo("records.error.range");
        assertThat(model.fileReferenceProperty().get()).isEqualTo("12-345/2026");
        assertThat(model.selection()).isEqualTo(UiText.of("records.mark.selection.one", "RZ-Planung"));
        assertThat(model.classification()).isEqualTo(UiText.of("records.classification.open"));
    }

    @Test
    void cancelClosesWithoutMarking() {
        MarkDialogViewModel model = dialog(range());
        model.cancel();
        assertThat(cancelled).isEqualTo(1);
        assertThat(records.lastRequest).isNull();
    }
}

package org.vermerk.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkState;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.records.RecordsViewModel.ConversationOption;
import org.vermerk.ui.records.RecordsViewModel.StateFilter;
import org.vermerk.ui.testing.RecordingDialogs;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The Records view's logic without the toolkit: filters, change, withdraw, export, addendum, audit trail. */
class RecordsViewModelTest {
    @TempDir
    Path dir;

    private final FakeRecords records = new FakeRecords();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private RecordsViewModel model;
    private int back;

    @BeforeEach
    void open() {
        records.add("a", "c-rz", "RZ-Planung", Classification.VS_NFD, "12-345/2026", "Rechenzentrum", 3);
        records.add(
                "b", "c-haushalt", "Haushalt 2027", Classification.OPEN, "Z 3 - 0815/2026", "Haushaltsaufstellung", 12);
        records.add("c", "c-rz", "RZ-Planung", Classification.VS_NFD, "12-346/2026", "Kühlung", 1);
        model = new RecordsViewModel(records, executor, dialogs, Optional.of(dir.resolve("akten")), () -> back++);
        model.refresh();
    }

    private MarkOverview select(String id) {
        MarkOverview mark = model.marks().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
        model.selectedProperty().set(mark);
        return mark;
    }

    @Test
    void listsTheMarksNewestFirstAndFiltersByFileReferenceAndConversation() {
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("c", "b", "a");
        assertThat(model.conversations())
                .containsExactly(
                        ConversationOption.ALL,
                        new ConversationOption("c-rz", "RZ-Planung"),
                        new ConversationOption("c-haushalt", "Haushalt 2027"));

        model.fileReferenceFilterProperty().set("/2026");
        assertThat(model.marks()).hasSize(3);
        model.fileReferenceFilterProperty().set("12-34");
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("c", "a");

        model.fileReferenceFilterProperty().set("");
        model.conversationFilterProperty().set(new ConversationOption("c-haushalt", "Haushalt 2027"));
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("b");
    }

    @Test
    void selectingAMarkFillsTheFormAndShowsItsAuditTrail() {
        select("a");
        assertThat(model.editFileReferenceProperty().get()).isEqualTo("12-345/2026");
        assertThat(model.editSubjectProperty().get()).isEqualTo("Rechenzentrum");
        assertThat(model.editableBinding().get()).isTrue();
        assertThat(model.addendumPossibleBinding().get()).isFalse();
        assertThat(model.auditTrail())
                .extracting(RecordsViewModel.AuditRow::what)
                .containsExactly(UiText.of("records.audit.marked", "12-345/2026"));
    }

    @Test
    void aChangeIsSavedAndEachChangedFieldAppearsInTheTrail() {
        select("a");
        model.editSubjectProperty().set("Rechenzentrum, Fläche");
        model.editIncludeAttachmentsProperty().set(false);

        model.saveChange();

        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("records.status.changed"));
        assertThat(model.selectedProperty().get().mark().subject()).isEqualTo("Rechenzentrum, Fläche");
        assertThat(model.auditTrail())
                .extracting(RecordsViewModel.AuditRow::what)
                .containsExactly(
                        UiText.of("records.audit.marked", "12-345/2026"),
                        UiText.of("records.audit.changed.subject", "Rechenzentrum", "Rechenzentrum, Fläche"),
                        UiText.of("records.audit.changed.attachmentsOff"));
        assertThat(model.auditTrail())
                .allSatisfy(row -> assertThat(row.actorUserId()).isEqualTo(FakeRecords.ANNA));
    }

    @Test
    void anEmptySubjectIsRefusedBeforeTheEngineIsAsked() {
        select("a");
        int before = executor.submitted;
        model.editSubjectProperty().set("  ");
        model.saveChange();
        assertThat(model.editErrorProperty().get()).isEqualTo(UiText.of("records.mark.subject.required"));
        assertThat(executor.submitted).isEqualTo(before);
    }

    @Test
    void withdrawingAsksFirstThenTheMarkLeavesTheListAndIsFoundUnderWithdrawn() {
        select("c");
        model.askWithdraw();
        assertThat(model.confirmingWithdrawProperty().get()).isTrue();
        model.cancelWithdraw();
        assertThat(model.marks()).hasSize(3);

        model.askWithdraw();
        model.confirmWithdraw();

        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("records.status.withdrawn"));
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("b", "a");
        assertThat(model.selectedProperty().get()).isNull();
        model.stateFilterProperty().set(StateFilter.WITHDRAWN);
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("c");
        select("c");
        assertThat(model.editableBinding().get()).isFalse();
        assertThat(model.exportableBinding().get()).isFalse();
    }

    @Test
    void exportAsksForTheDirectoryStartingAtThePolicysAndThenTheMarkIsKeptAsFiled() throws Exception {
        select("a");
        dialogs.nextDirectory = Optional.empty();
        model.export();
        assertThat(dialogs.directoryStarts).containsExactly(Optional.of(dir.resolve("akten")));
        assertThat(model.selectedProperty().get().state())
                .as("cancelled: nothing exported")
                .isEqualTo(MarkState.UNFILED);

        dialogs.nextDirectory = Optional.of(dir);
        model.export();

        Path zip = dir.resolve("a_FVDaten.SGOAblegen.0605.zip");
        assertThat(zip).exists();
        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("records.status.exported", zip));
        MarkOverview exported = model.selectedProperty().get();
        assertThat(exported.state()).isEqualTo(MarkState.EXPORTED);
        assertThat(model.editableBinding().get()).isFalse();
        assertThat(model.addendumPossibleBinding().get()).isTrue();
        model.stateFilterProperty().set(StateFilter.UNFILED);
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("c", "b");
        model.stateFilterProperty().set(StateFilter.EXPORTED);
        assertThat(model.marks()).extracting(MarkOverview::id).containsExactly("a");
    }

    @Test
    void anAddendumWithoutLaterChangesSaysSoAndWithThemIsFiled() {
        select("b");
        dialogs.nextDirectory = Optional.of(dir);
        model.export();

        model.exportAddendum();
        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("records.error.noLaterChanges"));

        records.laterChanges = 1;
        model.exportAddendum();
        assertThat(model.statusProperty().get())
                .isEqualTo(UiText.of("records.status.addendum", dir.resolve("b-addendum.zip")));
        assertThat(model.auditTrail())
                .extracting(RecordsViewModel.AuditRow::what)
                .endsWith(UiText.of("records.audit.addendum", "b-addendum.zip"));
    }

    @Test
    void backLeavesTheView() {
        model.back();
        assertThat(back).isEqualTo(1);
    }
}

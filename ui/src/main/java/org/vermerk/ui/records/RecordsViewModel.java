package org.vermerk.ui.records;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vermerk.app.records.MarkChange;
import org.vermerk.app.records.MarkFilter;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.app.records.MarkState;
import org.vermerk.ui.core.DialogService;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * The Records view: the marks, unfiled and exported (or withdrawn), filtered by state, file
 * reference and conversation; for the selected mark its audit trail, and the commands change (the
 * form, until exported), withdraw (asked once more), export (into a directory the official chooses,
 * starting at the policy's export directory) and export the later changes as an addendum. FX
 * thread only; every engine call goes through the executor.
 *
 * <p>Results of a list query that was overtaken by a newer one are dropped ({@link #generation}),
 * so that typing in the file reference filter never shows an older answer last.
 */
public final class RecordsViewModel {
    /** Which marks the list shows. */
    public enum StateFilter {
        /** Unfiled and exported (the default). */
        ACTIVE,
        UNFILED,
        EXPORTED,
        WITHDRAWN
    }

    /** A conversation to filter by; {@link #ALL} does not filter. */
    public record ConversationOption(String id, String title) {
        public static final ConversationOption ALL = new ConversationOption("", "");

        public boolean all() {
            return id.isEmpty();
        }
    }

    /** One line of the selected mark's audit trail. */
    public record AuditRow(Instant at, String actorUserId, UiText what) {}

    private final RecordsBackend records;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Optional<Path> defaultExportDirectory;
    private final Runnable back;

    private final ObservableList<MarkOverview> marks = FXCollections.observableArrayList();
    private final ObservableList<ConversationOption> conversations =
            FXCollections.observableArrayList(ConversationOption.ALL);
    private final ObjectProperty<StateFilter> stateFilter = new SimpleObjectProperty<>(StateFilter.ACTIVE);
    private final StringProperty fileReferenceFilter = new SimpleStringProperty("");
    private final ObjectProperty<ConversationOption> conversationFilter =
            new SimpleObjectProperty<>(ConversationOption.ALL);
    private final ObjectProperty<MarkOverview> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditRow> auditTrail = FXCollections.observableArrayList();
    private final StringProperty editFileReference = new SimpleStringProperty("");
    private final StringProperty editSubject = new SimpleStringProperty("");
    private final StringProperty editNote = new SimpleStringProperty("");
    private final BooleanProperty editIncludeAttachments = new SimpleBooleanProperty(true);
    private final ObjectProperty<UiText> editError = new SimpleObjectProperty<>();
    private final BooleanProperty confirmingWithdraw = new SimpleBooleanProperty();
    private final ObjectProperty<UiText> status = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding editable;
    private final BooleanBinding exportable;
    private final BooleanBinding addendumPossible;

    /** The marks of the last answer, before the conversation filter. */
    private List<MarkOverview> loaded = List.of();
    /** Counts list queries; only the newest one's answer is shown. */
    private long generation;

    /**
     * @param defaultExportDirectory where the directory chooser starts: the policy's {@code
     *     exportDirectory}, if set
     * @param back leaves the view (Esc, the back button)
     */
    public RecordsViewModel(
            RecordsBackend records,
            TaskExecutor executor,
            DialogService dialogs,
            Optional<Path> defaultExportDirectory,
            Runnable back) {
        this.records = requireNonNull(records, "records");
        this.executor = requireNonNull(executor, "executor");
        this.dialogs = requireNonNull(dialogs, "dialogs");
        this.defaultExportDirectory = requireNonNull(defaultExportDirectory, "defaultExportDirectory");
        this.back = requireNonNull(back, "back");
        editable = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().editable() && !busy.get(), selected, busy);
        exportable = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().state() != MarkState.WITHDRAWN && !busy.get(),
                selected,
                busy);
        addendumPossible = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().state() == MarkState.EXPORTED && !busy.get(),
                selected,
                busy);
        stateFilter.addListener((o, a, b) -> refresh());
        fileReferenceFilter.addListener((o, a, b) -> refresh());
        conversationFilter.addListener((o, a, b) -> showLoaded());
        selected.addListener((o, a, b) -> selectionChanged(b));
    }

    public ObservableList<MarkOverview> marks() {
        return marks;
    }

    public ObservableList<ConversationOption> conversations() {
        return conversations;
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return stateFilter;
    }

    public StringProperty fileReferenceFilterProperty() {
        return fileReferenceFilter;
    }

    public ObjectProperty<ConversationOption> conversationFilterProperty() {
        return conversationFilter;
    }

    public ObjectProperty<MarkOverview> selectedProperty() {
        return selected;
    }

    public ObservableList<AuditRow> auditTrail() {
        return auditTrail;
    }

    public StringProperty editFileReferenceProperty() {
        return editFileReference;
    }

    public StringProperty editSubjectProperty() {
        return editSubject;
    }

    public StringProperty editNoteProperty() {
        return editNote;
    }

    public BooleanProperty editIncludeAttachmentsProperty() {
        return editIncludeAttachments;
    }

    public ObjectProperty<UiText> editErrorProperty() {
        return editError;
    }

    /** True while the view asks "withdraw this mark?" */
    public ReadOnlyBooleanProperty confirmingWithdrawProperty() {
        return confirmingWithdraw;
    }

    /** The outcome of the last command (exported to …, changed, withdrawn), or its failure. */
    public ObjectProperty<UiText> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The selected mark may be changed or withdrawn (unfiled). */
    public BooleanBinding editableBinding() {
        return editable;
    }

    public BooleanBinding exportableBinding() {
        return exportable;
    }

    public BooleanBinding addendumPossibleBinding() {
        return addendumPossible;
    }

    public static UiText stateText(MarkState state) {
        return RecordsTexts.state(state);
    }

    public static UiText classificationText(MarkOverview mark) {
        return RecordsTexts.classification(mark.classification());
    }

    /** Loads the marks with the current state and file reference filters. */
    public void refresh() {
        long query = ++generation;
        MarkFilter filter = filter();
        executor.submit(
                () -> records.list(filter),
                list -> {
                    if (query == generation) {
                        loaded = List.copyOf(list);
                        showLoaded();
                    }
                },
                failure -> {
                    if (query == generation) {
                        status.set(RecordsTexts.error(failure));
                    }
                });
    }

    private MarkFilter filter() {
        MarkFilter filter = switch (stateFilter.get()) {
            case ACTIVE -> MarkFilter.all();
            case UNFILED -> MarkFilter.inState(MarkState.UNFILED);
            case EXPORTED -> MarkFilter.inState(MarkState.EXPORTED);
            case WITHDRAWN -> MarkFilter.inState(MarkState.WITHDRAWN);
        };
        String fileReference = fileReferenceFilter.get().strip();
        return fileReference.isEmpty() ? filter : filter.withFileReferenceContaining(fileReference);
    }

    /** Applies the conversation filter to the last answer and keeps the selection when it is still there. */
    private void showLoaded() {
        Map<String, ConversationOption> options = new LinkedHashMap<>();
        for (MarkOverview mark : loaded) {
            options.putIfAbsent(
                    mark.conversationId(), new ConversationOption(mark.conversationId(), mark.conversationTitle()));
        }
        ConversationOption chosen = conversationFilter.get();
        List<ConversationOption> all = new ArrayList<>();
        all.add(ConversationOption.ALL);
        all.addAll(options.values());
        if (!chosen.all() && !options.containsKey(chosen.id())) {
            all.add(chosen);
        }
        if (!conversations.equals(all)) {
            conversations.setAll(all);
        }
        List<MarkOverview> shown = loaded.stream()
                .filter(m -> chosen.all() || m.conversationId().equals(chosen.id()))
                .toList();
        String selectedId = selected.get() == null ? null : selected.get().id();
        marks.setAll(shown);
        selected.set(shown.stream()
                .filter(m -> m.id().equals(selectedId))
                .findFirst()
                .orElse(null));
    }

    private void selectionChanged(MarkOverview mark) {
        confirmingWithdraw.set(false);
        editError.set(null);
        auditTrail.clear();
        if (mark == null) {
            return;
        }
        editFileReference.set(mark.mark().fileReference());
        editSubject.set(mark.mark().subject());
        editNote.set(mark.mark().note());
        editIncludeAttachments.set(mark.mark().includeAttachments());
        loadAuditTrail(mark);
    }

    private void loadAuditTrail(MarkOverview mark) {
        String id = mark.id();
        executor.submit(
                () -> records.auditTrail(id),
                trail -> {
                    if (selected.get() != null && selected.get().id().equals(id)) {
                        auditTrail.setAll(trail.stream()
                                .map(e -> new AuditRow(e.at(), e.actorUserId(), RecordsTexts.audit(e)))
                                .toList());
                    }
                },
                failure -> status.set(RecordsTexts.error(failure)));
    }

    /** Saves the form for the selected, unfiled mark. */
    public void saveChange() {
        MarkOverview mark = selected.get();
        if (mark == null || !editable.get()) {
            return;
        }
        if (editFileReference.get().isBlank()) {
            editError.set(UiText.of("records.mark.fileReference.required"));
            return;
        }
        if (editSubject.get().isBlank()) {
            editError.set(UiText.of("records.mark.subject.required"));
            return;
        }
        editError.set(null);
        MarkChange change = new MarkChange(
                editFileReference.get(), editSubject.get(), editNote.get(), editIncludeAttachments.get());
        run(() -> records.change(mark.id(), change), changed -> UiText.of("records.status.changed"));
    }

    public void askWithdraw() {
        if (editable.get()) {
            confirmingWithdraw.set(true);
        }
    }

    public void cancelWithdraw() {
        confirmingWithdraw.set(false);
    }

    public void confirmWithdraw() {
        MarkOverview mark = selected.get();
        confirmingWithdraw.set(false);
        if (mark == null || !editable.get()) {
            return;
        }
        run(
                () -> {
                    records.withdraw(mark.id());
                    return mark.id();
                },
                id -> UiText.of("records.status.withdrawn"));
    }

    /** Asks for the directory (starting at the policy's) and exports the selected mark into it. */
    public void export() {
        MarkOverview mark = selected.get();
        if (mark == null || !exportable.get()) {
            return;
        }
        Optional<Path> directory = dialogs.chooseDirectory(UiText.of("records.export.choose"), defaultExportDirectory);
        if (directory.isEmpty()) {
            return;
        }
        run(() -> records.export(mark.id(), directory.get()), zip -> UiText.of("records.status.exported", zip));
    }

    /** Files the later changes of the selected, exported mark as an addendum. */
    public void exportAddendum() {
        MarkOverview mark = selected.get();
        if (mark == null || !addendumPossible.get()) {
            return;
        }
        Optional<Path> directory =
                dialogs.chooseDirectory(UiText.of("records.addendum.choose"), defaultExportDirectory);
        if (directory.isEmpty()) {
            return;
        }
        run(() -> records.exportAddendum(mark.id(), directory.get()), zip -> UiText.of("records.status.addendum", zip));
    }

    public void back() {
        back.run();
    }

    /** One command: busy while it runs, its outcome as the status, then the list again. */
    private <T> void run(TaskExecutor.Work<T> work, java.util.function.Function<T, UiText> done) {
        busy.set(true);
        status.set(null);
        executor.submit(
                work,
                result -> {
                    busy.set(false);
                    status.set(done.apply(result));
                    refresh();
                    // an addendum leaves the mark's values as they were: the trail grows all the same
                    MarkOverview now = selected.get();
                    if (now != null) {
                        loadAuditTrail(now);
                    }
                },
                failure -> {
                    busy.set(false);
                    status.set(RecordsTexts.error(failure));
                    refresh();
                });
    }
}

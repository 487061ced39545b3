package org.vermerk.ui.records;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vermerk.app.records.MarkOverview;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;
import org.vermerk.ui.records.RecordsViewModel.AuditRow;
import org.vermerk.ui.records.RecordsViewModel.ConversationOption;
import org.vermerk.ui.records.RecordsViewModel.StateFilter;

/** The Records view: loads {@code Records.fxml} and binds it to {@link RecordsViewModel}. */
public final class RecordsView {
    private final RecordsViewModel model;
    private final Messages messages;
    private final DateTimeFormatter time;
    private final DateTimeFormatter shortTime;

    @FXML
    private Button backButton;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Label stateFilterLabel;

    @FXML
    private ComboBox<StateFilter> stateFilter;

    @FXML
    private Label fileReferenceFilterLabel;

    @FXML
    private TextField fileReferenceFilter;

    @FXML
    private Label conversationFilterLabel;

    @FXML
    private ComboBox<ConversationOption> conversationFilter;

    @FXML
    private TableView<MarkOverview> marksTable;

    @FXML
    private TableColumn<MarkOverview, String> fileReferenceColumn;

    @FXML
    private TableColumn<MarkOverview, String> subjectColumn;

    @FXML
    private TableColumn<MarkOverview, String> conversationColumn;

    @FXML
    private TableColumn<MarkOverview, Integer> countColumn;

    @FXML
    private TableColumn<MarkOverview, String> stateColumn;

    @FXML
    private TableColumn<MarkOverview, String> markedColumn;

    @FXML
    private Label noSelection;

    @FXML
    private VBox form;

    @FXML
    private Label detailState;

    @FXML
    private Label detailClassification;

    @FXML
    private Label detailSummary;

    @FXML
    private TextField editFileReference;

    @FXML
    private TextField editSubject;

    @FXML
    private TextArea editNote;

    @FXML
    private CheckBox editIncludeAttachments;

    @FXML
    private Label editError;

    @FXML
    private Button saveButton;

    @FXML
    private Button withdrawButton;

    @FXML
    private VBox withdrawConfirm;

    @FXML
    private Button withdrawYes;

    @FXML
    private Button exportButton;

    @FXML
    private Button addendumButton;

    @FXML
    private ListView<AuditRow> auditList;

    @FXML
    private Label status;

    /** @param zone the zone in which times are shown (the system's) */
    public RecordsView(RecordsViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale())
                .withZone(zone);
        this.shortTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(messages.locale())
                .withZone(zone);
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Records.fxml", messages);
        root.getStylesheets()
                .add(RecordsView.class.getResource(MarkDialogView.STYLESHEET).toExternalForm());
        Platform.runLater(marksTable::requestFocus);
        return root;
    }

    @FXML
    private void initialize() {
        stateFilterLabel.setLabelFor(stateFilter);
        fileReferenceFilterLabel.setLabelFor(fileReferenceFilter);
        conversationFilterLabel.setLabelFor(conversationFilter);
        ViewBindings.linkFieldLabels(form);
        progress.visibleProperty().bind(model.busyProperty());

        stateFilter.getItems().setAll(StateFilter.values());
        stateFilter.setConverter(converter(this::stateFilterText));
        stateFilter.valueProperty().bindBidirectional(model.stateFilterProperty());
        fileReferenceFilter.textProperty().bindBidirectional(model.fileReferenceFilterProperty());
        conversationFilter.setItems(model.conversations());
        conversationFilter.setConverter(
                converter(option -> option.all() ? messages.get("records.filter.conversation.all") : option.title()));
        conversationFilter.valueProperty().bindBidirectional(model.conversationFilterProperty());

        fileReferenceColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(row.getValue().mark().fileReference()));
        subjectColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(row.getValue().mark().subject()));
        conversationColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(row.getValue().conversationTitle()));
        countColumn.setCellValueFactory(
                row -> new ReadOnlyObjectWrapper<>(row.getValue().messageCount()));
        stateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                messages.text(RecordsViewModel.stateText(row.getValue().state()))));
        markedColumn.setCellValueFactory(row ->
                new ReadOnlyStringWrapper(shortTime.format(row.getValue().mark().markedAt())));
        // A narrow column shortens its text: the tooltip and the screen reader keep all of it.
        for (TableColumn<MarkOverview, String> column :
                List.of(fileReferenceColumn, subjectColumn, conversationColumn, stateColumn, markedColumn)) {
            column.setCellFactory(c -> new FullTextCell<>());
        }
        marksTable.setItems(model.marks());
        marksTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != model.selectedProperty().get()) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> showSelected(b));
        showSelected(model.selectedProperty().get());

        editFileReference.textProperty().bindBidirectional(model.editFileReferenceProperty());
        editSubject.textProperty().bindBidirectional(model.editSubjectProperty());
        editNote.textProperty().bindBidirectional(model.editNoteProperty());
        editIncludeAttachments.selectedProperty().bindBidirectional(model.editIncludeAttachmentsProperty());
        for (javafx.scene.Node node :
                new javafx.scene.Node[] {editFileReference, editSubject, editNote, editIncludeAttachments}) {
            node.disableProperty().bind(model.editableBinding().not());
        }
        saveButton.disableProperty().bind(model.editableBinding().not());
        withdrawButton.disableProperty().bind(model.editableBinding().not());
        exportButton.disableProperty().bind(model.exportableBinding().not());
        addendumButton.disableProperty().bind(model.addendumPossibleBinding().not());
        withdrawConfirm.visibleProperty().bind(model.confirmingWithdrawProperty());
        withdrawConfirm.managedProperty().bind(withdrawConfirm.visibleProperty());
        ViewBindings.showText(editError, model.editErrorProperty(), messages);
        ViewBindings.showText(status, model.statusProperty(), messages);

        auditList.setItems(model.auditTrail());
        auditList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(
                        empty || row == null
                                ? null
                                : time.format(row.at()) + " · " + row.actorUserId() + " · "
                                        + messages.text(row.what()));
                setWrapText(true);
                // a cell as wide as the list, so that long entries wrap instead of running off
                setPrefWidth(0);
            }
        });
    }

    private void showSelected(MarkOverview mark) {
        if (mark != marksTable.getSelectionModel().getSelectedItem()) {
            if (mark == null) {
                marksTable.getSelectionModel().clearSelection();
            } else {
                marksTable.getSelectionModel().select(mark);
            }
        }
        noSelection.setVisible(mark == null);
        noSelection.setManaged(mark == null);
        form.setVisible(mark != null);
        form.setManaged(mark != null);
        if (mark == null) {
            return;
        }
        detailState.setText(messages.text(RecordsViewModel.stateText(mark.state())));
        String classification = messages.text(RecordsViewModel.classificationText(mark));
        detailClassification.setText(classification);
        detailClassification.getStyleClass().removeAll("classified", "open");
        detailClassification.getStyleClass().add(mark.classification().isClassified() ? "classified" : "open");
        detailClassification.setAccessibleText(messages.get("records.mark.classification.accessible", classification));
        detailSummary.setText(messages.get(
                "records.detail.summary",
                mark.messageCount(),
                mark.conversationTitle(),
                mark.mark().markedBy(),
                time.format(mark.mark().markedAt()),
                mark.exportReference().orElse("–")));
    }

    private String stateFilterText(StateFilter filter) {
        return switch (filter) {
            case ACTIVE -> messages.get("records.filter.state.active");
            case UNFILED -> messages.get("records.state.unfiled");
            case EXPORTED -> messages.get("records.state.exported");
            case WITHDRAWN -> messages.get("records.state.withdrawn");
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    @FXML
    private void onBack() {
        model.back();
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onSave() {
        model.saveChange();
    }

    @FXML
    private void onWithdraw() {
        model.askWithdraw();
        if (model.confirmingWithdrawProperty().get()) {
            withdrawYes.requestFocus();
        }
    }

    @FXML
    private void onWithdrawYes() {
        model.confirmWithdraw();
    }

    @FXML
    private void onWithdrawNo() {
        model.cancelWithdraw();
        withdrawButton.requestFocus();
    }

    @FXML
    private void onExport() {
        model.export();
    }

    @FXML
    private void onAddendum() {
        model.exportAddendum();
    }
}

package org.vermerk.ui.records;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * The mark dialog's content: loads {@code MarkDialog.fxml} and binds it to {@link
 * MarkDialogViewModel}. The caller puts {@link #load()}'s node into a window of its choice (a
 * modal stage owned by the client window); Enter marks, Esc cancels.
 */
public final class MarkDialogView {
    static final String STYLESHEET = "Records.css";

    private final MarkDialogViewModel model;
    private final Messages messages;

    @FXML
    private VBox form;

    @FXML
    private Label selection;

    @FXML
    private Label classification;

    @FXML
    private TextField fileReference;

    @FXML
    private Label fileReferenceError;

    @FXML
    private TextField subject;

    @FXML
    private Label subjectError;

    @FXML
    private TextArea note;

    @FXML
    private CheckBox includeAttachments;

    @FXML
    private Label formError;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Button cancelButton;

    @FXML
    private Button markButton;

    public MarkDialogView(MarkDialogViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "MarkDialog.fxml", messages);
        root.getStylesheets().add(MarkDialogView.class.getResource(STYLESHEET).toExternalForm());
        Platform.runLater(fileReference::requestFocus);
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        selection.setText(messages.text(model.selection()));
        String classificationText = messages.text(model.classification());
        classification.setText(classificationText);
        classification.getStyleClass().add(model.classified() ? "classified" : "open");
        classification.setAccessibleText(messages.get("records.mark.classification.accessible", classificationText));
        fileReference.textProperty().bindBidirectional(model.fileReferenceProperty());
        subject.textProperty().bindBidirectional(model.subjectProperty());
        note.textProperty().bindBidirectional(model.noteProperty());
        includeAttachments.selectedProperty().bindBidirectional(model.includeAttachmentsProperty());
        ViewBindings.showText(fileReferenceError, model.fileReferenceErrorProperty(), messages);
        ViewBindings.showText(subjectError, model.subjectErrorProperty(), messages);
        ViewBindings.showText(formError, model.formErrorProperty(), messages);
        ViewBindings.helpFromError(fileReference, model.fileReferenceErrorProperty(), messages);
        ViewBindings.helpFromError(subject, model.subjectErrorProperty(), messages);
        for (javafx.scene.Node node :
                new javafx.scene.Node[] {fileReference, subject, note, includeAttachments, markButton}) {
            node.disableProperty().bind(model.busyProperty());
        }
        progress.visibleProperty().bind(model.busyProperty());
    }

    @FXML
    private void onMark() {
        if (!model.submit()) {
            (model.fileReferenceErrorProperty().get() != null ? fileReference : subject).requestFocus();
        }
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }
}

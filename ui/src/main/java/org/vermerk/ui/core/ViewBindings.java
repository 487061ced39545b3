package org.vermerk.ui.core;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/** Small bindings the views share: a {@link UiText} shown in a label, hidden when there is none. */
public final class ViewBindings {
    private ViewBindings() {}

    /** {@code label} shows {@code text} in the current language and takes no space when it is null. */
    public static void showText(Labeled label, ObservableValue<UiText> text, Messages messages) {
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> text.getValue() == null ? "" : messages.text(text.getValue()), text));
        label.visibleProperty().bind(text.map(t -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** The field's accessible help reads its error, so a screen reader hears why it was refused. */
    public static void helpFromError(Control field, ObservableValue<UiText> error, Messages messages) {
        field.accessibleHelpProperty()
                .bind(Bindings.createStringBinding(
                        () -> error.getValue() == null ? null : messages.text(error.getValue()), error));
    }

    /**
     * Each {@code field-label} label in {@code form} becomes the label of the text field that
     * follows it (directly, or first inside the next row): its mnemonic (Alt+letter) focuses the
     * field and screen readers read it with the field. FXML cannot refer forward, so this runs
     * after loading.
     */
    public static void linkFieldLabels(Parent form) {
        var children = form.getChildrenUnmodifiable();
        for (int i = 0; i < children.size() - 1; i++) {
            if (children.get(i) instanceof Label label && label.getStyleClass().contains("field-label")) {
                Node next = children.get(i + 1);
                Node field = next instanceof Parent row && !(next instanceof Control)
                        ? row.getChildrenUnmodifiable().stream()
                                .filter(n -> n instanceof TextInputControl)
                                .findFirst()
                                .orElse(next)
                        : next;
                label.setLabelFor(field);
                label.setMnemonicParsing(true);
                if (field.getAccessibleText() == null) {
                    field.setAccessibleText(label.getText().replace("_", ""));
                }
            }
        }
        for (Node child : children) {
            if (child instanceof Parent p && !(child instanceof Control)) {
                linkFieldLabels(p);
            }
        }
    }
}

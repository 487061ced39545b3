package org.vermerk.ui.core;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The {@link DialogService} with JavaFX's dialogs, owned by the client window, in the current language. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;

    public FxDialogService(Supplier<Window> owner, Supplier<Messages> messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public Optional<Path> chooseFile(UiText title, UiText filterDescription, String... extensions) {
        Messages m = messages.get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text(title));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(
                        m.text(filterDescription),
                        Arrays.stream(extensions).map(e -> "*." + e).toList()));
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public void showError(UiText title, UiText message) {
        Messages m = messages.get();
        Alert alert = new Alert(Alert.AlertType.ERROR, m.text(message), ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(m.text(title));
        alert.setHeaderText(m.text(title));
        alert.showAndWait();
    }

    @Override
    public boolean confirm(UiText title, UiText question, UiText confirmLabel) {
        Messages m = messages.get();
        ButtonType yes = new ButtonType(m.text(confirmLabel), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(m.get("dialog.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.text(question), yes, no);
        alert.initOwner(owner.get());
        alert.setTitle(m.text(title));
        alert.setHeaderText(m.text(title));
        // Enter must not delete by accident: the cancel button is the default one.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    // --- records (issue 7): the export directory ---

    @Override
    public Optional<Path> chooseDirectory(UiText title, Optional<Path> initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get().text(title));
        initial.filter(java.nio.file.Files::isDirectory).ifPresent(d -> chooser.setInitialDirectory(d.toFile()));
        File directory = chooser.showDialog(owner.get());
        return Optional.ofNullable(directory).map(File::toPath);
    }
}

package org.vermerk.ui.shell;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.util.StringConverter;
import org.vermerk.app.policy.Language;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.LanguageNames;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewLoader;

/**
 * The bar on top of every screen: the product's name and the language picker, there from the
 * first start on (locked when the policy locks the language). Its model is {@link ClientSettings}
 * itself: one property and one command need no ViewModel of their own.
 */
public final class AppBarView {
    private final ClientSettings settings;
    private final Messages messages;

    @FXML
    private Label languageLabel;

    @FXML
    private ComboBox<Language> language;

    public AppBarView(ClientSettings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
    }

    public Parent load() {
        return ViewLoader.load(this, "AppBar.fxml", messages);
    }

    @FXML
    private void initialize() {
        languageLabel.setLabelFor(language);
        language.getItems().setAll(Language.values());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language value) {
                return value == null ? "" : LanguageNames.name(value);
            }

            @Override
            public Language fromString(String string) {
                return null;
            }
        });
        language.setValue(settings.language());
        language.setDisable(!settings.languageChangeable());
        language.valueProperty().addListener((o, old, chosen) -> {
            if (chosen != null && chosen != settings.language()) {
                settings.chooseLanguage(chosen);
            }
        });
    }
}

package org.vermerk.ui.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a feature's FXML with the current language's bundle, the view object as its controller
 * (views are constructed with their ViewModel, so FXML names no controller class).
 */
public final class ViewLoader {
    private ViewLoader() {}

    /** Loads {@code fxml}, a resource beside {@code view}'s class, with {@code view} as controller. */
    public static Parent load(Object view, String fxml, Messages messages) {
        URL location = view.getClass().getResource(fxml);
        if (location == null) {
            throw new IllegalStateException(
                    "no FXML " + fxml + " beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(location, messages.bundle());
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + location, e);
        }
    }
}

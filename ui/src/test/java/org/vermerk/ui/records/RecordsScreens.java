package org.vermerk.ui.records;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.vermerk.ui.core.Theme;

/** Shared by the records TestFX tests: a themed scene on the test stage, and the accessibility walk. */
final class RecordsScreens {
    private RecordsScreens() {}

    static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        new Theme().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Focusable controls (labels aside) without an accessible text. */
    static void missingAccessibleTexts(Parent parent, List<String> missing) {
        for (Node node : parent.getChildrenUnmodifiable()) {
            if (node instanceof Control control
                    && control.isFocusTraversable()
                    && control.isVisible()
                    && !(control instanceof Label)
                    && (control.getAccessibleText() == null
                            || control.getAccessibleText().isBlank())) {
                missing.add(control.getClass().getSimpleName() + "#" + control.getId());
            }
            if (node instanceof Parent child) {
                missingAccessibleTexts(child, missing);
            }
        }
    }
}

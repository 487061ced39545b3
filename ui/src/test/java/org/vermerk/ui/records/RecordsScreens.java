package org.vermerk.ui.records;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.vermerk.ui.core.Theme;

/** Shared by the records TestFX tests: a themed scene on the test stage. */
final class RecordsScreens {
    private RecordsScreens() {}

    static void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        new Theme().apply(scene);
        stage.setScene(scene);
        stage.show();
    }
}

package org.vermerk.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/** The accessibility walk of the TestFX tests: what a screen reader would announce without a name. */
public final class AccessibleTexts {
    private AccessibleTexts() {}

    /** Visible focusable controls (labels aside) under {@code root} without an accessible text. */
    public static List<String> missingIn(Parent root) {
        List<String> missing = new ArrayList<>();
        collect(root, missing);
        return missing;
    }

    private static void collect(Parent parent, List<String> missing) {
        for (Node node : parent.getChildrenUnmodifiable()) {
            if (!node.isVisible()) {
                continue;
            }
            if (node instanceof Control control
                    && control.isFocusTraversable()
                    && !(control instanceof Label)
                    && (control.getAccessibleText() == null
                            || control.getAccessibleText().isBlank())) {
                missing.add(control.getClass().getSimpleName() + "#" + control.getId());
            }
            if (node instanceof Parent child) {
                collect(child, missing);
            }
        }
    }
}

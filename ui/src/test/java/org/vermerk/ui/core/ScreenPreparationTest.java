package org.vermerk.ui.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link ScreenPreparation} (ADR 0030) works ahead of a screen without anything the user could see:
 * no window appears, and it runs only on the FX thread (where JavaFX lets a scene be built).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenPreparationTest {
    @Start
    void start(Stage stage) {
        // TestFX's own stage stays hidden; the preparation must not show one of its own either
    }

    @Test
    void preparingTheUnlockScreenAndTheMainWindowShowsNoWindow(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<List<Window>> before =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> before.set(List.copyOf(Window.getWindows())));

        robot.interact(() -> {
            ScreenPreparation.prepareUnlock();
            ScreenPreparation.prepareMain();
            ScreenPreparation.prepareMain(); // a later unlock: nothing to do
        });

        robot.interact(() -> assertThat(Window.getWindows()).containsExactlyElementsOf(before.get()));
    }

    @Test
    void offTheFxThreadNothingIsBuilt() {
        assertThatThrownBy(ScreenPreparation::prepareUnlock)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FX thread");
    }
}

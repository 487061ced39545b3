package org.vermerk.ui.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link ScreenPreparation} (ADR 0030) works ahead of a screen without anything the user could see:
 * no window appears, a failure inside it never reaches the start it runs in, and it runs only on
 * the FX thread (where JavaFX lets a scene be built).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenPreparationTest {
    @Start
    void start(Stage stage) {
        // TestFX's own stage stays hidden; the preparation must not show one of its own either
    }

    @Test
    void preparingTheUnlockScreenAndTheMainWindowShowsNoWindow(FxRobot robot) {
        AtomicReference<List<Window>> before = new AtomicReference<>();
        robot.interact(() -> before.set(List.copyOf(Window.getWindows())));

        robot.interact(() -> {
            ScreenPreparation.prepareUnlock();
            ScreenPreparation.prepareMain();
            ScreenPreparation.prepareMain(); // a later unlock: nothing to do
        });

        robot.interact(() -> assertThat(Window.getWindows()).containsExactlyElementsOf(before.get()));
    }

    @Test
    void aFailureWhilePreparingIsSwallowedAndTheStartGoesOn(FxRobot robot) {
        AtomicReference<Boolean> unprepared = new AtomicReference<>();
        AtomicReference<Boolean> prepared = new AtomicReference<>();
        AtomicBoolean reached = new AtomicBoolean();

        // as a control class that cannot be initialised fails: inside the toolkit's start-up, an
        // escaping error would stop the client
        robot.interact(() -> {
            unprepared.set(ScreenPreparation.prepare("broken", () -> {
                throw new ExceptionInInitializerError("a skin that cannot be made");
            }));
            unprepared.set(unprepared.get()
                    || ScreenPreparation.prepare("broken", () -> {
                        throw new IllegalArgumentException("a stylesheet that cannot be read");
                    }));
            prepared.set(ScreenPreparation.prepare("label", () -> new Node[] {new Label(".")}));
            reached.set(true);
        });

        assertThat(reached).isTrue();
        assertThat(unprepared.get()).isFalse();
        assertThat(prepared.get()).isTrue();
    }

    @Test
    void offTheFxThreadNothingIsBuilt() {
        assertThatThrownBy(ScreenPreparation::prepareUnlock)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FX thread");
    }
}

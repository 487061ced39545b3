package org.vermerk.ui.core;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the first frame of a screen needs anyway, done ahead on the FX thread while it would
 * otherwise wait (ADR 0030): JavaFX parses its default stylesheet (Modena) and {@code theme.css}
 * once per process and keeps them, and the first control of each kind initialises its class, its
 * skin and its CSS properties. Here that happens in a scene that is never shown, with controls of
 * the kinds the screen uses:
 *
 * <ul>
 *   <li>{@link #prepareUnlock} while the main thread still reads the command line, the admin policy
 *       and the logging configuration — so the unlock screen is laid out sooner;
 *   <li>{@link #prepareMain} while Argon2id runs on a worker after the passphrase was submitted —
 *       so the conversation list is laid out sooner.
 * </ul>
 *
 * Nothing here touches the passphrase, the account or the network. Best effort: a failure only
 * costs the head start (it is logged at debug level), never the screen. FX thread only.
 */
public final class ScreenPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPreparation.class);

    /** Whether {@link #prepareMain} ran in this process; FX thread only. */
    private static boolean mainPrepared;

    private ScreenPreparation() {}

    /** The unlock screen's kinds of control: labels, the passphrase field, a button, the progress. */
    public static void prepareUnlock() {
        prepare("unlock", () ->
                new Node[] {new Label("."), new PasswordField(), new Button("."), new ProgressIndicator()});
    }

    /**
     * The main window's kinds of control: list views (a virtual flow with cells), the filter field,
     * a check box, labels and buttons. Once per process (a later unlock finds all of it done).
     */
    public static void prepareMain() {
        if (mainPrepared) {
            return;
        }
        mainPrepared = true;
        prepare("main", () -> {
            ListView<String> list = new ListView<>();
            list.getItems().setAll(".", ".");
            return new Node[] {list, new TextField(), new CheckBox("."), new Label("."), new Button(".")};
        });
    }

    /**
     * Lays out the nodes in a scene with the theme, never shown. The nodes are made inside, so that
     * a control whose class cannot be initialised costs only the head start: a failure is logged
     * and swallowed (this runs inside the toolkit's start-up, where it would stop the client).
     *
     * @return whether the preparation ran through
     */
    static boolean prepare(String screen, Supplier<Node[]> nodes) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("screens are prepared on the FX thread");
        }
        try {
            VBox root = new VBox(nodes.get());
            Scene scene = new Scene(root, 400, 300);
            new Theme().apply(scene);
            root.applyCss(); // parses the sheets, makes the skins
            root.layout();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug(
                    "event=screen_preparation_failed screen={} error={}",
                    screen,
                    e.getClass().getSimpleName());
            return false;
        }
    }
}

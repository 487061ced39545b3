package org.vermerk.ui.shell;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.Theme;

/**
 * The one client window: the app bar on top and the current {@link Screen} below. Rebuilds the
 * screen when the language changes; routes Esc and the screen's shortcuts; Ctrl+Plus, Ctrl+Minus
 * and Ctrl+0 scale the font everywhere. FX thread only.
 */
public final class ClientWindow {
    private final Stage stage;
    private final ClientSettings settings;
    private final Theme theme;
    private final Scene scene;

    /** The screen shown; null before the first {@link #show}. */
    private Screen current;

    private Messages messages;

    /** Unread texts, shown in the title when more than none. */
    private int unread;

    /** Called on every keyboard and mouse input (the idle lock listens); cheap. */
    private Runnable onActivity = () -> {};

    public ClientWindow(Stage stage, ClientSettings settings, Theme theme) {
        this.stage = stage;
        this.settings = settings;
        this.theme = theme;
        this.messages = Messages.of(settings.language());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        this.scene = new Scene(
                new BorderPane(), Math.min(1100, screen.getWidth() * 0.9), Math.min(860, screen.getHeight() * 0.9));
        theme.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> onActivity.run());
        settings.languageProperty().addListener((o, a, language) -> {
            messages = Messages.of(language);
            rebuild();
        });
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    /** The strings of the language shown now. */
    public Messages messages() {
        return messages;
    }

    public Theme theme() {
        return theme;
    }

    /** Sets what every keyboard or mouse input reports to. */
    public void onActivity(Runnable action) {
        this.onActivity = action;
    }

    public void show(Screen screen) {
        Screen previous = current;
        current = screen;
        if (previous != null && previous != screen) {
            previous.onHidden().run();
        }
        rebuild();
    }

    private void rebuild() {
        if (current == null) {
            return;
        }
        BorderPane root = new BorderPane();
        root.setTop(new AppBarView(settings, messages).load());
        Parent content = current.build().apply(messages);
        root.setCenter(content);
        scene.setRoot(root);
        showTitle();
    }

    /** Shows the number of unread texts in the window title ("(3) Vermerk"); 0 shows none. */
    public void showUnread(int count) {
        unread = count;
        showTitle();
    }

    private void showTitle() {
        stage.setTitle(unread > 0 ? messages.get("app.title.unread", unread) : messages.get("app.title"));
    }

    private void onKey(KeyEvent event) {
        if (current == null) {
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && current.onEscape() != null) {
            event.consume();
            current.onEscape().run();
            return;
        }
        if (event.isShortcutDown()) {
            switch (event.getCode()) {
                case PLUS, EQUALS, ADD -> {
                    theme.larger();
                    event.consume();
                    return;
                }
                case MINUS, SUBTRACT -> {
                    theme.smaller();
                    event.consume();
                    return;
                }
                case DIGIT0, NUMPAD0 -> {
                    theme.resetFontSize();
                    event.consume();
                    return;
                }
                default -> {}
            }
        }
        for (var shortcut : current.shortcuts().entrySet()) {
            if (shortcut.getKey().match(event)) {
                event.consume();
                shortcut.getValue().run();
                return;
            }
        }
    }

    /** Shortcut (Ctrl, or Cmd on macOS) with {@code code}. */
    public static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}

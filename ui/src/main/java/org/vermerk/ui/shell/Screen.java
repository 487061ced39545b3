package org.vermerk.ui.shell;

import java.util.Map;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.input.KeyCombination;
import org.vermerk.ui.core.Messages;

/**
 * One screen of the client window. {@link #build} makes a new view over the same ViewModel each
 * time, so that a language switch rebuilds the screen in place without losing what was typed.
 *
 * @param build a new view in the given language
 * @param onEscape what Esc does here ("back"), or null
 * @param shortcuts the screen's own keyboard shortcuts
 * @param onHidden called once when another screen replaces this one
 */
public record Screen(
        Function<Messages, Parent> build,
        Runnable onEscape,
        Map<KeyCombination, Runnable> shortcuts,
        Runnable onHidden) {
    public Screen {
        shortcuts = Map.copyOf(shortcuts);
    }

    public static Screen of(Function<Messages, Parent> build) {
        return new Screen(build, null, Map.of(), () -> {});
    }

    public Screen withEscape(Runnable action) {
        return new Screen(build, action, shortcuts, onHidden);
    }

    public Screen withShortcuts(Map<KeyCombination, Runnable> keys) {
        return new Screen(build, onEscape, keys, onHidden);
    }

    public Screen whenHidden(Runnable action) {
        return new Screen(build, onEscape, shortcuts, action);
    }
}

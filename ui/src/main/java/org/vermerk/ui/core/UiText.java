package org.vermerk.ui.core;

import java.util.List;
import java.util.Objects;

/**
 * A user-facing text as a ViewModel states it: a resource-bundle key and its arguments. The view
 * translates it with {@link Messages}, so ViewModels stay free of bundles and a language switch
 * re-renders without asking them again.
 */
public record UiText(String key, List<Object> args) {
    public UiText {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static UiText of(String key, Object... args) {
        return new UiText(key, List.of(args));
    }
}

package org.vermerk.ui.core;

import org.vermerk.app.policy.Language;

/** Each language by its own name, as language pickers show it, whatever language is current. */
public final class LanguageNames {
    private LanguageNames() {}

    public static String name(Language language) {
        return switch (language) {
            case GERMAN -> "Deutsch";
            case ENGLISH -> "English";
        };
    }
}

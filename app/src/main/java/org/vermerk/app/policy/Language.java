package org.vermerk.app.policy;

import java.util.Arrays;
import java.util.Optional;

/** The languages of the user interface; German is the default on authorities' desktops. */
public enum Language {
    GERMAN("de"),
    ENGLISH("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The IETF language tag, as the policy writes it. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> byTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    @Override
    public String toString() {
        return tag;
    }
}

package org.vermerk.ui.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.vermerk.app.policy.Language;

/**
 * The user-facing strings of one language, from {@code org/vermerk/ui/messages.properties}
 * (German, the default) and {@code messages_en.properties}. No fallback to the JVM's locale: a
 * German desktop with an English JVM still shows German. {@code MessagesBundleTest} fails on a key
 * missing in either language or used nowhere.
 */
public final class Messages {
    public static final String BUNDLE = "org.vermerk.ui.messages";

    private final Language language;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language.tag());
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language == Language.GERMAN ? Locale.ROOT : locale,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return new Messages(Objects.requireNonNull(language));
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle FXML's {@code %key} references read. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments when given. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String text(UiText text) {
        return get(text.key(), text.args().toArray());
    }
}

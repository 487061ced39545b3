package org.vermerk.ui.core;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.Settings;

/**
 * The settings the client runs with, as observable values: the admin policy read at start, the
 * user's own choices and the {@link EffectiveSettings} made from both, with the language the
 * screens are shown in. A change the policy locks is refused.
 *
 * <p>The user's choices live in memory for now: the keystore-backed user settings source does not
 * exist yet (the policy package's {@code UserSettingsSource}), and before unlock there is no store
 * to keep them in. FX thread only.
 */
public final class ClientSettings {
    private final AdminPolicy policy;
    private final InMemoryUserSettings user = new InMemoryUserSettings();
    private final ReadOnlyObjectWrapper<EffectiveSettings> effective = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();

    public ClientSettings(AdminPolicy policy) {
        this.policy = policy;
        effective.set(EffectiveSettings.resolve(policy, user));
        language.set(effective.get().value(Settings.LANGUAGE));
    }

    public AdminPolicy policy() {
        return policy;
    }

    public ReadOnlyObjectProperty<EffectiveSettings> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    public EffectiveSettings effective() {
        return effective.get();
    }

    /** The language the screens are shown in; change it with {@link #chooseLanguage}. */
    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language language() {
        return language.get();
    }

    /** Whether the user may change the language (the policy may lock it). */
    public boolean languageChangeable() {
        return effective.get().get(Settings.LANGUAGE).userMayChange();
    }

    /** The user's choice of language; false (and nothing changes) when the policy locks it. */
    public boolean chooseLanguage(Language choice) {
        if (!languageChangeable()) {
            return false;
        }
        user.put(Settings.LANGUAGE, choice);
        effective.set(EffectiveSettings.resolve(policy, user));
        language.set(effective.get().value(Settings.LANGUAGE));
        return true;
    }
}

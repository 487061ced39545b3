package org.vermerk.ui.settings;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vermerk.app.policy.AdminPolicy;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.EffectiveValue;
import org.vermerk.app.policy.Language;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.UiText;

/**
 * Settings with About: the language (unless the policy locks it) and what this client runs with —
 * version, server, user and device, and every effective setting with where its value came from
 * (built-in default, admin policy, admin policy locked, or the user). FX thread only.
 */
public final class SettingsViewModel {
    /** What About says about this device. */
    public record AccountInfo(String userId, String deviceId, String fingerprint, String serverUrl) {}

    /** One line of the effective settings: the policy key, its value and its source's text. */
    public record SettingRow(String key, String value, UiText source) {}

    private final ClientSettings settings;
    private final AccountInfo account;
    private final String version;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObservableList<SettingRow> rows = FXCollections.observableArrayList();

    public SettingsViewModel(ClientSettings settings, AccountInfo account, String version) {
        this.settings = settings;
        this.account = account;
        this.version = version;
        language.set(settings.language());
        language.addListener((o, old, chosen) -> {
            if (chosen != null && chosen != settings.language() && !settings.chooseLanguage(chosen)) {
                language.set(old);
            }
        });
        settings.effectiveProperty().subscribe(this::fill);
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** The chosen language; setting it switches the screens (refused when the policy locks it). */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public boolean languageChangeable() {
        return settings.languageChangeable();
    }

    public AccountInfo account() {
        return account;
    }

    public String version() {
        return version;
    }

    /** Where the policy was read from, or where it was looked for. */
    public UiText policyOrigin() {
        AdminPolicy policy = settings.policy();
        return policy.present()
                ? UiText.of("about.policy.file", policy.file().toString())
                : UiText.of("about.policy.none", policy.file().toString());
    }

    public ObservableList<SettingRow> rows() {
        return rows;
    }

    private void fill(EffectiveSettings effective) {
        rows.setAll(effective.all().stream()
                .map(v -> new SettingRow(v.setting().key(), v.displayValue(), source(v)))
                .toList());
    }

    private static UiText source(EffectiveValue<?> value) {
        return switch (value.source()) {
            case DEFAULT -> UiText.of("about.source.default");
            case POLICY -> UiText.of("about.source.policy");
            case POLICY_LOCKED -> UiText.of("about.source.policyLocked");
            case USER -> UiText.of("about.source.user");
        };
    }
}

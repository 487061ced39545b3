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
    public record SettingRow(String key, UiText value, UiText source) {}

    /** The idle-lock times Settings offers, in minutes; 0: never. */
    public static final List<Integer> IDLE_LOCK_CHOICES = List.of(5, 10, 15, 30, 60, 0);

    private final ClientSettings settings;
    private final AccountInfo account;
    private final String version;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObservableList<SettingRow> rows = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty notificationsOn =
            new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty notificationsShowText =
            new javafx.beans.property.SimpleBooleanProperty();
    private final ObjectProperty<Integer> idleLockMinutes = new SimpleObjectProperty<>();
    private final boolean notificationsAvailable;

    /**
     * @param notificationsAvailable whether this desktop can show notifications (Settings says so
     *     when it cannot)
     */
    public SettingsViewModel(
            ClientSettings settings, AccountInfo account, String version, boolean notificationsAvailable) {
        this.settings = settings;
        this.account = account;
        this.version = version;
        this.notificationsAvailable = notificationsAvailable;
        notificationsOn.set(settings.notificationsOn());
        notificationsOn.addListener((o, old, on) -> settings.chooseNotificationsOn(on));
        notificationsShowText.set(settings.notificationsShowText());
        notificationsShowText.addListener((o, old, on) -> {
            if (on != settings.notificationsShowText() && !settings.chooseNotificationsShowText(on)) {
                notificationsShowText.set(old);
            }
        });
        idleLockMinutes.set(settings.effective().value(org.vermerk.app.policy.Settings.IDLE_LOCK_MINUTES));
        idleLockMinutes.addListener((o, old, minutes) -> {
            Integer now = settings.effective().value(org.vermerk.app.policy.Settings.IDLE_LOCK_MINUTES);
            if (minutes != null && !minutes.equals(now) && !settings.chooseIdleLockMinutes(minutes)) {
                idleLockMinutes.set(now); // the policy locks it
            }
        });
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

    /** Whether desktop notifications are shown (the user's choice; on by default). */
    public javafx.beans.property.BooleanProperty notificationsOnProperty() {
        return notificationsOn;
    }

    /** Whether notifications show conversation, sender and text (the policy may lock it). */
    public javafx.beans.property.BooleanProperty notificationsShowTextProperty() {
        return notificationsShowText;
    }

    public boolean notificationsShowTextChangeable() {
        return settings.changeable(org.vermerk.app.policy.Settings.NOTIFICATIONS_SHOW_CONTENT);
    }

    public boolean notificationsAvailable() {
        return notificationsAvailable;
    }

    /** Minutes without input before the client locks; 0 never (the policy may lock it). */
    public ObjectProperty<Integer> idleLockMinutesProperty() {
        return idleLockMinutes;
    }

    /** The choices, with the current value when the policy set another one. */
    public List<Integer> idleLockChoices() {
        Integer now = idleLockMinutes.get();
        return IDLE_LOCK_CHOICES.contains(now)
                ? IDLE_LOCK_CHOICES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(now), IDLE_LOCK_CHOICES.stream())
                        .toList();
    }

    public boolean idleLockChangeable() {
        return settings.changeable(org.vermerk.app.policy.Settings.IDLE_LOCK_MINUTES);
    }

    /** Set when a change could not be saved (it applies until the client closes). */
    public javafx.beans.property.ReadOnlyObjectProperty<UiText> saveErrorProperty() {
        return settings.saveErrorProperty();
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
                .map(v -> new SettingRow(v.setting().key(), SettingValueTexts.of(v), source(v)))
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

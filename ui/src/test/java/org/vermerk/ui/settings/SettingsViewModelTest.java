package org.vermerk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vermerk.app.policy.InMemoryUserSettings;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.Settings;
import org.vermerk.ui.core.ClientSettings;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.Policies;

/** About lists every effective setting with its source; the language follows the policy's lock. */
class SettingsViewModelTest {
    private static final SettingsViewModel.AccountInfo ACCOUNT =
            new SettingsViewModel.AccountInfo("anna@bmi.example", "dev-1", "AB:CD", "https://vermerk.bmi.example");

    private static SettingsViewModel.SettingRow row(SettingsViewModel model, String key) {
        return model.rows().stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachSettingShowsWhereItsValueCameFrom() {
        ClientSettings settings = new ClientSettings(
                Policies.parse("{\"serverUrl\": \"https://vermerk.bund.example\", \"passphraseMinLength\": 16,"
                        + " \"idleLockMinutes\": 5, \"locked\": [\"serverUrl\"]}"));
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3", true);
        assertThat(row(model, "serverUrl").source()).isEqualTo(UiText.of("about.source.policyLocked"));
        assertThat(row(model, "serverUrl").value())
                .isEqualTo(UiText.of("about.value.plain", "https://vermerk.bund.example"));
        assertThat(row(model, "idleLockMinutes").value()).isEqualTo(UiText.of("about.value.minutes", 5));
        assertThat(row(model, "passphraseMinLength").value()).isEqualTo(UiText.of("about.value.characters", 16));
        assertThat(row(model, "recordsNotice").value()).isEqualTo(UiText.of("about.value.on"));
        assertThat(row(model, "notificationsShowContent").value())
                .isEqualTo(UiText.of("about.value.notifications.hidden"));
        assertThat(row(model, "pinnedCaCertificates").value()).isEqualTo(UiText.of("about.value.systemTrust"));
        assertThat(row(model, "attachmentMaxBytes").value()).isEqualTo(UiText.of("about.value.mib", "25"));
        assertThat(row(model, "passphraseMinLength").source()).isEqualTo(UiText.of("about.source.policyLocked"));
        assertThat(row(model, "idleLockMinutes").source()).isEqualTo(UiText.of("about.source.policy"));
        assertThat(row(model, "language").source()).isEqualTo(UiText.of("about.source.default"));
        assertThat(model.policyOrigin()).isEqualTo(UiText.of("about.policy.file", "/etc/vermerk/policy.json"));

        model.languageProperty().set(Language.ENGLISH);
        assertThat(settings.language()).isEqualTo(Language.ENGLISH);
        assertThat(row(model, "language").source()).isEqualTo(UiText.of("about.source.user"));
        assertThat(row(model, "language").value()).isEqualTo(UiText.of("about.value.plain", "English"));
    }

    @Test
    void aLockedLanguageCannotBeChanged() {
        ClientSettings settings =
                new ClientSettings(Policies.parse("{\"language\": \"de\", \"locked\": [\"language\"]}"));
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3", true);
        assertThat(model.languageChangeable()).isFalse();
        model.languageProperty().set(Language.ENGLISH);
        assertThat(model.languageProperty().get()).isEqualTo(Language.GERMAN);
        assertThat(settings.language()).isEqualTo(Language.GERMAN);
    }

    @Test
    void withoutAPolicyAboutSaysWhereItLooked() {
        SettingsViewModel model = new SettingsViewModel(new ClientSettings(Policies.none()), ACCOUNT, "1.2.3", true);
        assertThat(model.policyOrigin()).isEqualTo(UiText.of("about.policy.none", "/etc/vermerk/policy.json"));
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.source()).isEqualTo(UiText.of("about.source.default")));
    }

    @Test
    void notificationsAndTheIdleLockAreKeptInTheStoreAndSurviveARestart() {
        InMemoryUserSettings store = new InMemoryUserSettings();
        ClientSettings settings = new ClientSettings(Policies.none());
        settings.attach(store);
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3", true);
        assertThat(model.notificationsOnProperty().get()).isTrue();
        assertThat(model.notificationsShowTextProperty().get())
                .as("the policy's default: off")
                .isFalse();
        model.notificationsOnProperty().set(false);
        model.notificationsShowTextProperty().set(true);
        model.idleLockMinutesProperty().set(30);
        model.languageProperty().set(Language.ENGLISH);
        assertThat(row(model, "idleLockMinutes").source()).isEqualTo(UiText.of("about.source.user"));

        ClientSettings restarted = new ClientSettings(Policies.none());
        assertThat(restarted.language()).as("before unlock: the default").isEqualTo(Language.GERMAN);
        restarted.attach(store);
        assertThat(restarted.notificationsOn()).isFalse();
        assertThat(restarted.notificationsShowText()).isTrue();
        assertThat(restarted.effective().value(Settings.IDLE_LOCK_MINUTES)).isEqualTo(30);
        assertThat(restarted.language()).isEqualTo(Language.ENGLISH);

        restarted.detach();
        assertThat(restarted.language())
                .as("the unlock screen keeps the language")
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void aLanguageChosenBeforeUnlockIsWrittenToTheStoreAtUnlock() {
        InMemoryUserSettings store = new InMemoryUserSettings();
        store.put(Settings.LANGUAGE, Language.GERMAN);
        ClientSettings settings = new ClientSettings(Policies.none());
        settings.chooseLanguage(Language.ENGLISH);
        settings.attach(store);
        assertThat(settings.language()).isEqualTo(Language.ENGLISH);
        assertThat(store.find(Settings.LANGUAGE)).contains(Language.ENGLISH);
    }

    @Test
    void aLockedPolicyWinsOverTheStoredChoice() {
        InMemoryUserSettings store = new InMemoryUserSettings();
        store.put(Settings.NOTIFICATIONS_SHOW_CONTENT, true);
        store.put(Settings.IDLE_LOCK_MINUTES, 60);
        ClientSettings settings =
                new ClientSettings(Policies.parse("{\"notificationsShowContent\": false, \"idleLockMinutes\": 10,"
                        + " \"locked\": [\"notificationsShowContent\", \"idleLockMinutes\"]}"));
        settings.attach(store);
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3", true);
        assertThat(model.notificationsShowTextProperty().get()).isFalse();
        assertThat(model.notificationsShowTextChangeable()).isFalse();
        model.notificationsShowTextProperty().set(true);
        assertThat(model.notificationsShowTextProperty().get()).isFalse();
        assertThat(model.idleLockChangeable()).isFalse();
        assertThat(model.idleLockMinutesProperty().get()).isEqualTo(10);
        model.idleLockMinutesProperty().set(60);
        assertThat(settings.effective().value(Settings.IDLE_LOCK_MINUTES)).isEqualTo(10);
    }

    @Test
    void aStoreThatCannotWriteKeepsTheChoiceForTheSessionAndSaysSo() {
        ClientSettings settings = new ClientSettings(Policies.none());
        settings.attach(new FailingStore());
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3", true);
        model.idleLockMinutesProperty().set(5);
        assertThat(settings.effective().value(Settings.IDLE_LOCK_MINUTES)).isEqualTo(5);
        assertThat(model.saveErrorProperty().get()).isEqualTo(UiText.of("settings.saveFailed"));
        settings.pin("c1", true);
        assertThat(settings.pinned()).containsExactly("c1");
    }

    /** A store whose writes fail, as a full disk would. */
    private static final class FailingStore implements org.vermerk.app.policy.UserSettingsStore {
        @Override
        public <T> java.util.Optional<T> find(org.vermerk.app.policy.Setting<T> setting) {
            return java.util.Optional.empty();
        }

        @Override
        public <T> void store(org.vermerk.app.policy.Setting<T> setting, T value)
                throws org.vermerk.app.policy.SettingsStoreException {
            throw new org.vermerk.app.policy.SettingsStoreException("disk full", null);
        }

        @Override
        public void forget(org.vermerk.app.policy.Setting<?> setting)
                throws org.vermerk.app.policy.SettingsStoreException {
            throw new org.vermerk.app.policy.SettingsStoreException("disk full", null);
        }

        @Override
        public java.util.Optional<String> preference(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public void storePreference(String name, String value) throws org.vermerk.app.policy.SettingsStoreException {
            throw new org.vermerk.app.policy.SettingsStoreException("disk full", null);
        }
    }
}

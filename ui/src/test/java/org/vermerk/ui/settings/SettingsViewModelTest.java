package org.vermerk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vermerk.app.policy.Language;
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
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3");
        assertThat(row(model, "serverUrl").source()).isEqualTo(UiText.of("about.source.policyLocked"));
        assertThat(row(model, "serverUrl").value()).isEqualTo("https://vermerk.bund.example");
        assertThat(row(model, "passphraseMinLength").source()).isEqualTo(UiText.of("about.source.policyLocked"));
        assertThat(row(model, "idleLockMinutes").source()).isEqualTo(UiText.of("about.source.policy"));
        assertThat(row(model, "language").source()).isEqualTo(UiText.of("about.source.default"));
        assertThat(model.policyOrigin()).isEqualTo(UiText.of("about.policy.file", "/etc/vermerk/policy.json"));

        model.languageProperty().set(Language.ENGLISH);
        assertThat(settings.language()).isEqualTo(Language.ENGLISH);
        assertThat(row(model, "language").source()).isEqualTo(UiText.of("about.source.user"));
        assertThat(row(model, "language").value()).isEqualTo("en");
    }

    @Test
    void aLockedLanguageCannotBeChanged() {
        ClientSettings settings =
                new ClientSettings(Policies.parse("{\"language\": \"de\", \"locked\": [\"language\"]}"));
        SettingsViewModel model = new SettingsViewModel(settings, ACCOUNT, "1.2.3");
        assertThat(model.languageChangeable()).isFalse();
        model.languageProperty().set(Language.ENGLISH);
        assertThat(model.languageProperty().get()).isEqualTo(Language.GERMAN);
        assertThat(settings.language()).isEqualTo(Language.GERMAN);
    }

    @Test
    void withoutAPolicyAboutSaysWhereItLooked() {
        SettingsViewModel model = new SettingsViewModel(new ClientSettings(Policies.none()), ACCOUNT, "1.2.3");
        assertThat(model.policyOrigin()).isEqualTo(UiText.of("about.policy.none", "/etc/vermerk/policy.json"));
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.source()).isEqualTo(UiText.of("about.source.default")));
    }
}

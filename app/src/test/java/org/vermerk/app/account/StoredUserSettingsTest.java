package org.vermerk.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.Settings;
import org.vermerk.keystore.Argon2Params;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreOptions;
import org.vermerk.keystore.Passphrase;

/** The user's settings in the encrypted store: kept across closing and opening it, checked when read. */
class StoredUserSettingsTest {
    private static final KeystoreOptions QUICK = KeystoreOptions.defaults().withKdf(new Argon2Params(512, 1, 1));

    @TempDir
    Path dir;

    private static Passphrase passphrase() {
        return Passphrase.of("korrekt Pferd Batterie Heftklammer".toCharArray());
    }

    @Test
    void settingsAndPreferencesSurviveClosingAndOpeningTheStore() throws Exception {
        try (Keystore store = Keystore.create(dir.resolve("s"), passphrase(), QUICK)) {
            StoredUserSettings settings = StoredUserSettings.load(store.settings(), List.of("fontSize"));
            assertThat(settings.find(Settings.LANGUAGE)).isEmpty();
            settings.store(Settings.LANGUAGE, Language.ENGLISH);
            settings.store(Settings.NOTIFICATIONS_SHOW_CONTENT, true);
            settings.store(Settings.IDLE_LOCK_MINUTES, 5);
            settings.storePreference("fontSize", "18");
            settings.storePreference("pinned", "c1\nc2");
        }
        try (Keystore store = Keystore.open(dir.resolve("s"), passphrase(), QUICK)) {
            StoredUserSettings settings = StoredUserSettings.load(store.settings(), List.of("fontSize", "pinned"));
            assertThat(settings.find(Settings.LANGUAGE)).contains(Language.ENGLISH);
            assertThat(settings.find(Settings.NOTIFICATIONS_SHOW_CONTENT)).contains(true);
            assertThat(settings.find(Settings.IDLE_LOCK_MINUTES)).contains(5);
            assertThat(settings.preference("fontSize")).contains("18");
            assertThat(settings.preference("pinned")).contains("c1\nc2");

            settings.forget(Settings.LANGUAGE);
            settings.storePreference("fontSize", null);
            assertThat(settings.find(Settings.LANGUAGE)).isEmpty();
        }
        try (Keystore store = Keystore.open(dir.resolve("s"), passphrase(), QUICK)) {
            StoredUserSettings settings = StoredUserSettings.load(store.settings(), List.of("fontSize"));
            assertThat(settings.find(Settings.LANGUAGE)).isEmpty();
            assertThat(settings.preference("fontSize")).isEmpty();
        }
    }

    @Test
    void aStoredValueTheSettingNoLongerAcceptsIsIgnoredAndAdminOnlySettingsAreRefused() throws Exception {
        try (Keystore store = Keystore.create(dir.resolve("s"), passphrase(), QUICK)) {
            store.settings().put("user.idleLockMinutes", "99999"); // beyond the setting's range
            store.settings().put("user.language", "{not json");
            StoredUserSettings settings = StoredUserSettings.load(store.settings(), List.of());
            assertThat(settings.find(Settings.IDLE_LOCK_MINUTES)).isEmpty();
            assertThat(settings.find(Settings.LANGUAGE)).isEmpty();
            assertThatThrownBy(() -> settings.store(Settings.PASSPHRASE_MIN_LENGTH, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("admin-only");
        }
    }
}

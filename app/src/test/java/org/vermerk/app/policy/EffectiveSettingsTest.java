package org.vermerk.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.app.policy.PolicyFixtures.parse;

import java.net.URI;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Precedence: default < policy (unlocked) < user < policy (locked); admin-only keys skip the user. */
class EffectiveSettingsTest {
    private final InMemoryUserSettings user = new InMemoryUserSettings();

    private EffectiveSettings resolve(String policy) throws InvalidPolicyException {
        return EffectiveSettings.resolve(parse(policy), user);
    }

    @Test
    void withoutPolicyOrUserSettingsEveryKeyHasItsDefault() {
        EffectiveSettings settings = EffectiveSettings.resolve(AdminPolicy.none(PolicyFixtures.FILE), user);
        assertThat(settings.get(Settings.IDLE_LOCK_MINUTES))
                .isEqualTo(new EffectiveValue<>(
                        Settings.IDLE_LOCK_MINUTES, java.util.Optional.of(15), SettingSource.DEFAULT, true));
        assertThat(settings.value(Settings.LANGUAGE)).isEqualTo(Language.GERMAN);
        assertThat(settings.value(Settings.NOTIFICATIONS_SHOW_CONTENT)).isFalse();
        assertThat(settings.value(Settings.CIPHER_SUITE)).isEqualTo(MlsCipherSuite.X25519_AES128GCM_SHA256_ED25519);
        assertThat(settings.value(Settings.CLASSIFICATION_LABELS)).containsExactly("VS – NUR FÜR DEN DIENSTGEBRAUCH");
        assertThat(settings.all()).extracting(EffectiveValue::source).containsOnly(SettingSource.DEFAULT);
        assertThat(settings.all())
                .extracting(v -> v.setting().key())
                .containsExactlyElementsOf(
                        Settings.all().stream().map(Setting::key).toList());
    }

    @Test
    void aSettingWithoutDefaultHasNoValueUntilSomeoneSetsIt() {
        EffectiveSettings settings = EffectiveSettings.resolve(AdminPolicy.none(PolicyFixtures.FILE), user);
        assertThat(settings.get(Settings.SERVER_URL).value()).isEmpty();
        assertThat(settings.get(Settings.SERVER_URL).displayValue()).isEqualTo("(not set)");
        assertThatThrownBy(() -> settings.value(Settings.SERVER_URL))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("serverUrl");
    }

    @Test
    void anUnlockedPolicyValueReplacesTheDefault() throws Exception {
        EffectiveValue<Integer> idle = resolve("{\"idleLockMinutes\": 5}").get(Settings.IDLE_LOCK_MINUTES);
        assertThat(idle.value()).contains(5);
        assertThat(idle.source()).isEqualTo(SettingSource.POLICY);
        assertThat(idle.userMayChange()).isTrue();
    }

    @Test
    void theUsersValueWinsOverAnUnlockedPolicyValue() throws Exception {
        user.put(Settings.IDLE_LOCK_MINUTES, 30);
        EffectiveValue<Integer> idle = resolve("{\"idleLockMinutes\": 5}").get(Settings.IDLE_LOCK_MINUTES);
        assertThat(idle.value()).contains(30);
        assertThat(idle.source()).isEqualTo(SettingSource.USER);
    }

    @Test
    void aLockedPolicyValueWinsOverTheUsersValue() throws Exception {
        user.put(Settings.IDLE_LOCK_MINUTES, 30);
        EffectiveValue<Integer> idle = resolve("{\"idleLockMinutes\": 5, \"locked\": [\"idleLockMinutes\"]}")
                .get(Settings.IDLE_LOCK_MINUTES);
        assertThat(idle.value()).contains(5);
        assertThat(idle.source()).isEqualTo(SettingSource.POLICY_LOCKED);
        assertThat(idle.userMayChange()).isFalse();
    }

    @Test
    void lockingAKeyWithoutValueLocksTheDefaultAgainstTheUser() throws Exception {
        user.put(Settings.NOTIFICATIONS_SHOW_CONTENT, true);
        EffectiveValue<Boolean> notifications =
                resolve("{\"locked\": [\"notificationsShowContent\"]}").get(Settings.NOTIFICATIONS_SHOW_CONTENT);
        assertThat(notifications.value()).contains(false);
        assertThat(notifications.source()).isEqualTo(SettingSource.POLICY_LOCKED);
    }

    @Test
    void theUsersValueWinsOverTheDefaultWhenThePolicyIsSilent() throws Exception {
        user.put(Settings.LANGUAGE, Language.ENGLISH);
        EffectiveValue<Language> language = resolve("{\"idleLockMinutes\": 5}").get(Settings.LANGUAGE);
        assertThat(language.value()).contains(Language.ENGLISH);
        assertThat(language.source()).isEqualTo(SettingSource.USER);
    }

    @Test
    void lockingOneKeyLeavesTheOthersToTheUser() throws Exception {
        user.put(Settings.SERVER_URL, URI.create("https://elsewhere.example"));
        user.put(Settings.EXPORT_DIRECTORY, Path.of("/home/anna/Exporte"));
        EffectiveSettings settings = resolve("""
                {"serverUrl": "https://vermerk.bmi.example", "exportDirectory": "/srv/akten", "locked": ["serverUrl"]}
                """);
        assertThat(settings.value(Settings.SERVER_URL)).isEqualTo(URI.create("https://vermerk.bmi.example"));
        assertThat(settings.get(Settings.SERVER_URL).source()).isEqualTo(SettingSource.POLICY_LOCKED);
        assertThat(settings.value(Settings.EXPORT_DIRECTORY)).isEqualTo(Path.of("/home/anna/Exporte"));
        assertThat(settings.get(Settings.EXPORT_DIRECTORY).source()).isEqualTo(SettingSource.USER);
    }

    @Test
    void anAdminOnlyPolicyValueIsLockedEvenWhenNotListed() throws Exception {
        EffectiveValue<MlsCipherSuite> suite = resolve("{\"cipherSuite\": 2}").get(Settings.CIPHER_SUITE);
        assertThat(suite.value()).contains(MlsCipherSuite.P256_AES128GCM_SHA256_P256);
        assertThat(suite.source()).isEqualTo(SettingSource.POLICY_LOCKED);
        assertThat(suite.userMayChange()).isFalse();
    }

    @Test
    void anAdminOnlySettingWithoutPolicyValueKeepsItsDefaultAndStaysOutOfTheUsersReach() throws Exception {
        EffectiveValue<Integer> minimum = resolve("{}").get(Settings.PASSPHRASE_MIN_LENGTH);
        assertThat(minimum.value()).contains(12);
        assertThat(minimum.source()).isEqualTo(SettingSource.DEFAULT);
        assertThat(minimum.userMayChange()).isFalse();
    }

    @Test
    void aUserCannotStoreAValueForAnAdminOnlySetting() {
        assertThatThrownBy(() -> user.put(Settings.PASSPHRASE_MIN_LENGTH, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passphraseMinLength is admin-only");
    }

    @Test
    void removingTheUsersValueFallsBackToThePolicysDefault() throws Exception {
        user.put(Settings.RECORDS_NOTICE, false);
        user.remove(Settings.RECORDS_NOTICE);
        EffectiveValue<Boolean> notice = resolve("{\"recordsNotice\": true}").get(Settings.RECORDS_NOTICE);
        assertThat(notice.value()).contains(true);
        assertThat(notice.source()).isEqualTo(SettingSource.POLICY);
    }

    @Test
    void theAboutViewListsEachValueAsText() throws Exception {
        EffectiveSettings settings = resolve("{\"attachmentMaxBytes\": 0, \"idleLockMinutes\": 0}");
        assertThat(settings.get(Settings.ATTACHMENT_MAX_BYTES).displayValue()).isEqualTo("attachments off");
        assertThat(settings.get(Settings.IDLE_LOCK_MINUTES).displayValue()).isEqualTo("never");
        assertThat(settings.get(Settings.PROXY).displayValue()).isEqualTo("system");
        assertThat(settings.get(Settings.PINNED_CA_CERTIFICATES).displayValue())
                .isEqualTo("(none: the system's trust store)");
    }
}

package org.vermerk.ui.settings;

import java.util.List;
import org.vermerk.app.policy.EffectiveValue;
import org.vermerk.app.policy.Language;
import org.vermerk.app.policy.ProxySetting;
import org.vermerk.app.policy.Settings;
import org.vermerk.ui.core.LanguageNames;
import org.vermerk.ui.core.UiText;

/**
 * An effective setting's value as About shows it, in the reader's language: words and units
 * ("15 Minuten", "nie", "an") come from the bundles; values that are the same in every language
 * (addresses, paths, names, the cipher suite, certificate subjects) are shown as they are. The
 * policy package's own {@code display} stays English: it is what {@code vermerk policy check} and
 * the logs print.
 */
final class SettingValueTexts {
    private static final long MIB = 1024L * 1024;

    private SettingValueTexts() {}

    static UiText of(EffectiveValue<?> effective) {
        Object value = effective.value().orElse(null);
        if (value == null) {
            return UiText.of("about.value.unset");
        }
        var setting = effective.setting();
        if (setting == Settings.IDLE_LOCK_MINUTES) {
            int minutes = (Integer) value;
            return minutes == 0 ? UiText.of("about.value.never") : UiText.of("about.value.minutes", minutes);
        }
        if (setting == Settings.PASSPHRASE_MIN_LENGTH) {
            return UiText.of("about.value.characters", value);
        }
        if (setting == Settings.ATTACHMENT_MAX_BYTES) {
            long bytes = (Long) value;
            if (bytes == 0) {
                return UiText.of("about.value.attachmentsOff");
            }
            return bytes % MIB == 0
                    ? UiText.of("about.value.mib", Long.toString(bytes / MIB))
                    : UiText.of("about.value.bytes", Long.toString(bytes));
        }
        if (setting == Settings.NOTIFICATIONS_SHOW_CONTENT) {
            return UiText.of((Boolean) value ? "about.value.notifications.text" : "about.value.notifications.hidden");
        }
        if (value instanceof Boolean on) {
            return UiText.of(on ? "about.value.on" : "about.value.off");
        }
        if (value instanceof Language language) {
            return plain(LanguageNames.name(language));
        }
        if (value instanceof ProxySetting.UseSystem) {
            return UiText.of("about.value.proxy.system");
        }
        if (value instanceof ProxySetting.NoProxy) {
            return UiText.of("about.value.proxy.none");
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return UiText.of(
                    setting == Settings.PINNED_CA_CERTIFICATES ? "about.value.systemTrust" : "about.value.none");
        }
        return plain(effective.displayValue());
    }

    private static UiText plain(String text) {
        return UiText.of("about.value.plain", text);
    }
}

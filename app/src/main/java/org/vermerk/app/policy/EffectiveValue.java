package org.vermerk.app.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A setting's effective value and where it came from.
 *
 * @param setting the setting
 * @param value the value; empty only for settings without a default that nobody set
 * @param source where the value came from
 * @param userMayChange whether Settings may offer the user to change it
 */
public record EffectiveValue<T>(Setting<T> setting, Optional<T> value, SettingSource source, boolean userMayChange) {
    public EffectiveValue {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** The value as the About view shows it, or {@code (not set)}. */
    public String displayValue() {
        return value.map(setting::display).orElse("(not set)");
    }
}

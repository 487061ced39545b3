package org.vermerk.app.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The settings the client runs with: for each {@link Setting} one value and its source. Immutable;
 * made again when the user changes a setting.
 *
 * <p>Precedence, lowest first (ADR 0006):
 *
 * <ol>
 *   <li>the built-in default;
 *   <li>a policy value that is not locked: the machine's default, which the user may change;
 *   <li>the user's value;
 *   <li>a locked policy value, or the default when the policy locks a key without setting it.
 * </ol>
 *
 * Admin-only settings skip the user: their value is the policy's (source {@link
 * SettingSource#POLICY_LOCKED}) or the default.
 */
public final class EffectiveSettings {
    private final AdminPolicy policy;
    private final Map<Setting<?>, EffectiveValue<?>> values;

    private EffectiveSettings(AdminPolicy policy, Map<Setting<?>, EffectiveValue<?>> values) {
        this.policy = policy;
        this.values = values;
    }

    /** Merges defaults, the policy and the user's settings. */
    public static EffectiveSettings resolve(AdminPolicy policy, UserSettingsSource user) {
        Map<Setting<?>, EffectiveValue<?>> values = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.all()) {
            values.put(setting, resolve(setting, policy, user));
        }
        return new EffectiveSettings(policy, values);
    }

    private static <T> EffectiveValue<T> resolve(Setting<T> setting, AdminPolicy policy, UserSettingsSource user) {
        Optional<T> fromPolicy = policy.value(setting);
        if (policy.locks(setting)) {
            return new EffectiveValue<>(
                    setting, fromPolicy.or(setting::defaultValue), SettingSource.POLICY_LOCKED, false);
        }
        if (!setting.userSettable()) {
            return fromPolicy.isPresent()
                    ? new EffectiveValue<>(setting, fromPolicy, SettingSource.POLICY_LOCKED, false)
                    : new EffectiveValue<>(setting, setting.defaultValue(), SettingSource.DEFAULT, false);
        }
        Optional<T> fromUser = user.find(setting);
        if (fromUser.isPresent()) {
            return new EffectiveValue<>(setting, fromUser, SettingSource.USER, true);
        }
        if (fromPolicy.isPresent()) {
            return new EffectiveValue<>(setting, fromPolicy, SettingSource.POLICY, true);
        }
        return new EffectiveValue<>(setting, setting.defaultValue(), SettingSource.DEFAULT, true);
    }

    /** The policy these settings were made with (its file is shown in About). */
    public AdminPolicy policy() {
        return policy;
    }

    /** The effective value of {@code setting} with its source. */
    public <T> EffectiveValue<T> get(Setting<T> setting) {
        @SuppressWarnings("unchecked")
        EffectiveValue<T> value = (EffectiveValue<T>) values.get(setting);
        return value;
    }

    /**
     * The value of {@code setting}.
     *
     * @throws NoSuchElementException for a setting without default that has no value (such as
     *     {@code serverUrl} before enrolment); use {@link #get} where that can happen
     */
    public <T> T value(Setting<T> setting) {
        return get(setting)
                .value()
                .orElseThrow(() -> new NoSuchElementException(setting.key() + " has no value and no default"));
    }

    /** Every setting's value, in documentation order: what Settings → About lists. */
    public List<EffectiveValue<?>> all() {
        return List.copyOf(values.values());
    }
}

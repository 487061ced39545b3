package org.vermerk.app.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** User settings held in memory, for tests and the headless client. Thread-safe. */
public final class InMemoryUserSettings implements UserSettingsSource {
    /** The user's values; each stored under the setting whose type it has. */
    private final Map<Setting<?>, Object> values = new ConcurrentHashMap<>();

    /**
     * Sets the user's value.
     *
     * @throws IllegalArgumentException for an admin-only setting, which no user may set
     */
    public <T> InMemoryUserSettings put(Setting<T> setting, T value) {
        if (!setting.userSettable()) {
            throw new IllegalArgumentException(setting.key() + " is admin-only; users cannot set it");
        }
        values.put(setting, value);
        return this;
    }

    public void remove(Setting<?> setting) {
        values.remove(setting);
    }

    @Override
    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable(setting.cast(values.get(setting)));
    }
}

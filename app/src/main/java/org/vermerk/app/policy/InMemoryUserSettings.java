package org.vermerk.app.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** User settings held in memory, for tests, the headless client and the time before unlock. Thread-safe. */
public final class InMemoryUserSettings implements UserSettingsStore {
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

    /** The client preferences by name. */
    private final Map<String, String> preferences = new ConcurrentHashMap<>();

    @Override
    public <T> void store(Setting<T> setting, T value) {
        put(setting, value);
    }

    @Override
    public void forget(Setting<?> setting) {
        remove(setting);
    }

    @Override
    public Optional<String> preference(String name) {
        return Optional.ofNullable(preferences.get(name));
    }

    @Override
    public void storePreference(String name, String value) {
        if (value == null) {
            preferences.remove(name);
        } else {
            preferences.put(name, value);
        }
    }

    @Override
    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable(setting.cast(values.get(setting)));
    }
}

package org.vermerk.app.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.policy.Setting;
import org.vermerk.app.policy.Settings;
import org.vermerk.app.policy.SettingsStoreException;
import org.vermerk.app.policy.UserSettingsStore;
import org.vermerk.app.policy.UserValueCodec;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.SettingsRepository;

/**
 * The user's own settings kept in the account's encrypted store, so they survive a restart: the
 * user's values of policy settings (the language, what notifications show) under {@code
 * user.<policy key>}, and the client's own preferences (font size, pinned conversations,
 * notifications on or off) under {@code ui.<name>}. The admin policy still wins where it locks a
 * setting ({@code EffectiveSettings}).
 *
 * <p>All values are read once when made and served from memory; a change is written to the store
 * at once (one small write, on the caller's thread). Thread-safe.
 */
public final class StoredUserSettings implements UserSettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(StoredUserSettings.class);
    private static final String SETTING_PREFIX = "user.";
    private static final String PREFERENCE_PREFIX = "ui.";

    private final SettingsRepository store;

    /** Guarded by this: the stored text by store key. */
    private final Map<String, String> values = new HashMap<>();

    private StoredUserSettings(SettingsRepository store) {
        this.store = store;
    }

    /**
     * Reads the user's settings and the named preferences from the store.
     *
     * @param preferences the client's preference names it will ask for
     */
    static StoredUserSettings load(SettingsRepository store, Iterable<String> preferences) throws KeystoreException {
        StoredUserSettings settings = new StoredUserSettings(store);
        for (Setting<?> s : Settings.all()) {
            if (s.userSettable()) {
                store.get(SETTING_PREFIX + s.key()).ifPresent(v -> settings.values.put(SETTING_PREFIX + s.key(), v));
            }
        }
        for (String name : preferences) {
            store.get(PREFERENCE_PREFIX + name).ifPresent(v -> settings.values.put(PREFERENCE_PREFIX + name, v));
        }
        return settings;
    }

    @Override
    public synchronized <T> Optional<T> find(Setting<T> setting) {
        String stored = values.get(SETTING_PREFIX + setting.key());
        if (stored == null || !setting.userSettable()) {
            return Optional.empty();
        }
        Optional<T> value = UserValueCodec.decode(setting, stored);
        if (value.isEmpty()) {
            LOG.warn("event=user_setting_ignored key={} reason=not_accepted", setting.key());
        }
        return value;
    }

    @Override
    public synchronized <T> void store(Setting<T> setting, T value) throws SettingsStoreException {
        write(SETTING_PREFIX + setting.key(), UserValueCodec.encode(setting, value));
    }

    @Override
    public synchronized void forget(Setting<?> setting) throws SettingsStoreException {
        write(SETTING_PREFIX + setting.key(), null);
    }

    @Override
    public synchronized Optional<String> preference(String name) {
        return Optional.ofNullable(values.get(PREFERENCE_PREFIX + name));
    }

    @Override
    public synchronized void storePreference(String name, String value) throws SettingsStoreException {
        write(PREFERENCE_PREFIX + name, value);
    }

    /** Writes first, then remembers: a failed write leaves memory as the store is. */
    private void write(String key, String value) throws SettingsStoreException {
        try {
            if (value == null) {
                store.remove(key);
                values.remove(key);
            } else {
                store.put(key, value);
                values.put(key, value);
            }
        } catch (KeystoreException e) {
            throw new SettingsStoreException("the setting " + key + " could not be written to the store", e);
        }
    }
}

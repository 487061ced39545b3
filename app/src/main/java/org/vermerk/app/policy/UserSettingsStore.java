package org.vermerk.app.policy;

import java.util.Optional;

/**
 * The user's own settings where the user can change them: values of {@linkplain
 * Setting#userSettable() user settings} and the client's own preferences (named texts such as the
 * font size or the pinned conversations, which the policy does not know). The account's encrypted
 * store backs it ({@code StoredUserSettings}); {@link InMemoryUserSettings} serves tests and the time
 * before unlock.
 */
public interface UserSettingsStore extends UserSettingsSource {
    /**
     * Keeps the user's value.
     *
     * @throws IllegalArgumentException for an admin-only setting
     */
    <T> void store(Setting<T> setting, T value) throws SettingsStoreException;

    /** Forgets the user's value: the policy's or the default applies again. */
    void forget(Setting<?> setting) throws SettingsStoreException;

    /** A client preference, if the user set one. */
    Optional<String> preference(String name);

    /** Keeps a client preference; null forgets it. */
    void storePreference(String name, String value) throws SettingsStoreException;
}

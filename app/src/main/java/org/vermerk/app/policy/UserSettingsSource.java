package org.vermerk.app.policy;

import java.util.Optional;

/**
 * The user's own settings. The encrypted store (keystore) will back this; {@link InMemoryUserSettings}
 * serves tests and the headless client. Only {@linkplain Setting#userSettable() user settings} are
 * asked for.
 */
public interface UserSettingsSource {
    /** The user's value for {@code setting}, if the user set one. */
    <T> Optional<T> find(Setting<T> setting);

    /** A user who has set nothing. */
    UserSettingsSource NONE = new UserSettingsSource() {
        @Override
        public <T> Optional<T> find(Setting<T> setting) {
            return Optional.empty();
        }
    };
}

package org.vermerk.app.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of the client that the admin policy can set: its policy key, its default, whether a
 * user may change it, and how its policy value is read. The settings form a fixed registry, {@link
 * Settings}; values are typed by {@code T}.
 *
 * <p>A setting is either a <em>user setting</em> (a user may change it in Settings unless the
 * policy locks it) or <em>admin-only</em> (never changed by a user: a deployment property such as the
 * cipher suite, or a rule such as the passphrase length). See {@link EffectiveSettings} for how
 * values are merged.
 *
 * @param <T> the value type (immutable)
 */
public final class Setting<T> {
    private final String key;
    private final String summary;
    private final T defaultValue;
    private final boolean userSettable;
    private final ValueReader<T> reader;
    private final Function<? super T, String> display;

    Setting(
            String key,
            String summary,
            T defaultValue,
            boolean userSettable,
            ValueReader<T> reader,
            Function<? super T, String> display) {
        this.key = Objects.requireNonNull(key, "key");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.defaultValue = defaultValue;
        this.userSettable = userSettable;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.display = Objects.requireNonNull(display, "display");
    }

    /** The key in policy.json, e.g. {@code idleLockMinutes}. */
    public String key() {
        return key;
    }

    /** One line saying what the setting does (the full text is in docs/admin/policy.md). */
    public String summary() {
        return summary;
    }

    /** The built-in value; empty for settings that have none (such as the server URL). */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether a user may change this setting where the policy does not lock it. */
    public boolean userSettable() {
        return userSettable;
    }

    /** The value as the About view and {@code vermerk policy check} show it. */
    public String display(T value) {
        return display.apply(value);
    }

    ValueReader<T> reader() {
        return reader;
    }

    /** Casts a value that was stored under this setting (only this setting's reader or typed callers put them). */
    @SuppressWarnings("unchecked")
    T cast(Object value) {
        return (T) value;
    }

    @Override
    public String toString() {
        return key;
    }
}

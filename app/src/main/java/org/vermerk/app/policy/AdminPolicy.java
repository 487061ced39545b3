package org.vermerk.app.policy;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated machine-wide admin policy: the values it sets and the keys it locks. Immutable. Only
 * {@link PolicyParser} makes one from a file; {@link #none(Path)} stands for "no policy file".
 */
public final class AdminPolicy {
    private final Path file;
    private final boolean present;
    private final Map<Setting<?>, Object> values;
    private final Set<Setting<?>> locked;

    private AdminPolicy(Path file, boolean present, Map<Setting<?>, Object> values, Set<Setting<?>> locked) {
        this.file = Objects.requireNonNull(file, "file");
        this.present = present;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.locked = Collections.unmodifiableSet(new LinkedHashSet<>(locked));
    }

    /** No policy file was found at {@code lookedAt}: every setting has its default or the user's value. */
    public static AdminPolicy none(Path lookedAt) {
        return new AdminPolicy(lookedAt, false, Map.of(), Set.of());
    }

    static AdminPolicy of(Path file, Map<Setting<?>, Object> values, Set<Setting<?>> locked) {
        return new AdminPolicy(file, true, values, locked);
    }

    /** The file this policy was read from, or where it was looked for when there is none. */
    public Path file() {
        return file;
    }

    /** Whether a policy file was read (false: the defaults apply). */
    public boolean present() {
        return present;
    }

    /** The value the policy sets for {@code setting}, if it sets one. */
    public <T> Optional<T> value(Setting<T> setting) {
        return Optional.ofNullable(setting.cast(values.get(setting)));
    }

    /** Whether the policy lists {@code setting} in {@code locked}. */
    public boolean locks(Setting<?> setting) {
        return locked.contains(setting);
    }

    /** The locked settings, in the order the policy lists them. */
    public Set<Setting<?>> locked() {
        return locked;
    }

    @Override
    public String toString() {
        return present
                ? "AdminPolicy[" + file + ", sets " + values.keySet() + ", locks " + locked + "]"
                : "AdminPolicy[none at " + file + "]";
    }
}

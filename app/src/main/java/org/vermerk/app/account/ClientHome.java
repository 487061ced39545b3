package org.vermerk.app.account;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.vermerk.app.policy.OperatingSystem;

/**
 * The directory of one device's client data. Today it holds {@code store/}, the encrypted keystore
 * (keys, settings, cursors, outbox); later downloads and logs go beside it.
 */
public record ClientHome(Path directory) {
    public ClientHome {
        Objects.requireNonNull(directory);
        directory = directory.toAbsolutePath().normalize();
    }

    /** The keystore's directory. */
    public Path store() {
        return directory.resolve("store");
    }

    /**
     * The per-user default: {@code $XDG_DATA_HOME/vermerk} or {@code ~/.local/share/vermerk} on
     * Linux, {@code %LOCALAPPDATA%\Vermerk} on Windows, {@code ~/Library/Application Support/Vermerk}
     * on macOS.
     */
    public static ClientHome defaultFor(OperatingSystem os, Map<String, String> env, Path userHome) {
        return new ClientHome(
                switch (os) {
                    case WINDOWS ->
                        env.containsKey("LOCALAPPDATA")
                                ? Path.of(env.get("LOCALAPPDATA"), "Vermerk")
                                : userHome.resolve("AppData").resolve("Local").resolve("Vermerk");
                    case MACOS ->
                        userHome.resolve("Library")
                                .resolve("Application Support")
                                .resolve("Vermerk");
                    default ->
                        env.containsKey("XDG_DATA_HOME")
                                        && !env.get("XDG_DATA_HOME").isBlank()
                                ? Path.of(env.get("XDG_DATA_HOME"), "vermerk")
                                : userHome.resolve(".local").resolve("share").resolve("vermerk");
                });
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}

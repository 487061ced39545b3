package org.vermerk.app.policy;

import java.util.Locale;

/** The operating-system families whose policy locations differ. */
public enum OperatingSystem {
    LINUX,
    WINDOWS,
    MACOS;

    /**
     * The family of a {@code os.name} value. Unix systems other than macOS (the BSDs, for example)
     * count as Linux: they share the {@code /etc} convention.
     */
    public static OperatingSystem fromOsName(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    /** The family this JVM runs on. */
    public static OperatingSystem current() {
        return fromOsName(System.getProperty("os.name", ""));
    }
}

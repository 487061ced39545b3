package org.vermerk.app.policy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the machine-wide policy file lives on each operating system:
 *
 * <ul>
 *   <li>Linux (and other Unix): {@code /etc/vermerk/policy.json}
 *   <li>Windows: {@code %ProgramData%\Vermerk\policy.json}, falling back to {@code C:\ProgramData}
 *       when the variable is unset or not an absolute drive path
 *   <li>macOS: {@code /Library/Application Support/Vermerk/policy.json}
 * </ul>
 *
 * All three are writable only by administrators on a managed machine. The path is kept as text in
 * the target system's syntax, so a test on one system can check another's.
 *
 * @param system the operating system family
 * @param path the file's path in that system's syntax
 */
public record PolicyLocation(OperatingSystem system, String path) {
    static final String WINDOWS_DEFAULT_PROGRAM_DATA = "C:\\ProgramData";

    public PolicyLocation {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(path, "path");
    }

    /**
     * The location on {@code system}, reading environment variables through {@code environment}
     * (which returns null for unset ones; names are looked up as Windows spells them).
     */
    public static PolicyLocation of(OperatingSystem system, UnaryOperator<String> environment) {
        return switch (system) {
            case LINUX -> new PolicyLocation(system, "/etc/vermerk/policy.json");
            case MACOS -> new PolicyLocation(system, "/Library/Application Support/Vermerk/policy.json");
            case WINDOWS -> new PolicyLocation(system, programData(environment) + "\\Vermerk\\policy.json");
        };
    }

    /** The location on this machine. */
    public static PolicyLocation forThisMachine() {
        Map<String, String> environment = System.getenv();
        // Windows environment names are case-insensitive; System.getenv() on Windows honours that.
        return of(OperatingSystem.current(), environment::get);
    }

    /** The path on the running system. */
    public Path toPath() {
        return Path.of(path);
    }

    private static String programData(UnaryOperator<String> environment) {
        String value = environment.apply("ProgramData");
        if (value == null || !value.strip().matches("(?i)[a-z]:\\\\.*")) {
            return WINDOWS_DEFAULT_PROGRAM_DATA;
        }
        String stripped = value.strip();
        return stripped.endsWith("\\") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    @Override
    public String toString() {
        return path;
    }
}

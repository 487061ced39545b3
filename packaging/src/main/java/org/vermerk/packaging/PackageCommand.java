package org.vermerk.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vermerk package}: builds the signed Linux installers into {@code packaging/target/} by
 * running {@code packaging/build-packages} (jdeps, jlink, jpackage, jarsigner, debsigs, rpmsign;
 * ADR 0012) with the JDK this command runs on. It works from a source checkout only: the
 * {@code ./vermerk} launcher builds the runtime class path first and names the checkout in the
 * system property {@value #SOURCE_PROPERTY}; an installed copy has none and says so.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the Linux installers (.deb, .rpm) into packaging/target/.",
            "Works from a source checkout only (./vermerk package).",
            "Signs every jar when a jar-signing keystore is given, and the packages",
            "when a GPG key is given; check them with packaging/verify.",
            "Passwords come only from the environment: VERMERK_JAR_KEYSTORE_PASSWORD.",
            "Each option may also be set by the environment variable named with it.",
            "Windows .msi and macOS .pkg: see docs/admin/installing.md."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the packages were built", "1:the build failed (the reason is printed)", "2:wrong usage"})
final class PackageCommand implements Callable<Integer> {
    /** The system property through which the {@code ./vermerk} launcher names the source checkout. */
    static final String SOURCE_PROPERTY = "vermerk.source";

    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            split = ",",
            description = "deb, rpm or both (default: deb,rpm). Env: VERMERK_PACKAGE_TYPES.")
    List<String> types = new ArrayList<>();

    @Option(
            names = "--jar-keystore",
            paramLabel = "FILE",
            description = "PKCS#12 keystore with the jar-signing key. Env: VERMERK_JAR_KEYSTORE.")
    Path jarKeystore;

    @Option(
            names = "--jar-key-alias",
            paramLabel = "ALIAS",
            description = "The jar-signing key's alias (default: vermerk). Env: VERMERK_JAR_KEY_ALIAS.")
    String jarKeyAlias;

    @Option(
            names = "--gpg-key",
            paramLabel = "ID",
            description = "GPG key (ID or fingerprint) that signs the .deb and .rpm. Env: VERMERK_GPG_KEY.")
    String gpgKey;

    @Option(
            names = "--gnupg-home",
            paramLabel = "DIR",
            description = "The GPG home holding that key (default: ~/.gnupg). Env: GNUPGHOME.")
    Path gnupgHome;

    private final String sourceRoot;

    PackageCommand() {
        this(System.getProperty(SOURCE_PROPERTY));
    }

    /** With the source checkout given, or null for an installed copy (tests). */
    PackageCommand(String sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (sourceRoot == null || sourceRoot.isBlank()) {
            err.println("vermerk package builds installers from a source checkout: run ./vermerk package there.");
            err.flush();
            return USAGE;
        }
        Path script = Path.of(sourceRoot, "packaging", "build-packages");
        if (!Files.isRegularFile(script)) {
            err.println("vermerk package: " + script + " is missing: " + sourceRoot + " is not a Vermerk checkout.");
            err.flush();
            return USAGE;
        }
        for (String type : types) {
            if (!type.equals("deb") && !type.equals("rpm")) {
                err.println("vermerk package: unknown --type '" + type + "' (deb or rpm)");
                err.flush();
                return USAGE;
            }
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).inheritIO();
        configure(builder.environment());
        return builder.start().waitFor();
    }

    /** The build script's environment: the JDK this runs on, and the options that were given. */
    void configure(Map<String, String> environment) {
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        if (!types.isEmpty()) {
            environment.put("VERMERK_PACKAGE_TYPES", String.join(" ", types));
        }
        if (jarKeystore != null) {
            environment.put("VERMERK_JAR_KEYSTORE", jarKeystore.toAbsolutePath().toString());
        }
        if (jarKeyAlias != null) {
            environment.put("VERMERK_JAR_KEY_ALIAS", jarKeyAlias);
        }
        if (gpgKey != null) {
            environment.put("VERMERK_GPG_KEY", gpgKey);
        }
        if (gnupgHome != null) {
            environment.put("GNUPGHOME", gnupgHome.toAbsolutePath().toString());
        }
    }
}

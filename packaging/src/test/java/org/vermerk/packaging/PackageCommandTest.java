package org.vermerk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vermerk package}'s own part: where it may run and what it hands to
 * packaging/build-packages. The packages themselves are tested by {@link LinuxPackagesInstallTest}.
 */
class PackageCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(PackageCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    @Test
    void anInstalledCopyWithoutASourceCheckoutRefusesWithTheReason() {
        assertThat(commandLine(new PackageCommand(null)).execute()).isEqualTo(PackageCommand.USAGE);
        assertThat(err.toString()).contains("from a source checkout").contains("./vermerk package");
    }

    @Test
    void aDirectoryThatIsNoCheckoutIsRefused(@TempDir Path notACheckout) {
        assertThat(commandLine(new PackageCommand(notACheckout.toString())).execute())
                .isEqualTo(PackageCommand.USAGE);
        assertThat(err.toString()).contains("build-packages is missing");
    }

    @Test
    void anUnknownPackageTypeIsRefusedBeforeAnythingRuns() {
        Path checkout = Path.of("..").toAbsolutePath().normalize();
        assertThat(commandLine(new PackageCommand(checkout.toString())).execute("--type", "deb,msi"))
                .isEqualTo(PackageCommand.USAGE);
        assertThat(err.toString()).contains("unknown --type 'msi'");
    }

    @Test
    void theOptionsReachTheBuildScriptAsItsEnvironment() {
        PackageCommand command = new PackageCommand("/src");
        commandLine(command)
                .parseArgs(
                        "--type=rpm",
                        "--jar-keystore",
                        "keys/jar.p12",
                        "--jar-key-alias",
                        "release",
                        "--gpg-key",
                        "ABCDEF",
                        "--gnupg-home",
                        "/keys/gnupg");
        Map<String, String> environment = new HashMap<>();
        command.configure(environment);
        assertThat(environment)
                .containsEntry("JAVA_HOME", System.getProperty("java.home"))
                .containsEntry("VERMERK_PACKAGE_TYPES", "rpm")
                .containsEntry(
                        "VERMERK_JAR_KEYSTORE",
                        Path.of("keys/jar.p12").toAbsolutePath().toString())
                .containsEntry("VERMERK_JAR_KEY_ALIAS", "release")
                .containsEntry("VERMERK_GPG_KEY", "ABCDEF")
                .containsEntry("GNUPGHOME", "/keys/gnupg");
    }

    @Test
    void withoutOptionsTheEnvironmentDecidesAndNothingIsSigned() {
        PackageCommand command = new PackageCommand("/src");
        commandLine(command).parseArgs();
        Map<String, String> environment = new HashMap<>();
        command.configure(environment);
        assertThat(environment).containsOnlyKeys("JAVA_HOME");
    }

    @Test
    void vermerkHelpListsPackageAndItsHelpNamesThePasswordVariable() {
        CommandLine vermerk = VermerkCommand.commandLine();
        vermerk.setOut(new PrintWriter(out, true));
        assertThat(vermerk.execute("--help")).isZero();
        assertThat(out.toString()).containsPattern("package\\s+Builds the Linux installers");
        assertThat(vermerk.execute("package", "--help")).isZero();
        assertThat(out.toString()).contains("VERMERK_JAR_KEYSTORE_PASSWORD").contains("--gpg-key");
    }
}

package org.vermerk.app.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.CaCertificates;
import org.vermerk.app.account.ServerSettings;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.app.policy.Settings;
import org.vermerk.keystore.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli enrol}: makes this machine a device of a user, with a one-time code from the administrator. */
@Command(
        name = "enrol",
        mixinStandardHelpOptions = true,
        description = {
            "Enrols this machine as a new device: creates the encrypted store with a new passphrase,",
            "makes the device's signature key, and registers it at the server with a one-time code",
            "(from `vermerk server admin ... add-user` or `enrolment-code`)."
        })
final class EnrolCommand extends CliCommand.Sub {
    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "The server: https://host:port, or the wss:// address it prints (default: the policy's serverUrl).")
    URI server;

    @Option(
            names = "--ca",
            paramLabel = "FILE",
            description = "The server's CA certificate (PEM); the policy's pinnedCaCertificates replace it.")
    Path ca;

    @Option(
            names = "--user",
            paramLabel = "USER_ID",
            description = "The user the code was made for (optional: the server knows the code's user).")
    String user;

    @Option(names = "--code", paramLabel = "CODE", required = true, description = "The one-time enrolment code.")
    String code;

    @Option(
            names = "--device-name",
            paramLabel = "NAME",
            description = "How the device is shown to the user (default: the host name).")
    String deviceName;

    @Override
    void execute() throws Exception {
        EffectiveSettings settings = settings();
        List<X509Certificate> cas = ca == null ? List.of() : CaCertificates.read(ca);
        var endpoint = ServerSettings.forEnrolment(settings, Optional.ofNullable(server), cas);
        Passphrase passphrase =
                PassphraseInput.forNewStore(passphraseFile(), settings.value(Settings.PASSPHRASE_MIN_LENGTH));
        try (Account account = Account.enrol(
                home(),
                passphrase,
                new Account.Enrolment(endpoint, user, code.strip(), deviceName != null ? deviceName : hostName()),
                settings,
                accountOptions())) {
            output.result(
                    "Enrolled device " + account.deviceId() + " of " + account.userId() + " at "
                            + endpoint.serverUrl() + "\nFingerprint: " + account.fingerprint() + "\nHome: "
                            + account.home(),
                    Output.fields(
                            "event", "enrolled",
                            "userId", account.userId(),
                            "deviceId", account.deviceId(),
                            "server", endpoint.serverUrl().toString(),
                            "fingerprint", account.fingerprint(),
                            "home", account.home().toString()));
        } finally {
            passphrase.destroy();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "Vermerk CLI";
        }
    }
}

package org.vermerk.app.cli;

import org.vermerk.app.account.Account;
import org.vermerk.app.account.Device;
import picocli.CommandLine.Command;

/** {@code vermerk cli devices}: the user's enrolled devices, as the server lists them. */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        description = "Lists your enrolled devices (* marks this one).")
final class DevicesCommand extends CliCommand.Sub {
    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings())) {
            for (Device device : account.devices()) {
                output.result(
                        (device.thisDevice() ? "* " : "  ") + device.deviceId() + "  " + device.deviceName() + "  "
                                + device.signatureScheme() + "  " + device.fingerprint(),
                        Output.fields(
                                "deviceId", device.deviceId(),
                                "deviceName", device.deviceName(),
                                "signatureScheme", device.signatureScheme(),
                                "fingerprint", device.fingerprint(),
                                "thisDevice", device.thisDevice()));
            }
        }
    }
}

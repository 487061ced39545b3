package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.Directory;
import org.vermerk.app.connection.Session;
import org.vermerk.app.conversation.ContactTrust;
import org.vermerk.keystore.Contact;
import org.vermerk.protocol.codec.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vermerk cli verify}: marks a contact verified after the safety number was compared; their
 * current device keys become the trusted ones (ADR 0014).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Marks USER_ID verified: run it after comparing the safety number (safety-number --user)",
            "with them in person or by phone. Their device keys as listed now become the trusted ones."
        })
final class VerifyCommand extends CliCommand.Sub {
    @Option(names = "--user", paramLabel = "USER_ID", required = true, description = "The contact.")
    String user;

    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings());
                Session session = account.openSession()) {
            if (user.equals(account.userId())) {
                throw new CliFailure(ExitCodes.USAGE, "own_user", "one does not verify oneself");
            }
            List<Bytes> keys = new Directory(session, account.deviceId()).keys(user);
            if (keys.isEmpty()) {
                throw new CliFailure(ExitCodes.FAILED, "no_devices", user + " has no enrolled devices");
            }
            Contact contact =
                    new ContactTrust(account.keystore(), account.clock(), account.userId()).verify(user, keys);
            output.result(
                    user + " is verified (" + keys.size() + " devices)",
                    Output.fields(
                            "event",
                            "verified",
                            "userId",
                            user,
                            "trust",
                            TrustNames.of(contact.trust()),
                            "devices",
                            keys.size()));
        }
    }
}

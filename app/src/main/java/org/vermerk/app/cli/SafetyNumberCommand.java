package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.connection.Session;
import org.vermerk.app.conversation.ContactTrust;
import org.vermerk.app.conversation.SafetyNumber;
import org.vermerk.keystore.Contact;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli safety-number}: the number to compare with a contact out of band. */
@Command(
        name = "safety-number",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the safety number of you and USER_ID, made from both users' device keys: compare it",
            "with theirs (in person or by phone); it is the same on both sides and changes with any",
            "device key."
        })
final class SafetyNumberCommand extends CliCommand.Sub {
    @Option(names = "--user", paramLabel = "USER_ID", required = true, description = "The contact.")
    String user;

    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings());
                Session session = account.openSession()) {
            List<Bytes> own = keys(session, account.userId());
            List<Bytes> theirs = keys(session, user);
            if (theirs.isEmpty()) {
                throw new CliFailure(ExitCodes.FAILED, "no_devices", user + " has no enrolled devices");
            }
            String number = SafetyNumber.of(account.userId(), own, user, theirs);
            Contact.Trust trust = new ContactTrust(account.keystore(), account.clock(), account.userId()).trust(user);
            output.result(
                    "Safety number of " + account.userId() + " and " + user + ":\n" + number.substring(0, 35) + "\n"
                            + number.substring(36) + "\nState: " + TrustNames.text(trust),
                    Output.fields(
                            "userId", account.userId(),
                            "contact", user,
                            "safetyNumber", number,
                            "ownDevices", own.size(),
                            "contactDevices", theirs.size(),
                            "trust", TrustNames.of(trust)));
        }
    }

    private static List<Bytes> keys(Session session, String userId) throws Exception {
        return session
                .await(id -> new ClientRequest.ListDevices(id, userId), ServerFrame.Devices.class)
                .devices()
                .stream()
                .map(ServerFrame.DeviceEntry::signatureKey)
                .toList();
    }
}

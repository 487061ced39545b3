package org.vermerk.app.cli;

import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ContactTrust;
import org.vermerk.keystore.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli acknowledge}: accepts a contact's changed keys so that sending to them goes on (ADR 0014). */
@Command(
        name = "acknowledge",
        mixinStandardHelpOptions = true,
        description = {
            "Acknowledges that USER_ID's device keys changed: sending into conversations with them goes",
            "on, and they count as trusted on first use again (compare the new safety number to verify)."
        })
final class AcknowledgeCommand extends CliCommand.Sub {
    @Option(names = "--user", paramLabel = "USER_ID", required = true, description = "The contact.")
    String user;

    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings())) {
            ContactTrust trust = new ContactTrust(account.keystore(), account.clock(), account.userId());
            Contact.Trust before = trust.trust(user);
            Contact contact = trust.acknowledgeKeyChange(user);
            output.result(
                    before == Contact.Trust.KEY_CHANGED
                            ? "The key change of " + user + " is acknowledged"
                            : user + " has no key change to acknowledge (" + TrustNames.text(contact.trust()) + ")",
                    Output.fields(
                            "event",
                            "acknowledged",
                            "userId",
                            user,
                            "changed",
                            before == Contact.Trust.KEY_CHANGED,
                            "trust",
                            TrustNames.of(contact.trust())));
        }
    }
}

package org.vermerk.app.cli;

import org.vermerk.app.account.Account;
import org.vermerk.keystore.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli members}: who is in a conversation. */
@Command(
        name = "members",
        mixinStandardHelpOptions = true,
        description = "Lists the members of a conversation, as its current epoch has them.")
final class MembersCommand extends CliCommand.Sub {
    @Option(names = "--conversation", paramLabel = "ID", required = true, description = "The conversation.")
    String conversation;

    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings())) {
            if (account.keystore().conversations().find(conversation).isEmpty()) {
                throw new CliFailure(ExitCodes.FAILED, "no_conversation", "no conversation " + conversation);
            }
            for (Member m : account.keystore().conversations().members(conversation)) {
                boolean self = m.userId().equals(account.userId());
                output.result(
                        (self ? "* " : "  ") + m.userId() + "  "
                                + m.role().name().toLowerCase(),
                        Output.fields(
                                "conversationId",
                                conversation,
                                "userId",
                                m.userId(),
                                "role",
                                m.role().name().toLowerCase(),
                                "self",
                                self));
            }
        }
    }
}

package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Member;
import picocli.CommandLine.Command;

/** {@code vermerk cli conversations}: the conversations stored on this device. */
@Command(
        name = "conversations",
        mixinStandardHelpOptions = true,
        description = "Lists your conversations: ID, kind, title (1:1: the other person), members.")
final class ConversationsCommand extends CliCommand.Sub {
    @Override
    void execute() throws Exception {
        try (Account account = unlock(settings())) {
            for (Conversation c : account.keystore().conversations().list()) {
                List<String> members = account.keystore().conversations().members(c.id()).stream()
                        .map(Member::userId)
                        .toList();
                String title = c.kind() == Conversation.Kind.DIRECT
                        ? members.stream()
                                .filter(m -> !m.equals(account.userId()))
                                .findFirst()
                                .orElse("(1:1)")
                        : c.title();
                output.result(
                        c.id() + "  " + (c.kind() == Conversation.Kind.DIRECT ? "1:1  " : "group") + "  " + title
                                + (c.classification() == null ? "" : "  [" + c.classification() + "]")
                                + "  (" + members.size() + " members)",
                        Output.fields(
                                "conversationId",
                                c.id(),
                                "kind",
                                c.kind().name().toLowerCase(),
                                "title",
                                title,
                                "classification",
                                c.classification(),
                                "members",
                                members));
            }
        }
    }
}

package org.vermerk.app.cli;

import java.util.List;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli read}: tells the senders that a conversation's new messages were read. */
@Command(
        name = "read",
        mixinStandardHelpOptions = true,
        description = {
            "Marks what others sent to a conversation since your last `read` as read: the senders",
            "see it as read (one receipt). Waits until the server accepted it; prints how many."
        })
final class ReadCommand extends EngineCommand {
    @Option(
            names = "--conversation",
            paramLabel = "ID",
            required = true,
            description = "The conversation (see `conversations`).")
    String conversation;

    @Override
    void run(Account account, ConversationEngine engine) throws Exception {
        if (engine.conversation(conversation).isEmpty()) {
            throw new CliFailure(ExitCodes.FAILED, "no_conversation", "no conversation " + conversation);
        }
        List<String> read = engine.markAllRead(conversation);
        awaitSent(engine);
        output.result(
                read.isEmpty()
                        ? "Nothing new to mark as read in " + conversation
                        : "Marked " + read.size() + " messages as read in " + conversation,
                Output.fields("event", "read", "conversationId", conversation, "messageIds", read));
    }
}

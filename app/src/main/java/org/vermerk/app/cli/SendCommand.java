package org.vermerk.app.cli;

import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vermerk cli send}: a text to a person (their 1:1 conversation) or to a conversation. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Sends a text, end-to-end encrypted: --to USER_ID uses your 1:1 conversation with that",
            "person (created on first use), --conversation ID any conversation. Waits until the server",
            "accepted it; prints the conversation and message IDs."
        })
final class SendCommand extends EngineCommand {
    static final class Target {
        @Option(names = "--to", paramLabel = "USER_ID", required = true, description = "The person (1:1).")
        String to;

        @Option(
                names = "--conversation",
                paramLabel = "ID",
                required = true,
                description = "The conversation (see `conversations`).")
        String conversation;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Parameters(paramLabel = "TEXT", description = "The text.")
    String text;

    @Override
    void run(Account account, ConversationEngine engine) throws Exception {
        String conversationId = target.to != null ? engine.direct(target.to) : target.conversation;
        if (engine.conversation(conversationId).isEmpty()) {
            throw new CliFailure(ExitCodes.FAILED, "no_conversation", "no conversation " + conversationId);
        }
        Message message = engine.sendText(conversationId, text);
        awaitSent(engine);
        output.result(
                "Sent " + message.id() + " to conversation " + conversationId,
                Output.fields(
                        "event",
                        "sent",
                        "conversationId",
                        conversationId,
                        "messageId",
                        message.id(),
                        "sentAt",
                        message.sentAt().toString()));
    }
}

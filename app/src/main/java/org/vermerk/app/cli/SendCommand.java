package org.vermerk.app.cli;

import java.nio.file.Path;
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
            "accepted it; prints the conversation and message IDs. --attach FILE sends a file (encrypted",
            "with a fresh key, uploaded, then announced in the conversation)."
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

    @Option(
            names = "--attach",
            paramLabel = "FILE",
            description =
                    "Sends this file, encrypted (up to the server's limit, 25 MiB by default); TEXT goes with it.")
    Path attach;

    @Parameters(paramLabel = "TEXT", arity = "0..1", description = "The text (optional with --attach).")
    String text;

    @Override
    void check() throws Exception {
        if (attach == null && text == null) {
            throw new CliFailure(ExitCodes.USAGE, "usage", "send needs a TEXT or --attach FILE");
        }
        if (attach != null && !java.nio.file.Files.isRegularFile(attach)) {
            throw new CliFailure(ExitCodes.FAILED, "file", attach + " is not a readable file");
        }
    }

    @Override
    void run(Account account, ConversationEngine engine) throws Exception {
        String conversationId = target.to != null ? engine.direct(target.to) : target.conversation;
        if (engine.conversation(conversationId).isEmpty()) {
            throw new CliFailure(ExitCodes.FAILED, "no_conversation", "no conversation " + conversationId);
        }
        Message message = attach != null
                ? AttachmentCli.send(account, engine, conversationId, attach, text)
                : engine.sendText(conversationId, text);
        awaitSent(engine);
        java.util.Map<String, Object> fields = Output.fields(
                "event",
                "sent",
                "conversationId",
                conversationId,
                "messageId",
                message.id(),
                "sentAt",
                message.sentAt().toString());
        ReceiveCommand.attachment(message.content()).ifPresent(f -> fields.put("attachment", f));
        output.result("Sent " + message.id() + " to conversation " + conversationId, fields);
    }
}

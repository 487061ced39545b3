package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vermerk cli reply}: a text that quotes an earlier message of its conversation. */
@Command(
        name = "reply",
        mixinStandardHelpOptions = true,
        description = {
            "Replies to a message with a text in the message's conversation (--conversation, if given,",
            "must be that one). Waits until the server accepted it; prints the new message's ID."
        })
final class ReplyCommand extends MessageCommand {
    @Option(names = "--to-message", paramLabel = "MESSAGE_ID", required = true, description = "The message.")
    String target;

    @Option(names = "--conversation", paramLabel = "ID", description = "The message's conversation (a check).")
    String conversation;

    @Parameters(paramLabel = "TEXT", description = "The text.")
    String text;

    @Override
    Message send(ConversationEngine engine) throws Exception {
        Message quoted = find(engine, target);
        if (conversation != null && !conversation.equals(quoted.conversationId())) {
            throw new CliFailure(
                    ExitCodes.FAILED,
                    "wrong_conversation",
                    "message " + target + " is in conversation " + quoted.conversationId() + ", not " + conversation);
        }
        return engine.reply(quoted.conversationId(), target, text);
    }

    @Override
    void printed(Message sent) {
        printSent("replied", "Replied " + sent.id() + " to " + target, sent, target, Map.of());
    }
}

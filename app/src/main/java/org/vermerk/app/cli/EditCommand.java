package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vermerk cli edit}: replaces the text of an own message for everyone. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = {
            "Replaces the text of one of your messages, for every member (the earlier text is kept",
            "as a revision on each device). Waits until the server accepted it."
        })
final class EditCommand extends MessageCommand {
    @Option(names = "--message", paramLabel = "MESSAGE_ID", required = true, description = "Your message.")
    String target;

    @Parameters(paramLabel = "TEXT", description = "The new text.")
    String text;

    @Override
    Message send(ConversationEngine engine) throws Exception {
        Message own = find(engine, target);
        requireOwn(engine, own, "edit");
        return engine.edit(own.conversationId(), target, text);
    }

    @Override
    void printed(Message sent) {
        printSent("edited", "Edited " + target, sent, target, Map.of());
    }
}

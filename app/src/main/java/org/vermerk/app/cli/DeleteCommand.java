package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli delete}: deletes an own message for everyone. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes one of your messages for every member (its text is removed; a record already",
            "filed keeps its copy). Waits until the server accepted it."
        })
final class DeleteCommand extends MessageCommand {
    @Option(names = "--message", paramLabel = "MESSAGE_ID", required = true, description = "Your message.")
    String target;

    @Override
    Message send(ConversationEngine engine) throws Exception {
        Message own = find(engine, target);
        requireOwn(engine, own, "delete");
        return engine.deleteForEveryone(own.conversationId(), target);
    }

    @Override
    void printed(Message sent) {
        printSent("deleted", "Deleted " + target + " for everyone", sent, target, Map.of());
    }
}

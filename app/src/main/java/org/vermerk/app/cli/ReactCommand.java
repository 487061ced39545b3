package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vermerk cli react}: a reaction (an emoji) to a message. */
@Command(
        name = "react",
        mixinStandardHelpOptions = true,
        description = {"Reacts to a message with an emoji. Waits until the server accepted it."})
final class ReactCommand extends MessageCommand {
    /** Long enough for any emoji sequence (flags, skin tones, joined families), short enough to stay one. */
    static final int MAX_EMOJI_CHARS = 32;

    @Option(names = "--message", paramLabel = "MESSAGE_ID", required = true, description = "The message.")
    String target;

    @Parameters(paramLabel = "EMOJI", description = "The reaction, e.g. 👍.")
    String emoji;

    @Override
    Message send(ConversationEngine engine) throws Exception {
        String reaction = emoji.strip();
        if (reaction.isEmpty()
                || reaction.length() > MAX_EMOJI_CHARS
                || reaction.codePoints().anyMatch(Character::isWhitespace)) {
            throw new CliFailure(ExitCodes.USAGE, "bad_reaction", "a reaction is one emoji, not text");
        }
        Message message = find(engine, target);
        emoji = reaction;
        return engine.react(message.conversationId(), target, reaction);
    }

    @Override
    void printed(Message sent) {
        printSent("reacted", "Reacted " + emoji + " to " + target, sent, target, Map.of("emoji", emoji));
    }
}

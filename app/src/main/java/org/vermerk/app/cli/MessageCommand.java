package org.vermerk.app.cli;

import java.util.Map;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Message;

/**
 * A command that acts on one stored message (reply, edit, delete, react): finds it, sends what the
 * subclass makes, waits until the server accepted it and prints one result.
 */
abstract class MessageCommand extends EngineCommand {
    /** The message this command acts on, as stored on this device; a typed failure otherwise. */
    static Message find(ConversationEngine engine, String messageId) throws Exception {
        return engine.message(messageId)
                .orElseThrow(() -> new CliFailure(
                        ExitCodes.FAILED, "no_message", "no message " + messageId + " on this device (see `receive`)"));
    }

    /** Only the sender may change or delete a message (receivers ignore others' edits anyway). */
    static void requireOwn(ConversationEngine engine, Message message, String what) throws CliFailure {
        if (!message.senderUserId().equals(engine.userId())) {
            throw new CliFailure(
                    ExitCodes.FAILED, "not_own_message", "only the sender can " + what + " message " + message.id());
        }
    }

    /** The result line: {@code text} for people, and {@code event}, conversation, message and target IDs. */
    void printSent(String event, String text, Message sent, String target, Map<String, Object> more) {
        Map<String, Object> fields = Output.fields(
                "event", event,
                "conversationId", sent.conversationId(),
                "messageId", sent.id(),
                "target", target,
                "sentAt", sent.sentAt().toString());
        fields.putAll(more);
        output.result(text, fields);
    }

    @Override
    final void run(Account account, ConversationEngine engine) throws Exception {
        Message sent = send(engine);
        awaitSent(engine);
        printed(sent);
    }

    /** Sends and returns the stored own message. */
    abstract Message send(ConversationEngine engine) throws Exception;

    /** Prints the result once the server accepted it. */
    abstract void printed(Message sent);
}

package org.vermerk.app.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.vermerk.app.account.Account;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vermerk cli receive}: syncs and prints what arrives until nothing came for a while. */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        description = {
            "Connects, stores and prints each new message (conversation ID, message ID, sender, text,",
            "sent and received times, server sequence) and new conversations; exits after SECONDS",
            "without news."
        })
final class ReceiveCommand extends EngineCommand {
    /** The longest a run lasts, however busy. */
    private static final Duration MAX_RUN = Duration.ofHours(1);

    @Option(
            names = "--until-idle",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Exit after this many seconds without news (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Override
    ConversationListener listener() {
        return new ConversationListener() {
            @Override
            public void onConversationChanged(Conversation conversation) {
                synchronized (ReceiveCommand.this) {
                    output.result(
                            "[conversation " + conversation.id() + "] "
                                    + conversation.kind().name().toLowerCase()
                                    + (conversation.title().isEmpty() ? "" : " \"" + conversation.title() + "\""),
                            Output.fields(
                                    "event", "conversation",
                                    "conversationId", conversation.id(),
                                    "kind", conversation.kind().name().toLowerCase(),
                                    "title", conversation.title()));
                }
            }

            @Override
            public void onMessage(Message message) {
                if (ownReceipt(message)) {
                    return; // this device confirming what it got: not news
                }
                synchronized (ReceiveCommand.this) {
                    print(message);
                }
            }

            @Override
            public void onDeliveryState(String conversationId, String messageId, DeliveryState state) {
                synchronized (ReceiveCommand.this) {
                    printChange(conversationId, messageId, state);
                }
            }

            @Override
            public void onRemoved(String conversationId) {
                synchronized (ReceiveCommand.this) {
                    output.result(
                            "[conversation " + conversationId + "] you were removed",
                            Output.fields("event", "removed", "conversationId", conversationId));
                }
            }
        };
    }

    private void print(Message message) {
        String text = describe(message.content());
        Map<String, Object> fields = Output.fields(
                "event", "message",
                "conversationId", message.conversationId(),
                "messageId", message.id(),
                "sender", message.senderUserId(),
                "senderDevice", message.senderDeviceId(),
                "text", text,
                "sentAt", message.sentAt().toString(),
                "receivedAt", message.receivedAt().toString(),
                "serverSeq", message.serverSeq());
        attachment(message.content()).ifPresent(f -> fields.put("attachment", f));
        output.result(
                message.conversationId() + "  " + message.id() + "  " + message.senderUserId() + "  sent "
                        + message.sentAt() + "  received " + message.receivedAt() + "  seq " + message.serverSeq()
                        + "\n  " + text,
                fields);
    }

    private boolean ownReceipt(Message message) {
        if (account == null || !message.senderUserId().equals(account.userId())) {
            return false;
        }
        try {
            return Payload.parse(message.content()) instanceof Payload.Receipt;
        } catch (Payload.InvalidPayloadException e) {
            return false;
        }
    }

    /**
     * A stored message changed: an own one was delivered or read (a receipt came), or a received
     * one was edited or deleted by its sender (its content is now the edit or the deletion).
     */
    private void printChange(String conversationId, String messageId, DeliveryState state) {
        String change;
        String text = null;
        if (state == DeliveryState.DELIVERED || state == DeliveryState.READ) {
            change = state == DeliveryState.READ ? "read" : "delivered";
        } else if (state == DeliveryState.RECEIVED) {
            Optional<Message> stored;
            try {
                stored = account.keystore().messages().find(messageId);
            } catch (KeystoreException e) {
                return;
            }
            Payload payload;
            try {
                payload = Payload.parse(stored.map(Message::content).orElse(""));
            } catch (Payload.InvalidPayloadException e) {
                return;
            }
            switch (payload) {
                case Payload.Edit e -> {
                    change = "edited";
                    text = e.text();
                }
                case Payload.Delete d -> change = "deleted";
                default -> {
                    return;
                }
            }
        } else {
            return; // sent or failed: this command sends nothing of its own
        }
        Map<String, Object> fields =
                Output.fields("event", change, "conversationId", conversationId, "messageId", messageId);
        if (text != null) {
            fields.put("text", text);
        }
        output.result(conversationId + "  " + messageId + "  " + change + (text == null ? "" : "\n  " + text), fields);
    }

    /** A file message's attachment for {@code --json}: name, media type, size, SHA-256 (never the key). */
    static java.util.Optional<Map<String, Object>> attachment(String content) {
        try {
            if (Payload.parse(content) instanceof Payload.File f) {
                return java.util.Optional.of(Output.fields(
                        "name",
                        f.fileName(),
                        "mediaType",
                        f.mediaType(),
                        "size",
                        f.size(),
                        "sha256",
                        java.util.HexFormat.of().formatHex(f.sha256().toByteArray()),
                        "text",
                        f.text().orElse(null)));
            }
        } catch (Payload.InvalidPayloadException e) {
            // described as unreadable
        }
        return java.util.Optional.empty();
    }

    /** The text, or what kind of content it is. */
    static String describe(String content) {
        try {
            return switch (Payload.parse(content)) {
                case Payload.Text t -> t.text();
                case Payload.Info i -> "[title: " + i.title() + "]";
                case Payload.RecordNotice n -> "[" + n.text() + "]";
                case Payload.Reaction r -> "[reaction " + r.emoji() + " to " + r.target() + "]";
                case Payload.Unknown u -> "[content from a newer Vermerk]";
                case Payload.Receipt r ->
                    "[" + r.status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + r.targets().size() + " messages]";
                case Payload.HistoryNote h -> "[earlier messages are not available on this device]";
                case Payload.KeyChanged k -> "[the keys of " + k.userId() + " changed: compare the safety number]";
                case Payload.File f -> AttachmentCli.describe(f);
                default -> "[" + content.length() + " bytes]";
            };
        } catch (Payload.InvalidPayloadException e) {
            return "[unreadable content]";
        }
    }

    @Override
    void run(Account account, ConversationEngine engine) throws Exception {
        engine.awaitIdle(Duration.ofSeconds(idleSeconds), MAX_RUN);
        engine.awaitOutboxEmpty(Duration.ofSeconds(5));
    }
}

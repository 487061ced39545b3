package org.vermerk.ui.chat;

import java.util.List;
import java.util.Optional;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.SearchHit;

/** {@link ChatService} over the account's {@link ConversationEngine}. */
public final class EngineChatService implements ChatService {
    private final ConversationEngine engine;

    /** Display names the directory told, by user ID. */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    /** Guarded by this: closed once. */
    private boolean closed;

    /** Null when the account's attachment cache could not be prepared. */
    private final EngineChatFiles files;

    public EngineChatService(ConversationEngine engine) {
        this(engine, null);
    }

    private EngineChatService(ConversationEngine engine, EngineChatFiles files) {
        this.engine = engine;
        this.files = files;
    }

    /**
     * With files: starts the account's attachment service (it uploads again what a crash left). If
     * its cache cannot be prepared the chat works without files, and says why in the log.
     */
    public static EngineChatService withFiles(org.vermerk.app.account.Account account, ConversationEngine engine) {
        EngineChatFiles files = new EngineChatFiles();
        try {
            files.attach(org.vermerk.app.attachment.Attachments.start(account, engine, files));
            return new EngineChatService(engine, files);
        } catch (org.vermerk.app.attachment.AttachmentException e) {
            org.slf4j.LoggerFactory.getLogger(EngineChatService.class)
                    .warn("event=attachments_unavailable error={}", e.getClass().getSimpleName());
            return new EngineChatService(engine, null);
        }
    }

    @Override
    public ChatFiles files() {
        return files;
    }

    @Override
    public String userId() {
        return engine.userId();
    }

    @Override
    public List<Conversation> conversations() throws Exception {
        return engine.conversations().stream().filter(c -> !c.archived()).toList();
    }

    @Override
    public List<Member> members(String conversationId) throws Exception {
        return engine.members(conversationId);
    }

    @Override
    public List<Message> messagesBefore(String conversationId, String beforeId, int limit) throws Exception {
        return engine.messagesBefore(conversationId, beforeId, limit);
    }

    @Override
    public List<Message> messagesAfter(String conversationId, String afterId, int limit) throws Exception {
        return engine.messagesAfter(conversationId, afterId, limit);
    }

    @Override
    public Optional<Message> message(String messageId) throws Exception {
        return engine.message(messageId);
    }

    @Override
    public Message sendText(String conversationId, String text) throws Exception {
        return engine.sendText(conversationId, text);
    }

    @Override
    public Message reply(String conversationId, String replyTo, String text) throws Exception {
        return engine.reply(conversationId, replyTo, text);
    }

    @Override
    public Message edit(String conversationId, String target, String text) throws Exception {
        return engine.edit(conversationId, target, text);
    }

    @Override
    public Message deleteForEveryone(String conversationId, String target) throws Exception {
        return engine.deleteForEveryone(conversationId, target);
    }

    @Override
    public Message react(String conversationId, String target, String emoji) throws Exception {
        return engine.react(conversationId, target, emoji);
    }

    @Override
    public void markRead(String conversationId, List<String> receivedIds, String lastShownId) throws Exception {
        engine.markShown(conversationId, lastShownId);
        if (!receivedIds.isEmpty()) {
            engine.markRead(conversationId, receivedIds);
        }
    }

    @Override
    public int unreadCount(String conversationId) throws Exception {
        return engine.unreadCount(conversationId);
    }

    @Override
    public List<SearchHit> search(String query, String conversationId, int limit) throws Exception {
        return engine.search(query, conversationId, limit);
    }

    @Override
    public int queuedCount() throws Exception {
        return engine.queuedCount();
    }

    /**
     * Asks the directory once per person and session; a failed lookup (offline) is not kept, so
     * the name appears once the server answers.
     */
    @Override
    public String displayName(String userId) throws Exception {
        String known = names.get(userId);
        if (known != null) {
            return known;
        }
        String name = engine.directory()
                .user(userId)
                .map(org.vermerk.app.account.DirectoryUser::displayName)
                .filter(n -> !n.isBlank())
                .orElse(userId);
        engine.rememberDisplayName(userId, name);
        names.put(userId, name);
        return name;
    }

    @Override
    public java.util.Optional<String> storedDisplayName(String userId) throws Exception {
        String known = names.get(userId);
        return known != null ? java.util.Optional.of(known) : engine.storedDisplayName(userId);
    }

    @Override
    public java.util.Set<String> markedMessageIds(String conversationId) throws Exception {
        return engine.markedMessageIds(conversationId);
    }

    @Override
    public ConnectionState connectionState() {
        return engine.connectionState();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (files != null) {
                files.close(); // also deletes the decrypted copies made for opening
            }
            engine.close();
        }
    }
}

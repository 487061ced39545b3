package org.vermerk.ui.chat;

import java.util.List;
import java.util.Optional;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.SearchHit;

/**
 * What the main window asks of the conversation engine: {@link EngineChatService} over {@code
 * ConversationEngine} in the product, an in-memory one in ViewModel tests. Every method but
 * {@link #connectionState()} may block (store, network): call them through the task executor,
 * never on the UI thread.
 */
public interface ChatService extends AutoCloseable {
    String userId();

    /** The conversations, the most recently active first. */
    List<Conversation> conversations() throws Exception;

    List<Member> members(String conversationId) throws Exception;

    /** Messages stored before {@code beforeId} (null: the newest), oldest first. */
    List<Message> messagesBefore(String conversationId, String beforeId, int limit) throws Exception;

    /** Messages stored after {@code afterId}, oldest first. */
    List<Message> messagesAfter(String conversationId, String afterId, int limit) throws Exception;

    Optional<Message> message(String messageId) throws Exception;

    /** Stores and queues a text; the engine reports it through {@code onMessage}. Works offline. */
    Message sendText(String conversationId, String text) throws Exception;

    /** Stores and queues a text that answers {@code replyTo}; reported like any sent text. */
    Message reply(String conversationId, String replyTo, String text) throws Exception;

    /** Replaces the text of an own message for everyone; the edit is a message of its own. */
    Message edit(String conversationId, String target, String text) throws Exception;

    /** Deletes an own message for everyone; the deletion is a message of its own. */
    Message deleteForEveryone(String conversationId, String target) throws Exception;

    /** Adds a reaction (one emoji) to a message. */
    Message react(String conversationId, String target, String emoji) throws Exception;

    /**
     * The user saw the conversation up to {@code lastShownId}: the unread count starts after it,
     * and the senders of {@code receivedIds} get a read receipt (none sent when empty).
     */
    void markRead(String conversationId, List<String> receivedIds, String lastShownId) throws Exception;

    /** Texts from others after the last one shown. */
    int unreadCount(String conversationId) throws Exception;

    /** Messages whose text matches {@code query}, newest first; {@code conversationId} null: all. */
    List<SearchHit> search(String query, String conversationId, int limit) throws Exception;

    /** Messages in the outbox, waiting for the server. */
    int queuedCount() throws Exception;

    ConnectionState connectionState();

    /** The messages of the conversation marked as record-relevant. */
    default java.util.Set<String> markedMessageIds(String conversationId) throws Exception {
        return java.util.Set.of();
    }

    /** A person's display name (the directory's), or the user ID when it is not known. */
    default String displayName(String userId) throws Exception {
        return userId;
    }

    /**
     * The person's display name as this device stored it from an earlier directory answer; empty
     * when none is stored. Never waits for the network.
     */
    default java.util.Optional<String> storedDisplayName(String userId) throws Exception {
        return java.util.Optional.empty();
    }

    /** Files in conversations (ADR 0021); null when this service has none (the attach button is hidden). */
    default ChatFiles files() {
        return null;
    }

    /** Stops the engine and its connection; idempotent. The account stays open. */
    @Override
    void close();
}

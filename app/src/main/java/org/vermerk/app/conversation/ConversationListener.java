package org.vermerk.app.conversation;

import org.vermerk.app.connection.ConnectionState;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Message;

/**
 * What the {@link ConversationEngine} reports, for a UI or a script. Plain Java: a UI moves the
 * calls to its own thread. Calls come from the engine's threads — each conversation's events from
 * that conversation's worker, in order; connection states from the connection's event thread — and
 * always after the change is stored. Methods should return quickly.
 */
public interface ConversationListener {
    /** A conversation was created, joined, renamed or its members changed. */
    default void onConversationChanged(Conversation conversation) {}

    /** A message was stored: sent by us (state PENDING) or received (state RECEIVED). */
    default void onMessage(Message message) {}

    /** An own message's delivery state changed (SENT, DELIVERED, READ), or a received one was edited or deleted. */
    default void onDeliveryState(String conversationId, String messageId, DeliveryState state) {}

    /**
     * Something that arrived for this conversation did not verify or decrypt — changed on the way
     * or at the server, or not readable by this device: it was not stored and is not shown, and the
     * conversation goes on. {@code logIndex} is its place in the group's server log (null if the
     * server gave none); {@code reason} names the rule it broke (an RFC 9420 validation rule ID such
     * as {@code FRAMING-3}) or the error's type, never content.
     */
    default void onMessageRejected(String conversationId, Long logIndex, String reason) {}

    /** We were removed from a conversation (or left it); nothing more can be sent there. */
    default void onRemoved(String conversationId) {}

    default void onConnectionState(ConnectionState state) {}

    /**
     * A member's device keys changed (ADR 0014): a warning was stored in each of {@code
     * conversationIds}, and sending there waits for {@link ConversationEngine#acknowledgeKeyChange}.
     */
    default void onKeyChanged(String userId, java.util.List<String> conversationIds) {}

    /** A contact's trust state changed by verifying, a key change or its acknowledgement. */
    default void onTrustChanged(String userId, TrustState trust) {}
}

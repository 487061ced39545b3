package org.vermerk.ui.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vermerk.app.connection.ConnectionState;
import org.vermerk.app.conversation.ConversationListener;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Conversation;
import org.vermerk.keystore.DeliveryState;
import org.vermerk.keystore.Member;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.SearchHit;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.ui.chat.ChatService;

/**
 * An in-memory {@link ChatService} for ViewModel tests: conversations and messages in lists, sends
 * stored at once (PENDING, queued) and reported to the listener as the engine does; read markers
 * and receipts recorded.
 */
public final class FakeChatService implements ChatService {
    public record Receipt(String conversationId, List<String> messageIds, String lastShownId) {}

    private final String userId;
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, List<Member>> members = new HashMap<>();
    private final Map<String, List<Message>> messages = new HashMap<>();
    private final Map<String, String> lastShown = new HashMap<>();
    public final List<Receipt> receipts = new ArrayList<>();
    public int queued;
    public boolean closed;
    public ConversationListener listener;
    private int next;

    public FakeChatService(String userId) {
        this.userId = userId;
    }

    public FakeChatService listening(ConversationListener l) {
        this.listener = l;
        return this;
    }

    public Conversation addConversation(
            String id, Conversation.Kind kind, String title, String classification, String... others) {
        Conversation c = new Conversation(
                id,
                Bytes.of(new byte[] {1}),
                kind,
                title,
                classification,
                Instant.parse("2026-11-01T08:00:00Z"),
                false);
        conversations.put(id, c);
        List<Member> list = new ArrayList<>();
        list.add(new Member(userId, Member.Role.ADMIN, Instant.EPOCH));
        for (String other : others) {
            list.add(new Member(other, Member.Role.MEMBER, Instant.EPOCH));
        }
        members.put(id, list);
        messages.put(id, new ArrayList<>());
        return c;
    }

    /** Stores a message as received (not reported). */
    public Message receive(String conversationId, String sender, Instant sentAt, String text) {
        Message m = Message.of(
                "m" + (++next),
                conversationId,
                (long) next,
                sender,
                "dev",
                sentAt,
                sentAt,
                "{\"v\":1,\"id\":\"m" + next + "\",\"sentAt\":" + sentAt.toEpochMilli()
                        + ",\"type\":\"text\",\"text\":\""
                        + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}",
                text,
                sender.equals(userId) ? DeliveryState.SENT : DeliveryState.RECEIVED);
        messages.get(conversationId).add(m);
        return m;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public List<Conversation> conversations() {
        return List.copyOf(conversations.values());
    }

    @Override
    public List<Member> members(String conversationId) {
        return members.get(conversationId);
    }

    @Override
    public List<Message> messagesBefore(String conversationId, String beforeId, int limit) {
        List<Message> all = messages.get(conversationId);
        int end = beforeId == null ? all.size() : indexOf(all, beforeId);
        return List.copyOf(all.subList(Math.max(0, end - limit), end));
    }

    @Override
    public List<Message> messagesAfter(String conversationId, String afterId, int limit) {
        List<Message> all = messages.get(conversationId);
        int start = indexOf(all, afterId) + 1;
        return List.copyOf(all.subList(start, Math.min(all.size(), start + limit)));
    }

    private static int indexOf(List<Message> all, String id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no message " + id);
    }

    @Override
    public Optional<Message> message(String messageId) {
        return messages.values().stream()
                .flatMap(List::stream)
                .filter(m -> m.id().equals(messageId))
                .findFirst();
    }

    /** Files for the chat (ADR 0021); null: none, as before. */
    public org.vermerk.ui.chat.ChatFiles files;

    @Override
    public org.vermerk.ui.chat.ChatFiles files() {
        return files;
    }

    /** Stores a message with any content (a file's payload) and reports it, as the engine does. */
    public Message store(Message message) {
        messages.get(message.conversationId()).add(message);
        if (listener != null) {
            listener.onMessage(message);
        }
        return message;
    }

    @Override
    public Message sendText(String conversationId, String text) {
        return send(conversationId, (id, at) -> new Payload.Text(id, at, text, Optional.empty()));
    }

    @Override
    public Message reply(String conversationId, String replyTo, String text) {
        return send(conversationId, (id, at) -> new Payload.Text(id, at, text, Optional.of(replyTo)));
    }

    @Override
    public Message edit(String conversationId, String target, String text) {
        return send(conversationId, (id, at) -> new Payload.Edit(id, at, target, text));
    }

    @Override
    public Message deleteForEveryone(String conversationId, String target) {
        return send(conversationId, (id, at) -> new Payload.Delete(id, at, target));
    }

    @Override
    public Message react(String conversationId, String target, String emoji) {
        return send(conversationId, (id, at) -> new Payload.Reaction(id, at, target, emoji));
    }

    /** Every send fails with this until set back to null (nothing is stored then). */
    public RuntimeException failSends;

    /** Stores an own message as the engine does (PENDING, queued) and reports it. */
    private Message send(String conversationId, java.util.function.BiFunction<String, Instant, Payload> payload) {
        if (failSends != null) {
            throw failSends;
        }
        String id = "m" + (++next);
        Instant at = Instant.parse("2026-11-27T09:00:00Z").plusSeconds(next);
        Payload p = payload.apply(id, at);
        Message pending = new Message(
                id,
                conversationId,
                null,
                userId,
                "dev",
                at,
                at,
                p.json(),
                p.searchText().orElse(null),
                DeliveryState.PENDING,
                null);
        messages.get(conversationId).add(pending);
        queued++;
        if (listener != null) {
            listener.onMessage(pending);
        }
        return pending;
    }

    @Override
    public void markRead(String conversationId, List<String> receivedIds, String lastShownId) {
        lastShown.put(conversationId, lastShownId);
        receipts.add(new Receipt(conversationId, List.copyOf(receivedIds), lastShownId));
    }

    @Override
    public int unreadCount(String conversationId) {
        List<Message> all = messages.get(conversationId);
        String shown = lastShown.get(conversationId);
        int start = shown == null ? 0 : indexOf(all, shown) + 1;
        int count = 0;
        for (Message m : all.subList(start, all.size())) {
            if (!m.senderUserId().equals(userId) && m.searchText() != null) {
                count++;
            }
        }
        return count;
    }

    /** Case-insensitive substring search over the texts (the real one is FTS5 in the keystore). */
    @Override
    public List<SearchHit> search(String query, String conversationId, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        String q = query.toLowerCase(java.util.Locale.ROOT);
        for (List<Message> list : messages.values()) {
            for (Message m : list.reversed()) {
                if ((conversationId == null || conversationId.equals(m.conversationId()))
                        && m.searchText() != null
                        && m.searchText().toLowerCase(java.util.Locale.ROOT).contains(q)) {
                    hits.add(new SearchHit(m.conversationId(), m.id(), m.sentAt(), m.searchText(), List.of()));
                }
            }
        }
        hits.sort(java.util.Comparator.comparing(SearchHit::sentAt).reversed());
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    @Override
    public int queuedCount() {
        return queued;
    }

    @Override
    public ConnectionState connectionState() {
        return state;
    }

    /** What {@link #connectionState()} answers; the engine's state at the start by default. */
    public ConnectionState state = new ConnectionState.Connecting(0);

    /** Display names the directory answers with; each answer is counted in {@link #directoryAsked}. */
    public final Map<String, String> directory = new HashMap<>();

    /** Display names stored on the device from earlier directory answers. */
    public final Map<String, String> storedNames = new HashMap<>();

    public int directoryAsked;

    @Override
    public String displayName(String userId) {
        directoryAsked++;
        return directory.getOrDefault(userId, userId);
    }

    @Override
    public java.util.Optional<String> storedDisplayName(String userId) {
        return java.util.Optional.ofNullable(storedNames.get(userId));
    }

    @Override
    public void close() {
        closed = true;
    }
}

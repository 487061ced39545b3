package org.vermerk.ui.chat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Message;

/**
 * Turns stored messages into the rows the chat shows, as the engine stores them: a received edit
 * or deletion has replaced its target's content; our own edits, deletions and everybody's
 * reactions are messages of their own, folded here onto their target; read receipts are not shown.
 * A day separator goes above the first message of each day; in groups the sender's name above the
 * first of a run of messages by the same sender. Pure: no toolkit, no store.
 */
public final class ChatTimeline {
    /** How much of a replied-to text the reply shows. */
    static final int REPLY_SNIPPET = 80;

    private ChatTimeline() {}

    /**
     * @param messages a window of one conversation's stored messages, oldest first
     */
    public static List<ChatRow> rows(List<Message> messages, String ownUserId, boolean group, ZoneId zone) {
        return rows(messages, ownUserId, group, zone, java.util.Set.of());
    }

    /** @param marked the IDs of messages held by a mark for the records */
    public static List<ChatRow> rows(
            List<Message> messages, String ownUserId, boolean group, ZoneId zone, java.util.Set<String> marked) {
        return rows(messages, ownUserId, group, zone, marked, ChatTimeline::parse);
    }

    /** @param payloads a message's payload ({@link #parse}, or a cache of it) */
    static List<ChatRow> rows(
            List<Message> messages,
            String ownUserId,
            boolean group,
            ZoneId zone,
            java.util.Set<String> marked,
            java.util.function.Function<Message, Payload> payloads) {
        Map<String, String> editedText = new HashMap<>();
        Map<String, Boolean> deleted = new HashMap<>();
        // per target and emoji the people who reacted: the same reaction twice by one person counts once
        Map<String, Map<String, java.util.Set<String>>> reactions = new HashMap<>();
        Map<String, Payload> parsed = new LinkedHashMap<>();
        for (Message m : messages) {
            Payload p = payloads.apply(m);
            parsed.put(m.id(), p);
            switch (p) {
                case Payload.Edit e when !e.target().equals(m.id()) -> editedText.put(e.target(), e.text());
                case Payload.Delete d when !d.target().equals(m.id()) -> deleted.put(d.target(), true);
                case Payload.Reaction r ->
                    reactions
                            .computeIfAbsent(r.target(), t -> new LinkedHashMap<>())
                            .computeIfAbsent(r.emoji(), e -> new java.util.HashSet<>())
                            .add(m.senderUserId());
                default -> {}
            }
        }
        Map<String, String> texts = new HashMap<>();
        List<ChatRow> rows = new ArrayList<>();
        LocalDate day = null;
        String previousSender = null;
        for (Message m : messages) {
            Payload p = parsed.get(m.id());
            ChatRow.Kind kind;
            String text;
            String replyTo = null;
            boolean edited = m.editedAt() != null;
            switch (p) {
                case Payload.Text t -> {
                    kind = ChatRow.Kind.TEXT;
                    text = t.text();
                    if (t.replyTo().isPresent()) {
                        String quoted = texts.get(t.replyTo().get());
                        replyTo = quoted == null ? "" : snippet(quoted);
                    }
                }
                case Payload.Edit e
                when e.target().equals(m.id()) -> {
                    kind = ChatRow.Kind.TEXT;
                    text = e.text();
                    edited = true;
                }
                case Payload.Delete d
                when d.target().equals(m.id()) -> {
                    kind = ChatRow.Kind.TEXT;
                    text = null;
                }
                case Payload.Info i -> {
                    kind = ChatRow.Kind.TITLE;
                    text = i.title();
                }
                case Payload.RecordNotice n -> {
                    kind = ChatRow.Kind.RECORD_NOTICE;
                    text = n.text();
                }
                case Payload.KeyChanged k -> {
                    kind = ChatRow.Kind.KEY_CHANGED;
                    text = k.userId();
                }
                case Payload.HistoryNote h -> {
                    kind = ChatRow.Kind.HISTORY_NOTE;
                    text = "";
                }
                case Payload.Unknown u -> {
                    kind = ChatRow.Kind.UNKNOWN;
                    text = "";
                }
                case Payload.File f -> {
                    kind = ChatRow.Kind.FILE;
                    text = f.text().orElse("");
                }
                default -> {
                    continue; // folded onto its target, or a receipt
                }
            }
            if (editedText.containsKey(m.id())) {
                text = editedText.get(m.id());
                edited = true;
            }
            if (deleted.containsKey(m.id())) {
                text = null;
            }
            if (text != null) {
                texts.put(m.id(), text);
            }
            LocalDate date = m.sentAt().atZone(zone).toLocalDate();
            if (!date.equals(day)) {
                rows.add(new ChatRow.Day(date));
                day = date;
                previousSender = null;
            }
            boolean own = m.senderUserId().equals(ownUserId);
            boolean content = kind == ChatRow.Kind.TEXT || kind == ChatRow.Kind.FILE;
            boolean showSender = group && !own && content && !m.senderUserId().equals(previousSender);
            previousSender = content ? m.senderUserId() : null;
            rows.add(new ChatRow.MessageRow(
                    m.id(),
                    kind,
                    m.senderUserId(),
                    showSender ? m.senderUserId() : null,
                    own,
                    text,
                    edited && text != null,
                    replyTo,
                    reactionText(reactions.get(m.id())),
                    m.sentAt(),
                    m.deliveryState(),
                    p instanceof Payload.RecordNotice n ? n : null,
                    marked.contains(m.id())));
        }
        return rows;
    }

    /** The last message row of a window, or null (the conversation list's preview). */
    public static ChatRow.MessageRow last(List<Message> messages, String ownUserId, ZoneId zone) {
        List<ChatRow> rows = rows(messages, ownUserId, false, zone);
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof ChatRow.MessageRow row) {
                return row;
            }
        }
        return null;
    }

    /** Whether a stored message is one the user reads (a text or notice), not a reaction or receipt. */
    public static boolean readable(Message m) {
        return m.searchText() != null;
    }

    static Payload parse(Message m) {
        try {
            return Payload.parse(m.content());
        } catch (Payload.InvalidPayloadException e) {
            return new Payload.Unknown(m.id(), m.sentAt(), "");
        }
    }

    static String snippet(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= REPLY_SNIPPET ? oneLine : oneLine.substring(0, REPLY_SNIPPET - 1) + "…";
    }

    private static String reactionText(Map<String, java.util.Set<String>> people) {
        if (people == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        people.forEach((emoji, who) -> {
            int n = who.size();
            if (!out.isEmpty()) {
                out.append("  ");
            }
            out.append(emoji).append(n > 1 ? " " + n : "");
        });
        return out.toString();
    }
}

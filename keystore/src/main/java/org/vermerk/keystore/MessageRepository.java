package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.keystore.internal.Database;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Messages, their edit history, attachments and full-text search. Messages are stored through
 * {@link Transition}s (together with the group state that produced them); this class reads them
 * and keeps the metadata that does not touch the group (attachments, local deletion).
 */
public final class MessageRepository {
    /** Marks a match in FTS5 snippets; control characters that message text does not carry. */
    private static final String OPEN = "\u0002";

    private static final String CLOSE = "\u0003";
    private static final int SNIPPET_TOKENS = 12;

    private final Database db;

    MessageRepository(Database db) {
        this.db = db;
    }

    public Optional<Message> find(String id) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(map(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * A page of a conversation's messages in the order they were stored, newest last.
     *
     * @param beforeId return messages stored before this one (null: the newest)
     */
    public List<Message> page(String conversationId, String beforeId, int limit) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    SELECT + " WHERE conversation_id = ? AND seq < coalesce((SELECT seq FROM messages WHERE id = ?),"
                            + " 9223372036854775807) AND deleted_at IS NULL ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, conversationId);
                s.setString(2, beforeId);
                s.setInt(3, limit);
                try (ResultSet rows = s.executeQuery()) {
                    List<Message> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(map(rows));
                    }
                    return result.reversed();
                }
            }
        });
    }

    /**
     * A page of a conversation's messages stored after one, oldest first (a chat view that dropped
     * its newest rows to stay small reads them again with this).
     */
    public List<Message> pageAfter(String conversationId, String afterId, int limit) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " WHERE conversation_id = ? AND seq > (SELECT seq FROM messages WHERE id = ?)"
                    + " AND deleted_at IS NULL ORDER BY seq LIMIT ?")) {
                s.setString(1, conversationId);
                s.setString(2, afterId);
                s.setInt(3, limit);
                try (ResultSet rows = s.executeQuery()) {
                    List<Message> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(map(rows));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * How many messages with searchable text (texts, record notices; not reactions, receipts or
     * messages deleted for everyone) others sent to a conversation after one: the unread count
     * when {@code afterId} is the last one read.
     *
     * @param afterId count after this message; null: count all
     */
    public int countTextsAfter(String conversationId, String afterId, String exceptSender) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM messages WHERE conversation_id = ?"
                    + " AND seq > coalesce((SELECT seq FROM messages WHERE id = ?), 0) AND sender_user_id <> ?"
                    + " AND search_text IS NOT NULL AND deleted_at IS NULL")) {
                s.setString(1, conversationId);
                s.setString(2, afterId);
                s.setString(3, exceptSender);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    public long count() throws KeystoreException {
        return db.read(c -> {
            try (var s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM messages")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Earlier contents of an edited message, oldest first. */
    public List<String> revisions(String messageId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT r.content FROM message_revisions r JOIN messages m ON m.seq = r.message_seq"
                            + " WHERE m.id = ? ORDER BY r.revision")) {
                s.setString(1, messageId);
                try (ResultSet rows = s.executeQuery()) {
                    List<String> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(rows.getString(1));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * Deletes a message's content on this device (the user's "delete for me"): the text, its search
     * entry and its revisions are overwritten on disk; an empty tombstone keeps the ID so that a
     * late copy is not stored again. Fails while the message lies in a record mark's range (the mark
     * keeps the marked version either way; its history before the mark would be lost).
     */
    public void deleteLocally(String messageId, Instant at) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM record_mark_messages mm JOIN record_marks r ON r.id = mm.mark_id"
                            + " WHERE mm.message_id = ? AND r.revoked_at IS NULL")) {
                s.setString(1, messageId);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        throw new KeystoreException("a record-relevant message cannot be deleted");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM message_revisions WHERE message_seq = (SELECT seq FROM messages WHERE id = ?)")) {
                s.setString(1, messageId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE messages SET content = '', search_text = NULL, deleted_at = ? WHERE id = ?")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, messageId);
                return s.executeUpdate();
            }
        });
    }

    /**
     * Full-text search over message text, newest first. The query is taken as words (never as FTS5
     * syntax): every word must occur; the last word also as a prefix (search as you type: "Sitz"
     * finds "Sitzung"). Case and German diacritics are folded ("koln" finds "Köln"); "ß" stays "ß".
     *
     * @param conversationId restrict to one conversation, or null for all
     */
    public List<SearchHit> search(String query, String conversationId, int limit) throws KeystoreException {
        String match = ftsQuery(query);
        if (match.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT m.conversation_id, m.id, m.sent_at, snippet(message_search, 0, ?, ?, '…', ?)
                    FROM message_search JOIN messages m ON m.seq = message_search.rowid
                    WHERE message_search MATCH ? AND (? IS NULL OR m.conversation_id = ?)
                    ORDER BY message_search.rowid DESC LIMIT ?""")) {
                s.setString(1, OPEN);
                s.setString(2, CLOSE);
                s.setInt(3, SNIPPET_TOKENS);
                s.setString(4, match);
                s.setString(5, conversationId);
                s.setString(6, conversationId);
                s.setInt(7, limit);
                try (ResultSet rows = s.executeQuery()) {
                    List<SearchHit> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(hit(rows));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * Turns user input into an FTS5 query: quoted terms joined by AND, the last one a prefix. Only
     * letters and digits reach the query, so no input is read as FTS5 syntax. Whole words use the
     * term's own doclist; a prefix term merges the doclists of all words it starts, so only the word
     * being typed is one.
     */
    static String ftsQuery(String query) {
        List<String> words = new ArrayList<>();
        for (String word : query.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            match.append(i == 0 ? "" : " AND ").append('"').append(words.get(i)).append('"');
            if (i == words.size() - 1) {
                match.append('*');
            }
        }
        return match.toString();
    }

    /**
     * Merges the search index into one segment (FTS5 {@code optimize}): faster queries, and text of
     * deleted messages leaves the index. Seconds on a large store; for idle-time maintenance.
     */
    public void optimizeSearchIndex() throws KeystoreException {
        db.write(c -> {
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO message_search (message_search) VALUES ('optimize')");
            }
            return null;
        });
    }

    private static SearchHit hit(ResultSet rows) throws SQLException {
        String marked = rows.getString(4);
        StringBuilder text = new StringBuilder();
        List<SearchHit.Highlight> highlights = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == OPEN.charAt(0)) {
                start = text.length();
            } else if (ch == CLOSE.charAt(0)) {
                if (start >= 0) {
                    highlights.add(new SearchHit.Highlight(start, text.length()));
                }
                start = -1;
            } else {
                text.append(ch);
            }
        }
        return new SearchHit(
                rows.getString(1),
                rows.getString(2),
                Instant.ofEpochMilli(rows.getLong(3)),
                text.toString(),
                highlights);
    }

    public void saveAttachment(Attachment attachment) throws KeystoreException {
        db.write(c -> {
            saveAttachment(c, attachment);
            return null;
        });
    }

    static void saveAttachment(Connection c, Attachment attachment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT OR REPLACE INTO attachments (id, message_id, file_name, media_type, size, sha256,
                  file_key, blob_ref, local_path, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, attachment.id());
            s.setString(2, attachment.messageId());
            s.setString(3, attachment.fileName());
            s.setString(4, attachment.mediaType());
            s.setLong(5, attachment.size());
            s.setBytes(6, attachment.sha256().toByteArray());
            byte[] key = attachment.fileKey().expose();
            s.setBytes(7, key);
            s.setString(8, attachment.blobRef());
            s.setString(9, attachment.localPath());
            s.setInt(10, attachment.state().ordinal());
            s.executeUpdate();
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    /** Sets an attachment's state (and where its decrypted file was saved: null keeps it). */
    public void attachmentState(String attachmentId, Attachment.State state) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE attachments SET state = ? WHERE id = ?")) {
                s.setInt(1, state.ordinal());
                s.setString(2, attachmentId);
                return s.executeUpdate();
            }
        });
    }

    /** One attachment by its ID. */
    public Optional<Attachment> attachment(String attachmentId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(ATTACHMENT_SELECT + " WHERE id = ?")) {
                s.setString(1, attachmentId);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(mapAttachment(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The attachments in a state, oldest message first (uploads a crash interrupted: {@code UPLOADING}). */
    public List<Attachment> attachmentsIn(Attachment.State state) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(ATTACHMENT_SELECT
                    + " a WHERE a.state = ? ORDER BY (SELECT seq FROM messages m WHERE m.id = a.message_id)")) {
                s.setInt(1, state.ordinal());
                try (ResultSet rows = s.executeQuery()) {
                    List<Attachment> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapAttachment(rows));
                    }
                    return result;
                }
            }
        });
    }

    private static final String ATTACHMENT_SELECT =
            "SELECT id, message_id, file_name, media_type, size, sha256, file_key, blob_ref, local_path, state"
                    + " FROM attachments";

    private static Attachment mapAttachment(ResultSet rows) throws SQLException {
        return new Attachment(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getLong(5),
                Bytes.of(rows.getBytes(6)),
                Secret.wrap(rows.getBytes(7)),
                rows.getString(8),
                rows.getString(9),
                Attachment.State.values()[rows.getInt(10)]);
    }

    public List<Attachment> attachments(String messageId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, message_id, file_name, media_type, size, sha256, file_key, blob_ref, local_path, state
                    FROM attachments WHERE message_id = ? ORDER BY id""")) {
                s.setString(1, messageId);
                try (ResultSet rows = s.executeQuery()) {
                    List<Attachment> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(new Attachment(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getLong(5),
                                Bytes.of(rows.getBytes(6)),
                                Secret.wrap(rows.getBytes(7)),
                                rows.getString(8),
                                rows.getString(9),
                                Attachment.State.values()[rows.getInt(10)]));
                    }
                    return result;
                }
            }
        });
    }

    private static final String SELECT = """
            SELECT id, conversation_id, server_seq, sender_user_id, sender_device_id, sent_at, received_at,
              content, search_text, delivery_state, edited_at FROM messages""";

    private static Message map(ResultSet rows) throws SQLException {
        long serverSeq = rows.getLong(3);
        Long server = rows.wasNull() ? null : serverSeq;
        long edited = rows.getLong(11);
        Instant editedAt = rows.wasNull() ? null : Instant.ofEpochMilli(edited);
        return new Message(
                rows.getString(1),
                rows.getString(2),
                server,
                rows.getString(4),
                rows.getString(5),
                Instant.ofEpochMilli(rows.getLong(6)),
                Instant.ofEpochMilli(rows.getLong(7)),
                rows.getString(8),
                rows.getString(9),
                DeliveryState.ofCode(rows.getInt(10)),
                editedAt);
    }

    static final String INSERT = """
            INSERT INTO messages (id, conversation_id, server_seq, sender_user_id, sender_device_id,
              sent_at, received_at, content, search_text, delivery_state, edited_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""";

    /**
     * Inserts a message with a statement prepared from {@link #INSERT} (reused across a transition's
     * messages); false when its ID is already stored (then nothing changes).
     */
    static boolean insert(PreparedStatement s, Message m) throws SQLException {
        s.setString(1, m.id());
        s.setString(2, m.conversationId());
        TransitionWriter.setNullableLong(s, 3, m.serverSeq());
        s.setString(4, m.senderUserId());
        s.setString(5, m.senderDeviceId());
        s.setLong(6, m.sentAt().toEpochMilli());
        s.setLong(7, m.receivedAt().toEpochMilli());
        s.setString(8, m.content());
        s.setString(9, m.searchText());
        s.setInt(10, m.deliveryState().code());
        TransitionWriter.setNullableLong(
                s, 11, m.editedAt() == null ? null : m.editedAt().toEpochMilli());
        return s.executeUpdate() == 1;
    }

    /** The highest message {@code seq} so far (0 in an empty store): new messages get higher ones. */
    static long lastSeq(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var rows = s.executeQuery("SELECT coalesce(max(seq), 0) FROM messages")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Adds the messages stored after {@code afterSeq} to the search index, in one statement (schema
     * migration 5 says why not by a trigger per row). Duplicates were not stored, so they have no
     * new {@code seq} and are not indexed twice; messages without search text are not indexed.
     */
    static void indexNewMessages(Connection c, long afterSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO message_search (rowid, search_text)
                SELECT seq, search_text FROM messages WHERE seq > ? AND search_text IS NOT NULL""")) {
            s.setLong(1, afterSeq);
            s.executeUpdate();
        }
    }

    static void edit(Connection c, String messageId, String content, String searchText, Instant editedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO message_revisions (message_seq, revision, content, replaced_at)
                SELECT seq, (SELECT count(*) FROM message_revisions r WHERE r.message_seq = m.seq) + 1, content, ?
                FROM messages m WHERE id = ? AND deleted_at IS NULL""")) {
            s.setLong(1, editedAt.toEpochMilli());
            s.setString(2, messageId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE messages SET content = ?, search_text = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL")) {
            s.setString(1, content);
            s.setString(2, searchText);
            s.setLong(3, editedAt.toEpochMilli());
            s.setString(4, messageId);
            s.executeUpdate();
        }
    }
}

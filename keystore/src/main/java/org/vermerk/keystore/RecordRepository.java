package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vermerk.keystore.internal.Database;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Record marks ("aktenrelevant") and their audit log. A mark covers a range of one conversation's
 * messages, kept in the version they had when marked. Every change to a mark writes audit entries
 * in the same transaction; the audit log and the marked versions are append-only (the database
 * refuses updates and deletes of them), marks are changed only until exported, and revoked, never
 * deleted.
 */
public final class RecordRepository {
    private final Database db;
    private final Clock clock;

    RecordRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Marks the messages from the first to the last (inclusive, in the server's order; deleted
     * messages between them are skipped) and keeps their current content as the marked version.
     *
     * @return the stored mark
     * @throws RecordMarkRangeException when either end is unknown, in another conversation, not yet
     *     accepted by the server or deleted, or the first comes after the last
     */
    public RecordMark mark(RecordMark.New mark) throws KeystoreException {
        Instant now = clock.instant();
        db.write(c -> {
            long first = rangeEnd(c, mark.conversationId(), mark.firstMessageId());
            long last = rangeEnd(c, mark.conversationId(), mark.lastMessageId());
            if (first > last) {
                throw new RecordMarkRangeException("the range's first message comes after its last");
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO record_marks (id, message_id, file_reference, subject, note, marked_by, marked_at,
                      conversation_id, last_message_id, include_attachments, classification)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, mark.id());
                s.setString(2, mark.firstMessageId());
                s.setString(3, mark.fileReference());
                s.setString(4, mark.subject());
                s.setString(5, mark.note());
                s.setString(6, mark.markedBy());
                s.setLong(7, now.toEpochMilli());
                s.setString(8, mark.conversationId());
                s.setString(9, mark.lastMessageId());
                s.setInt(10, mark.includeAttachments() ? 1 : 0);
                s.setString(11, mark.classification());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO record_mark_messages (mark_id, position, message_id, marked_content, revisions_at_mark)
                    SELECT ?, row_number() OVER (ORDER BY server_seq) - 1, id, content,
                      (SELECT count(*) FROM message_revisions r WHERE r.message_seq = messages.seq)
                    FROM messages
                    WHERE conversation_id = ? AND server_seq BETWEEN ? AND ? AND deleted_at IS NULL""")) {
                s.setString(1, mark.id());
                s.setString(2, mark.conversationId());
                s.setLong(3, first);
                s.setLong(4, last);
                s.executeUpdate();
            }
            audit(c, mark.id(), AuditEntry.Action.MARKED, mark.markedBy(), now, mark.fileReference(), null, null, null);
            return null;
        });
        return find(mark.id()).orElseThrow();
    }

    /** The server position of a range's end, after checking that it can be marked. */
    private static long rangeEnd(Connection c, String conversationId, String messageId)
            throws SQLException, KeystoreException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT conversation_id, server_seq, deleted_at FROM messages WHERE id = ?")) {
            s.setString(1, messageId);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next() || !rows.getString(1).equals(conversationId)) {
                    throw new RecordMarkRangeException("the message is not in this conversation");
                }
                long serverSeq = rows.getLong(2);
                if (rows.wasNull()) {
                    throw new RecordMarkRangeException("the message has not yet been accepted by the server");
                }
                rows.getLong(3);
                if (!rows.wasNull()) {
                    throw new RecordMarkRangeException("the message was deleted");
                }
                return serverSeq;
            }
        }
    }

    /**
     * Sets a mark's file reference, subject, note and attachment choice; one audit entry per changed
     * field (none when nothing changed).
     *
     * @return the mark as stored now
     * @throws RecordMarkExportedException when the mark was exported
     */
    public RecordMark change(String markId, RecordMark.Fields fields, String actor) throws KeystoreException {
        Objects.requireNonNull(fields);
        Instant now = clock.instant();
        db.write(c -> {
            RecordMark current = editable(c, markId);
            changed(c, markId, actor, now, AuditEntry.FILE_REFERENCE, current.fileReference(), fields.fileReference());
            changed(c, markId, actor, now, AuditEntry.SUBJECT, current.subject(), fields.subject());
            changed(c, markId, actor, now, AuditEntry.NOTE, current.note(), fields.note());
            changed(
                    c,
                    markId,
                    actor,
                    now,
                    AuditEntry.INCLUDE_ATTACHMENTS,
                    String.valueOf(current.includeAttachments()),
                    String.valueOf(fields.includeAttachments()));
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE record_marks SET file_reference = ?, subject = ?, note = ?, include_attachments = ?
                    WHERE id = ?""")) {
                s.setString(1, fields.fileReference());
                s.setString(2, fields.subject());
                s.setString(3, fields.note());
                s.setInt(4, fields.includeAttachments() ? 1 : 0);
                s.setString(5, markId);
                s.executeUpdate();
            }
            return null;
        });
        return find(markId).orElseThrow();
    }

    private static void changed(
            Connection c, String markId, String actor, Instant at, String field, String before, String after)
            throws SQLException {
        if (!Objects.equals(before, after)) {
            audit(c, markId, AuditEntry.Action.CHANGED, actor, at, null, field, before, after);
        }
    }

    /** The mark, if it exists, is not revoked and not exported; else the matching failure. */
    private static RecordMark editable(Connection c, String markId) throws SQLException, KeystoreException {
        RecordMark mark = find(c, markId).orElseThrow(() -> new KeystoreException("no such record mark"));
        if (mark.revoked()) {
            throw new KeystoreException("the record mark was revoked");
        }
        if (mark.exported()) {
            throw new RecordMarkExportedException("the record mark was exported and is kept as filed");
        }
        return mark;
    }

    /** Withdraws a mark that was not exported. */
    public void revoke(String markId, String actor) throws KeystoreException {
        Instant now = clock.instant();
        db.write(c -> {
            editable(c, markId);
            try (PreparedStatement s = c.prepareStatement("UPDATE record_marks SET revoked_at = ? WHERE id = ?")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, markId);
                s.executeUpdate();
            }
            audit(c, markId, AuditEntry.Action.REVOKED, actor, now, null, null, null, null);
            return null;
        });
    }

    /**
     * Notes an export of the mark. The first export's time stays; each export is in the audit log
     * and the latest reference is kept.
     */
    public void markExported(String markId, String exportRef, String actor) throws KeystoreException {
        Instant now = clock.instant();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE record_marks SET exported_at = coalesce(exported_at, ?), export_ref = ?
                    WHERE id = ? AND revoked_at IS NULL""")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, exportRef);
                s.setString(3, markId);
                if (s.executeUpdate() != 1) {
                    throw new KeystoreException("no such active record mark");
                }
            }
            audit(c, markId, AuditEntry.Action.EXPORTED, actor, now, exportRef, null, null, null);
            return null;
        });
    }

    public Optional<RecordMark> find(String markId) throws KeystoreException {
        return db.read(c -> find(c, markId));
    }

    private static Optional<RecordMark> find(Connection c, String markId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
            s.setString(1, markId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    /** Marks matching the query, the newest first. */
    public List<RecordMark> list(RecordMark.Query query) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + """
                     WHERE (? IS NULL OR conversation_id = ?)
                      AND (? IS NULL OR (exported_at IS NOT NULL) = ?)
                      AND (? OR revoked_at IS NULL)
                      AND (? IS NULL OR instr(lower(file_reference), lower(?)) > 0)
                      AND (? IS NULL OR marked_at >= ?)
                      AND (? IS NULL OR marked_at < ?)
                    ORDER BY marked_at DESC, id""")) {
                s.setString(1, query.conversationId());
                s.setString(2, query.conversationId());
                setBoolean(s, 3, query.exported());
                setBoolean(s, 4, query.exported());
                s.setBoolean(5, query.includeRevoked());
                s.setString(6, query.fileReferenceContains());
                s.setString(7, query.fileReferenceContains());
                setInstant(s, 8, query.markedFrom());
                setInstant(s, 9, query.markedFrom());
                setInstant(s, 10, query.markedBefore());
                setInstant(s, 11, query.markedBefore());
                return all(s);
            }
        });
    }

    /** The messages of a conversation that a mark not withdrawn holds (to show it on them). */
    public java.util.Set<String> markedMessageIds(String conversationId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT mm.message_id FROM record_mark_messages mm"
                    + " JOIN record_marks r ON r.id = mm.mark_id"
                    + " WHERE r.conversation_id = ? AND r.revoked_at IS NULL")) {
                s.setString(1, conversationId);
                java.util.Set<String> ids = new java.util.HashSet<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** The marks whose range holds the message (to show them on it), oldest first. */
    public List<RecordMark> marksOf(String messageId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " WHERE id IN (SELECT mark_id FROM record_mark_messages WHERE message_id = ?)"
                    + " ORDER BY marked_at, id")) {
                s.setString(1, messageId);
                return all(s);
            }
        });
    }

    /**
     * A page of a mark's messages from {@code fromPosition}, at most {@code limit}, in the server's
     * order; empty past the end.
     */
    public List<MarkedMessage> markedMessages(String markId, int fromPosition, int limit) throws KeystoreException {
        return db.read(c -> {
            if (find(c, markId).isEmpty()) {
                throw new KeystoreException("no such record mark");
            }
            Map<String, List<MessageRevision>> revisions = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT mm.message_id, r.content, r.replaced_at FROM record_mark_messages mm
                    JOIN messages m ON m.id = mm.message_id JOIN message_revisions r ON r.message_seq = m.seq
                    WHERE mm.mark_id = ? AND mm.position >= ? AND mm.position < ? AND r.revision <= mm.revisions_at_mark
                    ORDER BY mm.position, r.revision""")) {
                s.setString(1, markId);
                s.setInt(2, fromPosition);
                s.setLong(3, (long) fromPosition + limit);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        revisions
                                .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                                .add(new MessageRevision(rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT mm.position, m.id, m.server_seq, m.sender_user_id, m.sender_device_id, m.sent_at,
                      m.received_at, mm.marked_content, m.content, m.edited_at, m.deleted_at
                    FROM record_mark_messages mm JOIN messages m ON m.id = mm.message_id
                    WHERE mm.mark_id = ? AND mm.position >= ? ORDER BY mm.position LIMIT ?""")) {
                s.setString(1, markId);
                s.setInt(2, fromPosition);
                s.setInt(3, limit);
                try (ResultSet rows = s.executeQuery()) {
                    List<MarkedMessage> result = new ArrayList<>();
                    while (rows.next()) {
                        String messageId = rows.getString(2);
                        long serverSeq = rows.getLong(3);
                        Long server = rows.wasNull() ? null : serverSeq;
                        result.add(new MarkedMessage(
                                markId,
                                rows.getInt(1),
                                messageId,
                                server,
                                rows.getString(4),
                                rows.getString(5),
                                Instant.ofEpochMilli(rows.getLong(6)),
                                Instant.ofEpochMilli(rows.getLong(7)),
                                rows.getString(8),
                                rows.getString(9),
                                instant(rows, 10),
                                instant(rows, 11),
                                revisions.getOrDefault(messageId, List.of())));
                    }
                    return result;
                }
            }
        });
    }

    /**
     * The attachments of a mark's messages, in the messages' order, each with its message's sender
     * and time sent. The caller destroys the file keys it does not need.
     */
    public List<MarkedAttachment> attachments(String markId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.id, a.message_id, a.file_name, a.media_type, a.size, a.sha256, a.file_key, a.blob_ref,
                      a.local_path, a.state, m.sender_user_id, m.sent_at
                    FROM record_mark_messages mm JOIN messages m ON m.id = mm.message_id
                    JOIN attachments a ON a.message_id = m.id
                    WHERE mm.mark_id = ? ORDER BY mm.position, a.id""")) {
                s.setString(1, markId);
                try (ResultSet rows = s.executeQuery()) {
                    List<MarkedAttachment> result = new ArrayList<>();
                    while (rows.next()) {
                        Attachment attachment = new Attachment(
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
                        result.add(new MarkedAttachment(
                                attachment, rows.getString(11), Instant.ofEpochMilli(rows.getLong(12))));
                    }
                    return result;
                }
            }
        });
    }

    /** The audit log of one mark, oldest first. */
    public List<AuditEntry> auditLog(String markId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT seq, mark_id, action, actor, at, detail, field, old_value, new_value
                    FROM record_audit WHERE mark_id = ? ORDER BY seq""")) {
                s.setString(1, markId);
                try (ResultSet rows = s.executeQuery()) {
                    List<AuditEntry> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(new AuditEntry(
                                rows.getLong(1),
                                rows.getString(2),
                                AuditEntry.Action.valueOf(rows.getString(3)),
                                rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5)),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getString(8),
                                rows.getString(9)));
                    }
                    return result;
                }
            }
        });
    }

    private static final String SELECT = """
            SELECT id, conversation_id, message_id, last_message_id,
              (SELECT count(*) FROM record_mark_messages mm WHERE mm.mark_id = record_marks.id),
              file_reference, subject, note, include_attachments, classification, marked_by, marked_at,
              revoked_at, exported_at, export_ref FROM record_marks""";

    private static RecordMark map(ResultSet rows) throws SQLException {
        return new RecordMark(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getInt(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getInt(9) != 0,
                rows.getString(10),
                rows.getString(11),
                Instant.ofEpochMilli(rows.getLong(12)),
                instant(rows, 13),
                instant(rows, 14),
                rows.getString(15));
    }

    private static List<RecordMark> all(PreparedStatement s) throws SQLException {
        try (ResultSet rows = s.executeQuery()) {
            List<RecordMark> result = new ArrayList<>();
            while (rows.next()) {
                result.add(map(rows));
            }
            return result;
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, value ? 1 : 0);
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }

    private static void audit(
            Connection c,
            String markId,
            AuditEntry.Action action,
            String actor,
            Instant at,
            String detail,
            String field,
            String oldValue,
            String newValue)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO record_audit (mark_id, action, actor, at, detail, field, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, markId);
            s.setString(2, action.name());
            s.setString(3, actor);
            s.setLong(4, at.toEpochMilli());
            s.setString(5, detail);
            s.setString(6, field);
            s.setString(7, oldValue);
            s.setString(8, newValue);
            s.executeUpdate();
        }
    }
}

package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vermerk.keystore.internal.Database;

/**
 * Record marks ("aktenrelevant") and their audit log. Every change to a mark writes an audit entry
 * in the same transaction; the audit log is append-only (the database refuses updates and deletes
 * of it), and marks are revoked, never deleted.
 */
public final class RecordRepository {
    private final Database db;
    private final Clock clock;

    RecordRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void mark(RecordMark mark) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO record_marks (id, message_id, file_reference, subject, note, marked_by, marked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, mark.id());
                s.setString(2, mark.messageId());
                s.setString(3, mark.fileReference());
                s.setString(4, mark.subject());
                s.setString(5, mark.note());
                s.setString(6, mark.markedBy());
                s.setLong(7, mark.markedAt().toEpochMilli());
                s.executeUpdate();
            }
            audit(c, mark.id(), AuditEntry.Action.MARKED, mark.markedBy(), mark.markedAt(), mark.fileReference());
            return null;
        });
    }

    public void revoke(String markId, String actor) throws KeystoreException {
        Instant now = clock.instant();
        db.write(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE record_marks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, markId);
                if (s.executeUpdate() != 1) {
                    throw new KeystoreException("no such active record mark");
                }
            }
            audit(c, markId, AuditEntry.Action.REVOKED, actor, now, null);
            return null;
        });
    }

    public void markExported(String markId, String exportRef, String actor) throws KeystoreException {
        Instant now = clock.instant();
        db.write(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE record_marks SET exported_at = ?, export_ref = ? WHERE id = ?")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, exportRef);
                s.setString(3, markId);
                if (s.executeUpdate() != 1) {
                    throw new KeystoreException("no such record mark");
                }
            }
            audit(c, markId, AuditEntry.Action.EXPORTED, actor, now, exportRef);
            return null;
        });
    }

    public List<RecordMark> marksOf(String messageId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, message_id, file_reference, subject, note, marked_by, marked_at, revoked_at,
                      exported_at, export_ref FROM record_marks WHERE message_id = ? ORDER BY marked_at""")) {
                s.setString(1, messageId);
                try (ResultSet rows = s.executeQuery()) {
                    List<RecordMark> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(new RecordMark(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                Instant.ofEpochMilli(rows.getLong(7)),
                                instant(rows, 8),
                                instant(rows, 9),
                                rows.getString(10)));
                    }
                    return result;
                }
            }
        });
    }

    /** The audit log of one mark, oldest first. */
    public List<AuditEntry> auditLog(String markId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, mark_id, action, actor, at, detail FROM record_audit WHERE mark_id = ? ORDER BY seq")) {
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
                                rows.getString(6)));
                    }
                    return result;
                }
            }
        });
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static void audit(
            Connection c, String markId, AuditEntry.Action action, String actor, Instant at, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO record_audit (mark_id, action, actor, at, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, markId);
            s.setString(2, action.name());
            s.setString(3, actor);
            s.setLong(4, at.toEpochMilli());
            s.setString(5, detail);
            s.executeUpdate();
        }
    }
}

package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vermerk.keystore.internal.Database;
import org.vermerk.protocol.codec.Bytes;

/**
 * The outbox: wire messages waiting for the server's acknowledgement. Entries are added and removed
 * in {@link Transition}s; the sender reads due entries here and records failed attempts.
 */
public final class OutboxRepository {
    private final Database db;

    OutboxRepository(Database db) {
        this.db = db;
    }

    /** Entries due at {@code now}, in send order. */
    public List<OutboxEntry> due(Instant now, int limit) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, conversation_id, message_id, kind, payload, created_at, attempts, next_attempt_at
                    FROM outbox WHERE next_attempt_at <= ? ORDER BY id LIMIT ?""")) {
                s.setLong(1, now.toEpochMilli());
                s.setInt(2, limit);
                try (ResultSet rows = s.executeQuery()) {
                    List<OutboxEntry> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(new OutboxEntry(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getInt(4),
                                Bytes.of(rows.getBytes(5)),
                                Instant.ofEpochMilli(rows.getLong(6)),
                                rows.getInt(7),
                                Instant.ofEpochMilli(rows.getLong(8))));
                    }
                    return result;
                }
            }
        });
    }

    public int size() throws KeystoreException {
        return db.read(c -> {
            try (var s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM outbox")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Entries not counting those whose stored message has the content type {@code type} (the
     * {@code "type"} of its JSON content): what a user calls "messages waiting", without the
     * receipts the client sends by itself. Entries without a stored message (commits) count.
     */
    public int sizeWithout(String type) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT count(*) FROM outbox o LEFT JOIN messages m ON m.id = o.message_id
                    WHERE m.id IS NULL OR json_valid(m.content) = 0
                       OR coalesce(json_extract(m.content, '$.type'), '') <> ?""")) {
                s.setString(1, type);
                try (var rows = s.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** Counts a failed send and schedules the next attempt. */
    public void recordAttempt(long id, Instant nextAttemptAt) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")) {
                s.setLong(1, nextAttemptAt.toEpochMilli());
                s.setLong(2, id);
                return s.executeUpdate();
            }
        });
    }

    static long insert(Connection c, OutboxEntry.New entry, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO outbox (conversation_id, message_id, kind, payload, created_at, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 0, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, entry.conversationId());
            s.setString(2, entry.messageId());
            s.setInt(3, entry.kind());
            s.setBytes(4, entry.payload().toByteArray());
            s.setLong(5, now);
            s.setLong(6, now);
            s.executeUpdate();
            return TransitionWriter.generatedKey(s);
        }
    }
}

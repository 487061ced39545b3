package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.vermerk.keystore.internal.Database;

/**
 * Sync cursors: how far each server stream (a group's log, the device's inbox) has been processed.
 * A cursor moves in the {@link Transition} that stored what it covers, so after a crash sync
 * resumes exactly after the last stored transition.
 */
public final class SyncRepository {
    private final Database db;

    SyncRepository(Database db) {
        this.db = db;
    }

    public OptionalLong cursor(String stream) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT position FROM sync_cursors WHERE stream = ?")) {
                s.setString(1, stream);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    public Map<String, Long> all() throws KeystoreException {
        return db.read(c -> {
            try (var s = c.createStatement();
                    var rows = s.executeQuery("SELECT stream, position FROM sync_cursors ORDER BY stream")) {
                Map<String, Long> result = new LinkedHashMap<>();
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getLong(2));
                }
                return result;
            }
        });
    }

    static void put(Connection c, String stream, long position, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO sync_cursors (stream, position, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at""")) {
            s.setString(1, stream);
            s.setLong(2, position);
            s.setLong(3, now);
            s.executeUpdate();
        }
    }
}

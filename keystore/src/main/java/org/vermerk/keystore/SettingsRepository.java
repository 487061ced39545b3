package org.vermerk.keystore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.vermerk.keystore.internal.Database;

/** The user's settings as text values under dotted keys (for example {@code ui.language}). */
public final class SettingsRepository {
    private final Database db;

    SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) throws KeystoreException {
        Ids.require(key, "setting key");
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                s.setString(1, key);
                s.setString(2, value);
                return s.executeUpdate();
            }
        });
    }

    public void remove(String key) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                s.setString(1, key);
                return s.executeUpdate();
            }
        });
    }
}

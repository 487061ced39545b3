package org.vermerk.server.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as an ordered list of migrations. {@code PRAGMA user_version} holds the
 * number of migrations applied; each runs in its own transaction, so a crash leaves the schema
 * at a known version. Append new migrations; never edit an applied one.
 */
final class SchemaMigrations {
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE users (
                user_id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                display_name_folded TEXT NOT NULL,
                created_at INTEGER NOT NULL)""",
            "CREATE INDEX users_by_name ON users(display_name_folded)",
            """
            CREATE TABLE enrolment_codes (
                code_hash BLOB PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(user_id),
                expires_at INTEGER NOT NULL)""",
            """
            CREATE TABLE devices (
                device_id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(user_id),
                device_name TEXT NOT NULL,
                signature_scheme TEXT NOT NULL,
                signature_key BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                last_seq INTEGER NOT NULL DEFAULT 0,
                acked_seq INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX devices_by_user ON devices(user_id)",
            """
            CREATE TABLE key_packages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                device_id TEXT NOT NULL REFERENCES devices(device_id),
                data BLOB NOT NULL,
                last_resort INTEGER NOT NULL,
                created_at INTEGER NOT NULL)""",
            "CREATE INDEX key_packages_by_device ON key_packages(device_id, last_resort, id)",
            """
            CREATE TABLE mls_groups (
                group_id BLOB PRIMARY KEY,
                epoch INTEGER NOT NULL,
                next_log_index INTEGER NOT NULL,
                created_at INTEGER NOT NULL)""",
            """
            CREATE TABLE group_members (
                group_id BLOB NOT NULL REFERENCES mls_groups(group_id),
                device_id TEXT NOT NULL REFERENCES devices(device_id),
                PRIMARY KEY (group_id, device_id))""",
            """
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                group_id BLOB NOT NULL,
                kind TEXT NOT NULL,
                log_index INTEGER,
                epoch INTEGER,
                sender_device TEXT NOT NULL,
                client_message_id TEXT,
                payload BLOB NOT NULL,
                received_at INTEGER NOT NULL)""",
            """
            CREATE UNIQUE INDEX messages_by_client_id ON messages(sender_device, client_message_id)
                WHERE client_message_id IS NOT NULL""",
            "CREATE INDEX messages_by_time ON messages(received_at)",
            """
            CREATE TABLE queue (
                device_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                message_id INTEGER NOT NULL REFERENCES messages(id),
                PRIMARY KEY (device_id, seq))""",
            "CREATE INDEX queue_by_message ON queue(message_id)",
            """
            CREATE TABLE attachments (
                attachment_id TEXT PRIMARY KEY,
                uploader_device TEXT NOT NULL,
                size INTEGER NOT NULL,
                created_at INTEGER NOT NULL)"""));

    private SchemaMigrations() {}

    /** Applies the migrations the database lacks; returns the version afterwards. */
    static int apply(Connection connection) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            version = result.next() ? result.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the database has schema version " + version + ", newer than this server knows ("
                    + MIGRATIONS.size() + ")");
        }
        for (int next = version; next < MIGRATIONS.size(); next++) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(next)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (next + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return MIGRATIONS.size();
    }
}

package org.vermerk.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vermerk.keystore.StoreVersionException;
import org.vermerk.protocol.crypto.Secret;

/**
 * Migrations go forward from every earlier version: a database built as version k left it (with
 * data of that version) is migrated to the latest; its schema must then equal a fresh store's and
 * its data must have survived (messages of version 1 are found by the search index of version 3).
 */
class SchemaMigrationTest {
    @TempDir
    Path dir;

    static IntStream earlierVersions() {
        return IntStream.range(0, Schema.LATEST);
    }

    private Connection connect(String name) throws Exception {
        EncryptedSqlite.prepareNativeLibrary(dir.resolve("native"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return EncryptedSqlite.open(dir.resolve(name), Secret.wrap(key), true, 0);
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("earlierVersions")
    void migratesFromEveryEarlierVersion(int from) throws Exception {
        try (Connection fresh = connect("fresh.db");
                Connection old = connect("old-" + from + ".db")) {
            Schema.migrate(fresh);
            Schema.migrate(old, from);
            assertThat(Schema.version(old)).isEqualTo(from);
            if (from >= 1) {
                exec(
                        old,
                        "INSERT INTO conversations (id, group_id, kind, title, created_at) VALUES ('c', x'01', 1, 'T', 0)");
                exec(old, """
                        INSERT INTO messages (id, conversation_id, server_seq, sender_user_id, sender_device_id,
                          sent_at, received_at, content, search_text, delivery_state)
                        VALUES ('m', 'c', 1, 'u', 'd', 0, 0, '{}', 'Grüße aus Köln', 5)""");
            }
            if (from >= 5) {
                // from version 5 on the store indexes new messages itself (no insert trigger)
                exec(old, "INSERT INTO message_search (rowid, search_text) SELECT seq, search_text FROM messages");
            }
            if (from >= 2 && from < 4) {
                exec(
                        old,
                        "INSERT INTO record_marks (id, message_id, file_reference, subject, marked_by, marked_at)"
                                + " VALUES ('r', 'm', 'AZ', 'S', 'u', 0)");
            }
            if (from >= 4) {
                exec(old, """
                        INSERT INTO record_marks (id, message_id, file_reference, subject, marked_by, marked_at,
                          conversation_id, last_message_id)
                        VALUES ('r', 'm', 'AZ', 'S', 'u', 0, 'c', 'm')""");
                exec(old, """
                        INSERT INTO record_mark_messages (mark_id, position, message_id, marked_content, revisions_at_mark)
                        VALUES ('r', 0, 'm', '{}', 0)""");
            }
            Schema.migrate(old);
            assertThat(Schema.version(old)).isEqualTo(Schema.LATEST);
            assertThat(schemaOf(old)).isEqualTo(schemaOf(fresh));
            if (from >= 1) {
                assertThat(query(old, "SELECT count(*) FROM message_search WHERE message_search MATCH 'koln'"))
                        .isEqualTo("1");
            }
            if (from >= 2) {
                assertThat(query(old, "SELECT file_reference FROM record_marks"))
                        .isEqualTo("AZ");
                assertThat(query(old, "SELECT conversation_id || ' ' || last_message_id FROM record_marks"))
                        .isEqualTo("c m");
                assertThat(query(old, "SELECT message_id || ' ' || marked_content FROM record_mark_messages"))
                        .isEqualTo("m {}");
            }
        }
    }

    @Test
    void aNewerStoreIsRefusedAndLeftAlone() throws Exception {
        try (Connection c = connect("newer.db")) {
            Schema.migrate(c);
            exec(c, "PRAGMA user_version = " + (Schema.LATEST + 1));
            assertThatThrownBy(() -> Schema.migrate(c)).isInstanceOf(StoreVersionException.class);
            assertThat(Schema.version(c)).isEqualTo(Schema.LATEST + 1);
        }
    }

    @Test
    void migrationVersionsAreConsecutive() {
        for (int i = 0; i < Schema.MIGRATIONS.size(); i++) {
            assertThat(Schema.MIGRATIONS.get(i).version()).isEqualTo(i + 1);
        }
    }

    private static List<String> schemaOf(Connection c) throws SQLException {
        List<String> result = new ArrayList<>();
        try (var rows =
                c.createStatement().executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rows.next()) {
                result.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return result;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

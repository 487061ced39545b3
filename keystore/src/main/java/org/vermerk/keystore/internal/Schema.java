package org.vermerk.keystore.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.keystore.StoreVersionException;

/**
 * The store's schema as forward-only, numbered migrations. The database's {@code user_version} is
 * the number of the last migration applied; opening runs the missing ones in one transaction, and a
 * store newer than this code is refused, never downgraded. A released migration is never edited:
 * changes are new migrations, each tested from every earlier version ({@code SchemaMigrationTest}).
 *
 * <p>Times are milliseconds since the epoch (UTC). IDs of conversations, messages, attachments and
 * record marks are chosen by the application (the sender's client message ID de-duplicates).
 */
public final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    public record Migration(int version, String description, List<String> statements) {}

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(
                    1,
                    "identity, key packages, conversations, group states, messages, outbox, cursors, settings",
                    List.of(
                            """
                            CREATE TABLE meta (
                              key TEXT PRIMARY KEY,
                              value TEXT NOT NULL
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE device_identity (
                              singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                              user_id TEXT NOT NULL,
                              device_id TEXT NOT NULL,
                              cipher_suite INTEGER NOT NULL,
                              credential BLOB NOT NULL,
                              signature_public_key BLOB NOT NULL,
                              signature_private_key BLOB NOT NULL,
                              created_at INTEGER NOT NULL
                            )""",
                            """
                            CREATE TABLE key_packages (
                              ref BLOB PRIMARY KEY,
                              key_package BLOB NOT NULL,
                              private_keys BLOB NOT NULL,
                              last_resort INTEGER NOT NULL,
                              created_at INTEGER NOT NULL
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE contacts (
                              user_id TEXT PRIMARY KEY,
                              display_name TEXT NOT NULL,
                              trust INTEGER NOT NULL,
                              identity_fingerprint BLOB,
                              updated_at INTEGER NOT NULL
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE conversations (
                              id TEXT PRIMARY KEY,
                              group_id BLOB NOT NULL UNIQUE,
                              kind INTEGER NOT NULL,
                              title TEXT NOT NULL,
                              classification TEXT,
                              created_at INTEGER NOT NULL,
                              archived INTEGER NOT NULL DEFAULT 0
                            )""",
                            """
                            CREATE TABLE conversation_members (
                              conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                              user_id TEXT NOT NULL,
                              role INTEGER NOT NULL,
                              joined_at INTEGER NOT NULL,
                              PRIMARY KEY (conversation_id, user_id)
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE group_states (
                              conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
                              revision INTEGER NOT NULL,
                              epoch INTEGER NOT NULL,
                              format_version INTEGER NOT NULL,
                              state BLOB NOT NULL,
                              updated_at INTEGER NOT NULL
                            )""",
                            """
                            CREATE TABLE epoch_secrets (
                              conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                              epoch INTEGER NOT NULL,
                              secrets BLOB NOT NULL,
                              PRIMARY KEY (conversation_id, epoch)
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE messages (
                              seq INTEGER PRIMARY KEY,
                              id TEXT NOT NULL UNIQUE,
                              conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                              server_seq INTEGER,
                              sender_user_id TEXT NOT NULL,
                              sender_device_id TEXT NOT NULL,
                              sent_at INTEGER NOT NULL,
                              received_at INTEGER NOT NULL,
                              content TEXT NOT NULL,
                              search_text TEXT,
                              delivery_state INTEGER NOT NULL,
                              edited_at INTEGER,
                              deleted_at INTEGER,
                              UNIQUE (conversation_id, server_seq)
                            )""",
                            "CREATE INDEX messages_by_conversation ON messages (conversation_id, seq)",
                            """
                            CREATE TABLE message_revisions (
                              message_seq INTEGER NOT NULL REFERENCES messages(seq) ON DELETE CASCADE,
                              revision INTEGER NOT NULL,
                              content TEXT NOT NULL,
                              replaced_at INTEGER NOT NULL,
                              PRIMARY KEY (message_seq, revision)
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE outbox (
                              id INTEGER PRIMARY KEY AUTOINCREMENT,
                              conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                              message_id TEXT,
                              kind INTEGER NOT NULL,
                              payload BLOB NOT NULL,
                              created_at INTEGER NOT NULL,
                              attempts INTEGER NOT NULL DEFAULT 0,
                              next_attempt_at INTEGER NOT NULL
                            )""",
                            """
                            CREATE TABLE sync_cursors (
                              stream TEXT PRIMARY KEY,
                              position INTEGER NOT NULL,
                              updated_at INTEGER NOT NULL
                            ) WITHOUT ROWID""",
                            """
                            CREATE TABLE settings (
                              key TEXT PRIMARY KEY,
                              value TEXT NOT NULL
                            ) WITHOUT ROWID""")),
            new Migration(
                    2,
                    "attachments, record marks and their append-only audit log",
                    List.of(
                            """
                            CREATE TABLE attachments (
                              id TEXT PRIMARY KEY,
                              message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                              file_name TEXT NOT NULL,
                              media_type TEXT NOT NULL,
                              size INTEGER NOT NULL,
                              sha256 BLOB NOT NULL,
                              file_key BLOB NOT NULL,
                              blob_ref TEXT NOT NULL,
                              local_path TEXT,
                              state INTEGER NOT NULL
                            ) WITHOUT ROWID""",
                            "CREATE INDEX attachments_by_message ON attachments (message_id)",
                            """
                            CREATE TABLE record_marks (
                              id TEXT PRIMARY KEY,
                              message_id TEXT NOT NULL REFERENCES messages(id),
                              file_reference TEXT NOT NULL,
                              subject TEXT NOT NULL,
                              note TEXT,
                              marked_by TEXT NOT NULL,
                              marked_at INTEGER NOT NULL,
                              revoked_at INTEGER,
                              exported_at INTEGER,
                              export_ref TEXT
                            ) WITHOUT ROWID""",
                            "CREATE INDEX record_marks_by_message ON record_marks (message_id)",
                            """
                            CREATE TABLE record_audit (
                              seq INTEGER PRIMARY KEY AUTOINCREMENT,
                              mark_id TEXT NOT NULL,
                              action TEXT NOT NULL,
                              actor TEXT NOT NULL,
                              at INTEGER NOT NULL,
                              detail TEXT
                            )""",
                            """
                            CREATE TRIGGER record_audit_is_append_only_update BEFORE UPDATE ON record_audit
                            BEGIN SELECT RAISE(ABORT, 'record audit log is append-only'); END""",
                            """
                            CREATE TRIGGER record_audit_is_append_only_delete BEFORE DELETE ON record_audit
                            BEGIN SELECT RAISE(ABORT, 'record audit log is append-only'); END""")),
            new Migration(
                    3,
                    "full-text search over message text (FTS5, unicode61, diacritics folded, prefix index)",
                    List.of(
                            """
                            CREATE VIRTUAL TABLE message_search USING fts5(
                              search_text,
                              content = 'messages',
                              content_rowid = 'seq',
                              tokenize = 'unicode61 remove_diacritics 2',
                              prefix = '3'
                            )""",
                            // Fewer, larger merges while messages stream in (default 4); measured
                            // together with the single prefix index in docs/benchmarks.md.
                            "INSERT INTO message_search (message_search, rank) VALUES ('automerge', 8)",
                            """
                            CREATE TRIGGER message_search_insert AFTER INSERT ON messages
                            WHEN new.search_text IS NOT NULL
                            BEGIN
                              INSERT INTO message_search (rowid, search_text) VALUES (new.seq, new.search_text);
                            END""",
                            """
                            CREATE TRIGGER message_search_delete AFTER DELETE ON messages
                            WHEN old.search_text IS NOT NULL
                            BEGIN
                              INSERT INTO message_search (message_search, rowid, search_text)
                                VALUES ('delete', old.seq, old.search_text);
                            END""",
                            """
                            CREATE TRIGGER message_search_update AFTER UPDATE OF search_text ON messages
                            BEGIN
                              INSERT INTO message_search (message_search, rowid, search_text)
                                SELECT 'delete', old.seq, old.search_text WHERE old.search_text IS NOT NULL;
                              INSERT INTO message_search (rowid, search_text)
                                SELECT new.seq, new.search_text WHERE new.search_text IS NOT NULL;
                            END""",
                            "INSERT INTO message_search (message_search) VALUES ('rebuild')")),
            new Migration(
                    4,
                    "record marks over a range of messages with the marked versions kept; audit entries name the"
                            + " changed field with its old and new value",
                    List.of(
                            // message_id stays the range's first message; last_message_id its last.
                            "ALTER TABLE record_marks ADD COLUMN conversation_id TEXT",
                            "ALTER TABLE record_marks ADD COLUMN last_message_id TEXT",
                            "ALTER TABLE record_marks ADD COLUMN include_attachments INTEGER NOT NULL DEFAULT 1",
                            "ALTER TABLE record_marks ADD COLUMN classification TEXT",
                            """
                            UPDATE record_marks SET last_message_id = message_id,
                              conversation_id = (SELECT m.conversation_id FROM messages m WHERE m.id = record_marks.message_id)""",
                            "CREATE INDEX record_marks_by_conversation ON record_marks (conversation_id, marked_at)",
                            // The messages of a mark as they were when marked, in the server's order, with
                            // how many earlier versions each had then (by count, not time: edit times
                            // come from the sender's clock).
                            """
                            CREATE TABLE record_mark_messages (
                              mark_id TEXT NOT NULL REFERENCES record_marks(id),
                              position INTEGER NOT NULL,
                              message_id TEXT NOT NULL,
                              marked_content TEXT NOT NULL,
                              revisions_at_mark INTEGER NOT NULL,
                              PRIMARY KEY (mark_id, position)
                            ) WITHOUT ROWID""",
                            "CREATE INDEX record_mark_messages_by_message ON record_mark_messages (message_id)",
                            """
                            INSERT INTO record_mark_messages (mark_id, position, message_id, marked_content, revisions_at_mark)
                            SELECT r.id, 0, r.message_id, m.content,
                              (SELECT count(*) FROM message_revisions v WHERE v.message_seq = m.seq)
                            FROM record_marks r JOIN messages m ON m.id = r.message_id""",
                            """
                            CREATE TRIGGER record_mark_messages_are_kept_update BEFORE UPDATE ON record_mark_messages
                            BEGIN SELECT RAISE(ABORT, 'marked messages are kept as marked'); END""",
                            """
                            CREATE TRIGGER record_mark_messages_are_kept_delete BEFORE DELETE ON record_mark_messages
                            BEGIN SELECT RAISE(ABORT, 'marked messages are kept as marked'); END""",
                            "ALTER TABLE record_audit ADD COLUMN field TEXT",
                            "ALTER TABLE record_audit ADD COLUMN old_value TEXT",
                            "ALTER TABLE record_audit ADD COLUMN new_value TEXT")),
            new Migration(
                    5,
                    "new messages enter the search index in one statement per transition, not by a trigger per row",
                    List.of(
                            // With an AFTER INSERT trigger every message INSERT writes two tables, so
                            // SQLite opens a statement savepoint for it on every virtual table in the
                            // transaction, and FTS5 (SQLite 3.40) writes its pending terms out as a new
                            // index segment at each savepoint: one segment per message, then merging
                            // them. TransitionWriter indexes a transition's new messages with one
                            // INSERT … SELECT instead (MessageRepository.indexNewMessages), in the
                            // same transaction. Edits and deletions stay on their triggers (rare, and they
                            // need the old text). docs/benchmarks.md (keystore) has the numbers.
                            "DROP TRIGGER message_search_insert")),
            new Migration(
                    6,
                    "our own commit awaiting the server's verdict, with the group state its merge leads to",
                    List.of(
                            // ADR 0029: kept from before the commit is sent until its outcome is
                            // stored, so a crash or a lost answer in between costs no epoch.
                            // merged_state is a group state (secret), like group_states.state.
                            """
                            CREATE TABLE pending_commits (
                              conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
                              epoch INTEGER NOT NULL,
                              client_message_id TEXT NOT NULL,
                              request BLOB NOT NULL,
                              format_version INTEGER NOT NULL,
                              merged_state BLOB NOT NULL,
                              announce INTEGER NOT NULL,
                              created_at INTEGER NOT NULL
                            ) WITHOUT ROWID""")));

    public static final int LATEST = MIGRATIONS.getLast().version();

    private Schema() {}

    public static int version(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA user_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Brings the schema to the latest version. */
    public static void migrate(Connection connection) throws SQLException, StoreVersionException {
        migrate(connection, LATEST);
    }

    /**
     * Applies the migrations after the current version up to {@code target}, in one transaction.
     * Tests use a lower target to build stores as earlier releases left them.
     */
    public static void migrate(Connection connection, int target) throws SQLException, StoreVersionException {
        int current = version(connection);
        if (current > LATEST) {
            throw new StoreVersionException(
                    "the store has schema version " + current + "; this Vermerk knows up to " + LATEST);
        }
        if (current >= target) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            for (Migration migration : MIGRATIONS) {
                if (migration.version() <= current || migration.version() > target) {
                    continue;
                }
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                // user_version takes no bound parameter; the number comes from the list above.
                statement.execute("PRAGMA user_version = " + migration.version());
                LOG.info("store schema migrated to version {}: {}", migration.version(), migration.description());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}

package org.vermerk.bench.keystore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sqlite.SQLiteConfig;
import org.vermerk.keystore.Message;
import org.vermerk.keystore.internal.EncryptedSqlite;
import org.vermerk.keystore.internal.Schema;
import org.vermerk.protocol.crypto.Secret;

/**
 * Where a message insert's time goes (docs/benchmarks.md, keystore): the store's insert path as
 * {@code TransitionWriter} runs it (the group-state read, one prepared statement for the messages,
 * one statement that indexes them, the sync cursor; 1,000 messages per transaction), against the
 * real schema and against variants of it, side by side in one run.
 *
 * <p>A measuring tool, not product code: it opens the database through the keystore's own driver
 * class and migrations and then changes one thing per variant with plain SQL, which the product
 * never does (only {@code keystore} touches JDBC; {@code bench} is outside the ArchUnit import).
 */
public class InsertCostBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The insert trigger of schema migrations 3 and 4 (dropped by migration 5). */
    private static final String FTS_TRIGGER = """
            CREATE TRIGGER message_search_insert AFTER INSERT ON messages
            WHEN new.search_text IS NOT NULL
            BEGIN
              INSERT INTO message_search (rowid, search_text) VALUES (new.seq, new.search_text);
            END""";

    private static final String NO_INDEX = "no index";

    /** One change against the store as it is; {@code current} is the store itself. */
    public enum Variant {
        /** The schema and pragmas as the keystore has them: one index statement per transaction. */
        current(null, null),
        /** As before schema migration 5: an insert trigger indexes each message as it is stored. */
        insertTrigger(null, FTS_TRIGGER),
        /** No full-text index at all: the index's share. */
        noFts(NO_INDEX, null),
        /** FTS5 without a prefix index (prefix queries scan the term range instead). */
        ftsNoPrefix("", null),
        /** Prefix indexes of 2 and 3 characters (the first layout). */
        ftsPrefix23("prefix = '2 3'", null),
        /** Positions not stored: only which column of which row holds a term (no phrase queries). */
        ftsDetailColumn("prefix = '3', detail = column", null),
        /** No per-row token counts (the %_docsize table): bm25 unused, snippets count tokens themselves. */
        ftsColumnsize0("prefix = '3', columnsize = 0", null),
        /** Merge later (automerge 16 instead of 8): fewer merges, more segments for queries. */
        ftsAutomerge16(null, "INSERT INTO message_search (message_search, rank) VALUES ('automerge', 16)"),
        /** Without the (conversation, seq) index that pages a conversation. */
        noConversationIndex(null, "DROP INDEX messages_by_conversation"),
        /** 64 MiB page cache instead of 16 MiB. */
        cache64m(null, "PRAGMA cache_size = -65536"),
        /** Checkpoint the WAL at 4,000 pages instead of 1,000, WAL kept up to 16 MiB. */
        walCheckpoint4000(null, "PRAGMA wal_autocheckpoint = 4000; PRAGMA journal_size_limit = 16777216"),
        /** synchronous=NORMAL (no fsync per commit in WAL mode): for reference, not an option taken. */
        synchronousNormal(null, "PRAGMA synchronous = NORMAL"),
        /** secure_delete off: for reference only, the issue requires it on. */
        secureDeleteOff(null, "PRAGMA secure_delete = OFF"),
        /** No page encryption (plain SQLite file): for reference only, the share of the cipher. */
        plaintext(null, null);

        /** FTS5 options after the tokenizer, replacing the store's (null: unchanged). */
        final String ftsOptions;
        /** SQL run after the migrations (null: nothing), statements separated by "; ". */
        final String extraSql;

        Variant(String ftsOptions, String extraSql) {
            this.ftsOptions = ftsOptions;
            this.extraSql = extraSql;
        }

        boolean indexesExplicitly() {
            return this != insertTrigger && !NO_INDEX.equals(ftsOptions);
        }
    }

    @State(Scope.Benchmark)
    public static class Store {
        @Param
        public Variant variant;

        Path dir;
        Connection connection;
        long next;
        final Random random = new Random(1);
        /** Thread CPU time spent in this iteration's inserts, and their count (wall time is shared). */
        long cpuNanos;

        long inserted;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = KeystoreBenchmarks.tempDir();
            EncryptedSqlite.prepareNativeLibrary(dir.resolve("native"));
            Path file = dir.resolve("vermerk.db");
            if (variant == Variant.plaintext) {
                connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            } else {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                connection = EncryptedSqlite.open(file, Secret.wrap(key), true, 0);
            }
            // The keystore's pragmas (Keystore.openDatabase).
            exec("PRAGMA locking_mode = EXCLUSIVE");
            exec("PRAGMA journal_mode = WAL");
            exec("PRAGMA synchronous = FULL");
            exec("PRAGMA secure_delete = ON");
            exec("PRAGMA temp_store = MEMORY");
            exec("PRAGMA foreign_keys = ON");
            exec("PRAGMA journal_size_limit = 1048576");
            exec("PRAGMA cache_size = -16384");
            Schema.migrate(connection);
            if (variant.ftsOptions != null) {
                exec("DROP TRIGGER message_search_delete");
                exec("DROP TRIGGER message_search_update");
                exec("DROP TABLE message_search");
                if (!variant.ftsOptions.equals(NO_INDEX)) {
                    exec("CREATE VIRTUAL TABLE message_search USING fts5(search_text, content = 'messages',"
                            + " content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'"
                            + (variant.ftsOptions.isEmpty() ? "" : ", " + variant.ftsOptions)
                            + ")");
                    exec("INSERT INTO message_search (message_search, rank) VALUES ('automerge', 8)");
                }
            }
            if (variant.extraSql != null) {
                for (String sql : variant.extraSql.split("; ")) {
                    exec(sql);
                }
            }
            exec(
                    "INSERT INTO conversations (id, group_id, kind, title, created_at) VALUES ('conv-0', x'01', 1, 'G', 0)");
            exec("INSERT INTO group_states (conversation_id, revision, epoch, format_version, state, updated_at)"
                    + " VALUES ('conv-0', 1, 1, 1, x'00', 0)");
        }

        private void exec(String sql) throws SQLException {
            try (var s = connection.createStatement()) {
                s.execute(sql);
            }
        }

        /**
         * Prints the iteration's CPU time per message: the machine's other load stretches wall time,
         * not the CPU the insert path itself needs (SQLite runs on the calling thread).
         */
        @TearDown(Level.Iteration)
        public void printCpu() {
            System.err.printf("%n%s: %.1f µs CPU per message%n", variant, cpuNanos / 1000.0 / Math.max(1, inserted));
            cpuNanos = 0;
            inserted = 0;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            try (var s = connection.createStatement();
                    var rows =
                            s.executeQuery("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")) {
                rows.next();
                System.err.printf(
                        "%n%s: %d messages, %.1f bytes per message in the database file%n",
                        variant, next, rows.getLong(1) / (double) next);
            }
            connection.close();
            KeystoreBenchmarks.delete(dir);
        }
    }

    /** Messages per second, 1,000 per transaction, on the store's insert path. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1000)
    public int insert1000(Store store) throws SQLException {
        Connection c = store.connection;
        long cpuStart = CPU.getCurrentThreadCpuTime();
        c.setAutoCommit(false);
        int stored = 0;
        try {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT revision FROM group_states WHERE conversation_id = ?")) {
                s.setString(1, "conv-0");
                try (var rows = s.executeQuery()) {
                    rows.next();
                }
            }
            long lastSeq;
            try (var s = c.createStatement();
                    var rows = s.executeQuery("SELECT coalesce(max(seq), 0) FROM messages")) {
                rows.next();
                lastSeq = rows.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO messages (id, conversation_id, server_seq, sender_user_id, sender_device_id,
                      sent_at, received_at, content, search_text, delivery_state, edited_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
                for (int i = 0; i < 1000; i++) {
                    Message m = KeystoreBenchmarks.message("conv-0", ++store.next, store.random);
                    s.setString(1, m.id());
                    s.setString(2, m.conversationId());
                    s.setLong(3, m.serverSeq());
                    s.setString(4, m.senderUserId());
                    s.setString(5, m.senderDeviceId());
                    s.setLong(6, m.sentAt().toEpochMilli());
                    s.setLong(7, m.receivedAt().toEpochMilli());
                    s.setString(8, m.content());
                    s.setString(9, m.searchText());
                    s.setInt(10, 5); // DeliveryState.RECEIVED
                    s.setNull(11, java.sql.Types.INTEGER);
                    stored += s.executeUpdate();
                }
            }
            if (store.variant.indexesExplicitly()) {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO message_search (rowid, search_text)
                        SELECT seq, search_text FROM messages WHERE seq > ? AND search_text IS NOT NULL""")) {
                    s.setLong(1, lastSeq);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO sync_cursors (stream, position, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at""")) {
                s.setString(1, "group:conv-0");
                s.setLong(2, store.next);
                s.setLong(3, 0);
                s.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        store.cpuNanos += CPU.getCurrentThreadCpuTime() - cpuStart;
        store.inserted += 1000;
        return stored;
    }
}

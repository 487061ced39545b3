package org.vermerk.keystore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;
import org.vermerk.protocol.crypto.Secret;

/**
 * The one class that knows the SQLite driver (SQLite3 Multiple Ciphers through {@code
 * io.github.willena:sqlite-jdbc}, ADR 0004). Everything else in the store speaks plain JDBC, so a
 * newer driver build (or another SQLCipher-compatible one) replaces this class only.
 *
 * <p>Format: SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512 per page, 4096-byte pages) with the
 * database key given as a raw 256-bit key, so no PBKDF2 runs on open (the key is random; Argon2id
 * protects it in the key file). An upstream SQLCipher 4 opens the file with {@code PRAGMA key =
 * "x'<64 hex digits>'"}. The WAL and rollback journal are encrypted with the same key.
 */
public final class EncryptedSqlite {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedSqlite.class);

    /** Set by an installed application image that ships the native library beside the runtime. */
    private static final String LIB_PATH_PROPERTY = "org.sqlite.lib.path";

    private static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";

    private static boolean nativePrepared; // guarded by EncryptedSqlite.class

    private EncryptedSqlite() {}

    /** How a driver failure is classified; the store maps each to its typed exception. */
    public enum Failure {
        FULL,
        CORRUPT,
        NOT_A_DATABASE,
        LOCKED,
        CONSTRAINT,
        IO,
        OTHER
    }

    /**
     * Points the driver's native library extraction at a private, user-only directory, unless the
     * application image provides the library. Runs once per process (the driver loads its library
     * once); later calls with another directory are ignored.
     */
    public static synchronized void prepareNativeLibrary(Path privateDirectory) throws IOException {
        if (nativePrepared) {
            return;
        }
        if (System.getProperty(LIB_PATH_PROPERTY) == null && System.getProperty(TMPDIR_PROPERTY) == null) {
            PrivateFiles.createPrivateDirectory(privateDirectory);
            System.setProperty(
                    TMPDIR_PROPERTY, privateDirectory.toAbsolutePath().toString());
            LOG.debug("SQLite native library extracts to a private directory");
        }
        nativePrepared = true;
    }

    /**
     * Loads the driver's native library now instead of at the first connection: {@link
     * org.vermerk.keystore.Keystore#open} runs this on a thread of its own while the passphrase's
     * Argon2id runs, so that the open after it does not wait for the library's extraction, checksum
     * and loading (ADR 0030). Call after {@link #prepareNativeLibrary}. Never throws: a library that
     * cannot be loaded fails the open, which reports it.
     */
    public static void loadNativeLibrary() {
        try {
            SQLiteJDBCLoader.initialize(); // synchronized: a connection made meanwhile waits for it
        } catch (Exception | LinkageError e) {
            LOG.debug(
                    "event=sqlite_native_preload_failed error={}", e.getClass().getSimpleName());
        }
    }

    /**
     * Opens the encrypted database. With {@code create} false the file must exist: a missing file is
     * an error and never silently replaced by an empty database.
     *
     * @param maxPageCount the database size cap in pages, 0 for none
     */
    public static Connection open(Path databaseFile, Secret key, boolean create, long maxPageCount)
            throws SQLException {
        byte[] raw = key.expose();
        try {
            SQLiteMCConfig config = SQLiteMCSqlCipherConfig.getV4Defaults()
                    .withRawUnsaltedKey(raw)
                    .build();
            if (!create) {
                config.resetOpenMode(SQLiteOpenMode.CREATE);
            }
            config.setBusyTimeout(0);
            // Exclusive locking: the WAL index lives in heap memory once the connection runs, and no
            // other connection can read. (The driver applies the key, which reads the file, before
            // this pragma; so a -shm file still appears while a WAL is left from a crash.)
            config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
            Connection connection = config.createConnection(url(databaseFile));
            if (maxPageCount > 0) {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA max_page_count = " + maxPageCount); // a long, not input text
                }
            }
            return connection;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The page size of the SQLCipher 4 format. */
    public static int pageSize() {
        return 4096;
    }

    /** The version string of SQLite and of the cipher extension, for diagnostics. */
    public static String describe(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT sqlite_version(), sqlite3mc_version()")) {
            rows.next();
            return "SQLite " + rows.getString(1) + ", " + rows.getString(2);
        }
    }

    /**
     * The JDBC URL of a database file. The driver reads pragmas from a {@code ?} part and gives
     * {@code :memory:}, {@code file:} and {@code :resource:} prefixes meanings of their own, so only
     * an absolute, normalised path without {@code ?} is accepted; nothing else reaches the URL.
     */
    static String url(Path databaseFile) {
        Path absolute = databaseFile.toAbsolutePath().normalize();
        String text = absolute.toString();
        if (!absolute.isAbsolute() || text.indexOf('?') >= 0 || text.startsWith(":") || text.startsWith("file:")) {
            throw new IllegalArgumentException("unsupported store path");
        }
        return "jdbc:sqlite:" + text;
    }

    public static Failure classify(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return Failure.FULL;
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return Failure.CORRUPT;
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Failure.NOT_A_DATABASE;
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return Failure.LOCKED;
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            return Failure.CONSTRAINT;
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return Failure.IO;
        }
        return Failure.OTHER;
    }

    /** A short name of the failure's result code, safe for logs (no SQL, no values). */
    public static String codeName(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode().name();
        }
        return "SQL error " + e.getErrorCode() + " "
                + String.valueOf(e.getSQLState()).toLowerCase(Locale.ROOT);
    }
}

package org.vermerk.keystore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.keystore.internal.Database;
import org.vermerk.keystore.internal.EncryptedSqlite;
import org.vermerk.keystore.internal.KeyFile;
import org.vermerk.keystore.internal.PrivateFiles;
import org.vermerk.keystore.internal.Schema;
import org.vermerk.keystore.internal.StoreLock;
import org.vermerk.keystore.internal.UnlockThrottle;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * The locally encrypted store of one device: keys, group states, conversations and history, in
 * one directory.
 *
 * <p>Files: {@code vermerk.db} (SQLCipher 4 format, encrypted page by page with a random 256-bit
 * database key; its WAL is encrypted alike), {@code vermerk.key} (the database key wrapped by a
 * {@link KeyProtector}, by default under an Argon2id-derived key from the passphrase), {@code
 * vermerk.lock} (held while open), {@code unlock-attempts} (failed unlocks, for the growing delay)
 * and {@code native/} (the driver's extracted library, unless the application image brings it).
 *
 * <p>Lifecycle: {@link #create} or {@link #open} returns an open store; {@link #close} ends it, and
 * no call is allowed afterwards. One process at a time: a second open fails with {@link
 * StoreLockedException}. The methods are thread-safe; all database work is serialised on one
 * connection, and every write is one transaction ({@link #apply} for everything a conversation's
 * step changes).
 */
public final class Keystore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);

    static final String DATABASE_FILE = "vermerk.db";
    static final String KEY_FILE = "vermerk.key";
    static final String LOCK_FILE = "vermerk.lock";
    static final String THROTTLE_FILE = "unlock-attempts";

    private final Path directory;
    private final KeystoreOptions options;
    private final StoreLock lock;
    private final Database db;
    private final Bytes storeId;
    private final TransitionWriter transitions;

    /** Derived from the database key at open, for backups; wiped at close. */
    private final Secret backupMacKey;

    private Keystore(
            Path directory, KeystoreOptions options, StoreLock lock, Database db, Bytes storeId, Secret backupMacKey) {
        this.directory = directory;
        this.backupMacKey = backupMacKey;
        this.options = options;
        this.lock = lock;
        this.db = db;
        this.storeId = storeId;
        this.transitions = new TransitionWriter(options.clock(), options.pastEpochWindow());
    }

    /** Creates a new, empty store protected by the passphrase; the directory must hold no store. */
    public static Keystore create(Path directory, Passphrase passphrase, KeystoreOptions options)
            throws KeystoreException {
        return create(directory, new PassphraseProtector(passphrase, options.kdf(), options.random()), options);
    }

    public static Keystore create(Path directory, KeyProtector protector, KeystoreOptions options)
            throws KeystoreException {
        Path db = directory.resolve(DATABASE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(db) || Files.exists(keyFile)) {
            throw new StoreAlreadyExistsException("a store already exists in this directory");
        }
        StoreLock lock = prepare(directory, options);
        byte[] id = new byte[16];
        options.random().nextBytes(id);
        Bytes storeId = Bytes.of(id);
        byte[] raw = new byte[32];
        options.random().nextBytes(raw);
        Secret key = Secret.wrap(raw);
        boolean done = false;
        try {
            KeySlot slot = protector.wrap(key, KeyFile.header(storeId));
            PrivateFiles.createPrivateFile(db);
            Connection connection = openDatabase(db, key, true, options);
            Database database = new Database(connection);
            try {
                Schema.migrate(connection);
                database.write(c -> {
                    try (var s = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)")) {
                        s.setString(1, "store_id");
                        s.setString(2, storeId.hex());
                        s.setString(3, "created_at");
                        s.setString(4, options.clock().instant().toString());
                        return s.executeUpdate();
                    }
                });
                new KeyFile(storeId, List.of(slot)).write(keyFile);
            } catch (SQLException | KeystoreException | IOException | RuntimeException e) {
                database.close();
                throw e;
            }
            done = true;
            LOG.info("created a new store");
            return new Keystore(directory, options, lock, database, storeId, Backup.macKey(key));
        } catch (SQLException e) {
            throw Database.translate("create", e);
        } catch (IOException e) {
            throw new KeystoreIoException("cannot create the store files", e);
        } finally {
            key.destroy();
            if (!done) {
                deleteQuietly(keyFile);
                deleteQuietly(db);
                deleteQuietly(directory.resolve(DATABASE_FILE + "-wal"));
                closeQuietly(lock);
            }
        }
    }

    /** Opens and unlocks an existing store with its passphrase. */
    public static Keystore open(Path directory, Passphrase passphrase, KeystoreOptions options)
            throws KeystoreException {
        return open(directory, new PassphraseProtector(passphrase, options.kdf(), options.random()), options);
    }

    /**
     * Opens and unlocks an existing store. Order: take the process lock, honour the delay after
     * failed attempts, unwrap the database key, open the database, check it belongs to the key
     * file, run pending migrations, and rewrap the key if its KDF parameters are below the
     * configured ones.
     *
     * @throws StoreNotFoundException no store in the directory
     * @throws StoreLockedException open in another process
     * @throws UnlockThrottledException wait before trying again
     * @throws WrongPassphraseException the credential does not open the key file
     * @throws StoreCorruptedException a store file is damaged; nothing was changed
     * @throws StoreVersionException written by a newer Vermerk; nothing was changed
     */
    public static Keystore open(Path directory, KeyProtector protector, KeystoreOptions options)
            throws KeystoreException {
        Path keyFilePath = directory.resolve(KEY_FILE);
        Path dbPath = directory.resolve(DATABASE_FILE);
        if (!Files.exists(keyFilePath) && !Files.exists(dbPath)) {
            throw new StoreNotFoundException("no store in this directory");
        }
        StoreLock lock = prepare(directory, options);
        Secret key = null;
        Database database = null;
        try {
            preloadNativeLibrary();
            if (!Files.exists(keyFilePath)) {
                throw new StoreCorruptedException("the key file is missing");
            }
            KeyFile keyFile = KeyFile.read(keyFilePath);
            if (!Files.exists(dbPath)) {
                throw new StoreCorruptedException("the database file is missing");
            }
            UnlockThrottle throttle = new UnlockThrottle(directory.resolve(THROTTLE_FILE), options.clock());
            var wait = throttle.remainingWait();
            if (!wait.isZero()) {
                throw new UnlockThrottledException(wait);
            }
            int opened = -1;
            for (int i = 0; i < keyFile.slots().size() && key == null; i++) {
                Optional<Secret> unwrapped = protector.unwrap(keyFile.slots().get(i), keyFile.header());
                if (unwrapped.isPresent()) {
                    key = unwrapped.get();
                    opened = i;
                }
            }
            if (key == null) {
                UnlockThrottle.State state = throttle.recordFailure();
                LOG.info("unlock failed ({} in a row)", state.failures());
                throw new WrongPassphraseException(state.failures(), UnlockThrottle.delayAfter(state.failures()));
            }
            throttle.reset();
            Connection connection;
            try {
                connection = openDatabase(dbPath, key, false, options);
            } catch (SQLException e) {
                throw switch (EncryptedSqlite.classify(e)) {
                    // the key unwrapped, so a database that does not decrypt is damaged or foreign
                    case NOT_A_DATABASE, CORRUPT ->
                        new StoreCorruptedException(
                                "the database file is damaged or does not belong to this key file ("
                                        + EncryptedSqlite.codeName(e) + ")",
                                e);
                    case IO, FULL ->
                        diskAlmostFull(directory)
                                ? new StoreFullException("the disk is full; free some space and open again", e)
                                : Database.translate("open", e);
                    default -> Database.translate("open", e);
                };
            }
            database = new Database(connection);
            checkIntegrityAtOpen(connection, dbPath, keyFile.storeId());
            Schema.migrate(connection);
            if (protector.wantsRewrap(keyFile.slots().get(opened))) {
                List<KeySlot> slots = new java.util.ArrayList<>(keyFile.slots());
                slots.set(opened, protector.wrap(key, keyFile.header()));
                new KeyFile(keyFile.storeId(), slots).write(keyFilePath);
                LOG.info("key file rewrapped with stronger KDF parameters");
            }
            Keystore store = new Keystore(directory, options, lock, database, keyFile.storeId(), Backup.macKey(key));
            database = null;
            lock = null;
            LOG.debug("store opened ({})", EncryptedSqlite.describe(connection));
            return store;
        } catch (SQLException e) {
            throw Database.translate("open", e);
        } catch (IOException e) {
            throw new KeystoreIoException("cannot open the store files", e);
        } finally {
            if (key != null) {
                key.destroy();
            }
            if (database != null) {
                database.close();
            }
            closeQuietly(lock);
        }
    }

    /**
     * Starts loading SQLite's native library on another core while the protector derives the key
     * (Argon2id: the open waited for both one after the other; ADR 0030). Called inside the open's
     * {@code try}, so the store lock is released whatever happens; a thread that cannot be started
     * (the process is out of native threads) only leaves the load to the open, on the caller's thread.
     */
    private static void preloadNativeLibrary() {
        try {
            Thread.ofPlatform().name("vermerk-sqlite-load").daemon().start(EncryptedSqlite::loadNativeLibrary);
        } catch (OutOfMemoryError | RuntimeException e) {
            LOG.debug(
                    "event=sqlite_native_preload_not_started error={}",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Cheap checks at open, before any migration: the first page decrypts (the key fits), the
     * database belongs to this key file, and the file is not shorter than its header says.
     * {@link #checkIntegrity()} runs the full check.
     */
    private static void checkIntegrityAtOpen(Connection connection, Path dbPath, Bytes storeId)
            throws StoreCorruptedException, IOException {
        try (var s = connection.createStatement()) {
            try (var rows = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rows.next();
            }
            int version = Schema.version(connection);
            if (version >= 1) {
                try (var rows = s.executeQuery("SELECT value FROM meta WHERE key = 'store_id'")) {
                    if (!rows.next() || !rows.getString(1).equals(storeId.hex())) {
                        throw new StoreCorruptedException("the database does not belong to this key file");
                    }
                }
            }
            long pages;
            try (var rows = s.executeQuery("PRAGMA page_count")) {
                rows.next();
                pages = rows.getLong(1);
            }
            Path wal = dbPath.resolveSibling(DATABASE_FILE + "-wal");
            boolean walHasFrames = Files.exists(wal) && Files.size(wal) > 0;
            if (!walHasFrames && Files.size(dbPath) < pages * EncryptedSqlite.pageSize()) {
                throw new StoreCorruptedException("the database file is truncated");
            }
        } catch (SQLException e) {
            throw new StoreCorruptedException("the database file is damaged (" + EncryptedSqlite.codeName(e) + ")", e);
        }
    }

    /** Below this much free space an I/O failure at open is reported as a full disk. */
    private static final long ALMOST_FULL_BYTES = 1024 * 1024;

    private static boolean diskAlmostFull(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace() < ALMOST_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static StoreLock prepare(Path directory, KeystoreOptions options) throws KeystoreException {
        try {
            PrivateFiles.createPrivateDirectory(directory);
            EncryptedSqlite.prepareNativeLibrary(
                    options.nativeLibraryDirectory().orElse(directory.resolve("native")));
            return StoreLock.acquire(directory.resolve(LOCK_FILE));
        } catch (IOException e) {
            throw new KeystoreIoException("cannot prepare the store directory", e);
        }
    }

    static Connection openDatabase(Path dbPath, Secret key, boolean create, KeystoreOptions options)
            throws SQLException {
        long maxPages = options.maxDatabaseBytes() / EncryptedSqlite.pageSize();
        Connection connection = EncryptedSqlite.open(dbPath, key, create, maxPages);
        try (var s = connection.createStatement()) {
            // Constant pragmas; see docs/ARCHITECTURE.md (keystore) for why each is set.
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            try (var rows = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rows.next();
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA secure_delete = ON");
            s.execute("PRAGMA temp_store = MEMORY");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA journal_size_limit = 1048576");
            // 16 MiB of decrypted pages: each cache miss costs a read, an HMAC check and a decryption.
            s.execute("PRAGMA cache_size = -16384");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Stores one transition in one transaction: all of it or nothing. */
    public TransitionResult apply(Transition transition) throws KeystoreException {
        return db.write(c -> transitions.write(c, transition));
    }

    /** Stores several transitions in one transaction (a sync batch); all of them or none. */
    public List<TransitionResult> applyAll(List<Transition> batch) throws KeystoreException {
        return db.write(c -> {
            List<TransitionResult> results = new java.util.ArrayList<>();
            for (Transition t : batch) {
                results.add(transitions.write(c, t));
            }
            return results;
        });
    }

    public IdentityRepository identity() {
        return new IdentityRepository(db, options.clock());
    }

    public ConversationRepository conversations() {
        return new ConversationRepository(db);
    }

    public MessageRepository messages() {
        return new MessageRepository(db);
    }

    public RecordRepository records() {
        return new RecordRepository(db, options.clock());
    }

    public OutboxRepository outbox() {
        return new OutboxRepository(db);
    }

    public SyncRepository sync() {
        return new SyncRepository(db);
    }

    public SettingsRepository settings() {
        return new SettingsRepository(db);
    }

    /** The store's random identity (also in the key file header). */
    public Bytes storeId() {
        return storeId;
    }

    /** Runs SQLite's full integrity check; for IT diagnostics, it reads the whole file. */
    public void checkIntegrity() throws KeystoreException {
        String result = db.read(c -> {
            try (var s = c.createStatement();
                    var rows = s.executeQuery("PRAGMA integrity_check(1)")) {
                rows.next();
                return rows.getString(1);
            }
        });
        if (!"ok".equals(result)) {
            throw new StoreCorruptedException("the integrity check found damage");
        }
    }

    /**
     * Rewraps the database key under a new passphrase. Only the key file changes (atomically); the
     * database stays as it is.
     *
     * @throws WrongPassphraseException the old passphrase is wrong (counted like a failed unlock)
     */
    public void changePassphrase(Passphrase oldPassphrase, Passphrase newPassphrase) throws KeystoreException {
        rewrap(
                new PassphraseProtector(oldPassphrase, options.kdf(), options.random()),
                new PassphraseProtector(newPassphrase, options.kdf(), options.random()));
    }

    /** Replaces the slot {@code current} opens by one that {@code next} opens. */
    public void rewrap(KeyProtector current, KeyProtector next) throws KeystoreException {
        Path keyFilePath = directory.resolve(KEY_FILE);
        KeyFile keyFile = KeyFile.read(keyFilePath);
        UnlockThrottle throttle = new UnlockThrottle(directory.resolve(THROTTLE_FILE), options.clock());
        var wait = throttle.remainingWait();
        if (!wait.isZero()) {
            throw new UnlockThrottledException(wait);
        }
        try {
            for (int i = 0; i < keyFile.slots().size(); i++) {
                Optional<Secret> key = current.unwrap(keyFile.slots().get(i), keyFile.header());
                if (key.isPresent()) {
                    try {
                        List<KeySlot> slots = new java.util.ArrayList<>(keyFile.slots());
                        slots.set(i, next.wrap(key.get(), keyFile.header()));
                        new KeyFile(keyFile.storeId(), slots).write(keyFilePath);
                    } finally {
                        key.get().destroy();
                    }
                    throttle.reset();
                    LOG.info("passphrase changed");
                    return;
                }
            }
            UnlockThrottle.State state = throttle.recordFailure();
            throw new WrongPassphraseException(state.failures(), UnlockThrottle.delayAfter(state.failures()));
        } catch (IOException e) {
            throw new KeystoreIoException("cannot write the key file", e);
        }
    }

    /**
     * Writes an encrypted copy of the whole store to one file, for moving to a new device: {@link
     * #restore} opens it with the same passphrase. See {@link Backup} for the format.
     */
    public void backup(Path target) throws KeystoreException {
        Backup.write(this, target);
    }

    /** Restores a backup into an empty directory; the result is a normal store, opened. */
    public static Keystore restore(Path backup, Path directory, Passphrase passphrase, KeystoreOptions options)
            throws KeystoreException {
        Backup.restore(backup, directory, new PassphraseProtector(passphrase, options.kdf(), options.random()));
        return open(directory, passphrase, options);
    }

    Path directory() {
        return directory;
    }

    Secret backupMacKey() {
        return backupMacKey;
    }

    Database database() {
        return db;
    }

    /** Checkpoints and closes the database and releases the process lock. Idempotent. */
    @Override
    public void close() {
        db.close();
        backupMacKey.destroy();
        closeQuietly(lock);
    }

    private static void closeQuietly(StoreLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("releasing the store lock failed");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove a partly created store file");
        }
    }
}

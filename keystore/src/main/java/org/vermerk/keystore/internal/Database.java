package org.vermerk.keystore.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.KeystoreIoException;
import org.vermerk.keystore.StoreCorruptedException;
import org.vermerk.keystore.StoreFullException;
import org.vermerk.keystore.StoreLockedException;

/**
 * The store's one connection and its transaction rule: every write runs in exactly one transaction
 * ({@link #write}), which commits as a whole or rolls back as a whole. Calls from several threads
 * are serialised on one lock (the store is small and local; a second connection would buy little
 * and break exclusive locking). Driver failures leave here as typed {@link KeystoreException}s.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Connection connection; // guarded by lock
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed; // guarded by lock

    /** Work on the connection inside the lock (and, for writes, inside a transaction). */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, KeystoreException;
    }

    public Database(Connection connection) {
        this.connection = connection;
    }

    /** Runs read-only work (each statement sees a consistent snapshot). */
    public <T> T read(Work<T> work) throws KeystoreException {
        lock.lock();
        try {
            checkOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw translate("read", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work in one transaction: all of it is committed, or none of it. */
    public <T> T write(Work<T> work) throws KeystoreException {
        lock.lock();
        try {
            checkOpen();
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(connection);
                connection.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly();
                }
                restoreAutoCommit();
            }
        } catch (SQLException e) {
            throw translate("write", e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // SQLite may already have rolled back (for example after SQLITE_FULL); nothing to undo.
            LOG.debug("rollback after failure: {}", EncryptedSqlite.codeName(e));
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("restoring autocommit: {}", EncryptedSqlite.codeName(e));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /** Maps a driver failure to the store's typed exceptions; no SQL or values in the message. */
    public static KeystoreException translate(String operation, SQLException e) {
        String code = EncryptedSqlite.codeName(e);
        return switch (EncryptedSqlite.classify(e)) {
            case FULL -> new StoreFullException("the disk or the store's size limit is full (" + operation + ")", e);
            case CORRUPT, NOT_A_DATABASE ->
                new StoreCorruptedException("the database file is damaged (" + code + ")", e);
            case LOCKED -> new StoreLockedException("the database is locked by another process (" + code + ")");
            case IO -> new KeystoreIoException("the database could not be " + operation + " (" + code + ")", e);
            case CONSTRAINT -> new KeystoreException("a store constraint was violated (" + code + ")", e);
            case OTHER -> new KeystoreException("database " + operation + " failed (" + code + ")", e);
        };
    }

    /** Checkpoints the WAL into the database and closes the connection. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.warn("WAL checkpoint at close failed: {}", EncryptedSqlite.codeName(e));
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing the database failed: {}", EncryptedSqlite.codeName(e));
            }
        } finally {
            lock.unlock();
        }
    }
}

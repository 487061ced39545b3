package org.vermerk.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.server.storage.AppendResult.Accepted;

/**
 * The {@link DeliveryStore} on one SQLite database file (plain SQLite: the server holds
 * ciphertext and metadata only, ADR 0005). One connection, used by one writer thread (ADR 0020);
 * WAL journal with {@code synchronous=FULL}, so a returned call survives a crash or power loss.
 *
 * <p>Group commit (ADR 0018): every method is one unit of work, run serially by the writer thread,
 * but the units that callers submit while a commit is being written are run together in the next
 * database transaction, each inside its own savepoint, and share its one commit (one fsync of the WAL).
 * A unit that fails is rolled back to its savepoint alone and its caller gets the failure; the
 * others are unaffected. No call returns before the commit that holds its work is durable, so the
 * guarantees are those of one transaction per call, at a fraction of the fsyncs under load.
 */
public final class SqliteDeliveryStore implements DeliveryStore {
    /** Used by the writer thread only (and by {@link #close()} once that thread has ended). */
    private final Connection connection;

    private SqliteDeliveryStore(Connection connection) {
        this.connection = connection;
        writer = Thread.ofPlatform().name("vermerk-store-writer").daemon().unstarted(this::writeUntilClosed);
        writer.start();
    }

    /**
     * Opens (creating if needed) {@code database} and brings its schema up to date. The driver's
     * native library is extracted to {@code nativeLibraryDirectory} instead of the shared temp
     * directory.
     */
    public static SqliteDeliveryStore open(Path database, Path nativeLibraryDirectory) {
        try {
            Files.createDirectories(nativeLibraryDirectory);
            System.setProperty("org.sqlite.tmpdir", nativeLibraryDirectory.toString());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 5000");
            }
            connection.setAutoCommit(false);
            SchemaMigrations.apply(connection);
            return new SqliteDeliveryStore(connection);
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot open the database " + database, e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Most units of work in one database transaction, so that no caller waits behind an unbounded batch. */
    private static final int MAX_BATCH = 256;

    /** Units of work submitted and not yet taken into a batch; {@link #END} after the last. */
    private final BlockingQueue<Unit<?>> submitted = new LinkedBlockingQueue<>();

    /** Tells the writer that no unit follows. */
    private static final Unit<Void> END = new Unit<>(() -> null);

    /** Orders submissions before {@link #END}. */
    private final Object submitting = new Object();

    /** Guarded by {@link #submitting}. */
    private boolean closed;

    private final Thread writer;

    /**
     * One caller's work and, once its batch committed or failed, its outcome. The writer thread
     * runs it and sets the outcome; the caller waits for {@link #outcome}.
     */
    private static final class Unit<T> {
        private final Work<T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        /** Writer thread only, until {@link #outcome} is completed. */
        private T result;
        /** Writer thread only, until {@link #outcome} is completed. */
        private RuntimeException failure;

        Unit(Work<T> work) {
            this.work = work;
        }

        /** Publishes the outcome to the waiting caller. Writer thread. */
        void finish() {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        }

        T await() {
            try {
                return outcome.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new StorageException("a database transaction failed", e.getCause());
            }
        }
    }

    /**
     * Runs {@code work} as its own unit in a (possibly shared) transaction and returns once that
     * transaction is committed. One writer thread runs everything submitted so far as one batch.
     *
     * <p>Why a writer thread (ADR 0020): with the former leader/follower scheme every caller whose
     * unit another thread had run still had to take the store's lock to see it done, one after
     * another, so each batch of n units was followed by n lock hand-offs (a context switch each);
     * under load the store spent its time handing the lock on, not writing. Now the writer
     * completes each caller's future and all of them wake at once.
     */
    private <T> T transaction(Work<T> work) {
        Unit<T> mine = new Unit<>(work);
        synchronized (submitting) {
            if (closed) {
                throw new StorageException("the database is closed", null);
            }
            submitted.add(mine);
        }
        return mine.await();
    }

    /** The writer thread: batch after batch until {@link #END}. */
    private void writeUntilClosed() {
        List<Unit<?>> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            batch.clear();
            try {
                batch.add(submitted.take());
            } catch (InterruptedException e) {
                // Only close() ends the writer; an interrupt from elsewhere is not a reason to stop.
                continue;
            }
            submitted.drainTo(batch, MAX_BATCH - 1);
            end = batch.remove(END);
            if (!batch.isEmpty()) {
                try {
                    runBatch(batch);
                } catch (Error e) {
                    // runBatch ended every unit of the batch; the writer must live on, or every
                    // later caller would wait for ever. Undo what the batch left open.
                    try {
                        connection.rollback();
                    } catch (SQLException | RuntimeException rollback) {
                        // nothing more to undo here; the next batch starts a new transaction
                    }
                }
            }
        }
    }

    /** Runs the units in one transaction, each in a savepoint, then commits. Writer thread. */
    private void runBatch(List<Unit<?>> batch) {
        StorageException failed = null;
        boolean committed = false;
        try {
            for (Unit<?> unit : batch) {
                runInSavepoint(unit);
            }
            connection.commit();
            committed = true;
        } catch (SQLException | RuntimeException e) {
            // The commit failed, or a unit could not be undone alone: the whole batch is undone.
            failed = new StorageException("a database transaction failed", e);
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
        } finally {
            // Even on an Error every unit must end, or its caller would wait for ever.
            for (Unit<?> unit : batch) {
                if (!committed && unit.failure == null) {
                    unit.failure =
                            failed != null ? failed : new StorageException("a database transaction failed", null);
                    unit.result = null;
                }
                unit.finish();
            }
        }
    }

    /**
     * Runs one unit; its own failure is recorded in it and its changes undone. Throws only when
     * the savepoint itself cannot be set or undone, which leaves the transaction in doubt.
     */
    private <T> void runInSavepoint(Unit<T> unit) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            unit.result = unit.work.run();
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            unit.failure = e instanceof RuntimeException runtime
                    ? runtime
                    : new StorageException("a database transaction failed", e);
            return;
        }
        connection.releaseSavepoint(savepoint);
    }

    /**
     * Prepared statements by their SQL, kept for the connection's life: preparing (parsing and
     * planning) each statement anew on every call was a good part of the store's CPU time under
     * load. Every parameter is bound again on each use. Writer thread only.
     */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Bytes bytes) {
                statement.setBytes(i + 1, bytes.toByteArray());
            } else if (value instanceof Instant instant) {
                statement.setLong(i + 1, instant.toEpochMilli());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        return prepare(sql, parameters).executeUpdate();
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... parameters) throws SQLException {
        // Closing the result set resets the cached statement for its next use.
        try (ResultSet result = prepare(sql, parameters).executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(row.read(result));
            }
            return rows;
        }
    }

    private <T> Optional<T> first(String sql, Row<T> row, Object... parameters) throws SQLException {
        return query(sql, row, parameters).stream().findFirst();
    }

    private static Bytes bytes(ResultSet row, String column) throws SQLException {
        return Bytes.of(row.getBytes(column));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    // Accounts and devices.

    @Override
    public boolean addUser(User user, Instant now) {
        return transaction(() -> update(
                        "INSERT OR IGNORE INTO users VALUES (?, ?, ?, ?)",
                        user.userId(),
                        user.displayName(),
                        fold(user.displayName()),
                        now)
                == 1);
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getString("user_id"), row.getString("display_name"));
    }

    @Override
    public Optional<User> user(String userId) {
        return transaction(() -> first("SELECT * FROM users WHERE user_id = ?", SqliteDeliveryStore::user, userId));
    }

    @Override
    public List<User> usersByNamePrefix(String prefix, int limit) {
        String folded = fold(prefix);
        return transaction(() -> query(
                "SELECT * FROM users WHERE substr(display_name_folded, 1, length(?)) = ?"
                        + " ORDER BY display_name_folded, user_id LIMIT ?",
                SqliteDeliveryStore::user,
                folded,
                folded,
                limit));
    }

    @Override
    public void addEnrolmentCode(Bytes codeHash, String userId, Instant expiresAt) {
        transaction(() -> update("INSERT INTO enrolment_codes VALUES (?, ?, ?)", codeHash, userId, expiresAt));
    }

    @Override
    public Optional<Device> enrol(Bytes codeHash, Device device, Instant now) {
        return transaction(() -> {
            Optional<String> owner = first(
                    "SELECT user_id FROM enrolment_codes WHERE code_hash = ? AND expires_at > ?",
                    row -> row.getString(1),
                    codeHash,
                    now);
            if (owner.isEmpty() || (device.userId() != null && !owner.get().equals(device.userId()))) {
                return Optional.empty();
            }
            Device enrolled = new Device(
                    device.deviceId(),
                    owner.get(),
                    device.deviceName(),
                    device.signatureScheme(),
                    device.signatureKey());
            update("DELETE FROM enrolment_codes WHERE code_hash = ?", codeHash);
            update(
                    "INSERT INTO devices (device_id, user_id, device_name, signature_scheme, signature_key,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    enrolled.deviceId(),
                    enrolled.userId(),
                    enrolled.deviceName(),
                    enrolled.signatureScheme(),
                    enrolled.signatureKey(),
                    now);
            return Optional.of(enrolled);
        });
    }

    private static Device device(ResultSet row) throws SQLException {
        return new Device(
                row.getString("device_id"),
                row.getString("user_id"),
                row.getString("device_name"),
                row.getString("signature_scheme"),
                bytes(row, "signature_key"));
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return transaction(
                () -> first("SELECT * FROM devices WHERE device_id = ?", SqliteDeliveryStore::device, deviceId));
    }

    @Override
    public List<Device> devicesOf(String userId) {
        return transaction(() -> query(
                "SELECT * FROM devices WHERE user_id = ? ORDER BY created_at, device_id",
                SqliteDeliveryStore::device,
                userId));
    }

    // KeyPackages.

    @Override
    public KeyPackageStock addKeyPackages(String deviceId, List<Bytes> oneTime, Bytes lastResort, Instant now) {
        return transaction(() -> {
            for (Bytes keyPackage : oneTime) {
                update(
                        "INSERT INTO key_packages (device_id, data, last_resort, created_at) VALUES (?, ?, 0, ?)",
                        deviceId,
                        keyPackage,
                        now);
            }
            if (lastResort != null) {
                update("DELETE FROM key_packages WHERE device_id = ? AND last_resort = 1", deviceId);
                update(
                        "INSERT INTO key_packages (device_id, data, last_resort, created_at) VALUES (?, ?, 1, ?)",
                        deviceId,
                        lastResort,
                        now);
            }
            return stock(deviceId);
        });
    }

    private KeyPackageStock stock(String deviceId) throws SQLException {
        return first(
                        "SELECT coalesce(sum(1 - last_resort), 0), coalesce(max(last_resort), 0)"
                                + " FROM key_packages WHERE device_id = ?",
                        row -> new KeyPackageStock(row.getInt(1), row.getInt(2) == 1),
                        deviceId)
                .orElseThrow();
    }

    @Override
    public KeyPackageStock keyPackageStock(String deviceId) {
        return transaction(() -> stock(deviceId));
    }

    private record StoredKeyPackage(long id, Bytes data, boolean lastResort) {}

    @Override
    public List<ClaimedKeyPackage> claimKeyPackages(String userId, String claimingDeviceId) {
        return transaction(() -> {
            List<ClaimedKeyPackage> claimed = new ArrayList<>();
            List<String> devices = query(
                    "SELECT device_id FROM devices WHERE user_id = ? AND device_id <> ? ORDER BY created_at, device_id",
                    row -> row.getString(1),
                    userId,
                    claimingDeviceId);
            for (String deviceId : devices) {
                Optional<StoredKeyPackage> next = first(
                        "SELECT id, data, last_resort FROM key_packages WHERE device_id = ?"
                                + " ORDER BY last_resort, id LIMIT 1",
                        row -> new StoredKeyPackage(row.getLong(1), bytes(row, "data"), row.getInt(3) == 1),
                        deviceId);
                if (next.isEmpty()) {
                    continue;
                }
                if (!next.get().lastResort()) {
                    update("DELETE FROM key_packages WHERE id = ?", next.get().id());
                }
                claimed.add(new ClaimedKeyPackage(
                        deviceId,
                        next.get().data(),
                        next.get().lastResort(),
                        stock(deviceId).oneTime()));
            }
            return claimed;
        });
    }

    // Groups, logs and queues.

    @Override
    public boolean createGroup(Bytes groupId, String creatorDeviceId, Instant now) {
        return transaction(() -> {
            if (update("INSERT OR IGNORE INTO mls_groups VALUES (?, 0, 0, ?)", groupId, now) == 0) {
                return false;
            }
            update("INSERT INTO group_members VALUES (?, ?)", groupId, creatorDeviceId);
            return true;
        });
    }

    private Optional<GroupRecord> readGroup(Bytes groupId) throws SQLException {
        Optional<Long> epoch = first("SELECT epoch FROM mls_groups WHERE group_id = ?", row -> row.getLong(1), groupId);
        if (epoch.isEmpty()) {
            return Optional.empty();
        }
        List<String> members = query(
                "SELECT device_id FROM group_members WHERE group_id = ? ORDER BY device_id",
                row -> row.getString(1),
                groupId);
        return Optional.of(new GroupRecord(groupId, epoch.get(), members));
    }

    @Override
    public Optional<GroupRecord> group(Bytes groupId) {
        return transaction(() -> readGroup(groupId));
    }

    @Override
    public AppendResult append(NewGroupMessage message) {
        return transaction(() -> {
            Optional<Accepted> earlier = first(
                    "SELECT log_index, epoch, kind, received_at FROM messages"
                            + " WHERE sender_device = ? AND client_message_id = ?",
                    row -> new Accepted(
                            row.getLong(1),
                            row.getLong(2) + (row.getString(3).equals(DeliveryKind.COMMIT.wireName()) ? 1 : 0),
                            true,
                            Map.of(),
                            Instant.ofEpochMilli(row.getLong(4))),
                    message.senderDeviceId(),
                    message.clientMessageId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            Optional<GroupRecord> found = readGroup(message.groupId());
            if (found.isEmpty()) {
                return new AppendResult.NoSuchGroup();
            }
            GroupRecord group = found.get();
            Set<String> members = new LinkedHashSet<>(group.memberDevices());
            if (!members.contains(message.senderDeviceId())) {
                return new AppendResult.NotMember();
            }
            if (message.epoch() != group.epoch()) {
                return new AppendResult.StaleEpoch(group.epoch());
            }
            Optional<String> invalid = checkMembers(message, members);
            if (invalid.isPresent()) {
                return new AppendResult.InvalidMembers(invalid.get());
            }
            long logIndex = first(
                            "SELECT next_log_index FROM mls_groups WHERE group_id = ?",
                            row -> row.getLong(1),
                            message.groupId())
                    .orElseThrow();
            long messageId = insertMessage(
                    message.groupId(),
                    message.kind(),
                    logIndex,
                    message.epoch(),
                    message.senderDeviceId(),
                    message.clientMessageId(),
                    message.payload(),
                    message.receivedAt());
            String senderUserId = first(
                            "SELECT user_id FROM devices WHERE device_id = ?",
                            row -> row.getString(1),
                            message.senderDeviceId())
                    .orElse(null);
            // As the queue returns it: the time at the database's millisecond precision.
            Instant receivedAt = Instant.ofEpochMilli(message.receivedAt().toEpochMilli());
            Map<String, QueuedDelivery> queued = new HashMap<>();
            for (String device : members) {
                if (!device.equals(message.senderDeviceId())) {
                    long seq = enqueue(device, messageId);
                    queued.put(
                            device,
                            new QueuedDelivery(
                                    seq,
                                    message.kind(),
                                    message.groupId(),
                                    logIndex,
                                    message.epoch(),
                                    senderUserId,
                                    message.senderDeviceId(),
                                    message.payload(),
                                    receivedAt));
                }
            }
            long epochAfter = message.epoch();
            if (message.kind() == DeliveryKind.COMMIT) {
                epochAfter++;
                if (message.welcome() != null && !message.addDevices().isEmpty()) {
                    long welcomeId = insertMessage(
                            message.groupId(),
                            DeliveryKind.WELCOME,
                            null,
                            epochAfter,
                            message.senderDeviceId(),
                            null,
                            message.welcome(),
                            message.receivedAt());
                    for (String device : message.addDevices()) {
                        long seq = enqueue(device, welcomeId);
                        queued.put(
                                device,
                                new QueuedDelivery(
                                        seq,
                                        DeliveryKind.WELCOME,
                                        message.groupId(),
                                        null,
                                        null,
                                        senderUserId,
                                        message.senderDeviceId(),
                                        message.welcome(),
                                        receivedAt));
                    }
                }
                for (String device : message.addDevices()) {
                    update("INSERT INTO group_members VALUES (?, ?)", message.groupId(), device);
                }
                for (String device : message.removeDevices()) {
                    update("DELETE FROM group_members WHERE group_id = ? AND device_id = ?", message.groupId(), device);
                }
            }
            update(
                    "UPDATE mls_groups SET epoch = ?, next_log_index = ? WHERE group_id = ?",
                    epochAfter,
                    logIndex + 1,
                    message.groupId());
            return new Accepted(logIndex, epochAfter, false, queued, message.receivedAt());
        });
    }

    private Optional<String> checkMembers(NewGroupMessage message, Set<String> members) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (String device : message.addDevices()) {
            if (!seen.add(device) || members.contains(device)) {
                return Optional.of("an added device is already a member");
            }
            if (first("SELECT 1 FROM devices WHERE device_id = ?", row -> 1, device)
                    .isEmpty()) {
                return Optional.of("an added device is not enrolled");
            }
        }
        for (String device : message.removeDevices()) {
            if (!seen.add(device) || !members.contains(device)) {
                return Optional.of("a removed device is not a member");
            }
        }
        return Optional.empty();
    }

    private long insertMessage(
            Bytes groupId,
            DeliveryKind kind,
            Long logIndex,
            long epoch,
            String sender,
            String clientMessageId,
            Bytes payload,
            Instant receivedAt)
            throws SQLException {
        return first(
                        "INSERT INTO messages (group_id, kind, log_index, epoch, sender_device, client_message_id,"
                                + " payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        row -> row.getLong(1),
                        groupId,
                        kind.wireName(),
                        logIndex,
                        epoch,
                        sender,
                        clientMessageId,
                        payload,
                        receivedAt)
                .orElseThrow();
    }

    /** Queues the message for the device and returns the entry's sequence number. */
    private long enqueue(String deviceId, long messageId) throws SQLException {
        long seq = first(
                        "UPDATE devices SET last_seq = last_seq + 1 WHERE device_id = ? RETURNING last_seq",
                        row -> row.getLong(1),
                        deviceId)
                .orElseThrow(() -> new SQLException("no device to queue for"));
        update("INSERT INTO queue VALUES (?, ?, ?)", deviceId, seq, messageId);
        return seq;
    }

    @Override
    public List<QueuedDelivery> pending(String deviceId, long afterSeq, int limit) {
        return transaction(() -> query(
                """
                SELECT q.seq, m.kind, m.group_id, m.log_index, m.epoch, m.sender_device, d.user_id,
                       m.payload, m.received_at
                FROM queue q JOIN messages m ON m.id = q.message_id
                     LEFT JOIN devices d ON d.device_id = m.sender_device
                WHERE q.device_id = ? AND q.seq > ? ORDER BY q.seq LIMIT ?""",
                row -> {
                    DeliveryKind kind = DeliveryKind.fromWireName(row.getString("kind"));
                    return new QueuedDelivery(
                            row.getLong("seq"),
                            kind,
                            bytes(row, "group_id"),
                            nullableLong(row, "log_index"),
                            kind == DeliveryKind.WELCOME ? null : nullableLong(row, "epoch"),
                            row.getString("user_id"),
                            row.getString("sender_device"),
                            bytes(row, "payload"),
                            Instant.ofEpochMilli(row.getLong("received_at")));
                },
                deviceId,
                afterSeq,
                limit));
    }

    @Override
    public long ackedUpTo(String deviceId) {
        return transaction(
                () -> first("SELECT acked_seq FROM devices WHERE device_id = ?", row -> row.getLong(1), deviceId)
                        .orElse(0L));
    }

    @Override
    public long ack(String deviceId, long upTo) {
        return transaction(() -> {
            long acked = first(
                            "UPDATE devices SET acked_seq = max(acked_seq, min(?, last_seq)) WHERE device_id = ?"
                                    + " RETURNING acked_seq",
                            row -> row.getLong(1),
                            upTo,
                            deviceId)
                    .orElse(0L);
            update("DELETE FROM queue WHERE device_id = ? AND seq <= ?", deviceId, acked);
            return acked;
        });
    }

    // Attachments.

    @Override
    public void addAttachment(String attachmentId, String uploaderDeviceId, long size, Instant now) {
        transaction(
                () -> update("INSERT INTO attachments VALUES (?, ?, ?, ?)", attachmentId, uploaderDeviceId, size, now));
    }

    @Override
    public boolean attachmentExists(String attachmentId) {
        return transaction(() -> first("SELECT 1 FROM attachments WHERE attachment_id = ?", row -> 1, attachmentId)
                .isPresent());
    }

    @Override
    public List<String> removeAttachmentsBefore(Instant cutoff) {
        return transaction(() -> {
            List<String> ids = query(
                    "SELECT attachment_id FROM attachments WHERE created_at < ?", row -> row.getString(1), cutoff);
            update("DELETE FROM attachments WHERE created_at < ?", cutoff);
            return ids;
        });
    }

    // Retention.

    @Override
    public int deleteMessagesBefore(Instant cutoff) {
        return transaction(() -> {
            update("DELETE FROM queue WHERE message_id IN (SELECT id FROM messages WHERE received_at < ?)", cutoff);
            return update("DELETE FROM messages WHERE received_at < ?", cutoff);
        });
    }

    @Override
    public int deleteExpiredCodes(Instant now) {
        return transaction(() -> update("DELETE FROM enrolment_codes WHERE expires_at <= ?", now));
    }

    @Override
    public boolean isHealthy() {
        try {
            return transaction(() -> first("SELECT 1", row -> row.getInt(1)).isPresent());
        } catch (StorageException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (submitting) {
            if (closed) {
                return;
            }
            closed = true;
            submitted.add(END);
        }
        // Everything submitted before END is run and committed first: closing loses nothing.
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("closing the database failed", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.vermerk.app.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.account.Account;
import org.vermerk.app.connection.BlobStatusException;
import org.vermerk.app.connection.BlobTransfer;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.Payload;
import org.vermerk.app.records.AttachmentContents;
import org.vermerk.keystore.Attachment;
import org.vermerk.keystore.KeystoreException;
import org.vermerk.keystore.Message;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * Files in conversations (ADR 0021): sending (encrypt into the cache, hold the message, upload,
 * then send it through the outbox), downloading on demand with hash check, saving and opening.
 *
 * <p>Sending survives a crash: the message and its attachment row (state UPLOADING, with the key)
 * are stored before the upload starts, the encrypted blob is in the cache, and the message enters
 * the outbox only in the transition that records the blob ID. {@link #start} uploads again what a
 * crash or a lost connection left UPLOADING; the server's blob of an interrupted upload is never
 * referenced and expires with the retention period.
 *
 * <p>Threading: uploads run one at a time on this service's own thread, retried with a growing
 * pause while the server is unreachable; {@link Listener} calls come from it (and, for downloads,
 * from the calling thread). The other methods block; never call them on a UI thread. A download of
 * one attachment runs at most once at a time.
 */
public final class Attachments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);

    /** The server's default blob limit, used until a ticket told the real one. */
    public static final long DEFAULT_MAX_BLOB_BYTES = 25L * 1024 * 1024;

    /**
     * Files up to this size are fetched as soon as a chat shows them (a user expects a small PDF or
     * picture to be there, also later offline); larger ones when the user opens or saves them.
     */
    public static final long AUTO_DOWNLOAD_BYTES = 2L * 1024 * 1024;

    private static final String MAX_BYTES_KEY = "attachments.maxBlobBytes";
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(60);
    private static final Duration TICKET_MARGIN = Duration.ofSeconds(30);

    /** What the service reports; methods should return quickly. */
    public interface Listener {
        /** Bytes moved of an upload or download; {@code total} is the encrypted size. */
        default void onProgress(String conversationId, String messageId, long done, long total) {}

        /** An upload finished: the message is in the outbox. */
        default void onUploaded(String conversationId, String messageId) {}

        /** An own file cannot be sent (too large for the server, or its encrypted copy is lost): the message is FAILED. */
        default void onUploadFailed(String conversationId, String messageId, AttachmentException reason) {}

        /** A file was downloaded and checked; it can be opened offline now. */
        default void onDownloaded(String conversationId, String messageId) {}
    }

    private final Account account;
    private final ConversationEngine engine;
    private final Listener listener;
    private final BlobTransfer transfer;
    private final AttachmentCache cache;
    private final OpenedFiles opened;

    /** The partial files of saves in progress, and the leftovers of crashed ones. */
    private final SaveParts saveParts = new SaveParts();

    private final SecureRandom random = new SecureRandom();
    private final ExecutorService uploads = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("vermerk-attachments").daemon().factory());
    private final Map<String, Object> downloadLocks = new ConcurrentHashMap<>();

    /** Guarded by this: the last ticket, reused until shortly before it expires. */
    private ServerFrame.AttachmentTicketIssued ticket;

    private Attachments(Account account, ConversationEngine engine, Listener listener) throws IOException {
        this.account = account;
        this.engine = engine;
        this.listener = listener;
        this.transfer = account.blobTransfer();
        this.cache = new AttachmentCache(cacheDirectory(account));
        this.opened = new OpenedFiles(account.home().directory().resolve("open"));
    }

    /**
     * Starts the service: removes what a crash left (partial blobs, opened copies) and uploads again
     * every file left UPLOADING.
     */
    public static Attachments start(Account account, ConversationEngine engine, Listener listener)
            throws AttachmentException {
        try {
            Attachments attachments = new Attachments(account, engine, listener);
            attachments.cache.removeParts();
            attachments.opened.clear();
            attachments.resume();
            return attachments;
        } catch (IOException e) {
            throw new AttachmentFileException("the attachment cache cannot be prepared", e);
        } catch (KeystoreException e) {
            throw new AttachmentException("the store cannot be read", e);
        }
    }

    /** Where an account's encrypted attachments are kept. */
    static Path cacheDirectory(Account account) {
        return account.home().directory().resolve("attachments");
    }

    /** The decrypted copies made by {@link #open}; the client empties them on lock and exit. */
    public OpenedFiles opened() {
        return opened;
    }

    /** The largest file the server takes, as last heard (its blob limit less the encryption's overhead). */
    public long maxFileBytes() {
        return largestFile(maxBlobBytes());
    }

    // ---- sending ----

    /**
     * Sends a file, with an optional text: encrypts it into the cache (one pass, hashing on the way),
     * stores the message (PENDING, held) and returns it; the upload and the send follow on this
     * service's thread, also when the server is unreachable now.
     *
     * @throws AttachmentTooLargeException over the server's limit; nothing stored
     * @throws AttachmentFileException the file cannot be read
     * @throws org.vermerk.app.conversation.KeyChangeNotAcknowledgedException as for any content
     */
    public Message send(String conversationId, Path file, String text) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new AttachmentFileException("not a readable file", null);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new AttachmentFileException("the file cannot be read", e);
        }
        long max = maxBlobBytes();
        if (BlobFormat.blobSize(size) > max) {
            throw new AttachmentTooLargeException(size, largestFile(max));
        }
        byte[] rawKey = new byte[32];
        random.nextBytes(rawKey);
        Secret key = Secret.wrap(rawKey);
        Path part = cache.newPart();
        BlobEncryption.Sealed sealed;
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = Files.newOutputStream(part)) {
            sealed = BlobEncryption.encrypt(in, out, key);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new AttachmentFileException("the file cannot be read", e);
        }
        if (BlobFormat.blobSize(sealed.size()) > max) { // it grew while we read it
            Files.deleteIfExists(part);
            throw new AttachmentTooLargeException(sealed.size(), largestFile(max));
        }
        String fileName = file.getFileName().toString();
        String mediaType = MediaTypes.of(file);
        Optional<String> caption = text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        String[] kept = new String[1];
        Message held;
        try {
            held = engine.holdFile(conversationId, (id, now) -> {
                // the blob takes the message's ID as its name before the message is stored; if the
                // store fails the file is removed below (a crash in between leaves an unreferenced
                // ciphertext whose key is gone)
                try {
                    cache.keep(part, id);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                kept[0] = id;
                return new Payload.File(
                        id, now, fileName, mediaType, sealed.size(), Bytes.of(sealed.sha256()), key, "", caption);
            });
        } catch (Exception e) {
            Files.deleteIfExists(part);
            if (kept[0] != null) {
                cache.delete(kept[0]);
            }
            throw e instanceof java.io.UncheckedIOException u
                    ? new AttachmentFileException("the attachment cache cannot be written", u.getCause())
                    : e;
        } finally {
            key.destroy();
        }
        LOG.info("event=attachment_held conversation={} message={} size={}", conversationId, held.id(), sealed.size());
        uploads.execute(() -> upload(conversationId, held.id()));
        return held;
    }

    private void resume() throws KeystoreException {
        for (Attachment a : account.keystore().messages().attachmentsIn(Attachment.State.UPLOADING)) {
            a.fileKey().destroy();
            Optional<Message> message = account.keystore().messages().find(a.messageId());
            if (message.isEmpty()) {
                continue;
            }
            String conversationId = message.get().conversationId();
            LOG.info("event=attachment_upload_resumed message={}", a.messageId());
            uploads.execute(() -> upload(conversationId, a.messageId()));
        }
    }

    /** Uploads a held file and sends its message; on the upload thread. Retries while unreachable. */
    private void upload(String conversationId, String messageId) {
        Duration pause = RETRY_FIRST;
        while (!uploads.isShutdown()) {
            try {
                if (!cache.has(messageId)) {
                    fail(conversationId, messageId, new AttachmentFileException("the encrypted copy is lost", null));
                    return;
                }
                Path blob = cache.blob(messageId);
                long blobSize = Files.size(blob);
                long max = maxBlobBytesFromServer();
                if (blobSize > max) {
                    fail(conversationId, messageId, tooLarge(blobSize, max));
                    return;
                }
                String blobId = withTicket(token -> transfer.upload(
                        token, blob, (done, total) -> listener.onProgress(conversationId, messageId, done, total)));
                try {
                    engine.releaseFile(conversationId, messageId, blobId);
                } catch (org.vermerk.app.conversation.KeyChangeNotAcknowledgedException e) {
                    throw e; // waits for the user, like any message: tried again
                } catch (org.vermerk.app.conversation.ConversationException e) {
                    // Final, not a network hiccup: we were removed from the conversation, or the
                    // held message is gone or was sent already. Uploading again would not help.
                    fail(
                            conversationId,
                            messageId,
                            new AttachmentFileException("the message can no longer be sent", e));
                    return;
                }
                LOG.info("event=attachment_uploaded conversation={} message={}", conversationId, messageId);
                listener.onUploaded(conversationId, messageId);
                return;
            } catch (BlobStatusException e) {
                if (e.status() == BlobStatusException.TOO_LARGE) {
                    // the server's limit is lower than the one we checked against (it changed)
                    fail(conversationId, messageId, tooLarge(fileSize(messageId), maxBlobBytes()));
                    return;
                }
                pause = pauseAfter(e, messageId, pause);
                if (pause == null) {
                    return;
                }
            } catch (InterruptedException e) {
                return; // closing: resumed at the next start
            } catch (Exception e) {
                pause = pauseAfter(e, messageId, pause);
                if (pause == null) {
                    return;
                }
            }
        }
    }

    /** Waits before the next attempt; the next pause, or null when interrupted (closing). */
    private Duration pauseAfter(Exception e, String messageId, Duration pause) {
        LOG.info(
                "event=attachment_upload_retry message={} error={} pause_ms={}",
                messageId,
                e.getClass().getSimpleName(),
                pause.toMillis());
        try {
            Thread.sleep(pause);
        } catch (InterruptedException stop) {
            return null;
        }
        Duration next = pause.multipliedBy(2);
        return next.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : next;
    }

    private void fail(String conversationId, String messageId, AttachmentException reason) {
        try {
            engine.failHeldFile(conversationId, messageId);
        } catch (Exception e) {
            LOG.warn(
                    "event=attachment_fail_not_stored message={} error={}",
                    messageId,
                    e.getClass().getSimpleName());
        }
        LOG.info(
                "event=attachment_upload_failed message={} reason={}",
                messageId,
                reason.getClass().getSimpleName());
        listener.onUploadFailed(conversationId, messageId, reason);
    }

    private long fileSize(String messageId) {
        try {
            return account.keystore()
                    .messages()
                    .attachment(messageId)
                    .map(Attachment::size)
                    .orElse(0L);
        } catch (KeystoreException e) {
            return 0;
        }
    }

    private static AttachmentTooLargeException tooLarge(long blobOrFileSize, long maxBlob) {
        return new AttachmentTooLargeException(blobOrFileSize, largestFile(maxBlob));
    }

    /** The largest plaintext whose blob fits in {@code maxBlob} bytes. */
    static long largestFile(long maxBlob) {
        long chunks = Math.max(
                1,
                (maxBlob - BlobFormat.HEADER + BlobFormat.CHUNK + BlobFormat.TAG - 1)
                        / (BlobFormat.CHUNK + BlobFormat.TAG));
        return Math.max(0, maxBlob - BlobFormat.HEADER - chunks * BlobFormat.TAG);
    }

    // ---- tickets and the limit ----

    @FunctionalInterface
    private interface TicketCall<T> {
        T call(String token) throws ConnectionException, InterruptedException;
    }

    /** Runs a transfer with a valid ticket; a 401 (the server restarted, tickets live in its memory) gets one new ticket. */
    private <T> T withTicket(TicketCall<T> call) throws Exception {
        try {
            return call.call(ticket().token());
        } catch (BlobStatusException e) {
            if (e.status() != BlobStatusException.UNAUTHORIZED) {
                throw e;
            }
            synchronized (this) {
                ticket = null;
            }
            return call.call(ticket().token());
        }
    }

    private synchronized ServerFrame.AttachmentTicketIssued ticket() throws Exception {
        if (ticket == null
                || Instant.ofEpochMilli(ticket.expiresAtMillis())
                        .isBefore(account.clock().instant().plus(TICKET_MARGIN))) {
            ticket = engine.attachmentTicket();
            if (ticket.maxBytes() > 0 && ticket.maxBytes() != maxBlobBytes()) {
                account.keystore().settings().put(MAX_BYTES_KEY, Long.toString(ticket.maxBytes()));
            }
        }
        return ticket;
    }

    /** The server's blob limit, asking it (with a ticket) when none is known yet. */
    private long maxBlobBytesFromServer() throws Exception {
        ticket();
        return maxBlobBytes();
    }

    private long maxBlobBytes() {
        try {
            return account.keystore()
                    .settings()
                    .get(MAX_BYTES_KEY)
                    .map(Long::parseLong)
                    .orElse(DEFAULT_MAX_BLOB_BYTES);
        } catch (KeystoreException | NumberFormatException e) {
            return DEFAULT_MAX_BLOB_BYTES;
        }
    }

    // ---- reading ----

    /** The attachment of a message, as a user sees it; empty for a message without one. */
    public Optional<AttachmentState> state(String messageId) throws KeystoreException {
        Optional<Attachment> row = account.keystore().messages().attachment(messageId);
        row.ifPresent(a -> a.fileKey().destroy());
        return row.map(a -> new AttachmentState(
                a.messageId(),
                a.fileName(),
                a.mediaType(),
                a.size(),
                switch (a.state()) {
                    case UPLOADING -> AttachmentState.State.UPLOADING;
                    case FAILED -> AttachmentState.State.FAILED;
                    case REMOTE, DOWNLOADED ->
                        cache.has(a.id()) ? AttachmentState.State.ON_DEVICE : AttachmentState.State.ON_SERVER;
                }));
    }

    /**
     * Makes sure the encrypted file is on this device: downloads it if not, and checks it (every
     * chunk decrypts, the plaintext's SHA-256 is the one the message named) before keeping it.
     *
     * @throws AttachmentGoneException the server deleted it (retention) or never had it
     * @throws AttachmentHashMismatchException the content is not what the message named
     * @throws AttachmentCorruptException the blob does not decrypt
     * @throws AttachmentOfflineException the server cannot be reached
     */
    public void download(String messageId) throws AttachmentException, InterruptedException {
        Attachment row = row(messageId);
        row.fileKey().destroy();
        String conversationId = conversationOf(messageId);
        synchronized (downloadLocks.computeIfAbsent(row.id(), k -> new Object())) {
            if (cache.has(row.id())) {
                return;
            }
            if (row.blobRef().isEmpty()) {
                throw new AttachmentFileException("the encrypted copy of an unsent file is lost", null);
            }
            Path part;
            try {
                part = cache.newPart();
            } catch (IOException e) {
                throw new AttachmentFileException("the attachment cache cannot be written", e);
            }
            try {
                withTicket(token -> {
                    transfer.download(
                            token,
                            row.blobRef(),
                            part,
                            BlobFormat.blobSize(row.size()),
                            (done, total) -> listener.onProgress(conversationId, messageId, done, total));
                    return null;
                });
                verify(messageId, part);
                cache.keep(part, row.id());
                account.keystore().messages().attachmentState(row.id(), Attachment.State.DOWNLOADED);
            } catch (BlobStatusException e) {
                throw switch (e.status()) {
                    case BlobStatusException.NOT_FOUND -> new AttachmentGoneException(messageId);
                    case BlobStatusException.TOO_LARGE -> new AttachmentCorruptException(messageId);
                    default -> new AttachmentOfflineException(e);
                };
            } catch (ConnectionException e) {
                throw new AttachmentOfflineException(e);
            } catch (AttachmentException | InterruptedException e) {
                throw e;
            } catch (IOException e) {
                throw new AttachmentFileException("the attachment cache cannot be written", e);
            } catch (Exception e) {
                throw new AttachmentOfflineException(e);
            } finally {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a part left here is removed at the next start
                }
            }
        }
        LOG.info("event=attachment_downloaded message={}", messageId);
        listener.onDownloaded(conversationId, messageId);
    }

    /** Downloads in the background when small enough ({@link #AUTO_DOWNLOAD_BYTES}); failures wait for the user's click. */
    public void downloadIfSmall(String messageId) {
        try {
            Optional<AttachmentState> state = state(messageId);
            if (state.isEmpty()
                    || state.get().state() != AttachmentState.State.ON_SERVER
                    || state.get().size() > AUTO_DOWNLOAD_BYTES) {
                return;
            }
        } catch (KeystoreException e) {
            return;
        }
        Thread.ofVirtual().name("vermerk-autodownload").start(() -> {
            try {
                download(messageId);
            } catch (AttachmentException | InterruptedException e) {
                LOG.info(
                        "event=attachment_autodownload_failed message={} error={}",
                        messageId,
                        e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Saves the decrypted file at {@code target} (replaced), downloading it first if needed. Written
     * beside the target and moved into place only after its hash was checked; parts a crash left
     * in that folder before are removed first ({@link SaveParts}).
     */
    public void save(String messageId, Path target) throws AttachmentException, InterruptedException {
        download(messageId);
        Path absolute = target.toAbsolutePath();
        Path temp;
        try {
            // file times come from the system clock, so that is the clock to compare them with
            saveParts.removeStale(absolute.getParent(), java.time.Instant.now());
            temp = saveParts.create(absolute);
        } catch (IOException e) {
            throw new AttachmentFileException("the target directory cannot be written", e);
        }
        try {
            decryptTo(messageId, temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AttachmentFileException("the file cannot be written", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do; a part left here is removed at the next save into this folder
            }
            saveParts.done(temp);
        }
        LOG.info("event=attachment_saved message={}", messageId);
    }

    /**
     * Decrypts the file into a fresh owner-only directory under {@code HOME/open/} (emptied on lock
     * and exit) for another program to open; downloads it first if needed.
     *
     * @return the decrypted file, named as sent (made safe)
     */
    public Path open(String messageId) throws AttachmentException, InterruptedException {
        download(messageId);
        Attachment row = row(messageId);
        row.fileKey().destroy();
        Path target;
        try {
            target = opened.place(row.fileName());
        } catch (IOException e) {
            throw new AttachmentFileException("the directory for opened files cannot be written", e);
        }
        decryptTo(messageId, target);
        return target;
    }

    /** Where a records export reads attachments: the encrypted cache, downloading what is missing. */
    public AttachmentContents recordContents() {
        return attachment -> () -> {
            try {
                download(attachment.messageId());
            } catch (AttachmentException e) {
                throw new IOException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            return CachedAttachments.open(account.keystore(), cache, attachment.id());
        };
    }

    /** Decrypts from the cache into {@code target}, checking the hash; a mismatch deletes the target. */
    private void decryptTo(String messageId, Path target) throws AttachmentException {
        Attachment row = row(messageId);
        MessageDigest sha256 = Sha256s.newDigest();
        try (InputStream in = new DecryptingInputStream(Files.newInputStream(cache.blob(row.id())), row.fileKey());
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (DecryptingInputStream.CorruptBlobException e) {
            deleteQuietly(target);
            throw new AttachmentCorruptException(messageId);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new AttachmentFileException("the file cannot be written", e);
        } finally {
            row.fileKey().destroy();
        }
        if (!MessageDigest.isEqual(sha256.digest(), row.sha256().toByteArray())) {
            deleteQuietly(target);
            throw new AttachmentHashMismatchException(messageId);
        }
    }

    /** Checks a downloaded blob: every chunk decrypts and the plaintext hashes to the named SHA-256. */
    private void verify(String messageId, Path blob) throws AttachmentException, IOException {
        Attachment row = row(messageId);
        MessageDigest sha256 = Sha256s.newDigest();
        try (InputStream in = new DecryptingInputStream(Files.newInputStream(blob), row.fileKey())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
            }
        } catch (DecryptingInputStream.CorruptBlobException e) {
            throw new AttachmentCorruptException(messageId);
        } finally {
            row.fileKey().destroy();
        }
        if (!MessageDigest.isEqual(sha256.digest(), row.sha256().toByteArray())) {
            LOG.warn("event=attachment_hash_mismatch message={}", messageId);
            throw new AttachmentHashMismatchException(messageId);
        }
    }

    private Attachment row(String messageId) throws AttachmentException {
        try {
            return account.keystore()
                    .messages()
                    .attachment(messageId)
                    .orElseThrow(() -> new NoAttachmentException(messageId));
        } catch (KeystoreException e) {
            throw new AttachmentException("the store cannot be read", e);
        }
    }

    private String conversationOf(String messageId) throws AttachmentException {
        try {
            return account.keystore()
                    .messages()
                    .find(messageId)
                    .map(Message::conversationId)
                    .orElseThrow(() -> new NoAttachmentException(messageId));
        } catch (KeystoreException e) {
            throw new AttachmentException("the store cannot be read", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // removed with the open directory on lock or exit
        }
    }

    /** Stops the upload thread (an upload in progress is resumed at the next start); does not clear opened files. */
    @Override
    public void close() {
        uploads.shutdownNow();
    }
}

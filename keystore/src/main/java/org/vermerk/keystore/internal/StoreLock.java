package org.vermerk.keystore.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vermerk.keystore.StoreLockedException;

/**
 * An exclusive operating-system lock on a lock file beside the database, taken before the database
 * is opened and held until the store closes. A second process (or a second open in this one) gets
 * {@link StoreLockedException} at once. The lock file holds no data; the OS releases the lock when
 * the process dies, so a crash never leaves the store locked.
 */
public final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static StoreLock acquire(Path lockFile) throws StoreLockedException, IOException {
        if (!Files.exists(lockFile)) {
            try {
                PrivateFiles.createPrivateFile(lockFile);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created by a concurrent opener; the lock below decides
            }
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreLockedException("the store is open in another Vermerk process");
        }
        return new StoreLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

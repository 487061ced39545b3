package org.vermerk.keystore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.keystore.internal.KeyFile;
import org.vermerk.keystore.internal.PrivateFiles;
import org.vermerk.protocol.crypto.Secret;

/**
 * The backup file: the whole store in one file, for a device replacement. Format (big-endian):
 *
 * <pre>
 * magic "VERMERK BACKUP  " (16 ASCII bytes) || u16 version (1)
 * u32 length || key file (as on disk: the passphrase-wrapped database key)
 * u64 length || database (a compacted copy made by VACUUM INTO: encrypted with the same key)
 * HMAC-SHA256 over everything before it, keyed with HMAC-SHA256(databaseKey, "vermerk backup mac v1")
 * </pre>
 *
 * Nothing in it is readable without the passphrase; the final MAC detects truncation and tampering
 * before anything is written on the new machine.
 */
final class Backup {
    private static final byte[] MAGIC = "VERMERK BACKUP  ".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final byte[] MAC_LABEL = "vermerk backup mac v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_LENGTH = 32;
    private static final String SNAPSHOT = "backup-snapshot.db";

    private Backup() {}

    static void write(Keystore store, Path target) throws KeystoreException {
        Path snapshot = store.directory().resolve(SNAPSHOT);
        Path keyFilePath = store.directory().resolve(Keystore.KEY_FILE);
        try {
            Files.deleteIfExists(snapshot);
            store.database().read(c -> {
                try (var s = c.prepareStatement("VACUUM INTO ?")) {
                    s.setString(1, snapshot.toAbsolutePath().toString());
                    s.execute();
                }
                return null;
            });
            byte[] keyFileBytes = Files.readAllBytes(keyFilePath);
            Mac mac = mac(store.backupMacKey());
            Path temporary = target.resolveSibling(target.getFileName() + ".partial");
            Files.deleteIfExists(temporary);
            PrivateFiles.createPrivateFile(temporary);
            try (OutputStream file = Files.newOutputStream(temporary, StandardOpenOption.WRITE);
                    var out = new DataOutputStream(new BufferedOutputStream(new MacOutputStream(file, mac)))) {
                out.write(MAGIC);
                out.writeShort(VERSION);
                out.writeInt(keyFileBytes.length);
                out.write(keyFileBytes);
                out.writeLong(Files.size(snapshot));
                Files.copy(snapshot, out);
                out.flush();
                file.write(mac.doFinal());
            }
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KeystoreIoException("cannot write the backup", e);
        } finally {
            try {
                Files.deleteIfExists(snapshot);
            } catch (IOException e) {
                // left for the next backup to remove; it is encrypted like the store
            }
        }
    }

    static void restore(Path backup, Path directory, KeyProtector protector) throws KeystoreException {
        Path keyFilePath = directory.resolve(Keystore.KEY_FILE);
        Path dbPath = directory.resolve(Keystore.DATABASE_FILE);
        if (Files.exists(keyFilePath) || Files.exists(dbPath)) {
            throw new StoreAlreadyExistsException("a store already exists in the target directory");
        }
        try {
            long total = Files.size(backup);
            KeyFile keyFile;
            long dbLength;
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(backup)))) {
                byte[] magic = in.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new StoreCorruptedException("not a Vermerk backup file");
                }
                int version = in.readUnsignedShort();
                if (version != VERSION) {
                    throw new StoreVersionException("backup format " + version + " is not supported");
                }
                int keyLength = in.readInt();
                if (keyLength <= 0 || keyLength > 64 * 1024) {
                    throw new StoreCorruptedException("the backup file is damaged");
                }
                keyFile = KeyFile.decode(in.readNBytes(keyLength));
                dbLength = in.readLong();
                if (dbLength <= 0 || MAGIC.length + 2 + 4 + keyLength + 8 + dbLength + MAC_LENGTH != total) {
                    throw new StoreCorruptedException("the backup file is truncated or damaged");
                }
            }
            Secret key = null;
            for (KeySlot slot : keyFile.slots()) {
                Optional<Secret> unwrapped = protector.unwrap(slot, keyFile.header());
                if (unwrapped.isPresent()) {
                    key = unwrapped.get();
                    break;
                }
            }
            if (key == null) {
                throw new WrongPassphraseException(1, java.time.Duration.ZERO);
            }
            try {
                verifyMac(backup, total, mac(macKey(key)));
            } finally {
                key.destroy();
            }
            PrivateFiles.createPrivateDirectory(directory);
            PrivateFiles.createPrivateFile(dbPath);
            long dbOffset = total - MAC_LENGTH - dbLength;
            try (InputStream in = Files.newInputStream(backup);
                    OutputStream out = Files.newOutputStream(dbPath, StandardOpenOption.WRITE)) {
                in.skipNBytes(dbOffset);
                copy(in, out, dbLength);
            }
            try (var channel = java.nio.channels.FileChannel.open(dbPath, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keyFile.write(keyFilePath);
        } catch (NoSuchFileException e) {
            throw new StoreNotFoundException("the backup file does not exist");
        } catch (EOFException e) {
            throw new StoreCorruptedException("the backup file is truncated", e);
        } catch (IOException e) {
            throw new KeystoreIoException("cannot restore the backup", e);
        }
    }

    private static void verifyMac(Path backup, long total, Mac mac) throws IOException, StoreCorruptedException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(backup))) {
            byte[] buffer = new byte[64 * 1024];
            long remaining = total - MAC_LENGTH;
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException();
                }
                mac.update(buffer, 0, read);
                remaining -= read;
            }
            byte[] expected = in.readNBytes(MAC_LENGTH);
            if (!MessageDigest.isEqual(expected, mac.doFinal())) {
                throw new StoreCorruptedException("the backup file is damaged (authentication failed)");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = length;
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }

    /** The backup MAC key: HMAC-SHA256(databaseKey, "vermerk backup mac v1"). */
    static Secret macKey(Secret databaseKey) throws KeystoreException {
        byte[] raw = databaseKey.expose();
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(raw, "HmacSHA256"));
            return Secret.wrap(derive.doFinal(MAC_LABEL));
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static Mac mac(Secret macKey) throws KeystoreException {
        byte[] raw = macKey.expose();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Feeds everything written through it into a MAC. */
    private static final class MacOutputStream extends java.io.FilterOutputStream {
        private final Mac mac;

        MacOutputStream(OutputStream out, Mac mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush(); // the underlying file is closed by its own try-with-resources
        }
    }
}

package org.vermerk.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vermerk.keystore.KeySlot;
import org.vermerk.keystore.StoreCorruptedException;
import org.vermerk.keystore.StoreNotFoundException;
import org.vermerk.keystore.StoreVersionException;
import org.vermerk.protocol.codec.Bytes;

/**
 * The key file beside the database: the wrapped database key. Format (big-endian):
 *
 * <pre>
 * header: magic "VERMERK KEYSTORE" (16 ASCII bytes) || u16 formatVersion (1) || storeId (16 bytes)
 * u8 slotCount (1..8), then per slot:
 *   u8 kind || u16 length || parameters || u8 length || nonce || u16 length || ciphertext
 * </pre>
 *
 * The header is the store's identity; every slot authenticates it (AES-GCM additional data). The
 * file is replaced atomically, so a crash leaves either the old or the new key file.
 */
public record KeyFile(Bytes storeId, List<KeySlot> slots) {
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "VERMERK KEYSTORE".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_SLOTS = 8;

    public KeyFile {
        if (storeId.size() != 16) {
            throw new IllegalArgumentException("store id must be 16 bytes");
        }
        slots = List.copyOf(slots);
    }

    /** The authenticated header: magic, format version, store id. */
    public Bytes header() {
        return header(storeId);
    }

    public static Bytes header(Bytes storeId) {
        return Bytes.of(ByteBuffer.allocate(MAGIC.length + 2 + 16)
                .put(MAGIC)
                .putShort((short) FORMAT_VERSION)
                .put(storeId.toByteArray())
                .array());
    }

    public byte[] encode() {
        try (var bytes = new ByteArrayOutputStream();
                var out = new DataOutputStream(bytes)) {
            out.write(header().toByteArray());
            out.writeByte(slots.size());
            for (KeySlot slot : slots) {
                out.writeByte(slot.kind().code());
                out.writeShort(slot.parameters().size());
                out.write(slot.parameters().toByteArray());
                out.writeByte(slot.nonce().size());
                out.write(slot.nonce().toByteArray());
                out.writeShort(slot.ciphertext().size());
                out.write(slot.ciphertext().toByteArray());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyFile decode(byte[] content) throws StoreCorruptedException, StoreVersionException {
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new StoreCorruptedException("the key file is not a Vermerk key file");
            }
            int version = Short.toUnsignedInt(in.getShort());
            if (version > FORMAT_VERSION) {
                throw new StoreVersionException(
                        "the key file has format " + version + "; this Vermerk reads up to " + FORMAT_VERSION);
            }
            if (version < 1) {
                throw new StoreCorruptedException("the key file has an invalid format version");
            }
            byte[] storeId = new byte[16];
            in.get(storeId);
            int count = Byte.toUnsignedInt(in.get());
            if (count < 1 || count > MAX_SLOTS) {
                throw new StoreCorruptedException("the key file has an invalid number of key slots");
            }
            List<KeySlot> slots = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                KeySlot.Kind kind = KeySlot.Kind.ofCode(Byte.toUnsignedInt(in.get()));
                Bytes parameters = take(in, Short.toUnsignedInt(in.getShort()));
                Bytes nonce = take(in, Byte.toUnsignedInt(in.get()));
                Bytes ciphertext = take(in, Short.toUnsignedInt(in.getShort()));
                slots.add(new KeySlot(kind, parameters, nonce, ciphertext));
            }
            if (in.hasRemaining()) {
                throw new StoreCorruptedException("the key file has trailing bytes");
            }
            return new KeyFile(Bytes.of(storeId), slots);
        } catch (BufferUnderflowException e) {
            throw new StoreCorruptedException("the key file is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new StoreCorruptedException("the key file is damaged", e);
        }
    }

    private static Bytes take(ByteBuffer in, int length) {
        byte[] value = new byte[length];
        in.get(value);
        return Bytes.of(value);
    }

    public static KeyFile read(Path file)
            throws StoreCorruptedException, StoreVersionException, StoreNotFoundException {
        try {
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new StoreNotFoundException("no key file in the store directory");
        } catch (IOException e) {
            throw new StoreCorruptedException("the key file cannot be read", e);
        }
    }

    public void write(Path file) throws IOException {
        PrivateFiles.writeAtomically(file, encode());
    }
}

package org.vermerk.keystore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.keystore.internal.Argon2id;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * The passphrase protector: a key-encryption key is derived from the passphrase with Argon2id
 * (version 0x13, a fresh 16-byte salt per wrap) and wraps the database key with AES-256-GCM. The
 * additional data is the key file header, the slot kind and the slot parameters.
 *
 * <p>Slot parameters: {@code u32 memoryKiB || u32 iterations || u32 lanes || u8 saltLength || salt}.
 */
public final class PassphraseProtector implements KeyProtector {
    private static final int SALT_LENGTH = 16;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final Passphrase passphrase;
    private final Argon2Params wrapParams;
    private final SecureRandom random;

    /**
     * @param passphrase the passphrase; not copied, the caller destroys it when done
     * @param wrapParams the Argon2id parameters for new wraps (and the floor below which an unlocked
     *     slot is rewrapped)
     */
    public PassphraseProtector(Passphrase passphrase, Argon2Params wrapParams, SecureRandom random) {
        this.passphrase = Objects.requireNonNull(passphrase);
        this.wrapParams = Objects.requireNonNull(wrapParams);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public KeySlot.Kind kind() {
        return KeySlot.Kind.PASSPHRASE_ARGON2ID;
    }

    @Override
    public Optional<Secret> unwrap(KeySlot slot, Bytes header) throws KeystoreException {
        if (slot.kind() != kind()) {
            return Optional.empty();
        }
        Decoded decoded = decode(slot.parameters());
        byte[] kek = derive(decoded.params(), decoded.salt());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, kek, slot.nonce().toByteArray());
            cipher.updateAAD(aad(header, slot.parameters()));
            return Optional.of(Secret.wrap(cipher.doFinal(slot.ciphertext().toByteArray())));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("cannot unwrap the database key", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    @Override
    public KeySlot wrap(Secret databaseKey, Bytes header) throws KeystoreException {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        Bytes parameters = encode(wrapParams, salt);
        byte[] kek = derive(wrapParams, salt);
        byte[] key = databaseKey.expose();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kek, nonce);
            cipher.updateAAD(aad(header, parameters));
            return new KeySlot(kind(), parameters, Bytes.of(nonce), Bytes.of(cipher.doFinal(key)));
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("cannot wrap the database key", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public boolean wantsRewrap(KeySlot slot) {
        try {
            return decode(slot.parameters()).params().weakerThan(wrapParams);
        } catch (StoreCorruptedException e) {
            return false;
        }
    }

    /** The Argon2id parameters a slot was wrapped with. */
    public static Argon2Params parametersOf(KeySlot slot) throws StoreCorruptedException {
        return decode(slot.parameters()).params();
    }

    /**
     * The key-encryption key: Argon2id over the passphrase's UTF-8 bytes (what BouncyCastle's
     * generator, used before, hashed), computed off the Java heap ({@link Argon2id} says why). A
     * passphrase that is no valid UTF-16 (an unpaired surrogate) is refused, as BouncyCastle
     * refused it, rather than hashed with a replacement character.
     */
    private byte[] derive(Argon2Params params, byte[] salt) throws KeystoreException {
        char[] chars = passphrase.expose();
        // At most 3 UTF-8 bytes per UTF-16 unit: one buffer, so the encoder leaves no partial copy.
        byte[] buffer = new byte[chars.length * 3];
        byte[] password = null;
        try {
            CharsetEncoder encoder = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer out = ByteBuffer.wrap(buffer);
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), out, true);
            if (!result.isError()) {
                result = encoder.flush(out);
            }
            if (result.isError()) {
                throw new KeystoreException("the passphrase is not valid Unicode text (an unpaired surrogate)");
            }
            password = Arrays.copyOf(buffer, out.position());
            return Argon2id.derive(password, salt, params.memoryKiB(), params.iterations(), params.lanes(), 32);
        } catch (OutOfMemoryError e) {
            throw new KeystoreException("not enough memory for Argon2id (" + params.memoryKiB() / 1024 + " MiB)");
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(buffer, (byte) 0);
            if (password != null) {
                Arrays.fill(password, (byte) 0);
            }
        }
    }

    private static Cipher cipher(int mode, byte[] kek, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private byte[] aad(Bytes header, Bytes parameters) {
        return ByteBuffer.allocate(header.size() + 1 + parameters.size())
                .put(header.toByteArray())
                .put((byte) kind().code())
                .put(parameters.toByteArray())
                .array();
    }

    private static Bytes encode(Argon2Params params, byte[] salt) {
        return Bytes.of(ByteBuffer.allocate(13 + salt.length)
                .putInt(params.memoryKiB())
                .putInt(params.iterations())
                .putInt(params.lanes())
                .put((byte) salt.length)
                .put(salt)
                .array());
    }

    private record Decoded(Argon2Params params, byte[] salt) {}

    private static Decoded decode(Bytes parameters) throws StoreCorruptedException {
        try {
            ByteBuffer in = ByteBuffer.wrap(parameters.toByteArray());
            Argon2Params params = new Argon2Params(in.getInt(), in.getInt(), in.getInt());
            int saltLength = Byte.toUnsignedInt(in.get());
            if (saltLength < 8 || saltLength != in.remaining()) {
                throw new StoreCorruptedException("key file: bad Argon2id salt");
            }
            byte[] salt = new byte[saltLength];
            in.get(salt);
            return new Decoded(params, salt);
        } catch (RuntimeException e) {
            throw new StoreCorruptedException("key file: bad Argon2id parameters", e);
        }
    }

    @Override
    public String toString() {
        return "PassphraseProtector[" + wrapParams + "]";
    }
}

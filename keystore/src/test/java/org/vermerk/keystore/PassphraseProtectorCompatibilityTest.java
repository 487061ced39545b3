package org.vermerk.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Key files written before the keystore computed Argon2id itself (BouncyCastle's generator, fed the
 * passphrase's characters) still unlock, and new wraps still unlock the same way: the slot below is
 * built exactly as that release built it, byte for byte.
 */
class PassphraseProtectorCompatibilityTest {
    private static final Argon2Params PARAMS = new Argon2Params(256, 2, 1);

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Grüße aus Referat Z 4 — Ä€ 𝄞 终"})
    void aSlotWrappedByBouncyCastlesArgon2idStillUnlocks(String passphrase) throws Exception {
        Bytes header = Bytes.of(new byte[] {'V', 'K', 1, 2});
        byte[] databaseKey = new byte[32];
        new SecureRandom().nextBytes(databaseKey);
        KeySlot old = wrapAsBefore(passphrase.toCharArray(), databaseKey, header);

        Optional<Secret> unwrapped = new PassphraseProtector(
                        Passphrase.of(passphrase.toCharArray()), PARAMS, new SecureRandom())
                .unwrap(old, header);

        assertThat(unwrapped).isPresent();
        assertThat(unwrapped.get().expose()).isEqualTo(databaseKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Grüße aus Referat Z 4 — Ä€ 𝄞 终"})
    void aWrongPassphraseDoesNotUnlockAnOldSlot(String passphrase) throws Exception {
        Bytes header = Bytes.of(new byte[] {'V', 'K', 1, 2});
        KeySlot old = wrapAsBefore(passphrase.toCharArray(), new byte[32], header);

        Optional<Secret> unwrapped = new PassphraseProtector(
                        Passphrase.of((passphrase + "!").toCharArray()), PARAMS, new SecureRandom())
                .unwrap(old, header);

        assertThat(unwrapped).isEmpty();
    }

    /**
     * A passphrase that is no valid UTF-16 (an unpaired surrogate) is refused with a clear error, as
     * BouncyCastle's generator refused it; hashing a replacement character instead would make
     * "\uD800a" and "?a" the same passphrase.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\uD800abc", "abc\uDC00", "abc\uD800"})
    void aPassphraseWithAnUnpairedSurrogateIsRefusedAsBefore(String passphrase) {
        PassphraseProtector protector =
                new PassphraseProtector(Passphrase.of(passphrase.toCharArray()), PARAMS, new SecureRandom());

        assertThatThrownBy(() -> protector.wrap(Secret.wrap(new byte[32]), Bytes.of(new byte[] {1})))
                .isInstanceOf(KeystoreException.class)
                .hasMessageContaining("not valid Unicode")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> wrapAsBefore(passphrase.toCharArray(), new byte[32], Bytes.of(new byte[] {1})))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Argon2id's memory is native now, outside the heap ceiling: a key file that declares more than
     * 1 GiB is refused as damaged before anything is allocated (1 GiB itself is allowed).
     */
    @Test
    void aKeyFileAskingForMoreThanOneGibibyteIsRefusedAsDamaged() {
        int oneGiBInKiB = 1024 * 1024;
        assertThat(new Argon2Params(oneGiBInKiB, 1, 1).memoryKiB()).isEqualTo(oneGiBInKiB);
        Bytes parameters = Bytes.of(ByteBuffer.allocate(13 + 16)
                .putInt(oneGiBInKiB + 1)
                .putInt(1)
                .putInt(1)
                .put((byte) 16)
                .put(new byte[16])
                .array());
        KeySlot slot = new KeySlot(
                KeySlot.Kind.PASSPHRASE_ARGON2ID, parameters, Bytes.of(new byte[12]), Bytes.of(new byte[48]));
        PassphraseProtector protector =
                new PassphraseProtector(Passphrase.of("egal".toCharArray()), PARAMS, new SecureRandom());

        assertThatThrownBy(() -> protector.unwrap(slot, Bytes.of(new byte[] {1})))
                .isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("bad Argon2id parameters");
    }

    /** The earlier release's wrap: BouncyCastle's Argon2id over the characters, then AES-256-GCM. */
    private static KeySlot wrapAsBefore(char[] passphrase, byte[] databaseKey, Bytes header) throws Exception {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(nonce);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(PARAMS.memoryKiB())
                .withIterations(PARAMS.iterations())
                .withParallelism(PARAMS.lanes())
                .withSalt(salt)
                .build());
        byte[] kek = new byte[32];
        generator.generateBytes(passphrase, kek);
        Bytes parameters = Bytes.of(ByteBuffer.allocate(13 + salt.length)
                .putInt(PARAMS.memoryKiB())
                .putInt(PARAMS.iterations())
                .putInt(PARAMS.lanes())
                .put((byte) salt.length)
                .put(salt)
                .array());
        byte[] aad = ByteBuffer.allocate(header.size() + 1 + parameters.size())
                .put(header.toByteArray())
                .put((byte) KeySlot.Kind.PASSPHRASE_ARGON2ID.code())
                .put(parameters.toByteArray())
                .array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return new KeySlot(
                KeySlot.Kind.PASSPHRASE_ARGON2ID, parameters, Bytes.of(nonce), Bytes.of(cipher.doFinal(databaseKey)));
    }
}

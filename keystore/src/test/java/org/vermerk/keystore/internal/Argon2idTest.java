package org.vermerk.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Argon2id against RFC 9106's test vector and against BouncyCastle's implementation (which the
 * keystore used before, so every stored key file was wrapped with its output): any difference in a
 * tag would lock a user out of the store.
 */
class Argon2idTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 9106 §5.3: Argon2id, 32 KiB, 3 passes, 4 lanes, with a secret and associated data. */
    @Test
    void rfc9106TestVector() {
        byte[] tag = Argon2id.derive(fill(32, 0x01), fill(16, 0x02), fill(8, 0x03), fill(12, 0x04), 32, 3, 4, 32);

        assertThat(HEX.formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    /** Random small parameters, including memory that is no multiple of 4p and tags above 64 bytes. */
    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 0x5EED0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsBouncyCastleForRandomParameters(long seed) {
        Random random = new Random(seed);
        int lanes = 1 + random.nextInt(4);
        int memoryKiB = 8 * lanes + random.nextInt(300);
        int iterations = 1 + random.nextInt(4);
        int tagLength = 4 + random.nextInt(130);
        byte[] password = bytes(random, random.nextInt(40));
        byte[] salt = bytes(random, 8 + random.nextInt(24));
        byte[] secret = random.nextBoolean() ? bytes(random, random.nextInt(33)) : new byte[0];
        byte[] ad = random.nextBoolean() ? bytes(random, random.nextInt(33)) : new byte[0];

        byte[] ours = Argon2id.derive(password, salt, secret, ad, memoryKiB, iterations, lanes, tagLength);

        assertThat(ours)
                .as("m=%d t=%d p=%d T=%d", memoryKiB, iterations, lanes, tagLength)
                .isEqualTo(bouncyCastle(password, salt, secret, ad, memoryKiB, iterations, lanes, tagLength));
    }

    /**
     * Larger memories and up to 16 lanes (the most a key file may declare): segments of several
     * hundred blocks, so the data-independent addresses are regenerated within a segment.
     */
    static Stream<Long> largerSeeds() {
        return IntStream.range(0, 6).mapToObj(i -> 0xB16L + i);
    }

    @ParameterizedTest
    @MethodSource("largerSeeds")
    void equalsBouncyCastleForLargerMemoriesAndManyLanes(long seed) {
        Random random = new Random(seed);
        int lanes = 1 + random.nextInt(16);
        int memoryKiB = 1024 + random.nextInt(7 * 1024);
        int iterations = 1 + random.nextInt(3);
        byte[] password = bytes(random, 16);
        byte[] salt = bytes(random, 16);
        byte[] empty = new byte[0];

        assertThat(Argon2id.derive(password, salt, memoryKiB, iterations, lanes, 32))
                .as("m=%d t=%d p=%d", memoryKiB, iterations, lanes)
                .isEqualTo(bouncyCastle(password, salt, empty, empty, memoryKiB, iterations, lanes, 32));
    }

    /** The keystore's default (64 MiB, 3 passes, 1 lane): the parameters of every user's key file. */
    @Test
    void equalsBouncyCastleAtTheKeystoreDefault() {
        byte[] password = "Grüße aus dem Referat Z 4 — 🔐".getBytes(StandardCharsets.UTF_8);
        byte[] salt = fill(16, 0x7A);
        byte[] empty = new byte[0];

        assertThat(Argon2id.derive(password, salt, 64 * 1024, 3, 1, 32))
                .isEqualTo(bouncyCastle(password, salt, empty, empty, 64 * 1024, 3, 1, 32));
    }

    @Test
    void differentInputsGiveDifferentTags() {
        byte[] salt = fill(16, 0x02);
        byte[] a = Argon2id.derive(fill(8, 0x01), salt, 64, 1, 1, 32);
        byte[] b = Argon2id.derive(fill(8, 0x02), salt, 64, 1, 1, 32);
        byte[] c = Argon2id.derive(fill(8, 0x01), salt, 64, 2, 1, 32);

        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void refusesParametersOutsideRfc9106() {
        byte[] x = fill(16, 1);
        assertThatThrownBy(() -> Argon2id.derive(x, x, 31, 1, 4, 32)).hasMessageContaining("8 KiB per lane");
        assertThatThrownBy(() -> Argon2id.derive(x, x, 64, 0, 1, 32)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> Argon2id.derive(x, x, 64, 1, 0, 32)).hasMessageContaining("lanes");
        assertThatThrownBy(() -> Argon2id.derive(x, x, 64, 1, 1, 3)).hasMessageContaining("tag");
    }

    private static byte[] bouncyCastle(
            byte[] password,
            byte[] salt,
            byte[] secret,
            byte[] ad,
            int memoryKiB,
            int iterations,
            int lanes,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(ad)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] fill(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}

package org.vermerk.bench.keystore;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.vermerk.keystore.internal.Argon2id;

/**
 * Argon2id at the keystore's parameters (64 MiB, 3 passes, 1 lane) in a JVM that has run nothing
 * else: what an unlock pays in a client that just started. Prints the time of each of three
 * derivations (the first one cold). {@code vermerk} is the keystore's implementation (ADR 0032),
 * {@code bouncycastle} the one it replaced. Run by {@code FloorDriver} in fresh JVMs.
 */
public final class Argon2idCold {
    private Argon2idCold() {}

    public static void main(String[] args) {
        boolean ours = args.length == 0 || args[0].equals("vermerk");
        byte[] salt = new byte[16];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            byte[] tag = ours ? Argon2id.derive("correct horse".getBytes(), salt, 65536, 3, 1, 32) : bouncyCastle(salt);
            System.out.printf(
                    "argon2id %s derivation %d ms %d (%02x)%n",
                    ours ? "vermerk" : "bouncycastle", i, (System.nanoTime() - start) / 1_000_000, tag[0]);
        }
    }

    private static byte[] bouncyCastle(byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(65536)
                .withIterations(3)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] out = new byte[32];
        generator.generateBytes("correct horse".toCharArray(), out);
        return out;
    }
}

package org.vermerk.protocol.fuzz;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.UnsupportedCipherSuiteException;

/**
 * Deterministic groups and members for the fuzz targets: the same seed gives the same keys, so
 * that a corpus entry mutating a fixture message means the same thing in every run.
 */
final class FuzzFixtures {
    /** The time of every fuzz target: inside the lifetime of the KeyPackages they make and read. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T08:30:00Z"), ZoneOffset.UTC);

    private FuzzFixtures() {}

    /** A random source that replays {@code java.util.Random(seed)}; for test fixtures only. */
    static SecureRandom seeded(long seed) {
        Random random = new Random(seed);
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }

            @Override
            public byte[] generateSeed(int length) {
                byte[] seedBytes = new byte[length];
                random.nextBytes(seedBytes);
                return seedBytes;
            }
        };
    }

    /** Suite 1 (X25519, AES-128-GCM, SHA-256, Ed25519) drawing from {@link #seeded(long)}. */
    static CipherSuite suite1(long seed) {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519, seeded(seed));
        } catch (UnsupportedCipherSuiteException e) {
            throw new AssertionError(e);
        }
    }
}

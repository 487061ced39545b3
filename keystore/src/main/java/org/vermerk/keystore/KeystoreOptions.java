package org.vermerk.keystore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How a store is opened. {@link #defaults()} is what the product uses; tests inject a clock, a
 * seeded random or cheaper Argon2id parameters through the {@code with*} methods.
 *
 * @param kdf Argon2id parameters for new key wraps; weaker stored ones are upgraded at unlock
 * @param clock time source for timestamps and the unlock throttle
 * @param random source of keys, salts and nonces
 * @param pastEpochWindow how many epochs before the current one keep their secrets (for messages
 *     that arrive out of order); older epoch secrets are deleted in the transition that moves on
 * @param nativeLibraryDirectory where the SQLite driver's native library is extracted (a private,
 *     user-only directory); empty means a {@code native} directory inside the store directory. It is
 *     not used when the application image provides the library ({@code org.sqlite.lib.path} set).
 * @param maxDatabaseBytes a size cap for the database file (0 = none); writes beyond it fail with
 *     {@link StoreFullException} exactly as on a full disk
 */
public record KeystoreOptions(
        Argon2Params kdf,
        Clock clock,
        SecureRandom random,
        int pastEpochWindow,
        Optional<Path> nativeLibraryDirectory,
        long maxDatabaseBytes) {

    public static final int DEFAULT_PAST_EPOCH_WINDOW = 2;

    public KeystoreOptions {
        Objects.requireNonNull(kdf);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
        Objects.requireNonNull(nativeLibraryDirectory);
        if (pastEpochWindow < 0) {
            throw new IllegalArgumentException("pastEpochWindow must not be negative");
        }
        if (maxDatabaseBytes < 0) {
            throw new IllegalArgumentException("maxDatabaseBytes must not be negative");
        }
    }

    public static KeystoreOptions defaults() {
        return new KeystoreOptions(
                Argon2Params.DEFAULT,
                Clock.systemUTC(),
                new SecureRandom(),
                DEFAULT_PAST_EPOCH_WINDOW,
                Optional.empty(),
                0);
    }

    public KeystoreOptions withKdf(Argon2Params value) {
        return new KeystoreOptions(value, clock, random, pastEpochWindow, nativeLibraryDirectory, maxDatabaseBytes);
    }

    public KeystoreOptions withClock(Clock value) {
        return new KeystoreOptions(kdf, value, random, pastEpochWindow, nativeLibraryDirectory, maxDatabaseBytes);
    }

    public KeystoreOptions withRandom(SecureRandom value) {
        return new KeystoreOptions(kdf, clock, value, pastEpochWindow, nativeLibraryDirectory, maxDatabaseBytes);
    }

    public KeystoreOptions withPastEpochWindow(int value) {
        return new KeystoreOptions(kdf, clock, random, value, nativeLibraryDirectory, maxDatabaseBytes);
    }

    public KeystoreOptions withNativeLibraryDirectory(Path value) {
        return new KeystoreOptions(kdf, clock, random, pastEpochWindow, Optional.of(value), maxDatabaseBytes);
    }

    public KeystoreOptions withMaxDatabaseBytes(long value) {
        return new KeystoreOptions(kdf, clock, random, pastEpochWindow, nativeLibraryDirectory, value);
    }
}

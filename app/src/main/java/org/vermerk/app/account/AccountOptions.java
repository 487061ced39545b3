package org.vermerk.app.account;

import java.time.Clock;
import java.util.Objects;
import org.vermerk.app.connection.ConnectionOptions;
import org.vermerk.keystore.KeystoreOptions;

/**
 * How an account runs. {@link #defaults()} is the product's; tests use cheaper key derivation,
 * short backoff and small KeyPackage numbers.
 *
 * @param keyPackageTarget how many one-time KeyPackages a refill leaves on the server
 * @param keyPackageThreshold refill when the server holds fewer than this (checked after each
 *     authentication, and on the server's {@code keyPackagesLow})
 */
public record AccountOptions(
        KeystoreOptions keystore,
        ConnectionOptions connection,
        int keyPackageTarget,
        int keyPackageThreshold,
        Clock clock) {
    public AccountOptions {
        Objects.requireNonNull(keystore);
        Objects.requireNonNull(connection);
        Objects.requireNonNull(clock);
        if (keyPackageThreshold < 1 || keyPackageTarget < keyPackageThreshold) {
            throw new IllegalArgumentException("need 1 <= keyPackageThreshold <= keyPackageTarget");
        }
    }

    /** 100 KeyPackages, refilled below 30 (the server warns below its own watermark, 10 by default). */
    public static AccountOptions defaults() {
        return new AccountOptions(KeystoreOptions.defaults(), ConnectionOptions.defaults(), 100, 30, Clock.systemUTC());
    }

    public AccountOptions withKeystore(KeystoreOptions value) {
        return new AccountOptions(value, connection, keyPackageTarget, keyPackageThreshold, clock);
    }

    public AccountOptions withConnection(ConnectionOptions value) {
        return new AccountOptions(keystore, value, keyPackageTarget, keyPackageThreshold, clock);
    }

    public AccountOptions withKeyPackages(int target, int threshold) {
        return new AccountOptions(keystore, connection, target, threshold, clock);
    }
}

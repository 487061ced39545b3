package org.vermerk.keystore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.vermerk.keystore.internal.Database;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/** This device's identity and signature keys, and the private keys of its key packages. */
public final class IdentityRepository {
    private final Database db;
    private final Clock clock;

    IdentityRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the device identity; a device has exactly one, so a second call fails. */
    public void saveDeviceIdentity(DeviceIdentity identity) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO device_identity (singleton, user_id, device_id, cipher_suite, credential,
                      signature_public_key, signature_private_key, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, identity.userId());
                s.setString(2, identity.deviceId());
                s.setInt(3, identity.cipherSuite());
                s.setBytes(4, identity.credential().toByteArray());
                s.setBytes(5, identity.signaturePublicKey().toByteArray());
                s.setBytes(6, identity.signaturePrivateKey().expose());
                s.setLong(7, identity.createdAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public Optional<DeviceIdentity> deviceIdentity() throws KeystoreException {
        return db.read(c -> {
            try (var s = c.createStatement();
                    ResultSet rows = s.executeQuery("""
                            SELECT user_id, device_id, cipher_suite, credential, signature_public_key,
                              signature_private_key, created_at FROM device_identity""")) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeviceIdentity(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getInt(3),
                        Bytes.of(rows.getBytes(4)),
                        Bytes.of(rows.getBytes(5)),
                        Secret.wrap(rows.getBytes(6)),
                        Instant.ofEpochMilli(rows.getLong(7))));
            }
        });
    }

    public void addKeyPackage(KeyPackageEntry entry) throws KeystoreException {
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO key_packages (ref, key_package, private_keys, last_resort, created_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                s.setBytes(1, entry.ref().toByteArray());
                s.setBytes(2, entry.keyPackage().toByteArray());
                s.setBytes(3, entry.privateKeys().expose());
                s.setInt(4, entry.lastResort() ? 1 : 0);
                s.setLong(5, now);
                return s.executeUpdate();
            }
        });
    }

    public Optional<KeyPackageEntry> keyPackage(Bytes ref) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT key_package, private_keys, last_resort FROM key_packages WHERE ref = ?")) {
                s.setBytes(1, ref.toByteArray());
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new KeyPackageEntry(
                            ref, Bytes.of(rows.getBytes(1)), Secret.wrap(rows.getBytes(2)), rows.getInt(3) != 0));
                }
            }
        });
    }

    /** How many key packages (not counting last-resort ones) are still unused. */
    public int unusedKeyPackages() throws KeystoreException {
        return db.read(c -> {
            try (var s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM key_packages WHERE last_resort = 0")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}

package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/** This device's identity: its MLS credential and signature key pair. */
public record DeviceIdentity(
        String userId,
        String deviceId,
        int cipherSuite,
        Bytes credential,
        Bytes signaturePublicKey,
        Secret signaturePrivateKey,
        Instant createdAt) {
    public DeviceIdentity {
        Ids.require(userId, "user id");
        Ids.require(deviceId, "device id");
        Objects.requireNonNull(credential);
        Objects.requireNonNull(signaturePublicKey);
        Objects.requireNonNull(signaturePrivateKey);
        Objects.requireNonNull(createdAt);
    }
}

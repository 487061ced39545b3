package org.vermerk.app.account;

import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.Handshake;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.wire.ChallengeSignature;
import org.vermerk.protocol.wire.ClientRequest;

/** The two answers to the server's challenge, both signed with the device's MLS signature key. */
final class DeviceHandshakes {
    private DeviceHandshakes() {}

    /** The wire name of the suite's signature scheme (docs/wire-protocol.md, {@code enrol}). */
    static String signatureScheme(CipherSuite suite) {
        return suite.id() == CipherSuites.P256_AES128GCM_SHA256_P256 ? "ecdsa_secp256r1_sha256" : "ed25519";
    }

    static Handshake authenticate(String deviceId, CipherSuite suite, Secret signatureKey) {
        return (id, nonce) -> new ClientRequest.Authenticate(id, deviceId, sign(suite, signatureKey, nonce));
    }

    static Handshake enrol(
            String userId, String code, String deviceName, CipherSuite suite, Secret signatureKey, Bytes publicKey) {
        return (id, nonce) -> new ClientRequest.Enrol(
                id, userId, code, deviceName, signatureScheme(suite), publicKey, sign(suite, signatureKey, nonce));
    }

    private static Bytes sign(CipherSuite suite, Secret key, Bytes nonce) throws ConnectionException {
        try {
            return Bytes.of(suite.sign(key, ChallengeSignature.content(nonce)));
        } catch (CryptoException e) {
            throw new ConnectionException("cannot sign the server's challenge", e);
        }
    }
}

package org.vermerk.server.testing;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ChallengeSignature;

/** A test device's Ed25519 signature key. */
public final class DeviceKey {
    private final Ed25519PrivateKeyParameters privateKey;

    public DeviceKey() {
        this.privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
    }

    public Bytes publicKey() {
        return Bytes.of(privateKey.generatePublicKey().getEncoded());
    }

    public Bytes signChallenge(Bytes nonce) {
        byte[] content = ChallengeSignature.content(nonce);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(content, 0, content.length);
        return Bytes.of(signer.generateSignature());
    }
}

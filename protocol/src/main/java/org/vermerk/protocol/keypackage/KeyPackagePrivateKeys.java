package org.vermerk.protocol.keypackage;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/**
 * The private keys that belong to a KeyPackage (RFC 9420 §10): {@code init_priv}, which opens the
 * GroupSecrets of a Welcome (§12.4.3.1), and the private key of the leaf's {@code encryption_key},
 * which the member keeps in the ratchet tree. The signature key is the client's own and not part
 * of this. Never prints; the holder wipes both with {@link #destroy()}: the init key once the
 * KeyPackage has been used (§16.8), the leaf key when the leaf is replaced.
 */
public record KeyPackagePrivateKeys(Secret initPrivateKey, Secret encryptionPrivateKey) {
    public KeyPackagePrivateKeys {
        Objects.requireNonNull(initPrivateKey);
        Objects.requireNonNull(encryptionPrivateKey);
    }

    public void destroy() {
        initPrivateKey.destroy();
        encryptionPrivateKey.destroy();
    }
}

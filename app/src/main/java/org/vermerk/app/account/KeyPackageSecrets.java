package org.vermerk.app.account;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.keypackage.KeyPackagePrivateKeys;

/**
 * How a KeyPackage's private keys are kept in the keystore's {@code key_packages.private_keys}:
 * the TLS encoding of
 *
 * <pre>
 * struct {
 *     opaque init_priv&lt;V&gt;;        // HPKE private key of init_key
 *     opaque encryption_priv&lt;V&gt;;  // HPKE private key of leaf_node.encryption_key
 * } KeyPackageSecrets;
 * </pre>
 *
 * The joining side (a Welcome names the KeyPackageRef) reads them back with {@link #decode}.
 */
public final class KeyPackageSecrets {
    private KeyPackageSecrets() {}

    public static Secret encode(KeyPackagePrivateKeys keys) {
        byte[] init = keys.initPrivateKey().expose();
        byte[] encryption = keys.encryptionPrivateKey().expose();
        try {
            return Secret.wrap(new TlsWriter().opaque(init).opaque(encryption).toByteArray());
        } finally {
            java.util.Arrays.fill(init, (byte) 0);
            java.util.Arrays.fill(encryption, (byte) 0);
        }
    }

    public static KeyPackagePrivateKeys decode(Secret stored) throws DecodeException {
        byte[] bytes = stored.expose();
        try {
            TlsReader reader = new TlsReader(bytes);
            byte[] init = reader.opaque();
            byte[] encryption = reader.opaque();
            reader.finish();
            return new KeyPackagePrivateKeys(Secret.wrap(init), Secret.wrap(encryption));
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}

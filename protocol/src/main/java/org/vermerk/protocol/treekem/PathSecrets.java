package org.vermerk.protocol.treekem;

import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;

/**
 * The derivations of RFC 9420 §7.4 on a path secret:
 *
 * <pre>
 * path_secret[n] = DeriveSecret(path_secret[n-1], "path")
 * node_secret[n] = DeriveSecret(path_secret[n], "node")
 * node_priv[n], node_pub[n] = KEM.DeriveKeyPair(node_secret[n])
 * </pre>
 *
 * The commit secret is the "path" derivation of the last path secret (§12.4.1). The intermediate
 * node secret is wiped at once.
 */
final class PathSecrets {
    private PathSecrets() {}

    /** The path secret of the next node up the filtered direct path (or the commit secret after the root). */
    static Secret next(LabeledCrypto crypto, Secret pathSecret) {
        return crypto.deriveSecret(pathSecret, "path");
    }

    /** The key pair of the node whose path secret this is. */
    static KeyPair nodeKeyPair(LabeledCrypto crypto, Secret pathSecret) {
        Secret nodeSecret = crypto.deriveSecret(pathSecret, "node");
        byte[] ikm = nodeSecret.expose();
        try {
            return crypto.suite().deriveHpkeKeyPair(ikm);
        } finally {
            java.util.Arrays.fill(ikm, (byte) 0);
            nodeSecret.destroy();
        }
    }
}

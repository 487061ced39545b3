package org.vermerk.keystore;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * A published key package and its private keys (init and leaf encryption key, in the engine's
 * encoding). The private keys are deleted when the key package is used ({@link
 * Transition.Builder#consumeKeyPackage}), except for a last-resort package.
 */
public record KeyPackageEntry(Bytes ref, Bytes keyPackage, Secret privateKeys, boolean lastResort) {
    public KeyPackageEntry {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(keyPackage);
        Objects.requireNonNull(privateKeys);
    }
}

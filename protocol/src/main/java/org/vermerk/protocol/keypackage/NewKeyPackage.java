package org.vermerk.protocol.keypackage;

import java.util.Objects;

/**
 * A freshly made KeyPackage: what is published ({@link #keyPackage}, named by {@link #ref}) and
 * what the client keeps secret until the KeyPackage is used ({@link #privateKeys}).
 */
public record NewKeyPackage(KeyPackage keyPackage, KeyPackageRef ref, KeyPackagePrivateKeys privateKeys) {
    public NewKeyPackage {
        Objects.requireNonNull(keyPackage);
        Objects.requireNonNull(ref);
        Objects.requireNonNull(privateKeys);
    }
}

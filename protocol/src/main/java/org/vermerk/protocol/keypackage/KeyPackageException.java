package org.vermerk.protocol.keypackage;

import org.vermerk.protocol.MlsException;

/** A KeyPackage failed validation (§10.1); {@link #rule()} names the {@link KeyPackageRule}. It must not be used. */
public final class KeyPackageException extends MlsException {
    public KeyPackageException(KeyPackageRule rule, String detail) {
        super(rule, detail);
    }
}

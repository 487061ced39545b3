package org.vermerk.protocol.crypto;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.ValidationRule;

/** A cryptographic check failed: a signature, an AEAD tag, an HPKE decapsulation, a bad key. */
public final class CryptoException extends MlsException {
    public CryptoException(ValidationRule rule, String detail) {
        super(rule, detail);
    }

    public CryptoException(ValidationRule rule, String detail, Throwable cause) {
        super(rule, detail, cause);
    }
}

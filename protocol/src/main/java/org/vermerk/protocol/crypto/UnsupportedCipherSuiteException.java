package org.vermerk.protocol.crypto;

import org.vermerk.protocol.MlsException;

/** A cipher suite value the engine does not implement (CRYPTO-5): a group, key package or policy names it. */
public final class UnsupportedCipherSuiteException extends MlsException {
    private final int suite;

    public UnsupportedCipherSuiteException(int suite) {
        super(CryptoRule.UNSUPPORTED_SUITE, "cipher suite 0x" + String.format("%04x", suite) + " is not implemented");
        this.suite = suite;
    }

    /** The suite value that was asked for. */
    public int suite() {
        return suite;
    }
}

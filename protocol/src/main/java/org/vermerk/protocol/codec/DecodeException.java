package org.vermerk.protocol.codec;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.ValidationRule;

/** Bytes that do not decode as the structure expected; nothing was allocated beyond the input. */
public final class DecodeException extends MlsException {
    public DecodeException(ValidationRule rule, String detail) {
        super(rule, detail);
    }
}

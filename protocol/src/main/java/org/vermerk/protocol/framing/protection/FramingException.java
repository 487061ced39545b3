package org.vermerk.protocol.framing.protection;

import org.vermerk.protocol.MlsException;

/**
 * A message failed its protection: wrong group or epoch, bad membership tag or signature, a
 * ciphertext or sender data that does not open, an unknown sender; {@link #rule()} says which
 * ({@link FramingRule}). The message must be dropped.
 */
public final class FramingException extends MlsException {
    public FramingException(FramingRule rule, String detail) {
        super(rule, detail);
    }
}

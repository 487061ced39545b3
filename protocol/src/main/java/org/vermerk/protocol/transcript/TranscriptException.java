package org.vermerk.protocol.transcript;

import org.vermerk.protocol.MlsException;

/** A confirmation tag does not match: the sender's group state differs from ours (TRANSCRIPT-1). */
public final class TranscriptException extends MlsException {
    public TranscriptException(TranscriptRule rule, String detail) {
        super(rule, detail);
    }
}

package org.vermerk.protocol.transcript;

import org.vermerk.protocol.ValidationRule;

/** Rules of the transcript hashes and the confirmation tag (RFC 9420 §6.1, §8.2). */
public enum TranscriptRule implements ValidationRule {
    CONFIRMATION_TAG(
            "TRANSCRIPT-1",
            "the confirmation tag must be MAC(confirmation_key, confirmed_transcript_hash) of the receiver's own"
                    + " key schedule (§6.1, §8.1, §12.4.2, §12.4.3.1)");

    private final String id;
    private final String description;

    TranscriptRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}

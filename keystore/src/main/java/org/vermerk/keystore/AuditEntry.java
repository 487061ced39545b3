package org.vermerk.keystore;

import java.time.Instant;

/** One line of the append-only audit log of record marks. */
public record AuditEntry(long seq, String markId, Action action, String actor, Instant at, String detail) {
    public enum Action {
        MARKED,
        REVOKED,
        EXPORTED
    }
}

package org.vermerk.app.conversation;

import org.vermerk.protocol.wire.ErrorCode;

/**
 * What a server error in answer to our pending commit's {@code sendCommit} means for the record
 * (ADR 0029; the codes in docs/wire-protocol.md, Errors). Only a definitive answer lets it go.
 */
enum PendingVerdict {
    /** Another commit took the epoch; ours is not in the log. */
    LOST,
    /** The server will never append it (not a member, no such group, a request it refuses). */
    REFUSED,
    /**
     * The group is past our epoch and the server does not know our client message ID: never
     * appended, or aged out of its retention. The deliveries decide.
     */
    LOG_DECIDES,
    /** Nothing was decided ({@code rate_limited}: the frame was not read; {@code internal}; others). */
    RETRY;

    static PendingVerdict of(ErrorCode code, boolean resend) {
        return switch (code) {
            // The server looks up a known client message ID before the epoch: on a first send the
            // ID is new, so stale_epoch is final; on a resend it may have aged out with its entry.
            case STALE_EPOCH -> resend ? LOG_DECIDES : LOST;
            case NOT_MEMBER, NOT_FOUND, INVALID_REQUEST -> REFUSED;
            default -> RETRY;
        };
    }
}

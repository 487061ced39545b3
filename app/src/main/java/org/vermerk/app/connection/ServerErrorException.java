package org.vermerk.app.connection;

import java.util.Optional;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;

/** The server answered with an {@code error} frame (docs/wire-protocol.md, Errors). */
public final class ServerErrorException extends ConnectionException {
    private final transient ServerFrame.Error error;

    public ServerErrorException(ServerFrame.Error error) {
        super("the server refused: " + error.code().wireName() + " (" + error.message() + ")");
        this.error = error;
    }

    public ErrorCode code() {
        return error.code();
    }

    /** The group's current epoch, with {@link ErrorCode#STALE_EPOCH}. */
    public Optional<Long> currentEpoch() {
        return Optional.ofNullable(error.currentEpoch());
    }

    /** When to try again, with {@link ErrorCode#RATE_LIMITED}. */
    public Optional<Long> retryAfterMillis() {
        return Optional.ofNullable(error.retryAfterMs());
    }

    /**
     * Whether retrying with the same credentials cannot help: the device is unknown or its key is
     * wrong ({@code auth_failed}), the enrolment was refused, or the request came unauthenticated.
     */
    public boolean isFatal() {
        return switch (error.code()) {
            case AUTH_FAILED, ENROLMENT_FAILED, UNAUTHENTICATED -> true;
            default -> false;
        };
    }
}

package org.vermerk.protocol.wire;

/**
 * A frame that could not be decoded. {@link #requestId()} is the frame's {@code id} when it could
 * be read, so the error frame can name the request it answers.
 */
public final class WireException extends Exception {
    private final ErrorCode code;
    private final String requestId;

    public WireException(ErrorCode code, String requestId, String detail) {
        super(detail);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request ID, or null. */
    public String requestId() {
        return requestId;
    }

    /** The error frame that answers the undecodable frame. */
    public ServerFrame.Error toFrame() {
        return ServerFrame.Error.of(requestId, code, getMessage());
    }
}

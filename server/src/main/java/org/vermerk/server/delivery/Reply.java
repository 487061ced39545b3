package org.vermerk.server.delivery;

import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * A request's answer, what to do after it was sent (for example start deliveries, so that they
 * follow the answer), and whether the connection closes after it.
 */
public record Reply(ServerFrame frame, Runnable afterSend, boolean closeAfterSend) {
    private static final Runnable NOTHING = () -> {};

    public static Reply of(ServerFrame frame) {
        return new Reply(frame, NOTHING, false);
    }

    public static Reply of(ServerFrame frame, Runnable afterSend) {
        return new Reply(frame, afterSend, false);
    }

    public static Reply error(String id, ErrorCode code, String message) {
        return of(ServerFrame.Error.of(id, code, message));
    }

    /** An error after which the server closes the connection (policy violation). */
    public static Reply fatal(String id, ErrorCode code, String message) {
        return new Reply(ServerFrame.Error.of(id, code, message), NOTHING, true);
    }
}

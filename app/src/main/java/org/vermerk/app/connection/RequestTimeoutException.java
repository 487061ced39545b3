package org.vermerk.app.connection;

import java.time.Duration;

/** No answer within the request timeout; the connection is treated as dead and reopened. */
public final class RequestTimeoutException extends ConnectionException {
    public RequestTimeoutException(String what, Duration timeout) {
        super(what + ": no answer within " + timeout.toMillis() + " ms");
    }
}

package org.vermerk.app.connection;

/**
 * The attachment route answered with an error status: 401 (the ticket expired or is unknown), 404
 * (no such blob: deleted after the retention period, or never stored), 413 (over the size limit).
 */
public final class BlobStatusException extends ConnectionException {
    public static final int UNAUTHORIZED = 401;
    public static final int NOT_FOUND = 404;
    public static final int TOO_LARGE = 413;

    private final int status;

    public BlobStatusException(int status) {
        super("the attachment server answered HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

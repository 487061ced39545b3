package org.vermerk.app.attachment;

/** The file is larger than the server accepts (its limit counts the encrypted blob); nothing was sent. */
public final class AttachmentTooLargeException extends AttachmentException {
    private final long size;
    private final long limit;

    public AttachmentTooLargeException(long size, long limit) {
        super("the file has " + size + " bytes; the server accepts at most " + limit + " bytes per attachment");
        this.size = size;
        this.limit = limit;
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /** The largest file the server accepts, in bytes (its blob limit less the encryption's overhead). */
    public long limit() {
        return limit;
    }
}

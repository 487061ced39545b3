package org.vermerk.app.records;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens an attachment's decrypted content, as sent. Each call opens a new stream from the start;
 * the exporter reads it once and closes it.
 */
@FunctionalInterface
public interface AttachmentContent {
    InputStream open() throws IOException;
}

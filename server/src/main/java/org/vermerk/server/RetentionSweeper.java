package org.vermerk.server;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.server.http.AttachmentFiles;
import org.vermerk.server.storage.DeliveryStore;

/**
 * Deletes what outlived its retention: messages (with their queue entries) and attachments older
 * than configured, and expired enrolment codes. Time comes from the injected clock.
 */
public final class RetentionSweeper implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

    private final DeliveryStore store;
    private final AttachmentFiles files;
    private final ServerConfig.Retention retention;
    private final InstantSource clock;

    public RetentionSweeper(
            DeliveryStore store, AttachmentFiles files, ServerConfig.Retention retention, InstantSource clock) {
        this.store = store;
        this.files = files;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            Instant now = clock.instant();
            int messages = store.deleteMessagesBefore(now.minus(retention.messages()));
            int attachments = 0;
            for (String id : store.removeAttachmentsBefore(now.minus(retention.attachments()))) {
                files.delete(id);
                attachments++;
            }
            int codes = store.deleteExpiredCodes(now);
            LOG.info("event=retention_sweep messages={} attachments={} codes={}", messages, attachments, codes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=retention_sweep_failed error={}", e.getClass().getSimpleName());
        }
    }
}

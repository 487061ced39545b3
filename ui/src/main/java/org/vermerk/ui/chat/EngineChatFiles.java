package org.vermerk.ui.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.attachment.AttachmentException;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.app.attachment.Attachments;
import org.vermerk.keystore.Message;

/**
 * {@link ChatFiles} over the app's {@link Attachments}. {@link #close} stops uploads (resumed at the
 * next unlock) and deletes every decrypted copy made for opening: the client closes it on lock and
 * exit.
 */
final class EngineChatFiles implements ChatFiles, Attachments.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineChatFiles.class);

    private Attachments attachments;
    private volatile Listener listener;

    /** Set once by {@link EngineChatService} right after the service started. */
    void attach(Attachments started) {
        this.attachments = started;
    }

    @Override
    public Message send(String conversationId, Path file) throws Exception {
        return attachments.send(conversationId, file, null);
    }

    @Override
    public Optional<AttachmentState> state(String messageId) throws Exception {
        return attachments.state(messageId);
    }

    @Override
    public void save(String messageId, Path target) throws Exception {
        attachments.save(messageId, target);
    }

    @Override
    public Path open(String messageId) throws Exception {
        return attachments.open(messageId);
    }

    @Override
    public void downloadIfSmall(String messageId) {
        attachments.downloadIfSmall(messageId);
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    @Override
    public long maxFileBytes() {
        return attachments.maxFileBytes();
    }

    // ---- Attachments.Listener ----

    @Override
    public void onProgress(String conversationId, String messageId, long done, long total) {
        Listener l = listener;
        if (l != null) {
            l.progress(conversationId, messageId, done, total);
        }
    }

    @Override
    public void onUploaded(String conversationId, String messageId) {
        changed(conversationId, messageId);
    }

    @Override
    public void onUploadFailed(String conversationId, String messageId, AttachmentException reason) {
        changed(conversationId, messageId);
    }

    @Override
    public void onDownloaded(String conversationId, String messageId) {
        changed(conversationId, messageId);
    }

    private void changed(String conversationId, String messageId) {
        Listener l = listener;
        if (l != null) {
            l.changed(conversationId, messageId);
        }
    }

    @Override
    public void close() {
        if (attachments == null) {
            return;
        }
        attachments.close();
        try {
            attachments.opened().clear();
        } catch (IOException e) {
            LOG.warn("event=opened_files_not_cleared error={}", e.getClass().getSimpleName());
        }
    }
}

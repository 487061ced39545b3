package org.vermerk.ui.chat;

import java.nio.file.Path;
import java.util.Optional;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.keystore.Message;

/**
 * The files of conversations (ADR 0021), as the chat needs them: {@link EngineChatFiles} over the
 * app's {@code Attachments} in the product, an in-memory one in ViewModel tests. Every method but
 * {@link #listen} and {@link #downloadIfSmall} blocks: call them through the task executor.
 */
public interface ChatFiles {
    /** Upload progress and changes of a file; called on any thread. */
    interface Listener {
        void progress(String conversationId, String messageId, long done, long total);

        /** The file's state changed (uploaded, failed, downloaded). */
        void changed(String conversationId, String messageId);
    }

    /** Encrypts and stores the file as a message (PENDING); it uploads and sends in the background. */
    Message send(String conversationId, Path file) throws Exception;

    Optional<AttachmentState> state(String messageId) throws Exception;

    /** Downloads if needed, checks the hash and writes the decrypted file at {@code target}. */
    void save(String messageId, Path target) throws Exception;

    /** Downloads if needed and decrypts into the client's private open directory; returns the file. */
    Path open(String messageId) throws Exception;

    /** Starts a background download of a small file (a user expects it to be there). */
    void downloadIfSmall(String messageId);

    /** The one listener (the open chat); replaces the previous one. */
    void listen(Listener listener);

    /** The largest file the server takes, in bytes. */
    long maxFileBytes();
}

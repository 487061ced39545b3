package org.vermerk.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vermerk.app.account.Account;
import org.vermerk.app.attachment.AttachmentCorruptException;
import org.vermerk.app.attachment.AttachmentException;
import org.vermerk.app.attachment.AttachmentFileException;
import org.vermerk.app.attachment.AttachmentGoneException;
import org.vermerk.app.attachment.AttachmentHashMismatchException;
import org.vermerk.app.attachment.AttachmentOfflineException;
import org.vermerk.app.attachment.AttachmentTooLargeException;
import org.vermerk.app.attachment.Attachments;
import org.vermerk.app.attachment.NoAttachmentException;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.Payload;
import org.vermerk.keystore.Message;

/** What {@code send --attach} and {@code attachment} share: the service, waiting for the upload, and the exit codes. */
final class AttachmentCli {
    /** How long {@code send --attach} waits for the upload (25 MiB on a slow line); the file stays queued after. */
    static final Duration UPLOAD_WAIT = Duration.ofMinutes(5);

    private AttachmentCli() {}

    /** Sends a file and waits until it is uploaded and its message accepted by the server. */
    static Message send(Account account, ConversationEngine engine, String conversationId, Path file, String text)
            throws Exception {
        CompletableFuture<AttachmentException> done = new CompletableFuture<>();
        String[] id = new String[1];
        try (Attachments attachments = Attachments.start(account, engine, new Attachments.Listener() {
            @Override
            public void onUploaded(String conversationId, String messageId) {
                if (messageId.equals(id[0])) {
                    done.complete(null);
                }
            }

            @Override
            public void onUploadFailed(String conversationId, String messageId, AttachmentException reason) {
                if (messageId.equals(id[0])) {
                    done.complete(reason);
                }
            }
        })) {
            Message held;
            synchronized (id) {
                held = attachments.send(conversationId, file, text);
                id[0] = held.id();
            }
            if (attachments.state(held.id()).orElseThrow().state()
                    != org.vermerk.app.attachment.AttachmentState.State.UPLOADING) {
                done.complete(null); // finished before we listened
            }
            AttachmentException failed;
            try {
                failed = done.get(UPLOAD_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new CliFailure(
                        ExitCodes.UNREACHABLE,
                        "not_uploaded",
                        "the file was not uploaded in " + UPLOAD_WAIT.toMinutes()
                                + " min; it stays queued and is uploaded by the next command that sends a file");
            }
            if (failed != null) {
                throw failure(failed);
            }
            return held;
        } catch (AttachmentException e) {
            throw failure(e);
        }
    }

    /** The one-line description of a file message for {@code receive}; never the key. */
    static String describe(Payload.File file) {
        return "[file " + file.fileName() + ", " + file.size() + " bytes, " + file.mediaType() + "]"
                + file.text().map(t -> " " + t).orElse("");
    }

    static CliFailure failure(AttachmentException e) {
        return switch (e) {
            case AttachmentTooLargeException t -> new CliFailure(ExitCodes.FAILED, "too_large", t.getMessage());
            case AttachmentGoneException g -> new CliFailure(ExitCodes.FAILED, "attachment_gone", g.getMessage());
            case AttachmentHashMismatchException h -> new CliFailure(ExitCodes.FAILED, "hash_mismatch", h.getMessage());
            case AttachmentCorruptException c -> new CliFailure(ExitCodes.FAILED, "attachment_corrupt", c.getMessage());
            case AttachmentOfflineException o ->
                new CliFailure(ExitCodes.UNREACHABLE, "server_unreachable", o.getMessage());
            case NoAttachmentException n -> new CliFailure(ExitCodes.FAILED, "no_attachment", n.getMessage());
            case AttachmentFileException f -> new CliFailure(ExitCodes.FAILED, "file", f.getMessage());
            default -> new CliFailure(ExitCodes.FAILED, "attachment", e.getMessage());
        };
    }
}

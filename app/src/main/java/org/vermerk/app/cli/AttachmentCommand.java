package org.vermerk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vermerk.app.account.Account;
import org.vermerk.app.attachment.AttachmentException;
import org.vermerk.app.attachment.AttachmentState;
import org.vermerk.app.attachment.Attachments;
import org.vermerk.app.attachment.NoAttachmentException;
import org.vermerk.app.conversation.ConversationEngine;
import org.vermerk.app.conversation.ConversationListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vermerk cli attachment}: files received or sent in conversations. */
@Command(
        name = "attachment",
        mixinStandardHelpOptions = true,
        description = "Files received or sent in conversations (see `receive` for message IDs).",
        subcommands = {AttachmentCommand.Save.class})
final class AttachmentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "save",
            mixinStandardHelpOptions = true,
            description = {
                "Saves a message's file, decrypted, at --out: downloads it first if it is not on this",
                "device, and checks it against the SHA-256 its message named before writing."
            })
    static final class Save extends CliCommand.Sub {
        @Option(names = "--message", paramLabel = "ID", required = true, description = "The file's message.")
        String message;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to save it.")
        Path out;

        @Option(names = "--force", description = "Replace --out if it exists.")
        boolean force;

        /** Checks --out, then the message ID in the store, before the engine connects. */
        @Override
        void execute() throws Exception {
            if (Files.exists(out) && !force) {
                throw new CliFailure(ExitCodes.USAGE, "exists", out + " exists; add --force to replace it");
            }
            try (Account account = unlock(settings())) {
                if (account.keystore().messages().attachment(message).isEmpty()) {
                    throw AttachmentCli.failure(new NoAttachmentException(message)); // no network for a wrong ID
                }
                ConversationEngine engine = ConversationEngine.start(account, new ConversationListener() {});
                try {
                    save(account, engine);
                } finally {
                    engine.close();
                }
            }
        }

        private void save(Account account, ConversationEngine engine) throws Exception {
            try (Attachments attachments = Attachments.start(account, engine, new Attachments.Listener() {})) {
                attachments.save(message, out);
                AttachmentState state = attachments.state(message).orElseThrow();
                output.result(
                        "Saved " + state.size() + " bytes to " + out.toAbsolutePath(),
                        Output.fields(
                                "event",
                                "attachmentSaved",
                                "messageId",
                                message,
                                "name",
                                state.fileName(),
                                "mediaType",
                                state.mediaType(),
                                "size",
                                state.size(),
                                "path",
                                out.toAbsolutePath().toString()));
            } catch (AttachmentException e) {
                throw AttachmentCli.failure(e);
            }
        }
    }
}

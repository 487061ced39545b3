package org.vermerk.app.records.export;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.manifest.CmsSigner;
import org.vermerk.app.records.manifest.DeviceSigner;
import org.vermerk.app.records.manifest.Manifest;
import org.vermerk.app.records.pdf.TranscriptPdf;
import org.vermerk.app.records.plan.ExportPlan;
import org.vermerk.app.records.plan.MessageSummary;
import org.vermerk.app.records.plan.PlannedAttachment;
import org.vermerk.app.records.plan.SafeFileNames;
import org.vermerk.app.records.xdomea.Xdomea0605Writer;

/**
 * Turns one {@link RecordExportRequest} into one ZIP in the export directory (docs/records-export.md):
 *
 * <ol>
 *   <li>{@code <ProzessID>_FVDaten.SGOAblegen.0605.xml}, the xdomea message for the DMS;
 *   <li>{@code <UUID>_transcript.pdf}, the PDF/A-2b transcript;
 *   <li>{@code <UUID>_messages.json}, the structured content ({@code vermerk-record/1});
 *   <li>{@code <UUID>_<name>} for each attachment, as sent (when the mark includes attachments);
 *   <li>{@code manifest.json} with size and SHA-256 of each file above, and {@code
 *       manifest.json.p7s}, its detached CMS signature by the device key.
 * </ol>
 *
 * <p>The ZIP is written to a hidden temporary file in the export directory, forced to disk and then
 * moved to its name atomically; on any failure the temporary file is deleted and a {@link
 * RecordExportException} says why. Memory stays bounded: messages are streamed from the {@link
 * org.vermerk.app.records.MessageSource} pass by pass and attachments are copied through a buffer.
 *
 * <p>Thread-safe: an exporter holds no state between exports.
 */
public final class RecordExporter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordExporter.class);
    private static final int BUFFER = 64 * 1024;

    private final DeviceSigner signer;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final String applicationVersion;

    /**
     * @param signer the device key and certificate that sign the manifest
     * @param clock the time of export
     * @param ids fresh identifiers (ProzessID, document and file IDs)
     * @param applicationVersion the Vermerk version named in the export
     */
    public RecordExporter(DeviceSigner signer, Clock clock, Supplier<UUID> ids, String applicationVersion) {
        this.signer = requireNonNull(signer, "signer");
        this.clock = requireNonNull(clock, "clock");
        this.ids = requireNonNull(ids, "ids");
        this.applicationVersion = requireNonNull(applicationVersion, "applicationVersion");
    }

    /** An exporter with the system clock, random UUIDs and this build's version. */
    public static RecordExporter create(DeviceSigner signer) {
        String version = RecordExporter.class.getPackage().getImplementationVersion();
        return new RecordExporter(signer, Clock.systemUTC(), UUID::randomUUID, version == null ? "dev" : version);
    }

    /**
     * Writes the export and returns the ZIP's path.
     *
     * @param exportDirectory where the ZIP goes; created when missing
     * @throws RecordExportException when it cannot be written; nothing is left behind
     */
    public Path export(RecordExportRequest request, Path exportDirectory) throws RecordExportException {
        requireNonNull(request, "request");
        Path directory = exportDirectory.toAbsolutePath().normalize();
        ExportPlan plan = plan(request);
        Path target = directory.resolve(plan.zipName());
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, ".vermerk-export-", ".part");
            writeZip(plan, directory, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info(
                    "records export written: process={} messages={} attachments={} bytes={}",
                    plan.processId(),
                    plan.summary().count(),
                    plan.attachments().size(),
                    Files.size(target));
            return target;
        } catch (Exception | Error e) {
            deleteQuietly(partial, e);
            throw failure(directory, e);
        }
    }

    private ExportPlan plan(RecordExportRequest request) throws RecordExportException {
        Instant exportedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Set<String> attachmentIds = new HashSet<>();
        List<PlannedAttachment> attachments = new ArrayList<>();
        for (AttachmentFile file : request.attachments()) {
            if (!attachmentIds.add(file.id())) {
                throw new RecordExportException("attachment " + file.id() + " is listed twice", null);
            }
            UUID id = ids.get();
            Optional<String> entry = request.mark().includeAttachments()
                    ? Optional.of(id + "_" + SafeFileNames.sanitize(file.fileName()))
                    : Optional.empty();
            attachments.add(new PlannedAttachment(file, id, entry));
        }
        MessageSummary summary = summarise(request, attachmentIds);
        return new ExportPlan(
                request,
                exportedAt,
                ids.get(),
                ids.get(),
                ids.get(),
                ids.get(),
                attachments,
                summary,
                applicationVersion);
    }

    /** The first pass: counts, period, senders; checks that every attachment referenced exists. */
    private static MessageSummary summarise(RecordExportRequest request, Set<String> attachmentIds)
            throws RecordExportException {
        long count = 0;
        Instant first = null;
        Instant last = null;
        Set<String> senders = new LinkedHashSet<>();
        try (Stream<RecordedMessage> messages = request.messages().open()) {
            Iterator<RecordedMessage> it = messages.iterator();
            while (it.hasNext()) {
                RecordedMessage message = it.next();
                count++;
                Instant at = message.receivedByServerAt();
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
                senders.add(message.senderUserId());
                for (String id : message.attachmentIds()) {
                    if (!attachmentIds.contains(id)) {
                        throw new RecordExportException(
                                "message " + message.id() + " refers to attachment " + id
                                        + ", which the request does not contain",
                                null);
                    }
                }
            }
        }
        return new MessageSummary(count, Optional.ofNullable(first), Optional.ofNullable(last), List.copyOf(senders));
    }

    private void writeZip(ExportPlan plan, Path directory, Path partial) throws Exception {
        LocalDateTime timestamp =
                LocalDateTime.ofInstant(plan.exportedAt(), plan.request().zone());
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                HashingZipWriter zip = new HashingZipWriter(file, timestamp)) {
            zip.entry(plan.xdomeaEntryName(), out -> Xdomea0605Writer.write(plan, out));
            zip.entry(
                    plan.transcriptEntryName(), Deflater.BEST_SPEED, out -> TranscriptPdf.write(plan, directory, out));
            zip.entry(plan.messagesEntryName(), out -> MessagesJson.write(plan, out));
            for (PlannedAttachment attachment : plan.attachments()) {
                if (attachment.included()) {
                    zip.entry(
                            attachment.entryName().orElseThrow(),
                            Deflater.BEST_SPEED,
                            out -> copyChecked(attachment.file(), out));
                }
            }
            Manifest manifest = new Manifest(plan.packageName(), plan.exportedAt(), zip.written());
            byte[] manifestJson = manifest.toJson();
            zip.unlisted(Manifest.FILE_NAME, manifestJson);
            zip.unlisted(Manifest.SIGNATURE_FILE_NAME, CmsSigner.signDetached(manifestJson, signer, plan.exportedAt()));
            zip.finish();
            file.flush();
            channel.force(true);
        }
    }

    /** Copies an attachment and fails when its bytes are not the ones that were sent. */
    private static void copyChecked(AttachmentFile file, OutputStream out) throws IOException, RecordExportException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = file.content().open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        Sha256 actual = Sha256.finish(digest);
        if (size != file.size() || !actual.matches(file.sha256())) {
            throw new RecordExportException(
                    "attachment \"" + file.fileName() + "\" (" + file.id() + ") is not the file that was sent: "
                            + size + " bytes with SHA-256 " + actual.hex() + ", sent as " + file.size()
                            + " bytes with SHA-256 " + file.sha256().hex(),
                    null);
        }
    }

    private static void deleteQuietly(Path partial, Throwable failure) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static RecordExportException failure(Path directory, Throwable e) {
        if (e instanceof RecordExportException export) {
            return export;
        }
        if (e instanceof FileAlreadyExistsException) {
            return new RecordExportException("an export of this name already exists in " + directory, e);
        }
        if (e instanceof AccessDeniedException) {
            return new RecordExportException("no permission to write to the export directory " + directory, e);
        }
        if (isDiskFull(directory, e)) {
            return new RecordExportException(
                    "the disk holding " + directory + " is full: the export was not written and the marked"
                            + " messages are unchanged; free space or choose another directory and export again",
                    e);
        }
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new RecordExportException(
                "the export to " + directory + " failed (" + cause + "); nothing was written and the marked"
                        + " messages are unchanged",
                e);
    }

    private static boolean isDiskFull(Path directory, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    && t.getMessage() != null
                    && t.getMessage().contains("No space left")) {
                return true;
            }
        }
        try {
            return Files.getFileStore(directory).getUsableSpace() < 1024 * 1024;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
    }
}

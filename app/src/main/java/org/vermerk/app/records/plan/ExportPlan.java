package org.vermerk.app.records.plan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vermerk.app.records.RecordExportRequest;

/**
 * One export, planned: the request, the time of export, the identifiers and every file name.
 *
 * <p>Naming follows xdomea 3.0.0: the package and its XML message are named {@code
 * <ProzessID>_<message type>} ({@code …_FVDaten.SGOAblegen.0605.zip} and {@code .xml}); every
 * primary document is named {@code <UUID>_<name>} (xdomea's stringDateinameType).
 *
 * @param request what is exported
 * @param exportedAt the time of export
 * @param processId the xdomea ProzessID, new for every export
 * @param documentId the xdomea ID of the filed document (the transcript with messages.json)
 * @param transcriptFileId the file-name UUID of the transcript
 * @param messagesFileId the file-name UUID of messages.json
 * @param attachments the attachments and their entry names
 * @param summary the first pass over the messages
 * @param applicationVersion the Vermerk version that writes the export
 */
public record ExportPlan(
        RecordExportRequest request,
        Instant exportedAt,
        UUID processId,
        UUID documentId,
        UUID transcriptFileId,
        UUID messagesFileId,
        List<PlannedAttachment> attachments,
        MessageSummary summary,
        String applicationVersion) {
    /** The xdomea message type written: FVDaten.SGOAblegen, code 0605. */
    public static final String MESSAGE_TYPE = "FVDaten.SGOAblegen.0605";

    public static final String TRANSCRIPT_ORIGINAL_NAME = "transcript.pdf";
    public static final String MESSAGES_ORIGINAL_NAME = "messages.json";

    public ExportPlan {
        requireNonNull(request, "request");
        requireNonNull(exportedAt, "exportedAt");
        requireNonNull(processId, "processId");
        requireNonNull(documentId, "documentId");
        requireNonNull(transcriptFileId, "transcriptFileId");
        requireNonNull(messagesFileId, "messagesFileId");
        attachments = List.copyOf(attachments);
        requireNonNull(summary, "summary");
        requireNonNull(applicationVersion, "applicationVersion");
    }

    /** {@code <ProzessID>_FVDaten.SGOAblegen.0605}: the base name of the ZIP and of its XML. */
    public String packageName() {
        return processId + "_" + MESSAGE_TYPE;
    }

    public String zipName() {
        return packageName() + ".zip";
    }

    public String xdomeaEntryName() {
        return packageName() + ".xml";
    }

    public String transcriptEntryName() {
        return transcriptFileId + "_" + TRANSCRIPT_ORIGINAL_NAME;
    }

    public String messagesEntryName() {
        return messagesFileId + "_" + MESSAGES_ORIGINAL_NAME;
    }

    /** The planned attachment with this ID, if the request has it. */
    public java.util.Optional<PlannedAttachment> attachment(String id) {
        return attachments.stream().filter(a -> a.file().id().equals(id)).findFirst();
    }
}

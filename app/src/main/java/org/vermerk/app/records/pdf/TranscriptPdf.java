package org.vermerk.app.records.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.LaterChange;
import org.vermerk.app.records.Mark;
import org.vermerk.app.records.MarkEvent;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.Participant;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.Revision;
import org.vermerk.app.records.pdf.PageComposer.Colour;
import org.vermerk.app.records.pdf.PageComposer.Style;
import org.vermerk.app.records.plan.ExportPlan;
import org.vermerk.app.records.plan.PlannedAttachment;

/**
 * Writes {@code transcript.pdf}, the human-readable record: a cover block (authority, exporting
 * official, file reference, subject, note, classification, conversation, period, time of export,
 * participants with IDs and verification state, the mark's history), then every marked message with
 * sender, time sent and time received by the server, reply, text, earlier versions, later changes
 * and attachments with SHA-256. PDF/A-2b; German; times in the request's zone.
 *
 * <p>Memory: the messages are read one at a time; PDFBox keeps page content beyond {@value
 * #MAIN_MEMORY_BYTES} bytes in a scratch file in the export directory (never the shared temp
 * directory), deleted when the document closes.
 */
public final class TranscriptPdf {
    static final long MAIN_MEMORY_BYTES = 16L * 1024 * 1024;
    private static final float LABEL_COLUMN = 118f;
    private static final float INDENT = 12f;

    private final ExportPlan plan;
    private final RecordExportRequest request;
    private final DateTimeFormatter time;
    private final PdfFonts fonts;
    private final PageComposer pages;
    private final Style title;
    private final Style heading;
    private final Style label;
    private final Style body;
    private final Style sender;
    private final Style meta;
    private final Style metaBold;

    private TranscriptPdf(ExportPlan plan, PdfFonts fonts, PageComposer pages) {
        this.plan = plan;
        this.request = plan.request();
        this.time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss z", Locale.GERMANY)
                .withZone(request.zone());
        this.fonts = fonts;
        this.pages = pages;
        this.title = new Style(fonts.bold, 16f, 22f, Colour.BLACK);
        this.heading = new Style(fonts.bold, 11.5f, 17f, Colour.BLACK);
        this.label = new Style(fonts.bold, 8.5f, 11.5f, Colour.BLACK);
        this.body = new Style(fonts.regular, 9.5f, 12.5f, Colour.BLACK);
        this.sender = new Style(fonts.bold, 9.5f, 13f, Colour.BLACK);
        this.meta = new Style(fonts.regular, 7.5f, 10f, Colour.GREY);
        this.metaBold = new Style(fonts.bold, 7.5f, 10f, Colour.MARKING);
    }

    /**
     * Writes the transcript of {@code plan} to {@code out} (not closed).
     *
     * @param scratchDirectory where PDFBox may keep page content that exceeds its memory budget
     * @return the number of pages
     */
    public static int write(ExportPlan plan, Path scratchDirectory, OutputStream out) throws IOException {
        MemoryUsageSetting memory =
                MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES).setTempDir(scratchDirectory.toFile());
        try (PDDocument document = new PDDocument(memory.streamCache)) {
            PdfFonts fonts = PdfFonts.load(document);
            RecordExportRequest request = plan.request();
            String runningHead = "Vermerk – "
                    + (request.isAddendum() ? "Nachtrag zum Gesprächsprotokoll" : "Gesprächsprotokoll") + " · Az. "
                    + request.mark().fileReference() + " · " + request.mark().subject();
            int pageCount;
            try (PageComposer pages = new PageComposer(
                    document, fonts, request.conversation().classification().pageMarking(), runningHead)) {
                new TranscriptPdf(plan, fonts, pages).compose();
                pages.finish(request.authority().name() + " · exportiert "
                        + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm z", Locale.GERMANY)
                                .withZone(request.zone())
                                .format(plan.exportedAt()));
                pageCount = pages.pageCount();
            }
            PdfA.apply(
                    document,
                    new PdfA.Info(
                            (request.isAddendum() ? "Nachtrag zum Gesprächsprotokoll " : "Gesprächsprotokoll ")
                                    + request.mark().fileReference() + " – "
                                    + request.mark().subject(),
                            request.exportingOfficial().displayName(),
                            "Aktenrelevante Nachrichten aus dem Gespräch „"
                                    + request.conversation().title() + "“",
                            "Vermerk " + plan.applicationVersion(),
                            plan.exportedAt(),
                            plan.transcriptFileId()));
            document.save(out);
            return pageCount;
        }
    }

    private void compose() throws IOException {
        pages.keep(title.leading());
        if (request.isAddendum()) {
            pages.paragraph("Nachtrag zum Gesprächsprotokoll", title, 0);
            pages.paragraph(
                    "Nach der Markierung bearbeitete oder gelöschte Nachrichten, jeweils in der markierten Fassung"
                            + " mit der späteren Änderung",
                    body,
                    0);
        } else {
            pages.paragraph("Gesprächsprotokoll", title, 0);
            pages.paragraph("Aktenrelevante Nachrichten aus dem Messenger Vermerk", body, 0);
        }
        pages.space(8);
        cover();
        participants();
        markHistory();
        messages();
    }

    private void cover() throws IOException {
        Mark mark = request.mark();
        Official official = request.exportingOfficial();
        Classification classification = request.conversation().classification();
        field(
                "Behörde",
                request.authority().name()
                        + (request.authority().shortName().isEmpty()
                                ? ""
                                : " (" + request.authority().shortName() + ")"));
        field(
                "Exportiert von",
                official.displayName() + " (" + official.userId() + ")"
                        + (official.organisationalUnit().isEmpty() ? "" : ", " + official.organisationalUnit()));
        field("Exportiert am", time.format(plan.exportedAt()));
        if (request.addendumOf().isPresent()) {
            var original = request.addendumOf().get();
            field(
                    "Nachtrag zu",
                    "Export vom " + time.format(original.originalExportedAt()) + ", ProzessID "
                            + original.originalProcessId() + " (" + original.originalPackage() + ")");
        }
        field("Aktenzeichen", mark.fileReference());
        field("Betreff", mark.subject());
        if (!mark.note().isEmpty()) {
            field("Notiz", mark.note());
        }
        field("Einstufung", classification.isClassified() ? classification.pageMarking() : "offen (nicht eingestuft)");
        field(
                "Gespräch",
                "„" + request.conversation().title() + "“ (ID "
                        + request.conversation().id() + ")");
        field(
                "Zeitraum",
                plan.summary().first().isEmpty()
                        ? "keine Nachrichten"
                        : time.format(plan.summary().first().get()) + " bis "
                                + time.format(plan.summary().last().orElseThrow()) + " (Eingang beim Server)");
        long included =
                plan.attachments().stream().filter(PlannedAttachment::included).count();
        field(
                "Umfang",
                plural(plan.summary().count(), "Nachricht", "Nachrichten") + ", "
                        + plural(plan.attachments().size(), "Anhang", "Anhänge")
                        + (plan.attachments().isEmpty()
                                ? ""
                                : included == plan.attachments().size()
                                        ? " (beigefügt)"
                                        : " (nicht beigefügt; Namen und SHA-256 sind genannt)"));
        field(
                "Markiert",
                "von " + request.displayNameOf(mark.markedBy()) + " (" + mark.markedBy() + ") am "
                        + time.format(mark.markedAt()));
        field("Vorgang", "ProzessID " + plan.processId() + ", Dokument " + plan.documentId());
        field(
                "Zeitangaben",
                "„gesendet“ ist die Zeit des sendenden Geräts, „Server“ der Eingang beim Zustelldienst,"
                        + " der die Reihenfolge festlegt.");
        pages.space(6);
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private void field(String name, String value) throws IOException {
        pages.labelled(name, label, LABEL_COLUMN, value, body);
        pages.space(1.5f);
    }

    private void participants() throws IOException {
        section("Teilnehmende (" + request.participants().size() + ")");
        for (Participant participant : request.participants()) {
            pages.paragraph(participant.displayName() + " – " + participant.userId(), sender, 0);
            pages.paragraph("Schlüssel: " + participant.verification().germanLabel(), meta, INDENT);
        }
        pages.space(6);
    }

    private void markHistory() throws IOException {
        if (request.mark().history().isEmpty()) {
            return;
        }
        section("Verlauf der Markierung");
        for (MarkEvent event : request.mark().history()) {
            String change = event.field().isEmpty()
                    ? ""
                    : ": " + event.field() + " „" + event.oldValue() + "“ → „" + event.newValue() + "“";
            pages.paragraph(
                    time.format(event.at()) + " · " + event.actorUserId() + " · " + event.action() + change, meta, 0);
        }
        pages.space(6);
    }

    private void section(String name) throws IOException {
        pages.keep(heading.leading() + 3 * body.leading());
        pages.space(4);
        pages.paragraph(name, heading, 0);
        pages.space(2);
    }

    private void messages() throws IOException {
        section("Nachrichten (" + plan.summary().count() + ")");
        try (Stream<RecordedMessage> messages = request.messages().open()) {
            Iterator<RecordedMessage> it = messages.iterator();
            long number = 0;
            while (it.hasNext()) {
                message(++number, it.next());
            }
        }
    }

    private void message(long number, RecordedMessage message) throws IOException {
        pages.keep(sender.leading() + meta.leading() + 2 * body.leading());
        pages.paragraph(
                number + ". " + request.displayNameOf(message.senderUserId()) + " (" + message.senderUserId() + ")",
                sender,
                0);
        pages.paragraph(
                "gesendet " + time.format(message.sentAt()) + " · Server " + time.format(message.receivedByServerAt())
                        + " · Nachricht " + message.id(),
                meta,
                INDENT);
        if (message.replyTo().isPresent()) {
            var reply = message.replyTo().get();
            pages.paragraph(
                    "Antwort auf Nachricht " + reply.messageId() + " von " + request.displayNameOf(reply.senderUserId())
                            + (reply.excerpt().isEmpty() ? "" : ": „" + reply.excerpt() + "“"),
                    meta,
                    INDENT);
        }
        pages.paragraph(message.text(), body, INDENT);
        for (Revision revision : message.earlierVersions()) {
            pages.paragraph(
                    "Frühere Fassung (ersetzt " + time.format(revision.replacedAt()) + "): „" + revision.text() + "“",
                    meta,
                    INDENT);
        }
        if (message.changeAfterMark().isPresent()) {
            LaterChange change = message.changeAfterMark().get();
            String what = change.kind() == LaterChange.Kind.DELETED
                    ? "Nach der Markierung gelöscht am " + time.format(change.at())
                            + ". Das Protokoll enthält die markierte Fassung."
                    : "Nach der Markierung bearbeitet am " + time.format(change.at()) + "; neue Fassung: „"
                            + change.newText() + "“. Das Protokoll enthält die markierte Fassung.";
            pages.paragraph(what, metaBold, INDENT);
        }
        for (String attachmentId : message.attachmentIds()) {
            PlannedAttachment planned = plan.attachment(attachmentId).orElseThrow();
            AttachmentFile file = planned.file();
            pages.paragraph(
                    "Anhang: " + file.fileName() + " · " + file.mediaType() + " · "
                            + NumberFormat.getIntegerInstance(Locale.GERMANY).format(file.size()) + " Bytes · "
                            + (planned.included()
                                    ? "beigefügt als " + planned.entryName().get()
                                    : "nicht beigefügt"),
                    meta,
                    INDENT);
            pages.paragraph("SHA-256 " + file.sha256().hex(), meta, INDENT);
        }
        pages.space(5);
    }
}

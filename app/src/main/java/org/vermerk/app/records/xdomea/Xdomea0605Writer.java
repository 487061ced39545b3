package org.vermerk.app.records.xdomea;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkEvent;
import org.vermerk.app.records.Official;
import org.vermerk.app.records.Participant;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.plan.ExportPlan;
import org.vermerk.app.records.plan.PlannedAttachment;

/**
 * Writes the xdomea 3.0.0 message {@code FVDaten.SGOAblegen.0605}
 * (xdomea-Nachrichten-FachverfahrensdatenAustauschen.xsd): Vermerk acts as the specialised
 * application (Fachverfahren) that hands one document to the DMS for filing.
 *
 * <p>Mapping (docs/records-export.md has the full table):
 *
 * <ul>
 *   <li>Kopf: a new ProzessID, Nachrichtentyp 0605, the authority and exporting official as
 *       Absender, the authority as Empfänger, Vermerk as SendendesSystem, Importbestätigung 1.
 *   <li>One SchriftgutobjektZumAblegen with a Dokument: Betreff, Kennzeichen (Aktenzeichen),
 *       Vertraulichkeitsstufe, the note as Bemerkung; the mark's audit trail and the export as
 *       HistorienProtokollInformation; version 1 in two formats: the PDF/A transcript (Dateiformat
 *       044) and messages.json (100, Sonstiges: json); each included attachment as an Anlage with
 *       its own Primärdokument; the senders as Absender and all participants as Empfänger.
 * </ul>
 */
public final class Xdomea0605Writer {
    public static final String NAMESPACE = "urn:xoev-de:xdomea:schema:3.0.0";
    private static final String PREFIX = "xdomea";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final ExportPlan plan;
    private final RecordExportRequest request;

    private Xdomea0605Writer(XMLStreamWriter xml, ExportPlan plan) {
        this.xml = xml;
        this.plan = plan;
        this.request = plan.request();
    }

    /** Writes the message as UTF-8 to {@code out}; does not close {@code out}. */
    public static void write(ExportPlan plan, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        try {
            new Xdomea0605Writer(xml, plan).writeMessage();
        } finally {
            xml.close();
        }
    }

    private void writeMessage() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setPrefix(PREFIX, NAMESPACE);
        xml.writeStartElement(PREFIX, ExportPlan.MESSAGE_TYPE, NAMESPACE);
        xml.writeNamespace(PREFIX, NAMESPACE);
        writeHead();
        writeObjectToFile();
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void writeHead() throws XMLStreamException {
        Official official = request.exportingOfficial();
        start("Kopf");
        text("ProzessID", plan.processId().toString());
        start("Nachrichtentyp");
        xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:nachrichtentyp");
        xml.writeAttribute("listVersionID", "2.0");
        unqualified("code", "0605");
        unqualified("name", "FVDaten.SGOAblegen");
        end();
        text("Erstellungszeitpunkt", dateTime(plan.exportedAt()));
        start("Absender");
        institution();
        organisationalUnit(official.organisationalUnit());
        person(official.givenName(), official.familyName());
        userId(official.userId());
        end();
        start("Empfaenger");
        institution();
        end();
        start("SendendesSystem");
        text("Produktname", "Vermerk");
        text("Version", plan.applicationVersion());
        end();
        text(
                "Hinweis",
                "Aktenrelevante Nachrichten aus dem Messenger Vermerk. Die Unversehrtheit des Pakets"
                        + " belegen manifest.json und die Signatur manifest.json.p7s.");
        text("Empfangsbestaetigung", "0");
        text("Importbestaetigung", "1");
        text("Erstellerkennung", official.userId());
        text("Stapel", "0");
        end();
    }

    private void writeObjectToFile() throws XMLStreamException {
        start("SchriftgutobjektZumAblegen");
        text("FachverfahrenObjektID", request.mark().id());
        start("Schriftgutobjekt");
        start("Dokument");
        identification(plan.documentId().toString());
        generalMetadata(
                request.addendumOf().isPresent()
                        ? "Nachtrag: " + request.mark().subject()
                        : request.mark().subject(),
                addendumRemark() + request.mark().note() + periodRemark());
        text(
                "DatumDesSchreibens",
                LocalDate.ofInstant(plan.exportedAt(), request.zone()).toString());
        text("Bearbeiter", request.exportingOfficial().displayName());
        text("Typ", request.addendumOf().isPresent() ? "Nachtrag zum Chatprotokoll" : "Chatprotokoll");
        for (MarkEvent event : request.mark().history()) {
            history(event);
        }
        exportHistory();
        start("Version");
        text("Nummer", "1");
        format(
                DateiformatCodes.PDF_ARCHIVAL,
                null,
                "PDF/A-2b",
                plan.transcriptEntryName(),
                ExportPlan.TRANSCRIPT_ORIGINAL_NAME);
        format(
                DateiformatCodes.OTHER,
                "json",
                "vermerk-record/1",
                plan.messagesEntryName(),
                ExportPlan.MESSAGES_ORIGINAL_NAME);
        end();
        int number = 0;
        for (PlannedAttachment attachment : plan.attachments()) {
            if (attachment.included()) {
                attachment(attachment, ++number);
            }
        }
        for (String sender : plan.summary().senders()) {
            start("Absender");
            contactOf(sender);
            end();
        }
        for (Participant participant : request.participants()) {
            start("Empfaenger");
            contactOf(participant.userId());
            end();
        }
        end();
        end();
        end();
    }

    /**
     * For an addendum: which filed document it adds to (the original ProzessID, package and time),
     * so that the DMS user files it beside the original.
     */
    private String addendumRemark() {
        if (request.addendumOf().isEmpty()) {
            return "";
        }
        var original = request.addendumOf().get();
        return "Nachtrag zum Export mit ProzessID " + original.originalProcessId() + " ("
                + original.originalPackage() + ", exportiert " + dateTime(original.originalExportedAt())
                + "): Nachrichten, die nach der Markierung bearbeitet oder gelöscht wurden, jeweils in der"
                + " markierten Fassung mit der späteren Änderung."
                + (request.mark().note().isEmpty() ? "" : "\n");
    }

    private String periodRemark() {
        if (plan.summary().first().isEmpty()) {
            return "";
        }
        String prefix = request.mark().note().isEmpty() ? "" : "\n";
        return prefix + "Zeitraum (Serverzeit, UTC): "
                + dateTime(plan.summary().first().get()) + " bis "
                + dateTime(plan.summary().last().orElseThrow()) + "; "
                + plan.summary().count()
                + " Nachrichten aus dem Gespräch \"" + request.conversation().title() + "\".";
    }

    private void attachment(PlannedAttachment planned, int number) throws XMLStreamException {
        AttachmentFile file = planned.file();
        start("Anlage");
        identification(planned.documentId().toString());
        generalMetadata(
                file.fileName(),
                "Anhang einer Nachricht; Medientyp " + file.mediaType() + "; " + file.size() + " Bytes; SHA-256 "
                        + file.sha256().hex());
        text("Typ", "Anhang");
        start("Version");
        text("Nummer", "1");
        String code = DateiformatCodes.codeFor(file.fileName());
        String extension = DateiformatCodes.extensionOf(file.fileName());
        format(
                code,
                code.equals(DateiformatCodes.OTHER) ? (extension.isEmpty() ? file.mediaType() : extension) : null,
                "unbekannt",
                planned.entryName().orElseThrow(),
                file.fileName(),
                file.senderUserId(),
                file.sentAt());
        end();
        start("Absender");
        contactOf(file.senderUserId());
        end();
        text("Nummer", Integer.toString(number));
        end();
    }

    private void format(String code, String otherName, String version, String fileName, String originalName)
            throws XMLStreamException {
        format(
                code,
                otherName,
                version,
                fileName,
                originalName,
                request.exportingOfficial().userId(),
                plan.exportedAt());
    }

    private void format(
            String code,
            String otherName,
            String version,
            String fileName,
            String originalName,
            String creator,
            Instant created)
            throws XMLStreamException {
        start("Format");
        start("Name");
        xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:dateiformat");
        xml.writeAttribute("listVersionID", DateiformatCodes.LIST_VERSION);
        unqualified("code", code);
        end();
        if (otherName != null) {
            text("SonstigerName", otherName);
        }
        text("Version", version);
        start("Primaerdokument");
        text("Dateiname", fileName);
        text("DateinameOriginal", originalName);
        text("Ersteller", creator);
        text("DatumUhrzeit", dateTime(created));
        end();
        end();
    }

    private void identification(String id) throws XMLStreamException {
        start("Identifikation");
        text("ID", id);
        end();
    }

    private void generalMetadata(String subject, String remark) throws XMLStreamException {
        Classification classification = request.conversation().classification();
        start("AllgemeineMetadaten");
        text("Betreff", subject);
        text("Kennzeichen", request.mark().fileReference());
        start("Vertraulichkeitsstufe");
        xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:vertraulichkeitsstufe");
        xml.writeAttribute("listVersionID", "1.0");
        unqualified("code", classification.xdomeaCode());
        unqualified("name", classification.xdomeaName());
        end();
        if (!remark.isEmpty()) {
            text("Bemerkung", remark);
        }
        start("Medium");
        xml.writeAttribute("listURI", "urn:xoev-de:xdomea:codeliste:medium");
        xml.writeAttribute("listVersionID", "1.0");
        unqualified("code", "001");
        unqualified("name", "Elektronisch");
        end();
        end();
    }

    private void history(MarkEvent event) throws XMLStreamException {
        start("HistorienProtokollInformation");
        if (!event.field().isEmpty()) {
            text("MetadatumName", event.field());
            text("MetadatumAlterWert", event.oldValue());
            text("MetadatumNeuerWert", event.newValue());
        }
        text("Akteur", event.actorUserId());
        text("DatumUhrzeit", dateTime(event.at()));
        text("Aktion", event.action());
        end();
    }

    private void exportHistory() throws XMLStreamException {
        start("HistorienProtokollInformation");
        text("Akteur", request.exportingOfficial().userId());
        text("DatumUhrzeit", dateTime(plan.exportedAt()));
        text("Bemerkung", "Export aus Vermerk " + plan.applicationVersion() + ", ProzessID " + plan.processId());
        text("Aktion", "exportiert");
        end();
    }

    private void institution() throws XMLStreamException {
        start("Institution");
        text("Name", request.authority().name());
        if (!request.authority().shortName().isEmpty()) {
            text("Kurzbezeichnung", request.authority().shortName());
        }
        end();
    }

    private void organisationalUnit(String unit) throws XMLStreamException {
        if (!unit.isEmpty()) {
            start("Organisationseinheit");
            text("Name", unit);
            end();
        }
    }

    private void person(String givenName, String familyName) throws XMLStreamException {
        start("Name");
        start("Familienname");
        text("Name", familyName);
        end();
        start("Vorname");
        text("Name", givenName);
        end();
        end();
    }

    /**
     * A participant as Kontakt: the display name (split at its last space into Vorname and
     * Familienname) and the user ID.
     */
    private void contactOf(String userId) throws XMLStreamException {
        String displayName = request.displayNameOf(userId).strip();
        int space = displayName.lastIndexOf(' ');
        if (space > 0) {
            person(displayName.substring(0, space).strip(), displayName.substring(space + 1));
        } else {
            start("Name");
            start("Familienname");
            text("Name", displayName);
            end();
            end();
        }
        userId(userId);
    }

    private void userId(String userId) throws XMLStreamException {
        start("Kommunikation");
        text("IstDienstlich", "1");
        text("Kennung", userId);
        text("Zusatz", "Vermerk-Benutzerkennung");
        end();
    }

    private void start(String name) throws XMLStreamException {
        xml.writeStartElement(PREFIX, name, NAMESPACE);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    private void text(String name, String value) throws XMLStreamException {
        start(name);
        xml.writeCharacters(value);
        end();
    }

    /** Code-list children ({@code code}, {@code name}) are unqualified in the schema. */
    private void unqualified(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atOffset(ZoneOffset.UTC).withNano(0));
    }
}

package org.vermerk.app.records.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.vermerk.app.records.AttachmentFile;
import org.vermerk.app.records.MarkEvent;
import org.vermerk.app.records.Participant;
import org.vermerk.app.records.RecordExportRequest;
import org.vermerk.app.records.RecordedMessage;
import org.vermerk.app.records.Revision;
import org.vermerk.app.records.plan.ExportPlan;
import org.vermerk.app.records.plan.PlannedAttachment;

/**
 * Writes {@code messages.json} ({@value #FORMAT}): the marked messages with all metadata, as
 * structured data, streamed one message at a time. The format is documented in
 * docs/records-export.md; times are UTC instants in ISO 8601.
 */
final class MessagesJson {
    static final String FORMAT = "vermerk-record/1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private MessagesJson() {}

    static void write(ExportPlan plan, OutputStream out) throws IOException {
        RecordExportRequest request = plan.request();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);

            json.writeObjectFieldStart("export");
            json.writeStringField("processId", plan.processId().toString());
            json.writeStringField("documentId", plan.documentId().toString());
            json.writeStringField("exportedAt", plan.exportedAt().toString());
            json.writeObjectFieldStart("exportedBy");
            json.writeStringField("userId", request.exportingOfficial().userId());
            json.writeStringField("givenName", request.exportingOfficial().givenName());
            json.writeStringField("familyName", request.exportingOfficial().familyName());
            json.writeStringField(
                    "organisationalUnit", request.exportingOfficial().organisationalUnit());
            json.writeEndObject();
            json.writeObjectFieldStart("authority");
            json.writeStringField("name", request.authority().name());
            json.writeStringField("shortName", request.authority().shortName());
            json.writeEndObject();
            json.writeStringField("application", "Vermerk " + plan.applicationVersion());
            json.writeEndObject();

            json.writeObjectFieldStart("mark");
            json.writeStringField("id", request.mark().id());
            json.writeStringField("fileReference", request.mark().fileReference());
            json.writeStringField("subject", request.mark().subject());
            json.writeStringField("note", request.mark().note());
            json.writeBooleanField("includeAttachments", request.mark().includeAttachments());
            json.writeStringField("markedBy", request.mark().markedBy());
            json.writeStringField("markedAt", request.mark().markedAt().toString());
            json.writeArrayFieldStart("history");
            for (MarkEvent event : request.mark().history()) {
                json.writeStartObject();
                json.writeStringField("at", event.at().toString());
                json.writeStringField("by", event.actorUserId());
                json.writeStringField("action", event.action());
                json.writeStringField("field", event.field());
                json.writeStringField("oldValue", event.oldValue());
                json.writeStringField("newValue", event.newValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            if (request.addendumOf().isPresent()) {
                var original = request.addendumOf().get();
                json.writeObjectFieldStart("addendumTo");
                json.writeStringField("package", original.originalPackage());
                json.writeStringField("processId", original.originalProcessId());
                json.writeStringField(
                        "exportedAt", original.originalExportedAt().toString());
                json.writeEndObject();
            } else {
                json.writeNullField("addendumTo");
            }

            json.writeObjectFieldStart("conversation");
            json.writeStringField("id", request.conversation().id());
            json.writeStringField("title", request.conversation().title());
            json.writeStringField(
                    "classification", request.conversation().classification().jsonName());
            json.writeEndObject();

            json.writeArrayFieldStart("participants");
            for (Participant participant : request.participants()) {
                json.writeStartObject();
                json.writeStringField("userId", participant.userId());
                json.writeStringField("displayName", participant.displayName());
                json.writeStringField("verification", participant.verification().jsonName());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeObjectFieldStart("period");
            writeOptionalInstant(json, "first", plan.summary().first());
            writeOptionalInstant(json, "last", plan.summary().last());
            json.writeNumberField("messageCount", plan.summary().count());
            json.writeEndObject();

            json.writeArrayFieldStart("attachments");
            for (PlannedAttachment planned : plan.attachments()) {
                AttachmentFile file = planned.file();
                json.writeStartObject();
                json.writeStringField("id", file.id());
                json.writeStringField("fileName", file.fileName());
                json.writeStringField("mediaType", file.mediaType());
                json.writeNumberField("size", file.size());
                json.writeStringField("sha256", file.sha256().hex());
                json.writeStringField("sentBy", file.senderUserId());
                json.writeStringField("sentAt", file.sentAt().toString());
                json.writeBooleanField("included", planned.included());
                if (planned.entryName().isPresent()) {
                    json.writeStringField("fileInPackage", planned.entryName().get());
                } else {
                    json.writeNullField("fileInPackage");
                }
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("messages");
            try (Stream<RecordedMessage> messages = request.messages().open()) {
                Iterator<RecordedMessage> it = messages.iterator();
                while (it.hasNext()) {
                    writeMessage(json, it.next());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeMessage(JsonGenerator json, RecordedMessage message) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", message.id());
        json.writeStringField("sender", message.senderUserId());
        json.writeStringField("sentAt", message.sentAt().toString());
        json.writeStringField("receivedByServerAt", message.receivedByServerAt().toString());
        json.writeStringField("text", message.text());
        if (message.replyTo().isPresent()) {
            json.writeObjectFieldStart("replyTo");
            json.writeStringField("messageId", message.replyTo().get().messageId());
            json.writeStringField("sender", message.replyTo().get().senderUserId());
            json.writeStringField("excerpt", message.replyTo().get().excerpt());
            json.writeEndObject();
        } else {
            json.writeNullField("replyTo");
        }
        json.writeArrayFieldStart("earlierVersions");
        for (Revision revision : message.earlierVersions()) {
            json.writeStartObject();
            json.writeStringField("text", revision.text());
            json.writeStringField("replacedAt", revision.replacedAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (message.changeAfterMark().isPresent()) {
            json.writeObjectFieldStart("changedAfterMark");
            json.writeStringField("kind", message.changeAfterMark().get().kind().jsonName());
            json.writeStringField("at", message.changeAfterMark().get().at().toString());
            json.writeStringField("newText", message.changeAfterMark().get().newText());
            json.writeEndObject();
        } else {
            json.writeNullField("changedAfterMark");
        }
        json.writeArrayFieldStart("attachments");
        for (String id : message.attachmentIds()) {
            json.writeString(id);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeOptionalInstant(JsonGenerator json, String field, Optional<Instant> value)
            throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get().toString());
        } else {
            json.writeNullField(field);
        }
    }
}

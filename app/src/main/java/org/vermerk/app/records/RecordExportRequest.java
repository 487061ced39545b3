package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything one export needs, gathered by the app from the keystore. The exporter adds only the
 * time of export, fresh identifiers and the device signature.
 *
 * @param mark the mark being exported
 * @param conversation the conversation and its classification
 * @param participants the conversation's members at export
 * @param messages the marked messages
 * @param attachments the attachments the marked messages reference
 * @param exportingOfficial who exports
 * @param authority the authority (from the admin policy)
 * @param zone the time zone in which the transcript shows times (messages.json uses UTC)
 * @param addendumOf present when this export is an addendum: then {@code messages} are only those
 *     changed after the mark (each in its marked version with the later change), and the package
 *     names the original export
 */
public record RecordExportRequest(
        Mark mark,
        Conversation conversation,
        List<Participant> participants,
        MessageSource messages,
        List<AttachmentFile> attachments,
        Official exportingOfficial,
        Authority authority,
        ZoneId zone,
        Optional<AddendumOf> addendumOf) {
    public RecordExportRequest {
        requireNonNull(mark, "mark");
        requireNonNull(conversation, "conversation");
        participants = List.copyOf(participants);
        requireNonNull(messages, "messages");
        attachments = List.copyOf(attachments);
        requireNonNull(exportingOfficial, "exportingOfficial");
        requireNonNull(authority, "authority");
        requireNonNull(zone, "zone");
        requireNonNull(addendumOf, "addendumOf");
    }

    /** A first export (not an addendum). */
    public RecordExportRequest(
            Mark mark,
            Conversation conversation,
            List<Participant> participants,
            MessageSource messages,
            List<AttachmentFile> attachments,
            Official exportingOfficial,
            Authority authority,
            ZoneId zone) {
        this(
                mark,
                conversation,
                participants,
                messages,
                attachments,
                exportingOfficial,
                authority,
                zone,
                Optional.empty());
    }

    public boolean isAddendum() {
        return addendumOf.isPresent();
    }

    /** The display name of a user ID among the participants, or the ID itself. */
    public String displayNameOf(String userId) {
        for (Participant participant : participants) {
            if (participant.userId().equals(userId)) {
                return participant.displayName();
            }
        }
        return userId;
    }
}

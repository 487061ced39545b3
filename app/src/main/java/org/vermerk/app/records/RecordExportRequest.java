package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.List;

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
 */
public record RecordExportRequest(
        Mark mark,
        Conversation conversation,
        List<Participant> participants,
        MessageSource messages,
        List<AttachmentFile> attachments,
        Official exportingOfficial,
        Authority authority,
        ZoneId zone) {
    public RecordExportRequest {
        requireNonNull(mark, "mark");
        requireNonNull(conversation, "conversation");
        participants = List.copyOf(participants);
        requireNonNull(messages, "messages");
        attachments = List.copyOf(attachments);
        requireNonNull(exportingOfficial, "exportingOfficial");
        requireNonNull(authority, "authority");
        requireNonNull(zone, "zone");
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

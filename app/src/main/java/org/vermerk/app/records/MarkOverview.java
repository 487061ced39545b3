package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored mark as the Records view and the conversation show it.
 *
 * @param mark the mark's values and its audit trail (oldest first)
 * @param conversationId the conversation the messages belong to
 * @param conversationTitle its title now
 * @param firstMessageId the range's first message
 * @param lastMessageId the range's last message
 * @param messageCount how many messages the range held when marked
 * @param classification the classification the record carries
 * @param state unfiled, exported or withdrawn
 * @param exportedAt when first exported
 * @param exportReference the latest export's ZIP name
 */
public record MarkOverview(
        Mark mark,
        String conversationId,
        String conversationTitle,
        String firstMessageId,
        String lastMessageId,
        int messageCount,
        Classification classification,
        MarkState state,
        Optional<Instant> exportedAt,
        Optional<String> exportReference) {
    public MarkOverview {
        requireNonNull(mark, "mark");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(conversationTitle, "conversationTitle");
        requireNonNull(firstMessageId, "firstMessageId");
        requireNonNull(lastMessageId, "lastMessageId");
        requireNonNull(classification, "classification");
        requireNonNull(state, "state");
        requireNonNull(exportedAt, "exportedAt");
        requireNonNull(exportReference, "exportReference");
    }

    public String id() {
        return mark.id();
    }

    /** Whether the official may still change or withdraw it. */
    public boolean editable() {
        return state == MarkState.UNFILED;
    }
}

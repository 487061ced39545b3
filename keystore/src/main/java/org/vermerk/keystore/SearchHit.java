package org.vermerk.keystore;

import java.time.Instant;
import java.util.List;

/**
 * A message found by full-text search, with a snippet of its text around the matches.
 *
 * @param snippet a short excerpt of the message text ("…" where cut)
 * @param highlights the matched ranges in {@code snippet}, as [start, end) character offsets
 */
public record SearchHit(
        String conversationId, String messageId, Instant sentAt, String snippet, List<Highlight> highlights) {
    public SearchHit {
        highlights = List.copyOf(highlights);
    }

    public record Highlight(int start, int end) {}

    @Override
    public String toString() {
        return "SearchHit[" + messageId + " in " + conversationId + "]";
    }
}

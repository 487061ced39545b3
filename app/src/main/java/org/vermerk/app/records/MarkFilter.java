package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which marks the Records view lists; empty components do not filter.
 *
 * @param state unfiled, exported or withdrawn; empty: unfiled and exported
 * @param conversationId one conversation
 * @param fileReferenceContains part of the file reference, case-insensitive
 * @param markedFrom marked at or after
 * @param markedBefore marked before
 */
public record MarkFilter(
        Optional<MarkState> state,
        Optional<String> conversationId,
        Optional<String> fileReferenceContains,
        Optional<Instant> markedFrom,
        Optional<Instant> markedBefore) {
    public MarkFilter {
        requireNonNull(state, "state");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(fileReferenceContains, "fileReferenceContains");
        requireNonNull(markedFrom, "markedFrom");
        requireNonNull(markedBefore, "markedBefore");
    }

    /** Every mark that is not withdrawn. */
    public static MarkFilter all() {
        return new MarkFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static MarkFilter inState(MarkState state) {
        return all().withState(state);
    }

    public MarkFilter withState(MarkState value) {
        return new MarkFilter(Optional.of(value), conversationId, fileReferenceContains, markedFrom, markedBefore);
    }

    public MarkFilter inConversation(String value) {
        return new MarkFilter(state, Optional.of(value), fileReferenceContains, markedFrom, markedBefore);
    }

    public MarkFilter withFileReferenceContaining(String value) {
        return new MarkFilter(state, conversationId, Optional.of(value), markedFrom, markedBefore);
    }

    public MarkFilter markedBetween(Instant from, Instant before) {
        return new MarkFilter(state, conversationId, fileReferenceContains, Optional.of(from), Optional.of(before));
    }
}

package org.vermerk.app.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * The received messages one conversation's worker has stored and not yet confirmed as delivered
 * (ADR 0022). They are confirmed together — one {@code delivered} receipt per batch, not one per
 * message — when the worker's inbox runs empty. Worker thread only.
 */
final class Receipts {
    /** At most this many message IDs in one receipt (about 19 KB of JSON), well inside a frame. */
    static final int MAX_TARGETS = 500;

    private final List<String> waiting = new ArrayList<>();

    /**
     * Whether a received payload is confirmed: content a person reads (texts, files, record notices, and
     * what a newer client sent). Not receipts (no receipts for receipts), not the group's info,
     * edits, deletions or reactions (they change a message that was confirmed already).
     */
    static boolean confirms(Payload payload) {
        return switch (payload) {
            case Payload.Text t -> true;
            case Payload.RecordNotice n -> true;
            case Payload.File f -> true;
            case Payload.Unknown u -> true;
            default -> false;
        };
    }

    void add(String messageId) {
        waiting.add(messageId);
    }

    /** The next batch (at most {@link #MAX_TARGETS}), removed; empty when nothing waits. */
    List<String> take() {
        int n = Math.min(MAX_TARGETS, waiting.size());
        List<String> batch = new ArrayList<>(waiting.subList(0, n));
        waiting.subList(0, n).clear();
        return batch;
    }
}

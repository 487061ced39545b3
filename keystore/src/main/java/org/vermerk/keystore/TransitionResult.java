package org.vermerk.keystore;

import java.util.List;

/**
 * What {@link Keystore#apply} stored.
 *
 * @param groupStateRevision the group state's revision after the transition (unchanged if the
 *     transition carried no state)
 * @param storedMessageIds messages newly stored
 * @param duplicateMessageIds messages skipped because their ID was already stored
 * @param outboxIds the IDs assigned to the enqueued outbox entries, in order
 */
public record TransitionResult(
        long groupStateRevision,
        List<String> storedMessageIds,
        List<String> duplicateMessageIds,
        List<Long> outboxIds) {
    public TransitionResult {
        storedMessageIds = List.copyOf(storedMessageIds);
        duplicateMessageIds = List.copyOf(duplicateMessageIds);
        outboxIds = List.copyOf(outboxIds);
    }
}

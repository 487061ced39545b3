package org.vermerk.app.records.plan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a first pass over the marked messages finds.
 *
 * @param count how many messages
 * @param first the server time of the first message, empty when there is none
 * @param last the server time of the last message
 * @param senders the distinct senders in order of first appearance
 */
public record MessageSummary(long count, Optional<Instant> first, Optional<Instant> last, List<String> senders) {
    public MessageSummary {
        requireNonNull(first, "first");
        requireNonNull(last, "last");
        senders = List.copyOf(senders);
    }
}

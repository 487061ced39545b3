package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A new mark, and the notice for its conversation when the policy asks for one.
 *
 * @param notice present when {@code recordsNotice} is on; the conversation layer sends it
 */
public record MarkResult(MarkOverview mark, Optional<RecordNotice> notice) {
    public MarkResult {
        requireNonNull(mark, "mark");
        requireNonNull(notice, "notice");
    }
}

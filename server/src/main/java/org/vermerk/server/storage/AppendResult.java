package org.vermerk.server.storage;

import java.time.Instant;
import java.util.Set;

/** What became of a {@link NewGroupMessage}. */
public sealed interface AppendResult {
    /**
     * In the log at {@code logIndex}; {@code epochAfter} is the group's epoch after it. {@code
     * recipients} are the devices whose queues received something (empty for a duplicate). {@code
     * receivedAt} is when the server first received the message (for a duplicate: the original's
     * time), the time recipients are told too.
     */
    record Accepted(long logIndex, long epochAfter, boolean duplicate, Set<String> recipients, Instant receivedAt)
            implements AppendResult {
        public Accepted {
            recipients = Set.copyOf(recipients);
        }
    }

    /** The message was for another epoch; the group is at {@code currentEpoch}. */
    record StaleEpoch(long currentEpoch) implements AppendResult {}

    record NoSuchGroup() implements AppendResult {}

    record NotMember() implements AppendResult {}

    /** An added device is unknown or already a member, or a removed one is not a member. */
    record InvalidMembers(String reason) implements AppendResult {}
}

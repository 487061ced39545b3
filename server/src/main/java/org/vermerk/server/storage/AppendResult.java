package org.vermerk.server.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What became of a {@link NewGroupMessage}. */
public sealed interface AppendResult {
    /**
     * In the log at {@code logIndex}; {@code epochAfter} is the group's epoch after it. {@code
     * queued} holds, per device whose queue received something, the entry it received with its
     * sequence number, as {@link DeliveryStore#pending} would return it (empty for a duplicate), so
     * that online recipients can be sent it without reading their queues again. {@code
     * receivedAt} is when the server first received the message (for a duplicate: the original's
     * time), the time recipients are told too.
     */
    record Accepted(
            long logIndex, long epochAfter, boolean duplicate, Map<String, QueuedDelivery> queued, Instant receivedAt)
            implements AppendResult {
        public Accepted {
            queued = Map.copyOf(queued);
        }

        /** The devices whose queues received something. */
        public Set<String> recipients() {
            return queued.keySet();
        }
    }

    /** The message was for another epoch; the group is at {@code currentEpoch}. */
    record StaleEpoch(long currentEpoch) implements AppendResult {}

    record NoSuchGroup() implements AppendResult {}

    record NotMember() implements AppendResult {}

    /** An added device is unknown or already a member, or a removed one is not a member. */
    record InvalidMembers(String reason) implements AppendResult {}
}

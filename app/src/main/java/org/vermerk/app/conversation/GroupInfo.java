package org.vermerk.app.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a conversation's info screen shows: title, classification marking and the members with the
 * trust in their keys. Plain values, no keystore types.
 *
 * @param group false for a 1:1 conversation
 */
public record GroupInfo(
        String conversationId, boolean group, String title, Optional<String> classification, List<MemberInfo> members) {
    public GroupInfo {
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(classification);
        members = List.copyOf(members);
    }

    /**
     * One member.
     *
     * @param displayName as this device knows it (the user ID until the directory told more)
     * @param self whether it is the user of this device
     */
    public record MemberInfo(String userId, String displayName, TrustState trust, boolean self) {
        public MemberInfo {
            Objects.requireNonNull(userId);
            Objects.requireNonNull(displayName);
            Objects.requireNonNull(trust);
        }
    }
}

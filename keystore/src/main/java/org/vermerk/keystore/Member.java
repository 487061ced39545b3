package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/** A member of a conversation, as the group's current epoch has it. */
public record Member(String userId, Role role, Instant joinedAt) {
    public enum Role {
        MEMBER,
        ADMIN
    }

    public Member {
        Ids.require(userId, "user id");
        Objects.requireNonNull(role);
        Objects.requireNonNull(joinedAt);
    }
}

package org.vermerk.app.account;

import java.util.Objects;

/** A user as the server's directory lists them: ID and display name (set by the administrator). */
public record DirectoryUser(String userId, String displayName) {
    public DirectoryUser {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(displayName);
    }
}

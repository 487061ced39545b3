package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * A member of the conversation.
 *
 * @param userId the Vermerk user ID, e.g. {@code anna.schmidt@bmi.example}
 * @param displayName the name shown in the client
 * @param verification the trust in the participant's keys when the export was made
 */
public record Participant(String userId, String displayName, VerificationState verification) {
    public Participant {
        requireNonNull(userId, "userId");
        requireNonNull(displayName, "displayName");
        requireNonNull(verification, "verification");
    }
}

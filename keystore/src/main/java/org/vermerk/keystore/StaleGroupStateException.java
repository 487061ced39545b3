package org.vermerk.keystore;

/**
 * A {@link Transition} was computed from a group state that is no longer the stored one (another
 * transition for the same conversation was applied in between). Nothing was written; the caller
 * reloads the group state and processes the input again.
 */
public final class StaleGroupStateException extends KeystoreException {
    public StaleGroupStateException(String conversationId, long expectedRevision, long actualRevision) {
        super("group state of conversation " + conversationId + " is at revision " + actualRevision
                + ", transition expected " + expectedRevision);
    }
}

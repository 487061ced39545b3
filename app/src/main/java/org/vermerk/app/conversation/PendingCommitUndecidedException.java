package org.vermerk.app.conversation;

/**
 * Our last commit's outcome is not known yet (ADR 0029): the server no longer knows it and the
 * group's log has not shown which commit took its epoch. The commit stays pending.
 */
public final class PendingCommitUndecidedException extends ConversationException {
    private static final long serialVersionUID = 1L;

    public PendingCommitUndecidedException(String conversationId) {
        super("conversation " + conversationId + ": the outcome of our last commit is not known yet");
    }
}

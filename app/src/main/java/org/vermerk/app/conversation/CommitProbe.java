package org.vermerk.app.conversation;

/**
 * Points on the way of our own commit where a crash test stops the client (ADR 0015, 0029): a child
 * JVM's probe blocks there until the test kills it. The product runs with {@link #NONE}. Called on
 * the conversation's worker thread; a probe must not call back into the engine.
 */
public interface CommitProbe {
    /** Does nothing: the product's probe. */
    CommitProbe NONE = new CommitProbe() {};

    /** The pending commit is stored; its {@code sendCommit} request goes out next. */
    default void beforeSend(String conversationId) {}

    /** The server accepted the commit; its merge is not stored yet. */
    default void afterAccepted(String conversationId) {}
}

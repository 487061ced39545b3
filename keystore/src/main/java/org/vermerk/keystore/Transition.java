package org.vermerk.keystore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Everything one step of a conversation changes, stored in one transaction by {@link
 * Keystore#apply}: the group's new state together with the messages it produced or consumed, the
 * outbox change and the sync cursor. After a crash either all of it is on disk or none of it, so a
 * group state is never saved without its messages, nor the other way round.
 *
 * <p>The group state is guarded by its revision: {@link Builder#groupState} names the revision the
 * new state was computed from ({@code 0} for a group this device has not stored yet), and the
 * transition fails with {@link StaleGroupStateException} if another one came in between.
 */
public final class Transition {
    record StateChange(long basedOnRevision, long epoch, int formatVersion, Secret state) {}

    record Edit(String messageId, String content, String searchText, Instant editedAt) {}

    /** New content of an own message that was held back unsent (no revision: nobody saw the old one). */
    record Completion(String messageId, String content) {}

    /** Where the server put an own message, and (when known) when it received it. */
    record ServerPosition(long serverSeq, Instant receivedAt) {}

    final String conversationId;
    final Conversation newConversation;
    final List<Member> members;
    final StateChange stateChange;
    final Map<Long, Secret> epochSecrets;
    final List<Message> messages;
    final List<Edit> edits;
    final List<Completion> completions;
    final List<Attachment> attachments;
    final Map<String, DeliveryState> deliveryStates;
    final Map<String, ServerPosition> serverSeqs;
    final List<OutboxEntry.New> enqueue;
    final List<Long> dequeue;
    final Map<String, Long> cursors;
    final List<Bytes> consumedKeyPackages;
    final PendingCommit pendingCommit;
    final boolean dropPendingCommit;

    private Transition(Builder builder) {
        this.conversationId = builder.conversationId;
        this.newConversation = builder.newConversation;
        this.members = builder.members == null ? null : List.copyOf(builder.members);
        this.stateChange = builder.stateChange;
        this.epochSecrets = Map.copyOf(builder.epochSecrets);
        this.messages = List.copyOf(builder.messages);
        this.edits = List.copyOf(builder.edits);
        this.completions = List.copyOf(builder.completions);
        this.attachments = List.copyOf(builder.attachments);
        this.deliveryStates = Map.copyOf(builder.deliveryStates);
        this.serverSeqs = Map.copyOf(builder.serverSeqs);
        this.enqueue = List.copyOf(builder.enqueue);
        this.dequeue = List.copyOf(builder.dequeue);
        this.cursors = Map.copyOf(builder.cursors);
        this.consumedKeyPackages = List.copyOf(builder.consumedKeyPackages);
        this.pendingCommit = builder.pendingCommit;
        this.dropPendingCommit = builder.dropPendingCommit;
    }

    public static Builder forConversation(String conversationId) {
        return new Builder(Ids.require(conversationId, "conversation id"));
    }

    public String conversationId() {
        return conversationId;
    }

    @Override
    public String toString() {
        return "Transition[" + conversationId + ", " + messages.size() + " messages"
                + (stateChange == null ? "" : ", epoch " + stateChange.epoch()) + "]";
    }

    /** Collects one transition's changes; not thread-safe. */
    public static final class Builder {
        private final String conversationId;
        private Conversation newConversation;
        private List<Member> members;
        private StateChange stateChange;
        private final Map<Long, Secret> epochSecrets = new LinkedHashMap<>();
        private final List<Message> messages = new ArrayList<>();
        private final List<Edit> edits = new ArrayList<>();
        private final List<Completion> completions = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private final Map<String, DeliveryState> deliveryStates = new LinkedHashMap<>();
        private final Map<String, ServerPosition> serverSeqs = new LinkedHashMap<>();
        private final List<OutboxEntry.New> enqueue = new ArrayList<>();
        private final List<Long> dequeue = new ArrayList<>();
        private final Map<String, Long> cursors = new LinkedHashMap<>();
        private final List<Bytes> consumedKeyPackages = new ArrayList<>();
        private PendingCommit pendingCommit;
        private boolean dropPendingCommit;

        private Builder(String conversationId) {
            this.conversationId = conversationId;
        }

        /** Creates the conversation in the same transaction (a new group, or a Welcome). */
        public Builder createConversation(Conversation conversation) {
            if (!conversation.id().equals(conversationId)) {
                throw new IllegalArgumentException("conversation id differs from the transition's");
            }
            this.newConversation = conversation;
            return this;
        }

        /** Replaces the member list with the new epoch's. */
        public Builder members(List<Member> members) {
            this.members = List.copyOf(members);
            return this;
        }

        /**
         * The group's new state.
         *
         * @param basedOnRevision the revision of the stored state it was computed from; 0 if none
         */
        public Builder groupState(long basedOnRevision, long epoch, int formatVersion, Secret state) {
            this.stateChange = new StateChange(basedOnRevision, epoch, formatVersion, Objects.requireNonNull(state));
            return this;
        }

        /**
         * Keeps an epoch's secrets for messages that arrive late. Secrets of epochs that fall out of
         * the store's past-epoch window are deleted when the group state moves on.
         */
        public Builder epochSecrets(long epoch, Secret secrets) {
            epochSecrets.put(epoch, Objects.requireNonNull(secrets));
            return this;
        }

        /** A message produced (sent) or consumed (received); a known message ID is skipped. */
        public Builder addMessage(Message message) {
            if (!message.conversationId().equals(conversationId)) {
                throw new IllegalArgumentException("message belongs to another conversation");
            }
            messages.add(message);
            return this;
        }

        /** Replaces a message's content; the previous content is kept as a revision. */
        public Builder editMessage(String messageId, String content, String searchText, Instant editedAt) {
            edits.add(new Edit(
                    Ids.require(messageId, "message id"),
                    Objects.requireNonNull(content),
                    searchText,
                    Objects.requireNonNull(editedAt)));
            return this;
        }

        /**
         * Completes the content of an own message that was stored but held back from the outbox (an
         * attachment's message gets its blob ID once the blob is uploaded). Unlike {@link
         * #editMessage} it keeps no revision and does not count as an edit: no one saw the old content.
         * The search text stays.
         */
        public Builder completeContent(String messageId, String content) {
            completions.add(new Completion(Ids.require(messageId, "message id"), Objects.requireNonNull(content)));
            return this;
        }

        /**
         * Stores (or replaces) an attachment's metadata and key with its message, in the same
         * transaction; written after the messages, so the message may be added in this transition.
         */
        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment));
            return this;
        }

        public Builder deliveryState(String messageId, DeliveryState state) {
            deliveryStates.put(Ids.require(messageId, "message id"), Objects.requireNonNull(state));
            return this;
        }

        /**
         * Sets the server position of an own message the server accepted (its log index), so that
         * it sorts and can be marked like a received one; a position already set stays.
         */
        public Builder serverSeq(String messageId, long serverSeq) {
            serverSeqs.put(Ids.require(messageId, "message id"), new ServerPosition(serverSeq, null));
            return this;
        }

        /**
         * As {@link #serverSeq(String, long)}, and the message's received time becomes {@code
         * receivedAt}, the server's time of receipt (the time its recipients store), replacing the
         * local send time it was stored with; both only while no position is set.
         */
        public Builder serverSeq(String messageId, long serverSeq, Instant receivedAt) {
            serverSeqs.put(
                    Ids.require(messageId, "message id"),
                    new ServerPosition(serverSeq, Objects.requireNonNull(receivedAt)));
            return this;
        }

        public Builder enqueue(OutboxEntry.New entry) {
            enqueue.add(Objects.requireNonNull(entry));
            return this;
        }

        /** Removes an outbox entry (the server acknowledged it). */
        public Builder dequeue(long outboxId) {
            dequeue.add(outboxId);
            return this;
        }

        public Builder syncCursor(String stream, long position) {
            cursors.put(Ids.require(stream, "stream"), position);
            return this;
        }

        /** Deletes a used key package's private keys (unless it is a last-resort package). */
        public Builder consumeKeyPackage(Bytes ref) {
            consumedKeyPackages.add(Objects.requireNonNull(ref));
            return this;
        }

        /**
         * Keeps our own commit, about to be sent, with the state its merge leads to (ADR 0029);
         * replaces one kept before. Not together with {@link #dropPendingCommit()}.
         */
        public Builder pendingCommit(PendingCommit commit) {
            if (!commit.conversationId().equals(conversationId)) {
                throw new IllegalArgumentException("pending commit belongs to another conversation");
            }
            this.pendingCommit = commit;
            return this;
        }

        /**
         * Forgets the conversation's pending commit (if any): it was merged, another commit took its
         * epoch, or the server refused it.
         */
        public Builder dropPendingCommit() {
            this.dropPendingCommit = true;
            return this;
        }

        public Transition build() {
            if (pendingCommit != null && dropPendingCommit) {
                throw new IllegalStateException("a transition keeps a pending commit or drops it, not both");
            }
            return new Transition(this);
        }
    }
}

package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/** Writes one {@link Transition} on a connection that is already inside a transaction. */
final class TransitionWriter {
    private final Clock clock;
    private final int pastEpochWindow;

    TransitionWriter(Clock clock, int pastEpochWindow) {
        this.clock = clock;
        this.pastEpochWindow = pastEpochWindow;
    }

    TransitionResult write(Connection c, Transition t) throws SQLException, KeystoreException {
        long now = clock.millis();
        if (t.newConversation != null) {
            ConversationRepository.insert(c, t.newConversation);
        }
        if (t.members != null) {
            ConversationRepository.replaceMembers(c, t.conversationId, t.members);
        }
        for (Map.Entry<Long, Secret> entry : t.epochSecrets.entrySet()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO epoch_secrets (conversation_id, epoch, secrets) VALUES (?, ?, ?)")) {
                s.setString(1, t.conversationId);
                s.setLong(2, entry.getKey());
                s.setBytes(3, entry.getValue().expose());
                s.executeUpdate();
            }
        }
        long revision = storeGroupState(c, t, now);
        List<String> stored = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        if (!t.messages.isEmpty()) {
            long lastSeq = MessageRepository.lastSeq(c);
            try (PreparedStatement s = c.prepareStatement(MessageRepository.INSERT)) {
                for (Message message : t.messages) {
                    (MessageRepository.insert(s, message) ? stored : duplicates).add(message.id());
                }
            }
            // Before the edits below: their trigger takes the old text out of the index.
            if (!stored.isEmpty()) {
                MessageRepository.indexNewMessages(c, lastSeq);
            }
        }
        for (Transition.Edit edit : t.edits) {
            MessageRepository.edit(c, edit.messageId(), edit.content(), edit.searchText(), edit.editedAt());
        }
        for (Transition.Completion completion : t.completions) {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE messages SET content = ? WHERE id = ? AND deleted_at IS NULL")) {
                s.setString(1, completion.content());
                s.setString(2, completion.messageId());
                s.executeUpdate();
            }
        }
        for (Attachment attachment : t.attachments) {
            MessageRepository.saveAttachment(c, attachment);
        }
        for (Map.Entry<String, DeliveryState> entry : t.deliveryStates.entrySet()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET delivery_state = ? WHERE id = ?")) {
                s.setInt(1, entry.getValue().code());
                s.setString(2, entry.getKey());
                s.executeUpdate();
            }
        }
        for (Map.Entry<String, Transition.ServerPosition> entry : t.serverSeqs.entrySet()) {
            Transition.ServerPosition position = entry.getValue();
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE messages SET server_seq = ?, received_at = coalesce(?, received_at)"
                            + " WHERE id = ? AND server_seq IS NULL")) {
                s.setLong(1, position.serverSeq());
                setNullableLong(
                        s,
                        2,
                        position.receivedAt() == null
                                ? null
                                : position.receivedAt().toEpochMilli());
                s.setString(3, entry.getKey());
                s.executeUpdate();
            }
        }
        List<Long> outboxIds = new ArrayList<>();
        for (OutboxEntry.New entry : t.enqueue) {
            outboxIds.add(OutboxRepository.insert(c, entry, now));
        }
        for (long id : t.dequeue) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
        for (Map.Entry<String, Long> entry : t.cursors.entrySet()) {
            SyncRepository.put(c, entry.getKey(), entry.getValue(), now);
        }
        for (Bytes ref : t.consumedKeyPackages) {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM key_packages WHERE ref = ? AND last_resort = 0")) {
                s.setBytes(1, ref.toByteArray());
                s.executeUpdate();
            }
        }
        if (t.dropPendingCommit) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pending_commits WHERE conversation_id = ?")) {
                s.setString(1, t.conversationId);
                s.executeUpdate();
            }
        }
        if (t.pendingCommit != null) {
            ConversationRepository.savePendingCommit(c, t.pendingCommit, now);
        }
        return new TransitionResult(revision, stored, duplicates, outboxIds);
    }

    private long storeGroupState(Connection c, Transition t, long now) throws SQLException, KeystoreException {
        long current = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT revision FROM group_states WHERE conversation_id = ?")) {
            s.setString(1, t.conversationId);
            try (var rows = s.executeQuery()) {
                if (rows.next()) {
                    current = rows.getLong(1);
                }
            }
        }
        Transition.StateChange change = t.stateChange;
        if (change == null) {
            return current;
        }
        if (change.basedOnRevision() != current) {
            throw new StaleGroupStateException(t.conversationId, change.basedOnRevision(), current);
        }
        long next = current + 1;
        byte[] state = change.state().expose();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO group_states (conversation_id, revision, epoch, format_version, state, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE SET revision = excluded.revision,
                  epoch = excluded.epoch, format_version = excluded.format_version,
                  state = excluded.state, updated_at = excluded.updated_at""")) {
            s.setString(1, t.conversationId);
            s.setLong(2, next);
            s.setLong(3, change.epoch());
            s.setInt(4, change.formatVersion());
            s.setBytes(5, state);
            s.setLong(6, now);
            s.executeUpdate();
        } finally {
            java.util.Arrays.fill(state, (byte) 0);
        }
        // Forward secrecy on disk: secrets of epochs outside the out-of-order window go now
        // (secure_delete overwrites the freed space).
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM epoch_secrets WHERE conversation_id = ? AND epoch < ?")) {
            s.setString(1, t.conversationId);
            s.setLong(2, change.epoch() - pastEpochWindow);
            s.executeUpdate();
        }
        return next;
    }

    static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    static long generatedKey(Statement s) throws SQLException {
        try (var keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}

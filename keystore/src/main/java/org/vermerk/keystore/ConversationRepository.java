package org.vermerk.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vermerk.keystore.internal.Database;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * Conversations, their members and group states, and contacts. Conversations and group states are
 * created and changed through {@link Transition}s; titles, archiving and contacts directly.
 */
public final class ConversationRepository {
    private final Database db;

    ConversationRepository(Database db) {
        this.db = db;
    }

    public Optional<Conversation> find(String id) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(map(rows)) : Optional.empty();
                }
            }
        });
    }

    /** All conversations, the most recently active first. */
    public List<Conversation> list() throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                            + " ORDER BY (SELECT max(seq) FROM messages m WHERE m.conversation_id = conversations.id)"
                            + " DESC NULLS LAST, created_at DESC");
                    ResultSet rows = s.executeQuery()) {
                List<Conversation> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(map(rows));
                }
                return result;
            }
        });
    }

    public List<Member> members(String conversationId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT user_id, role, joined_at FROM conversation_members WHERE conversation_id = ? ORDER BY user_id")) {
                s.setString(1, conversationId);
                try (ResultSet rows = s.executeQuery()) {
                    List<Member> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(new Member(
                                rows.getString(1),
                                Member.Role.values()[rows.getInt(2)],
                                Instant.ofEpochMilli(rows.getLong(3))));
                    }
                    return result;
                }
            }
        });
    }

    /** The stored group state; the caller destroys the returned secret when done. */
    public Optional<GroupState> groupState(String conversationId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT revision, epoch, format_version, state FROM group_states WHERE conversation_id = ?")) {
                s.setString(1, conversationId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new GroupState(
                            conversationId,
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getInt(3),
                            Secret.wrap(rows.getBytes(4))));
                }
            }
        });
    }

    /**
     * Our own commit whose outcome is not stored yet (ADR 0029), if any; the caller destroys its
     * merged state when done.
     */
    public Optional<PendingCommit> pendingCommit(String conversationId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT epoch, client_message_id, request, format_version, merged_state, announce"
                            + " FROM pending_commits WHERE conversation_id = ?")) {
                s.setString(1, conversationId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PendingCommit(
                            conversationId,
                            rows.getLong(1),
                            rows.getString(2),
                            Bytes.of(rows.getBytes(3)),
                            rows.getInt(4),
                            Secret.wrap(rows.getBytes(5)),
                            rows.getInt(6) != 0));
                }
            }
        });
    }

    /** The conversations that have a pending commit of ours, oldest first. */
    public List<String> withPendingCommits() throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT conversation_id FROM pending_commits ORDER BY created_at, conversation_id");
                    ResultSet rows = s.executeQuery()) {
                List<String> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
                return result;
            }
        });
    }

    static void savePendingCommit(Connection c, PendingCommit commit, long now) throws SQLException {
        byte[] state = commit.mergedState().expose();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO pending_commits (conversation_id, epoch, client_message_id, request,"
                        + " format_version, merged_state, announce, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, commit.conversationId());
            s.setLong(2, commit.epoch());
            s.setString(3, commit.clientMessageId());
            s.setBytes(4, commit.request().toByteArray());
            s.setInt(5, commit.formatVersion());
            s.setBytes(6, state);
            s.setInt(7, commit.announce() ? 1 : 0);
            s.setLong(8, now);
            s.executeUpdate();
        } finally {
            java.util.Arrays.fill(state, (byte) 0);
        }
    }

    /** The kept secrets of one past epoch, if still inside the window. */
    public Optional<Secret> epochSecrets(String conversationId, long epoch) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT secrets FROM epoch_secrets WHERE conversation_id = ? AND epoch = ?")) {
                s.setString(1, conversationId);
                s.setLong(2, epoch);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(Secret.wrap(rows.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    public void rename(String id, String title) throws KeystoreException {
        update("UPDATE conversations SET title = ? WHERE id = ?", title, id);
    }

    /** Sets or (null) clears the conversation's classification marking, as the group's info message carries it. */
    public void setClassification(String id, String classification) throws KeystoreException {
        update("UPDATE conversations SET classification = ? WHERE id = ?", classification, id);
    }

    public void setArchived(String id, boolean archived) throws KeystoreException {
        update("UPDATE conversations SET archived = ? WHERE id = ?", archived ? "1" : "0", id);
    }

    /**
     * Deletes a conversation with its messages, group state and outbox. Fails while a message of it
     * carries a record mark: record-relevant messages are filed before they can go.
     */
    public void delete(String id) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
                s.setString(1, id);
                return s.executeUpdate();
            }
        });
    }

    public void saveContact(Contact contact) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO contacts (user_id, display_name, trust, identity_fingerprint, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name,
                      trust = excluded.trust, identity_fingerprint = excluded.identity_fingerprint,
                      updated_at = excluded.updated_at""")) {
                s.setString(1, contact.userId());
                s.setString(2, contact.displayName());
                s.setInt(3, contact.trust().ordinal());
                s.setBytes(
                        4,
                        contact.identityFingerprint() == null
                                ? null
                                : contact.identityFingerprint().toByteArray());
                s.setLong(5, contact.updatedAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public Optional<Contact> contact(String userId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT user_id, display_name, trust, identity_fingerprint, updated_at FROM contacts WHERE user_id = ?")) {
                s.setString(1, userId);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    byte[] fingerprint = rows.getBytes(4);
                    return Optional.of(new Contact(
                            rows.getString(1),
                            rows.getString(2),
                            Contact.Trust.values()[rows.getInt(3)],
                            fingerprint == null ? null : Bytes.of(fingerprint),
                            Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
        });
    }

    private void update(String sql, String value, String id) throws KeystoreException {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, value);
                s.setString(2, id);
                return s.executeUpdate();
            }
        });
    }

    private static final String SELECT =
            "SELECT id, group_id, kind, title, classification, created_at, archived FROM conversations";

    private static Conversation map(ResultSet rows) throws SQLException {
        return new Conversation(
                rows.getString(1),
                Bytes.of(rows.getBytes(2)),
                Conversation.Kind.values()[rows.getInt(3)],
                rows.getString(4),
                rows.getString(5),
                Instant.ofEpochMilli(rows.getLong(6)),
                rows.getInt(7) != 0);
    }

    static void insert(Connection c, Conversation conversation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO conversations (id, group_id, kind, title, classification, created_at, archived)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, conversation.id());
            s.setBytes(2, conversation.groupId().toByteArray());
            s.setInt(3, conversation.kind().ordinal());
            s.setString(4, conversation.title());
            s.setString(5, conversation.classification());
            s.setLong(6, conversation.createdAt().toEpochMilli());
            s.setInt(7, conversation.archived() ? 1 : 0);
            s.executeUpdate();
        }
    }

    static void replaceMembers(Connection c, String conversationId, List<Member> members) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM conversation_members WHERE conversation_id = ?")) {
            s.setString(1, conversationId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO conversation_members (conversation_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)")) {
            for (Member member : members) {
                s.setString(1, conversationId);
                s.setString(2, member.userId());
                s.setInt(3, member.role().ordinal());
                s.setLong(4, member.joinedAt().toEpochMilli());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}

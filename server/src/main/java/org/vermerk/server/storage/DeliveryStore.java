package org.vermerk.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;

/**
 * Everything the delivery server keeps. Each method is one transaction: it takes effect
 * completely and durably before it returns, or not at all (then it throws {@link
 * StorageException}). Implementations are thread-safe. The store holds what clients sent
 * (ciphertext in real use) and metadata; enrolment codes only as hashes.
 */
public interface DeliveryStore extends AutoCloseable {

    // Accounts and devices.

    /** False if the user exists already. */
    boolean addUser(User user, Instant now);

    Optional<User> user(String userId);

    /** Users whose display name starts with {@code prefix}, case-insensitively, by name. */
    List<User> usersByNamePrefix(String prefix, int limit);

    void addEnrolmentCode(Bytes codeHash, String userId, Instant expiresAt);

    /**
     * Consumes the enrolment code and creates the device, in one step. Empty (and the code left
     * as it was) if the code is unknown, expired or for another user; empty if it was used. A
     * device whose user ID is null becomes a device of the code's user. Returns the device created.
     */
    Optional<Device> enrol(Bytes codeHash, Device device, Instant now);

    Optional<Device> device(String deviceId);

    List<Device> devicesOf(String userId);

    // KeyPackages.

    /** Adds one-time KeyPackages and, if not null, replaces the last-resort one. */
    KeyPackageStock addKeyPackages(String deviceId, List<Bytes> oneTime, Bytes lastResort, Instant now);

    KeyPackageStock keyPackageStock(String deviceId);

    /**
     * One KeyPackage per device of {@code userId} except {@code claimingDeviceId}: the oldest
     * one-time KeyPackage, which is deleted, or else the last-resort one, which stays.
     */
    List<ClaimedKeyPackage> claimKeyPackages(String userId, String claimingDeviceId);

    // Groups, their logs and the device queues.

    /** False if the group exists already. */
    boolean createGroup(Bytes groupId, String creatorDeviceId, Instant now);

    Optional<GroupRecord> group(Bytes groupId);

    /**
     * Appends to the group's log if the message is for the current epoch and its sender a member,
     * and queues it for the other member devices (a Welcome for the added ones). A commit moves
     * the group to the next epoch in the same transaction. A message whose sender already sent
     * the same client message ID is not appended again: the original log index is returned.
     * An accepted result carries each recipient's new queue entry exactly as {@link #pending}
     * returns it, so that online devices can be sent it without a read (ADR 0020).
     */
    AppendResult append(NewGroupMessage message);

    /** Queue entries of the device after {@code afterSeq}, in order, at most {@code limit}. */
    List<QueuedDelivery> pending(String deviceId, long afterSeq, int limit);

    /** The highest sequence number the device acknowledged. */
    long ackedUpTo(String deviceId);

    /**
     * Records that the device stored everything up to {@code upTo} and drops those entries from
     * its queue. Never moves backwards nor beyond the last assigned sequence number; returns the
     * acknowledged position after the call.
     */
    long ack(String deviceId, long upTo);

    // Attachments (the blobs themselves are files; see the attachment store).

    void addAttachment(String attachmentId, String uploaderDeviceId, long size, Instant now);

    boolean attachmentExists(String attachmentId);

    /** IDs of attachments created before {@code cutoff}, removed from the index. */
    List<String> removeAttachmentsBefore(Instant cutoff);

    // Retention.

    /** Deletes messages (and their queue entries) received before {@code cutoff}; returns how many. */
    int deleteMessagesBefore(Instant cutoff);

    /** Deletes enrolment codes that expired before {@code now}. */
    int deleteExpiredCodes(Instant now);

    /** A cheap query that fails if the database is unusable (health endpoint). */
    boolean isHealthy();

    @Override
    void close();
}

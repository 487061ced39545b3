package org.vermerk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;

/**
 * A frame the server sends: an answer to a {@link ClientRequest} (same {@code id}) or an event
 * ({@link Challenge}, {@link Deliver}, {@link KeyPackagesLow}) that carries no request ID.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerFrame.Challenge.class, name = "challenge"),
    @JsonSubTypes.Type(value = ServerFrame.Enrolled.class, name = "enrolled"),
    @JsonSubTypes.Type(value = ServerFrame.Authenticated.class, name = "authenticated"),
    @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerFrame.Users.class, name = "users"),
    @JsonSubTypes.Type(value = ServerFrame.Devices.class, name = "devices"),
    @JsonSubTypes.Type(value = ServerFrame.KeyPackagesStored.class, name = "keyPackagesStored"),
    @JsonSubTypes.Type(value = ServerFrame.KeyPackagesClaimed.class, name = "keyPackagesClaimed"),
    @JsonSubTypes.Type(value = ServerFrame.GroupCreated.class, name = "groupCreated"),
    @JsonSubTypes.Type(value = ServerFrame.GroupState.class, name = "group"),
    @JsonSubTypes.Type(value = ServerFrame.Accepted.class, name = "accepted"),
    @JsonSubTypes.Type(value = ServerFrame.Acked.class, name = "acked"),
    @JsonSubTypes.Type(value = ServerFrame.AttachmentTicketIssued.class, name = "attachmentTicketIssued"),
    @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerFrame.Deliver.class, name = "deliver"),
    @JsonSubTypes.Type(value = ServerFrame.KeyPackagesLow.class, name = "keyPackagesLow")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerFrame extends Frame {

    /**
     * The first frame on every connection: a fresh random nonce to sign (see {@link
     * ChallengeSignature}) and the protocol version the server speaks.
     */
    record Challenge(int protocolVersion, Bytes nonce) implements ServerFrame {}

    /** The device is enrolled and this connection is authenticated as it. */
    record Enrolled(String id, String userId, String deviceId) implements ServerFrame {}

    /**
     * The connection is authenticated. Deliveries after {@code ackedUpTo} follow as {@link
     * Deliver} events.
     */
    record Authenticated(String id, String userId, String deviceId, long ackedUpTo, int keyPackageStock)
            implements ServerFrame {}

    record Pong(String id, long serverTimeMillis) implements ServerFrame {}

    record Users(String id, List<UserEntry> users) implements ServerFrame {}

    record UserEntry(String userId, String displayName) {}

    record Devices(String id, String userId, List<DeviceEntry> devices) implements ServerFrame {}

    record DeviceEntry(String deviceId, String deviceName, String signatureScheme, Bytes signatureKey) {}

    /** {@code stock} is the device's number of unclaimed one-time KeyPackages. */
    record KeyPackagesStored(String id, int stock, boolean hasLastResort) implements ServerFrame {}

    /** One KeyPackage per device of {@code userId} that has one; devices without any are absent. */
    record KeyPackagesClaimed(String id, String userId, List<ClaimedKeyPackage> keyPackages) implements ServerFrame {}

    record ClaimedKeyPackage(String deviceId, Bytes keyPackage, boolean lastResort) {}

    record GroupCreated(String id, Bytes groupId, long epoch) implements ServerFrame {}

    record GroupState(String id, Bytes groupId, long epoch, List<String> memberDevices) implements ServerFrame {}

    /**
     * The message is durably in the group's log at {@code logIndex}; {@code epoch} is the group's
     * epoch after it. {@code duplicate} is true when this answers a resend of an accepted message.
     * {@code receivedAtMillis} is when the server received the message (for a duplicate: the first
     * time), the same time its recipients get in {@link Deliver#receivedAtMillis()}; null from a
     * server that does not send it.
     */
    record Accepted(String id, Bytes groupId, long logIndex, long epoch, boolean duplicate, Long receivedAtMillis)
            implements ServerFrame {}

    record Acked(String id, long upTo) implements ServerFrame {}

    /**
     * A bearer token for {@code POST /v1/attachments} and {@code GET /v1/attachments/{id}}, valid
     * until {@code expiresAtMillis}, for blobs of at most {@code maxBytes}.
     */
    record AttachmentTicketIssued(String id, String token, long expiresAtMillis, long maxBytes)
            implements ServerFrame {}

    /**
     * A typed error. {@code id} is the request's ID when it could be read. {@code currentEpoch}
     * accompanies {@code stale_epoch}; {@code retryAfterMs} accompanies {@code rate_limited}.
     */
    record Error(String id, ErrorCode code, String message, Long currentEpoch, Long retryAfterMs)
            implements ServerFrame {
        public static Error of(String id, ErrorCode code, String message) {
            return new Error(id, code, message, null, null);
        }
    }

    /**
     * A message for this device, numbered by the server with {@code seq} (per device, strictly
     * increasing). At-least-once: a delivery not acknowledged before the connection ends comes
     * again after the next authentication. {@code logIndex} and {@code epoch} are absent for
     * Welcomes.
     */
    record Deliver(
            long seq,
            DeliveryKind kind,
            Bytes groupId,
            Long logIndex,
            Long epoch,
            String senderUserId,
            String senderDeviceId,
            Bytes message,
            long receivedAtMillis)
            implements ServerFrame {}

    /** This device has fewer than {@code threshold} one-time KeyPackages left: upload more. */
    record KeyPackagesLow(int stock, int threshold, boolean hasLastResort) implements ServerFrame {}
}

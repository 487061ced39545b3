package org.vermerk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;

/**
 * A frame a client sends. Each carries a client-chosen {@code id} (1–256 characters) that the
 * server's answer repeats. Before {@link Authenticate} or {@link Enrol} succeeded, only those two
 * and {@link Ping} are accepted.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientRequest.Enrol.class, name = "enrol"),
    @JsonSubTypes.Type(value = ClientRequest.Authenticate.class, name = "authenticate"),
    @JsonSubTypes.Type(value = ClientRequest.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientRequest.LookupUser.class, name = "lookupUser"),
    @JsonSubTypes.Type(value = ClientRequest.SearchUsers.class, name = "searchUsers"),
    @JsonSubTypes.Type(value = ClientRequest.ListDevices.class, name = "listDevices"),
    @JsonSubTypes.Type(value = ClientRequest.UploadKeyPackages.class, name = "uploadKeyPackages"),
    @JsonSubTypes.Type(value = ClientRequest.ClaimKeyPackages.class, name = "claimKeyPackages"),
    @JsonSubTypes.Type(value = ClientRequest.CreateGroup.class, name = "createGroup"),
    @JsonSubTypes.Type(value = ClientRequest.GetGroup.class, name = "getGroup"),
    @JsonSubTypes.Type(value = ClientRequest.SendCommit.class, name = "sendCommit"),
    @JsonSubTypes.Type(value = ClientRequest.SendMessage.class, name = "sendMessage"),
    @JsonSubTypes.Type(value = ClientRequest.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ClientRequest.AttachmentTicket.class, name = "attachmentTicket")
})
public sealed interface ClientRequest extends Frame {
    /** The client-chosen request ID, repeated in the answer. */
    String id();

    /**
     * Enrols a new device of {@code userId} with a one-time code from the administrator ({@code
     * userId} null: of the user the code was made for). The
     * signature is over the connection's challenge (see {@link ChallengeSignature}) with the key
     * being enrolled, which proves possession; on success the connection is authenticated as the
     * new device. Answer: {@link ServerFrame.Enrolled}.
     *
     * @param signatureScheme {@code ed25519} or {@code ecdsa_secp256r1_sha256}
     * @param signatureKey the device's MLS signature public key (raw 32 bytes for Ed25519, the
     *     uncompressed SEC1 point for P-256)
     */
    record Enrol(
            String id,
            String userId,
            String code,
            String deviceName,
            String signatureScheme,
            Bytes signatureKey,
            Bytes signature)
            implements ClientRequest {
        public Enrol {
            Fields.id(id, "id");
            if (userId != null) {
                Fields.id(userId, "userId");
            }
            Fields.text(code, "code", 64);
            deviceName = deviceName == null ? "" : Fields.text(deviceName, "deviceName", 256);
            Fields.text(signatureScheme, "signatureScheme", 64);
            Fields.bytes(signatureKey, "signatureKey");
            Fields.bytes(signature, "signature");
        }
    }

    /** Authenticates an enrolled device by signing the challenge. Answer: {@link ServerFrame.Authenticated}. */
    record Authenticate(String id, String deviceId, Bytes signature) implements ClientRequest {
        public Authenticate {
            Fields.id(id, "id");
            Fields.id(deviceId, "deviceId");
            Fields.bytes(signature, "signature");
        }
    }

    /** Keeps the connection alive and measures the round trip. Answer: {@link ServerFrame.Pong}. */
    record Ping(String id) implements ClientRequest {
        public Ping {
            Fields.id(id, "id");
        }
    }

    /** One user by ID. Answer: {@link ServerFrame.Users} with zero or one entry. */
    record LookupUser(String id, String userId) implements ClientRequest {
        public LookupUser {
            Fields.id(id, "id");
            Fields.id(userId, "userId");
        }
    }

    /** Users whose display name starts with {@code prefix} (case-insensitive). Answer: {@link ServerFrame.Users}. */
    record SearchUsers(String id, String prefix, int limit) implements ClientRequest {
        public SearchUsers {
            Fields.id(id, "id");
            Fields.text(prefix, "prefix", 256);
            if (limit <= 0 || limit > 100) {
                limit = 20;
            }
        }
    }

    /** The enrolled devices of a user. Answer: {@link ServerFrame.Devices}. */
    record ListDevices(String id, String userId) implements ClientRequest {
        public ListDevices {
            Fields.id(id, "id");
            Fields.id(userId, "userId");
        }
    }

    /**
     * Adds one-time KeyPackages of this device (each an {@code MLSMessage} with wire format
     * {@code mls_key_package}) and optionally replaces its last-resort KeyPackage. Answer:
     * {@link ServerFrame.KeyPackagesStored}.
     */
    record UploadKeyPackages(String id, List<Bytes> keyPackages, Bytes lastResort) implements ClientRequest {
        public UploadKeyPackages {
            Fields.id(id, "id");
            keyPackages = Fields.list(keyPackages, "keyPackages");
        }
    }

    /**
     * Claims one KeyPackage for each device of {@code userId} (other than the caller's own
     * device). Each one-time KeyPackage is handed out at most once; a device without one left
     * yields its last-resort KeyPackage. Answer: {@link ServerFrame.KeyPackagesClaimed}.
     */
    record ClaimKeyPackages(String id, String userId) implements ClientRequest {
        public ClaimKeyPackages {
            Fields.id(id, "id");
            Fields.id(userId, "userId");
        }
    }

    /** Creates a group log at epoch 0 with this device as its only member. Answer: {@link ServerFrame.GroupCreated}. */
    record CreateGroup(String id, Bytes groupId) implements ClientRequest {
        public CreateGroup {
            Fields.id(id, "id");
            Fields.bytes(groupId, "groupId");
        }
    }

    /** The group's current epoch and member devices. Answer: {@link ServerFrame.GroupState}. */
    record GetGroup(String id, Bytes groupId) implements ClientRequest {
        public GetGroup {
            Fields.id(id, "id");
            Fields.bytes(groupId, "groupId");
        }
    }

    /**
     * Appends a commit for {@code epoch}. Accepted only if {@code epoch} is the group's current
     * epoch (and matches the MLS header); the first commit for an epoch wins, later ones get
     * {@code stale_epoch}. The commit goes to the current members; {@code welcome} goes only to
     * {@code addDevices}; the server's member list then gains {@code addDevices} and loses
     * {@code removeDevices}. Answer: {@link ServerFrame.Accepted}.
     *
     * @param clientMessageId the sender's ID for de-duplication: a resend is answered with the
     *     original log index and not appended again
     */
    record SendCommit(
            String id,
            Bytes groupId,
            long epoch,
            String clientMessageId,
            Bytes message,
            Bytes welcome,
            List<String> addDevices,
            List<String> removeDevices)
            implements ClientRequest {
        public SendCommit {
            Fields.id(id, "id");
            Fields.bytes(groupId, "groupId");
            Fields.nonNegative(epoch, "epoch");
            Fields.id(clientMessageId, "clientMessageId");
            Fields.bytes(message, "message");
            addDevices = Fields.list(addDevices, "addDevices");
            removeDevices = Fields.list(removeDevices, "removeDevices");
        }
    }

    /**
     * Appends an application message or proposal for the group's current epoch and fans it out
     * to every other member device. Answer: {@link ServerFrame.Accepted}.
     */
    record SendMessage(String id, Bytes groupId, long epoch, String clientMessageId, Bytes message)
            implements ClientRequest {
        public SendMessage {
            Fields.id(id, "id");
            Fields.bytes(groupId, "groupId");
            Fields.nonNegative(epoch, "epoch");
            Fields.id(clientMessageId, "clientMessageId");
            Fields.bytes(message, "message");
        }
    }

    /**
     * Confirms that every delivery up to and including {@code upTo} is durably stored by the
     * client; after a reconnect the server resumes after the last acknowledged sequence number.
     * Answer: {@link ServerFrame.Acked}.
     */
    record Ack(String id, long upTo) implements ClientRequest {
        public Ack {
            Fields.id(id, "id");
            Fields.nonNegative(upTo, "upTo");
        }
    }

    /** A short-lived bearer token for the attachment endpoint. Answer: {@link ServerFrame.AttachmentTicketIssued}. */
    record AttachmentTicket(String id) implements ClientRequest {
        public AttachmentTicket {
            Fields.id(id, "id");
        }
    }
}

package org.vermerk.server.delivery;

import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ContentType;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.MlsMessageHeader;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireFormat;
import org.vermerk.server.storage.AppendResult;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.GroupRecord;
import org.vermerk.server.storage.NewGroupMessage;

/**
 * The delivery service of RFC 9750 §5.3 for groups: one ordered log per group, commits accepted
 * only for the current epoch (the first wins), fan-out to member devices, Welcomes to the added
 * devices only. The server reads only the MLS header of each message ({@link MlsMessageHeader}).
 */
final class GroupRequests {
    private static final Logger LOG = LoggerFactory.getLogger(GroupRequests.class);

    private final DeliveryStore store;
    private final OnlineDevices online;
    private final InstantSource clock;

    GroupRequests(DeliveryStore store, OnlineDevices online, InstantSource clock) {
        this.store = store;
        this.online = online;
        this.clock = clock;
    }

    Reply create(Device device, ClientRequest.CreateGroup request) {
        if (!store.createGroup(request.groupId(), device.deviceId(), clock.instant())) {
            return Reply.error(request.id(), ErrorCode.GROUP_EXISTS, "a group with this ID exists");
        }
        LOG.info("event=group_created group={} device={}", request.groupId().hex(), device.deviceId());
        return Reply.of(new ServerFrame.GroupCreated(request.id(), request.groupId(), 0));
    }

    Reply get(Device device, ClientRequest.GetGroup request) {
        Optional<GroupRecord> group = store.group(request.groupId());
        if (group.isEmpty()) {
            return Reply.error(request.id(), ErrorCode.NOT_FOUND, "no such group");
        }
        if (!group.get().memberDevices().contains(device.deviceId())) {
            return Reply.error(request.id(), ErrorCode.NOT_MEMBER, "this device is not a member of the group");
        }
        return Reply.of(new ServerFrame.GroupState(
                request.id(),
                request.groupId(),
                group.get().epoch(),
                group.get().memberDevices()));
    }

    Reply commit(Device device, ClientRequest.SendCommit request) {
        Optional<String> problem = checkHeader(request.message(), request.groupId(), request.epoch(), true);
        if (problem.isEmpty() && request.welcome() != null) {
            problem = checkWelcome(request);
        }
        if (problem.isPresent()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, problem.get());
        }
        return append(
                request.id(),
                new NewGroupMessage(
                        request.groupId(),
                        DeliveryKind.COMMIT,
                        request.epoch(),
                        device.deviceId(),
                        request.clientMessageId(),
                        request.message(),
                        request.welcome(),
                        request.addDevices(),
                        request.removeDevices(),
                        clock.instant()));
    }

    Reply message(Device device, ClientRequest.SendMessage request) {
        Optional<String> problem = checkHeader(request.message(), request.groupId(), request.epoch(), false);
        if (problem.isPresent()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, problem.get());
        }
        ContentType type = header(request.message()).contentType().orElseThrow();
        return append(
                request.id(),
                new NewGroupMessage(
                        request.groupId(),
                        DeliveryKind.of(type),
                        request.epoch(),
                        device.deviceId(),
                        request.clientMessageId(),
                        request.message(),
                        null,
                        java.util.List.of(),
                        java.util.List.of(),
                        clock.instant()));
    }

    private Reply append(String requestId, NewGroupMessage message) {
        AppendResult result = store.append(message);
        String group = message.groupId().hex();
        return switch (result) {
            case AppendResult.Accepted accepted -> {
                LOG.info(
                        "event=appended group={} kind={} epoch={} logIndex={} recipients={} duplicate={}",
                        group,
                        message.kind().wireName(),
                        message.epoch(),
                        accepted.logIndex(),
                        accepted.recipients().size(),
                        accepted.duplicate());
                // Recipients are told before the sender is answered: once the sender holds the
                // answer, every online recipient connection has the delivery in its send queue
                // (or, if its window is full, will read it from its queue after the next ack).
                online.queued(accepted.queued());
                yield Reply.of(new ServerFrame.Accepted(
                        requestId,
                        message.groupId(),
                        accepted.logIndex(),
                        accepted.epochAfter(),
                        accepted.duplicate(),
                        accepted.receivedAt().toEpochMilli()));
            }
            case AppendResult.StaleEpoch stale -> {
                LOG.info(
                        "event=stale_epoch group={} kind={} epoch={} currentEpoch={}",
                        group,
                        message.kind().wireName(),
                        message.epoch(),
                        stale.currentEpoch());
                yield Reply.of(new ServerFrame.Error(
                        requestId,
                        ErrorCode.STALE_EPOCH,
                        "the group is at epoch " + stale.currentEpoch(),
                        stale.currentEpoch(),
                        null));
            }
            case AppendResult.NoSuchGroup none -> Reply.error(requestId, ErrorCode.NOT_FOUND, "no such group");
            case AppendResult.NotMember notMember ->
                Reply.error(requestId, ErrorCode.NOT_MEMBER, "this device is not a member of the group");
            case AppendResult.InvalidMembers invalid ->
                Reply.error(requestId, ErrorCode.INVALID_REQUEST, invalid.reason());
        };
    }

    private static MlsMessageHeader header(Bytes message) {
        try {
            return MlsMessageHeader.read(message.toByteArray());
        } catch (DecodeException e) {
            throw new IllegalStateException("checked before", e);
        }
    }

    /** Why the message's MLS header does not fit the request, if it does not. */
    private static Optional<String> checkHeader(Bytes message, Bytes groupId, long epoch, boolean commit) {
        MlsMessageHeader header;
        try {
            header = MlsMessageHeader.read(message.toByteArray());
        } catch (DecodeException e) {
            return Optional.of(
                    "the message's MLS header does not decode (" + e.rule().id() + ")");
        }
        if (!header.isGroupMessage()) {
            return Optional.of("the message is not a PublicMessage or PrivateMessage");
        }
        if (!header.groupId().orElseThrow().equals(groupId)) {
            return Optional.of("the message's group_id is not the request's group");
        }
        if (header.epoch().orElseThrow() != epoch) {
            return Optional.of("the message's epoch is not the request's epoch");
        }
        boolean isCommit = header.contentType().orElseThrow() == ContentType.COMMIT;
        if (commit != isCommit) {
            return Optional.of(commit ? "sendCommit needs a commit" : "a commit goes through sendCommit");
        }
        return Optional.empty();
    }

    private static Optional<String> checkWelcome(ClientRequest.SendCommit request) {
        if (request.addDevices().isEmpty()) {
            return Optional.of("a Welcome needs addDevices");
        }
        try {
            if (MlsMessageHeader.read(request.welcome().toByteArray()).wireFormat() != WireFormat.WELCOME) {
                return Optional.of("welcome is not an MLSMessage carrying a Welcome");
            }
        } catch (DecodeException e) {
            return Optional.of(
                    "the welcome's MLS header does not decode (" + e.rule().id() + ")");
        }
        return Optional.empty();
    }
}

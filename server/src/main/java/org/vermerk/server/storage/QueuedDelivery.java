package org.vermerk.server.storage;

import java.time.Instant;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;

/** One entry of a device's queue, in the order of its per-device sequence number. */
public record QueuedDelivery(
        long seq,
        DeliveryKind kind,
        Bytes groupId,
        Long logIndex,
        Long epoch,
        String senderUserId,
        String senderDeviceId,
        Bytes payload,
        Instant receivedAt) {}

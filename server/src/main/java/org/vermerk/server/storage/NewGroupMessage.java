package org.vermerk.server.storage;

import java.time.Instant;
import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;

/**
 * A message to append to a group's log: a commit (which may carry a Welcome and change the
 * member devices) or an application message or proposal (which may not).
 *
 * @param epoch the epoch the sender created it in; must be the group's current epoch
 */
public record NewGroupMessage(
        Bytes groupId,
        DeliveryKind kind,
        long epoch,
        String senderDeviceId,
        String clientMessageId,
        Bytes payload,
        Bytes welcome,
        List<String> addDevices,
        List<String> removeDevices,
        Instant receivedAt) {
    public NewGroupMessage {
        if (kind == DeliveryKind.WELCOME) {
            throw new IllegalArgumentException("a Welcome travels with its commit");
        }
        addDevices = List.copyOf(addDevices);
        removeDevices = List.copyOf(removeDevices);
        if (kind != DeliveryKind.COMMIT && (welcome != null || !addDevices.isEmpty() || !removeDevices.isEmpty())) {
            throw new IllegalArgumentException("only a commit changes members or carries a Welcome");
        }
    }
}

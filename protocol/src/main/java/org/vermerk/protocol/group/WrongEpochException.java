package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.framing.protection.FramingRule;

/**
 * A handshake or application message of another epoch than the group's current one (FRAMING-2,
 * RFC 9420 §6, §14). A caller may keep a message of a later epoch until the group gets there, and
 * drops one of an earlier epoch: this engine keeps no keys of past epochs. A commit of the wrong
 * epoch usually means another member's commit won the race at the delivery service.
 */
public final class WrongEpochException extends MlsException {
    private final long messageEpoch;
    private final long groupEpoch;

    public WrongEpochException(long messageEpoch, long groupEpoch) {
        super(
                FramingRule.WRONG_EPOCH,
                "the message is of epoch " + Long.toUnsignedString(messageEpoch) + ", the group is in epoch "
                        + Long.toUnsignedString(groupEpoch));
        this.messageEpoch = messageEpoch;
        this.groupEpoch = groupEpoch;
    }

    public long messageEpoch() {
        return messageEpoch;
    }

    public long groupEpoch() {
        return groupEpoch;
    }

    /** Whether the message is of a later epoch, so that it may become readable once the group gets there. */
    public boolean isFromFuture() {
        return Long.compareUnsigned(messageEpoch, groupEpoch) > 0;
    }
}

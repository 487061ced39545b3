package org.vermerk.protocol.framing.protection;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.schedule.GroupContext;

/** FRAMING-1 and FRAMING-2: a message's group and epoch must be those of the receiver's current epoch. */
final class EpochCheck {
    private EpochCheck() {}

    static void require(GroupContext context, Bytes groupId, long epoch) throws FramingException {
        if (!context.groupId().equals(groupId)) {
            throw new FramingException(FramingRule.WRONG_GROUP, "the message belongs to another group");
        }
        if (context.epoch() != epoch) {
            throw new FramingException(
                    FramingRule.WRONG_EPOCH,
                    "the message is of epoch " + Long.toUnsignedString(epoch) + ", the group is in epoch "
                            + Long.toUnsignedString(context.epoch()));
        }
    }
}

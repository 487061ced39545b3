package org.vermerk.app.conversation;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.group.GroupStateCodec;

/**
 * The one place that turns a {@link Group} into the bytes the keystore keeps, and back: {@link
 * GroupStateCodec} (ADR 0009). The bytes hold the epoch's secrets; callers keep them only in the
 * encrypted store and wipe their copies.
 */
final class GroupStates {
    static final int FORMAT_VERSION = GroupStateCodec.VERSION;

    private GroupStates() {}

    /** The group's state; refused (IllegalStateException) while a commit of ours is pending. */
    static byte[] encode(Group group) {
        return GroupStateCodec.encode(group);
    }

    /** The group a stored state describes. */
    static Group decode(byte[] stored, int formatVersion, GroupConfig config) throws LostGroupStateException {
        if (formatVersion != FORMAT_VERSION) {
            throw new LostGroupStateException("group state format " + formatVersion + " is not readable here");
        }
        try {
            return GroupStateCodec.decode(stored, config);
        } catch (DecodeException e) {
            throw new LostGroupStateException("the stored group state is damaged (" + e.getMessage() + ")");
        }
    }

    /** The stored state cannot be turned into a group. */
    static final class LostGroupStateException extends Exception {
        LostGroupStateException(String message) {
            super(message);
        }
    }
}

package org.vermerk.app.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.vermerk.protocol.group.Group;
import org.vermerk.protocol.group.GroupConfig;

/**
 * The one place that turns a {@link Group} into the bytes the keystore keeps, and back.
 *
 * <p>Until {@code GroupStateCodec} (protocol, branch {@code groupstate}) is on main, the state
 * lives in this process only: the stored bytes are a handle into a process-wide table, so a
 * conversation continues while the process runs (the integration tests keep their clients up) but
 * not after a restart ({@link #FORMAT_VERSION} 0 marks such handles; loading one from another
 * process fails with {@link LostGroupStateException}). With the codec, {@link #encode} and
 * {@link #decode} become one line each and {@link #FORMAT_VERSION} the codec's version.
 */
final class GroupStates {
    static final int FORMAT_VERSION = 0;

    private static final Map<String, Group> IN_PROCESS = new ConcurrentHashMap<>();

    private GroupStates() {}

    /** The group's state; the caller keeps it only in the encrypted store and wipes the array. */
    static byte[] encode(Group group) {
        String handle = UUID.randomUUID().toString();
        IN_PROCESS.put(handle, group);
        return handle.getBytes(StandardCharsets.US_ASCII);
    }

    /** The group a stored state describes. */
    static Group decode(byte[] stored, int formatVersion, GroupConfig config) throws LostGroupStateException {
        if (formatVersion != FORMAT_VERSION) {
            throw new LostGroupStateException("group state format " + formatVersion + " is unknown");
        }
        Group group = IN_PROCESS.get(new String(stored, StandardCharsets.US_ASCII));
        if (group == null) {
            throw new LostGroupStateException(
                    "the group's state was kept by an earlier process (persistent group state is not built yet)");
        }
        return group;
    }

    /** Forgets a handle whose state was replaced. */
    static void forget(byte[] stored) {
        IN_PROCESS.remove(new String(stored, StandardCharsets.US_ASCII));
    }

    /** The stored state cannot be turned into a group. */
    static final class LostGroupStateException extends Exception {
        LostGroupStateException(String message) {
            super(message);
        }
    }
}

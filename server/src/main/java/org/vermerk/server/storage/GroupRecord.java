package org.vermerk.server.storage;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;

/** A group's log head: its current epoch and the devices messages fan out to. */
public record GroupRecord(Bytes groupId, long epoch, List<String> memberDevices) {
    public GroupRecord {
        memberDevices = List.copyOf(memberDevices);
    }
}

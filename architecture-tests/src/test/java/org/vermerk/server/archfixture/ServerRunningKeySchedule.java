package org.vermerk.server.archfixture;

import org.vermerk.protocol.schedule.GroupContext;

/** A deliberate violation: the server reaching into key-schedule logic. Test fixture only. */
public class ServerRunningKeySchedule {
    public long epochOf(GroupContext context) {
        return context.epoch();
    }
}

package org.vermerk.server.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.storage.QueuedDelivery;

/** The authenticated connections of each device, so that new queue entries reach them at once. Thread-safe. */
public final class OnlineDevices {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineDevices.class);

    private final int maxConnectionsPerDevice;
    private final ConcurrentMap<String, Set<DeviceConnection>> connections = new ConcurrentHashMap<>();

    public OnlineDevices(int maxConnectionsPerDevice) {
        this.maxConnectionsPerDevice = maxConnectionsPerDevice;
    }

    /** False (and nothing registered) if the device has its maximum of connections already. */
    public boolean register(String deviceId, DeviceConnection connection) {
        boolean[] added = {false};
        connections.compute(deviceId, (id, existing) -> {
            Set<DeviceConnection> set = existing == null ? new CopyOnWriteArraySet<>() : existing;
            if (set.size() < maxConnectionsPerDevice) {
                added[0] = set.add(connection);
            }
            return set;
        });
        return added[0];
    }

    public void unregister(String deviceId, DeviceConnection connection) {
        connections.computeIfPresent(deviceId, (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Hands each device's connections the entry just committed to its queue (the store's append
     * result), so that online devices get it without their queue being read again.
     */
    public void queued(Map<String, QueuedDelivery> entries) {
        entries.forEach((deviceId, delivery) -> {
            for (DeviceConnection connection : connectionsOf(deviceId)) {
                try {
                    connection.offer(delivery);
                } catch (RuntimeException e) {
                    // The entry is committed; only this connection's send failed (its queue read,
                    // say). The others still get theirs, and this device reads its queue again
                    // when it reconnects (1011: the server had an internal error).
                    LOG.warn(
                            "event=offer_failed device={} error={}",
                            deviceId,
                            e.getClass().getSimpleName());
                    connection.close(1011, "internal error");
                }
            }
        });
    }

    public void send(String deviceId, ServerFrame event) {
        for (DeviceConnection connection : connectionsOf(deviceId)) {
            connection.send(event);
        }
    }

    private Collection<DeviceConnection> connectionsOf(String deviceId) {
        Set<DeviceConnection> set = connections.get(deviceId);
        return set == null ? List.of() : set;
    }
}

package org.vermerk.app.account;

import java.util.List;
import java.util.Optional;
import org.vermerk.app.connection.ConnectionException;
import org.vermerk.app.connection.Requests;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ServerFrame;

/**
 * The server's user directory: users by ID and by display-name prefix, and a user's enrolled
 * devices. What it says is the server's word; trust in a contact's keys comes from comparing
 * safety numbers, not from here. Blocking; never call it on a connection's event thread.
 */
public final class Directory {
    /** At most this many users per search, as the server allows. */
    public static final int MAX_RESULTS = 100;

    private final Requests requests;
    private final String ownDeviceId;

    /** Over {@code requests} (a {@link org.vermerk.app.connection.Session} or the lasting connection) of the device {@code ownDeviceId}. */
    public Directory(Requests requests, String ownDeviceId) {
        this.requests = requests;
        this.ownDeviceId = ownDeviceId;
    }

    /**
     * Users whose display name starts with {@code prefix} (case-insensitive), at most {@code limit}
     * (1 to {@link #MAX_RESULTS}); a blank prefix finds nobody (as one types, the field starts empty).
     */
    public List<DirectoryUser> search(String prefix, int limit) throws ConnectionException, InterruptedException {
        String trimmed = prefix == null ? "" : prefix.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.length() > 256) {
            throw new IllegalArgumentException("a search prefix has at most 256 characters");
        }
        int bounded = Math.max(1, Math.min(MAX_RESULTS, limit));
        return requests
                .await(id -> new ClientRequest.SearchUsers(id, trimmed, bounded), ServerFrame.Users.class)
                .users()
                .stream()
                .map(u -> new DirectoryUser(u.userId(), u.displayName()))
                .toList();
    }

    /** The user with this ID, if the server knows them. */
    public Optional<DirectoryUser> user(String userId) throws ConnectionException, InterruptedException {
        String id = userId.strip();
        return requests.await(r -> new ClientRequest.LookupUser(r, id), ServerFrame.Users.class).users().stream()
                .findFirst()
                .map(u -> new DirectoryUser(u.userId(), u.displayName()));
    }

    /** The user's enrolled devices (this one marked when the user is us). */
    public List<Device> devices(String userId) throws ConnectionException, InterruptedException {
        return requests
                .await(r -> new ClientRequest.ListDevices(r, userId), ServerFrame.Devices.class)
                .devices()
                .stream()
                .map(d -> new Device(
                        d.deviceId(),
                        d.deviceName(),
                        d.signatureScheme(),
                        d.signatureKey(),
                        d.deviceId().equals(ownDeviceId)))
                .toList();
    }

    /** The signature keys of the user's enrolled devices. */
    public List<Bytes> keys(String userId) throws ConnectionException, InterruptedException {
        return devices(userId).stream().map(Device::signatureKey).toList();
    }
}

package org.vermerk.server.delivery;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.ServerConfig;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;

/**
 * Answers each decoded request of a connection. Before authentication only {@code enrol}, {@code
 * authenticate} and {@code ping} are served; anything else closes the connection. Thread-safe
 * (it holds no per-connection state).
 */
public final class RequestHandler {
    private final DeliveryStore store;
    private final InstantSource clock;
    private final AccountRequests accounts;
    private final KeyPackageRequests keyPackages;
    private final GroupRequests groups;
    private final AttachmentTickets tickets;
    private final long attachmentMaxBytes;

    public RequestHandler(
            DeliveryStore store,
            OnlineDevices online,
            AttachmentTickets tickets,
            ServerConfig config,
            InstantSource clock,
            SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.tickets = tickets;
        this.attachmentMaxBytes = config.limits().attachmentMaxBytes();
        this.accounts = new AccountRequests(store, clock, random, config.keyPackageLowWatermark());
        this.keyPackages = new KeyPackageRequests(store, online, clock, config.keyPackageLowWatermark());
        this.groups = new GroupRequests(store, online, clock);
    }

    public Reply handle(DeviceConnection connection, ClientRequest request) {
        return switch (request) {
            case ClientRequest.Ping ping -> Reply.of(new ServerFrame.Pong(ping.id(), clock.millis()));
            case ClientRequest.Enrol enrol -> accounts.enrol(connection, enrol);
            case ClientRequest.Authenticate authenticate -> accounts.authenticate(connection, authenticate);
            default -> {
                Optional<Device> device = connection.device();
                yield device.isEmpty()
                        ? Reply.fatal(request.id(), ErrorCode.UNAUTHENTICATED, "authenticate first")
                        : authenticated(connection, device.get(), request);
            }
        };
    }

    private Reply authenticated(DeviceConnection connection, Device device, ClientRequest request) {
        return switch (request) {
            case ClientRequest.LookupUser lookup -> accounts.lookupUser(lookup);
            case ClientRequest.SearchUsers search -> accounts.searchUsers(search);
            case ClientRequest.ListDevices list -> accounts.listDevices(list);
            case ClientRequest.UploadKeyPackages upload -> keyPackages.upload(device, upload);
            case ClientRequest.ClaimKeyPackages claim -> keyPackages.claim(device, claim);
            case ClientRequest.CreateGroup create -> groups.create(device, create);
            case ClientRequest.GetGroup get -> groups.get(device, get);
            case ClientRequest.SendCommit commit -> groups.commit(device, commit);
            case ClientRequest.SendMessage message -> groups.message(device, message);
            case ClientRequest.Ack ack -> {
                long acked = store.ack(device.deviceId(), ack.upTo());
                yield Reply.of(new ServerFrame.Acked(ack.id(), acked), () -> connection.acknowledged(acked));
            }
            case ClientRequest.AttachmentTicket ticket -> {
                var expiry = tickets.expiryOfNewTicket();
                String token = tickets.issue(device.deviceId());
                yield Reply.of(new ServerFrame.AttachmentTicketIssued(
                        ticket.id(), token, expiry.toEpochMilli(), attachmentMaxBytes));
            }
            case ClientRequest.Ping ping -> Reply.of(new ServerFrame.Pong(ping.id(), clock.millis()));
            case ClientRequest.Enrol enrol -> accounts.enrol(connection, enrol);
            case ClientRequest.Authenticate authenticate -> accounts.authenticate(connection, authenticate);
        };
    }
}

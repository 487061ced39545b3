package org.vermerk.server.delivery;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.wire.ChallengeSignature;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.auth.EnrolmentCodes;
import org.vermerk.server.auth.SignatureScheme;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.KeyPackageStock;
import org.vermerk.server.storage.User;

/** Enrolment, challenge authentication and the user directory. */
final class AccountRequests {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRequests.class);

    private final DeliveryStore store;
    private final InstantSource clock;
    private final SecureRandom random;
    private final int keyPackageLowWatermark;

    AccountRequests(DeliveryStore store, InstantSource clock, SecureRandom random, int keyPackageLowWatermark) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.keyPackageLowWatermark = keyPackageLowWatermark;
    }

    Reply enrol(DeviceConnection connection, ClientRequest.Enrol request) {
        if (connection.device().isPresent()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "this connection is authenticated already");
        }
        Optional<SignatureScheme> scheme = SignatureScheme.named(request.signatureScheme());
        if (scheme.isEmpty() || !scheme.get().acceptsKey(request.signatureKey())) {
            LOG.info("event=enrol_refused reason=bad_key user={}", request.userId());
            return Reply.fatal(
                    request.id(), ErrorCode.ENROLMENT_FAILED, "unsupported signature scheme or malformed key");
        }
        if (!scheme.get()
                .verify(
                        request.signatureKey(),
                        ChallengeSignature.content(connection.challenge()),
                        request.signature())) {
            LOG.info("event=enrol_refused reason=bad_signature user={}", request.userId());
            return Reply.fatal(request.id(), ErrorCode.ENROLMENT_FAILED, "the challenge signature does not verify");
        }
        Device candidate = new Device(
                newDeviceId(),
                request.userId(),
                request.deviceName(),
                scheme.get().wireName(),
                request.signatureKey());
        Optional<Device> enrolled = store.enrol(EnrolmentCodes.hash(request.code()), candidate, clock.instant());
        if (enrolled.isEmpty()) {
            LOG.info("event=enrol_refused reason=code user={}", request.userId());
            return Reply.fatal(
                    request.id(), ErrorCode.ENROLMENT_FAILED, "the code is unknown, used, expired or for another user");
        }
        Device device = enrolled.get();
        if (!connection.authenticateAs(device, 0)) {
            return Reply.fatal(request.id(), ErrorCode.TOO_MANY_CONNECTIONS, "too many connections for this device");
        }
        LOG.info(
                "event=enrolled user={} device={} scheme={}",
                device.userId(),
                device.deviceId(),
                device.signatureScheme());
        return Reply.of(new ServerFrame.Enrolled(request.id(), device.userId(), device.deviceId()), () -> {
            connection.pumpQueue();
            warnIfLow(connection, device.deviceId());
        });
    }

    Reply authenticate(DeviceConnection connection, ClientRequest.Authenticate request) {
        if (connection.device().isPresent()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "this connection is authenticated already");
        }
        Optional<Device> found = store.device(request.deviceId());
        boolean valid = found.isPresent()
                && SignatureScheme.named(found.get().signatureScheme())
                        .map(scheme -> scheme.verify(
                                found.get().signatureKey(),
                                ChallengeSignature.content(connection.challenge()),
                                request.signature()))
                        .orElse(false);
        if (!valid) {
            LOG.info("event=auth_refused device={}", request.deviceId());
            return Reply.fatal(request.id(), ErrorCode.AUTH_FAILED, "unknown device or wrong signature");
        }
        Device device = found.get();
        long ackedUpTo = store.ackedUpTo(device.deviceId());
        if (!connection.authenticateAs(device, ackedUpTo)) {
            LOG.info("event=auth_refused reason=connection_limit device={}", device.deviceId());
            return Reply.fatal(request.id(), ErrorCode.TOO_MANY_CONNECTIONS, "too many connections for this device");
        }
        KeyPackageStock stock = store.keyPackageStock(device.deviceId());
        LOG.info("event=authenticated user={} device={}", device.userId(), device.deviceId());
        return Reply.of(
                new ServerFrame.Authenticated(
                        request.id(), device.userId(), device.deviceId(), ackedUpTo, stock.oneTime()),
                () -> {
                    connection.pumpQueue();
                    warnIfLow(connection, device.deviceId());
                });
    }

    private void warnIfLow(DeviceConnection connection, String deviceId) {
        KeyPackageStock stock = store.keyPackageStock(deviceId);
        if (stock.oneTime() < keyPackageLowWatermark) {
            connection.send(
                    new ServerFrame.KeyPackagesLow(stock.oneTime(), keyPackageLowWatermark, stock.hasLastResort()));
        }
    }

    private String newDeviceId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "d" + HexFormat.of().formatHex(bytes);
    }

    Reply lookupUser(ClientRequest.LookupUser request) {
        List<ServerFrame.UserEntry> users = store.user(request.userId()).stream()
                .map(AccountRequests::entry)
                .toList();
        return Reply.of(new ServerFrame.Users(request.id(), users));
    }

    Reply searchUsers(ClientRequest.SearchUsers request) {
        if (request.prefix().isBlank()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "the prefix must not be empty");
        }
        List<ServerFrame.UserEntry> users = store.usersByNamePrefix(request.prefix(), request.limit()).stream()
                .map(AccountRequests::entry)
                .toList();
        return Reply.of(new ServerFrame.Users(request.id(), users));
    }

    private static ServerFrame.UserEntry entry(User user) {
        return new ServerFrame.UserEntry(user.userId(), user.displayName());
    }

    Reply listDevices(ClientRequest.ListDevices request) {
        if (store.user(request.userId()).isEmpty()) {
            return Reply.error(request.id(), ErrorCode.NOT_FOUND, "no such user");
        }
        List<ServerFrame.DeviceEntry> devices = store.devicesOf(request.userId()).stream()
                .map(device -> new ServerFrame.DeviceEntry(
                        device.deviceId(), device.deviceName(), device.signatureScheme(), device.signatureKey()))
                .toList();
        return Reply.of(new ServerFrame.Devices(request.id(), request.userId(), devices));
    }
}

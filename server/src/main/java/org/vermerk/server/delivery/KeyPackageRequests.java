package org.vermerk.server.delivery;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.wire.ClientRequest;
import org.vermerk.protocol.wire.ErrorCode;
import org.vermerk.protocol.wire.MlsMessageHeader;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.protocol.wire.WireFormat;
import org.vermerk.server.storage.ClaimedKeyPackage;
import org.vermerk.server.storage.DeliveryStore;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.KeyPackageStock;

/** KeyPackage upload and claim (RFC 9750 §5.2: the DS as a KeyPackage directory). */
final class KeyPackageRequests {
    private static final Logger LOG = LoggerFactory.getLogger(KeyPackageRequests.class);

    /** The most KeyPackages one upload may carry. */
    static final int MAX_PER_UPLOAD = 200;

    private final DeliveryStore store;
    private final OnlineDevices online;
    private final InstantSource clock;
    private final int lowWatermark;

    KeyPackageRequests(DeliveryStore store, OnlineDevices online, InstantSource clock, int lowWatermark) {
        this.store = store;
        this.online = online;
        this.clock = clock;
        this.lowWatermark = lowWatermark;
    }

    Reply upload(Device device, ClientRequest.UploadKeyPackages request) {
        if (request.keyPackages().size() > MAX_PER_UPLOAD) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "at most " + MAX_PER_UPLOAD + " per upload");
        }
        List<Bytes> all = new ArrayList<>(request.keyPackages());
        if (request.lastResort() != null) {
            all.add(request.lastResort());
        }
        if (all.isEmpty()) {
            return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "no KeyPackages in the upload");
        }
        for (Bytes keyPackage : all) {
            if (!isKeyPackage(keyPackage)) {
                return Reply.error(request.id(), ErrorCode.INVALID_REQUEST, "not an MLSMessage carrying a KeyPackage");
            }
        }
        KeyPackageStock stock =
                store.addKeyPackages(device.deviceId(), request.keyPackages(), request.lastResort(), clock.instant());
        LOG.info(
                "event=key_packages_stored device={} added={} lastResort={} stock={}",
                device.deviceId(),
                request.keyPackages().size(),
                request.lastResort() != null,
                stock.oneTime());
        return Reply.of(new ServerFrame.KeyPackagesStored(request.id(), stock.oneTime(), stock.hasLastResort()));
    }

    private static boolean isKeyPackage(Bytes message) {
        try {
            return MlsMessageHeader.read(message.toByteArray()).wireFormat() == WireFormat.KEY_PACKAGE;
        } catch (DecodeException e) {
            return false;
        }
    }

    Reply claim(Device device, ClientRequest.ClaimKeyPackages request) {
        if (store.user(request.userId()).isEmpty()) {
            return Reply.error(request.id(), ErrorCode.NOT_FOUND, "no such user");
        }
        List<ClaimedKeyPackage> claimed = store.claimKeyPackages(request.userId(), device.deviceId());
        LOG.info(
                "event=key_packages_claimed by={} user={} count={}",
                device.deviceId(),
                request.userId(),
                claimed.size());
        List<ServerFrame.ClaimedKeyPackage> entries = claimed.stream()
                .map(c -> new ServerFrame.ClaimedKeyPackage(c.deviceId(), c.keyPackage(), c.lastResort()))
                .toList();
        for (ClaimedKeyPackage c : claimed) {
            if (c.remainingStock() < lowWatermark) {
                KeyPackageStock stock = store.keyPackageStock(c.deviceId());
                online.send(
                        c.deviceId(),
                        new ServerFrame.KeyPackagesLow(stock.oneTime(), lowWatermark, stock.hasLastResort()));
            }
        }
        return Reply.of(new ServerFrame.KeyPackagesClaimed(request.id(), request.userId(), entries));
    }
}

package org.vermerk.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.wire.DeliveryKind;
import org.vermerk.protocol.wire.ServerFrame;
import org.vermerk.server.storage.Device;
import org.vermerk.server.storage.QueuedDelivery;

/** Handing committed entries to the online devices' connections. */
class OnlineDevicesTest {
    /** A connection that records what it was offered and how it was closed; one may fail its offer. */
    private static final class RecordingConnection implements DeviceConnection {
        final List<Long> offered = new ArrayList<>();
        final boolean failing;
        Integer closedWith;

        RecordingConnection(boolean failing) {
            this.failing = failing;
        }

        @Override
        public Bytes challenge() {
            return Bytes.of(new byte[] {1});
        }

        @Override
        public Optional<Device> device() {
            return Optional.empty();
        }

        @Override
        public boolean authenticateAs(Device device, long ackedUpTo) {
            return true;
        }

        @Override
        public void send(ServerFrame frame) {}

        @Override
        public void pumpQueue() {}

        @Override
        public void offer(QueuedDelivery delivery) {
            if (failing) {
                throw new IllegalStateException("the queue read failed");
            }
            offered.add(delivery.seq());
        }

        @Override
        public void acknowledged(long upTo) {}

        @Override
        public void close(int statusCode, String reason) {
            closedWith = statusCode;
        }
    }

    private static QueuedDelivery entry(long seq) {
        return new QueuedDelivery(
                seq,
                DeliveryKind.APPLICATION,
                Bytes.of(new byte[] {7}),
                1L,
                0L,
                "anna",
                "anna-1",
                Bytes.of(new byte[] {1, 2, 3}),
                Instant.parse("2026-11-27T12:00:00Z"));
    }

    @Test
    void aConnectionThatFailsItsOfferIsClosedAndTheOtherDevicesStillGetTheirs() {
        OnlineDevices online = new OnlineDevices(2);
        RecordingConnection ben = new RecordingConnection(true);
        RecordingConnection cara = new RecordingConnection(false);
        RecordingConnection dirk = new RecordingConnection(false);
        online.register("ben-1", ben);
        online.register("cara-1", cara);
        online.register("dirk-1", dirk);

        // Map order decides who comes first; each device must get its entry whatever the order.
        online.queued(Map.of("ben-1", entry(5), "cara-1", entry(9), "dirk-1", entry(2)));

        assertThat(cara.offered).containsExactly(9L);
        assertThat(dirk.offered).containsExactly(2L);
        assertThat(ben.closedWith)
                .as("closed as a server error, so the client reconnects and reads its queue")
                .isEqualTo(1011);
        assertThat(cara.closedWith).isNull();
    }
}
